package match

// DefaultParams are the defaults every front end uses (CLI, widget,
// server, Worker, extension). Where each value comes from:
//
//   - K1, B: the usual BM25 values. Per-field alternatives (b 0.4 or 0.5
//     and k1 0.8 or 2.0 for the 4-gram field) were tried with re-learned
//     weights and lost 0.002 to 0.01 macro MAP@5 on the train splits.
//   - MaxDFShare 0.1, MaxQueryGrams 40: cost bounds. Over the three dev sets
//     MAP@5 stays within 0.003 of using every 4-gram, at about a third of
//     the postings read (see BenchmarkCheckArticle1000Words).
//   - FirstStage 1/0.3/1: candidate generation only; with 50 candidates it
//     recalls 0.95-0.98 of the Snopes dev gold claims (0.59 of PolitiFact's).
//   - Weights: learned by coordinate ascent (Learn) on the mean of the three
//     train splits' MAP@5 (TestLearnWeights, FACTCHECK_LEARN=1), starting at
//     1 per BM25 field and 0 elsewhere, steps 1.0 halving to 0.01; the
//     first weight is fixed at 1 since the scale is free. Learned values
//     lie in [-0.25, 4.5]: the two BM25 fields over titles and 4-grams and
//     query coverage carry the ranking, a shared number barely matters and
//     a clash of numbers costs 0.23.
//   - The dev splits were used only to confirm (make eval), never to fit.
func DefaultParams() Params {
	return Params{
		K1:            [3]float64{1.2, 1.2, 1.2},
		B:             [3]float64{0.75, 0.75, 0.75},
		MaxDFShare:    0.1,
		MaxQueryGrams: 40,
		FirstStage:    [3]float64{1, 0.3, 1},
		Candidates:    50,
		// bm25_claim, bm25_title, bm25_chars, claim_coverage, bigrams,
		// num_match, num_mismatch, query_coverage, length_ratio.
		Weights:  Features{1, 2.9875, 4.15625, 0.25, -0.046875, 0.015625, -0.234375, 4.484375, 0.046875},
		Collapse: true,
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
