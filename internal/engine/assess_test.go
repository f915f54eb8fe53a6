package engine

import (
	"testing"

	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/defaultcorpus"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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

func TestBylineSharingOnlyADateIsNoMatch(t *testing.T) {
	x, err := defaultcorpus.Index()
	require.NoError(t, err)
	// The demo corpus has a claim dated 4 November 2025; a byline dated a
	// day later shares nothing with it but the date.
	assert.Empty(t, New(x).CheckSentence("By Dana Whitfield · 5 November 2025", Options{Date: "2025-11-05"}))
}

func TestParseDate(t *testing.T) {
	assert.Equal(t, "2025-11-04", parseDate("2025-11-04").Format("2006-01-02"))
	for _, bad := range []string{"", "2025-11-4", "2025/11/04", "2025-13-01", "2025-04-31", "2025-00-10", "20x5-01-01", "2025-11-04T10:00"} {
		assert.True(t, parseDate(bad).IsZero(), "%q", bad)
	}
}
