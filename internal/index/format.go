package index

// The compiled index format (.fcx), version 2. All integers are unsigned
// LEB128 varints ("uvarint", in their shortest form: a reader refuses
// longer ones) unless stated; strings are a uvarint byte length followed
// by UTF-8 bytes. The byte-level codec is internal/binfmt.
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

	"github.com/factcheckwidget/factcheck/internal/binfmt"
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
	e.b = binfmt.AppendStringMap(e.b, x.Meta)
	e.b = binfmt.AppendUvarint(e.b, uint64(len(x.claims)))
	for i := range x.claims {
		e.b = appendClaim(e.b, &x.claims[i])
		e.flushFull()
	}
	for f := range x.Fields {
		x.Fields[f].encode(e)
	}
	for _, ids := range x.forward {
		e.b = binfmt.AppendUvarint(e.b, uint64(len(ids)))
		for _, id := range ids {
			e.b = binfmt.AppendUvarint(e.b, uint64(id))
		}
		e.flushFull()
	}
	for d, first := range x.Duplicates {
		e.b = binfmt.AppendUvarint(e.b, uint64(d-int(first)))
		e.flushFull()
	}
	names := make([]string, 0, len(x.Sections))
	for n := range x.Sections {
		names = append(names, n)
	}
	sort.Strings(names)
	e.b = binfmt.AppendUvarint(e.b, uint64(len(names)))
	for _, n := range names {
		e.b = binfmt.AppendString(e.b, n)
		e.blob(x.Sections[n])
	}
	e.flush()
	e.write(binfmt.AppendSum(e.b, e.crc))
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
	e.b = binfmt.AppendUvarint(e.b, uint64(len(p)))
	e.flush()
	e.crc = crc32.Update(e.crc, crc32.IEEETable, p)
	e.write(p)
}

func (f *Field) encode(e *encoder) {
	e.b = append(e.b, byte(f.Kind))
	e.b = binfmt.AppendUvarint(e.b, uint64(f.numTerms))
	e.blob(f.terms)
	prev := uint32(0)
	for _, end := range f.termEnd {
		e.b = binfmt.AppendUvarint(e.b, uint64(end-prev))
		prev = end
		e.flushFull()
	}
	for _, df := range f.df {
		e.b = binfmt.AppendUvarint(e.b, uint64(df))
		e.flushFull()
	}
	prev = 0
	for _, end := range f.postEnd {
		e.b = binfmt.AppendUvarint(e.b, uint64(end-prev))
		prev = end
		e.flushFull()
	}
	e.blob(f.post)
	for _, l := range f.DocLen {
		e.b = binfmt.AppendUvarint(e.b, uint64(l))
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
	body, ok := binfmt.Checksummed(data)
	if !ok {
		return nil, ErrChecksum
	}
	r := &reader{binfmt.NewReader(body[headerLen:], ErrTruncated, errOutOfBounds)}
	x := &Index{Meta: r.StringMap()}
	n := r.Count(13)
	if n > MaxClaims {
		return nil, errTooManyClaims // before allocating n claims
	}
	x.claims = make([]claim.Claim, n)
	for i := 0; i < n && r.Err() == nil; i++ {
		readClaim(&r.Reader, &x.claims[i])
	}
	for f := range x.Fields {
		x.Fields[f] = r.field(n)
		if r.Err() == nil && x.Fields[f].Kind != fieldKinds[f] {
			r.Corrupt()
		}
	}
	x.forward = r.forward(n, x.Fields[FieldClaim].numTerms)
	x.Duplicates = make([]int32, n)
	for d := 0; d < n && r.Err() == nil; d++ {
		x.Duplicates[d] = int32(d - r.Int(d))
	}
	if version >= 2 {
		ns := r.Count(2)
		if ns > 0 {
			x.Sections = make(map[string][]byte, ns)
		}
		for i := 0; i < ns && r.Err() == nil; i++ {
			name := r.Str()
			x.Sections[name] = r.Bytes()
		}
	}
	if err := r.Done(); err != nil {
		return nil, err
	}
	return x, nil
}

// appendClaim appends a claim record as the index stores it: 12 strings
// (ID, Text, Title, Context, Rating, Publisher, PublisherSite, URL,
// ReviewDate, Claimant, ClaimDate, Language) and the verdict byte.
func appendClaim(b []byte, c *claim.Claim) []byte {
	for _, s := range [...]string{c.ID, c.Text, c.Title, c.Context, c.Rating, c.Publisher, c.PublisherSite,
		c.URL, c.ReviewDate, c.Claimant, c.ClaimDate, c.Language} {
		b = binfmt.AppendString(b, s)
	}
	return append(b, byte(c.Verdict))
}

// readClaim reads a record appendClaim wrote into c.
func readClaim(r *binfmt.Reader, c *claim.Claim) {
	for _, p := range [...]*string{&c.ID, &c.Text, &c.Title, &c.Context, &c.Rating, &c.Publisher, &c.PublisherSite,
		&c.URL, &c.ReviewDate, &c.Claimant, &c.ClaimDate, &c.Language} {
		*p = r.Str()
	}
	c.Verdict = claim.Verdict(r.Byte())
}

// reader is the index's decoder: binfmt's, with the index's own tables.
type reader struct{ binfmt.Reader }

func (r *reader) field(numDocs int) Field {
	f := Field{Kind: FieldKind(r.Byte())}
	f.numTerms = r.Count(3)
	f.terms = r.Bytes()
	f.termEnd = r.cumulative(f.numTerms, uint64(len(f.terms)))
	if r.Err() == nil && f.numTerms > 0 && int(f.termEnd[f.numTerms-1]) != len(f.terms) {
		r.Corrupt()
	}
	f.df = make([]uint32, f.numTerms)
	for i := range f.df {
		f.df[i] = uint32(r.Int(numDocs))
	}
	ends := r.cumulative(f.numTerms, uint64(r.Left()))
	f.post = r.Bytes()
	if r.Err() == nil && f.numTerms > 0 && int(ends[f.numTerms-1]) != len(f.post) {
		r.Corrupt()
	}
	f.postEnd = ends
	f.DocLen = make([]uint32, numDocs)
	for i := range f.DocLen {
		f.DocLen[i] = uint32(r.Int(1 << 20))
	}
	f.AvgLen = averageLen(f.DocLen)
	return f
}

// forward reads n documents' term-id lists over a vocabulary of numTerms.
func (r *reader) forward(n, numTerms int) [][]uint32 {
	out := make([][]uint32, n)
	for d := 0; d < n && r.Err() == nil; d++ {
		ids := make([]uint32, r.Count(1))
		if len(ids) > 0 && numTerms == 0 {
			r.Corrupt()
			break
		}
		for i := range ids {
			ids[i] = uint32(r.Int(numTerms - 1))
		}
		out[d] = ids
	}
	return out
}

// cumulative reads n uvarint lengths and returns their running sums,
// failing if any sum passes max.
func (r *reader) cumulative(n int, max uint64) []uint32 {
	out := make([]uint32, n)
	sum := uint64(0)
	for i := range out {
		// Compare before adding: a huge length must not wrap the sum round
		// to a smaller end, which would make later slices run backwards.
		v := r.Uvarint()
		if v > max-sum {
			r.Corrupt()
			return out
		}
		sum += v
		out[i] = uint32(sum)
	}
	return out
}
