package match

// DefaultParams are the defaults every front end uses.
func DefaultParams() Params {
	return Params{
		K1:            [3]float64{1.2, 1.2, 1.2},
		B:             [3]float64{0.75, 0.75, 0.75},
		MaxDFShare:    0.1,
		MaxQueryGrams: 40,
		FirstStage:    [3]float64{1, 0.3, 1},
		Candidates:    50,
		Weights:       Features{1, 2.9875, 4.15625, 0.25, -0.046875, 0.015625, -0.234375, 4.484375, 0.046875},
		Collapse:      true,
		// Half weight for numbers: train MAP@5 moves by under 0.003 either
		// way, and a sentence that alters a figure keeps its match (so the
		// trust layer can flag the difference instead of losing the claim).
		NumberWeight: 0.5,
		// Fitted by TestFitCalibration (FACTCHECK_LEARN=1) on the top-3
		// candidates of every train query, plus the top 3 with the gold
		// claims removed as negatives.
		Calibration: Calibration{
			Weights: CalInputs{-0.2657, 0.0293, 4.4026, 7.6073, -0.2894},
			Bias:    -4.9274,
		},
	}
}

// BaselineParams is plain BM25 (k1 1.2, b 0.75) over the claim's stems, the
// reference every evaluation prints beside the matcher.
func BaselineParams() Params {
	return Params{
		K1:           [3]float64{1.2, 1.2, 1.2},
		B:            [3]float64{0.75, 0.75, 0.75},
		MaxDFShare:   1,
		FirstStage:   [3]float64{1, 0, 0},
		Candidates:   5,
		Weights:      Features{1, 0, 0, 0, 0, 0},
		NumberWeight: 1,
	}
}
