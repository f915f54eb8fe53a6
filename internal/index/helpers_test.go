package index

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/claim"
)

// smallClaims is a fixed, invented corpus: its encoding is the golden file,
// so changing it means regenerating testdata/small.fcx.golden with -update.
func smallClaims() []claim.Claim {
	return []claim.Claim{
		{
			ID:            "https://checks.example/2021/03/wind-turbines-birds",
			Text:          "Wind turbines kill more birds than cats do.",
			Title:         "Do wind turbines kill more birds than cats?",
			Context:       "A viral graphic compares bird deaths.",
			Rating:        "False",
			Verdict:       claim.VerdictFalse,
			Publisher:     "Checks Example",
			PublisherSite: "checks.example",
			URL:           "https://checks.example/2021/03/wind-turbines-birds",
			ReviewDate:    "2021-03-04",
			Claimant:      "Viral post",
			ClaimDate:     "2021-03-01",
			Language:      "en",
		},
		{
			ID:            "https://verify.example/teachers-2019",
			Text:          "The city hired 28,500 new teachers in 2019.",
			Title:         "City teacher hiring figure is inflated",
			Rating:        "Mostly False",
			Verdict:       claim.VerdictMostlyFalse,
			Publisher:     "Verify Example",
			PublisherSite: "verify.example",
			URL:           "https://verify.example/teachers-2019",
			ReviewDate:    "2020-01-15",
			Claimant:      "Mayor Jane Roe",
			ClaimDate:     "2019-12-30",
			Language:      "en",
		},
		{
			// Same stems as claim 0 in another order: a duplicate of it.
			ID:        "https://other.example/cats-birds",
			Text:      "Cats kill more birds than wind turbines do",
			Rating:    "Misleading",
			Verdict:   claim.VerdictMostlyFalse,
			Publisher: "Other Example",
			URL:       "https://other.example/cats-birds",
			Language:  "en",
		},
		{
			ID:         "claim-sao-paulo",
			Text:       "São Paulo banned cars on Sundays in 2020.",
			Title:      "Não houve proibição",
			Rating:     "Falso",
			Verdict:    claim.VerdictUnknown,
			Publisher:  "Checagem Exemplo",
			ReviewDate: "2020-06-01",
			Language:   "pt",
		},
		{
			ID:       "claim-turbines-true",
			Text:     "Wind turbines supplied a quarter of the grid's power in 2023.",
			Rating:   "True",
			Verdict:  claim.VerdictTrue,
			Language: "en",
		},
	}
}

func buildSmall(t testing.TB) *Index {
	t.Helper()
	x, err := Build(smallClaims(), nil)
	require.NoError(t, err)
	x.Meta["name"] = "small"
	x.Meta["source"] = "index tests"
	x.Sections = map[string][]byte{"test/knowledge": {1, 2, 3}, "test/empty": {}}
	return x
}

type posting2 struct{ Doc, TF int }

func postingsOf(f *Field, term, numDocs int) []posting2 {
	var out []posting2
	f.Postings(term, numDocs, func(doc, tf int) { out = append(out, posting2{doc, tf}) })
	return out
}

// assertSameIndex compares two indexes through their whole public surface.
func assertSameIndex(t *testing.T, want, got *Index) {
	t.Helper()
	require.Equal(t, want.NumClaims(), got.NumClaims())
	assert.Equal(t, want.Meta, got.Meta)
	assert.Equal(t, want.Duplicates, got.Duplicates)
	assert.Equal(t, want.Sections, got.Sections)
	for d := 0; d < want.NumClaims(); d++ {
		assert.Equal(t, *want.Claim(d), *got.Claim(d), "claim %d", d)
		assert.Equal(t, want.Forward(d), got.Forward(d), "forward %d", d)
	}
	n := want.NumClaims()
	for f := range want.Fields {
		wf, gf := &want.Fields[f], &got.Fields[f]
		assert.Equal(t, wf.Kind, gf.Kind, "field %d kind", f)
		require.Equal(t, wf.NumTerms(), gf.NumTerms(), "field %d terms", f)
		assert.Equal(t, wf.DocLen, gf.DocLen, "field %d doc lengths", f)
		assert.InDelta(t, wf.AvgLen, gf.AvgLen, 1e-12, "field %d avg length", f)
		for i := 0; i < wf.NumTerms(); i++ {
			term := wf.Term(i)
			require.Equal(t, term, gf.Term(i), "field %d term %d", f, i)
			require.Equal(t, i, gf.Lookup(term), "field %d lookup %q", f, term)
			require.Equal(t, wf.DF(i), gf.DF(i), "field %d df %q", f, term)
			require.Equal(t, postingsOf(wf, i, n), postingsOf(gf, i, n), "field %d postings %q", f, term)
		}
		assert.Equal(t, -1, gf.Lookup("zzz-not-a-term"))
	}
}
