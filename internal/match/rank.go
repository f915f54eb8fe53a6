package match

// Rank returns up to k claims for the sentence s, best first.
func (m *Matcher) Rank(s string, k int) []Candidate {
	return m.RankQuery(m.Prepare(s), k)
}

// FirstStage returns the n claims the first stage ranks highest for q,
// best first: the candidates that re-ranking would see. A sharded corpus
// (internal/shard) runs it over the postings it fetched to choose which
// claims to fetch.
func (m *Matcher) FirstStage(q *Query, n int) []int {
	sc := m.getScratch()
	cands := m.firstStage(sc, q, n)
	m.putScratch(sc)
	out := make([]int, len(cands))
	for i, c := range cands {
		out[i] = c.Doc
	}
	return out
}

// RankQuery ranks claims for a prepared query.
func (m *Matcher) RankQuery(q *Query, k int) []Candidate { return m.RankExcluding(q, k, nil) }

// RankExcluding ranks as if the claims for which exclude returns true were
// not in the corpus; evaluation uses it to measure abstention when the
// right fact-check is missing.
func (m *Matcher) RankExcluding(q *Query, k int, exclude func(doc int) bool) []Candidate {
	if k <= 0 {
		return nil
	}
	sc := m.getScratch()
	cands := m.firstStage(sc, q, max(k, m.params.Candidates))
	m.putScratch(sc)
	if exclude != nil {
		kept := cands[:0]
		for _, c := range cands {
			if !exclude(c.Doc) {
				kept = append(kept, c)
			}
		}
		cands = kept
	}
	for i := range cands {
		m.rerankFeatures(q, &cands[i])
		cands[i].Score = m.params.rerankScore(&cands[i].Features)
	}
	sortCandidates(cands)
	cands = m.collapseDuplicates(cands)
	// Probabilities use the gap to the next candidate, so compute them
	// before the list is cut to k.
	m.Calibrate(q, cands)
	if len(cands) > k {
		cands = cands[:k]
	}
	return cands
}

// collapseDuplicates keeps the best-ranked claim of each group of claims
// with the same text, so one fact-check worded twice does not fill two of
// the few slots a reader sees.
func (m *Matcher) collapseDuplicates(c []Candidate) []Candidate {
	if !m.params.Collapse {
		return c
	}
	seen := map[int32]bool{}
	out := c[:0]
	for _, x := range c {
		g := m.x.Duplicates[x.Doc]
		if seen[g] {
			continue
		}
		seen[g] = true
		out = append(out, x)
	}
	return out
}
