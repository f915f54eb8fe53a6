// Package engine is the one entry point every front end calls (CLI, widget
// wasm, server, Worker, extension): it splits an article into sentences,
// ranks claims for all of them in one call, and runs the trust layer that
// assigns tiers, raises consistency flags and explains each match.
package engine

import (
	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/index"
	"github.com/factcheckwidget/factcheck/internal/match"
	"github.com/factcheckwidget/factcheck/internal/text"
	"github.com/factcheckwidget/factcheck/internal/trust"
)

// Tier says how much a reader may rely on a match.
type Tier uint8

const (
	TierNone    Tier = iota // abstain: not shown
	TierRelated             // a variant or sub-claim worth showing
	TierMatch               // the same claim
)

func (t Tier) String() string { return [...]string{"none", "related", "match"}[t] }

// Options of a check.
type Options struct {
	// Date is the article's publication date (YYYY-MM-DD) that relative
	// dates ("last Tuesday") resolve against; empty means unknown.
	Date string
	// MaxMatches per sentence; 0 means DefaultMaxMatches.
	MaxMatches int
}

// DefaultMaxMatches is how many matches a sentence shows at most: the
// card lists the best match and up to two variants.
const DefaultMaxMatches = 3

// Limits that keep one call bounded whatever the input.
const (
	MaxArticleBytes  = 2 << 20 // longer articles are cut here
	MaxSentenceBytes = 2000    // longer "sentences" (lists, tables) are cut here
	MaxSentences     = 5000
)

// Span is a byte range of the checked text.
type Span struct{ Start, End int }

// Evidence is a piece of the sentence that supports or questions a match.
type Evidence struct {
	Kind  string // "term", "phrase", "number", "date", "entity"
	Text  string // as written in the sentence
	Span  Span   // byte offsets into the sentence
	Claim string // the claim's counterpart, when it differs
}

// Flag is a consistency problem between the sentence and the claim.
type Flag struct {
	Kind  string // "numbers-differ", "date-differs", "entity-differs", "negation"
	Page  string // what the page says
	Claim string // what the fact-checked claim says
	Span  Span   // where the page says it, in the sentence
}

// Match is a claim shown for a sentence.
type Match struct {
	Doc      int // claim index in the corpus
	Claim    *claim.Claim
	Score    float64 // calibrated probability that this is the same claim
	Tier     Tier
	Flags    []Flag
	Evidence []Evidence
}

// FlagKinds returns the kinds of m's flags.
func (m *Match) FlagKinds() []string {
	out := make([]string, 0, len(m.Flags))
	for _, f := range m.Flags {
		if len(out) == 0 || out[len(out)-1] != f.Kind {
			out = append(out, f.Kind)
		}
	}
	return out
}

// Sentence is one checked sentence of an article.
type Sentence struct {
	Span    Span // byte offsets into the article
	Text    string
	Matches []Match
}

// Checker checks text against one corpus. Safe for concurrent use.
type Checker struct {
	m *match.Matcher
}

// New returns a Checker over x with the default matcher.
func New(x *index.Index) *Checker { return &Checker{m: match.New(x)} }

// NewWithMatcher wraps an existing matcher.
func NewWithMatcher(m *match.Matcher) *Checker { return &Checker{m: m} }

// Index returns the corpus.
func (c *Checker) Index() *index.Index { return c.m.Index() }

// Matcher returns the underlying matcher.
func (c *Checker) Matcher() *match.Matcher { return c.m }

// CheckArticle splits text into sentences and matches all of them in one
// call. Every sentence is returned, with no matches when the checker
// abstains.
func (c *Checker) CheckArticle(article string, opt Options) []Sentence {
	if len(article) > MaxArticleBytes {
		article = article[:cutUTF8(article, MaxArticleBytes)]
	}
	spans := text.Sentences(article)
	if len(spans) > MaxSentences {
		spans = spans[:MaxSentences]
	}
	out := make([]Sentence, len(spans))
	cmp := &trust.Comparer{} // claims recur across an article's sentences
	for i, sp := range spans {
		end := sp.End
		if end-sp.Start > MaxSentenceBytes {
			end = sp.Start + cutUTF8(article[sp.Start:], MaxSentenceBytes)
		}
		s := article[sp.Start:end]
		out[i] = Sentence{Span: Span{sp.Start, end}, Text: s, Matches: c.checkSentence(s, opt, cmp)}
	}
	return out
}

// CheckSentence returns the matches of one sentence (or one free-text
// claim), best first; an empty result means the checker abstains.
func (c *Checker) CheckSentence(s string, opt Options) []Match {
	return c.checkSentence(s, opt, &trust.Comparer{})
}

func (c *Checker) checkSentence(s string, opt Options, cmp *trust.Comparer) []Match {
	if len(s) > MaxSentenceBytes {
		s = s[:cutUTF8(s, MaxSentenceBytes)]
	}
	max := opt.MaxMatches
	if max <= 0 {
		max = DefaultMaxMatches
	}
	q := c.m.Prepare(s)
	cands := c.m.RankQuery(q, max)
	return c.assess(q, cands, opt, cmp)
}

// cutUTF8 returns the largest n' <= n that does not split a UTF-8 sequence.
func cutUTF8(s string, n int) int {
	if n >= len(s) {
		return len(s)
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return n
}
