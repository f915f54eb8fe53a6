package engine

import (
	"time"

	"github.com/factcheckwidget/factcheck/internal/trust"
)

// flags compares a page sentence with the claim it matched; cmp may be nil
// or a comparer reused across one article's sentences.
func flags(cmp *trust.Comparer, page, claimText string, ref, claimRef time.Time) []Flag {
	if cmp == nil {
		cmp = &trust.Comparer{}
	}
	fs := cmp.Compare(page, claimText, ref, claimRef)
	if len(fs) == 0 {
		return nil
	}
	out := make([]Flag, len(fs))
	for i, f := range fs {
		out[i] = Flag{Kind: f.Kind, Page: f.Page, Claim: f.Claim, Span: Span{f.Start, f.End}}
	}
	return out
}
