// Package binfmt holds the byte-level encoding every compiled file of ours
// shares (the .fcx index, a sharded corpus's parts and manifest, the
// language section): unsigned LEB128 varints, strings as a varint byte
// length and the bytes, little-endian 64-bit words, a trailing CRC-32, and
// a Reader whose first error sticks so decoding code stays linear.
//
// It imports neither fmt nor encoding/binary: it links into the widget
// wasm, where every import costs bytes.
package binfmt

import (
	"hash/crc32"
	"math/bits"
	"sort"
)

// UvarintLen is the length of v's shortest uvarint encoding.
func UvarintLen(v uint64) int { return (bits.Len64(v|1) + 6) / 7 }

// AppendUvarint appends v as an unsigned LEB128 varint.
func AppendUvarint(b []byte, v uint64) []byte {
	for v >= 0x80 {
		b = append(b, byte(v)|0x80)
		v >>= 7
	}
	return append(b, byte(v))
}

// AppendString appends s's byte length and s.
func AppendString(b []byte, s string) []byte {
	return append(AppendUvarint(b, uint64(len(s))), s...)
}

// AppendUint64 appends v as 8 bytes, little-endian.
func AppendUint64(b []byte, v uint64) []byte {
	for i := 0; i < 8; i++ {
		b = append(b, byte(v>>(8*i)))
	}
	return b
}

// Uvarint decodes an unsigned LEB128 value from the start of b: n > 0
// bytes read, n == 0 b too short, n < 0 overflow (more than 64 bits). The
// matcher decodes postings with it; it is small enough to inline.
func Uvarint(b []byte) (v uint64, n int) {
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

// AppendChecksum appends the CRC-32 (IEEE) of b, little-endian.
func AppendChecksum(b []byte) []byte { return AppendSum(b, crc32.ChecksumIEEE(b)) }

// AppendSum appends a CRC-32 computed elsewhere (a streamed file's).
func AppendSum(b []byte, sum uint32) []byte {
	return append(b, byte(sum), byte(sum>>8), byte(sum>>16), byte(sum>>24))
}

// Checksummed returns what data's trailing CRC-32 covers, and whether the
// CRC matches. data must hold at least the 4 bytes of the CRC.
func Checksummed(data []byte) ([]byte, bool) {
	n := len(data)
	body := data[:n-4]
	want := uint32(data[n-4]) | uint32(data[n-3])<<8 | uint32(data[n-2])<<16 | uint32(data[n-1])<<24
	return body, crc32.ChecksumIEEE(body) == want
}

// AppendStringMap appends m as a count and (key, value) string pairs in
// key order, so the same map always encodes to the same bytes.
func AppendStringMap(b []byte, m map[string]string) []byte {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	b = AppendUvarint(b, uint64(len(keys)))
	for _, k := range keys {
		b = AppendString(AppendString(b, k), m[k])
	}
	return b
}
