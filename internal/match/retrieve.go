// Package match ranks the claims of an index against a sentence. Stage one
// scores every claim with BM25 over three fields (claim stems, title stems,
// claim character 4-grams) in one pass over the postings; stage two
// re-ranks the best candidates with phrase, coverage and number features
// and a learned linear model (weights.go).
package match

import (
	"math"
	"sync"
	"sync/atomic"

	"github.com/factcheckwidget/factcheck/internal/binfmt"
	"github.com/factcheckwidget/factcheck/internal/index"
	"github.com/factcheckwidget/factcheck/internal/lang"
)

// Matcher ranks claims of one index. It is safe for concurrent use: all
// per-query state lives in a scratch value taken from a pool.
type Matcher struct {
	x      *index.Index
	params Params
	idf    [index.NumFields][]float32
	// lengthNorm[f][d] is BM25's k1·(1 − b + b·len/avglen) of claim d.
	lengthNorm [index.NumFields][]float32
	unseenIDF  float32 // idf of a term no claim has
	// Per claim: distinct claim-field term ids and their idf mass; per
	// claim-field term: whether it is a number (features.go).
	distinct  [][]uint32
	claimMass []float64
	isNumber  []bool
	isCommon  []bool // in more than CommonShare of the claims
	langs     *lang.Corpus
	pool      chan *scratch
	// respellings remembers what unknown words respell to (spelling.go).
	respellings     sync.Map
	respellingCount atomic.Int64
	stemFilterOnce  sync.Once
	stemFilter      *stemFilter
}

// New returns a Matcher with the default parameters.
func New(x *index.Index) *Matcher { return NewWithParams(x, DefaultParams()) }

// NewWithParams returns a Matcher with explicit parameters (tuning, tests).
func NewWithParams(x *index.Index, p Params) *Matcher {
	m := &Matcher{x: x, params: p, pool: make(chan *scratch, 8)}
	// Statistics are the whole corpus's: a partial index (a sharded
	// corpus's fetched part) scores its claims as the whole corpus would.
	n := float64(x.CorpusClaims())
	m.unseenIDF = float32(unseenIDF(x.CorpusClaims()))
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
		k1, b := p.K1[f], p.B[f]
		norm := make([]float32, x.NumClaims())
		for d := range norm {
			norm[d] = float32(k1 * (1 - b + b*float64(fld.DocLen[d])/fld.AvgLen))
		}
		m.lengthNorm[f] = norm
	}
	m.precomputeClaims()
	m.langs = CorpusLanguages(x)
	return m
}

// CorpusLanguages reads the index's languages (the keyword search reads
// them as the matcher does). An index whose language
// section cannot be read is read as one built before languages were told
// apart: every text as English, as the checksum-verified postings were
// most likely built (the section is checked by the same checksum, so this
// is a section from a newer, incompatible writer).
func CorpusLanguages(x *index.Index) *lang.Corpus {
	claimLang := func(d int) string { return x.Claim(d).Language }
	if !x.HasClaims() {
		claimLang = nil // the section says which languages there are, not which claim is in which
	}
	c, err := lang.NewCorpus(x.Sections[lang.SectionName], x.NumClaims(), claimLang)
	if err != nil {
		c, _ = lang.NewCorpus(nil, x.NumClaims(), claimLang)
	}
	return c
}

// Languages returns what the matcher knows of the corpus's languages.
func (m *Matcher) Languages() *lang.Corpus { return m.langs }

// Index returns the matcher's index.
func (m *Matcher) Index() *index.Index { return m.x }

// Params returns the matcher's parameters.
func (m *Matcher) Params() Params { return m.params }

type scratch struct {
	score   [index.NumFields][]float32
	touched []int32
	seen    []bool
	// terms is what preparing a query counts its terms with: one slot per
	// term id of each field, zero at rest (whoever sets a slot clears it
	// before putting the scratch back). The maps this replaced, made for
	// each sentence and field, were 29 % of the bytes an article check
	// allocated (sharded PolitiFact, BenchmarkCheckArticleAgain's article).
	terms [index.NumFields][]int32
}

// getScratch and putScratch are called once a query, and not inlined:
// inlined at each call site, they cost the widget's wasm 3.2 kB of raw
// code.
//
//go:noinline
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
		s.terms[f] = make([]int32, m.x.Fields[f].NumTerms())
	}
	return s
}

//go:noinline
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
	w   float32 // 1 for the sentence's own terms, Params.ContextWeight for context terms
}

// analyzeQuery returns the distinct known terms of q in field f and the
// query's total idf mass there (its best possible BM25 score, used to put
// scores of different queries on one scale). The terms have room for
// room of them (addContext appends the context's).
func (m *Matcher) analyzeQuery(sc *scratch, f int, terms []string, room int) ([]queryTerm, float64) {
	fld := &m.x.Fields[f]
	mass := 0.0
	// Each distinct term once, in order of first use, with its count:
	// known terms counted by id in sc, unknown ones (few, most often
	// none) by text.
	ids := make([]int32, len(terms))
	counts := sc.terms[f]
	var unknown map[string]int
	for i, t := range terms {
		ids[i] = int32(fld.Lookup(t))
		if ids[i] >= 0 {
			counts[ids[i]]++
			continue
		}
		if unknown == nil {
			unknown = map[string]int{}
		}
		unknown[t]++
	}
	out := make([]queryTerm, 0, room)
	for i, t := range terms {
		id := int(ids[i])
		var c int
		if id >= 0 {
			c, counts[id] = int(counts[id]), 0
		} else {
			c, unknown[t] = unknown[t], 0
		}
		if c == 0 {
			continue
		}
		idf := m.unseenIDF
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
			out = append(out, queryTerm{id: id, qtf: c, idf: idf, w: 1})
		}
	}
	if f == index.FieldClaimChars && m.params.MaxQueryGrams > 0 && len(out) > m.params.MaxQueryGrams {
		// Keep the rarest grams: they have the shortest postings and carry
		// nearly all of the field's idf mass.
		order := index.SortedOrder(len(out), func(i, j int) bool { return out[i].idf > out[j].idf })
		rarest := make([]queryTerm, m.params.MaxQueryGrams, max(room, m.params.MaxQueryGrams))
		for i := range rarest {
			rarest[i] = out[order[i]]
		}
		out = rarest
	}
	return out, mass
}

// unseenIDF is the idf a term in no claim would have.
func unseenIDF(n int) float64 { return math.Log((float64(n) + 0.5) / 0.5) }

// accumulate adds the BM25 score of every claim for field f into s. It is
// the hot loop of matching: postings are decoded inline and each claim's
// length normalisation is precomputed (lengthNorm).
func (m *Matcher) accumulate(s *scratch, f int, qterms []queryTerm) {
	fld := &m.x.Fields[f]
	k1p1 := float32(m.params.K1[f] + 1)
	norm := m.lengthNorm[f]
	scores := s.score[f]
	numDocs := m.x.NumClaims()
	maxDF := int(m.params.MaxDFShare * float64(m.x.CorpusClaims()))
	for _, qt := range qterms {
		if f == index.FieldClaimChars && fld.DF(qt.id) > maxDF {
			// Grams in a large share of claims (" the", "ing ") barely move
			// the ranking but dominate the cost; skipping them keeps an
			// article check within budget.
			continue
		}
		w := qt.w * qt.idf * float32(min(qt.qtf, 2)) * k1p1
		p := fld.PostingBytes(qt.id)
		doc := -1
		for len(p) > 0 {
			delta, n := binfmt.Uvarint(p)
			if n <= 0 {
				break
			}
			tf, n2 := binfmt.Uvarint(p[n:])
			if n2 <= 0 {
				break
			}
			p = p[n+n2:]
			doc += int(delta) + 1
			if doc >= numDocs {
				break // corrupt postings: stop rather than index out of range
			}
			t := float32(tf)
			scores[doc] += w * t / (t + norm[doc])
			if !s.seen[doc] {
				s.seen[doc] = true
				s.touched = append(s.touched, int32(doc))
			}
		}
	}
}

// Candidate is a claim scored against a query.
type Candidate struct {
	// Not comparable: spares the widget's wasm a generated == (0.5 kB of code).
	_ [0]func()

	Doc      int
	Score    float64   // final ranking score
	Prob     float64   // calibrated probability that it is the same claim
	Cal      CalInputs // what Prob was computed from
	Features Features
	Shared   int // distinct claim-field terms of the claim in the sentence itself (not its context)
	Specific int // of them, those that are not common in the corpus (CommonShare)
}

// firstStage scores every claim and returns the best n by fused BM25.
// Only the n best become Candidates: a common sentence touches most of a
// large corpus through its 4-grams, and building and sorting a struct per
// touched claim cost more than all the scoring.
func (m *Matcher) firstStage(s *scratch, q *Query, n int) []Candidate {
	for f := range q.terms {
		m.accumulate(s, f, q.terms[f])
	}
	var weight [index.NumFields]float32
	for f := range q.terms {
		if q.mass[f] > 0 {
			weight[f] = float32(m.params.FirstStage[f] / q.mass[f])
		}
	}
	top := topN{limit: n}
	byLang := q.lang != lang.AnyLanguage && m.langs.KnowsClaims()
	for _, d := range s.touched {
		if byLang {
			if l := m.langs.DocLang(int(d)); l != q.lang && l != lang.AnyLanguage {
				continue
			}
		}
		fused := weight[0]*s.score[0][d] + weight[1]*s.score[1][d] + weight[2]*s.score[2][d]
		top.offer(fused, d)
	}
	cands := make([]Candidate, len(top.items))
	for i, it := range top.items {
		var fs Features
		for f := range q.terms {
			if q.mass[f] > 0 {
				fs[featBM25Claim+f] = float64(s.score[f][it.doc]) / q.mass[f]
			}
		}
		cands[i] = Candidate{Doc: int(it.doc), Score: m.params.fuse(&fs), Features: fs}
	}
	sortCandidates(cands)
	return cands
}

// topN keeps the n highest-scoring documents in a min-heap.
type topN struct {
	limit int
	items []scored
}

type scored struct {
	score float32
	doc   int32
}

// less orders the heap: lowest score at the root, ties broken so the
// higher doc id is evicted first (results stay deterministic).
func (t *topN) less(i, j int) bool {
	a, b := t.items[i], t.items[j]
	return a.score < b.score || a.score == b.score && a.doc > b.doc
}

func (t *topN) offer(score float32, doc int32) {
	if t.limit <= 0 {
		return
	}
	if len(t.items) < t.limit {
		t.items = append(t.items, scored{score, doc})
		for i := len(t.items) - 1; i > 0; {
			p := (i - 1) / 2
			if !t.less(i, p) {
				break
			}
			t.items[i], t.items[p] = t.items[p], t.items[i]
			i = p
		}
		return
	}
	root := t.items[0]
	if score < root.score || score == root.score && doc > root.doc {
		return
	}
	t.items[0] = scored{score, doc}
	for i := 0; ; {
		l, r, small := 2*i+1, 2*i+2, i
		if l < len(t.items) && t.less(l, small) {
			small = l
		}
		if r < len(t.items) && t.less(r, small) {
			small = r
		}
		if small == i {
			return
		}
		t.items[i], t.items[small] = t.items[small], t.items[i]
		i = small
	}
}

// sortCandidates orders c best first, the lower doc id first on a tie.
// It sorts positions, then moves each candidate once: a Candidate
// carries its features, and the widget's wasm, where sort.Slice copies a
// struct with three calls a swap, spent 2 % of an article's check on it.
func sortCandidates(c []Candidate) {
	order := index.SortedOrder(len(c), func(i, j int) bool {
		if c[i].Score != c[j].Score {
			return c[i].Score > c[j].Score
		}
		return c[i].Doc < c[j].Doc
	})
	var moving Candidate
	for start := range order { // c[i] becomes what was at c[order[i]]: one cycle at a time
		if int(order[start]) == start {
			continue
		}
		moving = c[start]
		i := start
		for {
			from := int(order[i])
			order[i] = int32(i)
			if from == start {
				c[i] = moving
				break
			}
			c[i], i = c[from], from
		}
	}
}
