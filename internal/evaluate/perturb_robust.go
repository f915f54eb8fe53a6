package evaluate

import "strings"

// Rewrite is a query edited without changing what it claims: its gold
// fact-check still applies, so the ranking should not move. Kinds:
//
//	typos           about one content word in four misspelt (letters
//	                swapped, dropped, doubled or hit beside on a QWERTY
//	                keyboard), at least one
//	casing-upper    the whole query in capitals
//	casing-lower    the whole query in lower case
//	dialect         dialect-like respellings: "th" as "d" in function
//	                words ("dat", "dem") and "t" in others ("ting"),
//	                "-ing" as "-in'", "gonna", "cuz", "ppl", "govament"
//	entity-renaming the same entity named another way: "Joe Biden" as
//	                "Biden", "United States" as "US", "CDC" as "Centers
//	                for Disease Control", "Obamacare" as "the Affordable
//	                Care Act"
//	rewrite         synonyms of common claim words ("footage" for
//	                "video"), contractions toggled, "%" as "percent"
type Rewrite struct {
	Kind string
	Text string
}

// RewriteKinds lists the kinds in report order.
var RewriteKinds = []string{"typos", "casing-upper", "casing-lower", "dialect", "entity-renaming", "rewrite"}

// Rewrites returns the meaning-preserving edits of query that change it.
func Rewrites(query string) []Rewrite {
	seed := seedOf(query)
	var out []Rewrite
	for _, r := range []Rewrite{
		{"typos", typos(query, seed)},
		{"casing-upper", strings.ToUpper(query)},
		{"casing-lower", strings.ToLower(query)},
		{"dialect", respell(query, dialectWords, dialectWord)},
		{"entity-renaming", renameEntities(query)},
		{"rewrite", respell(query, rewriteWords, nil)},
	} {
		if r.Text != query {
			out = append(out, r)
		}
	}
	return out
}

// words calls fn with each run of ASCII letters and apostrophes in s (URLs
// and handles skipped) and joins what fn returns with the text between.
func words(s string, fn func(w string, k int) string) string {
	var b strings.Builder
	k := 0
	for i := 0; i < len(s); {
		if strings.HasPrefix(s[i:], "http") || s[i] == '@' || s[i] == '#' {
			j := i
			for j < len(s) && s[j] != ' ' {
				j++
			}
			b.WriteString(s[i:j])
			i = j
			continue
		}
		if !isLetter(s[i]) {
			b.WriteByte(s[i])
			i++
			continue
		}
		j := i
		for j < len(s) && (isLetter(s[j]) || s[j] == '\'' && j+1 < len(s) && isLetter(s[j+1])) {
			j++
		}
		b.WriteString(fn(s[i:j], k))
		k++
		i = j
	}
	return b.String()
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// keyboard lists each letter's neighbours on a QWERTY keyboard.
var keyboard = map[byte]string{
	'a': "qwsz", 'b': "vghn", 'c': "xdfv", 'd': "serfcx", 'e': "wsdr", 'f': "drtgvc", 'g': "ftyhbv", 'h': "gyujnb",
	'i': "ujko", 'j': "huikmn", 'k': "jiolm", 'l': "kop", 'm': "njk", 'n': "bhjm", 'o': "iklp", 'p': "ol",
	'q': "wa", 'r': "edft", 's': "awedxz", 't': "rfgy", 'u': "yhji", 'v': "cfgb", 'w': "qase", 'x': "zsdc",
	'y': "tghu", 'z': "asx",
}

// typos misspells about one word in four of four letters or more (at
// least one), the word and the kind of slip chosen by the seed.
func typos(s string, seed uint64) string {
	n := 0
	words(s, func(w string, _ int) string {
		if len(w) >= 4 {
			n++
		}
		return w
	})
	if n == 0 {
		return s
	}
	first := int(seed % uint64(n))
	m := 0
	return words(s, func(w string, k int) string {
		if len(w) < 4 || strings.ContainsRune(w, '\'') {
			return w
		}
		m++
		h := mix(seed, uint64(k))
		if m-1 != first && h%4 != 0 {
			return w
		}
		i := 1 + int(h>>8)%(len(w)-2) // an inner letter: first and last stay
		switch (h >> 16) % 4 {
		case 0: // swapped with the next
			return w[:i] + string(w[i+1]) + string(w[i]) + w[i+2:]
		case 1: // dropped
			return w[:i] + w[i+1:]
		case 2: // doubled
			return w[:i] + string(w[i]) + w[i:]
		default: // a neighbouring key
			nb := keyboard[w[i]|0x20]
			if nb == "" {
				return w[:i] + w[i+1:]
			}
			c := nb[int(h>>24)%len(nb)]
			if w[i] >= 'A' && w[i] <= 'Z' {
				c -= 'a' - 'A'
			}
			return w[:i] + string(c) + w[i+1:]
		}
	})
}

func mix(a, b uint64) uint64 {
	x := a ^ (b+0x9e3779b97f4a7c15)*0xbf58476d1ce4e5b9
	x ^= x >> 31
	x *= 0x94d049bb133111eb
	return x ^ x>>29
}

// dialectWords respell whole words.
var dialectWords = map[string]string{
	"the": "da", "this": "dis", "that": "dat", "these": "dese", "those": "dose", "they": "dey", "them": "dem",
	"their": "dey", "there": "dere", "then": "den", "with": "wit", "about": "bout", "because": "cuz",
	"going": "gonna", "want": "wanna", "you": "u", "your": "ur", "people": "ppl", "nothing": "nuttin",
	"something": "sumn", "little": "lil", "government": "govament", "children": "pickney", "what": "wat",
	"just": "jus", "for": "fi", "and": "an", "brother": "bredda", "think": "tink", "thing": "ting",
	"things": "tings", "three": "tree", "through": "tru", "everything": "everyting", "really": "rly",
}

// dialectWord respells words the table does not have: "-ing" as "-in'"
// in words of six letters or more.
func dialectWord(w string) string {
	if len(w) >= 6 && strings.HasSuffix(w, "ing") {
		return w[:len(w)-1] + "'"
	}
	return w
}

// rewriteWords are synonyms and contractions a rewriter uses.
var rewriteWords = map[string]string{
	"video": "footage", "photo": "picture", "photograph": "picture", "image": "picture", "shows": "depicts",
	"said": "stated", "says": "claims", "people": "individuals", "children": "kids", "kids": "children",
	"money": "funds", "died": "passed away", "bought": "purchased", "buy": "purchase", "help": "assist",
	"big": "large", "huge": "massive", "started": "began", "start": "begin", "law": "legislation",
	"doctors": "physicians", "car": "vehicle", "cars": "vehicles", "movie": "film", "kill": "murder",
	"killed": "murdered", "didn't": "did not", "don't": "do not", "doesn't": "does not", "isn't": "is not",
	"can't": "cannot", "won't": "will not", "it's": "it is", "percent": "%", "country": "nation",
}

// respell replaces the words of table (matching the case of the word it
// replaces) and passes the others to other, when not nil.
func respell(s string, table map[string]string, other func(string) string) string {
	return words(s, func(w string, _ int) string {
		if r, ok := table[strings.ToLower(w)]; ok {
			return matchCase(w, r)
		}
		if other != nil {
			return other(w)
		}
		return w
	})
}

// aliases name the same entity another way: countries, parties and
// agencies, both ways where both are common.
var aliases = [][2]string{
	{"United States", "US"}, {"U.S.", "United States"}, {"United Kingdom", "UK"}, {"Britain", "UK"},
	{"Democrats", "the Democratic Party"}, {"Republicans", "the GOP"}, {"GOP", "Republican Party"},
	{"CDC", "Centers for Disease Control"}, {"FBI", "Federal Bureau of Investigation"},
	{"WHO", "World Health Organization"}, {"World Health Organization", "WHO"}, {"EU", "European Union"},
	{"European Union", "EU"}, {"UN", "United Nations"}, {"United Nations", "UN"}, {"IRS", "Internal Revenue Service"},
	{"NRA", "National Rifle Association"}, {"Obamacare", "the Affordable Care Act"}, {"Affordable Care Act", "Obamacare"},
	{"NASA", "the US space agency"}, {"ICE", "Immigration and Customs Enforcement"}, {"COVID-19", "the coronavirus"},
}

// renameEntities writes every entity of aliases the other way, and the
// people named with a known given name by their surname alone.
func renameEntities(s string) string {
	for _, a := range aliases {
		if wordIndex(s, a[1]) < 0 {
			s = replaceAll(s, a[0], a[1])
		}
	}
	ws := capitalisedWords(s)
	for i := len(ws) - 2; i >= 0; i-- {
		w, next := ws[i], ws[i+1]
		if next.start == w.end+1 && givenNames[strings.ToLower(w.s)] {
			s = s[:w.start] + s[next.start:]
		}
	}
	return s
}
