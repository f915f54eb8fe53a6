package evaluate

import (
	"strconv"
	"strings"

	"github.com/factcheckwidget/factcheck/internal/text"
	"github.com/factcheckwidget/factcheck/internal/trust"
)

// Perturbation is a query altered so that it no longer says what its gold
// fact-check says; Flag is the consistency flag the trust layer should raise.
type Perturbation struct {
	Kind string // "numbers", "dates", "entities", "negation"
	Flag string // "numbers-differ", "date-differs", "entity-differs", "negation"
	Text string
}

// Perturb writes the perturbations of query that apply given its gold
// claim: a number, year or month, or entity is only changed when the claim
// states it too (otherwise nothing contradicts the claim), and negation is
// inserted after the first auxiliary verb.
//
// Only the part of the query that makes the claim is altered (its sentence
// closest to the claim, without embedded-post credit lines): changing the
// date in "— Name (@handle) June 4, 2019" does not change what is claimed.
func Perturb(query, claim string) []Perturbation {
	start, end := trust.Focus(query, claim)
	head, part, tail := query[:start], query[start:end], query[end:]
	var out []Perturbation
	add := func(kind, flag, p string, ok bool) {
		if ok {
			out = append(out, Perturbation{kind, flag, head + p + tail})
		}
	}
	p, ok := scaleNumber(part, claim)
	add("numbers", "numbers-differ", p, ok)
	p, ok = shiftDate(part, claim)
	add("dates", "date-differs", p, ok)
	p, ok = swapEntity(part, claim)
	add("entities", "entity-differs", p, ok)
	p, ok = negate(part, claim)
	add("negation", "negation", p, ok)
	return out
}

func tokenSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, t := range text.Tokenize(s) {
		set[t.Text] = true
	}
	return set
}

func isYear(t string) bool {
	n, err := strconv.Atoi(t)
	return err == nil && len(t) == 4 && n >= 1900 && n <= 2100
}

// scaleNumber triples the first non-year number shared with the claim,
// written the way the original was ("28,500" -> "85,500").
func scaleNumber(query, claim string) (string, bool) {
	inClaim := tokenSet(claim)
	for _, t := range text.Tokenize(query) {
		if t.Kind != text.Number || isYear(t.Text) || !inClaim[t.Text] || !standalone(query, t) {
			continue
		}
		v, err := strconv.ParseFloat(t.Text, 64)
		if err != nil || v == 0 {
			continue
		}
		scaled := strconv.FormatFloat(v*3, 'f', -1, 64)
		if strings.Contains(query[t.Start:t.End], ",") {
			scaled = groupThousands(scaled)
		}
		return query[:t.Start] + scaled + query[t.End:], true
	}
	return "", false
}

// standalone reports a number that states a quantity: not part of an
// ordinal or a name ("118th", "2nd", "Incredibles 2", "Air Force 1"), a
// date or a fraction ("9/11", "1/3"). Scaling those does not change a
// quantity the claim states.
func standalone(s string, t text.Token) bool {
	if t.End < len(s) && (isWordByte(s[t.End]) || s[t.End] == '/') {
		return false
	}
	if t.Start > 0 && s[t.Start-1] == '/' {
		return false
	}
	// A capitalised word before the number names a title, unless it
	// opens the sentence ("Around 28,500 troops").
	before := strings.Fields(s[:t.Start])
	if len(before) == 0 {
		return true
	}
	prev := before[len(before)-1]
	capital := prev[0] >= 'A' && prev[0] <= 'Z' && isWordByte(prev[len(prev)-1])
	opens := len(before) == 1
	if !opens {
		w := before[len(before)-2]
		opens = strings.ContainsAny(w[len(w)-1:], ".!?:") // a sentence ends before prev
	}
	return !capital || opens
}

func groupThousands(s string) string {
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if hasFrac {
		return b.String() + "." + frac
	}
	return b.String()
}

var months = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// shiftDate moves a year shared with the claim three years later, or a
// month name shared with it five months on.
func shiftDate(query, claim string) (string, bool) {
	inClaim := tokenSet(claim)
	for _, t := range text.Tokenize(query) {
		if t.Kind == text.Number && isYear(t.Text) && inClaim[t.Text] {
			y, _ := strconv.Atoi(t.Text)
			return query[:t.Start] + strconv.Itoa(y+3) + query[t.End:], true
		}
	}
	for _, t := range text.Tokenize(query) {
		for i, m := range months {
			if t.Text == strings.ToLower(m) && inClaim[t.Text] {
				return query[:t.Start] + months[(i+5)%12] + query[t.End:], true
			}
		}
	}
	return "", false
}

// entitySwaps pairs names a claim can be about and that readers confuse.
var entitySwaps = [][2]string{
	{"South Korea", "North Korea"}, {"China", "Japan"}, {"Russia", "Ukraine"}, {"Iran", "Iraq"},
	{"Mexico", "Canada"}, {"Florida", "Texas"}, {"California", "New York"}, {"Israel", "Egypt"},
	{"France", "Germany"}, {"Obama", "Bush"}, {"Trump", "Biden"}, {"Clinton", "Sanders"},
	{"Democrats", "Republicans"}, {"Democratic", "Republican"},
}

// swapEntity replaces a name the query shares with the claim by its pair.
func swapEntity(query, claim string) (string, bool) {
	best, bestAt := "", -1
	var repl string
	for _, pair := range entitySwaps {
		for i := 0; i < 2; i++ {
			name, other := pair[i], pair[1-i]
			at := wordIndex(query, name)
			if at < 0 || wordIndex(claim, name) < 0 || wordIndex(claim, other) >= 0 {
				continue
			}
			if bestAt < 0 || at < bestAt || (at == bestAt && len(name) > len(best)) {
				best, bestAt, repl = name, at, other
			}
		}
	}
	if bestAt < 0 {
		return "", false
	}
	return query[:bestAt] + repl + query[bestAt+len(best):], true
}

// wordIndex finds name in s as whole words, or -1.
func wordIndex(s, name string) int {
	for from := 0; ; {
		i := strings.Index(s[from:], name)
		if i < 0 {
			return -1
		}
		i += from
		end := i + len(name)
		if (i == 0 || !isWordByte(s[i-1])) && (end == len(s) || !isWordByte(s[end])) {
			return i
		}
		from = i + 1
	}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

var auxiliaries = map[string]bool{"is": true, "are": true, "was": true, "were": true, "has": true, "have": true,
	"had": true, "will": true, "can": true, "could": true, "would": true, "should": true, "does": true, "did": true, "do": true}

var negators = map[string]bool{"not": true, "no": true, "never": true, "cannot": true, "cant": true, "wont": true}

// negate inserts "not" after the auxiliary of the clause that states the
// claim (the one sharing most content words with it, the first on a tie)
// in a sentence that has no negation yet. Negating a side remark ("their
// fans are happy") does not deny the claim, so a sentence whose clauses
// share no content word with the claim is not negated.
func negate(query, claim string) (string, bool) {
	toks := text.Tokenize(query)
	for _, t := range toks {
		if negators[t.Text] || strings.HasSuffix(t.Text, "nt") && auxiliaries[strings.TrimSuffix(t.Text, "nt")] {
			return "", false
		}
	}
	inClaim := map[string]bool{}
	for _, t := range text.Terms(claim) {
		inClaim[t] = true
	}
	best, bestShared := -1, 0
	for i, t := range toks {
		if !auxiliaries[t.Text] || i == 0 || toks[i-1].Kind != text.Word || !adjacentWords(query, toks[i-1], t) {
			continue // "Is our country ...?", "Would you like ...?": a question, not a statement to negate
		}
		if n := sharedInClause(query, toks, i, inClaim); n > bestShared {
			best, bestShared = i, n
		}
	}
	if best < 0 {
		return "", false
	}
	at := toks[best].End
	return query[:at] + " not" + query[at:], true
}

// adjacentWords reports that only spaces separate a and b.
func adjacentWords(s string, a, b text.Token) bool {
	return strings.TrimSpace(s[a.End:b.Start]) == ""
}

// sharedInClause counts the claim's content words in the clause around
// toks[i]: between the punctuation marks that bound it.
func sharedInClause(s string, toks []text.Token, i int, inClaim map[string]bool) int {
	const bounds = ".,;:!?()"
	lo, hi := toks[i].Start, toks[i].End
	for lo > 0 && !strings.ContainsRune(bounds, rune(s[lo-1])) {
		lo--
	}
	for hi < len(s) && !strings.ContainsRune(bounds, rune(s[hi])) {
		hi++
	}
	seen := map[string]bool{}
	for _, t := range text.Terms(s[lo:hi]) {
		if inClaim[t] {
			seen[t] = true
		}
	}
	return len(seen)
}
