package match

import (
	"math"

	"github.com/factcheckwidget/factcheck/internal/index"
	"github.com/factcheckwidget/factcheck/internal/logit"
)

// Calibration inputs: what tells a sure match from a lucky top rank.
const (
	calScore     = iota // the re-ranking score
	calGap              // score minus the next non-variant candidate's score (nextScore)
	calQueryCov         // share of the query's idf mass in the claim
	calClaimCov         // share of the claim's idf mass in the query (CalClaimCov)
	calBigrams          // share of claim bigrams in the query
	calLogWords         // ln of the query's content words (Query.Words, at least 1)
	calLogShared        // ln(1 + distinct claim-field terms shared by query and claim)
	numCalInputs
)

// Indexes among CalInputs of the query coverage (share of the sentence's
// idf mass in the claim) and the claim coverage (share of the claim's in
// the sentence).
const (
	CalQueryCov = calQueryCov
	CalClaimCov = calClaimCov
)

// CalInputs are the calibration model's inputs for one candidate.
type CalInputs [numCalInputs]float64

// Calibration is a logistic model (Platt scaling with a few inputs) that
// maps a candidate to the probability that it is the same claim.
type Calibration struct {
	Weights CalInputs
	Bias    float64
	// Variant is the idf-weighted Jaccard overlap of two claims' distinct
	// claim-field terms at and above which they count as variants of one
	// claim (the same statement with one detail changed: a defence budget
	// to "increase" or to "cut" in 2026). The gap input skips variants:
	// which of them the sentence states is the trust layer's question, not
	// a reason to doubt that the sentence is about this claim. 0 turns the skip off;
	// weights.go says how the default was chosen.
	Variant float64
}

// Probability of a candidate given its inputs.
func (c *Calibration) Probability(in *CalInputs) float64 {
	z := c.Bias
	for i, w := range c.Weights {
		z += w * in[i]
	}
	return 1 / (1 + math.Exp(-z))
}

// variantScan bounds the variant check: only the first variantScan
// candidates (more than any front end shows) get the variant-skipping gap,
// and each looks at most variantScan places further down. The rest use
// the gap to the very next candidate.
const variantScan = 10

// calInputs computes candidate i's inputs from a ranked list; the list
// must extend past i (rank more than you keep) or the last candidate's
// gap is its whole score.
func (m *Matcher) calInputs(q *Query, cands []Candidate, i int) CalInputs {
	c := &cands[i]
	return CalInputs{c.Score, c.Score - m.nextScore(cands, i), c.Features[featQueryCoverage],
		c.Features[featCoverage], c.Features[featBigrams], math.Log(float64(max(q.Words(), 1))),
		math.Log1p(float64(c.Shared))}
}

// nextScore is the score of the first candidate after i that is not a
// variant of candidate i (0 when there is none).
func (m *Matcher) nextScore(cands []Candidate, i int) float64 {
	th := m.params.Calibration.Variant
	for j := i + 1; j < len(cands); j++ {
		if th <= 0 || i >= variantScan || j > i+variantScan || m.overlap(cands[i].Doc, cands[j].Doc) < th {
			return cands[j].Score
		}
	}
	return 0
}

// overlap is the idf-weighted Jaccard overlap of two claims' distinct
// claim-field terms: the idf mass they share over the mass of their union.
// m.distinct lists are sorted, so this is one merge.
func (m *Matcher) overlap(a, b int) float64 {
	ta, tb := m.claimTerms(a), m.claimTerms(b)
	idf := m.idf[index.FieldClaim]
	shared := 0.0
	for i, j := 0, 0; i < len(ta) && j < len(tb); {
		switch {
		case ta[i] < tb[j]:
			i++
		case ta[i] > tb[j]:
			j++
		default:
			shared += float64(idf[ta[i]])
			i++
			j++
		}
	}
	union := m.massOf(a) + m.massOf(b) - shared
	if union <= 0 {
		return 0
	}
	return shared / union
}

// Calibrate sets Prob on every candidate of a ranked list for query q.
// Rank the whole candidate list before cutting it: the gap needs the
// candidates below the ones shown.
func (m *Matcher) Calibrate(q *Query, cands []Candidate) {
	for i := range cands {
		cands[i].Cal = m.calInputs(q, cands, i)
		cands[i].Prob = m.params.Calibration.Probability(&cands[i].Cal)
	}
}

// FitLogistic fits a Calibration to labelled inputs (logit.Fit, with a
// small L2 penalty that keeps weights finite on separable data).
func FitLogistic(xs []CalInputs, ys []bool) Calibration {
	rows := make([][]float64, len(xs))
	for k := range xs {
		rows[k] = xs[k][:]
	}
	var c Calibration
	if w := logit.Fit(rows, ys, nil, 1e-3); w != nil {
		c.Bias = w[0]
		copy(c.Weights[:], w[1:])
	}
	return c
}
