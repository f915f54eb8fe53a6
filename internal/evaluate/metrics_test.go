package evaluate

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func relSet(ids ...string) map[string]bool {
	m := map[string]bool{}
	for _, id := range ids {
		m[id] = true
	}
	return m
}

func TestAveragePrecision(t *testing.T) {
	ranked := []string{"a", "x", "b", "y", "z"} // relevant a, b at ranks 1 and 3
	tests := []struct {
		name   string
		rel    map[string]bool
		ranked []string
		k      int
		want   float64
	}{
		{"two relevant at 1 and 3, AP@5", relSet("a", "b"), ranked, 5, (1.0/1 + 2.0/3) / 2},
		{"two relevant at 1 and 3, AP@3", relSet("a", "b"), ranked, 3, (1.0/1 + 2.0/3) / 2},
		{"two relevant at 1 and 3, AP@1", relSet("a", "b"), ranked, 1, 0.5},
		{"two relevant at 1 and 3, AP@2", relSet("a", "b"), ranked, 2, 0.5},
		{"one relevant at 2", relSet("x"), ranked, 5, 0.5},
		{"one relevant at 5", relSet("z"), ranked, 5, 0.2},
		{"one relevant at 5, AP@3", relSet("z"), ranked, 3, 0},
		{"relevant not retrieved counts in the denominator", relSet("a", "q", "r"), ranked, 5, 1.0 / 3},
		{"all five relevant", relSet("a", "x", "b", "y", "z"), ranked, 5, 1},
		{"no relevant", relSet(), ranked, 5, 0},
		{"empty ranking", relSet("a"), nil, 5, 0},
		{"shorter ranking than k", relSet("b"), []string{"a", "b"}, 5, 0.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.InDelta(t, tt.want, AveragePrecision(tt.rel, tt.ranked, tt.k), 1e-12)
		})
	}
}

func TestReciprocalRankAndRecall(t *testing.T) {
	ranked := []string{"a", "x", "b", "y", "z", "w"}
	assert.InDelta(t, 1.0, ReciprocalRank(relSet("a", "b"), ranked), 1e-12)
	assert.InDelta(t, 1.0/3, ReciprocalRank(relSet("b"), ranked), 1e-12)
	assert.InDelta(t, 1.0/6, ReciprocalRank(relSet("w"), ranked), 1e-12, "MRR looks at any depth")
	assert.InDelta(t, 0, ReciprocalRank(relSet("q"), ranked), 1e-12)
	assert.InDelta(t, 0, ReciprocalRank(relSet("a"), nil), 1e-12)

	assert.InDelta(t, 1.0, Recall(relSet("a", "b"), ranked, 5), 1e-12)
	assert.InDelta(t, 0.5, Recall(relSet("a", "b"), ranked, 1), 1e-12)
	assert.InDelta(t, 0.5, Recall(relSet("a", "w"), ranked, 5), 1e-12, "rank 6 is past depth 5")
	assert.InDelta(t, 1.0/3, Recall(relSet("b", "q", "r"), ranked, 5), 1e-12)
	assert.InDelta(t, 0, Recall(relSet(), ranked, 5), 1e-12)
}

func TestScore(t *testing.T) {
	qrels := Qrels{
		"q1": relSet("a", "b"), // retrieved at ranks 1 and 3
		"q2": relSet("c"),      // retrieved at rank 2
		"q3": relSet("d"),      // missing from the run: scores 0
	}
	run := Run{
		"q1":    {"a", "x", "b", "y", "z"},
		"q2":    {"x", "c", "y"},
		"extra": {"a"}, // not in the qrels: ignored
	}
	m := Score(qrels, run)
	assert.Equal(t, 3, m.Queries)
	// q1: AP@1 = 1/2, AP@3 = AP@5 = (1 + 2/3)/2 = 5/6, RR = 1, R@5 = 1
	// q2: AP@1 = 0, AP@3 = AP@5 = 1/2, RR = 1/2, R@5 = 1
	// q3: all 0
	assert.InDelta(t, (0.5+0+0)/3, m.MAP1, 1e-12)
	assert.InDelta(t, (5.0/6+0.5+0)/3, m.MAP3, 1e-12)
	assert.InDelta(t, (5.0/6+0.5+0)/3, m.MAP5, 1e-12)
	assert.InDelta(t, (1+0.5+0)/3, m.MRR, 1e-12)
	assert.InDelta(t, (1.0+1+0)/3, m.Recall5, 1e-12)

	assert.Equal(t, Metrics{}, Score(Qrels{}, run), "no queries: all zero")
	assert.Equal(t, Metrics{Queries: 1}, Score(Qrels{"q1": relSet("a")}, Run{}), "empty run")
}
