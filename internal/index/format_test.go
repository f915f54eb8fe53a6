package index

import (
	"errors"
	"flag"
	"hash/crc32"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/factcheckwidget/factcheck/internal/binfmt"
	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite golden files")

const goldenPath = "testdata/small.fcx.golden"

// TestGolden guards the documented .fcx format: if the encoding of the
// fixed corpus changes, this fails until the golden file is regenerated with
// `go test ./internal/index -run TestGolden -update` (and Version bumped if
// old readers cannot read the new bytes).
func TestGolden(t *testing.T) {
	data := buildSmall(t).Encode()
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(goldenPath), 0o755))
		require.NoError(t, os.WriteFile(goldenPath, data, 0o644))
	}
	want, err := os.ReadFile(goldenPath)
	require.NoError(t, err, "run with -update to create it")
	require.Equal(t, want, data, "the encoding changed: rerun with -update if intended")

	x, err := Decode(want)
	require.NoError(t, err)
	assertSameIndex(t, buildSmall(t), x)
}

// An index written by a version 1 build (no sections) still loads: readers
// keep working across an upgrade of the CLI that built their corpus.
func TestDecodeVersion1(t *testing.T) {
	data, err := os.ReadFile("testdata/small.v1.fcx")
	require.NoError(t, err)
	require.Equal(t, []byte{1, 0}, data[4:6])
	x, err := Decode(data)
	require.NoError(t, err)
	want := buildSmall(t)
	want.Sections = nil
	assertSameIndex(t, want, x)
}

func TestGoldenHeader(t *testing.T) {
	data := readGolden(t)
	assert.Equal(t, []byte("FCIX"), data[:4], "magic")
	assert.Equal(t, []byte{Version, 0}, data[4:6], "version, little-endian")
	assert.Equal(t, []byte{0, 0}, data[6:8], "flags")
	n := len(data)
	sum := uint32(data[n-4]) | uint32(data[n-3])<<8 | uint32(data[n-2])<<16 | uint32(data[n-1])<<24
	assert.Equal(t, crc32.ChecksumIEEE(data[:n-4]), sum, "trailing CRC-32 IEEE, little-endian")
	// The meta section follows the header: 2 pairs, sorted by key.
	r := binfmt.NewReader(data[headerLen:n-4], ErrTruncated, errOutOfBounds)
	assert.Equal(t, 2, r.Count(2))
	assert.Equal(t, "name", r.Str())
	assert.Equal(t, "small", r.Str())
	assert.Equal(t, "source", r.Str())
	assert.Equal(t, "index tests", r.Str())
	assert.Equal(t, 5, r.Count(13), "claim count")
	assert.Equal(t, smallClaims()[0].ID, r.Str())
	require.NoError(t, r.Err())
}

func readGolden(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile(goldenPath)
	require.NoError(t, err)
	require.Greater(t, len(data), 100)
	return data
}

// withCRC returns body followed by its checksum, as Encode writes it.
func withCRC(body []byte) []byte {
	out := append([]byte{}, body...)
	sum := crc32.ChecksumIEEE(out)
	return append(out, byte(sum), byte(sum>>8), byte(sum>>16), byte(sum>>24))
}

func decodeNoPanic(t *testing.T, data []byte) (x *Index, err error) {
	t.Helper()
	defer func() {
		if p := recover(); p != nil {
			t.Fatalf("Decode panicked on %d bytes: %v", len(data), p)
		}
	}()
	return Decode(data)
}

func TestDecodeTruncated(t *testing.T) {
	data := readGolden(t)
	for n := 0; n < len(data); n++ {
		x, err := decodeNoPanic(t, data[:n])
		require.Error(t, err, "truncated to %d bytes", n)
		require.Nil(t, x)
		if n < 4 {
			require.ErrorIs(t, err, ErrNotIndex, "length %d", n)
		}
	}
}

// TestDecodeTruncatedWithValidChecksum cuts the body and re-seals it, so the
// decoder itself (not the checksum) must notice the missing data.
func TestDecodeTruncatedWithValidChecksum(t *testing.T) {
	data := readGolden(t)
	body := data[:len(data)-4]
	for n := headerLen; n < len(body); n++ {
		x, err := decodeNoPanic(t, withCRC(body[:n]))
		require.Error(t, err, "body cut to %d bytes", n)
		require.Nil(t, x)
	}
}

func TestDecodeBitFlips(t *testing.T) {
	data := readGolden(t)
	for i := range data {
		for _, mask := range []byte{0x01, 0x80, 0xff} {
			bad := append([]byte{}, data...)
			bad[i] ^= mask
			x, err := decodeNoPanic(t, bad)
			require.Error(t, err, "byte %d ^ %#x", i, mask)
			require.Nil(t, x)
		}
	}
}

// TestDecodeBitFlipsWithValidChecksum flips body bytes and re-seals them:
// many flips still decode (a changed letter of a claim is a valid index),
// but none may panic.
func TestDecodeBitFlipsWithValidChecksum(t *testing.T) {
	data := readGolden(t)
	body := data[:len(data)-4]
	for i := headerLen; i < len(body); i++ {
		for _, mask := range []byte{0x01, 0x80} {
			bad := append([]byte{}, body...)
			bad[i] ^= mask
			x, err := decodeNoPanic(t, withCRC(bad))
			if err == nil {
				exercise(t, x)
			}
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	golden := readGolden(t)
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, ErrNotIndex},
		{"not an index", []byte("{\"@type\": \"ClaimReview\"}"), ErrNotIndex},
		{"magic only", []byte("FCIX"), ErrTruncated},
		{"header without body", []byte("FCIX\x01\x00\x00\x00\x00\x00\x00"), ErrTruncated},
		{"bad checksum", append(append([]byte{}, golden[:len(golden)-1]...), golden[len(golden)-1]^1), ErrChecksum},
		{"trailing byte", append(append([]byte{}, golden...), 0), ErrChecksum},
		{"trailing byte, resealed", withCRC(append(append([]byte{}, golden[:len(golden)-4]...), 0)), errOutOfBounds},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x, err := decodeNoPanic(t, tt.data)
			require.ErrorIs(t, err, tt.want)
			assert.Nil(t, x)
		})
	}
}

func TestDecodeWrongVersion(t *testing.T) {
	for _, v := range []uint16{0, 3, 258} {
		data := readGolden(t)
		data[4], data[5] = byte(v), byte(v>>8)
		data = withCRC(data[:len(data)-4])
		_, err := Decode(data)
		require.ErrorIs(t, err, ErrVersion)
		assert.Contains(t, err.Error(), "version "+strconv.Itoa(int(v)))
		assert.Contains(t, err.Error(), "reads version 2")
	}
}

// TestDecodeTampered builds indexes whose structure is wrong but whose
// checksum is valid, by editing the built index before encoding.
func TestDecodeTampered(t *testing.T) {
	tests := []struct {
		name   string
		tamper func(x *Index)
	}{
		{"forward term id past the vocabulary", func(x *Index) {
			x.forward[1][0] = uint32(x.Fields[FieldClaim].NumTerms())
		}},
		{"duplicate points forward", func(x *Index) { x.Duplicates[1] = 3 }},
		{"duplicate points at itself plus one", func(x *Index) { x.Duplicates[0] = 1 }},
		{"postings longer than the postings blob", func(x *Index) {
			f := &x.Fields[FieldClaim]
			f.postEnd[f.numTerms-1] += 5
		}},
		{"postings shorter than the postings blob", func(x *Index) {
			f := &x.Fields[FieldTitle]
			f.postEnd[f.numTerms-1]--
		}},
		{"postings end runs backwards", func(x *Index) {
			f := &x.Fields[FieldClaim]
			f.postEnd[0] = f.postEnd[1] + 1
		}},
		{"term ends past the terms", func(x *Index) {
			f := &x.Fields[FieldClaimChars]
			f.termEnd[f.numTerms-1] += 3
		}},
		{"term ends run backwards", func(x *Index) {
			f := &x.Fields[FieldClaim]
			f.termEnd[0] = f.termEnd[1] + 1
		}},
		{"document frequency above the claim count", func(x *Index) { x.Fields[FieldClaim].df[0] = 6 }},
		{"document length too large", func(x *Index) { x.Fields[FieldTitle].DocLen[2] = 1<<20 + 1 }},
		{"wrong field kind", func(x *Index) { x.Fields[FieldTitle].Kind = Chars4 }},
		{"unknown field kind", func(x *Index) { x.Fields[FieldClaim].Kind = 9 }},
		{"forward list on an empty vocabulary", func(x *Index) {
			x.Fields[FieldClaim] = Field{Kind: Stems, DocLen: make([]uint32, len(x.claims))}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := buildSmall(t)
			tt.tamper(x)
			data := x.Encode()
			y, err := decodeNoPanic(t, data)
			require.Error(t, err)
			assert.Nil(t, y)
			assert.NotErrorIs(t, err, ErrChecksum, "the checksum is valid; the structure is not")
		})
	}
}

// TestDecodeWrappingLengths writes term lengths whose running sum wraps
// round 2^64, which once slipped past the range check and made Lookup slice
// backwards.
func TestDecodeWrappingLengths(t *testing.T) {
	x := buildSmall(t)
	f := &x.Fields[FieldClaim]
	require.Greater(t, f.numTerms, 2)
	l0, l1 := uint64(f.termEnd[0]), uint64(f.termEnd[1]-f.termEnd[0])
	k := l1 + 2 // term 0 would end past term 1
	// Splice the first two term lengths of field 0: l0+k, then 2^64-k+l1,
	// whose sum wraps back to the true end of term 1.
	prefix := fieldStart(x)
	b := x.Encode()
	body := b[:len(b)-4]
	pos := prefix + 1
	_, n1 := binfmt.Uvarint(body[pos:]) // numTerms
	pos += n1
	tl, n2 := binfmt.Uvarint(body[pos:]) // length of the terms blob
	pos += n2 + int(tl)
	_, a := binfmt.Uvarint(body[pos:])
	_, c := binfmt.Uvarint(body[pos+a:])
	var repl []byte
	repl = binfmt.AppendUvarint(repl, l0+k)
	repl = binfmt.AppendUvarint(repl, ^uint64(0)-k+1+l1) // 2^64 - k + l1
	crafted := append(append(append([]byte{}, body[:pos]...), repl...), body[pos+a+c:]...)
	y, err := decodeNoPanic(t, withCRC(crafted))
	require.ErrorIs(t, err, errOutOfBounds)
	require.Nil(t, y)
}

// fieldStart returns the offset of the first field in x's encoding: the
// header, meta and claims sections written the documented way.
func fieldStart(x *Index) int {
	b := []byte(Magic)
	b = append(b, Version, 0, 0, 0)
	keys := []string{"name", "source"}
	b = binfmt.AppendUvarint(b, uint64(len(keys)))
	for _, k := range keys {
		b = binfmt.AppendString(b, k)
		b = binfmt.AppendString(b, x.Meta[k])
	}
	b = binfmt.AppendUvarint(b, uint64(len(x.claims)))
	for _, c := range x.claims {
		for _, s := range []string{c.ID, c.Text, c.Title, c.Context, c.Rating, c.Publisher, c.PublisherSite,
			c.URL, c.ReviewDate, c.Claimant, c.ClaimDate, c.Language} {
			b = binfmt.AppendString(b, s)
		}
		b = append(b, byte(c.Verdict))
	}
	return len(b)
}

func TestDecodeHugeCounts(t *testing.T) {
	// A claim count of 2^40 in a tiny file must fail fast, not allocate.
	body := []byte("FCIX\x01\x00\x00\x00")
	body = binfmt.AppendUvarint(body, 0)     // no meta
	body = binfmt.AppendUvarint(body, 1<<40) // claims
	_, err := decodeNoPanic(t, withCRC(body))
	require.ErrorIs(t, err, ErrTruncated)

	// An overlong varint is out of range.
	body = []byte("FCIX\x01\x00\x00\x00\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01")
	_, err = decodeNoPanic(t, withCRC(body))
	require.Error(t, err)
	assert.False(t, errors.Is(err, ErrChecksum))
}

// A crafted index claiming more than MaxClaims claims is refused before
// anything is allocated for them.
func TestDecodeRefusesTooManyClaims(t *testing.T) {
	b := []byte(Magic)
	b = append(b, byte(Version), byte(Version>>8), 0, 0)
	b = binfmt.AppendUvarint(b, 0) // no meta
	b = binfmt.AppendUvarint(b, MaxClaims+1)
	b = append(b, make([]byte, 13*(MaxClaims+1))...)
	sum := crc32.ChecksumIEEE(b)
	b = append(b, byte(sum), byte(sum>>8), byte(sum>>16), byte(sum>>24))
	_, err := Decode(b)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "more than 2,000,000 claims")
}

// TestWriteToStreamsTheSameBytes checks the streaming writer `factcheck
// index` uses on an index larger than its 64 KiB chunks: the file must be
// what Encode gives and decode to the same
// index, checksum included, and it must never hand the writer a copy of the
// whole index.
func TestWriteToStreamsTheSameBytes(t *testing.T) {
	var claims []claim.Claim
	for i := 0; i < 2000; i++ {
		claims = append(claims, claim.Claim{
			ID:   "c" + strconv.Itoa(i),
			Text: "Turbine " + strconv.Itoa(i) + " supplied " + strconv.Itoa(i*7) + " homes in the district of area " + strconv.Itoa(i%97),
		})
	}
	x, err := Build(claims, nil)
	require.NoError(t, err)
	x.Sections = map[string][]byte{"test/big": make([]byte, 100<<10)}
	var w recordingWriter
	n, err := x.WriteTo(&w)
	require.NoError(t, err)
	assert.Equal(t, int64(len(w.data)), n)
	require.Greater(t, len(w.data), 2*encodeChunk, "the index spans several chunks")
	assert.Less(t, w.largest, len(w.data)/2, "written in pieces")
	assert.Equal(t, x.Encode(), w.data)
	got, err := Decode(w.data)
	require.NoError(t, err)
	assertSameIndex(t, x, got)
}

func TestWriteToReportsAWriteError(t *testing.T) {
	full := errors.New("no space left on device")
	n, err := buildSmall(t).WriteTo(failingWriter{after: 10, err: full})
	assert.ErrorIs(t, err, full)
	assert.Equal(t, int64(10), n)
}

// recordingWriter keeps what it is given and the largest single write.
type recordingWriter struct {
	data    []byte
	largest int
}

func (w *recordingWriter) Write(p []byte) (int, error) {
	w.data = append(w.data, p...)
	w.largest = max(w.largest, len(p))
	return len(p), nil
}

type failingWriter struct {
	after int
	err   error
}

func (w failingWriter) Write(p []byte) (int, error) { return min(w.after, len(p)), w.err }
