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
	ids      map[string]int // primary subtag -> language id
	tags     []string       // by id
	counts   []int          // claims per language id
	docLang  []int32        // language id of each claim
}

// NoLanguage is the id of a page whose language no claim has.
const NoLanguage = -2

// AnyLanguage is the id of a page read in no particular language: it is
// compared with the claims of every language.
const AnyLanguage = -1

// NewCorpus reads the language section (nil when the index has none) and
// the claims' tags (claimLang(d) for claim d); a claim with no usable tag
// is English, as the corpus readers read it.
func NewCorpus(section []byte, numClaims int, claimLang func(d int) string) (*Corpus, error) {
	c := &Corpus{legacy: section == nil, profiles: map[string]*Profile{}, ids: map[string]int{},
		docLang: make([]int32, numClaims)}
	if section != nil {
		ps, err := DecodeProfiles(section)
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			c.profiles[p.Tag] = p
		}
	}
	for d := range numClaims {
		c.docLang[d] = int32(c.id(ClaimBase(claimLang(d))))
	}
	return c, nil
}

// ClaimBase is the language a claim is analysed in: the primary subtag of
// its tag, English when it has none.
func ClaimBase(tag string) string {
	if b := Base(tag); b != "" {
		return b
	}
	return "en"
}

func (c *Corpus) id(base string) int {
	if id, ok := c.ids[base]; ok {
		c.counts[id]++
		return id
	}
	c.ids[base] = len(c.tags)
	c.tags = append(c.tags, base)
	c.counts = append(c.counts, 1)
	return len(c.tags) - 1
}

// DocLang returns the language id of claim d.
func (c *Corpus) DocLang(d int) int { return int(c.docLang[d]) }

// ID returns the language id of a primary subtag: AnyLanguage for "",
// NoLanguage for a language no claim is in.
func (c *Corpus) ID(base string) int {
	if base == "" || c.legacy {
		return AnyLanguage
	}
	if id, ok := c.ids[base]; ok {
		return id
	}
	return NoLanguage
}

// Languages returns the primary subtags of the claims' languages.
func (c *Corpus) Languages() []string { return c.tags }

// Analyzer returns how a text in language base is analysed: English with
// the built-in English analyser, a corpus language with its profile, any
// other language without stemming or stop words (its words can still meet
// names and numbers).
func (c *Corpus) Analyzer(base string) text.Analyzer {
	if c.legacy || base == "en" || base == "" {
		return text.English
	}
	if p := c.profiles[base]; p != nil {
		return p
	}
	return plain{}
}

type plain struct{}

func (plain) Stem(w string) string { return w }
func (plain) IsStop(string) bool   { return false }

// Reading is how a page is read: the language its words are analysed in
// and the language of the claims it is compared with.
type Reading struct {
	// Lang is the page's language: it is compared with the claims in it.
	// "" when it is not known: compared with the claims of every language.
	Lang string
	// Analyze is the language the page's words are stemmed in: Lang, or
	// when Lang is unknown the best guess (stemming in a guess costs
	// little when it is wrong, filtering on it would hide every claim).
	Analyze string
}

// AnalyzeIn analyses s as r says.
func (c *Corpus) AnalyzeIn(s string, r Reading) *text.Analysis {
	a := text.AnalyzeWith(s, c.Analyzer(r.Analyze))
	if !c.legacy {
		a.Lang = r.Lang
	}
	return a
}

// main is the language most claims are in.
func (c *Corpus) main() string {
	best := -1
	for id, n := range c.counts {
		if best < 0 || n > c.counts[best] {
			best = id
		}
	}
	if best < 0 {
		return "en"
	}
	return c.tags[best]
}
