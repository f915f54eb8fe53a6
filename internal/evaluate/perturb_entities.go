package evaluate

import (
	"strings"
)

// The entity swaps of the flag table. Their lists belong to the generator,
// not to the trust layer: a swap must be caught because the layer reads
// the sentence, not because it was written from the same list. Countries
// and places beyond the trust layer's country list, and people no corpus
// has checked (Kenyan, Brazilian, Indian names), are swapped in on
// purpose.

// countrySwaps pairs countries readers confuse; a country not paired here
// takes the next one of swapCountries.
var countrySwaps = [][2]string{
	{"South Korea", "North Korea"}, {"China", "Japan"}, {"Russia", "Ukraine"}, {"Iran", "Iraq"},
	{"Mexico", "Canada"}, {"Israel", "Egypt"}, {"France", "Germany"}, {"Kenya", "Uganda"},
	{"Brazil", "Argentina"}, {"India", "Pakistan"}, {"Nigeria", "Ghana"}, {"Venezuela", "Colombia"},
	{"Sweden", "Norway"}, {"Australia", "New Zealand"}, {"Italy", "Spain"}, {"Cuba", "Chile"},
	{"United States", "United Kingdom"}, {"America", "Canada"}, {"U.S.", "U.K."}, {"US", "UK"},
	{"United Kingdom", "Ireland"}, {"Britain", "Ireland"}, {"UK", "Ireland"}, {"Syria", "Lebanon"},
	{"Afghanistan", "Nepal"}, {"Saudi Arabia", "Qatar"}, {"Turkey", "Greece"}, {"Poland", "Hungary"},
}

// states are the US states, in an order where neighbours in the list are
// swapped for each other (pairs: Florida/Texas, California/New York, ...).
var states = []string{
	"Florida", "Texas", "California", "New York", "Ohio", "Michigan", "Georgia", "North Carolina",
	"Pennsylvania", "Wisconsin", "Arizona", "Nevada", "Virginia", "Maryland", "Illinois", "Indiana",
	"New Jersey", "Connecticut", "Oregon", "Washington", "Colorado", "Utah", "Tennessee", "Kentucky",
	"Alabama", "Mississippi", "Louisiana", "Arkansas", "Missouri", "Kansas", "Iowa", "Nebraska",
	"Minnesota", "South Dakota", "North Dakota", "Montana", "Idaho", "Wyoming", "Massachusetts",
	"Rhode Island", "Vermont", "New Hampshire", "Maine", "Delaware", "South Carolina", "West Virginia",
	"Oklahoma", "New Mexico", "Alaska", "Hawaii",
}

// swapPeople are the people swapped in: much-checked politicians (whom a
// corpus knows) alternate with people nobody has checked, from several
// countries, so the flag must come from reading the sentence.
var swapPeople = [][2]string{ // given name, surname
	{"Joe", "Biden"}, {"Amina", "Odhiambo"}, {"Donald", "Trump"}, {"João", "Carvalho"},
	{"Barack", "Obama"}, {"Wanjiru", "Kamau"}, {"Hillary", "Clinton"}, {"Priya", "Raghunathan"},
	{"Bernie", "Sanders"}, {"Thiago", "Mendonça"}, {"Nancy", "Pelosi"}, {"Kofi", "Mensah"},
	{"Ron", "DeSantis"}, {"Ngozi", "Adeyemi"}, {"Ted", "Cruz"}, {"Lucía", "Fernández"},
}

// givenNames tell the generator that a capitalised pair names a person.
var givenNames = wordList("aaron|adam|al|alan|alexandria|amy|andrew|ann|barack|bernie|beto|betsy|bill|bob|brian|" +
	"charlie|chris|chuck|cory|dan|david|debbie|don|donald|elizabeth|elon|eric|gavin|george|greg|hillary|hunter|" +
	"ilhan|ivanka|jeb|jeff|jim|joe|john|josh|kamala|kevin|kim|kristi|lindsey|marco|mark|melania|michael|" +
	"michelle|mike|mitch|mitt|nancy|nikki|paul|pete|rand|rick|robert|ron|rudy|sarah|scott|steve|ted|tim|tom|" +
	"tulsi|william|uhuru|raila|jair|luiz|narendra|emmanuel|justin|boris|angela|vladimir|xi")

// personTitles before a capitalised word make it a person.
var personTitles = wordList("president|senator|sen.|sen|rep.|rep|gov.|gov|governor|mayor|secretary|minister|" +
	"mr.|mrs.|ms.|dr.|speaker|congressman|congresswoman|candidate|judge")

func wordList(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Split(s, "|") {
		m[w] = true
	}
	return m
}

// swapEntities returns the entity swaps of query that apply given its
// claim: a country, a US state or a person the query shares with the claim
// (as whole capitalised words) replaced by another one the claim does not
// name, every mention in query at once.
func swapEntities(query, claim string, seed uint64) []Perturbation {
	var out []Perturbation
	if p, ok := swapCountry(query, claim); ok {
		out = append(out, Perturbation{Kind: "entities", Form: "country", Flag: "entity-differs", Text: p})
	}
	if p, ok := swapState(query, claim); ok {
		out = append(out, Perturbation{Kind: "entities", Form: "state", Flag: "entity-differs", Text: p})
	}
	if p, ok := swapPerson(query, claim, seed); ok {
		out = append(out, Perturbation{Kind: "entities", Form: "person", Flag: "entity-differs", Text: p})
	}
	return out
}

func swapCountry(query, claim string) (string, bool) {
	best, bestAt, repl := "", -1, ""
	for _, pair := range countrySwaps {
		for i := 0; i < 2; i++ {
			name, other := pair[i], pair[1-i]
			at := wordIndex(query, name)
			if at < 0 || wordIndex(claim, name) < 0 || wordIndex(claim, other) >= 0 || wordIndex(query, other) >= 0 {
				continue
			}
			if bestAt < 0 || at < bestAt || at == bestAt && len(name) > len(best) {
				best, bestAt, repl = name, at, other
			}
		}
	}
	if bestAt < 0 {
		return "", false
	}
	return replaceAll(query, best, repl), true
}

func swapState(query, claim string) (string, bool) {
	for i, s := range states {
		if wordIndex(query, s) < 0 || wordIndex(claim, s) < 0 {
			continue
		}
		other := states[i^1]
		if wordIndex(claim, other) >= 0 || wordIndex(query, other) >= 0 {
			continue
		}
		return replaceAll(query, s, other), true
	}
	return "", false
}

// swapPerson replaces a person the query and the claim both name: a
// capitalised word after a title ("Senator Warren"), or a known given name
// and the capitalised word after it ("Joe Biden"), or such a person's
// surname alone. A full name is replaced by a full name, a surname by a
// surname.
func swapPerson(query, claim string, seed uint64) (string, bool) {
	surname, full := personIn(query, claim)
	if surname == "" {
		surname, full = personIn(claim, query)
		if surname == "" || wordIndex(query, surname) < 0 {
			return "", false
		}
		full = ""
	}
	var pick [2]string
	for k := range swapPeople {
		p := swapPeople[(int(seed%uint64(len(swapPeople)))+k)%len(swapPeople)]
		if wordIndex(query, p[1]) < 0 && wordIndex(claim, p[1]) < 0 && !strings.EqualFold(p[1], surname) {
			pick = p
			break
		}
	}
	out := query
	if full != "" && wordIndex(out, full) >= 0 {
		out = replaceAll(out, full, pick[0]+" "+pick[1])
	}
	out = replaceAll(out, surname, pick[1])
	return out, out != query
}

// personIn finds in a a person that b names too: it returns the surname,
// and the full name as a writes it when a given name precedes it. After a
// title the whole capitalised run is the name ("Rep. Elijah Cummings").
func personIn(a, b string) (surname, full string) {
	words := capitalisedWords(a)
	for i := 0; i < len(words); i++ {
		w := words[i]
		j := i // the run words[i..j]
		for j+1 < len(words) && words[j+1].start == words[j].end+1 && j-i < 2 {
			j++
		}
		titled := titleBefore(a, w.start) && !personTitles[strings.ToLower(w.s)]
		if !titled && !(j > i && givenNames[strings.ToLower(w.s)]) {
			continue
		}
		if !titled {
			j = i + 1 // a given name and the surname after it
		}
		sur := words[j].s
		if wordIndex(b, sur) < 0 || isPlaceName(sur) || personTitles[strings.ToLower(sur)] {
			i = j
			continue
		}
		if j > i {
			return sur, a[w.start:words[j].end]
		}
		return sur, ""
	}
	return "", ""
}

// titleBefore reports a lower-case title word right before offset at
// ("former president Obama").
func titleBefore(s string, at int) bool {
	f := strings.Fields(s[:at])
	return len(f) > 0 && personTitles[strings.ToLower(f[len(f)-1])] && strings.HasSuffix(s[:at], f[len(f)-1]+" ")
}

func isPlaceName(w string) bool {
	for _, s := range states {
		if strings.Contains(s, w) {
			return true
		}
	}
	for _, p := range countrySwaps {
		if strings.Contains(p[0], w) || strings.Contains(p[1], w) {
			return true
		}
	}
	return false
}

type span struct {
	s          string
	start, end int
}

// capitalisedWords are the words of s that start with an upper-case ASCII
// letter and go on in lower case ("Biden", not "NATO"), with offsets.
func capitalisedWords(s string) []span {
	var out []span
	for i := 0; i < len(s); {
		if !isWordByte(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && (isWordByte(s[j]) || s[j] >= 0x80) {
			j++
		}
		w := s[i:j]
		if w[0] >= 'A' && w[0] <= 'Z' && len(w) > 1 && strings.ToUpper(w) != w {
			out = append(out, span{w, i, j})
		}
		i = j
	}
	return out
}

// replaceAll replaces every whole-word occurrence of name in s.
func replaceAll(s, name, repl string) string {
	var b strings.Builder
	for {
		at := wordIndex(s, name)
		if at < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:at])
		b.WriteString(repl)
		s = s[at+len(name):]
	}
}
