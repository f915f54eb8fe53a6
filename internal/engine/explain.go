package engine

import (
	"github.com/factcheckwidget/factcheck/internal/index"
	"github.com/factcheckwidget/factcheck/internal/text"
)

// explain lists the sentence's words that the claim shares, merging
// neighbours into phrases ("wartime operational control"), with byte
// offsets so the widget can underline them.
func (c *Checker) explain(sentence string, doc int) []Evidence {
	x := c.m.Index()
	field := &x.Fields[index.FieldClaim]
	claimTerms := map[string]bool{}
	for _, id := range x.Forward(doc) {
		claimTerms[field.Term(int(id))] = true
	}
	var out []Evidence
	var run []text.Token
	flush := func() {
		if len(run) == 0 {
			return
		}
		kind := "term"
		if len(run) > 1 {
			kind = "phrase"
		}
		a, b := run[0].Start, run[len(run)-1].End
		out = append(out, Evidence{Kind: kind, Text: sentence[a:b], Span: Span{a, b}})
		run = run[:0]
	}
	for _, tok := range text.Tokenize(sentence) {
		if tok.Kind == text.Word && text.IsStopWord(tok.Text) {
			continue // stop words neither break nor start a phrase
		}
		if claimTerms[text.Stem(tok.Text)] {
			run = append(run, tok)
			continue
		}
		flush()
	}
	flush()
	return out
}
