package index

// The compiled index format (.fcx), version 2. All integers are unsigned
// LEB128 varints ("uvarint") unless stated; strings are a uvarint byte
// length followed by UTF-8 bytes.
//
//	offset 0   magic    "FCIX" (4 bytes)
//	offset 4   version  uint16 little-endian, currently 2 (1 is still read)
//	offset 6   flags    uint16 little-endian, 0 (reserved)
//	offset 8   body     see below
//	last 4     checksum CRC-32 (IEEE) of every byte before it, uint32 LE
//
// body:
//
//	meta       uvarint n, then n (key string, value string) pairs
//	claims     uvarint N, then N records of 12 strings (ID, Text, Title,
//	           Context, Rating, Publisher, PublisherSite, URL, ReviewDate,
//	           Claimant, ClaimDate, Language) and one verdict byte
//	fields     NumFields (3) times: kind byte, uvarint T (terms), string
//	           of all terms concatenated in byte order, T uvarint term
//	           lengths, T uvarint document frequencies, T uvarint postings
//	           lengths, string of all postings (per term, uvarint pairs of
//	           (doc id delta - 1, term frequency)), N uvarint doc lengths
//	forward    N times: uvarint n, n uvarint term ids of the claim field
//	duplicates N uvarints: d - (first claim with d's text)
//	sections   (version 2) uvarint n, then n (name string, data string)
//	           pairs in name order: knowledge other packages compile from
//	           the corpus and keep with it (Index.Sections); a reader skips
//	           names it does not know
//
// The reader (Decode) uses neither fmt nor encoding/json, so it links into
// a small wasm. Any truncation, bit flip or out-of-range value is an error.

import (
	"bytes"
	"errors"
	"hash/crc32"
	"io"
	"sort"
	"strconv"

	"github.com/factcheckwidget/factcheck/internal/claim"
)

// Magic starts every compiled index.
const Magic = "FCIX"

// Version is the format version this package writes; it also reads
// version 1 (an index without sections).
const Version = 2

const headerLen = 8

// Encode serialises the index in the format above.
func (x *Index) Encode() []byte {
	var buf bytes.Buffer
	x.WriteTo(&buf) // a bytes.Buffer does not fail
	return buf.Bytes()
}

// WriteTo writes the index in the format above to w as it goes, so
// writing an index costs no copy of it in memory (a 200,000-claim index is
// 160 MB).
func (x *Index) WriteTo(w io.Writer) (int64, error) {
	e := &encoder{w: w, b: make([]byte, 0, encodeChunk+1024)}
	e.b = append(e.b, Magic...)
	e.b = append(e.b, byte(Version), byte(Version>>8), 0, 0)
	keys := make([]string, 0, len(x.Meta))
	for k := range x.Meta {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	e.b = appendUvarint(e.b, uint64(len(keys)))
	for _, k := range keys {
		e.b = appendString(e.b, k)
		e.b = appendString(e.b, x.Meta[k])
	}
	e.b = appendUvarint(e.b, uint64(len(x.claims)))
	for i := range x.claims {
		c := &x.claims[i]
		for _, s := range [...]string{c.ID, c.Text, c.Title, c.Context, c.Rating, c.Publisher, c.PublisherSite,
			c.URL, c.ReviewDate, c.Claimant, c.ClaimDate, c.Language} {
			e.b = appendString(e.b, s)
		}
		e.b = append(e.b, byte(c.Verdict))
		e.flushFull()
	}
	for f := range x.Fields {
		x.Fields[f].encode(e)
	}
	for _, ids := range x.forward {
		e.b = appendUvarint(e.b, uint64(len(ids)))
		for _, id := range ids {
			e.b = appendUvarint(e.b, uint64(id))
		}
		e.flushFull()
	}
	for d, first := range x.Duplicates {
		e.b = appendUvarint(e.b, uint64(d-int(first)))
		e.flushFull()
	}
	names := make([]string, 0, len(x.Sections))
	for n := range x.Sections {
		names = append(names, n)
	}
	sort.Strings(names)
	e.b = appendUvarint(e.b, uint64(len(names)))
	for _, n := range names {
		e.b = appendString(e.b, n)
		e.blob(x.Sections[n])
	}
	e.flush()
	sum := e.crc
	e.b = append(e.b, byte(sum), byte(sum>>8), byte(sum>>16), byte(sum>>24))
	e.write(e.b)
	return e.n, e.err
}

// encodeChunk is how much encoded data WriteTo gathers before writing it.
const encodeChunk = 64 << 10

// encoder buffers an index's encoding, writes it in chunks and keeps the
// running CRC-32 of what it wrote.
type encoder struct {
	w   io.Writer
	b   []byte
	crc uint32
	n   int64
	err error
}

func (e *encoder) write(p []byte) {
	if e.err != nil {
		return
	}
	var n int
	n, e.err = e.w.Write(p)
	e.n += int64(n)
}

// flush writes the buffered bytes, adding them to the checksum.
func (e *encoder) flush() {
	e.crc = crc32.Update(e.crc, crc32.IEEETable, e.b)
	e.write(e.b)
	e.b = e.b[:0]
}

func (e *encoder) flushFull() {
	if len(e.b) >= encodeChunk {
		e.flush()
	}
}

// blob writes a length-prefixed byte string without copying it into the
// buffer.
func (e *encoder) blob(p []byte) {
	e.b = appendUvarint(e.b, uint64(len(p)))
	e.flush()
	e.crc = crc32.Update(e.crc, crc32.IEEETable, p)
	e.write(p)
}

func (f *Field) encode(e *encoder) {
	e.b = append(e.b, byte(f.Kind))
	e.b = appendUvarint(e.b, uint64(f.numTerms))
	e.blob(f.terms)
	prev := uint32(0)
	for _, end := range f.termEnd {
		e.b = appendUvarint(e.b, uint64(end-prev))
		prev = end
		e.flushFull()
	}
	for _, df := range f.df {
		e.b = appendUvarint(e.b, uint64(df))
		e.flushFull()
	}
	prev = 0
	for _, end := range f.postEnd {
		e.b = appendUvarint(e.b, uint64(end-prev))
		prev = end
		e.flushFull()
	}
	e.blob(f.post)
	for _, l := range f.DocLen {
		e.b = appendUvarint(e.b, uint64(l))
		e.flushFull()
	}
}

// Errors returned by Decode.
var (
	ErrNotIndex      = errors.New("not a compiled fact-check index (bad magic bytes)")
	ErrVersion       = errors.New("compiled index has an unsupported format version")
	ErrChecksum      = errors.New("compiled index is corrupted (checksum mismatch)")
	ErrTruncated     = errors.New("compiled index is truncated")
	errOutOfBounds   = errors.New("compiled index is corrupted (value out of range)")
	errTooManyClaims = errors.New("compiled index has more than 2,000,000 claims (the limit a reader accepts)")
)

// versionError names the unsupported version and matches ErrVersion under
// errors.Is.
type versionError int

func (v versionError) Error() string {
	return ErrVersion.Error() + " " + strconv.Itoa(int(v)) + " (this build reads version " + strconv.Itoa(Version) + ")"
}

func (v versionError) Unwrap() error { return ErrVersion }

// IsIndex reports whether data starts with the index magic bytes.
func IsIndex(data []byte) bool { return len(data) >= 4 && string(data[:4]) == Magic }

// Decode reads a compiled index. The returned Index shares no memory with
// data beyond what it copies, so the caller may reuse the buffer.
func Decode(data []byte) (*Index, error) {
	if len(data) < 4 || !IsIndex(data) {
		return nil, ErrNotIndex
	}
	if len(data) < headerLen+4 {
		return nil, ErrTruncated
	}
	version := int(data[4]) | int(data[5])<<8
	if version != Version && version != 1 {
		return nil, versionError(version)
	}
	body := data[:len(data)-4]
	want := uint32(data[len(data)-4]) | uint32(data[len(data)-3])<<8 | uint32(data[len(data)-2])<<16 | uint32(data[len(data)-1])<<24
	if crc32.ChecksumIEEE(body) != want {
		return nil, ErrChecksum
	}
	r := &reader{b: body, pos: headerLen}
	x := &Index{Meta: map[string]string{}}
	nMeta := r.count(2)
	for i := 0; i < nMeta && r.err == nil; i++ {
		k := r.str()
		x.Meta[k] = r.str()
	}
	n := r.count(13)
	if n > MaxClaims {
		return nil, errTooManyClaims // before allocating n claims
	}
	x.claims = make([]claim.Claim, n)
	for i := 0; i < n && r.err == nil; i++ {
		c := &x.claims[i]
		for _, p := range [...]*string{&c.ID, &c.Text, &c.Title, &c.Context, &c.Rating, &c.Publisher, &c.PublisherSite,
			&c.URL, &c.ReviewDate, &c.Claimant, &c.ClaimDate, &c.Language} {
			*p = r.str()
		}
		c.Verdict = claim.Verdict(r.byte())
	}
	for f := range x.Fields {
		x.Fields[f] = r.field(n)
		if r.err == nil && x.Fields[f].Kind != fieldKinds[f] {
			r.fail(errOutOfBounds)
		}
	}
	x.forward = r.forward(n, x.Fields[FieldClaim].numTerms)
	x.Duplicates = make([]int32, n)
	for d := 0; d < n && r.err == nil; d++ {
		x.Duplicates[d] = int32(d - int(r.uvarintMax(uint64(d))))
	}
	if version >= 2 {
		ns := r.count(2)
		if ns > 0 {
			x.Sections = make(map[string][]byte, ns)
		}
		for i := 0; i < ns && r.err == nil; i++ {
			name := r.str()
			x.Sections[name] = r.bytes()
		}
	}
	if r.err == nil && r.pos != len(body) {
		r.fail(errOutOfBounds)
	}
	if r.err != nil {
		return nil, r.err
	}
	return x, nil
}

func (r *reader) field(numDocs int) Field {
	f := Field{Kind: FieldKind(r.byte())}
	f.numTerms = r.count(3)
	f.terms = r.bytes()
	f.termEnd = r.cumulative(f.numTerms, uint64(len(f.terms)))
	if r.err == nil && f.numTerms > 0 && int(f.termEnd[f.numTerms-1]) != len(f.terms) {
		r.fail(errOutOfBounds)
	}
	f.df = make([]uint32, f.numTerms)
	for i := range f.df {
		f.df[i] = uint32(r.uvarintMax(uint64(numDocs)))
	}
	ends := r.cumulative(f.numTerms, uint64(len(r.b)))
	f.post = r.bytes()
	if r.err == nil && f.numTerms > 0 && int(ends[f.numTerms-1]) != len(f.post) {
		r.fail(errOutOfBounds)
	}
	f.postEnd = ends
	f.DocLen = make([]uint32, numDocs)
	for i := range f.DocLen {
		f.DocLen[i] = uint32(r.uvarintMax(1 << 20))
	}
	f.AvgLen = averageLen(f.DocLen)
	return f
}

// forward reads n documents' term-id lists over a vocabulary of numTerms.
func (r *reader) forward(n, numTerms int) [][]uint32 {
	out := make([][]uint32, n)
	for d := 0; d < n && r.err == nil; d++ {
		ids := make([]uint32, r.count(1))
		if len(ids) > 0 && numTerms == 0 {
			r.fail(errOutOfBounds)
			break
		}
		for i := range ids {
			ids[i] = uint32(r.uvarintMax(uint64(numTerms) - 1))
		}
		out[d] = ids
	}
	return out
}

// reader decodes the body; the first error sticks and later reads return
// zero values, so decoding code stays linear.
type reader struct {
	b   []byte
	pos int
	err error
}

func (r *reader) fail(err error) {
	if r.err == nil {
		r.err = err
	}
	r.pos = len(r.b)
}

func (r *reader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := uvarint(r.b[r.pos:])
	if n <= 0 {
		if n == 0 {
			r.fail(ErrTruncated)
		} else {
			r.fail(errOutOfBounds)
		}
		return 0
	}
	r.pos += n
	return v
}

func (r *reader) uvarintMax(max uint64) uint64 {
	v := r.uvarint()
	if v > max {
		r.fail(errOutOfBounds)
		return 0
	}
	return v
}

// count reads an element count and checks that the remaining bytes could
// hold that many elements of at least minBytes each, so a corrupted count
// cannot make us allocate gigabytes.
func (r *reader) count(minBytes int) int {
	v := r.uvarint()
	if r.err == nil && v > uint64((len(r.b)-r.pos)/minBytes) {
		r.fail(ErrTruncated)
		return 0
	}
	return int(v)
}

func (r *reader) byte() byte {
	if r.err != nil {
		return 0
	}
	if r.pos >= len(r.b) {
		r.fail(ErrTruncated)
		return 0
	}
	c := r.b[r.pos]
	r.pos++
	return c
}

func (r *reader) bytes() []byte {
	n := r.count(1)
	if r.err != nil {
		return nil
	}
	out := make([]byte, n)
	copy(out, r.b[r.pos:r.pos+n])
	r.pos += n
	return out
}

func (r *reader) str() string {
	n := r.count(1)
	if r.err != nil {
		return ""
	}
	s := string(r.b[r.pos : r.pos+n])
	r.pos += n
	return s
}

// cumulative reads n uvarint lengths and returns their running sums,
// failing if any sum passes max.
func (r *reader) cumulative(n int, max uint64) []uint32 {
	out := make([]uint32, n)
	sum := uint64(0)
	for i := range out {
		// Compare before adding: a huge length must not wrap the sum round
		// to a smaller end, which would make later slices run backwards.
		v := r.uvarint()
		if v > max-sum {
			r.fail(errOutOfBounds)
			return out
		}
		sum += v
		out[i] = uint32(sum)
	}
	return out
}

func appendString(b []byte, s string) []byte {
	b = appendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendUvarint(b []byte, v uint64) []byte {
	for v >= 0x80 {
		b = append(b, byte(v)|0x80)
		v >>= 7
	}
	return append(b, byte(v))
}

// Uvarint decodes an unsigned LEB128 value from the start of b: n > 0
// bytes read, n == 0 buffer too short, n < 0 overflow. The matcher decodes
// postings with it (PostingBytes); it is small enough to inline.
func Uvarint(b []byte) (uint64, int) { return uvarint(b) }

// uvarint decodes an unsigned LEB128 value: n > 0 bytes read, n == 0 buffer
// too short, n < 0 overflow.
func uvarint(b []byte) (uint64, int) {
	var v uint64
	var shift uint
	for i, c := range b {
		if i == 10 {
			return 0, -1
		}
		if c < 0x80 {
			if i == 9 && c > 1 {
				return 0, -1
			}
			return v | uint64(c)<<shift, i + 1
		}
		v |= uint64(c&0x7f) << shift
		shift += 7
	}
	return 0, 0
}
