package trust

import (
	"strings"

	"github.com/factcheckwidget/factcheck/internal/text"
)

// Entity is a named person, place or organisation.
type Entity struct {
	Norm  string // "south korea" for "Seoul", "ROK", "South Korean"; lower case otherwise
	Text  string // as written, s[Start:End]
	Kind  string // "place", "person", "org", "other"
	Start int
	End   int
	Title string // the title that introduced a person, lower case ("president"), if any
}

// gazetteer lines: norm|kind|aliases... This is the world knowledge the
// trust layer keeps in code rather than learning it from a corpus: a
// corpus names a country in too many ways for its usage to tell that
// "ROK", "Seoul", "South Korean" and "Republic of Korea" are one place,
// and that "Korea" covers both Koreas. Towns, regions, provinces and US
// states are learned (LearnLexicon: "in Texas", "em Recife"); the two US
// parties stay because their members' plural ("Democrats",
// "Republicans") is how claims name them, and no usage marks a plural as
// a party. Kind "country" places are compared with each other;
// "region" and "org" are recognised (so their words are not mistaken
// for persons) but not compared. Aliases in all capitals match
// case-sensitively ("US" is not "us"); others need a capital first letter
// ("China", not "china"). Capitals stand for their country because news
// uses them so ("Seoul said"); they are marked "@" because they also name
// a venue, which Compare checks on its own ("held in Seoul" vs "held in
// Tokyo"). Ambiguous names (Georgia, Jordan, Chad) are left out.
var gazetteerLines = []string{
	"united states|country|United States|United States of America|USA|US|U.S.|U.S|U.S.A.|America|American|Americans|@Washington",
	"south korea|country|South Korea|South Korean|South Koreans|ROK|Republic of Korea|@Seoul",
	"north korea|country|North Korea|North Korean|North Koreans|DPRK|@Pyongyang",
	"korea|country|Korea|Korean|Koreans",
	"japan|country|Japan|Japanese|@Tokyo",
	"china|country|China|Chinese|@Beijing|PRC",
	"taiwan|country|Taiwan|Taiwanese|@Taipei",
	"russia|country|Russia|Russian|Russians|@Moscow|Kremlin",
	"ukraine|country|Ukraine|Ukrainian|Ukrainians|@Kyiv|@Kiev",
	"united kingdom|country|United Kingdom|UK|U.K.|Britain|Great Britain|British|@London|England",
	"france|country|France|French|@Paris",
	"germany|country|Germany|German|Germans|@Berlin",
	"italy|country|Italy|Italian|Italians|@Rome",
	"spain|country|Spain|Spanish|@Madrid",
	"canada|country|Canada|Canadian|Canadians|@Ottawa",
	"mexico|country|Mexico|Mexican|Mexicans|@Mexico City",
	"brazil|country|Brazil|Brazilian|Brazilians|@Brasilia",
	"argentina|country|Argentina|Argentine|Argentinian|@Buenos Aires",
	"india|country|India|Indian|Indians|@New Delhi|@Delhi",
	"pakistan|country|Pakistan|Pakistani|@Islamabad",
	"afghanistan|country|Afghanistan|Afghan|@Kabul",
	"iran|country|Iran|Iranian|Iranians|@Tehran",
	"iraq|country|Iraq|Iraqi|Iraqis|@Baghdad",
	"israel|country|Israel|Israeli|Israelis|@Tel Aviv",
	"palestine|country|Palestine|Palestinian|Palestinians",
	"syria|country|Syria|Syrian|@Damascus",
	"turkey|country|Turkey|Türkiye|Turkish|@Ankara",
	"saudi arabia|country|Saudi Arabia|Saudi|@Riyadh",
	"egypt|country|Egypt|Egyptian|@Cairo",
	"south africa|country|South Africa|South African|@Pretoria",
	"nigeria|country|Nigeria|Nigerian|@Abuja",
	"kenya|country|Kenya|Kenyan|@Nairobi",
	"ethiopia|country|Ethiopia|Ethiopian|@Addis Ababa",
	"australia|country|Australia|Australian|Australians|@Canberra",
	"new zealand|country|New Zealand",
	"indonesia|country|Indonesia|Indonesian|@Jakarta",
	"malaysia|country|Malaysia|Malaysian|@Kuala Lumpur",
	"vietnam|country|Vietnam|Viet Nam|Vietnamese|@Hanoi",
	"philippines|country|Philippines|Philippine|Filipino|@Manila",
	"thailand|country|Thailand|Thai|@Bangkok",
	"singapore|country|Singapore|Singaporean",
	"myanmar|country|Myanmar|Burma|Burmese",
	"bangladesh|country|Bangladesh|Bangladeshi|@Dhaka",
	"sri lanka|country|Sri Lanka|Sri Lankan",
	"mongolia|country|Mongolia|Mongolian|@Ulaanbaatar",
	"poland|country|Poland|Polish|@Warsaw",
	"netherlands|country|Netherlands|Dutch|Holland|@Amsterdam|@The Hague",
	"sweden|country|Sweden|Swedish|@Stockholm",
	"norway|country|Norway|Norwegian|@Oslo",
	"finland|country|Finland|Finnish|@Helsinki",
	"denmark|country|Denmark|Danish|@Copenhagen",
	"greece|country|Greece|Greek|@Athens",
	"portugal|country|Portugal|Portuguese|@Lisbon",
	"switzerland|country|Switzerland|Swiss",
	"austria|country|Austria|Austrian|@Vienna",
	"hungary|country|Hungary|Hungarian|@Budapest",
	"czech republic|country|Czech Republic|Czechia|Czech|@Prague",
	"ireland|country|Ireland|Irish|@Dublin",
	"belarus|country|Belarus|Belarusian|@Minsk",
	"venezuela|country|Venezuela|Venezuelan|@Caracas",
	"colombia|country|Colombia|Colombian|@Bogota",
	"cuba|country|Cuba|Cuban|@Havana",
	"qatar|country|Qatar|Qatari|@Doha",
	"united arab emirates|country|United Arab Emirates|UAE|Emirati|@Abu Dhabi|@Dubai",
	"lebanon|country|Lebanon|Lebanese|@Beirut",
	"yemen|country|Yemen|Yemeni",
	"europe|region|Europe|European|Europeans",
	"asia|region|Asia|Asian|Asians",
	"africa|region|Africa|African|Africans",
	"middle east|region|Middle East",
	"latin america|region|Latin America|South America",
	"indo-pacific|region|Indo-Pacific|Asia-Pacific",
	"democratic party|party|Democratic Party|Democrats|Democrat|Democratic|Dems|DNC",
	"republican party|party|Republican Party|Republicans|Republican|GOP|RNC",
	"european union|org|European Union|EU",
	"united nations|org|United Nations|UN|U.N.",
	"nato|org|NATO",
	"pentagon|org|Pentagon",
}

type gazEntry struct {
	norm, kind string
	caseExact  string // non-empty: the alias must be written exactly so
}

var (
	gazetteer = map[string][]gazEntry{} // key: lower-cased alias
	cities    = map[string]bool{}       // lower-cased aliases marked "@"
	gazMaxLen = 1                       // longest alias in tokens
)

// korea is the parent of both Koreas: "US forces in Korea" agrees with
// "US forces in South Korea".
var parentCountry = map[string]string{"south korea": "korea", "north korea": "korea"}

func init() {
	for _, line := range gazetteerLines {
		f := strings.Split(line, "|")
		for _, a := range f[2:] {
			if strings.HasPrefix(a, "@") {
				a = a[1:]
				cities[strings.ToLower(a)] = true
			}
			e := gazEntry{norm: f[0], kind: f[1]}
			if strings.ToUpper(a) == a {
				e.caseExact = a
			}
			key := strings.ToLower(a)
			gazetteer[key] = append(gazetteer[key], e)
			if n := len(lex(a)); n > gazMaxLen {
				gazMaxLen = n
			}
		}
	}
}

// gazAt finds the longest gazetteer alias starting at toks[i] and returns
// its entry and last token.
func gazAt(toks []tok, i int) (gazEntry, int, bool) {
	if toks[i].kind != tWord || !toks[i].capitalised() {
		return gazEntry{}, 0, false
	}
	var key strings.Builder
	var best gazEntry
	bestJ, found := 0, false
	for j := i; j < len(toks) && j < i+gazMaxLen*2; j++ {
		if j > i && !adjacent(toks[j-1], toks[j]) {
			key.WriteByte(' ')
		}
		key.WriteString(toks[j].low)
		for _, e := range gazetteer[key.String()] {
			if e.caseExact != "" && !exactText(toks[i:j+1], e.caseExact) {
				continue
			}
			best, bestJ, found = e, j, true
			break
		}
	}
	return best, bestJ, found
}

// exactText reports whether toks spell want with its case.
func exactText(toks []tok, want string) bool {
	var b strings.Builder
	for k, t := range toks {
		if k > 0 && !adjacent(toks[k-1], t) {
			b.WriteByte(' ')
		}
		b.WriteString(t.s)
	}
	return b.String() == want
}

// titles announce that the capitalised words after them name a person;
// they are read in either case ("defence minister Ahn").
// The English ones come first, then the usual titles of Portuguese,
// Spanish, French and Swahili news ("Presidente Lula", "Rais Ruto").
var titles = wordSet("president|secretary|minister|chancellor|senator|sen|rep|representative|governor|gov|mayor|general|gen|admiral|colonel|ambassador|judge|justice|mr|mrs|ms|dr|professor|prof|king|queen|prince|princess|pope|chairman|chairwoman|director|commissioner|spokesman|spokeswoman|spokesperson|leader|ceo|speaker|premier|envoy|chief|congressman|congresswoman|lawmaker|" +
	"presidente|presidenta|président|présidente|ministro|ministra|ministre|governador|governadora|gobernador|gobernadora|prefeito|prefeita|alcalde|alcaldesa|maire|senador|senadora|sénateur|deputado|deputada|diputado|diputada|député|rais|waziri|gavana|seneta|mbunge")

// orgWords in a capitalised run make it an organisation.
var orgWords = wordSet("pac|superpac|admin|agency|ministry|department|party|council|university|institute|organisation|organization|association|company|corporation|corp|inc|ltd|bank|committee|commission|court|army|navy|force|forces|command|news|times|post|group|foundation|union|office|service|administration|congress|parliament|assembly|senate|house|journal|network|television|radio|press|herald|tribune|fund|board|authority|police|guard|corps|alliance")

// otherWords mark events, documents and geographic features.
var otherWords = wordSet("meeting|summit|conference|strategy|war|zone|peninsula|act|treaty|agreement|accord|plan|policy|report|review|initiative|program|programme|project|day|games|cup|olympics|street|road|square|district|province|state|county|city|river|sea|ocean|island|islands|strait|bay|gulf|airport|station|bridge|palace|hall|centre|center|defence|defense|security|national|international|consultative|prize|award|demilitarised|demilitarized")

// placeNouns before "of" make the name after it a place.
var placeNouns = wordSet("state|city|town|village|county|province|region|district|republic|island|islands")

// dayWords open sentences as subjects without being names ("Today is").
var dayWords = wordSet("today|tonight|yesterday|tomorrow")

// nameSuffixes follow a person's name and are no name alone.
var nameSuffixes = wordSet("jr|sr|ii|iii|iv")

// speechVerbs after a capitalised word make it a person ("..., Hegseth
// said"), even at the start of a sentence.
var speechVerbs = wordSet("said|says|told|added|asked|argued|claimed|insisted|stated|wrote|tweeted|noted|announced|warned|explained|" +
	"disse|afirmou|declarou|dijo|afirmó|declaró|déclare|alisema")

// Entities returns the named entities of s in order: gazetteer places and
// organisations, and capitalised word runs classified as persons (after a
// title, before a speech verb, or known to the lexicon as people), places
// (known as places, or after a locative: "in Kisumu"), org (organisation
// words, acronyms) or other. A single capitalised word that opens a
// sentence is skipped unless known or followed by a speech verb. lx (which
// may be nil) is the corpus's lexicon.
func (lx *Lexicon) Entities(s string) []Entity { return entities(s, lex(s), &namer{corpus: lx}) }

// Entities is Lexicon.Entities without a lexicon: only the core of titles,
// speech verbs, locatives and the gazetteer.
func Entities(s string) []Entity { return entities(s, lex(s), &namer{}) }

// namer tells what a name stands for from the corpus's lexicon and, for
// names the corpus does not know, the page's own names: the corpus has
// more evidence, a page has its own people.
type namer struct {
	corpus, page *Lexicon
	// used reports whether the corpus uses a (lower-case) word; nil when
	// not known. A capitalised word the corpus never uses is a name.
	used func(w string) bool
}

// unused reports a word of four letters or more, not a function word,
// that the corpus never uses (false when that is not known): "Kamau",
// not "Smh" or "Maybe".
func (n *namer) unused(w string) bool {
	return n.used != nil && len(w) >= 4 && !text.IsStopWord(w) && !n.used(w)
}

func (n *namer) kind(name string) NameKind {
	key := text.Fold(name) // once for both lexicons
	if k := n.corpus.kindOf(key); k != NotAName {
		return k
	}
	return n.page.kindOf(key)
}

// personWord reports a word that names a person alone (a surname).
func (n *namer) personWord(w string) bool { return n.kind(w) == PersonName }

// givenWord reports a word that opens people's names.
func (n *namer) givenWord(w string) bool { return n.kind(w) == GivenName }

func entities(s string, toks []tok, nm *namer) []Entity {
	var out []Entity
	title := ""      // the title just seen ("president"), which makes the next run a person
	ofTitle := false // the title was followed by "of": "Chief of Staff", "Governor of Texas" name its office
	headline := 0    // s is in headline case: 0 not known yet, 1 no, 2 yes
	for i := 0; i < len(toks); {
		t := toks[i]
		if e, j, ok := gazAt(toks, i); ok {
			kind := "place"
			if e.kind == "org" || e.kind == "party" {
				kind = "org"
			}
			if mark(toks, i) != "@" { // "#Egypt" inline is still Egypt
				out = append(out, Entity{Norm: e.norm, Kind: kind, Start: t.start, End: toks[j].end, Text: s[t.start:toks[j].end]})
			}
			title = ""
			i = j + 1
			continue
		}
		if t.kind != tWord {
			if t.s != "." || !adjacent(toks[max(i-1, 0)], t) {
				title = "" // "Dr." keeps the title
			}
			i++
			continue
		}
		if titles[t.low] {
			title, ofTitle = t.low, false
			i++
			continue
		}
		if mark(toks, i) != "" {
			i++ // hashtags and handles are labels, not names in the sentence
			continue
		}
		if !t.capitalised() {
			if title != "" && (t.low == "of" || t.low == "the") {
				ofTitle = ofTitle || t.low == "of"
			} else {
				title = ""
			}
			i++
			continue
		}
		if (orgWords[t.low] || otherWords[t.low]) && (title != "" || titles[wordAt(toks, i+1)]) {
			ofTitle = false
			i++ // "Secretary of State", "Defence Minister": part of the title
			continue
		}
		j := runEnd(toks, i)
		start := i
		for start < j && text.IsStopWord(toks[start].low) {
			start++
		}
		if start == j {
			i = j
			continue
		}
		domain := false // the run names the office's domain ("Governor of Nakuru", "Secretary of Education"), not a person
		if ofTitle {
			if j-start >= 3 {
				start++ // "Chief of Staff Susie Wiles": the office, then the person
			} else {
				title, domain = "", true
			}
		}
		if title == "" {
			start = nm.givenNameStart(toks, start, j)
		}
		if w := toks[start].low; j-start == 1 && (months[w] != 0 || weekdays[w] != 0 || w == "sunday") {
			i = j // dates, not names
			title = ""
			continue
		}
		atStart := sentenceStart(toks, i)
		kind := nm.classifyRun(s, toks, start, j, title != "")
		if domain && kind == "person" {
			kind = "other" // "the Governor of Nakuru said": the governor said
		}
		if kind == "person" {
			if headline == 0 {
				headline = 1
				if headlineToks(toks) {
					headline = 2
				}
			}
			start, j = nm.nameSpan(toks, start, j, headline == 2) // "Trump Postpones Denmark Trip" in headline case
		}
		if atStart && start == i && j-start == 1 && kind != "person" && !(kind == "place" && nm.kind(toks[start].low) == PlaceName) &&
			!(kind == "other" && !dayWords[toks[start].low] && (toks[start].poss && toks[start].low != "let" || personVerbs[wordAt(toks, j)] || nm.unused(toks[start].low))) { // "Kamau's plan", "Odhiambo is": used as a name (not "Let's", "Today is")

			i = j
			title = ""
			continue
		}
		a, b := toks[start].start, toks[j-1].end
		out = append(out, Entity{Norm: normName(s[a:b]), Text: s[a:b], Kind: kind, Start: a, End: b, Title: title})
		title = ""
		i = j
	}
	return out
}

// mark returns the "#" or "@" written right before toks[i], or "": a
// hashtag or a handle labels a post, it is no name in its sentence.
func mark(toks []tok, i int) string {
	if i > 0 && adjacent(toks[i-1], toks[i]) && (toks[i-1].s == "#" || toks[i-1].s == "@") {
		return toks[i-1].s
	}
	return ""
}

// runEnd returns the end (exclusive) of the capitalised run at i: capitalised
// words, hyphen-joined parts ("Gyu-back"), stopping at gazetteer names and
// titles.
func runEnd(toks []tok, i int) int {
	j := i + 1
	for j < len(toks) {
		t := toks[j]
		if t.s == "." && adjacent(toks[j-1], t) && len(toks[j-1].s) == 1 && toks[j-1].capitalised() && !toks[j-1].poss &&
			j+1 < len(toks) && toks[j+1].kind == tWord && toks[j+1].capitalised() {
			j++ // an initial: "John F. Kennedy", "Robert C. O'Brien"
			continue
		}
		if t.s == "-" && adjacent(toks[j-1], t) && j+1 < len(toks) && toks[j+1].kind == tWord && adjacent(t, toks[j+1]) {
			j += 2
			continue
		}
		if t.kind != tWord || !t.capitalised() || titles[t.low] || toks[j-1].poss || text.IsStopWord(t.low) && !allCapsRun(toks, i, j) {
			break // a possessive ends a name ("Trump's June rally"), and so does "In" of a headline ("DeSantis In Heidi Fleiss Black Book")
		}
		if _, _, ok := gazAt(toks, j); ok {
			break
		}
		j++
	}
	return j
}

// allCapsRun reports a run written in capitals so far, whose stop words
// belong to it ("THE WHITE HOUSE").
func allCapsRun(toks []tok, i, j int) bool {
	for k := i; k < j; k++ {
		if !toks[k].allCaps() {
			return false
		}
	}
	return true
}

func (nm *namer) classifyRun(s string, toks []tok, i, j int, titled bool) string {
	if j-i == 1 && (IsDateWord(toks[i].low) || contraction(toks[i].low)) {
		return "other" // "May", "I've"
	}
	if titled {
		return "person"
	}
	for k := i; k < j; k++ {
		if orgWords[toks[k].low] {
			return "org"
		}
	}
	for k := i; k < j; k++ {
		if otherWords[toks[k].low] {
			return "other"
		}
	}
	switch nm.kind(normName(s[toks[i].start:toks[j-1].end])) {
	case PersonName:
		return "person"
	case PlaceName:
		return "place"
	case OrgName:
		return "org"
	}
	if j-i == 1 && toks[i].allCaps() {
		return "org"
	}
	if speechVerbs[wordAt(toks, j)] {
		return "person"
	}
	for k := i; k < j; k++ {
		if toks[k].allCaps() {
			return "other"
		}
	}
	// A given name opening the run ("Pete Buttigieg") or a surname in it
	// ("Bush", "Joe Biden"), as the lexicon knows them. Other runs of
	// capitalised words are as often titles of things ("Purple Heart")
	// as unknown people; they stay "other" and are compared only where
	// they stand in the claim's slot.
	if nm.givenWord(toks[i].low) && j-i >= 2 {
		return "person"
	}
	for k := i; k < j; k++ {
		if nm.personWord(toks[k].low) {
			return "person"
		}
	}
	if locatives[wordAt(toks, i-1)] && !toks[j-1].poss || wordAt(toks, i-1) == "of" && placeNouns[wordAt(toks, i-2)] {
		return "place" // "in Kisumu", "from Recife", "the state of South Carolina"
	}
	return "other"
}

// nameSpan narrows a person's run to the name: the known surname with the
// given names before it, or the first two words when a given name opens a
// longer run. Headlines capitalise every word ("Hillary Clinton Smeared
// Poor Americans", "Bernie Sanders Publicly Attacks Nominee").
func (nm *namer) nameSpan(toks []tok, i, j int, headline bool) (int, int) {
	for k := i; k < j; k++ {
		if nm.personWord(toks[k].low) {
			start := k
			for start > i && nm.opensName(toks[start-1].low) || start > i+1 && toks[start-1].s == "." && nm.opensName(toks[start-2].low) {
				start-- // "Joe Biden", "George W. Bush" (one letter before a dot is part of the name)
			}
			end := k + 1
			for end < j && (nm.personWord(toks[end].low) || nameSuffixes[toks[end].low]) {
				end++ // "Donald Trump" where both words name him alone, "George Stinney Jr"
			}
			if start == i && end < j && end-i == 1 && j-i <= 3 && !headline {
				end = j // "George Stinney": a known first word and the surname after it
			}
			return start, end
		}
	}
	if nm.givenWord(toks[i].low) && headline {
		return i, i + 1 // "Hillary Sold Weapons To ISIS"
	}
	if nm.givenWord(toks[i].low) && j-i > 3 {
		return i, i + 2
	}
	return i, j
}

// opensName reports a word that may stand before a surname in a person's
// name: a given name, or another name word ("Lula" in "Luiz Inácio Lula").
func (nm *namer) opensName(w string) bool {
	k := nm.kind(w)
	return k == GivenName || k == PersonName || len(w) == 1
}

// normName is a name's comparable form (text.Fold): lower case, without
// diacritics, typographic apostrophes folded: "O’Reilly" is "O'Reilly",
// and "Ciudad Juárez" is "Ciudad Juarez", as pages often write it.
func normName(s string) string { return text.Fold(s) }

// givenNameStart moves the start of a capitalised run to a given name
// inside it: "Says Hillary Clinton" and "Hopeful Pete Buttigieg" name
// Hillary Clinton and Pete Buttigieg.
func (nm *namer) givenNameStart(toks []tok, i, j int) int {
	if nm.givenWord(toks[i].low) || nm.personWord(toks[i].low) {
		return i
	}
	for k := i + 1; k+1 < j; k++ {
		if nm.givenWord(toks[k].low) {
			return k
		}
	}
	return i
}
