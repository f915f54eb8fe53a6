package binfmt

import (
	"errors"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	errShort = errors.New("short")
	errBad   = errors.New("bad")
)

func TestUvarint(t *testing.T) {
	for _, v := range []uint64{0, 1, 127, 128, 300, 16383, 16384, 1<<32 - 1, 1<<63 - 1, 1<<63 + 5, ^uint64(0)} {
		b := AppendUvarint(nil, v)
		got, n := Uvarint(b)
		assert.Equal(t, v, got)
		assert.Equal(t, len(b), n)
		assert.Equal(t, len(b), UvarintLen(v), "the length of %d's encoding", v)
		_, n = Uvarint(b[:len(b)-1])
		assert.Equal(t, 0, n, "short buffer")
	}
	_, n := Uvarint([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02})
	assert.Less(t, n, 0, "overflow")
}

func TestReaderRoundTrip(t *testing.T) {
	var b []byte
	b = AppendUvarint(b, 19250) // a value larger than the bytes that follow
	b = AppendString(b, "héllo")
	b = AppendUint64(b, math.Float64bits(0.375))
	b = append(b, 7)
	b = AppendStringMap(b, map[string]string{"z": "last", "a": "first"})
	b = AppendString(b, "\x00\x01")

	r := NewReader(b, errShort, errBad)
	assert.Equal(t, uint64(19250), r.Uvarint())
	assert.Equal(t, "héllo", r.Str())
	assert.Equal(t, 0.375, r.Float64())
	assert.Equal(t, byte(7), r.Byte())
	assert.Equal(t, map[string]string{"a": "first", "z": "last"}, r.StringMap())
	assert.Equal(t, []byte{0, 1}, r.Bytes())
	require.NoError(t, r.Done())
}

func TestStringMapIsDeterministic(t *testing.T) {
	m := map[string]string{"b": "2", "a": "1", "c": "3", "d": "4"}
	first := AppendStringMap(nil, m)
	for i := 0; i < 20; i++ {
		assert.Equal(t, first, AppendStringMap(nil, m))
	}
}

func TestReaderErrors(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		read func(r *Reader)
		want error
	}{
		{"string longer than the data", AppendUvarint(nil, 10), func(r *Reader) { r.Str() }, errShort},
		{"count beyond the data", append(AppendUvarint(nil, 3), 0, 0), func(r *Reader) { r.Count(1) }, errShort},
		{"value over its maximum", AppendUvarint(nil, 9), func(r *Reader) { r.UvarintMax(8) }, errBad},
		{"overlong varint", []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01}, func(r *Reader) { r.Uvarint() }, errBad},
		{"varint longer than it needs", []byte{0x80, 0x00}, func(r *Reader) { r.Uvarint() }, errBad},
		{"short word", []byte{1, 2, 3}, func(r *Reader) { r.Uint64() }, errShort},
		{"bytes left over", []byte{1, 2}, func(r *Reader) { r.Byte() }, errBad},
		{"empty", nil, func(r *Reader) { r.Byte() }, errShort},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewReader(tt.data, errShort, errBad)
			tt.read(&r)
			assert.ErrorIs(t, r.Done(), tt.want)
		})
	}
}

// The first error sticks: later reads give zero values and do not replace it.
func TestReaderFirstErrorSticks(t *testing.T) {
	r := NewReader(AppendUvarint(nil, 9), errShort, errBad)
	r.UvarintMax(1)
	assert.Equal(t, "", r.Str())
	assert.Equal(t, uint64(0), r.Uint64())
	assert.ErrorIs(t, r.Err(), errBad)
	assert.Equal(t, 0, r.Left())
}

func TestChecksummed(t *testing.T) {
	data := AppendChecksum([]byte("payload"))
	body, ok := Checksummed(data)
	assert.True(t, ok)
	assert.Equal(t, "payload", string(body))
	data[0] ^= 1
	_, ok = Checksummed(data)
	assert.False(t, ok, "a flipped bit fails the CRC")
}
