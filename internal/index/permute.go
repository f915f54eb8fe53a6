package index

import (
	"errors"
	"slices"

	"github.com/factcheckwidget/factcheck/internal/binfmt"
	"github.com/factcheckwidget/factcheck/internal/claim"
)

// Permuted returns x with its claims in another order: claim d of the
// result is claim order[d] of x. Terms, document frequencies, sections and
// scores are x's; postings, lengths and the forward index follow their
// claims, and a claim's duplicate is the first of its group in the new
// order. A sharded corpus numbers claims that share words close together,
// so that the gaps of its posting lists are small (internal/shard).
//
// A function, not a method: a method's name stays in the widget's wasm
// (the type's method table) though only the shard writer calls it.
func Permuted(x *Index, order []int) (*Index, error) {
	n := x.NumClaims()
	if len(order) != n || !x.HasClaims() {
		return nil, errors.New("index: a permutation must order every claim of a complete index")
	}
	newID := make([]int32, n)
	for i := range newID {
		newID[i] = -1
	}
	for d, old := range order {
		if old < 0 || old >= n || newID[old] >= 0 {
			return nil, errors.New("index: not a permutation of the claims")
		}
		newID[old] = int32(d)
	}
	y := &Index{claims: make([]claim.Claim, n), forward: make([][]uint32, len(x.forward)), Meta: x.Meta,
		Duplicates: make([]int32, n), Sections: x.Sections}
	for d, old := range order {
		y.claims[d] = x.claims[old]
		if old < len(x.forward) {
			y.forward[d] = x.forward[old]
		}
	}
	// The first claim of a group, in the new order, is its smallest new id.
	first := make(map[int32]int32)
	for d, old := range order {
		root := x.Duplicates[old]
		if f, ok := first[root]; !ok || int32(d) < f {
			first[root] = int32(d)
		}
	}
	for d, old := range order {
		y.Duplicates[d] = first[x.Duplicates[old]]
	}
	for f := range x.Fields {
		y.Fields[f] = x.Fields[f].permuted(order, newID)
	}
	return y, nil
}

// permuted re-encodes the field's postings under the new claim ids.
func (f *Field) permuted(order []int, newID []int32) Field {
	g := *f
	g.DocLen = make([]uint32, len(order))
	for d, old := range order {
		g.DocLen[d] = f.DocLen[old]
	}
	g.post = make([]byte, 0, len(f.post))
	g.postEnd = make([]uint32, len(f.postEnd))
	type posting struct{ doc, tf int32 }
	var ps []posting
	for t := range f.numTerms {
		ps = ps[:0]
		f.Postings(t, len(order), func(doc, tf int) { ps = append(ps, posting{newID[doc], int32(tf)}) })
		slices.SortFunc(ps, func(a, b posting) int { return int(a.doc - b.doc) })
		prev := int32(-1)
		for _, p := range ps {
			g.post = binfmt.AppendUvarint(g.post, uint64(p.doc-prev-1))
			g.post = binfmt.AppendUvarint(g.post, uint64(p.tf))
			prev = p.doc
		}
		g.postEnd[t] = uint32(len(g.post))
	}
	return g
}
