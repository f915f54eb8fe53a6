package match

import (
	"math/rand/v2"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/index"
)

// paraphraseCorpus is a small corpus written for these tests: near
// neighbours share topics so a matcher must use the details.
var paraphraseCorpus = []claim.Claim{
	{ID: "troops", Text: "About 28,500 American troops are stationed in South Korea."},
	{ID: "troops-false", Text: "The United States has withdrawn all of its troops from Japan."},
	{ID: "opcon-1994", Text: "South Korea regained peacetime operational control of its forces in 1994."},
	{ID: "opcon-2030", Text: "Seoul aims to take back wartime operational control by 2030."},
	{ID: "vaccine", Text: "The flu vaccine causes the flu in healthy adults."},
	{ID: "bridge", Text: "The city council approved a new bridge over the river in March."},
	{ID: "bridge-cost", Text: "The new river bridge will cost taxpayers 2 billion dollars."},
	{ID: "wages", Text: "Wages for factory workers have fallen for ten straight years."},
	{ID: "unemployment", Text: "The unemployment rate is the lowest it has been in 17 years."},
	{ID: "crime", Text: "Violent crime in the city doubled after the police budget was cut."},
	{ID: "wombats", Text: "Wombats invited other animals into their burrows to escape the bushfires in Australia."},
	{ID: "senator", Text: "Senator Jones voted against funding for veterans' hospitals."},
	{ID: "moon", Text: "A photograph shows astronauts planting a flag on the moon in 1969."},
	{ID: "plastic", Text: "Eight million tonnes of plastic enter the oceans every year."},
	{ID: "school", Text: "The governor closed forty rural schools to balance the state budget."},
}

func paraphraseMatcher(t *testing.T) (*Matcher, *index.Index) {
	t.Helper()
	x, err := index.Build(paraphraseCorpus, nil)
	require.NoError(t, err)
	return New(x), x
}

func TestParaphrasesRankTheirClaimFirst(t *testing.T) {
	m, x := paraphraseMatcher(t)
	cases := []struct{ name, query, want string }{
		{"synonyms", "Roughly 28,500 US soldiers are based in South Korea.", "troops"},
		{"passive voice", "Peacetime operational control of its forces was regained by South Korea in 1994.", "opcon-1994"},
		{"reordered", "By 2030, taking back wartime operational control is what Seoul aims for.", "opcon-2030"},
		{"numbers reordered", "In 1969 a photo showed a flag being planted on the moon by astronauts.", "moon"},
		{"inflection", "Healthy adults catch the flu from flu vaccines.", "vaccine"},
		{"hashtags and URL", "Wombats are sheltering animals from the #AustralianBushfires in their burrows https://t.co/abc", "wombats"},
		{"quote in a longer sentence", "Look, everybody knows it: the unemployment rate is the lowest in 17 years, and that's a fact.", "unemployment"},
		{"number written differently", "Each year, 8 million tonnes of plastic end up in the ocean.", "plastic"},
		{"detail picks the neighbour", "Taxpayers will pay 2 billion dollars for the new bridge over the river.", "bridge-cost"},
		{"active to passive with names", "Funding for veterans' hospitals was voted against by Senator Jones.", "senator"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := m.Rank(tc.query, 3)
			require.NotEmpty(t, got)
			assert.Equal(t, tc.want, x.Claim(got[0].Doc).ID, "top claim for %q", tc.query)
		})
	}
}

func TestUnrelatedSentencesScoreLow(t *testing.T) {
	m, _ := paraphraseMatcher(t)
	for _, q := range []string{
		"It rained all afternoon and the streets were quiet.",
		"The chef served barley tea to the visitors.",
		"",
		"!!! ???",
	} {
		for _, c := range m.Rank(q, 3) {
			assert.Less(t, c.Prob, 0.2, "unrelated %q got probability %.2f", q, c.Prob)
		}
	}
}

func TestAlteredNumberKeepsTheClaimFirst(t *testing.T) {
	m, x := paraphraseMatcher(t)
	// The trust layer flags the difference; the matcher must still find
	// the claim the sentence varies.
	got := m.Rank("About 35,000 American troops are stationed in South Korea.", 1)
	require.NotEmpty(t, got)
	assert.Equal(t, "troops", x.Claim(got[0].Doc).ID)
}

func TestCandidatesAreSortedAndBounded(t *testing.T) {
	m, _ := paraphraseMatcher(t)
	got := m.Rank("the new bridge over the river", 2)
	require.Len(t, got, 2)
	assert.GreaterOrEqual(t, got[0].Score, got[1].Score)
	assert.Empty(t, m.Rank("bridge", 0))
}

func TestRankExcludingHidesClaims(t *testing.T) {
	m, x := paraphraseMatcher(t)
	q := m.Prepare("About 28,500 American troops are stationed in South Korea.")
	got := m.RankExcluding(q, 3, func(d int) bool { return x.Claim(d).ID == "troops" })
	for _, c := range got {
		assert.NotEqual(t, "troops", x.Claim(c.Doc).ID)
	}
}

func TestDuplicatesCollapse(t *testing.T) {
	claims := append([]claim.Claim{}, paraphraseCorpus...)
	claims = append(claims, claim.Claim{ID: "troops-again", Text: "About 28,500 American troops are stationed in South Korea."})
	x, err := index.Build(claims, nil)
	require.NoError(t, err)
	got := New(x).Rank("28,500 American troops stationed in South Korea", 3)
	ids := []string{}
	for _, c := range got {
		ids = append(ids, x.Claim(c.Doc).ID)
	}
	assert.Contains(t, ids, "troops")
	assert.NotContains(t, ids, "troops-again", "an identical claim is collapsed into the first")
}

func TestLogisticFitSeparatesClasses(t *testing.T) {
	var xs []CalInputs
	var ys []bool
	for i := 0; i < 200; i++ {
		v := float64(i) / 200
		xs = append(xs, CalInputs{v, 0, v, v, 0})
		ys = append(ys, v > 0.5)
	}
	c := FitLogistic(xs, ys)
	lo, hi := CalInputs{0.1, 0, 0.1, 0.1, 0}, CalInputs{0.9, 0, 0.9, 0.9, 0}
	assert.Less(t, c.Probability(&lo), 0.1)
	assert.Greater(t, c.Probability(&hi), 0.9)
}

// A query's terms are its distinct terms in order of first use, each with
// how often it occurs; unknown words count toward the query's mass (at
// most twice each), and preparing a query leaves nothing behind for the
// next one (the counts are kept in a pooled scratch between queries).
func TestPreparedTermsCountRepeats(t *testing.T) {
	m, x := paraphraseMatcher(t)
	claims := &x.Fields[index.FieldClaim]
	wombat, troop := claims.Lookup("wombat"), claims.Lookup("troop")
	require.GreaterOrEqual(t, wombat, 0)
	require.GreaterOrEqual(t, troop, 0)
	require.Negative(t, claims.Lookup("zorblax"))

	const s = "Wombats, wombats: zorblax zorblax zorblax troops."
	for range 3 {
		q := m.Prepare(s)
		got := q.terms[index.FieldClaim][:q.own[index.FieldClaim]]
		require.Len(t, got, 2)
		assert.Equal(t, queryTerm{id: wombat, qtf: 2, idf: m.idf[index.FieldClaim][wombat], w: 1}, got[0])
		assert.Equal(t, queryTerm{id: troop, qtf: 1, idf: m.idf[index.FieldClaim][troop], w: 1}, got[1])
		want := float64(m.idf[index.FieldClaim][wombat])*2 + float64(m.unseenIDF)*2 + float64(m.idf[index.FieldClaim][troop])
		assert.InDelta(t, want, q.mass[index.FieldClaim], 1e-5)
	}
	// Many unknown words count the same.
	var many []string
	for i := range 70 {
		w := "zq" + string(rune('a'+i%26)) + string(rune('a'+i/26))
		many = append(many, w, w, w) // three times: counted at most twice
	}
	q := m.Prepare("Wombats " + strings.Join(many, " ") + " wombats.")
	require.Len(t, q.terms[index.FieldClaim][:q.own[index.FieldClaim]], 1)
	assert.InDelta(t, float64(m.idf[index.FieldClaim][wombat])*2+float64(m.unseenIDF)*2*70,
		q.mass[index.FieldClaim], 1e-3)

	// With a context: its terms join once, at the context's weight.
	q = m.PrepareContext("They stayed there.", "Wombats sheltered in burrows. Wombats invited other animals.")
	ids := map[int]int{}
	for _, qt := range q.terms[index.FieldClaim] {
		ids[qt.id]++
	}
	assert.Equal(t, 1, ids[wombat], "a context term joins once")
	sc := m.getScratch()
	for f := range sc.terms {
		for id, n := range sc.terms[f] {
			require.Zero(t, n, "field %d term %d left counted", f, id)
		}
	}
}

// sortCandidates orders by score, best first, the lower doc first on a
// tie, moving each candidate with its features.
func TestSortCandidatesKeepsEachCandidateWhole(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 2, 20, 50} {
		cands := make([]Candidate, n)
		for i := range cands {
			cands[i] = Candidate{Doc: rng.IntN(1000), Score: float64(rng.IntN(5))}
			cands[i].Features[0] = float64(cands[i].Doc) // travels with its candidate
		}
		want := make([]Candidate, n)
		copy(want, cands)
		sort.SliceStable(want, func(i, j int) bool {
			return want[i].Score > want[j].Score || want[i].Score == want[j].Score && want[i].Doc < want[j].Doc
		})
		sortCandidates(cands)
		assert.Equal(t, want, cands, "n=%d", n)
	}
}
