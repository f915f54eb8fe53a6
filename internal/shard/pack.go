package shard

import (
	"sort"
	"strings"

	"github.com/factcheckwidget/factcheck/internal/binfmt"
)

// Claim records are packed against a dictionary of the corpus's frequent
// phrases (doc.go has the encoding): an article fetches the records of
// hundreds of claims scattered over the corpus, one file each, too short
// for gzip to find repeats in (it saved 11 %), while a claim's words are
// mostly the corpus's common phrases. The dictionary is learned at build
// time and fetched once, in the sections part. Hand-written rather than a
// library's: unpacking is ~40 lines in the widget's wasm, and no Go LZ
// library both packs against a preset dictionary and unpacks in a few
// hundred bytes of code (compress/flate's reader, which takes a preset
// dictionary, adds 21 kB brotli to a minimal wasm program; the widget's
// has under 1 kB of room).

// recordsDictionary is the sections-part entry holding the dictionary.
const recordsDictionary = "shard/records"

const minCopy = 4

// maxUnpacked bounds an unpacked record chunk (a crafted part must not
// exhaust memory); a chunk of one claim is a few hundred bytes.
const maxUnpacked = 1 << 24

// unpack unpacks the coded packed body src reads against dict; false when
// it is not a valid packing.
func unpack(dict []byte, src *packedStream) ([]byte, bool) {
	out := make([]byte, 0, min(2*src.left, 1<<16))
	for src.left > 0 {
		v, ok := src.uvarint(streamOp)
		if !ok || v > maxUnpacked {
			return nil, false
		}
		size := int(v>>1) + 1
		if v&1 == 0 {
			if size > src.left || len(out)+size > maxUnpacked {
				return nil, false
			}
			for range size {
				b, _ := src.next(streamLiteral)
				out = append(out, b)
			}
			continue
		}
		size += minCopy - 1
		d, ok := src.uvarint(streamDistance)
		if !ok || d == 0 || d > uint64(len(dict)+len(out)) || len(out)+size > maxUnpacked {
			return nil, false
		}
		from := len(dict) + len(out) - int(d)
		for j := 0; j < size; j++ {
			if p := from + j; p < len(dict) {
				out = append(out, dict[p])
			} else {
				out = append(out, out[p-len(dict)])
			}
		}
	}
	return out, src.done()
}

// --- packing (the writer's side) --------------------------------------------

// packer packs bodies against a dictionary: greedy, each copy the one of
// most bytes saved among the latest positions sharing its first 4 bytes.
type packer struct {
	dict []byte
	at   map[uint32][]int32 // dictionary positions by their first 4 bytes, nearest the end first
}

// packChain bounds the positions tried for a copy.
const packChain = 48

func newPacker(dict []byte) *packer {
	p := &packer{dict: dict, at: map[uint32][]int32{}}
	for i := len(dict) - minCopy; i >= 0; i-- {
		if k := key4(dict[i:]); len(p.at[k]) < packChain {
			p.at[k] = append(p.at[k], int32(i))
		}
	}
	return p
}

func key4(b []byte) uint32 {
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

// varintLen is the bytes of v as a varint (without encoding it: the
// packer asks for every copy it tries).
func varintLen(v int) int {
	n := 1
	for ; v >= 0x80; v >>= 7 {
		n++
	}
	return n
}

// copyAt is the copy of most bytes saved at position at of window w
// (gain: bytes saved over literals; 0 when none saves any).
func (p *packer) copyAt(w []byte, at int, own map[uint32][]int32) (size, dist, gain int) {
	if at+minCopy > len(w) {
		return 0, 0, 0
	}
	k := key4(w[at:])
	try := func(q int32) {
		n := 0
		for at+n < len(w) && w[int(q)+n] == w[at+n] {
			n++
		}
		d := at - int(q)
		if g := n - varintLen((n-minCopy)<<1|1) - varintLen(d); n >= minCopy && g > gain {
			size, dist, gain = n, d, g
		}
	}
	for _, q := range own[k] {
		try(q)
	}
	for _, q := range p.at[k] {
		try(q)
	}
	return size, dist, gain
}

func (p *packer) pack(src []byte) []byte {
	w := append(append(make([]byte, 0, len(p.dict)+len(src)), p.dict...), src...)
	base := len(p.dict)
	own := map[uint32][]int32{} // positions of src in w, latest first
	var out []byte
	lit := 0 // start of the pending literal run
	flush := func(end int) {
		for lit < end {
			n := min(end-lit, 1<<16)
			out = binfmt.AppendUvarint(out, uint64(n-1)<<1)
			out = append(out, src[lit:lit+n]...)
			lit += n
		}
	}
	remember := func(i int) {
		if i+minCopy <= len(src) {
			k := key4(src[i:])
			l := own[k]
			if len(l) == packChain { // only the latest are tried
				l = l[:packChain-1]
			}
			own[k] = append([]int32{int32(base + i)}, l...)
		}
	}
	for i := 0; i < len(src); {
		size, dist, gain := p.copyAt(w, base+i, own)
		// A copy must save more than the literal run's op byte it may
		// split. (Waiting for a better copy at the next byte saved 0.6 %.)
		if gain <= 1 {
			remember(i)
			i++
			continue
		}
		flush(i)
		out = binfmt.AppendUvarint(out, uint64(size-minCopy)<<1|1)
		out = binfmt.AppendUvarint(out, uint64(dist))
		for j := 0; j < size; j++ {
			remember(i + j)
		}
		i += size
		lit = i
	}
	flush(len(src))
	return out
}

// trainDictionary learns a dictionary of at most size bytes from sample
// bodies: the runs of 1 to 5 words (each with the spaces and punctuation
// after it) that recur in them, by the bytes a copy of each would save
// over the sample, skipping any already inside a chosen one, the most
// saving last (nearest the packed text: shorter distances).
func trainDictionary(sample [][]byte, size int) []byte {
	counts := map[string]int{}
	for _, b := range sample {
		st := wordStarts(b)
		for i := 0; i+1 < len(st); i++ {
			for n := 1; n <= 5 && i+n < len(st) && st[i+n]-st[i] <= 48; n++ {
				counts[string(b[st[i]:st[i+n]])]++
			}
		}
	}
	type phrase struct {
		s    string
		save int
	}
	var ps []phrase
	for s, c := range counts {
		if c >= 3 && len(s) > minCopy {
			ps = append(ps, phrase{s, c * (len(s) - 3)})
		}
	}
	sort.Slice(ps, func(i, j int) bool {
		if ps[i].save != ps[j].save {
			return ps[i].save > ps[j].save
		}
		return ps[i].s < ps[j].s
	})
	var chosen []string
	var all strings.Builder
	total := 0
	for _, p := range ps {
		if total > size-minCopy {
			break
		}
		if total+len(p.s) > size || strings.Contains(all.String(), p.s) {
			continue
		}
		chosen = append(chosen, p.s)
		all.WriteString(p.s)
		all.WriteByte(0)
		total += len(p.s)
	}
	dict := make([]byte, 0, total)
	for i := len(chosen) - 1; i >= 0; i-- {
		dict = append(dict, chosen[i]...)
	}
	return dict
}

// wordStarts returns where each word of b starts (a run of letters, digits
// or non-ASCII bytes, then the other bytes after it), and len(b).
func wordStarts(b []byte) []int {
	isWord := func(c byte) bool {
		return c >= 0x80 || (c|0x20 >= 'a' && c|0x20 <= 'z') || (c >= '0' && c <= '9')
	}
	var starts []int
	for i := 0; i < len(b); {
		starts = append(starts, i)
		for i < len(b) && isWord(b[i]) {
			i++
		}
		for i < len(b) && !isWord(b[i]) {
			i++
		}
	}
	return append(starts, len(b))
}
