package engine

import (
	"time"

	"github.com/factcheckwidget/factcheck/internal/trust"
)

// consistency compares a page sentence with the claim it matched; cmp may
// be nil or a comparer reused across one article's sentences. It returns
// the flags and, as evidence, the figures, dates and names both state.
func consistency(cmp *trust.Comparer, page, claimText string, ref, claimRef time.Time) ([]Flag, []Evidence) {
	if cmp == nil {
		cmp = &trust.Comparer{}
	}
	fs, agree := cmp.Check(page, claimText, ref, claimRef)
	var flags []Flag
	if len(fs) > 0 {
		flags = make([]Flag, len(fs))
		for i, f := range fs {
			flags[i] = Flag{Kind: f.Kind, Page: f.Page, Claim: f.Claim, Span: Span{f.Start, f.End}}
		}
	}
	var ev []Evidence
	for _, a := range agree {
		ev = append(ev, Evidence{Kind: a.Kind, Text: a.Page, Span: Span{a.Start, a.End}, Claim: a.Claim})
	}
	return flags, ev
}
