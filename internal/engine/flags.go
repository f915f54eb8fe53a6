package engine

import (
	"time"

	"github.com/factcheckwidget/factcheck/internal/trust"
)

// flags compares a page sentence with the claim it matched.
func flags(page, claimText string, ref, claimRef time.Time) []Flag {
	fs := trust.Compare(page, claimText, ref, claimRef)
	if len(fs) == 0 {
		return nil
	}
	out := make([]Flag, len(fs))
	for i, f := range fs {
		out[i] = Flag{Kind: f.Kind, Page: f.Page, Claim: f.Claim, Span: Span{f.Start, f.End}}
	}
	return out
}
