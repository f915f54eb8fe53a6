// Package compile turns a corpus into the index every front end reads: the
// inverted index (internal/index) and, in its sections, the knowledge the
// other layers learn from the corpus itself. Every place that builds an
// index from claims (the CLI, the default corpus, the Worker's corpus, the
// tests' corpora) goes through Index, so a corpus is compiled one way.
package compile

import (
	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/index"
)

// Index compiles claims. progress, when not nil, is called with the number
// of claims analysed so far.
func Index(claims []claim.Claim, progress func(done, total int)) (*index.Index, error) {
	return index.Build(claims, progress)
}
