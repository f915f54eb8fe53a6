package defaultcorpus

import (
	"errors"
	"sync"

	"github.com/factcheckwidget/factcheck/internal/compile"
	"github.com/factcheckwidget/factcheck/internal/corpus"
	"github.com/factcheckwidget/factcheck/internal/index"
)

var (
	once     sync.Once
	compiled *index.Index
	buildErr error
)

// Index returns the default corpus compiled for matching, built on first
// use (61 claims take a few milliseconds).
func Index() (*index.Index, error) {
	once.Do(func() {
		claims, skipped, err := corpus.Read("defaultcorpus/claims.jsonld", ClaimReviewJSONLD)
		if err == nil && len(skipped) > 0 { // our own corpus: every review must read
			err = errors.New("defaultcorpus: " + skipped[0].String())
		}
		if err != nil {
			buildErr = err
			return
		}
		compiled, buildErr = compile.Index(claims, nil)
		if buildErr == nil {
			compiled.Meta["name"] = "default"
		}
	})
	return compiled, buildErr
}
