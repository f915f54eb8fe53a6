package engine

import (
	"math"

	"github.com/factcheckwidget/factcheck/internal/match"
)

// assess turns ranked candidates into shown matches: a calibrated score,
// a tier, flags and evidence. Candidates below the related threshold are
// dropped (abstention).
func (c *Checker) assess(q *match.Query, cands []match.Candidate, opt Options) []Match {
	var out []Match
	for i := range cands {
		cand := &cands[i]
		p := calibrate(cand.Score)
		tier := TierNone
		switch {
		case p >= MatchThreshold && q.Words() >= MinMatchWords:
			tier = TierMatch
		case p >= RelatedThreshold:
			tier = TierRelated
		}
		if tier == TierNone {
			continue
		}
		out = append(out, Match{Doc: cand.Doc, Claim: c.m.Index().Claim(cand.Doc), Score: p, Tier: tier})
	}
	return out
}

// Calibration and tier thresholds; see calibration.go for how they were fitted.
var (
	calA, calB       = 8.0, -4.0
	MatchThreshold   = 0.75
	RelatedThreshold = 0.4
	MinMatchWords    = 4
)

// calibrate maps a ranking score to the probability that the claim is the
// same claim as the sentence (logistic fit, Platt scaling).
func calibrate(score float64) float64 { return 1 / (1 + math.Exp(-(calA*score + calB))) }
