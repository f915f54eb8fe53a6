package binfmt

import "math"

// Reader decodes a body. The first error sticks: later reads return zero
// values, so a decoder reads straight through and checks Err once. Every
// count and length is checked against the bytes left, so a corrupted
// count cannot allocate gigabytes.
type Reader struct {
	b   []byte
	pos int
	err error
	// truncated is the error for data that ends too soon, corrupt for a
	// value out of range; each format names its own.
	truncated, corrupt error
}

// NewReader reads b, failing with truncated when b ends before a value
// does and with corrupt when a value is out of range.
func NewReader(b []byte, truncated, corrupt error) Reader {
	return Reader{b: b, truncated: truncated, corrupt: corrupt}
}

// Err returns the first error.
func (r *Reader) Err() error { return r.err }

// Fail records err unless an error came first, and stops reading.
func (r *Reader) Fail(err error) {
	if r.err == nil {
		r.err = err
	}
	r.pos = len(r.b)
}

// Corrupt fails with the reader's out-of-range error.
func (r *Reader) Corrupt() { r.Fail(r.corrupt) }

// Left returns how many bytes are not read yet.
func (r *Reader) Left() int { return len(r.b) - r.pos }

// Uvarint reads a varint. One written longer than it needs ("\x80\x00"
// for 0) is corrupt: AppendUvarint never writes one, so each value has
// one encoding and a file decodes and encodes back to the same bytes.
func (r *Reader) Uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := Uvarint(r.b[r.pos:])
	if n <= 0 {
		if n == 0 {
			r.Fail(r.truncated)
		} else {
			r.Fail(r.corrupt)
		}
		return 0
	}
	if n > 1 && r.b[r.pos+n-1] == 0 {
		r.Fail(r.corrupt)
		return 0
	}
	r.pos += n
	return v
}

// UvarintMax reads a varint that must be at most max.
func (r *Reader) UvarintMax(max uint64) uint64 {
	v := r.Uvarint()
	if v > max {
		r.Fail(r.corrupt)
		return 0
	}
	return v
}

// Int reads a varint that must be at most max.
func (r *Reader) Int(max int) int { return int(r.UvarintMax(uint64(max))) }

// Count reads a number of elements of at least minBytes each; more than
// the bytes left can hold means the data ends too soon.
func (r *Reader) Count(minBytes int) int {
	v := r.Uvarint()
	if r.err == nil && v > uint64(r.Left()/minBytes) {
		r.Fail(r.truncated)
		return 0
	}
	return int(v)
}

// Byte reads one byte.
func (r *Reader) Byte() byte {
	if r.err != nil {
		return 0
	}
	if r.pos >= len(r.b) {
		r.Fail(r.truncated)
		return 0
	}
	c := r.b[r.pos]
	r.pos++
	return c
}

// Bytes reads a length-prefixed byte string into memory of its own.
func (r *Reader) Bytes() []byte {
	n := r.Count(1)
	if r.err != nil {
		return nil
	}
	out := make([]byte, n)
	copy(out, r.b[r.pos:r.pos+n])
	r.pos += n
	return out
}

// Str reads a length-prefixed string.
func (r *Reader) Str() string {
	n := r.Count(1)
	if r.err != nil {
		return ""
	}
	s := string(r.b[r.pos : r.pos+n])
	r.pos += n
	return s
}

// Uint64 reads 8 bytes, little-endian.
func (r *Reader) Uint64() uint64 {
	if r.err != nil {
		return 0
	}
	if r.Left() < 8 {
		r.Fail(r.truncated)
		return 0
	}
	var v uint64
	for i := 0; i < 8; i++ {
		v |= uint64(r.b[r.pos+i]) << (8 * i)
	}
	r.pos += 8
	return v
}

// Float64 reads a float64 stored as its IEEE 754 bits (AppendUint64 of
// math.Float64bits).
func (r *Reader) Float64() float64 { return math.Float64frombits(r.Uint64()) }

// Done fails, as corrupt, unless every byte was read, and returns the
// first error.
func (r *Reader) Done() error {
	if r.err == nil && r.pos != len(r.b) {
		r.Fail(r.corrupt)
	}
	return r.err
}

// StringMap reads a map AppendStringMap wrote; it is never nil.
func (r *Reader) StringMap() map[string]string {
	n := r.Count(2)
	m := make(map[string]string, n)
	for i := 0; i < n && r.err == nil; i++ {
		k := r.Str()
		m[k] = r.Str()
	}
	return m
}
