package match

import "github.com/factcheckwidget/factcheck/internal/index"

// Params are the matcher's tunable constants. DefaultParams documents where
// each value comes from; cmd/factcheck's `tune` subcommand re-derives them.
type Params struct {
	// Not comparable: spares the widget's wasm a generated == (1 kB of code).
	_ [0]func()

	K1, B [index.NumFields]float64
	// MaxDFShare skips 4-grams present in more than this share of claims.
	MaxDFShare float64
	// MaxQueryGrams keeps only a query's rarest 4-grams (0: all).
	MaxQueryGrams int
	// FirstStage weighs the three BM25 fields for candidate generation.
	FirstStage [index.NumFields]float64
	// Candidates is how many first-stage claims are re-ranked.
	Candidates int
	// Weights of the re-ranking model, one per feature.
	Weights Features
	// Collapse keeps one claim of each group of identical claims.
	Collapse bool
	// NumberWeight scales the idf of number terms in the stem fields.
	NumberWeight float64
	// ContextWeight scales the first-stage weight of context terms (words
	// of the preceding sentences that the sentence itself lacks); 0 ignores
	// context.
	ContextWeight float64
	// ContextDecay multiplies the weight for each sentence further back.
	ContextDecay float64
	// ContextChars adds context to the 4-gram field too.
	ContextChars bool
	// ContextFullWords: sentences of up to this many content words take
	// context at full weight, longer ones at full/words of it (0: all at
	// full weight).
	ContextFullWords int
	// ContextMinWeight: context sentences whose weight would fall below
	// this are not read at all (their postings cost as much as any).
	ContextMinWeight float64
	// Calibration maps candidates to probabilities (calibrate.go).
	Calibration Calibration
}

func (p *Params) fuse(fs *Features) float64 {
	s := 0.0
	for f := range p.FirstStage {
		s += p.FirstStage[f] * fs[featBM25Claim+f]
	}
	return s
}

func (p *Params) rerankScore(fs *Features) float64 {
	s := 0.0
	for i, w := range p.Weights {
		s += w * fs[i]
	}
	return s
}
