package shard

import (
	"runtime"
	"sort"
	"sync"
)

// The writer's side of the posting symbols' codes (postings.go).

// posting is a claim holding a term in a field, as a list keeps it.
type posting struct {
	doc, tf int
	impact  float64 // BM25 impact tf/(tf + k1·(1 − b + b·length/average))
}

// kept is term t's postings in field f that its list keeps: the
// field's Keep of highest impact, in claim order; none when the matcher
// never reads them.
func (w *writer) kept(f, t int) []posting {
	fld, fi := &w.x.Fields[f], w.m.Fields[f]
	df := fld.DF(t)
	if !w.readByMatcher(f, df) || fi.Keep == 0 {
		return nil
	}
	ps := make([]posting, 0, df)
	fld.Postings(t, w.x.NumClaims(), func(doc, tf int) {
		norm := fi.K1 * (1 - fi.B + fi.B*float64(fld.DocLen[doc])/fi.AvgLen)
		ps = append(ps, posting{doc, tf, float64(tf) / (float64(tf) + norm)})
	})
	if len(ps) > fi.Keep {
		sort.Slice(ps, func(i, j int) bool {
			return ps[i].impact > ps[j].impact || ps[i].impact == ps[j].impact && w.given(ps[i].doc) < w.given(ps[j].doc)
		})
		ps = ps[:fi.Keep]
		sort.Slice(ps, func(i, j int) bool { return ps[i].doc < ps[j].doc })
	}
	return ps
}

// symbol is posting p's symbol in field f: its claim's length code, plus
// 2^LengthBits when its tf exceeds 1.
func (w *writer) symbol(f int, p posting) int {
	fi := w.m.Fields[f]
	s := 0
	if fi.LengthBits > 0 {
		s = int(lengthCode(w.x.Fields[f].DocLen[p.doc], fi.AvgLen, fi.LengthStep, fi.LengthBits))
	}
	if p.tf > 1 {
		s += 1 << fi.LengthBits
	}
	return s
}

// fitCodes gives each field with lengths in its postings the Huffman
// codes of the symbols its kept postings take, in the lists it keeps
// whole and in those it cuts (which keep shorter claims), and a field
// without them the code of one bit (tf over 1 or not, as before version
// 6: two symbols gain nothing from fitting).
func (w *writer) fitCodes() {
	for f := range w.m.Fields {
		fi := &w.m.Fields[f]
		freq := [2][]int{make([]int, 2<<fi.LengthBits), make([]int, 2<<fi.LengthBits)}
		if fi.LengthBits > 0 {
			freq = w.symbolCounts(f)
		}
		for cut := range freq {
			fi.Codes[cut] = huffmanLengths(freq[cut], maxCodeBits)
			fi.codes[cut] = newSymbolCode(fi.Codes[cut])
			w.codes[f][cut] = canonicalCodes(fi.Codes[cut])
		}
	}
}

// symbolCounts counts the symbols of field f's kept postings, over every
// term, in the lists kept whole and in those cut, on every core.
func (w *writer) symbolCounts(f int) [2][]int {
	fld := &w.x.Fields[f]
	workers := runtime.GOMAXPROCS(0)
	counts := make([][2][]int, workers)
	var wg sync.WaitGroup
	for i := range workers {
		for cut := range counts[i] {
			counts[i][cut] = make([]int, 2<<w.m.Fields[f].LengthBits)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := i; t < fld.NumTerms(); t += workers {
				ps := w.kept(f, t)
				cut := 0
				if len(ps) < fld.DF(t) {
					cut = 1
				}
				for _, p := range ps {
					counts[i][cut][w.symbol(f, p)]++
				}
			}
		}()
	}
	wg.Wait()
	for _, c := range counts[1:] {
		for cut := range c {
			for s, n := range c[cut] {
				counts[0][cut][s] += n
			}
		}
	}
	return counts[0]
}

// huffmanLengths is the code length of each symbol of a Huffman code for
// symbol frequencies freq, none longer than limit bits (frequencies are
// halved until it fits). A symbol of frequency 0 gets no code; when every
// frequency is 0, every symbol gets a code of the same length.
func huffmanLengths(freq []int, limit int) []uint8 {
	out := make([]uint8, len(freq))
	f := append([]int(nil), freq...)
	used := 0
	for _, n := range f {
		if n > 0 {
			used++
		}
	}
	if used == 0 {
		for i := range f {
			f[i] = 1
		}
	}
	type node struct {
		weight  int
		symbols []int
	}
	for {
		var nodes []node
		for s, n := range f {
			if n > 0 {
				nodes = append(nodes, node{n, []int{s}})
			}
		}
		clear(out)
		if len(nodes) == 1 {
			out[nodes[0].symbols[0]] = 1
			return out
		}
		for len(nodes) > 1 {
			sort.SliceStable(nodes, func(i, j int) bool { return nodes[i].weight < nodes[j].weight })
			a, b := nodes[0], nodes[1]
			merged := node{a.weight + b.weight, append(append([]int(nil), a.symbols...), b.symbols...)}
			for _, s := range merged.symbols {
				out[s]++
			}
			nodes = append(nodes[2:], merged)
		}
		longest := 0
		for _, l := range out {
			longest = max(longest, int(l))
		}
		if longest <= limit {
			return out
		}
		for s, n := range f {
			if n > 0 {
				f[s] = (n + 1) / 2
			}
		}
	}
}

// canonicalCodes is the canonical code (postings.go's symbolCode) of the
// code lengths: each symbol's code, in its length's low bits.
func canonicalCodes(lengths []uint8) []uint32 {
	codes := make([]uint32, len(lengths))
	next := uint32(0)
	for l := 1; l <= maxCodeBits; l++ {
		for s, sl := range lengths {
			if int(sl) == l {
				codes[s] = next
				next++
			}
		}
		next <<= 1
	}
	return codes
}
