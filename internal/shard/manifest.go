package shard

import (
	"errors"
	"math"

	"github.com/factcheckwidget/factcheck/internal/binfmt"
	"github.com/factcheckwidget/factcheck/internal/index"
)

// Manifest describes a sharded corpus (doc.go).
type Manifest struct {
	Build  string
	Meta   map[string]string
	Claims int
	Fields [index.NumFields]FieldInfo
	// GramMaxDF: 4-grams in more claims are stored without postings.
	GramMaxDF      int
	StemBuckets    int
	GramBuckets    int
	KeywordBuckets int
	Chunk          int // claims per record chunk
	CardChunk      int // claims per card chunk
	Sections       bool
}

// FieldInfo is what the manifest says of one field.
type FieldInfo struct {
	Kind   index.FieldKind
	AvgLen float64
	K1, B  float64 // BM25 parameters of the impact order
	Keep   int     // postings kept per term, best impact first; 0 keeps none (document frequencies only)
	// LengthBits is how many bits a posting gives the claim's length in
	// the field (0: none; the first stage then reads every claim as of
	// average length), LengthStep the ratio between lengths of successive
	// codes (postings.go).
	LengthBits int
	LengthStep float64
	// Codes are the code lengths, in bits, of the 2^(LengthBits+1)
	// symbols a posting's length code and tf take (postings.go), in the
	// lists a field keeps whole and in those it cut: symbol s is length
	// code s mod 2^LengthBits, of a tf over 1 when s ≥ 2^LengthBits; 0
	// for a symbol no posting takes.
	Codes [2][]uint8
	codes [2]*symbolCode // Codes, read (DecodeManifest)
}

// Chunks is the number of record chunks.
func (m *Manifest) Chunks() int { return (m.Claims + m.Chunk - 1) / m.Chunk }

// SectionsPart is the name of the sections part (when Sections).
func (m *Manifest) SectionsPart() string { return partName(m.Build, kindSections, 0) }

// CardChunks is the number of card chunks.
func (m *Manifest) CardChunks() int { return (m.Claims + m.CardChunk - 1) / m.CardChunk }

// Stats are the whole-corpus statistics a partial index scores with.
func (m *Manifest) Stats() index.Stats {
	s := index.Stats{Claims: m.Claims}
	for f := range m.Fields {
		s.AvgLen[f] = m.Fields[f].AvgLen
	}
	return s
}

// Encode serialises the manifest (not compressed).
func (m *Manifest) Encode() []byte {
	b := []byte(ManifestMagic)
	b = append(b, Version, 0, 0, 0)
	b = binfmt.AppendString(b, m.Build)
	b = binfmt.AppendStringMap(b, m.Meta)
	b = binfmt.AppendUvarint(b, uint64(m.Claims))
	for _, f := range m.Fields {
		b = append(b, byte(f.Kind))
		for _, v := range [...]float64{f.AvgLen, f.K1, f.B} {
			b = binfmt.AppendUint64(b, math.Float64bits(v))
		}
		b = binfmt.AppendUvarint(b, uint64(f.Keep))
		b = append(b, byte(f.LengthBits))
		if f.LengthBits > 0 {
			b = binfmt.AppendUint64(b, math.Float64bits(f.LengthStep))
		}
		b = binfmt.AppendUvarint(b, uint64(len(f.Codes[0])+len(f.Codes[1])))
		b = append(append(b, f.Codes[0]...), f.Codes[1]...)
	}
	b = binfmt.AppendUvarint(b, uint64(m.GramMaxDF))
	for _, v := range [...]int{m.StemBuckets, m.GramBuckets, m.KeywordBuckets, m.Chunk, m.CardChunk} {
		b = binfmt.AppendUvarint(b, uint64(v))
	}
	sections := byte(0)
	if m.Sections {
		sections = 1
	}
	return binfmt.AppendChecksum(append(b, sections))
}

// DecodeManifest reads a manifest (decompressed).
func DecodeManifest(data []byte) (*Manifest, error) {
	if len(data) < 4 || string(data[:4]) != ManifestMagic {
		return nil, ErrNotManifest
	}
	body, err := unseal(data, 8)
	if err != nil {
		return nil, errors.New("sharded corpus manifest: " + err.Error())
	}
	if err := checkVersion(int(body[4]) | int(body[5])<<8); err != nil {
		return nil, err
	}
	r := newReader(body[8:])
	m := &Manifest{Build: r.Str()}
	m.Meta = r.StringMap()
	m.Claims = r.Int(index.MaxClaims)
	for f := range m.Fields {
		fi := &m.Fields[f]
		fi.Kind = index.FieldKind(r.Byte())
		fi.AvgLen, fi.K1, fi.B = r.Float64(), r.Float64(), r.Float64()
		fi.Keep = r.Int(index.MaxClaims)
		if fi.LengthBits = int(r.Byte()); fi.LengthBits > 0 {
			fi.LengthStep = r.Float64()
		}
		codes := r.Bytes()
		if r.Err() == nil && (fi.Kind != index.Kind(f) || !(fi.AvgLen >= 0) || fi.LengthBits > maxLengthBits || fi.LengthBits > 0 && !(fi.LengthStep > 1) || len(codes) != 4<<fi.LengthBits) {
			r.Corrupt()
			break
		}
		fi.Codes = [2][]uint8{codes[:len(codes)/2], codes[len(codes)/2:]}
		for i, lengths := range fi.Codes {
			if fi.codes[i] = newSymbolCode(lengths); fi.codes[i] == nil {
				r.Corrupt()
			}
		}
	}
	m.GramMaxDF = r.Int(index.MaxClaims)
	m.StemBuckets = r.Int(1 << 24)
	m.GramBuckets = r.Int(1 << 24)
	m.KeywordBuckets = r.Int(1 << 24)
	m.Chunk = r.Int(1 << 20)
	m.CardChunk = r.Int(1 << 20)
	m.Sections = r.Byte() == 1
	if err := r.Done(); err != nil {
		return nil, errors.New("sharded corpus manifest: " + err.Error())
	}
	if m.Claims == 0 || m.StemBuckets == 0 || m.GramBuckets == 0 || m.KeywordBuckets == 0 || m.Chunk == 0 || m.CardChunk == 0 || !validBuild(m.Build) {
		return nil, errors.New("sharded corpus manifest: " + errCorrupt.Error())
	}
	return m, nil
}

// validBuild reports whether s is a build name: 16 lower-case hex digits
// (it becomes part of every part's path, so nothing else may pass).
func validBuild(s string) bool {
	if len(s) != 16 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}
