package index

import (
	"errors"
	"sort"
	"strings"

	"github.com/factcheckwidget/factcheck/internal/binfmt"
	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/text"
)

// MaxClaims bounds a compiled corpus: doc ids are stored as uvarints but the
// widget keeps dense per-claim score arrays, and 2 million claims is far past
// any fact-check collection published today (the largest public ones hold a
// few hundred thousand reviews).
const MaxClaims = 2_000_000

// MaxClaimBytes bounds one claim's text fields; longer texts are not claims
// and would let a hostile corpus blow up the n-gram index.
const MaxClaimBytes = 4096

// Build compiles claims into an Index, analysing every claim as English.
// progress, when not nil, is called with the number of claims analysed so
// far.
func Build(claims []claim.Claim, progress func(done, total int)) (*Index, error) {
	return BuildWith(claims, nil, progress)
}

// BuildWith compiles claims analysing claim d in its language, with
// analyzer(d) (internal/compile chooses it; nil analyses all as English).
func BuildWith(claims []claim.Claim, analyzer func(d int) text.Analyzer, progress func(done, total int)) (*Index, error) {
	if len(claims) == 0 {
		return nil, errors.New("index: no claims to index")
	}
	if len(claims) > MaxClaims {
		return nil, errors.New("index: more than 2,000,000 claims")
	}
	x := &Index{claims: make([]claim.Claim, len(claims)), Meta: map[string]string{}}
	seen := map[string]bool{}
	for i, c := range claims {
		if seen[c.ID] {
			return nil, errors.New("index: duplicate claim id " + c.ID)
		}
		seen[c.ID] = true
		c.Text = clip(c.Text)
		c.Title = clip(c.Title)
		c.Context = clip(c.Context)
		x.claims[i] = c
	}
	builders := [NumFields]fieldBuilder{}
	for f := range builders {
		builders[f] = newFieldBuilder(len(claims), 0)
	}
	forwardTerms := make([][]string, len(claims))
	for d := range x.claims {
		var an text.Analyzer
		if analyzer != nil {
			an = analyzer(d)
		}
		terms := claimTerms(&x.claims[d], an)
		for f := range builders {
			builders[f].add(d, terms[f])
		}
		forwardTerms[d] = terms[FieldClaim]
		if progress != nil && (d%1000 == 999 || d == len(claims)-1) {
			progress(d+1, len(claims))
		}
	}
	for f := range builders {
		x.Fields[f] = builders[f].finish(fieldKinds[f], nil)
	}
	x.forward = forwardIndex(&x.Fields[FieldClaim], forwardTerms)
	x.Duplicates = findDuplicates(forwardTerms)
	return x, nil
}

func clip(s string) string {
	if len(s) <= MaxClaimBytes {
		return s
	}
	cut := MaxClaimBytes
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut]
}

// fieldBuilder collects one field's postings while claims are analysed.
// Each term's postings are kept encoded as the index stores them (uvarint
// doc delta − 1, uvarint tf), not as structs: a 300,000-claim corpus has
// about 45 million postings, 8 bytes each as structs plus slice growth
// (2.3 GB peak RSS for the whole build) against about 2.2 bytes encoded.
type fieldBuilder struct {
	postings map[string]*termPostings
	docLen   []uint32
}

type termPostings struct {
	buf    []byte
	df     uint32
	last   int32  // last doc added
	lastTF uint32 // its term frequency so far
	tfAt   int    // where that tf starts in buf
}

// newFieldBuilder starts a field of numDocs documents; terms is how many
// distinct terms it will likely hold (0 when unknown), so that its map
// is not rehashed as it grows.
func newFieldBuilder(numDocs, terms int) fieldBuilder {
	return fieldBuilder{postings: make(map[string]*termPostings, terms), docLen: make([]uint32, numDocs)}
}

func (b *fieldBuilder) add(doc int, terms []string) {
	b.docLen[doc] = uint32(len(terms))
	for _, t := range terms {
		p := b.postings[t]
		if p == nil {
			p = &termPostings{last: -1}
			b.postings[t] = p
		}
		if p.last == int32(doc) {
			p.lastTF++
			p.buf = binfmt.AppendUvarint(p.buf[:p.tfAt], uint64(p.lastTF))
			continue
		}
		p.buf = binfmt.AppendUvarint(p.buf, uint64(int32(doc)-p.last-1))
		p.tfAt = len(p.buf)
		p.buf = binfmt.AppendUvarint(p.buf, 1)
		p.last, p.lastTF = int32(doc), 1
		p.df++
	}
}

// finish builds the field. global, when not nil, adds terms no document of
// this index holds and gives every term its document frequency in the
// whole corpus (a partial index, partial.go); otherwise df is counted here.
func (b *fieldBuilder) finish(kind FieldKind, global map[string]uint32) Field {
	terms := make([]string, 0, len(b.postings)+len(global))
	for t := range b.postings {
		terms = append(terms, t)
	}
	for t := range global {
		if b.postings[t] == nil {
			terms = append(terms, t)
		}
	}
	sort.Slice(terms, func(i, j int) bool { return terms[i] < terms[j] })
	f := Field{Kind: kind, numTerms: len(terms), DocLen: b.docLen,
		termEnd: make([]uint32, len(terms)), postEnd: make([]uint32, len(terms)), df: make([]uint32, len(terms))}
	size, blobLen := 0, 0
	for _, t := range terms {
		if p := b.postings[t]; p != nil {
			size += len(p.buf)
		}
		blobLen += len(t)
	}
	f.post = make([]byte, 0, size)
	blob := make([]byte, 0, blobLen)
	for i, t := range terms {
		blob = append(blob, t...)
		f.termEnd[i] = uint32(len(blob))
		if p := b.postings[t]; p != nil {
			f.post = append(f.post, p.buf...)
			f.df[i] = p.df
			b.postings[t] = nil // let the collector have it while the rest is copied
		}
		if df, ok := global[t]; ok {
			f.df[i] = df
		}
		f.postEnd[i] = uint32(len(f.post))
	}
	f.terms = blob
	f.AvgLen = averageLen(b.docLen)
	return f
}

func averageLen(lens []uint32) float64 {
	if len(lens) == 0 {
		return 0
	}
	total := 0.0
	for _, l := range lens {
		total += float64(l)
	}
	if total == 0 {
		return 1
	}
	return total / float64(len(lens))
}

// findDuplicates groups claims whose stemmed claim text is identical as a
// set ("X said Y" worded twice by two fact-checkers, or re-published
// reviews), so results can collapse them.
func findDuplicates(claimStems [][]string) []int32 {
	first := map[string]int32{}
	dup := make([]int32, len(claimStems))
	for d := range claimStems {
		terms := append([]string(nil), claimStems[d]...)
		sort.Strings(terms)
		key := strings.Join(terms, " ")
		if f, ok := first[key]; ok && key != "" {
			dup[d] = f
			continue
		}
		first[key] = int32(d)
		dup[d] = int32(d)
	}
	return dup
}

// forwardIndex maps every document's terms to term ids of field f.
func forwardIndex(f *Field, docs [][]string) [][]uint32 {
	out := make([][]uint32, len(docs))
	for d, terms := range docs {
		ids := make([]uint32, len(terms))
		for i, t := range terms {
			ids[i] = uint32(f.Lookup(t))
		}
		out[d] = ids
	}
	return out
}
