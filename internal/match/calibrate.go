package match

import "math"

// Calibration inputs: what tells a sure match from a lucky top rank.
const (
	calScore    = iota // the re-ranking score
	calGap             // score minus the next candidate's score
	calQueryCov        // share of the query's idf mass in the claim
	calClaimCov        // share of the claim's idf mass in the query
	calBigrams         // share of claim bigrams in the query
	numCalInputs
)

// CalInputs are the calibration model's inputs for one candidate.
type CalInputs [numCalInputs]float64

// Calibration is a logistic model (Platt scaling with a few inputs) that
// maps a candidate to the probability that it is the same claim.
type Calibration struct {
	Weights CalInputs
	Bias    float64
}

// Probability of a candidate given its inputs.
func (c *Calibration) Probability(in *CalInputs) float64 {
	z := c.Bias
	for i, w := range c.Weights {
		z += w * in[i]
	}
	return 1 / (1 + math.Exp(-z))
}

// calInputs computes candidate i's inputs from a ranked list.
func calInputs(cands []Candidate, i int) CalInputs {
	c := &cands[i]
	next := 0.0
	if i+1 < len(cands) {
		next = cands[i+1].Score
	}
	return CalInputs{c.Score, c.Score - next, c.Features[featQueryCoverage], c.Features[featCoverage], c.Features[featBigrams]}
}

// Calibrate sets Prob on every candidate of a ranked list.
func (m *Matcher) Calibrate(cands []Candidate) {
	for i := range cands {
		in := calInputs(cands, i)
		cands[i].Prob = m.params.Calibration.Probability(&in)
	}
}

// FitLogistic fits a Calibration to labelled inputs by Newton's method
// with a small L2 penalty (keeps weights finite on separable data).
func FitLogistic(xs []CalInputs, ys []bool) Calibration {
	const n = numCalInputs + 1
	w := make([]float64, n) // w[0] is the bias
	for iter := 0; iter < 50; iter++ {
		var grad [n]float64
		var hess [n][n]float64
		for k, x := range xs {
			v := [n]float64{1}
			copy(v[1:], x[:])
			z := 0.0
			for i := range v {
				z += w[i] * v[i]
			}
			p := 1 / (1 + math.Exp(-z))
			y := 0.0
			if ys[k] {
				y = 1
			}
			for i := range v {
				grad[i] += (p - y) * v[i]
				for j := range v {
					hess[i][j] += p * (1 - p) * v[i] * v[j]
				}
			}
		}
		const l2 = 1e-3
		for i := 1; i < n; i++ {
			grad[i] += l2 * w[i]
			hess[i][i] += l2
		}
		step := solve(hess, grad)
		change := 0.0
		for i := range w {
			w[i] -= step[i]
			change += math.Abs(step[i])
		}
		if change < 1e-9 {
			break
		}
	}
	var c Calibration
	c.Bias = w[0]
	copy(c.Weights[:], w[1:])
	return c
}

// solve returns x with a·x = b by Gaussian elimination with pivoting.
func solve(a [numCalInputs + 1][numCalInputs + 1]float64, b [numCalInputs + 1]float64) [numCalInputs + 1]float64 {
	const n = numCalInputs + 1
	for col := 0; col < n; col++ {
		piv := col
		for r := col + 1; r < n; r++ {
			if math.Abs(a[r][col]) > math.Abs(a[piv][col]) {
				piv = r
			}
		}
		a[col], a[piv] = a[piv], a[col]
		b[col], b[piv] = b[piv], b[col]
		if math.Abs(a[col][col]) < 1e-12 {
			continue
		}
		for r := col + 1; r < n; r++ {
			f := a[r][col] / a[col][col]
			for k := col; k < n; k++ {
				a[r][k] -= f * a[col][k]
			}
			b[r] -= f * b[col]
		}
	}
	var x [n]float64
	for r := n - 1; r >= 0; r-- {
		s := b[r]
		for k := r + 1; k < n; k++ {
			s -= a[r][k] * x[k]
		}
		if math.Abs(a[r][r]) > 1e-12 {
			x[r] = s / a[r][r]
		}
	}
	return x
}
