// Package logit fits logistic regression models by Newton's method. The
// matcher's calibration, the page model and the check-worthiness model are
// all fitted with it (in tests behind FACTCHECK_LEARN); the fitted weights
// are then written into the code or the index, so nothing here runs in the
// reader's browser.
package logit

import "math"

// Sigmoid is the logistic function.
func Sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// Fit returns the weights w (w[0] is the bias) of the logistic model
// P(y) = Sigmoid(w[0] + Σ w[i+1]·x[i]) that maximise the log-likelihood of
// ys given xs, minus l2/2·|w[1:]|² (a small penalty keeps weights finite on
// separable data). weights, when not nil, weighs each example.
func Fit(xs [][]float64, ys []bool, weights []float64, l2 float64) []float64 {
	if len(xs) == 0 {
		return nil
	}
	n := len(xs[0]) + 1
	w := make([]float64, n)
	v := make([]float64, n)
	for iter := 0; iter < 100; iter++ {
		grad := make([]float64, n)
		hess := make([][]float64, n)
		for i := range hess {
			hess[i] = make([]float64, n)
		}
		for k, x := range xs {
			v[0] = 1
			copy(v[1:], x)
			z := 0.0
			for i := range v {
				z += w[i] * v[i]
			}
			p := Sigmoid(z)
			y := 0.0
			if ys[k] {
				y = 1
			}
			sw := 1.0
			if weights != nil {
				sw = weights[k]
			}
			for i := range v {
				if v[i] == 0 {
					continue
				}
				grad[i] += sw * (p - y) * v[i]
				h := sw * p * (1 - p) * v[i]
				for j := range v {
					hess[i][j] += h * v[j]
				}
			}
		}
		for i := 1; i < n; i++ {
			grad[i] += l2 * w[i]
			hess[i][i] += l2
		}
		hess[0][0] += 1e-9
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
	return w
}

// LogLoss is the mean negative log-likelihood of ys under weights w.
func LogLoss(w []float64, xs [][]float64, ys []bool) float64 {
	total := 0.0
	for k, x := range xs {
		p := Sigmoid(Score(w, x))
		p = math.Min(math.Max(p, 1e-12), 1-1e-12)
		if ys[k] {
			total -= math.Log(p)
		} else {
			total -= math.Log(1 - p)
		}
	}
	return total / float64(max(len(xs), 1))
}

// Score is the model's log-odds for x.
func Score(w []float64, x []float64) float64 {
	z := w[0]
	for i, v := range x {
		z += w[i+1] * v
	}
	return z
}

// solve returns x with a·x = b by Gaussian elimination with partial
// pivoting; a singular column leaves its unknown at 0.
func solve(a [][]float64, b []float64) []float64 {
	n := len(b)
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
	x := make([]float64, n)
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
