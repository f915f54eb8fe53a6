package api

import (
	"context"

	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/claimsearch"
	"github.com/factcheckwidget/factcheck/internal/engine"
)

// Corpus is what the API answers from: a compiled index in memory (New),
// or a sharded corpus read part by part (internal/shardio, on disk or in
// the Worker's R2 bucket). An error is the corpus failing (a part missing
// or corrupt), never the request: the API answers it with a 500.
type Corpus interface {
	// Info names the corpus and counts its claims (/healthz).
	Info() (name string, claims int)
	// CheckArticle is engine.Checker.CheckArticle.
	CheckArticle(ctx context.Context, text string, opt engine.Options) ([]engine.Sentence, error)
	// Search returns the claims from offset to offset+size (fewer at the
	// end) of claimsearch.Searcher.Search's result, and how many it found.
	Search(ctx context.Context, f claimsearch.Filter, offset, size int) ([]*claim.Claim, int, error)
}

// indexCorpus is a compiled index in memory.
type indexCorpus struct {
	c      *engine.Checker
	claims *claimsearch.Searcher
}

func (ic *indexCorpus) Info() (string, int) {
	x := ic.c.Index()
	return x.Meta["name"], x.NumClaims()
}

func (ic *indexCorpus) CheckArticle(_ context.Context, text string, opt engine.Options) ([]engine.Sentence, error) {
	return ic.c.CheckArticle(text, opt), nil
}

func (ic *indexCorpus) Search(_ context.Context, f claimsearch.Filter, offset, size int) ([]*claim.Claim, int, error) {
	docs := ic.claims.Search(f).Docs
	var page []*claim.Claim
	for i := offset; i < len(docs) && i < offset+size; i++ {
		page = append(page, ic.c.Index().Claim(docs[i]))
	}
	return page, len(docs), nil
}
