package shard

import (
	"errors"
	"hash/crc32"
	"strconv"

	"github.com/factcheckwidget/factcheck/internal/binfmt"
)

// Version of the sharded format this package writes and reads.
const Version = 7

// Magic bytes of the manifest and of the parts.
const (
	ManifestMagic = "FCSM"
	PartMagic     = "FP"
)

// ManifestName is the manifest's file name in a sharded corpus folder.
const ManifestName = "manifest"

// Part kinds.
const (
	kindStems    = 's'
	kindGrams    = 'g'
	kindKeywords = 'k'
	kindChunk    = 'c'
	kindCards    = 'r'
	kindSections = 'x'
	kindCommon   = 'h'
)

const partHeaderLen = 3

// Errors a reader returns; a part's error names the part.
var (
	ErrNotManifest = errors.New("not a sharded corpus manifest (bad magic bytes)")
	ErrVersion     = errors.New("sharded corpus has an unsupported format version")
	ErrChecksum    = errors.New("checksum mismatch: the file is corrupted")
	errPartSum     = errors.New("checksum mismatch: the file is corrupted, or is not the part of that name")
	ErrTruncated   = errors.New("truncated")
	errCorrupt     = errors.New("corrupted (value out of range)")
	errSearch      = errors.New("shard: Search needs a corpus opened with OpenForSearch")
)

// PartError is a part that could not be used: missing, or failing a check.
type PartError struct {
	Name string
	Err  error
}

func (e *PartError) Error() string { return "sharded corpus part " + e.Name + ": " + e.Err.Error() }
func (e *PartError) Unwrap() error { return e.Err }

// bucketOf is a term's bucket: 32-bit FNV-1a of its bytes modulo n.
func bucketOf(term string, n int) int {
	h := uint32(2166136261)
	for i := 0; i < len(term); i++ {
		h ^= uint32(term[i])
		h *= 16777619
	}
	return int(h % uint32(n))
}

// partName is the name of a part, relative to the corpus folder.
func partName(build string, kind byte, n int) string {
	if kind == kindSections {
		return build + "/x"
	}
	return build + "/" + string(kind) + strconv.Itoa(n)
}

// --- encoding ---------------------------------------------------------------

// partHeader starts a part.
func partHeader() []byte {
	return append(append(make([]byte, 0, 4096), PartMagic...), Version)
}

// partSum is the checksum a part of a kind and number ends with: the
// CRC-32 (IEEE) of its bytes before it, XOR that of its kind and number
// (uint32 LE), so that a part read under another name fails its check.
func partSum(b []byte, kind byte, n int) uint32 {
	return crc32.ChecksumIEEE(b) ^ crc32.ChecksumIEEE([]byte{kind, byte(n), byte(n >> 8), byte(n >> 16), byte(n >> 24)})
}

// sealPart ends part b of a kind and number with its checksum.
func sealPart(b []byte, kind byte, n int) []byte {
	return binfmt.AppendSum(b, partSum(b, kind, n))
}

// --- decoding ---------------------------------------------------------------

// unseal checks data's trailing CRC-32 and returns what it covers.
func unseal(data []byte, minLen int) ([]byte, error) {
	if len(data) < minLen+4 {
		return nil, ErrTruncated
	}
	body, ok := binfmt.Checksummed(data)
	if !ok {
		return nil, ErrChecksum
	}
	return body, nil
}

// openPart checks a part's header and checksum and returns a reader of its
// body.
func openPart(data []byte, kind byte, n int) (*reader, error) {
	if len(data) < 2 || string(data[:2]) != PartMagic {
		return nil, errors.New("not a sharded corpus part (bad magic bytes; is it still gzip-compressed?)")
	}
	if len(data) < partHeaderLen+4 {
		return nil, ErrTruncated
	}
	if err := checkVersion(int(data[2])); err != nil {
		return nil, err
	}
	end := len(data) - 4
	if uint32(data[end])|uint32(data[end+1])<<8|uint32(data[end+2])<<16|uint32(data[end+3])<<24 != partSum(data[:end], kind, n) {
		return nil, errPartSum
	}
	return newReader(data[partHeaderLen:end]), nil
}

// checkVersion checks a format version read. (Its error is ErrVersion's
// text with the version found, not a type wrapping it: a type with
// methods costs the widget's wasm 2 kB.)
func checkVersion(v int) error {
	if v != Version {
		return errors.New(ErrVersion.Error() + " " + strconv.Itoa(v) + " (this build reads version " + strconv.Itoa(Version) +
			": build the corpus again with this version's factcheck index --shards)")
	}
	return nil
}

// reader decodes a part or the manifest: binfmt's, with the shard's own
// errors and tables.
type reader struct{ binfmt.Reader }

func newReader(body []byte) *reader {
	return &reader{binfmt.NewReader(body, ErrTruncated, errCorrupt)}
}
