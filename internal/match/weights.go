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
//   - FirstStage 1/0.3/1: candidate generation only.
//   - Candidates 20 re-ranked a sentence. The first stage's top 20 hold
//     0.934, 0.924 and 0.571 of the dev gold claims (2020-2, 2022-2a,
//     2022-2b with context; TestFirstStageRecall), its top 30 0.955, 0.944
//     and 0.600, its top 50 0.975, 0.949 and 0.650, but a gold claim below
//     the 20th almost never re-ranks into the top 5. With 20 instead of 50
//     (make eval), dev MAP@5 is 0.834, 0.842, 0.366 and 0.419 with context
//     (0.833, 0.841, 0.366, 0.419), train 0.873, 0.860, 0.510, 0.523
//     (0.873, 0.862, 0.510, 0.523), and the train transcripts as pages
//     light 284 sentences, 101 rightly (285, 101); the dev ones are
//     unchanged. On the 300,000-claim scale corpus (docs/scale.md)
//     2022-2b dev MAP@5 is 0.258 with context and 0.221 without (0.256,
//     0.222), train 0.335 (0.334). 30 matched 50 at 19,250 claims
//     (2022-2a train 0.862) and gave 0.256 and 0.219 at 300,000
//     claims. Fewer candidates are less re-ranking in every check, and
//     fewer records for a sharded corpus to fetch: with 20 no dev article
//     at 300,000 claims fetches over 1 MB (docs/scale.md).
//   - Weights: learned by coordinate ascent (Learn) on the mean of the three
//     train splits' MAP@5 (TestLearnWeights, FACTCHECK_LEARN=1), starting at
//     1 per BM25 field and 0 elsewhere, steps 1.0 halving to 0.01; the
//     first weight is fixed at 1 since the scale is free. Learned values
//     lie in [-0.25, 4.5]: the two BM25 fields over titles and 4-grams and
//     query coverage carry the ranking, a shared number barely matters and
//     a clash of numbers costs 0.23.
//   - Context (the preceding sentences of a debate line or an article
//     sentence): ContextWeight 1, ContextDecay 0.5 per sentence further
//     back, ContextChars on, ContextFullWords 3. Chosen by TestLearnWeights
//     (FACTCHECK_CONTEXT) on the train splits, where the 2B debate
//     sentences are read with their three preceding transcript lines:
//     plain concatenation of the context gained 2B dev MAP@5 +0.04 but let
//     a neighbour's claim replace a sentence's own in a news article (the
//     demo article lost 3 of its 32 claims); context at full weight only for
//     sentences of up to three content words ("We've already started it.")
//     and at 3/words for longer ones keeps both: 2B dev MAP@5 0.368 ->
//     0.414 with context, Snopes unchanged (no context). Weight 0.5 gave
//     0.398, decay 0.7 0.409, full words 2 0.397, 5 0.389.
//     ContextMinWeight 0.5: a context sentence whose weight would fall
//     below it is not read at all. Reading every context sentence cost a
//     1,000-word article +176 % instructions (callgrind); skipping those
//     under 0.5 brings that to about +5 % and leaves the train objective
//     within 0.004 (0.7524 against 0.7560 with none skipped); 2B dev
//     MAP@5 with context becomes 0.419 (0.423 at 0.4, which cost twice
//     as much). Leaving out context words in over 1 % of claims instead
//     cost 0.0025 train.
//   - The dev splits were used only to confirm (make eval), never to fit.
func DefaultParams() Params {
	return Params{
		K1:            [3]float64{1.2, 1.2, 1.2},
		B:             [3]float64{0.75, 0.75, 0.75},
		MaxDFShare:    0.1,
		MaxQueryGrams: 40,
		FirstStage:    [3]float64{1, 0.3, 1},
		Candidates:    20,
		// bm25_claim, bm25_title, bm25_chars, claim_coverage, bigrams,
		// num_match, num_mismatch, query_coverage, length_ratio,
		// context_coverage. The first nine are from the fit without
		// context; context_coverage 8.36 was learned with the context
		// settings below. Relearning all ten jointly moved the Snopes dev
		// MAP@5 by -0.002/-0.005 and 2B-with-context by -0.004, so they
		// were kept.
		Weights: Features{1, 2.9875, 4.15625, 0.25, -0.046875, 0.015625, -0.234375, 4.484375, 0.046875, 8.359375},
		// Context: see the doc comment above.
		ContextWeight:    1,
		ContextDecay:     0.5,
		ContextChars:     true,
		ContextFullWords: 3,
		ContextMinWeight: 0.5,
		Collapse:         true,
		// Half weight for numbers: train MAP@5 moves by under 0.003 either
		// way, and a sentence that alters a figure keeps its match (so the
		// trust layer can flag the difference instead of losing the claim).
		NumberWeight: 0.5,
		// Fitted by TestFitCalibration (FACTCHECK_LEARN=1) on the top 3
		// candidates of every train query, plus the top 3 with the gold
		// claims removed as negatives. Each query ranks all its candidates
		// (50 then) before the top 3 are kept, so the third has a real
		// next candidate (an earlier fit cut the list first; its last
		// candidates' "gap" was their whole score and the gap weight came
		// out ~0).
		// Inputs: score, gap, query coverage, claim coverage, bigrams,
		// ln(query content words), ln(1 + shared terms). The term counts
		// keep a sentence matched by two words (a byline's month and year)
		// out of the match tier however large its gap in a small corpus;
		// query coverage's negative weight works against them (with both
		// counts in, it rewards rare-word matches that count coverage
		// already credits). Train log loss 0.234 (0.244 with ln(query words)
		// alone, 0.228 with both counts and no variant skip).
		// Top-1 match tier (threshold 0.5, >= 4 words; precision /
		// coverage / wrong-match with gold removed), train:
		// 2020-2 0.984/0.470/0.015, 2022-2a 0.987/0.491/0.016,
		// 2022-2b 0.881/0.356/0.081; dev: 2020-2 0.988/0.416/0.030,
		// 2022-2a 0.978/0.452/0.046, 2022-2b 0.944/0.151/0.017.
		//
		// Variant 0.3: TestVariantPairs prints, per overlap threshold, how
		// often a train query's top two candidates are variants and how
		// often the gold claim is then one of them. 0.3 is the lowest
		// threshold (0.05 steps) at which variant pairs hold the gold claim
		// at least 0.9 of the time (the match tier's precision target) on
		// both Snopes train splits: 0.923 (13 of 800 queries) and 1.000 (23
		// of 800), against 0.890 and 0.880 for all top-2 pairs; 0.25 gives
		// 0.889 and 0.877. On PolitiFact, whose gold is weaker, variant
		// pairs at 0.3 hold it 0.652 of the time (69 of 472) against 0.532
		// for all pairs. Skipping costs a little train log loss (0.234
		// against 0.228 without the skip) and leaves dev tiers within
		// 0.01; it is what lets the demo corpus's deliberate variants
		// (a budget "increase", "cut" and "double", overlap 0.55 and 0.34)
		// reach the match tier, where the trust layer picks between them.
		Calibration: Calibration{
			Weights: CalInputs{0.1171, 2.2349, -8.4921, 3.2329, -2.2206, -0.6063, 3.2461},
			Bias:    -5.3614,
			Variant: 0.3,
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
