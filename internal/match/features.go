package match

import (
	"github.com/factcheckwidget/factcheck/internal/index"
	"github.com/factcheckwidget/factcheck/internal/text"
)

// Feature ids. Every feature is on a comparable 0..1 scale so the learned
// weights in weights.go read as importances.
const (
	featBM25Claim       = iota // BM25 of the claim stems / the query's idf mass
	featBM25Title              // BM25 of the title stems / the query's idf mass
	featBM25Chars              // BM25 of the claim 4-grams / the query's 4-gram idf mass
	featCoverage               // share of the claim's idf mass present in the query
	featBigrams                // share of the claim's stem bigrams present in the query
	featNumMatch               // 1 when claim and query share a number
	featNumMismatch            // 1 when both have numbers and share none
	featQueryCoverage          // share of the query's idf mass present in the claim
	featLength                 // claim length / query length, capped at 1 (short claims inside long sentences)
	FeatContextCoverage        // share of the claim's idf mass present only in the context (preceding sentences)
	NumFeatures
)

// FeatureNames name the features in reports and in weights.go.
var FeatureNames = [NumFeatures]string{"bm25_claim", "bm25_title", "bm25_chars", "claim_coverage", "bigrams",
	"num_match", "num_mismatch", "query_coverage", "length_ratio", "context_coverage"}

// Features of one (query, claim) pair.
type Features [NumFeatures]float64

// Query is a sentence analysed once for every field.
type Query struct {
	Text       string
	Analysis   *text.Analysis
	terms      [index.NumFields][]queryTerm // the sentence's own terms, then context terms
	own        [index.NumFields]int         // how many of terms are the sentence's own
	mass       [index.NumFields]float64
	termSet    map[uint32]bool // claim-field term ids in the query
	contextSet map[uint32]bool // claim-field term ids in the context and not in the query
	// contextScale is how much this sentence leans on its context
	// (contextScaleFor), applied to context terms and context coverage.
	contextScale float64
	bigrams      map[[2]int32]bool // consecutive claim-field term ids
	hasNumbers   bool              // the query states a number
	words        int               // content words and numbers
	// termMass is the idf mass of the query's distinct claim-field terms,
	// unknown ones at the idf of a term in no claim.
	termMass float64
	lang     int // the claims' language it is compared with (lang.Corpus.ID), or lang.AnyLanguage
}

// Prepare analyses a query sentence in the language it is detected in
// (lang.Corpus.Resolve).
func (m *Matcher) Prepare(s string) *Query { return m.PrepareContextIn(s, "", "") }

// PrepareContext analyses a query sentence read after context, the text
// that precedes it in its document (the previous sentences).
func (m *Matcher) PrepareContext(s, context string) *Query { return m.PrepareContextIn(s, context, "") }

// PrepareContextIn is PrepareContext for a text declared to be in
// language declared (a BCP 47 tag, "" when not known), which its text may
// overrule (lang.Corpus.Resolve).
func (m *Matcher) PrepareContextIn(s, context, declared string) *Query {
	reading := m.langs.Resolve(declared, context+"\n"+s)
	var prev []*Query
	if context != "" && m.params.ContextWeight > 0 {
		for _, sp := range text.Sentences(context) {
			prev = append(prev, m.PrepareAnalysis(m.langs.AnalyzeIn(context[sp.Start:sp.End], reading), nil))
		}
	}
	return m.PrepareAnalysis(m.langs.AnalyzeIn(s, reading), prev)
}

// PrepareAnalysis prepares an analysed sentence read after the sentences
// of context (oldest first, each prepared without context of its own; an
// article passes the queries it already prepared). Context terms the
// sentence lacks join the first stage at Params.ContextWeight, so "He
// signed it in 2019." can find the bill the previous sentence named, and
// they give the re-ranker a separate coverage feature. A sentence analysed
// in a language (a.Lang) is compared with the claims of that language.
func (m *Matcher) PrepareAnalysis(a *text.Analysis, context []*Query) *Query {
	a = m.respell(a) // spelling.go
	q := &Query{Text: a.Text, Analysis: a, termSet: map[uint32]bool{}, bigrams: map[[2]int32]bool{},
		lang: m.langs.ID(a.Lang)}
	terms := index.QueryTerms(a)
	sc := m.getScratch()
	for f := range q.terms {
		// Room for the terms addContext may add, so they are not copied.
		room := len(terms[f])
		if m.takesContext(f) {
			for _, c := range context {
				room += c.own[f]
			}
		}
		q.terms[f], q.mass[f] = m.analyzeQuery(sc, f, terms[f], room)
		q.own[f] = len(q.terms[f])
	}
	stems := terms[index.FieldClaim]
	q.words = len(stems)
	prev := int32(-1)
	unknown := map[string]bool{}
	claimField := &m.x.Fields[index.FieldClaim]
	for _, t := range stems {
		id := int32(claimField.Lookup(t))
		if id < 0 && !unknown[t] {
			// Words no claim uses still belong to what the sentence says:
			// a sentence mostly about something else is not covered by a
			// claim that shares its one known word.
			unknown[t] = true
			q.termMass += float64(m.unseenIDF) * unknownWordWeight
		}
		if id >= 0 {
			if !q.termSet[uint32(id)] {
				q.termMass += float64(m.idf[index.FieldClaim][id])
			}
			q.termSet[uint32(id)] = true
			if prev >= 0 {
				q.bigrams[[2]int32{prev, id}] = true
			}
		}
		prev = id
		if t != "" && t[0] >= '0' && t[0] <= '9' {
			q.hasNumbers = true
		}
	}
	m.addContext(sc, q, context)
	m.putScratch(sc)
	return q
}

// addContext adds the context's terms that the sentence lacks. The
// nearest sentence of the context weighs Params.ContextWeight, each one
// before it Params.ContextDecay times less: a pronoun most often refers to
// what was just said.
func (m *Matcher) addContext(sc *scratch, q *Query, context []*Query) {
	if len(context) == 0 || m.params.ContextWeight <= 0 {
		return
	}
	q.contextScale = contextScaleFor(q.words, m.params.ContextFullWords)
	for f := range q.terms {
		if !m.takesContext(f) {
			continue
		}
		extra := 0 // at most this many terms come from the context
		for _, c := range context {
			extra += c.own[f]
		}
		if n := len(q.terms[f]) + extra; cap(q.terms[f]) < n { // grown once
			q.terms[f] = append(make([]queryTerm, 0, n), q.terms[f]...)
		}
		pos := sc.terms[f] // term id -> 1 + its index in q.terms[f]; cleared below
		for i, qt := range q.terms[f] {
			pos[qt.id] = int32(i + 1)
		}
		w := float32(m.params.ContextWeight * q.contextScale)
		for k := len(context) - 1; k >= 0 && float64(w) >= m.params.ContextMinWeight; k-- {
			for _, qt := range context[k].terms[f][:context[k].own[f]] {
				if i := int(pos[qt.id]) - 1; i >= 0 {
					if i >= q.own[f] && q.terms[f][i].w < w {
						q.terms[f][i].w = w
					}
					continue
				}
				qt.w, qt.qtf = w, 1
				q.terms[f] = append(q.terms[f], qt)
				pos[qt.id] = int32(len(q.terms[f]))
				if f == index.FieldClaim {
					if q.contextSet == nil {
						q.contextSet = map[uint32]bool{}
					}
					q.contextSet[uint32(qt.id)] = true
				}
			}
			w *= float32(m.params.ContextDecay)
		}
		for _, qt := range q.terms[f] {
			pos[qt.id] = 0
		}
	}
}

// takesContext tells whether field f of a query takes its context's
// terms (addContext).
func (m *Matcher) takesContext(f int) bool {
	return m.params.ContextWeight > 0 && (index.Kind(f) != index.Chars4 || m.params.ContextChars)
}

// contextScaleFor is how much a sentence of the given content words
// leans on the sentences before it: fully up to full words ("He signed it
// in 2019."), then less and less. A sentence that states its own claim
// must not take the claim of the sentence before it, as it would in a news
// article where every sentence restates a different fact-check.
func contextScaleFor(words, full int) float64 {
	if full <= 0 || words <= full {
		return 1
	}
	return float64(full) / float64(words)
}

// Words is the number of content words and numbers in the query.
func (q *Query) Words() int { return q.words }

// rerankFeatures fills the features that need the claim's own terms.
func (m *Matcher) rerankFeatures(q *Query, c *Candidate) {
	fwd := m.x.Forward(c.Doc)
	idf := m.idf[index.FieldClaim]
	covered, contextCovered := 0.0, 0.0
	claimNums, numHits := 0, 0
	for _, id := range m.claimTerms(c.Doc) {
		in := q.termSet[id]
		if q.contextSet[id] {
			contextCovered += float64(idf[id])
		}
		if in {
			covered += float64(idf[id])
			c.Shared++
			if !m.isCommon[id] {
				c.Specific++
			}
		}
		if m.isNumber[id] {
			claimNums++
			if in {
				numHits++
			}
		}
	}
	if total := m.massOf(c.Doc); total > 0 {
		c.Features[featCoverage] = covered / total
		c.Features[FeatContextCoverage] = q.contextScale * contextCovered / total
	}
	if len(fwd) > 1 {
		hits := 0
		for i := 1; i < len(fwd); i++ {
			if q.bigrams[[2]int32{int32(fwd[i-1]), int32(fwd[i])}] {
				hits++
			}
		}
		c.Features[featBigrams] = float64(hits) / float64(len(fwd)-1)
	}
	switch {
	case numHits > 0:
		c.Features[featNumMatch] = 1
	case claimNums > 0 && q.hasNumbers:
		c.Features[featNumMismatch] = 1
	}
	if q.termMass > 0 {
		c.Features[featQueryCoverage] = min(1, covered/q.termMass)
	}
	if q.words > 0 {
		c.Features[featLength] = min(1, float64(len(fwd))/float64(q.words))
	}
}

// precomputeClaims derives, once per matcher, what re-ranking needs of
// every claim: its distinct claim-field term ids, their idf mass, and which
// vocabulary terms are numbers.
func (m *Matcher) precomputeClaims() {
	fld := &m.x.Fields[index.FieldClaim]
	m.isNumber = make([]bool, fld.NumTerms())
	m.isCommon = make([]bool, fld.NumTerms())
	common := max(CommonShare*float64(m.x.CorpusClaims()), 1)
	for t := range m.isNumber {
		term := fld.Term(t)
		m.isNumber[t] = term != "" && term[0] >= '0' && term[0] <= '9'
		m.isCommon[t] = float64(fld.DF(t)) > common
	}
	n := m.x.NumClaims()
	if !m.x.HasForward() {
		// An index of postings alone (a sharded corpus's first stage) is
		// never re-ranked: its documents' terms are unknown, and at
		// 300,000 claims these arrays were 6 MB of the 29 MB a check
		// allocated.
		n = 0
	}
	m.distinct = make([][]uint32, n)
	m.claimMass = make([]float64, n)
	idf := m.idf[index.FieldClaim]
	for d := 0; d < n; d++ {
		var ids []uint32
	next:
		for _, id := range m.x.Forward(d) {
			for _, seen := range ids {
				if seen == id {
					continue next
				}
			}
			ids = append(ids, id)
			m.claimMass[d] += float64(idf[id])
		}
		// Sorted, so two claims' terms intersect in one merge (overlap).
		for i := 1; i < len(ids); i++ { // insertion: a claim has a few dozen terms
			for j := i; j > 0 && ids[j] < ids[j-1]; j-- {
				ids[j], ids[j-1] = ids[j-1], ids[j]
			}
		}
		m.distinct[d] = ids
	}
}

// claimTerms returns claim d's distinct claim-field term ids, sorted
// (none in an index of postings alone).
func (m *Matcher) claimTerms(d int) []uint32 {
	if d < len(m.distinct) {
		return m.distinct[d]
	}
	return nil
}

// massOf returns the idf mass of claim d's distinct claim-field terms.
func (m *Matcher) massOf(d int) float64 {
	if d < len(m.claimMass) {
		return m.claimMass[d]
	}
	return 0
}

// CommonShare: a word in more than this share of the corpus's claims
// ("says", "said", a country every claim is about) is common there, and
// sharing it is no sign that a sentence restates a claim
// (Candidate.Specific).
const CommonShare = 0.15

// unknownWordWeight scales the idf of words no claim uses in a query's
// mass. At full weight a small corpus (the 61-claim default) counted every
// word outside its vocabulary at ln(61.5/0.5) = 4.8 and no restated claim
// reached the related tier; at zero a sentence whose one known word is
// "hands" covered a claim fully. Half keeps both cases right on the demo
// article and leaves dev MAP@5 within 0.002.
const unknownWordWeight = 0.5
