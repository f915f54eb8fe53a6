package claimsearch

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/factcheckwidget/factcheck/internal/index"
	"github.com/factcheckwidget/factcheck/internal/lang"
	"github.com/factcheckwidget/factcheck/internal/match"
	"github.com/factcheckwidget/factcheck/internal/text"
)

// MaxQueryBytes is how much of a query is read; the rest is ignored. It is
// the API's limit on the query parameter, which refuses longer ones.
const MaxQueryBytes = 2000

// searchFields are the word fields a keyword is looked up in: the claim's
// text and its review's title (with the review's context).
var searchFields = [...]int{index.FieldClaim, index.FieldTitle}

// The BM25 constants and field weights are the matcher's first stage
// (internal/match/weights.go: k1 1.2, b 0.75, title at 0.3 of the claim
// text), so a claim's own words outrank its headline's, as in matching.
var bm25 = match.DefaultParams()

// hit is a claim found by a keyword query.
type hit struct {
	doc   int32
	words uint16  // distinct query words the claim holds
	score float32 // BM25 over searchFields
}

// scratch holds per-claim accumulators of one query; only the claims a
// query touched are reset, so a query costs its postings, not the corpus.
type scratch struct {
	score    []float32
	words    []uint16
	lastWord []uint16 // 1 + index of the last query word counted for the claim
	touched  []int32
}

func (s *Searcher) getScratch() *scratch {
	if sc, ok := s.pool.Get().(*scratch); ok {
		return sc
	}
	n := s.x.NumClaims()
	return &scratch{score: make([]float32, n), words: make([]uint16, n), lastWord: make([]uint16, n)}
}

func (s *Searcher) putScratch(sc *scratch) {
	for _, d := range sc.touched {
		sc.score[d], sc.words[d], sc.lastWord[d] = 0, 0, 0
	}
	sc.touched = sc.touched[:0]
	s.pool.Put(sc)
}

// keywords ranks the claims holding any word of q that keep accepts; q is
// in language (a BCP 47 tag), or "" for any of the corpus's.
func (s *Searcher) keywords(q, language string, keep func(d int) bool) Result {
	words := s.queryWords(q, language)
	if len(words) == 0 {
		return Result{}
	}
	sc := s.getScratch()
	defer s.putScratch(sc)
	for wi, alts := range words {
		mark := uint16(wi + 1)
		for _, f := range searchFields {
			for _, w := range alts {
				s.addWord(sc, f, w, mark)
			}
		}
	}
	hits := make([]hit, 0, len(sc.touched))
	for _, d := range sc.touched {
		if keep(int(d)) {
			hits = append(hits, hit{doc: d, words: sc.words[d], score: sc.score[d]})
		}
	}
	slices.SortFunc(hits, s.compareHits)
	r := Result{Docs: make([]int, len(hits))}
	for i, h := range hits {
		r.Docs[i] = int(h.doc)
		if int(h.words) == len(words) {
			r.AllWords++
		}
	}
	return r
}

// compareHits is the result order: more query words, higher score, newer
// Day, claim id. It is total, so the order never depends on the sort.
func (s *Searcher) compareHits(a, b hit) int {
	if c := cmp.Compare(b.words, a.words); c != 0 {
		return c
	}
	if c := cmp.Compare(b.score, a.score); c != 0 {
		return c
	}
	if c := strings.Compare(s.day[b.doc], s.day[a.doc]); c != 0 {
		return c
	}
	return s.compareIDs(int(a.doc), int(b.doc))
}

func (s *Searcher) queryWords(q, language string) [][]string { return QueryWords(s.langs, q, language) }

// QueryWords returns the distinct words of the first MaxQueryBytes of q,
// in query order, each as the index terms it may be (what Search looks
// up): its stem in language (a BCP 47 tag), or with none, its stem in each
// of the corpus's languages (a claim's words were stemmed in the claim's
// language). A word that is a stop word in every language it is read in is
// dropped.
func QueryWords(langs *lang.Corpus, q, language string) [][]string {
	if len(q) > MaxQueryBytes {
		cut := MaxQueryBytes
		for cut > 0 && !utf8.RuneStart(q[cut]) {
			cut--
		}
		q = q[:cut]
	}
	tags := langs.Languages()
	if b := lang.Base(language); b != "" {
		tags = []string{b}
	}
	var analyses []*text.Analysis
	for _, l := range tags {
		analyses = append(analyses, text.AnalyzeWith(q, langs.Analyzer(l)))
	}
	var out [][]string
	seen := map[string]bool{}
	for i := range text.Tokenize(q) {
		var alts []string
		for _, a := range analyses {
			if !a.Stop[i] && !slices.Contains(alts, a.Stems[i]) {
				alts = append(alts, a.Stems[i])
			}
		}
		if key := strings.Join(alts, " "); len(alts) > 0 && !seen[key] {
			seen[key] = true
			out = append(out, alts)
		}
	}
	return out
}

// addWord adds the BM25 score of term w in field f to every claim holding
// it, and counts query word mark once per claim.
func (s *Searcher) addWord(sc *scratch, f int, w string, mark uint16) {
	fld := &s.x.Fields[f]
	t := fld.Lookup(w)
	if t < 0 {
		return
	}
	n := s.x.NumClaims()
	// Lucene's BM25 idf, log(1 + (N−df+0.5)/(df+0.5)), stays above 0
	// however common the word: a query for "South Korea" must find the
	// claims about South Korea even when they are most claims. N is the
	// whole corpus's, also for a sharded corpus's fetched part.
	df := float64(fld.DF(t))
	idf := math.Log1p((float64(s.x.CorpusClaims()) - df + 0.5) / (df + 0.5))
	k1, b := bm25.K1[f], bm25.B[f]
	weight := float32(bm25.FirstStage[f] * idf * (k1 + 1))
	avg := max(fld.AvgLen, 1)
	fld.Postings(t, n, func(d, tf int) {
		norm := k1 * (1 - b + b*float64(fld.DocLen[d])/avg)
		sc.score[d] += weight * float32(float64(tf)/(float64(tf)+norm))
		if sc.lastWord[d] != mark {
			if sc.lastWord[d] == 0 {
				sc.touched = append(sc.touched, int32(d))
			}
			sc.lastWord[d] = mark
			sc.words[d]++
		}
	})
}
