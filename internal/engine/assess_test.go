package engine

import (
	"testing"

	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/stretchr/testify/assert"
)

func TestPreferConsistentNeedsAgreementOnTheFlaggedDetail(t *testing.T) {
	tokyo := &claim.Claim{Text: "The meeting was held in Tokyo."}
	seoul := &claim.Claim{Text: "The meeting took place in Seoul."}
	other := &claim.Claim{Text: "The meeting was held."}
	flagged := Match{Claim: tokyo, Score: 0.6, Flags: []Flag{{Kind: "entity-differs", Page: "Seoul", Claim: "Tokyo", Span: Span{24, 29}}}}
	cases := []struct {
		name  string
		later Match
		want  *claim.Claim
	}{
		{"a claim stating the page's venue moves up",
			Match{Claim: seoul, Score: 0.45, Evidence: []Evidence{{Kind: "entity", Text: "Seoul", Span: Span{24, 29}, Claim: "Seoul"}}}, seoul},
		{"a claim that leaves the venue out does not",
			Match{Claim: other, Score: 0.45, Evidence: []Evidence{{Kind: "phrase", Text: "meeting was held", Span: Span{4, 20}}}}, tokyo},
		{"nor does one too far below",
			Match{Claim: seoul, Score: 0.3, Evidence: []Evidence{{Kind: "entity", Text: "Seoul", Span: Span{24, 29}, Claim: "Seoul"}}}, tokyo},
	}
	for _, c := range cases {
		ms := []Match{flagged, c.later}
		preferConsistent(ms)
		assert.Same(t, c.want, ms[0].Claim, c.name)
	}
}
