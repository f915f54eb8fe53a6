// Package compile turns a corpus into the index every front end reads: the
// inverted index (internal/index) and, in its sections, the knowledge the
// other layers learn from the corpus itself. Every place that builds an
// index from claims (the CLI, the default corpus, the Worker's corpus, the
// tests' corpora) goes through Index, so a corpus is compiled one way.
package compile

import (
	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/index"
	"github.com/factcheckwidget/factcheck/internal/trust"
)

// Index compiles claims. progress, when not nil, is called with the number
// of claims analysed so far. Sections:
//
//	trust/lexicon  the names of the corpus and their kinds (trust.LearnLexicon;
//	               encoding in trust.LexiconVersion)
func Index(claims []claim.Claim, progress func(done, total int)) (*index.Index, error) {
	x, err := index.Build(claims, progress)
	if err != nil {
		return nil, err
	}
	if x.Sections == nil {
		x.Sections = map[string][]byte{}
	}
	x.Sections[trust.LexiconSection] = trust.LearnLexicon(claims).Encode()
	return x, nil
}
