package shard

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/index"
)

// kraft is the share of the code space codes of these lengths take.
func kraft(lengths []uint8) float64 {
	sum := 0.0
	for _, l := range lengths {
		if l > 0 {
			sum += 1 / float64(uint(1)<<l)
		}
	}
	return sum
}

func TestHuffmanLengths(t *testing.T) {
	fib := []int{1, 1}
	for len(fib) < 24 {
		fib = append(fib, fib[len(fib)-1]+fib[len(fib)-2])
	}
	for _, c := range []struct {
		name  string
		freq  []int
		limit int
		want  []uint8
	}{
		{"no posting: every symbol as long", []int{0, 0, 0, 0}, 15, []uint8{2, 2, 2, 2}},
		{"two symbols: a bit each", []int{900, 3}, 15, []uint8{1, 1}},
		{"one symbol: one bit", []int{0, 7, 0, 0}, 15, []uint8{0, 1, 0, 0}},
		{"frequent symbols take short codes", []int{100, 10, 1, 1}, 15, []uint8{1, 2, 3, 3}},
		{"an unused symbol has no code", []int{50, 0, 25, 25}, 15, []uint8{1, 0, 2, 2}},
	} {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, huffmanLengths(c.freq, c.limit))
		})
	}
	// Fibonacci frequencies make the deepest tree: 23 bits unbounded.
	unbounded := huffmanLengths(fib, 64)
	assert.EqualValues(t, len(fib)-1, max(unbounded[0], unbounded[1]))
	for _, limit := range []int{5, 9, 15} {
		got := huffmanLengths(fib, limit)
		for s, l := range got {
			assert.True(t, l >= 1 && int(l) <= limit, "symbol %d: %d bits, limit %d", s, l, limit)
		}
		assert.LessOrEqual(t, kraft(got), 1.0, "a prefix code")
	}
}

// Symbols written with the canonical code of Huffman lengths read back;
// a code no symbol has, or a block cut short, is an error, not a symbol.
func TestSymbolCodeRoundTrip(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	for trial := range 50 {
		freq := make([]int, 2<<rnd.IntN(5))
		for s := range freq {
			if rnd.IntN(4) > 0 {
				freq[s] = rnd.IntN(1 << rnd.IntN(20))
			}
		}
		lengths := huffmanLengths(freq, maxCodeBits)
		codes := canonicalCodes(lengths)
		c := newSymbolCode(lengths)
		require.NotNil(t, c, "trial %d: %v", trial, lengths)
		var used []int
		for s, l := range lengths {
			if l > 0 {
				used = append(used, s)
			}
		}
		var w bitWriter
		var want []int
		for range 200 {
			s := used[rnd.IntN(len(used))]
			want = append(want, s)
			w.write(uint64(codes[s]), uint(lengths[s]))
		}
		r := bitReader{b: w.bytes()}
		for i, s := range want {
			require.Equal(t, s, r.symbol(c), "trial %d, symbol %d", trial, i)
		}
		require.False(t, r.bad)
	}
	c := newSymbolCode([]uint8{1, 0, 0, 0})
	require.NotNil(t, c, "an incomplete code is a code")
	r := bitReader{b: []byte{0x40}} // 0: symbol 0, then 1: no symbol's code
	assert.Equal(t, 0, r.symbol(c))
	r.symbol(c)
	assert.True(t, r.bad)
	r = bitReader{b: nil}
	r.symbol(c)
	assert.True(t, r.bad, "reading past the block")
}

func TestSymbolCodeRejects(t *testing.T) {
	for _, lengths := range [][]uint8{
		{1, 1, 1},         // over-subscribed: three one-bit codes
		{2, 2, 2, 2, 2},   // five two-bit codes
		{0, 0, 0, 0},      // no symbol has a code
		{maxCodeBits + 1}, // too long to read
	} {
		assert.Nil(t, newSymbolCode(lengths), "%v", lengths)
	}
}

// A manifest whose posting code is no prefix code is refused.
func TestManifestWithoutAPrefixCodeIsRefused(t *testing.T) {
	_, m, _ := cut(t, DefaultOptions())
	m.Fields[index.FieldClaim].Codes[1] = append([]uint8(nil), m.Fields[index.FieldClaim].Codes[1]...)
	for s := range m.Fields[index.FieldClaim].Codes[1] {
		m.Fields[index.FieldClaim].Codes[1][s] = 1
	}
	_, err := Open(m.Encode())
	assert.ErrorContains(t, err, "manifest")
	assert.ErrorContains(t, err, errCorrupt.Error())
	_, err = DecodeManifest(m.Encode())
	assert.ErrorContains(t, err, errCorrupt.Error())
	m.Fields[index.FieldClaim].Codes[1] = m.Fields[index.FieldClaim].Codes[1][:3]
	_, err = DecodeManifest(m.Encode())
	assert.ErrorContains(t, err, errCorrupt.Error(), "a code for other length bits")
}

// Every list a reader reads gives back what the writer kept: the same
// claims, tfs and length codes, in lists kept whole and in cut ones (a
// layout cutting most of the default corpus's lists).
func TestPostingsRoundTrip(t *testing.T) {
	opt := DefaultOptions()
	opt.Keep = [index.NumFields]int{2, 1, 1}
	opt.LengthBits = [index.NumFields]int{4, 3, 0}
	opt.Reorder = false // the lists in x's own claim ids
	x, m, parts := cut(t, opt)
	c, err := Open(m.Encode())
	require.NoError(t, err)
	for name, data := range parts {
		if strings.HasPrefix(name, "x") || strings.HasPrefix(name, "s") || strings.HasPrefix(name, "g") || strings.HasPrefix(name, "h") {
			require.NoError(t, c.Add(m.Build+"/"+name, data), name)
		}
	}
	w := &writer{x: x, m: m}
	lists, cuts := 0, 0
	for f := range x.Fields {
		fld := &x.Fields[f]
		table := c.codes[f].lengths
		for term := range fld.NumTerms() {
			l := c.lists[listKey(f, fld.Term(term))]
			require.NotNil(t, l, "field %d, %q", f, fld.Term(term))
			assert.EqualValues(t, fld.DF(term), l.df)
			var want []uint32
			for _, p := range w.kept(f, term) {
				length := table[0]
				if m.Fields[f].LengthBits > 0 {
					length = table[w.symbol(f, p)&(len(table)-1)]
				}
				want = append(want, uint32(p.doc), uint32(p.tf), length)
			}
			require.Equal(t, want, l.postings, "field %d, %q", f, fld.Term(term))
			if len(want) > 0 {
				lists++
				if len(want)/3 < fld.DF(term) {
					cuts++
				}
			}
		}
	}
	t.Logf("%d lists read, %d of them cut", lists, cuts)
	assert.Greater(t, cuts, 40, "cut lists read")
	assert.Greater(t, lists-cuts, 100, "whole lists read")
}
