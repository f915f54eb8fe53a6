package shard

import (
	"bytes"
	"slices"
	"testing"

	"github.com/factcheckwidget/factcheck/internal/binfmt"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Records packed against the dictionary learned from the corpus unpack to
// what they were, and are smaller: what an article fetches is mostly
// records.
func TestRecordsPackSmallerAndBack(t *testing.T) {
	x, m, _ := cut(t, DefaultOptions())
	w := &writer{x: x, m: m}
	w.packRecords(DefaultOptions().Dictionary)
	require.NotEmpty(t, w.dict)
	assert.LessOrEqual(t, len(w.dict), DefaultOptions().Dictionary)
	raw, packed, coded := 0, 0, 0
	for c := 0; c < m.Chunks(); c++ {
		body := w.chunkBody(c)
		p := w.packer.pack(body)
		back, ok := codedUnpack(t, w.coder, w.dict, p)
		require.True(t, ok, "chunk %d", c)
		require.Equal(t, body, back, "chunk %d", c)
		raw += len(body)
		packed += len(p)
		coded += len(w.coder.encode(nil, p))
	}
	assert.Less(t, packed, raw*3/4, "records packed %d bytes, %d raw", packed, raw)
	assert.Less(t, coded, packed*9/10, "records coded %d bytes, %d packed", coded, packed)
}

// codedUnpack codes packed body p with c and unpacks it as a reader does.
func codedUnpack(t testing.TB, c *packCoder, dict, p []byte) ([]byte, bool) {
	code, ok := readPackCode(c.section())
	require.True(t, ok)
	src, ok := openPacked(code, c.encode(nil, p))
	require.True(t, ok)
	return unpack(dict, src)
}

// uniformCoded is p, any bytes, a packing or not, coded as
// fitPackCoder(nil) codes a body: its three codes give every byte its own
// 8 bits, so the coding is p after its length.
func uniformCoded(t testing.TB, p []byte) *packedStream {
	c := fitPackCoder(nil)
	for _, lengths := range c.lengths {
		require.Equal(t, bytes.Repeat([]byte{8}, 256), lengths)
	}
	code, ok := readPackCode(c.section())
	require.True(t, ok)
	src, ok := openPacked(code, append(binfmt.AppendUvarint(nil, uint64(len(p))), p...))
	require.True(t, ok)
	return src
}

// Coded bodies cut short, padded with ones, or followed by a byte more are
// not packings; nor are code lengths that are not three prefix codes.
func TestPackCodeRejects(t *testing.T) {
	body := append([]byte{6 << 1}, "claimed"...)
	c := fitPackCoder(slices.Repeat([][]byte{body}, 50)) // its bytes get short codes
	code, ok := readPackCode(c.section())
	require.True(t, ok)
	bits := 0
	streamsOf(body, func(b byte, stream int) { bits += int(c.lengths[stream][b]) })
	require.NotZero(t, bits%8, "the body's codes must leave padding to test")
	good := c.encode(nil, body)
	src, ok := openPacked(code, good)
	require.True(t, ok)
	back, ok := unpack(nil, src)
	require.True(t, ok)
	require.Equal(t, "claimed", string(back))
	for name, data := range map[string][]byte{
		"cut short":      good[:len(good)-1],
		"padded by ones": append(append([]byte(nil), good[:len(good)-1]...), good[len(good)-1]|1),
		"a byte more":    append(append([]byte(nil), good...), 0),
		"no body":        nil,
		"a longer body":  append([]byte{good[0] + 1}, good[1:]...),
	} {
		src, ok := openPacked(code, data)
		if ok {
			_, ok = unpack(nil, src)
		}
		assert.False(t, ok, name)
	}
	for name, lengths := range map[string][]byte{
		"none":            nil,
		"two codes":       c.section()[:512],
		"over-subscribed": bytes.Repeat([]byte{1}, 768),
	} {
		_, ok := readPackCode(lengths)
		assert.False(t, ok, name)
	}
}

// A long run of one byte (a claim of "!!!!…") packs to a few copies and
// back, without trying every earlier position at each byte.
func TestPackLongRun(t *testing.T) {
	src := bytes.Repeat([]byte("ab!"), 40000)
	p := newPacker(nil)
	packed := p.pack(src)
	assert.Less(t, len(packed), 64)
	back, ok := codedUnpack(t, fitPackCoder(nil), nil, packed)
	require.True(t, ok)
	assert.Equal(t, src, back)
}

func TestVarintLen(t *testing.T) {
	for _, v := range []int{0, 1, 127, 128, 16383, 16384, 1 << 21, 1<<28 - 1, 1 << 28} {
		assert.Equal(t, len(binfmt.AppendUvarint(nil, uint64(v))), varintLen(v), "%d", v)
	}
}

func TestUnpack(t *testing.T) {
	dict := []byte("the claim says ")
	op := func(v uint64) []byte { return binfmt.AppendUvarint(nil, v) }
	cat := func(bs ...[]byte) []byte {
		var out []byte
		for _, b := range bs {
			out = append(out, b...)
		}
		return out
	}
	for _, tc := range []struct {
		name   string
		packed []byte
		want   string // "" with ok false: rejected
		ok     bool
	}{
		{"literal", cat(op(2<<1), []byte("abc")), "abc", true},
		{"copy from the dictionary", cat(op((5-minCopy)<<1|1), op(15)), "the c", true},
		{"copy overlapping its own output", cat(op(0), []byte("a"), op((6-minCopy)<<1|1), op(1)), "aaaaaaa", true},
		{"empty", nil, "", true},
		{"distance past the window", cat(op(0<<1|1), op(16)), "", false},
		{"distance 0", cat(op(0<<1|1), op(0)), "", false},
		{"literal past the end", cat(op(4<<1), []byte("ab")), "", false},
		{"copy without its distance", op(1), "", false},
		{"a copy past the bound", cat(op(0), []byte("a"), op(uint64(maxUnpacked)<<1|1), op(1)), "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := unpack(dict, uniformCoded(t, tc.packed))
			assert.Equal(t, tc.ok, ok)
			if tc.ok {
				assert.Equal(t, tc.want, string(got))
			}
		})
	}
}
