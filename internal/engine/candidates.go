package engine

import (
	"sort"

	"github.com/factcheckwidget/factcheck/internal/text"
)

// A sharded corpus (internal/shard) fetches, for one check, the term lists
// the text needs, then the claims the first stage chooses from them, and
// checks the text on an index of what it fetched. These functions tell it
// what a check reads, from the same sentence splitting, context and first
// stage as CheckArticle and CheckSentence.

// ArticleAnalyses returns the analysed sentences of an article as
// CheckArticle reads them.
func ArticleAnalyses(article string) []*text.Analysis {
	_, as := sentencesOf(clipArticle(article))
	return as
}

// SentenceAnalyses returns the analysed sentences of a CheckSentence call:
// the sentences of opt.Context, then s.
func SentenceAnalyses(s string, opt Options) []*text.Analysis {
	var out []*text.Analysis
	if opt.Context != "" {
		for _, sp := range text.Sentences(opt.Context) {
			out = append(out, text.Analyze(opt.Context[sp.Start:sp.End]))
		}
	}
	return append(out, text.Analyze(clipSentence(s)))
}

// ArticleCandidates returns the claims the first stage ranks in the top n
// for any sentence of the article, read as CheckArticle reads it; sorted,
// without repeats.
func (c *Checker) ArticleCandidates(article string, n int) []int {
	var docs []int
	for _, ps := range c.preparePage(clipArticle(article)) {
		docs = append(docs, c.m.FirstStage(ps.q, n)...)
	}
	sort.Ints(docs)
	out := docs[:0]
	for i, d := range docs {
		if i == 0 || d != docs[i-1] {
			out = append(out, d)
		}
	}
	return out
}

// SentenceCandidates is ArticleCandidates for a CheckSentence call.
func (c *Checker) SentenceCandidates(s string, opt Options, n int) []int {
	docs := c.m.FirstStage(c.m.PrepareContext(clipSentence(s), opt.Context), n)
	sort.Ints(docs)
	return docs
}
