// Package engine is the one entry point every front end calls (CLI, widget
// wasm, server, Worker, extension): it splits an article into sentences,
// ranks claims for all of them in one call, and runs the trust layer that
// assigns tiers, raises consistency flags and explains each match.
package engine

import (
	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/index"
	"github.com/factcheckwidget/factcheck/internal/match"
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
	// All also returns the candidates the reader is not shown (tier
	// "none"), for inspection (`factcheck check --all`).
	All bool
	// Context is the text that precedes a sentence given to CheckSentence
	// (its previous sentences); CheckArticle reads every sentence with the
	// ones before it by itself.
	Context string
	// Lang is the page's declared language, a BCP 47 tag (<html lang>,
	// the widget's data-lang, the API's lang); empty means unknown. The
	// page is read in it and compared with the claims in it, unless its
	// text is plainly in another of the corpus's languages
	// (lang.Corpus.Resolve).
	Lang string
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
	Kind  string // "numbers-differ", "date-differs", "entity-differs", "negation", "disputes" (flags.go)
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
	m     *match.Matcher
	page  *PageModel
	names *trust.Lexicon // the corpus's names (flags.go)
}

// New returns a Checker over x with the default matcher and page model.
func New(x *index.Index) *Checker { return NewWithMatcher(match.New(x)) }

// NewWithNames is New with the corpus's names given rather than read from
// x's section (a sharded corpus gathers those a check can ask about).
func NewWithNames(x *index.Index, names *trust.Lexicon) *Checker {
	return &Checker{m: match.New(x), page: &DefaultPageModel, names: names}
}

// NewWithMatcher wraps an existing matcher.
func NewWithMatcher(m *match.Matcher) *Checker {
	return &Checker{m: m, page: &DefaultPageModel, names: lexiconOf(m.Index())}
}

// WithPageModel returns a copy of c that decides what a page shows with pm
// (fitting and evaluation).
func (c *Checker) WithPageModel(pm *PageModel) *Checker {
	return &Checker{m: c.m, page: pm, names: c.names}
}

// Index returns the corpus.
func (c *Checker) Index() *index.Index { return c.m.Index() }

// Matcher returns the underlying matcher.
func (c *Checker) Matcher() *match.Matcher { return c.m }

// CheckArticle splits text into sentences and matches all of them in one
// call, as a reader sees the page: each sentence is read with the
// sentences before it (ContextSentences), and what is shown is decided by
// the page model (page.go), which knows that most sentences of a page were
// never fact-checked. Every sentence is returned; those the checker is
// silent on have no matches (unless opt.All).
func (c *Checker) CheckArticle(article string, opt Options) []Sentence {
	return c.CheckRead(ReadArticle(c.m.Languages(), article, opt), opt)
}

// CheckRead is CheckArticle on an article already read (ReadArticle).
func (c *Checker) CheckRead(a *Article, opt Options) []Sentence {
	page := c.rankPage(a, opt)
	c.scorePage(page, opt)
	out := make([]Sentence, len(page))
	cmp := c.comparer(a.text) // claims recur across an article's sentences
	for i := range page {
		ps := &page[i]
		out[i] = Sentence{Span: ps.span, Text: ps.q.Text, Matches: c.assess(ps.q, ps.cands, ps.probs, ps.tiers, opt, cmp)}
	}
	return out
}

// CheckSentence returns the matches of one sentence (or one free-text
// claim a reader or a client chose to check), best first; an empty result
// means the checker abstains. Unlike CheckArticle, the text was picked
// because it is a claim, so the sentence calibration (match.Calibration,
// fitted on queries that each have a fact-check) decides the tiers.
func (c *Checker) CheckSentence(s string, opt Options) []Match {
	q := c.m.PrepareContextIn(clipSentence(s), opt.Context, opt.Lang)
	cands := c.m.RankQuery(q, maxMatches(opt))
	probs := make([]float64, len(cands))
	tiers := make([]Tier, len(cands))
	for i := range cands {
		probs[i] = cands[i].Prob
		tiers[i] = TierFor(cands[i].Prob, q.Words())
	}
	cmp := c.comparer(opt.Context + "\n" + s)
	c.keepVariant(s, opt, cands, tiers, cmp) // flags.go
	return c.assess(q, cands, probs, tiers, opt, cmp)
}

func maxMatches(opt Options) int {
	if opt.MaxMatches <= 0 {
		return DefaultMaxMatches
	}
	return opt.MaxMatches
}

func clipArticle(s string) string  { return s[:cutUTF8(s, MaxArticleBytes)] }
func clipSentence(s string) string { return s[:cutUTF8(s, MaxSentenceBytes)] }

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
