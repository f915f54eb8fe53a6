package engine

import (
	"github.com/factcheckwidget/factcheck/internal/index"
	"github.com/factcheckwidget/factcheck/internal/text"
)

// explain lists the sentence's words that the claim shares, merging
// neighbours into phrases ("wartime operational control"), with byte
// offsets so the widget can underline them.
func (c *Checker) explain(a *text.Analysis, doc int) []Evidence {
	x := c.m.Index()
	field := &x.Fields[index.FieldClaim]
	claimTerms := map[string]bool{}
	for _, id := range x.Forward(doc) {
		claimTerms[field.Term(int(id))] = true
	}
	var out []Evidence
	runStart, runEnd, runLen := 0, 0, 0
	flush := func() {
		if runLen == 0 {
			return
		}
		kind := "term"
		if runLen > 1 {
			kind = "phrase"
		}
		out = append(out, Evidence{Kind: kind, Text: a.Text[runStart:runEnd], Span: Span{runStart, runEnd}})
		runLen = 0
	}
	for i, t := range a.Tokens {
		if a.Stop[i] {
			continue // stop words neither break nor start a phrase
		}
		if claimTerms[a.Stems[i]] {
			if runLen == 0 {
				runStart = t.Start
			}
			runEnd = t.End
			runLen++
			continue
		}
		flush()
	}
	flush()
	return out
}
