package engine

import (
	"github.com/factcheckwidget/factcheck/internal/lang"
	"github.com/factcheckwidget/factcheck/internal/text"
)

// A sharded corpus (internal/shard) fetches, for one check, the term lists
// the text needs, then the claims the first stage chooses from them, and
// checks the text on an index of what it fetched. These functions tell it
// what a check reads, from the same sentence splitting, context and first
// stage as CheckArticle and CheckSentence.

// SentenceAnalyses returns the analysed sentences of a CheckSentence call:
// the sentences of opt.Context, then s, read as the matcher reads them
// (match.Matcher.PrepareContextIn).
func SentenceAnalyses(langs *lang.Corpus, s string, opt Options) []*text.Analysis {
	s = clipSentence(s)
	reading := langs.Resolve(opt.Lang, opt.Context+"\n"+s)
	var out []*text.Analysis
	if opt.Context != "" {
		for _, sp := range text.Sentences(opt.Context) {
			out = append(out, langs.AnalyzeIn(opt.Context[sp.Start:sp.End], reading))
		}
	}
	return append(out, langs.AnalyzeIn(s, reading))
}

// ArticleCandidates returns, for each sentence of the article, the claims
// the first stage ranks in its top n, best first.
func (c *Checker) ArticleCandidates(a *Article, n int) [][]int {
	page := c.preparePage(a)
	out := make([][]int, len(page))
	for i, ps := range page {
		out[i] = c.m.FirstStage(ps.q, n)
	}
	return out
}

// Lead is what a check of a page on a few candidates a sentence tells of
// one sentence: the page probability of its best candidate, or 0 when the
// sentence cannot be highlighted whatever its candidates (its
// check-worthiness or its words fail the page model's gates); and its best
// candidate's sentence probability (match.Calibration), which the page's
// density averages.
type Lead struct{ Page, Sentence float64 }

// ArticleLeads returns the lead of each sentence of the article on this
// index. A sharded corpus checks a page on a few candidates a sentence
// first, and fetches the whole pool only for the sentences whose lead
// says they may be highlighted or weigh in the page's density.
func (c *Checker) ArticleLeads(a *Article, opt Options) []Lead {
	page := c.rankPage(a, opt)
	c.scorePage(page, opt)
	out := make([]Lead, len(page))
	for i := range page {
		ps := &page[i]
		if len(ps.cands) > 0 {
			out[i].Sentence = ps.cands[0].Prob
		}
		if b := ps.best(); b >= 0 && c.page.MayHighlight(ps.worthy, ps.q.Words()) {
			out[i].Page = ps.probs[b]
		}
	}
	return out
}

// SentenceCandidates is ArticleCandidates for a CheckSentence call: the
// one sentence's list.
func (c *Checker) SentenceCandidates(s string, opt Options, n int) [][]int {
	return [][]int{c.m.FirstStage(c.m.PrepareContextIn(clipSentence(s), opt.Context, opt.Lang), n)}
}
