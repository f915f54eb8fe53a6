package shard

import "github.com/factcheckwidget/factcheck/internal/binfmt"

// Since format version 7 a packed record chunk is stored in three prefix
// codes (Huffman codes fitted at build time; doc.go has the encoding):
// one for the operations' varints, one for the literal bytes, one for the
// copies' distances. An article fetches a thousand records of ~150 bytes
// packed, each its own file: too short for gzip's own codes to pay, while
// the three kinds of bytes are far from uniform (the operations' take 4.6
// bits, the literals' 6.3, the distances' 7.9 on PolitiFact's records).
// Over PolitiFact's 19,250 records a record file took 157 bytes packed
// and 128 coded; one code for all bytes gave 140, two (operations and
// distances together) 133. Coding words from a list of the corpus's
// phrases instead of copies from a dictionary took 128 with 4,096 phrases
// (50 kB of them to fetch) and 118 with 16,384 (164 kB).

// recordsCodes is the sections-part entry holding the three codes' code
// lengths: 256 bytes each, operations, literals, distances.
const recordsCodes = "shard/records-codes"

// The streams of a packed body, each in its code.
const (
	streamOp = iota
	streamLiteral
	streamDistance
	numStreams
)

// packCode is the codes of a packed body's streams, the reader's side.
type packCode [numStreams]*symbolCode

// readPackCode reads the code lengths of the recordsCodes entry; false
// when they are not three prefix codes of 256 symbols each.
func readPackCode(lengths []byte) (*packCode, bool) {
	if len(lengths) != numStreams*256 {
		return nil, false
	}
	var c packCode
	for k := range c {
		if c[k] = newSymbolCode(lengths[k*256 : (k+1)*256]); c[k] == nil {
			return nil, false
		}
	}
	return &c, true
}

// packedStream reads the bytes of a coded packed body.
type packedStream struct {
	r    bitReader
	code *packCode
	left int // bytes of the packed body not read
}

// openPacked opens a coded packed body: varint P, the packed body's
// bytes, then their codes.
func openPacked(code *packCode, src []byte) (*packedStream, bool) {
	p, n := binfmt.Uvarint(src)
	if n <= 0 || p > maxUnpacked || p > 8*uint64(len(src)-n) { // every byte takes a bit at least
		return nil, false
	}
	return &packedStream{r: bitReader{b: src[n:]}, code: code, left: int(p)}, true
}

func (s *packedStream) next(stream int) (byte, bool) {
	if s.left == 0 {
		return 0, false
	}
	s.left--
	b := byte(s.r.symbol(s.code[stream]))
	return b, !s.r.bad
}

// uvarint reads a varint in its shortest form.
func (s *packedStream) uvarint(stream int) (uint64, bool) {
	var v uint64
	for shift := uint(0); shift < 64; shift += 7 {
		b, ok := s.next(stream)
		if !ok || b == 0 && shift > 0 {
			return 0, false
		}
		v |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return v, true
		}
	}
	return 0, false
}

// done reports whether the whole body was read and what follows its last
// code is the zero bits padding its last byte.
func (s *packedStream) done() bool {
	if s.left != 0 || s.r.bad || (s.r.pos+7)/8 != uint(len(s.r.b)) {
		return false
	}
	return s.r.pos%8 == 0 || s.r.b[len(s.r.b)-1]&(1<<(8-s.r.pos%8)-1) == 0
}

// --- the writer's side ------------------------------------------------------

// streamsOf calls f with each byte of packed body p (one the packer
// made) and its stream.
func streamsOf(p []byte, f func(b byte, stream int)) {
	for i := 0; i < len(p); {
		v, n := binfmt.Uvarint(p[i:])
		for _, b := range p[i : i+n] {
			f(b, streamOp)
		}
		i += n
		if v&1 == 0 {
			for end := i + int(v>>1) + 1; i < end; i++ {
				f(p[i], streamLiteral)
			}
			continue
		}
		_, n = binfmt.Uvarint(p[i:])
		for _, b := range p[i : i+n] {
			f(b, streamDistance)
		}
		i += n
	}
}

// packCoder codes packed bodies, the writer's side.
type packCoder struct {
	lengths [numStreams][]uint8
	codes   [numStreams][]uint32
}

// fitPackCoder fits the streams' codes to the packed bodies of a sample,
// every byte given a code (a record outside the sample may hold any).
func fitPackCoder(sample [][]byte) *packCoder {
	var freq [numStreams][]int
	for k := range freq {
		freq[k] = make([]int, 256)
		for b := range freq[k] {
			freq[k][b] = 1
		}
	}
	for _, p := range sample {
		streamsOf(p, func(b byte, stream int) { freq[stream][b]++ })
	}
	c := &packCoder{}
	for k := range freq {
		c.lengths[k] = huffmanLengths(freq[k], maxCodeBits)
		c.codes[k] = canonicalCodes(c.lengths[k])
	}
	return c
}

// encode codes packed body p.
func (c *packCoder) encode(out, p []byte) []byte {
	w := bitWriter{b: binfmt.AppendUvarint(out, uint64(len(p)))}
	streamsOf(p, func(b byte, stream int) { w.write(uint64(c.codes[stream][b]), uint(c.lengths[stream][b])) })
	return w.bytes()
}

// section is the recordsCodes entry.
func (c *packCoder) section() []byte {
	var b []byte
	for _, l := range c.lengths {
		b = append(b, l...)
	}
	return b
}
