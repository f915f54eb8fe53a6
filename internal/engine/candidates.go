package engine

import (
	"sort"

	"github.com/factcheckwidget/factcheck/internal/lang"
	"github.com/factcheckwidget/factcheck/internal/text"
)

// A sharded corpus (internal/shard) fetches, for one check, the term lists
// the text needs, then the claims the first stage chooses from them, and
// checks the text on an index of what it fetched. These functions tell it
// what a check reads, from the same sentence splitting, context and first
// stage as CheckArticle and CheckSentence.

// ArticleAnalyses returns the analysed sentences of an article as
// CheckArticle reads them, in the language langs (the corpus's) reads it
// in.
func ArticleAnalyses(langs *lang.Corpus, article string, opt Options) []*text.Analysis {
	_, as := sentencesOf(langs, clipArticle(article), opt.Lang)
	return as
}

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

// ArticleCandidates returns the claims the first stage ranks in the top n
// for any sentence of the article, read as CheckArticle reads it; sorted,
// without repeats.
func (c *Checker) ArticleCandidates(article string, opt Options, n int) []int {
	var docs []int
	for _, ps := range c.preparePage(clipArticle(article), opt.Lang) {
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
	docs := c.m.FirstStage(c.m.PrepareContextIn(clipSentence(s), opt.Context, opt.Lang), n)
	sort.Ints(docs)
	return docs
}
