package shard

import (
	"math"
	"slices"
	"sync"

	"github.com/factcheckwidget/factcheck/internal/index"
)

// Claims that share words are numbered close together before the corpus
// is cut (Options.Reorder), so that a posting list's claim id gaps are
// small and cost few bits: the lists are most of what a page fetches. The
// order is recursive graph bisection (Dhulipala et al., "Compressing
// graphs and indexes with recursive graph bisection", KDD 2016): split
// the claims in two halves, move claims between them while that lowers
// the estimated cost of every term's gaps (a term in d of a half's n
// claims costs about d·log2(n/(d+1)) bits), then order each half the
// same way. It reads only the postings, so it keys on nothing but the
// corpus's own words.

const (
	// bisectRounds bounds the swapping rounds of a split (the paper's 20).
	bisectRounds = 20
	// bisectLeaf: parts this small keep their order (4 fetched the same
	// bytes over the dev slices at 300,000 claims: 906,560 against
	// 906,625 an article).
	bisectLeaf = 16
	// bisectParallelDepth: the splits of the first levels run on their own
	// goroutines (4 at once at depth 2).
	bisectParallelDepth = 2
)

// similarOrder returns x's claims ordered so that claims sharing claim or
// title stems are close: order[i] is the claim to number i. Stems in one
// claim only, and those the matcher never reads (in half the claims or
// more), are left out: they do not shape any list a reader fetches.
func similarOrder(x *index.Index) []int {
	n := x.NumClaims()
	counts := make([]int32, n+1)
	var lists [2][]int
	fields := [2]int{index.FieldClaim, index.FieldTitle}
	for i, f := range fields {
		fld := &x.Fields[f]
		for t := range fld.NumTerms() {
			if df := fld.DF(t); df >= 2 && 2*df < n {
				lists[i] = append(lists[i], t)
				fld.Postings(t, n, func(doc, _ int) { counts[doc+1]++ })
			}
		}
	}
	for d := range n {
		counts[d+1] += counts[d]
	}
	b := &bisector{start: counts, terms: make([]uint32, counts[n]), lg: log2Table(n + 2)}
	fill := slices.Clone(counts[:n])
	numTerms := 0
	for i, f := range fields {
		fld := &x.Fields[f]
		for _, t := range lists[i] {
			id := uint32(numTerms)
			numTerms++
			fld.Postings(t, n, func(doc, _ int) {
				b.terms[fill[doc]] = id
				fill[doc]++
			})
		}
	}
	b.numTerms = numTerms
	docs := make([]int32, n)
	for d := range docs {
		docs[d] = int32(d)
	}
	b.split(docs, 0, b.newScratch())
	return firstDuplicatesFirst(x, docs)
}

// firstDuplicatesFirst returns docs as an order, with the claims of each
// group of duplicates (index.Index.Duplicates) in the places the group
// took but in their first order: results collapse a group to its first
// claim, so a sharded corpus shows the claim the whole index shows.
func firstDuplicatesFirst(x *index.Index, docs []int32) []int {
	size := map[int32]int{}
	for _, d := range docs {
		if r := x.Duplicates[d]; r != d {
			size[r]++
		}
	}
	places := map[int32][]int{} // a group's places, by its first claim
	order := make([]int, len(docs))
	for i, d := range docs {
		order[i] = int(d)
		if r := x.Duplicates[d]; size[r] > 0 {
			places[r] = append(places[r], i)
		}
	}
	for _, at := range places {
		members := make([]int, len(at))
		for j, p := range at {
			members[j] = order[p]
		}
		slices.Sort(members)
		for j, p := range at {
			order[p] = members[j]
		}
	}
	return order
}

func log2Table(n int) []float64 {
	lg := make([]float64, n+1)
	for k := 1; k <= n; k++ {
		lg[k] = math.Log2(float64(k))
	}
	return lg
}

// bisector holds each claim's terms (claim d's are terms[start[d]:start[d+1]]).
type bisector struct {
	start    []int32
	terms    []uint32
	numTerms int
	lg       []float64 // lg[k] = log2(k)
}

// scratch is one goroutine's working memory, its term arrays all zero
// between splits.
type scratch struct {
	left, right []int32   // claims of each half holding a term
	moveL       []float64 // gain of moving a claim holding the term from the left half to the right
	moveR       []float64 // and from the right to the left
	touched     []uint32
}

func (b *bisector) newScratch() *scratch {
	return &scratch{left: make([]int32, b.numTerms), right: make([]int32, b.numTerms),
		moveL: make([]float64, b.numTerms), moveR: make([]float64, b.numTerms)}
}

func (b *bisector) docTerms(d int32) []uint32 { return b.terms[b.start[d]:b.start[d+1]] }

// split orders docs in place.
func (b *bisector) split(docs []int32, depth int, s *scratch) {
	if len(docs) <= bisectLeaf {
		return
	}
	half := len(docs) / 2
	left, right := docs[:half], docs[half:]
	s.touched = s.touched[:0]
	for _, d := range left {
		for _, t := range b.docTerms(d) {
			if s.left[t] == 0 && s.right[t] == 0 {
				s.touched = append(s.touched, t)
			}
			s.left[t]++
		}
	}
	for _, d := range right {
		for _, t := range b.docTerms(d) {
			if s.left[t] == 0 && s.right[t] == 0 {
				s.touched = append(s.touched, t)
			}
			s.right[t]++
		}
	}
	nl, nr := b.lg[len(left)], b.lg[len(right)]
	for range bisectRounds {
		for _, t := range s.touched {
			l, r := int(s.left[t]), int(s.right[t])
			before := b.cost(l, nl) + b.cost(r, nr)
			if l > 0 {
				s.moveL[t] = before - b.cost(l-1, nl) - b.cost(r+1, nr)
			}
			if r > 0 {
				s.moveR[t] = before - b.cost(l+1, nl) - b.cost(r-1, nr)
			}
		}
		gl := b.ranked(left, s.moveL)
		gr := b.ranked(right, s.moveR)
		swapped := 0
		for i := range min(len(left), len(right)) {
			if gl[i].gain+gr[i].gain <= 0 {
				break
			}
			a, c := gl[i].doc, gr[i].doc
			for _, t := range b.docTerms(left[a]) {
				s.left[t]--
				s.right[t]++
			}
			for _, t := range b.docTerms(right[c]) {
				s.right[t]--
				s.left[t]++
			}
			left[a], right[c] = right[c], left[a]
			swapped++
		}
		if swapped == 0 {
			break
		}
	}
	for _, t := range s.touched {
		s.left[t], s.right[t], s.moveL[t], s.moveR[t] = 0, 0, 0, 0
	}
	if depth < bisectParallelDepth {
		var wg sync.WaitGroup
		wg.Go(func() { b.split(left, depth+1, b.newScratch()) })
		b.split(right, depth+1, s)
		wg.Wait()
		return
	}
	b.split(left, depth+1, s)
	b.split(right, depth+1, s)
}

// cost estimates the bits of the gaps of a term in d of a half's claims,
// lgN being log2 of the half's size.
func (b *bisector) cost(d int, lgN float64) float64 {
	return float64(d) * (lgN - b.lg[d+1])
}

type ranked struct {
	doc  int // index in the half
	gain float64
}

// ranked returns the half's claims by the gain of moving each, best
// first (ties by claim id, so that a build is reproducible).
func (b *bisector) ranked(half []int32, move []float64) []ranked {
	out := make([]ranked, len(half))
	for i, d := range half {
		g := 0.0
		for _, t := range b.docTerms(d) {
			g += move[t]
		}
		out[i] = ranked{i, g}
	}
	slices.SortFunc(out, func(a, c ranked) int {
		switch {
		case a.gain > c.gain:
			return -1
		case a.gain < c.gain:
			return 1
		}
		return int(half[a.doc] - half[c.doc])
	})
	return out
}
