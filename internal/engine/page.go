package engine

import (
	"math"
	"time"

	"github.com/factcheckwidget/factcheck/internal/lang"
	"github.com/factcheckwidget/factcheck/internal/match"
	"github.com/factcheckwidget/factcheck/internal/text"
	"github.com/factcheckwidget/factcheck/internal/worthy"
)

// ContextSentences is how many preceding sentences of the article a
// sentence is read with: "He signed it in 2019." borrows the bill that the
// sentence before named. Three is what the CheckThat! debate tasks give.
const ContextSentences = 3

// pageSentence is one sentence of an article on its way through the page
// model: analysed and prepared once, ranked, then scored in its page.
type pageSentence struct {
	span     Span
	q        *match.Query
	cands    []match.Candidate
	worthy   float64 // check-worthiness log-odds (internal/worthy)
	question bool    // the sentence asks: it can show a related claim, never a match
	probs    []float64
	tiers    []Tier
}

// Article is an article split into sentences and each analysed once, in
// the language the corpus reads the page in: what CheckArticle reads. A
// sharded corpus checks one article on up to three indexes of what it
// fetched (internal/shard) and reads it once for all of them.
type Article struct {
	text     string // cut to MaxArticleBytes
	spans    []Span
	analyses []*text.Analysis
}

// ReadArticle splits an article into sentences and analyses them in the
// language langs (the corpus's) reads it in (opt.Lang, or else detected).
func ReadArticle(langs *lang.Corpus, article string, opt Options) *Article {
	a := &Article{text: clipArticle(article)}
	a.spans, a.analyses = sentencesOf(langs, a.text, opt.Lang)
	return a
}

// Analyses returns the article's analysed sentences.
func (a *Article) Analyses() []*text.Analysis { return a.analyses }

// rankPage prepares the article's sentences and ranks claims for each,
// read after the sentences before it.
func (c *Checker) rankPage(a *Article, opt Options) []pageSentence {
	page := c.preparePage(a)
	k := maxMatches(opt)
	for i := range page {
		page[i].cands = c.m.RankQuery(page[i].q, k)
	}
	return page
}

// preparePage prepares every analysed sentence of the article as a query
// read after the sentences before it.
func (c *Checker) preparePage(a *Article) []pageSentence {
	page := make([]pageSentence, len(a.spans))
	for i, an := range a.analyses {
		ctx := make([]*match.Query, 0, ContextSentences)
		for j := max(0, i-ContextSentences); j < i; j++ {
			ctx = append(ctx, page[j].q)
		}
		f := worthy.FeaturesOf(an)
		page[i] = pageSentence{span: a.spans[i], q: c.m.PrepareAnalysis(an, ctx), worthy: worthy.Default.Score(&f), question: f.Question()}
	}
	return page
}

// sentencesOf splits an article (already cut to MaxArticleBytes) into at
// most MaxSentences sentences, each cut to MaxSentenceBytes, and analyses
// each in the language the page is read in (langs.Resolve).
func sentencesOf(langs *lang.Corpus, article, declared string) ([]Span, []*text.Analysis) {
	spans := text.Sentences(article)
	if len(spans) > MaxSentences {
		spans = spans[:MaxSentences]
	}
	reading := langs.Resolve(declared, article)
	out := make([]Span, len(spans))
	as := make([]*text.Analysis, len(spans))
	for i, sp := range spans {
		end := sp.End
		if end-sp.Start > MaxSentenceBytes {
			end = sp.Start + cutUTF8(article[sp.Start:], MaxSentenceBytes)
		}
		out[i] = Span{sp.Start, end}
		as[i] = langs.AnalyzeIn(article[sp.Start:end], reading)
	}
	return out, as
}

// pageDensityOf is how much of the page the corpus speaks to: the mean,
// over its sentences, of the best candidate's sentence probability
// (match.Calibration), at least 0.01. A debate against PolitiFact's claims
// scores 0.04-0.14; the demo article against its own corpus 0.33; a feed
// of posts that were all checked, more. It lets one model serve pages
// where one sentence in a hundred was checked and pages written about the
// checked claims, and it makes a one-sentence page read like a query.
func pageDensityOf(page []pageSentence) float64 {
	sum := 0.0
	for _, ps := range page {
		if len(ps.cands) > 0 {
			sum += ps.cands[0].Prob
		}
	}
	return max(sum/float64(max(len(page), 1)), 0.01)
}

// scorePage sets every candidate's page probability and tier. A sentence
// is highlighted when its best candidate reaches the show threshold; its
// card then also lists the other candidates above the card threshold. When
// neighbouring sentences (±NeighbourWindow) would highlight the same claim,
// only the most probable of them is highlighted: a claim argued over three
// sentences is one fact-check for the reader, not three.
func (c *Checker) scorePage(page []pageSentence, opt Options) {
	ref := parseDate(opt.Date)
	density := pageDensityOf(page)
	for i := range page {
		ps := &page[i]
		ps.probs = make([]float64, len(ps.cands))
		ps.tiers = make([]Tier, len(ps.cands))
		for j := range ps.cands {
			in := c.pageInputs(page, i, j, ref, density)
			ps.probs[j] = c.page.Probability(&in)
		}
	}
	lit := make([]bool, len(page)) // the sentence's best claim can be highlighted
	for i := range page {
		ps := &page[i]
		best := ps.best()
		lit[i] = best >= 0 && c.page.Highlights(ps.probs[best], ps.worthy, ps.q.Words()) && evident(&ps.cands[best])
	}
	for i := range page {
		ps := &page[i]
		best := ps.best()
		if !lit[i] || c.page.Dedupe && c.outshone(page, lit, i, best) {
			continue
		}
		for j := range ps.cands {
			if j == best || ps.probs[j] >= c.page.Card && evident(&ps.cands[j]) {
				ps.tiers[j] = c.page.Tier(ps.probs[j], ps.q.Words(), ps.question, ps.cands[j].Cal[match.CalClaimCov])
			}
		}
	}
}

// best is the index of the most probable candidate, or -1.
func (ps *pageSentence) best() int {
	b := -1
	for j, p := range ps.probs {
		if b < 0 || p > ps.probs[b] {
			b = j
		}
	}
	return b
}

// outshone reports whether a neighbour of sentence i that is highlighted
// has claim j's group as its best candidate with a higher probability (or
// an equal one, earlier). A neighbour the gate or the evidence floor keeps
// silent does not silence sentence i.
func (c *Checker) outshone(page []pageSentence, lit []bool, i, j int) bool {
	dup := c.m.Index().Duplicates
	group := dup[page[i].cands[j].Doc]
	p := page[i].probs[j]
	for k := max(0, i-NeighbourWindow); k <= min(len(page)-1, i+NeighbourWindow); k++ {
		if k == i || !lit[k] {
			continue
		}
		b := page[k].best()
		if b < 0 || dup[page[k].cands[b].Doc] != group {
			continue
		}
		if q := page[k].probs[b]; q > p || q == p && k < i {
			return true
		}
	}
	return false
}

// Page model inputs: the sentence calibration's inputs, re-weighted for
// pages where most sentences have no fact-check, and what only a page
// tells.
const (
	pageScore      = iota // re-ranking score
	pageGap               // gap to the next candidate that is not a variant
	pageQueryCov          // share of the sentence's idf mass in the claim
	pageClaimCov          // share of the claim's idf mass in the sentence
	pageBigrams           // share of claim bigrams in the sentence
	pageLogWords          // ln(content words)
	pageLogShared         // ln(1 + shared terms)
	pageContextCov        // share of the claim's idf mass found only in the preceding sentences
	pageWorthy            // check-worthiness log-odds of the sentence, /5
	pageDateFar           // ln(1 + days between the article's and the claim's dates)/8; 0 when either is unknown
	pageDateKnown         // 1 when both dates are known
	pageDensity           // ln of the page's mean sentence probability (pageDensityOf)
	NumPageInputs
)

// PageInputs are the page model's inputs for one candidate.
type PageInputs [NumPageInputs]float64

// MinSharedTerms: a claim is shown for a sentence only when the sentence
// itself (not its context) states at least two of the claim's content
// words that are not common in the corpus (match.CommonShare). One shared
// word ("guard"), or one and "said", is a coincidence on a page about the
// corpus's subject, however likely its neighbours make it look.
const MinSharedTerms = 2

// evident reports whether the sentence itself states enough of a claim
// for it to be shown, whatever the page makes likely: MinSharedTerms words
// the corpus does not use everywhere, and MinShownCoverage of the
// sentence's own content.
func evident(c *match.Candidate) bool {
	return c.Specific >= MinSharedTerms && c.Cal[match.CalQueryCov] >= MinShownCoverage
}

// MinShownCoverage: the share of a sentence's content (idf mass) that a
// claim must hold to be shown for it. 95 % of the right highlights on the
// train debates hold 0.46 or more (median 0.95), so the floor costs them
// nothing; on a page written about the corpus's subject it keeps the
// sentences that share a place and a word with a claim ("SEOUL — A chilly
// autumn drizzle hung over the South Korean capital…", 0.14) silent.
const MinShownCoverage = 0.25

// MinMatchCoverage: a match (the same claim) must state at least half of
// the claim's content, by idf mass (match.CalClaimCov); below, it is at
// most related.
const MinMatchCoverage = 0.5

// NeighbourWindow is how many sentences on each side count as neighbours
// when the same claim is best for several (PageModel.Dedupe): a claim a
// speaker argues for takes a few sentences.
const NeighbourWindow = 3

// pageInputs computes the inputs of candidate j of sentence i.
func (c *Checker) pageInputs(page []pageSentence, i, j int, ref time.Time, density float64) PageInputs {
	ps := &page[i]
	cand := &ps.cands[j]
	var in PageInputs
	copy(in[:pageContextCov], cand.Cal[:])
	in[pageContextCov] = cand.Features[match.FeatContextCoverage]
	in[pageWorthy] = ps.worthy / 5
	in[pageDensity] = math.Log(density)
	if cd := parseDate(c.m.Index().Claim(cand.Doc).ClaimDate); !ref.IsZero() && !cd.IsZero() {
		days := math.Abs(ref.Sub(cd).Hours() / 24)
		in[pageDateFar] = math.Log1p(days) / 8
		in[pageDateKnown] = 1
	}
	return in
}

// PageModel is the logistic model that decides what a reader of a whole
// page is shown, with its thresholds.
type PageModel struct {
	Weights [NumPageInputs + 1]float64 // Weights[0] is the bias
	// Show is the probability the best candidate of a sentence needs for
	// the sentence to be highlighted; Card, what another candidate needs to
	// be listed in its card; Match, what a candidate needs for the match
	// tier. Gate is the check-worthiness log-odds below which a sentence is
	// never highlighted.
	Show, Card, Match, Gate float64
	// Dedupe highlights only the most probable of neighbouring sentences
	// whose best candidate is the same claim.
	Dedupe bool
}

// Probability that the candidate is the sentence's fact-check.
func (pm *PageModel) Probability(in *PageInputs) float64 {
	z := pm.Weights[0]
	for i, v := range in {
		z += pm.Weights[i+1] * v
	}
	return 1 / (1 + math.Exp(-z))
}

// Highlights reports whether a sentence whose best candidate has page
// probability p is highlighted.
func (pm *PageModel) Highlights(p, worthiness float64, words int) bool {
	return p >= pm.Show && pm.MayHighlight(worthiness, words)
}

// MayHighlight reports whether a sentence can be highlighted at all,
// whatever its candidates: it is worth checking, and has two words.
func (pm *PageModel) MayHighlight(worthiness float64, words int) bool {
	return worthiness >= pm.Gate && words >= 2
}

// Tier of a candidate listed in a highlighted sentence's card. A question
// ("Is the new strategy moving away from China?") asks about a claim
// without stating it: it can show the fact-check, as related, but it is
// never the claim. Nor is a sentence that states less than
// MinMatchCoverage of the claim (a headline naming its subject).
func (pm *PageModel) Tier(p float64, words int, question bool, claimCoverage float64) Tier {
	if p >= pm.Match && words >= MinMatchWords && !question && claimCoverage >= MinMatchCoverage {
		return TierMatch
	}
	return TierRelated
}
