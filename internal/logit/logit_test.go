package logit

import (
	"math/rand"
	"testing"

	"github.com/stretchr/testify/assert"
)

// A model fitted to data drawn from a known logistic model recovers its
// weights, and scores separate the classes.
func TestFitRecoversKnownWeights(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	want := []float64{-1, 2, -3}
	var xs [][]float64
	var ys []bool
	for i := 0; i < 20000; i++ {
		x := []float64{rng.NormFloat64(), rng.NormFloat64()}
		xs = append(xs, x)
		ys = append(ys, rng.Float64() < Sigmoid(Score(want, x)))
	}
	w := Fit(xs, ys, nil, 1e-3)
	for i := range want {
		assert.InDelta(t, want[i], w[i], 0.1, "weight %d", i)
	}
	assert.Less(t, LogLoss(w, xs, ys), LogLoss([]float64{0, 0, 0}, xs, ys))
}

// Example weights count like repeated examples.
func TestFitWeightsExamples(t *testing.T) {
	xs := [][]float64{{0}, {0}, {1}, {1}}
	ys := []bool{true, false, true, false}
	w := Fit(xs, ys, []float64{3, 1, 1, 3}, 1e-6)
	assert.Greater(t, Sigmoid(Score(w, []float64{0})), 0.7)
	assert.Less(t, Sigmoid(Score(w, []float64{1})), 0.3)
}
