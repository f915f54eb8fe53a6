package index

import (
	"math/rand/v2"
	"sort"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// postingLists are every term list of x, each field's terms in reverse
// order (FromPostings reads them in term order).
func postingLists(x *Index) (docLen [NumFields][]uint32, lists [NumFields][]TermList) {
	for f := range x.Fields {
		fld := &x.Fields[f]
		docLen[f] = append([]uint32(nil), fld.DocLen...)
		for t := fld.NumTerms() - 1; t >= 0; t-- {
			l := TermList{Term: fld.Term(t), DF: uint32(fld.DF(t))}
			fld.Postings(t, x.NumClaims(), func(doc, tf int) {
				l.Docs, l.TFs = append(l.Docs, int32(doc)), append(l.TFs, uint32(tf))
			})
			lists[f] = append(lists[f], l)
		}
	}
	return docLen, lists
}

// An index of postings alone finds every term and its postings where the
// index they came from has them: a sharded check's first stage reads it.
func TestFromPostingsKeepsTermsAndPostings(t *testing.T) {
	x, err := Build(smallClaims(), nil)
	require.NoError(t, err)
	docLen, lists := postingLists(x)
	y, err := FromPostings(x.Stats(), docLen, lists)
	require.NoError(t, err)
	require.Equal(t, x.NumClaims(), y.NumClaims())
	claims := &x.Fields[FieldClaim]
	assert.Equal(t, claims.Term(claims.NumTerms()-1), lists[FieldClaim][0].Term, "the caller's lists keep their order")
	assert.False(t, y.HasForward(), "an index of postings alone knows no claim's terms")
	for f := range x.Fields {
		a, b := &x.Fields[f], &y.Fields[f]
		require.Equal(t, a.NumTerms(), b.NumTerms(), "field %d", f)
		for i := range a.NumTerms() {
			assert.Equal(t, a.Term(i), b.Term(i), "field %d term %d", f, i)
			assert.Equal(t, i, b.Lookup(a.Term(i)), "field %d term %q", f, a.Term(i))
			assert.Equal(t, a.DF(i), b.DF(i), "field %d term %q", f, a.Term(i))
			assert.Equal(t, a.PostingBytes(i), b.PostingBytes(i), "field %d term %q", f, a.Term(i))
		}
		assert.Equal(t, a.DocLen, b.DocLen)
		assert.Equal(t, a.AvgLen, b.AvgLen)
	}
}

// Lists that cannot be an index's are refused, never half read.
func TestFromPostingsRefusesBadLists(t *testing.T) {
	x, err := Build(smallClaims(), nil)
	require.NoError(t, err)
	cases := map[string]func(stats *Stats, docLen *[NumFields][]uint32, lists *[NumFields][]TermList){
		"docs out of order": func(_ *Stats, _ *[NumFields][]uint32, l *[NumFields][]TermList) {
			l[FieldClaim] = append(l[FieldClaim], TermList{Term: "zz", DF: 2, Docs: []int32{1, 0}, TFs: []uint32{1, 1}})
		},
		"a doc past the last": func(_ *Stats, d *[NumFields][]uint32, l *[NumFields][]TermList) {
			l[FieldTitle] = append(l[FieldTitle], TermList{Term: "zz", DF: 1, Docs: []int32{int32(len(d[FieldTitle]))}, TFs: []uint32{1}})
		},
		"a term twice": func(_ *Stats, _ *[NumFields][]uint32, l *[NumFields][]TermList) {
			l[FieldClaim] = append(l[FieldClaim], l[FieldClaim][0])
		},
		"fewer frequencies than docs": func(_ *Stats, _ *[NumFields][]uint32, l *[NumFields][]TermList) {
			l[FieldClaimChars] = append(l[FieldClaimChars], TermList{Term: "zzzz", DF: 1, Docs: []int32{0}})
		},
		"fields of other lengths": func(_ *Stats, d *[NumFields][]uint32, _ *[NumFields][]TermList) {
			d[FieldTitle] = d[FieldTitle][1:]
		},
		"more documents than the corpus": func(s *Stats, _ *[NumFields][]uint32, _ *[NumFields][]TermList) {
			s.Claims = 1
		},
	}
	for name, spoil := range cases {
		t.Run(name, func(t *testing.T) {
			stats := x.Stats()
			docLen, lists := postingLists(x)
			spoil(&stats, &docLen, &lists)
			_, err := FromPostings(stats, docLen, lists)
			assert.ErrorIs(t, err, errPartial)
		})
	}
}

// SortedOrder must leave items exactly as sort.Slice would, equal ones
// included: the matcher's results may not change with how it sorts.
func TestSortedOrderMatchesSortSlice(t *testing.T) {
	type item struct {
		key  int
		name string
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 11, 12, 13, 50, 300, 1000} {
		items := make([]item, n)
		for i := range items {
			items[i] = item{key: rng.IntN(7), name: strconv.Itoa(i)} // many equal keys
		}
		want := make([]item, n)
		copy(want, items)
		sort.Slice(want, func(i, j int) bool { return want[i].key < want[j].key })
		order := SortedOrder(len(items), func(i, j int) bool { return items[i].key < items[j].key })
		got := make([]item, len(order))
		for i, k := range order {
			got[i] = items[k]
		}
		assert.Equal(t, want, got, "n=%d", n)
	}
}
