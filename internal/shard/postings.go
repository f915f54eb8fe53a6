package shard

import (
	"math"
	"math/bits"
)

// Postings are bit-packed (format version 3; in version 2, varints and a
// length byte, 3 bytes a posting, 4-gram lists were two thirds of what an
// article fetched). A claim id gap takes an Exp-Golomb code of the order
// that suits the list, the claim's length a few bits or none (LengthBits):
// on PolitiFact's 19,250 claims a 4-gram posting takes 11.8 bits and a
// stem posting with 4 bits of length 15-15.5. Since version 6 a posting's
// length code and whether its tf exceeds 1 are one symbol of a prefix code
// fitted to the field (a Huffman code): claims' lengths crowd around the
// average and few tfs exceed 1, so the 5 bits these took shrink to near
// their entropy, ~2.7 bits over what the dev slices fetch at 300,000
// claims (stem buckets 844 -> 710 kB an article; docs/scale.md).

// maxLengthBits bounds a field's LengthBits.
const maxLengthBits = 8

// lengthSpan: the codes of a field cover lengths from 1/lengthSpan of its
// average to lengthSpan times it; longer and shorter claims share the
// last and first codes.
const lengthSpan = 21

// lengthStepFor is the ratio between lengths of successive codes of a
// field whose postings give lengths in bits bits.
func lengthStepFor(bits int) float64 {
	return math.Exp(math.Log(lengthSpan) / float64(int(1)<<bits/2))
}

// lengthCode is the code of length n in a field of average length avg:
// round(ln(n/avg)/ln(step)) + 2^bits/2, within 0 and 2^bits − 1.
func lengthCode(n uint32, avg, step float64, bits int) uint64 {
	mid := float64(int(1) << bits / 2)
	c := math.Round(math.Log(float64(n)/avg)/math.Log(step)) + mid
	return uint64(min(max(c, 0), 2*mid-1))
}

// lengthTable is the length each code of a field stands for, by
// multiplication (math.Pow would add its code to the widget's wasm); for
// a field whose postings give no length (bits 0), its average.
func lengthTable(avg, step float64, bits int) []uint32 {
	out := make([]uint32, 1<<bits)
	v := avg
	for range len(out) / 2 {
		v /= step
	}
	for c := range out {
		out[c] = uint32(max(v+0.5, 1))
		v *= step
	}
	return out
}

// bitWriter appends bits to a byte slice, most significant first.
type bitWriter struct {
	b    []byte
	acc  uint64 // pending bits, right-aligned
	nacc uint
}

// write appends the low n (≤ 56) bits of v.
func (w *bitWriter) write(v uint64, n uint) {
	w.acc = w.acc<<n | v&(1<<n-1)
	w.nacc += n
	for w.nacc >= 8 {
		w.nacc -= 8
		w.b = append(w.b, byte(w.acc>>w.nacc))
	}
}

// expGolomb appends v in the Exp-Golomb code of order k: v + 2^k written
// in its n bits, after n−k−1 zero bits.
func (w *bitWriter) expGolomb(v uint64, k uint) {
	v += 1 << k
	n := uint(bits.Len64(v))
	w.write(0, n-k-1)
	w.write(v, n)
}

// bytes pads the last byte with zero bits and returns the bytes.
func (w *bitWriter) bytes() []byte {
	if w.nacc > 0 {
		w.write(0, 8-w.nacc)
	}
	return w.b
}

// expGolombBits is the length of v's Exp-Golomb code of order k.
func expGolombBits(v uint64, k uint) int {
	return 2*bits.Len64(v+1<<k) - int(k) - 1
}

// bestOrder is the Exp-Golomb order that codes gaps in the fewest bits.
func bestOrder(gaps []uint64) uint {
	best, bestBits := uint(0), -1
	for k := uint(0); k < 32; k++ {
		n := 0
		for _, g := range gaps {
			n += expGolombBits(g, k)
		}
		if bestBits >= 0 && n >= bestBits {
			break // the cost is convex in k
		}
		best, bestBits = k, n
	}
	return best
}

// bitReader reads what bitWriter wrote. Reading past the end sets bad and
// returns zeros.
type bitReader struct {
	b   []byte
	pos uint // in bits
	bad bool
}

// read returns the next n (≤ 56) bits.
func (r *bitReader) read(n uint) uint64 {
	var v uint64
	for n > 0 {
		i := r.pos >> 3
		if i >= uint(len(r.b)) {
			r.bad = true
			return 0
		}
		avail := 8 - r.pos&7
		take := min(avail, n)
		v = v<<take | uint64(r.b[i]>>(avail-take))&(1<<take-1)
		r.pos += take
		n -= take
	}
	return v
}

// peek returns the next fastBits bits without reading them, zeros past
// the end.
func (r *bitReader) peek() uint {
	i, w := r.pos>>3, uint(0)
	if i < uint(len(r.b)) {
		w = uint(r.b[i]) << 8
	}
	if i+1 < uint(len(r.b)) {
		w |= uint(r.b[i+1])
	}
	return w >> (16 - r.pos&7 - fastBits) & (1<<fastBits - 1) // fastBits + 7 ≤ 16
}

// postingCode is how a field's postings give their tf and length: a
// symbol s of code[0] in a list kept whole, of code[1] in a cut one (the
// length code s & (len(lengths) − 1), and tf > 1 when s ≥ len(lengths)),
// lengths what each length code stands for.
type postingCode struct {
	lengths []uint32
	code    [2]*symbolCode
}

// maxCodeBits bounds the length of a posting symbol's code.
const maxCodeBits = 15

// symbolCode decodes a canonical prefix code: the codes of each length
// are consecutive, shorter codes first, and within a length in symbol
// order, so the code's lengths alone define it (as in deflate).
type symbolCode struct {
	count   [maxCodeBits + 1]uint16 // symbols with a code of each length
	symbols []uint8                 // the symbols by code
	// fast is the symbol and code length (symbol<<4 | length) of the code
	// the next fastBits bits start with, 0 when that code is longer (or
	// none): most symbols are read with one lookup instead of a bit at a
	// time (an article's records and lists are a few million bits). On a
	// record's text in its literals' code, 5-8 ns a symbol natively
	// against 14-22 bit by bit. The widget's wasm measured 715.4 kB brotli
	// with it, 715.7 without.
	fast [1 << fastBits]uint16
}

// fastBits is how many bits symbolCode.fast looks up at once.
const fastBits = 9

// newSymbolCode makes the code whose symbol s has a code of lengths[s]
// bits (0, or over maxCodeBits: s has none), or nil when no prefix code
// has these lengths or none has a code.
func newSymbolCode(lengths []uint8) *symbolCode {
	c := &symbolCode{}
	room := 1 // codes of the current length not yet taken (Kraft)
	for l := 1; l <= maxCodeBits; l++ {
		room <<= 1
		for s, sl := range lengths {
			if int(sl) == l {
				c.symbols = append(c.symbols, uint8(s))
				c.count[l]++
				room--
			}
		}
	}
	if room < 0 || len(c.symbols) == 0 {
		return nil
	}
	code, at := 0, 0
	for l := 1; l <= fastBits; l++ {
		for range c.count[l] {
			span := 1 << (fastBits - l)
			for i := code * span; i < (code+1)*span; i++ {
				c.fast[i] = uint16(c.symbols[at])<<4 | uint16(l)
			}
			code++
			at++
		}
		code <<= 1
	}
	return c
}

// symbol reads one symbol of code c; a code c lacks sets bad.
func (r *bitReader) symbol(c *symbolCode) int {
	if e := c.fast[r.peek()]; e != 0 {
		if r.pos += uint(e & 15); r.pos > 8*uint(len(r.b)) {
			r.bad = true
			return 0
		}
		return int(e >> 4)
	}
	code, first, at := 0, 0, 0
	for l := 1; l <= maxCodeBits; l++ {
		code |= int(r.read(1))
		n := int(c.count[l])
		if code-first < n {
			return int(c.symbols[at+code-first])
		}
		at += n
		first = (first + n) << 1
		code <<= 1
	}
	r.bad = true
	return 0
}

// maxGolombBits bounds an Exp-Golomb code's prefix and value bits (z + k):
// a claim id gap or a tf is far below 2^40.
const maxGolombBits = 40

// decodePostings appends the n postings of a bit-packed block (the order
// of its gaps' code in its first 5 bits, then each posting's gap, symbol
// of code and, when the symbol says tf > 1, tf − 2 in order 0) to out as
// (claim id, tf, length) triples; false when the block is damaged: it
// ends before n postings, has more than padding after them, or names a
// claim id of claims or over or a tf over maxFieldLen.
//
// It reads the block 64 bits at a time, in one function with no calls a
// posting (the widget's wasm is built without inlining, mk/widget.mk): an
// article adds ~600,000 postings at 300,000 claims. Adding the stem
// buckets of an article (220 at 300,000 claims) took 12.8-13.5 ms
// natively against 18.6-19.6 with the bit at a time reader it replaced
// (one bitReader.read call a bit of a gap's prefix; FuzzDecodePostings
// holds the two to the same answers), and in the widget's wasm 72-104 ms
// against 86-138 once V8 has optimised it; in V8's baseline code, where
// a page's first check mostly runs, the two take the same
// (docs/scale.md).
func decodePostings(block []byte, n, claims int, lengths []uint32, code *symbolCode, out []uint32) ([]uint32, bool) {
	// acc holds the next bits, most significant first, with zeros after
	// the block's end; nacc counts them (each loop "for nacc <= 56" tops
	// it up a byte at a time); used counts the bits read. The top-up is
	// written out before each read rather than called: one loop over a
	// posting's steps with a single top-up took 15.6-17.2 ms against
	// 12.8-13.5 for the benchmark above.
	var acc uint64
	var nacc, used uint
	next := 0
	for nacc <= 56 {
		if next < len(block) {
			acc |= uint64(block[next]) << (56 - nacc)
			next++
		}
		nacc += 8
	}
	k := uint(acc >> 59)
	acc, nacc, used = acc<<5, nacc-5, 5
	total := uint(len(block)) * 8
	doc := uint64(0)
	for range n {
		// The gap: z zeros, then z+k bits after the leading one.
		for nacc <= 56 {
			if next < len(block) {
				acc |= uint64(block[next]) << (56 - nacc)
				next++
			}
			nacc += 8
		}
		z := uint(bits.LeadingZeros64(acc))
		if z+k > maxGolombBits {
			return nil, false
		}
		acc, nacc, used = acc<<(z+1), nacc-(z+1), used+z+1
		for nacc <= 56 {
			if next < len(block) {
				acc |= uint64(block[next]) << (56 - nacc)
				next++
			}
			nacc += 8
		}
		w := z + k
		doc += (1<<w | acc>>(64-w)) - 1<<k // acc>>64 is 0 in Go
		acc, nacc, used = acc<<w, nacc-w, used+w
		// The symbol: one lookup of fastBits bits, else bit by bit.
		for nacc <= 56 {
			if next < len(block) {
				acc |= uint64(block[next]) << (56 - nacc)
				next++
			}
			nacc += 8
		}
		sym := -1
		if e := code.fast[acc>>(64-fastBits)]; e != 0 {
			l := uint(e & 15)
			acc, nacc, used, sym = acc<<l, nacc-l, used+l, int(e>>4)
		} else {
			c, first, at := 0, 0, 0
			for l := 1; l <= maxCodeBits; l++ {
				c |= int(acc >> 63)
				acc, nacc, used = acc<<1, nacc-1, used+1
				cnt := int(code.count[l])
				if c-first < cnt {
					sym = int(code.symbols[at+c-first])
					break
				}
				at += cnt
				first = (first + cnt) << 1
				c <<= 1
			}
			if sym < 0 {
				return nil, false
			}
		}
		tf := uint64(1)
		if sym >= len(lengths) { // tf − 2 in order 0
			for nacc <= 56 {
				if next < len(block) {
					acc |= uint64(block[next]) << (56 - nacc)
					next++
				}
				nacc += 8
			}
			z := uint(bits.LeadingZeros64(acc))
			if z > maxGolombBits {
				return nil, false
			}
			acc, nacc, used = acc<<(z+1), nacc-(z+1), used+z+1
			for nacc <= 56 {
				if next < len(block) {
					acc |= uint64(block[next]) << (56 - nacc)
					next++
				}
				nacc += 8
			}
			tf = (1<<z | acc>>(64-z)) - 1 + 2
			acc, nacc, used = acc<<z, nacc-z, used+z
		}
		if used > total || doc >= uint64(claims) || tf > maxFieldLen {
			return nil, false
		}
		out = append(out, uint32(doc), uint32(tf), lengths[sym&(len(lengths)-1)])
		doc++
	}
	return out, used+7 >= total // no more than padding left
}
