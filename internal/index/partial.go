package index

import (
	"errors"
	"sort"

	"github.com/factcheckwidget/factcheck/internal/binfmt"
	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/text"
)

// A partial index holds a part of a larger corpus and scores it as the
// whole corpus would: its document frequencies, claim count and average
// field lengths are the whole corpus's (Stats), its documents are the few
// it holds. A sharded corpus (internal/shard) builds one per article from
// what it fetched, so the matcher runs the same code over it as over a
// compiled .fcx.

// Stats are the whole corpus's statistics that a partial index keeps.
type Stats struct {
	Claims int                // claims in the whole corpus
	AvgLen [NumFields]float64 // average terms per claim in each field, over the whole corpus
}

// Stats returns the whole-corpus statistics x scores with.
func (x *Index) Stats() Stats {
	s := Stats{Claims: x.CorpusClaims()}
	for f := range x.Fields {
		s.AvgLen[f] = x.Fields[f].AvgLen
	}
	return s
}

// CorpusClaims is the number of claims of the whole corpus x belongs to:
// NumClaims for a complete index. Corpus statistics (idf, what share of
// the corpus a term is in) use it; loops over documents use NumClaims.
func (x *Index) CorpusClaims() int {
	if x.corpusClaims > 0 {
		return x.corpusClaims
	}
	return x.NumClaims()
}

var errPartial = errors.New("index: partial index statistics do not cover its documents")

// ClaimTerms returns the terms of a claim in every field, analysed in its
// language by an (the index's lang section says how: lang.Corpus.Analyzer),
// as an index holds them: a partial index is built from claims analysed
// once.
func ClaimTerms(c *claim.Claim, an text.Analyzer) [NumFields][]string {
	cc := *c
	cc.Text, cc.Title, cc.Context = clip(c.Text), clip(c.Title), clip(c.Context)
	return claimTerms(&cc, an)
}

// PartialDoc is a document of a partial index: a claim and its terms,
// or, in an index of postings only, the terms of it that the postings
// fetched for a check tell.
type PartialDoc struct {
	Claim *claim.Claim        // nil in an index of postings only
	Terms [NumFields][]string // ClaimTerms of the claim, or those the postings tell
	Len   [NumFields]uint32   // the document's length in each field when Terms is not all of it
	Dup   int32               // the first document with the same text (itself when none)
}

// BuildPartial compiles documents that are part of a larger corpus, all
// with claims or none (an index of postings only: the matcher's first
// stage may run on it to choose which claims to fetch, nothing else may:
// Claim has nothing). df gives, per field, the whole corpus's document
// frequency of every term a query may look up and, for the claim field,
// of every term of these claims (re-ranking weighs a claim's own terms);
// terms missing from df count the documents here that hold them.
func BuildPartial(docs []PartialDoc, stats Stats, df [NumFields]map[string]uint32) (*Index, error) {
	if stats.Claims < len(docs) {
		return nil, errPartial
	}
	x := &Index{Meta: map[string]string{}, corpusClaims: stats.Claims, numDocs: len(docs)}
	if len(docs) > 0 && docs[0].Claim != nil {
		x.claims = make([]claim.Claim, len(docs))
	}
	var builders [NumFields]fieldBuilder
	for f := range builders {
		builders[f] = newFieldBuilder(len(docs), len(df[f])) // the terms a query may look up and the claims' stems: most of what the docs hold
	}
	forwardTerms := make([][]string, len(docs))
	x.Duplicates = make([]int32, len(docs))
	for d := range docs {
		doc := &docs[d]
		if (doc.Claim != nil) != (x.claims != nil) || doc.Dup < 0 || int(doc.Dup) > d {
			return nil, errPartial
		}
		if doc.Claim != nil {
			c := *doc.Claim
			c.Text, c.Title, c.Context = clip(c.Text), clip(c.Title), clip(c.Context)
			x.claims[d] = c
		}
		for f := range builders {
			builders[f].add(d, doc.Terms[f])
			if doc.Len[f] > 0 {
				builders[f].docLen[d] = doc.Len[f]
			}
		}
		forwardTerms[d] = doc.Terms[FieldClaim]
		x.Duplicates[d] = doc.Dup
	}
	for f := range builders {
		x.Fields[f] = builders[f].finish(fieldKinds[f], df[f])
		x.Fields[f].AvgLen = stats.AvgLen[f]
	}
	x.forward = forwardIndex(&x.Fields[FieldClaim], forwardTerms)
	return x, nil
}

// TermList is a term's postings as a sharded corpus stores them: some or
// all of the documents holding the term, in ascending order of the ids
// the caller gave them, with the term's frequency in each.
type TermList struct {
	Term string
	DF   uint32 // documents of the whole corpus holding the term
	Docs []int32
	TFs  []uint32
}

// FromPostings builds an index of postings only: documents known by their
// field lengths (docLen[f][d]) and the given term lists, with no claims.
// It is BuildPartial for documents known only from postings, without
// gathering each document's terms first: a check of a 300,000-claim
// corpus reads about a million postings. It orders each field's lists by
// term (the caller's slices stay as they are) and encodes them straight
// into the field's one array, sized exactly (a buffer a term in a map,
// then a copy, were 5 of the 23 MB a check allocated at 300,000 claims;
// the array's doubling 1 MB more).
func FromPostings(stats Stats, docLen [NumFields][]uint32, lists [NumFields][]TermList) (*Index, error) {
	numDocs := len(docLen[FieldClaim])
	if stats.Claims < numDocs {
		return nil, errPartial
	}
	x := &Index{Meta: map[string]string{}, corpusClaims: stats.Claims, numDocs: numDocs}
	for f := range x.Fields {
		ls := lists[f]
		if len(docLen[f]) != numDocs {
			return nil, errPartial
		}
		order := SortedOrder(len(ls), func(i, j int) bool { return ls[i].Term < ls[j].Term })
		size, blobLen := 0, 0
		for i, k := range order {
			l := &ls[k]
			if len(l.TFs) != len(l.Docs) || i > 0 && ls[order[i-1]].Term == l.Term {
				return nil, errPartial
			}
			last := int32(-1)
			for j, d := range l.Docs { // the bytes exactly: a guess too small doubles the array
				size += binfmt.UvarintLen(uint64(d-last-1)) + binfmt.UvarintLen(uint64(l.TFs[j]))
				last = d
			}
			blobLen += len(l.Term)
		}
		fld := Field{Kind: fieldKinds[f], numTerms: len(ls), DocLen: docLen[f], AvgLen: stats.AvgLen[f],
			termEnd: make([]uint32, len(ls)), postEnd: make([]uint32, len(ls)), df: make([]uint32, len(ls)),
			post: make([]byte, 0, size), terms: make([]byte, 0, blobLen)}
		for i, k := range order {
			l := &ls[k]
			last := int32(-1)
			for j, d := range l.Docs {
				if d <= last || int(d) >= numDocs {
					return nil, errPartial
				}
				fld.post = binfmt.AppendUvarint(binfmt.AppendUvarint(fld.post, uint64(d-last-1)), uint64(l.TFs[j]))
				last = d
			}
			fld.terms = append(fld.terms, l.Term...)
			fld.termEnd[i], fld.postEnd[i], fld.df[i] = uint32(len(fld.terms)), uint32(len(fld.post)), l.DF
		}
		x.Fields[f] = fld
	}
	return x, nil
}

// SortedOrder returns the positions 0..n-1 in the order sort.Slice would
// leave n items that less(i, j) compares by position: the same
// comparisons and swaps, so the same order among equals. It moves 4-byte
// positions instead of the items: in the widget's wasm sort.Slice swaps
// a struct with three calls to copy it (4 % of an article's check went
// to sorting its term lists that way).
func SortedOrder(n int, less func(i, j int) bool) []int32 {
	order := make([]int32, n)
	for i := range order {
		order[i] = int32(i)
	}
	sort.Slice(order, func(i, j int) bool { return less(int(order[i]), int(order[j])) })
	return order
}
