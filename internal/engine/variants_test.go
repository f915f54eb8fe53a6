package engine

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/compile"
	"github.com/factcheckwidget/factcheck/internal/match"
	"github.com/factcheckwidget/factcheck/internal/trust"
)

// variantCorpus is a small corpus written for this test. On so few
// claims every probability is high, so the checker runs with its
// calibration shifted down by variantShift, which puts a sentence that
// states a claim with its name swapped below the related threshold, as a
// large corpus does (on the CheckThat! tweets such sentences fell from
// 0.3-0.6 to 0.03-0.09).
var variantCorpus = append([]claim.Claim{
	{ID: "mansion", Text: "Joe Biden owns the largest mansion in his state.", Rating: "False", Claimant: "Facebook posts"},
	{ID: "houses", Text: "Bernie Sanders bought a third house on a lake.", Rating: "True"},
	{ID: "state-budget", Text: "The state budget grew by a third under Governor Okafor.", Rating: "True"},
	{ID: "wind", Text: "The largest wind farm in the state opened in 2019.", Rating: "True"},
	{ID: "taxes", Text: "Joe Biden said he would raise taxes on families.", Rating: "False", Claimant: "Joe Biden"},
}, cityCorpus...)

const variantShift = 2.7

func TestSwapKeepsTheClaim(t *testing.T) {
	x, err := compile.Index(variantCorpus, nil) // with the lexicon: Joe Biden is a claimant

	require.NoError(t, err)
	p := match.DefaultParams()
	p.Calibration.Bias -= variantShift
	c := NewWithMatcher(match.NewWithParams(x, p))
	cases := []struct {
		name, sentence string
		want, flag     string // the claim shown with the flag; "" for none
	}{
		{"name swapped for someone the corpus never named", "Wanjiru Kamau lives in the biggest mansion in his state.", "mansion", FlagEntity},
		{"the sentence as the claim says it", "Joe Biden lives in the biggest mansion in his state.", "mansion", ""},
		{"the name and one word in common", "Wanjiru Kamau visited three families.", "", ""},
	}
	for _, tc := range cases {
		ms := c.CheckSentence(tc.sentence, Options{})
		if tc.want == "" {
			assert.Empty(t, ids(ms), tc.name)
			continue
		}
		if assert.NotEmpty(t, ms, tc.name) {
			assert.Equal(t, tc.want, ms[0].Claim.ID, tc.name)
			if tc.flag != "" {
				assert.Equal(t, []string{tc.flag}, ms[0].FlagKinds(), tc.name)
				assert.Equal(t, TierRelated, ms[0].Tier, "a variant is at most related: %s", tc.name)
			}
		}
	}
}

func TestRestore(t *testing.T) {
	s := "Wanjiru Kamau owns the largest mansion, said Reuters yesterday."
	one := func(f trust.Flag) []trust.Flag { return []trust.Flag{f} }
	cases := []struct {
		name  string
		flags []trust.Flag
		want  string
	}{
		{"name", one(trust.Flag{Kind: trust.EntityDiffers, Page: "Wanjiru Kamau", Claim: "Joe Biden", Start: 0, End: 13}),
			"Joe Biden owns the largest mansion, said Reuters yesterday."},
		{"relative date", one(trust.Flag{Kind: trust.DateDiffers, Page: "yesterday (2025-11-04)", Claim: "4 May 2024 (2024-05-04)", Start: strings.Index(s, "yesterday"), End: strings.Index(s, "yesterday") + 9}),
			"Wanjiru Kamau owns the largest mansion, said Reuters 4 May 2024."},
		{"negation is not a detail", one(trust.Flag{Kind: trust.Negation, Page: "owns", Start: 14, End: 18}), ""},
		{"two differences", []trust.Flag{{Kind: trust.EntityDiffers, Claim: "Joe Biden", Start: 0, End: 13}, {Kind: trust.NumbersDiffer, Claim: "2", Start: 1, End: 2}}, ""},
		{"span outside the sentence", one(trust.Flag{Kind: trust.EntityDiffers, Claim: "Joe Biden", Start: 0, End: 99}), ""},
	}
	for _, tc := range cases {
		got, ok := restore(s, tc.flags)
		assert.Equal(t, tc.want != "", ok, tc.name)
		assert.Equal(t, tc.want, got, tc.name)
	}
}

func ids(ms []Match) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Claim.ID)
	}
	return out
}
