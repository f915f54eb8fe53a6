package lang

import (
	"github.com/factcheckwidget/factcheck/internal/text"
)

// Corpus is what a reader of an index knows of its languages: the
// language of every claim and the profile of each language.
type Corpus struct {
	// legacy: the index has no language section (built before languages
	// were told apart); everything is read as English, as it was indexed.
	legacy   bool
	profiles map[string]*Profile
	tags     []string // the claims' languages (primary subtags), by id
	// docLang is the language id of each claim, or undeclared; nil when
	// not known (KnowsClaims).
	docLang []uint16
	counts  []int  // claims per language id (an undeclared claim counts as English)
	main    string // the language most claims are in
}

// undeclared marks, in docLang, a claim that declares no language: it is
// read as English and compared with pages of every language, since feeds
// often leave inLanguage out.
const undeclared = 1<<16 - 1

// Language ids a page can have besides those of the corpus's languages.
const (
	AnyLanguage = -1 // read in no particular language: compared with the claims of every language
	NoLanguage  = -2 // in a language no claim is in
)

// NewCorpus reads the language section (nil when the index has none) and
// the claims' tags (claimLang(d) for claim d). With claimLang nil (an
// index of postings only: a sharded corpus before it has fetched its
// claims) the claims' languages come from the section, and which claim is
// in which is not known.
func NewCorpus(section []byte, numClaims int, claimLang func(d int) string) (*Corpus, error) {
	c := &Corpus{legacy: section == nil, profiles: map[string]*Profile{}}
	var langs []Language
	if section != nil {
		ps, ls, err := DecodeSection(section)
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			c.profiles[p.Tag] = p
		}
		langs = ls
	}
	var counts []int
	if claimLang == nil {
		for _, l := range langs {
			c.tags = append(c.tags, l.Tag)
			counts = append(counts, l.Claims)
		}
		if len(c.tags) == 0 {
			c.tags, counts = []string{"en"}, []int{numClaims}
		}
		main := 0 // by id, not c.ID: a legacy index answers AnyLanguage for every tag
		for id, n := range counts {
			if n > counts[main] {
				main = id
			}
		}
		c.main, c.counts = c.tags[main], counts
		return c, nil
	}
	c.docLang = make([]uint16, numClaims)
	ids := map[string]int{} // not c.ID, which answers AnyLanguage for every tag of a legacy index
	for d := range numClaims {
		tag := claimLang(d)
		base := ClaimBase(tag)
		id, ok := ids[base]
		if !ok {
			id = len(c.tags)
			ids[base] = id
			c.tags = append(c.tags, base)
			counts = append(counts, 0)
		}
		counts[id]++
		c.docLang[d] = uint16(id)
		if Base(tag) == "" {
			c.docLang[d] = undeclared
		}
	}
	c.main, c.counts = "en", counts
	for id, n := range counts {
		if n > counts[max(c.ID(c.main), 0)] || c.ID(c.main) < 0 {
			c.main = c.tags[id]
		}
	}
	return c, nil
}

// ClaimBase is the language a claim is analysed in: the primary subtag of
// its tag, English when it has none (as the corpus readers read it).
func ClaimBase(tag string) string {
	if b := Base(tag); b != "" {
		return b
	}
	return "en"
}

// KnowsClaims reports whether the language of each claim is known.
func (c *Corpus) KnowsClaims() bool { return c.docLang != nil }

// Counts returns the claims' languages and how many claims each has, for
// the "lang" section.
func (c *Corpus) Counts() []Language {
	out := make([]Language, len(c.tags))
	for i, t := range c.tags {
		out[i] = Language{Tag: t, Claims: c.counts[i]}
	}
	return out
}

// DocLang returns the language id of claim d, AnyLanguage for a claim
// that declares none (compared with pages of every language).
func (c *Corpus) DocLang(d int) int {
	if c.docLang[d] == undeclared {
		return AnyLanguage
	}
	return int(c.docLang[d])
}

// ID returns the language id of a primary subtag: AnyLanguage for "" (or
// any language of a legacy index), NoLanguage for a language no claim is in.
func (c *Corpus) ID(base string) int {
	if base == "" || c.legacy {
		return AnyLanguage
	}
	for id, t := range c.tags {
		if t == base {
			return id
		}
	}
	return NoLanguage
}

// Languages returns the primary subtags of the claims' languages.
func (c *Corpus) Languages() []string { return c.tags }

// Analyzer returns how a text in language base is analysed: English (and
// every text of a legacy index) with the built-in English analyser, a
// corpus language with its profile, any other language without stemming
// or stop words (its names and numbers can still meet a claim's).
func (c *Corpus) Analyzer(base string) text.Analyzer {
	if c.legacy || base == "en" {
		return text.English
	}
	if p := c.profiles[base]; p != nil {
		return p
	}
	return &Profile{}
}

// Reading is how a page is read: the language its words are analysed in
// and the language of the claims it is compared with.
type Reading struct {
	// Lang is the page's language: it is compared with the claims in it.
	// "" when it is not known: compared with the claims of every language.
	Lang string
	// Analyze is the language the page's words are stemmed in: Lang, or
	// when Lang is unknown the likeliest language (stemming in a wrong
	// guess costs a little; comparing only with its claims would hide all).
	Analyze string
}

// AnalyzeIn analyses s as r says.
func (c *Corpus) AnalyzeIn(s string, r Reading) *text.Analysis {
	a := text.AnalyzeWith(s, c.Analyzer(r.Analyze))
	a.Lang = r.Lang
	return a
}

// Detection reads at most this much of a page: its language is clear long
// before the end, and a check must stay cheap on a long article.
const maxDetectBytes = 8000

// Thresholds of detection, set by hand and checked on the paraphrase set
// (internal/compile/testdata/paraphrase; detection rates per language in
// the README's "Languages"):
//   - the text is in a language when that language's stop words are at
//     least minEvidence of its words and sureRatio times the runner-up's
//     (a word listed by k candidate languages counts 1/k for each);
//   - it overrules a declared language when, besides, at least
//     minStopShare of the text's words are its stop words (running text
//     is roughly half stop words of its own language) and twice the
//     declared language's.
const (
	minEvidence  = 1.5
	sureRatio    = 2.0
	minStopShare = 0.25
)

// Resolve says how a page is read, from its declared tag (<html lang>,
// data-lang, an API's lang) and a sample of its text:
//   - in the declared language, unless the text is plainly in another of
//     the corpus's languages: in another script, or with a clear majority
//     of its stop words (templates often say "en" whatever the page says);
//   - with nothing declared, in the corpus language the text is detected
//     in: the only corpus language of the text's script, or the one whose
//     stop words it clearly uses most;
//   - when nothing is declared and detection is unsure, compared with the
//     claims of every language and stemmed in the likeliest one.
func (c *Corpus) Resolve(declared, sample string) Reading {
	decl := Base(declared)
	if c.legacy {
		return Reading{decl, "en"}
	}
	if len(sample) > maxDetectBytes {
		sample = sample[:maxDetectBytes]
	}
	script := text.Script(sample)
	// score[i]: the text's stop words in language tags[i] (a word listed by
	// k languages counts 1/k), -1 when that language is not written in the
	// text's script; hits[i]: the same, each counting 1.
	score, hits := make([]float64, len(c.tags)), make([]float64, len(c.tags))
	for i, t := range c.tags {
		if script == "" || c.scriptOf(t) != script {
			score[i] = -1
		}
	}
	words := 0.0
	for _, t := range text.Tokenize(sample) {
		listed := 0.0
		for i, tag := range c.tags {
			if t.Kind == text.Word && score[i] >= 0 && c.Analyzer(tag).IsStop(t.Text) {
				listed++
				hits[i]++
			}
		}
		for i, tag := range c.tags {
			if listed > 0 && score[i] >= 0 && c.Analyzer(tag).IsStop(t.Text) {
				score[i] += 1 / listed
			}
		}
		if t.Kind == text.Word {
			words++
		}
	}
	best, second, cands := -1, 0.0, 0
	for i, s := range score {
		if s < 0 {
			continue
		}
		cands++
		if best < 0 || s > score[best] {
			if best >= 0 {
				second = score[best]
			}
			best = i
		} else {
			second = max(second, s)
		}
	}
	page, guess := decl, ""
	if best >= 0 {
		guess = c.tags[best]
		sure := cands == 1 || score[best] >= minEvidence && score[best] >= sureRatio*second
		declHits := 0.0
		if id := c.ID(decl); id >= 0 {
			declHits = hits[id]
		}
		plain := sure && hits[best] >= minStopShare*words && hits[best] >= sureRatio*declHits
		if decl == "" && sure || decl != "" && (c.scriptOf(decl) != "" && c.scriptOf(decl) != script || plain) {
			page = guess
		}
	}
	analyze := page
	if analyze == "" {
		analyze = guess
	}
	if analyze == "" {
		analyze = c.main
	}
	return Reading{page, analyze}
}

// scriptOf is the script of a corpus language ("" when unknown).
func (c *Corpus) scriptOf(base string) string {
	if base == "en" {
		return "Latn"
	}
	if p := c.profiles[base]; p != nil {
		return p.Script
	}
	return ""
}
