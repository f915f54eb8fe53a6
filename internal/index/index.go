// Package index holds a corpus compiled for matching: the claims, an
// inverted index per text field (word stems of the claim, of its title, and
// character 4-grams), document lengths, and a forward index of the claim's
// stems for phrase features. It is built by the CLI and decoded in the
// browser; see format.go for the binary layout.
package index

import (
	"github.com/factcheckwidget/factcheck/internal/binfmt"
	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/text"
)

// FieldKind says how a field's text is analysed into terms.
type FieldKind uint8

const (
	Stems  FieldKind = 1 // stemmed content words and numbers
	Chars4 FieldKind = 2 // character 4-grams over folded tokens
)

// Field ids of the fields every index has, in this order.
const (
	FieldClaim      = 0 // stems of Claim.Text
	FieldTitle      = 1 // stems of Claim.Title and Claim.Context
	FieldClaimChars = 2 // character 4-grams of Claim.Text and Claim.Title
	NumFields       = 3
)

var fieldKinds = [NumFields]FieldKind{Stems, Stems, Chars4}

// Terms returns the terms of an analysed text in a field of this kind.
func (k FieldKind) Terms(a *text.Analysis) []string {
	if k == Chars4 {
		return a.CharNGrams(4)
	}
	return a.Terms()
}

// QueryTerms returns the terms of an analysed sentence in every field:
// a query is matched against all of them.
func QueryTerms(a *text.Analysis) [NumFields][]string {
	var out [NumFields][]string
	for f, k := range fieldKinds {
		out[f] = k.Terms(a)
	}
	return out
}

// claimTerms returns the terms of claim c in every field: the claim's
// stems, the stems of its title and context, and the 4-grams of claim and
// title read as one text. Each text is analysed once, by an (the claim's
// language; nil is English).
func claimTerms(c *claim.Claim, an text.Analyzer) [NumFields][]string {
	body, title, ctx := text.AnalyzeWith(c.Text, an), text.AnalyzeWith(c.Title, an), text.AnalyzeWith(c.Context, an)
	return [NumFields][]string{
		FieldClaim:      body.Terms(),
		FieldTitle:      append(title.Terms(), ctx.Terms()...),
		FieldClaimChars: text.JoinAnalyses(body, title).CharNGrams(4),
	}
}

// Field is the inverted index of one text field. Terms are sorted so lookup
// is a binary search with no map to build at load time.
type Field struct {
	Kind     FieldKind
	terms    []byte   // all terms, concatenated in sorted order
	termEnd  []uint32 // termEnd[t] is the end of term t in terms
	postEnd  []uint32 // postEnd[t] is the end of term t's postings in post
	post     []byte   // per term: uvarint (doc delta, tf) pairs
	df       []uint32 // documents per term
	DocLen   []uint32 // terms per document
	AvgLen   float64
	numTerms int
}

// NumTerms is the size of the field's vocabulary.
func (f *Field) NumTerms() int { return f.numTerms }

// Lookup returns the term id of t, or -1. It compares against the term
// blob in place: converting each probed term to a string would allocate on
// every step of every lookup.
func (f *Field) Lookup(t string) int {
	lo, hi := 0, f.numTerms
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if string(f.termBytes(mid)) < t {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < f.numTerms && string(f.termBytes(lo)) == t {
		return lo
	}
	return -1
}

func (f *Field) termBytes(i int) []byte {
	start := uint32(0)
	if i > 0 {
		start = f.termEnd[i-1]
	}
	return f.terms[start:f.termEnd[i]]
}

// Term returns the text of term id i.
func (f *Field) Term(i int) string { return f.term(i) }

func (f *Field) term(i int) string {
	start := uint32(0)
	if i > 0 {
		start = f.termEnd[i-1]
	}
	return string(f.terms[start:f.termEnd[i]])
}

// DF is the number of documents containing term id t.
func (f *Field) DF(t int) int { return int(f.df[t]) }

// PostingBytes returns term t's encoded postings: uvarint pairs of (doc id
// delta − 1, term frequency). The matcher decodes them inline.
func (f *Field) PostingBytes(t int) []byte {
	start := uint32(0)
	if t > 0 {
		start = f.postEnd[t-1]
	}
	return f.post[start:f.postEnd[t]]
}

// Postings calls fn for every document holding term t with the term's
// frequency there. Corrupt postings end the walk instead of panicking.
func (f *Field) Postings(t int, numDocs int, fn func(doc int, tf int)) {
	start := uint32(0)
	if t > 0 {
		start = f.postEnd[t-1]
	}
	p := f.post[start:f.postEnd[t]]
	doc := -1
	for len(p) > 0 {
		delta, n := binfmt.Uvarint(p)
		if n <= 0 {
			return
		}
		p = p[n:]
		tf, n := binfmt.Uvarint(p)
		if n <= 0 {
			return
		}
		p = p[n:]
		doc += int(delta) + 1
		if doc >= numDocs || doc < 0 {
			return
		}
		fn(doc, int(tf))
	}
}

// Index is a compiled corpus.
type Index struct {
	claims []claim.Claim
	Fields [NumFields]Field
	// forward[d] lists the term ids of claim d's FieldClaim stems in order,
	// for bigram (phrase) features during re-ranking.
	forward    [][]uint32
	Meta       map[string]string
	Duplicates []int32 // Duplicates[d] is the first claim with the same normalised text, or d itself
	// Sections hold what other packages compile from the corpus and keep
	// with it (an entity lexicon, language tables), by name; the index
	// stores them and checks their integrity but does not read them.
	Sections map[string][]byte
	// A partial index (partial.go) holds part of a corpus of corpusClaims
	// claims; one built from postings alone has numDocs documents and no
	// claims.
	corpusClaims int
	numDocs      int
}

// NumClaims is the number of claims (documents) in the index.
func (x *Index) NumClaims() int {
	if x.claims == nil {
		return x.numDocs
	}
	return len(x.claims)
}

// Claim returns claim d.
func (x *Index) Claim(d int) *claim.Claim { return &x.claims[d] }

// HasClaims reports whether the index holds its claims' records (an index
// built from postings alone does not: index.FromPostings).
func (x *Index) HasClaims() bool { return len(x.claims) == x.NumClaims() }

// HasForward reports whether the index knows its claims' terms (an index
// built from postings alone does not).
func (x *Index) HasForward() bool { return len(x.forward) > 0 }

// Forward returns the claim-field term ids of claim d in text order (none
// in an index built from postings alone).
func (x *Index) Forward(d int) []uint32 {
	if d >= len(x.forward) {
		return nil
	}
	return x.forward[d]
}

// Kind returns the analyser of field f.
func Kind(f int) FieldKind { return fieldKinds[f] }
