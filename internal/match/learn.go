package match

import "sort"

// TrainingQuery is one labelled query: its first-stage candidates with
// their features and which of them are relevant.
type TrainingQuery struct {
	Cands       []Candidate
	Relevant    []bool
	NumRelevant int // relevant claims in the qrels, found or not
}

// TrainingData prepares a query for Learn: first-stage candidates
// (Params.Candidates of them) with every feature filled in.
func (m *Matcher) TrainingData(query, context string, relevant func(doc int) bool, numRelevant int) TrainingQuery {
	q := m.PrepareContext(query, context)
	sc := m.getScratch()
	cands := m.firstStage(sc, q, m.params.Candidates)
	m.putScratch(sc)
	tq := TrainingQuery{Cands: cands, Relevant: make([]bool, len(cands)), NumRelevant: numRelevant}
	for i := range cands {
		m.rerankFeatures(q, &cands[i])
		tq.Relevant[i] = relevant(cands[i].Doc)
	}
	return tq
}

// apAt5 is the CheckThat! AP@5 of the candidates ranked by weights w.
func (tq *TrainingQuery) apAt5(w *Features, order []int) float64 {
	if tq.NumRelevant == 0 {
		return 0
	}
	order = order[:0]
	scores := make([]float64, len(tq.Cands))
	for i := range tq.Cands {
		order = append(order, i)
		p := Params{Weights: *w}
		scores[i] = p.rerankScore(&tq.Cands[i].Features)
	}
	sort.SliceStable(order, func(a, b int) bool { return scores[order[a]] > scores[order[b]] })
	hits, sum := 0, 0.0
	for r := 0; r < len(order) && r < 5; r++ {
		if tq.Relevant[order[r]] {
			hits++
			sum += float64(hits) / float64(r+1)
		}
	}
	return sum / float64(tq.NumRelevant)
}

// Objective is the mean over sets of each set's MAP@5: every benchmark
// counts the same, whatever its number of queries.
func Objective(sets [][]TrainingQuery, w Features) float64 {
	total := 0.0
	order := make([]int, 0, 128)
	for _, qs := range sets {
		s := 0.0
		for i := range qs {
			s += qs[i].apAt5(&w, order)
		}
		if len(qs) > 0 {
			total += s / float64(len(qs))
		}
	}
	return total / float64(len(sets))
}

// Learn tunes the re-ranking weights by coordinate ascent on Objective
// (Metzler & Croft's method for linear ranking models): one weight at a
// time is moved by a step from a shrinking schedule while that improves
// the objective. The first weight stays 1 (the scale is free).
func Learn(sets [][]TrainingQuery, start Features, log func(round int, w Features, obj float64)) (Features, float64) {
	w := start
	best := Objective(sets, w)
	for round, step := 0, 1.0; step >= 0.01; round++ {
		improved := false
		for i := 1; i < int(NumFeatures); i++ {
			for _, d := range []float64{step, -step} {
				for {
					cand := w
					cand[i] += d
					obj := Objective(sets, cand)
					if obj <= best+1e-9 {
						break
					}
					w, best, improved = cand, obj, true
				}
			}
		}
		if log != nil {
			log(round, w, best)
		}
		if !improved {
			step /= 2
		}
	}
	return w, best
}
