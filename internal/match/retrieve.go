// Package match ranks the claims of an index against a sentence. Stage one
// scores every claim with BM25 over three fields (claim stems, title stems,
// claim character 4-grams) in one pass over the postings; stage two
// re-ranks the best candidates with phrase, coverage and number features
// and a learned linear model (weights.go).
package match

import (
	"math"
	"sort"

	"github.com/factcheckwidget/factcheck/internal/index"
)

// Matcher ranks claims of one index. It is safe for concurrent use: all
// per-query state lives in a scratch value taken from a pool.
type Matcher struct {
	x      *index.Index
	params Params
	idf    [index.NumFields][]float32
	pool   chan *scratch
}

// New returns a Matcher with the default parameters.
func New(x *index.Index) *Matcher { return NewWithParams(x, DefaultParams()) }

// NewWithParams returns a Matcher with explicit parameters (tuning, tests).
func NewWithParams(x *index.Index, p Params) *Matcher {
	m := &Matcher{x: x, params: p, pool: make(chan *scratch, 8)}
	n := float64(x.NumClaims())
	for f := range m.idf {
		fld := &x.Fields[f]
		idf := make([]float32, fld.NumTerms())
		for t := range idf {
			df := float64(fld.DF(t))
			// BM25's idf, floored at 0 so terms in over half the claims
			// cannot lower a score.
			idf[t] = float32(math.Max(0, math.Log((n-df+0.5)/(df+0.5))))
		}
		m.idf[f] = idf
	}
	return m
}

// Index returns the matcher's index.
func (m *Matcher) Index() *index.Index { return m.x }

// Params returns the matcher's parameters.
func (m *Matcher) Params() Params { return m.params }

type scratch struct {
	score   [index.NumFields][]float32
	touched []int32
	seen    []bool
}

func (m *Matcher) getScratch() *scratch {
	select {
	case s := <-m.pool:
		return s
	default:
	}
	n := m.x.NumClaims()
	s := &scratch{seen: make([]bool, n)}
	for f := range s.score {
		s.score[f] = make([]float32, n)
	}
	return s
}

func (m *Matcher) putScratch(s *scratch) {
	for _, d := range s.touched {
		for f := range s.score {
			s.score[f][d] = 0
		}
		s.seen[d] = false
	}
	s.touched = s.touched[:0]
	select {
	case m.pool <- s:
	default:
	}
}

// queryTerm is a distinct term of a query in one field.
type queryTerm struct {
	id  int
	qtf int
	idf float32
}

// analyzeQuery returns the distinct known terms of q in field f and the
// query's total idf mass there (its best possible BM25 score, used to put
// scores of different queries on one scale).
func (m *Matcher) analyzeQuery(f int, terms []string) ([]queryTerm, float64) {
	fld := &m.x.Fields[f]
	var out []queryTerm
	mass := 0.0
	counts := make(map[string]int, len(terms))
	for _, t := range terms {
		counts[t]++
	}
	for _, t := range terms {
		c := counts[t]
		if c == 0 {
			continue
		}
		counts[t] = 0
		id := fld.Lookup(t)
		idf := float32(unseenIDF(m.x.NumClaims()))
		if id >= 0 {
			idf = m.idf[f][id]
		}
		if f != index.FieldClaimChars && t[0] >= '0' && t[0] <= '9' {
			idf *= float32(m.params.NumberWeight)
		}
		// Unknown terms count toward the mass: a sentence full of words no
		// claim uses is not a good match for any claim.
		mass += float64(idf) * float64(min(c, 2))
		if id >= 0 && idf > 0 {
			out = append(out, queryTerm{id: id, qtf: c, idf: idf})
		}
	}
	return out, mass
}

// unseenIDF is the idf a term in no claim would have.
func unseenIDF(n int) float64 { return math.Log((float64(n) + 0.5) / 0.5) }

// accumulate adds the BM25 score of every claim for field f into s.
func (m *Matcher) accumulate(s *scratch, f int, qterms []queryTerm) {
	fld := &m.x.Fields[f]
	k1, b := m.params.K1[f], m.params.B[f]
	avg := fld.AvgLen
	scores := s.score[f]
	numDocs := m.x.NumClaims()
	maxDF := int(m.params.MaxDFShare * float64(numDocs))
	for _, qt := range qterms {
		if f == index.FieldClaimChars && fld.DF(qt.id) > maxDF {
			// Grams in a large share of claims (" the", "ing ") barely move
			// the ranking but dominate the cost; skipping them keeps an
			// article check within budget.
			continue
		}
		w := qt.idf * float32(min(qt.qtf, 2))
		fld.Postings(qt.id, numDocs, func(d, tf int) {
			norm := k1 * (1 - b + b*float64(fld.DocLen[d])/avg)
			scores[d] += w * float32(float64(tf)*(k1+1)/(float64(tf)+norm))
			if !s.seen[d] {
				s.seen[d] = true
				s.touched = append(s.touched, int32(d))
			}
		})
	}
}

// Candidate is a claim scored against a query.
type Candidate struct {
	Doc      int
	Score    float64 // final ranking score
	Prob     float64 // calibrated probability that it is the same claim
	Features Features
}

// firstStage scores every claim and returns the best n by fused BM25.
func (m *Matcher) firstStage(s *scratch, q *Query, n int) []Candidate {
	for f := range q.terms {
		m.accumulate(s, f, q.terms[f])
	}
	cands := make([]Candidate, 0, len(s.touched))
	for _, d := range s.touched {
		var fs Features
		for f := range q.terms {
			if q.mass[f] > 0 {
				fs[featBM25Claim+f] = float64(s.score[f][d]) / q.mass[f]
			}
		}
		cands = append(cands, Candidate{Doc: int(d), Score: m.params.fuse(&fs), Features: fs})
	}
	sortCandidates(cands)
	if len(cands) > n {
		cands = cands[:n]
	}
	return cands
}

func sortCandidates(c []Candidate) {
	sort.Slice(c, func(i, j int) bool {
		if c[i].Score != c[j].Score {
			return c[i].Score > c[j].Score
		}
		return c[i].Doc < c[j].Doc
	})
}
