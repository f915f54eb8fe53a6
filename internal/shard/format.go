// Package shard writes and reads a sharded corpus: a compiled corpus cut
// into static files that a reader (the widget, the CLI, the Worker) fetches
// piece by piece, only what the text it checks needs. A check reads it in
// four rounds, an article's in five: the term lists of the text's words
// (with most of its 4-grams'), then those of the 4-grams still missing,
// from which the matcher's first stage picks candidate claims
// (impact-ordered lists cut to their best postings, so the work does not
// grow with the corpus); the records of those claims (what ranking reads:
// texts, date, language), for an article first those of each sentence's
// best few candidates, then the rest for the sentences that may be
// highlighted (Widening); and, for the few claims the check returns,
// their cards (what a reader is shown: id, rating, publisher, link). It
// runs the one matcher, page model and trust layer over an index of what
// it fetched, scored with the whole corpus's statistics
// (index.BuildPartial), the trust layer with the corpus's names those
// parts carry (names.go).
//
// # Layout
//
// A sharded corpus is a folder:
//
//	DIR/manifest         the manifest: statistics, parameters, and the build
//	DIR/BUILD/s<n>       stem bucket n: claim and title field lists of the stems hashed to n,
//	                     the 4-gram field lists of the 4-grams homed at those stems, and the names homed there
//	DIR/BUILD/g<n>       4-gram bucket n: the 4-gram field lists of the 4-grams with postings hashed to n
//	DIR/BUILD/h0         the common 4-grams: document frequencies of the 4-grams without postings
//	DIR/BUILD/k<n>       keyword bucket n: every claim holding a stem hashed to n (claims:search)
//	DIR/BUILD/c<n>       record chunk n: claims n·C to n·C+C−1 as ranking and flags read them (C in the manifest)
//	DIR/BUILD/r<n>       card chunk n: claims n·R to n·R+R−1 as a reader sees them (R in the manifest)
//	DIR/BUILD/x          sections: the index's (but its names), the records' dictionary, the names no bucket holds
//
// BUILD is 16 hex digits, a 64-bit FNV-1a hash of the content of every part
// of the build: parts never change under their names, so a CDN may cache
// them for ever; an updated corpus is a new BUILD folder and a new manifest
// (the one file to serve without long caching). A term's bucket is the
// 32-bit FNV-1a hash of its UTF-8 bytes modulo the bucket count.
//
// A 4-gram's home is the stem of the content word it most often comes
// from in the claims' texts (homes.go): a page's 4-grams come from its
// words, whose stem buckets a check fetches anyway, so it fetches the
// 4-gram buckets only of the 4-grams it did not find there. A 4-gram with
// postings is in its hash bucket and, when it has a home and is in at
// least Options.GramHomeShare of the claims, in its home's stem bucket
// too; a common one is in h0 alone.
//
// A file, the manifest too, is stored gzip-compressed (a browser reads it
// with DecompressionStream) when that saves a fifth of it, else as it is
// (internal/shardio.Compress): a reader tells by the first two bytes
// (gzip's 1f 8b; a part starts "FC"). All integers are unsigned LEB128
// varints in their shortest form unless stated; strings are a varint byte
// length and UTF-8 bytes (internal/binfmt).
//
// # Manifest
//
//	offset 0  magic    "FCSM"
//	offset 4  version  uint16 LE, currently 5
//	offset 6  flags    uint16 LE, 0
//	offset 8  body
//	last 4    CRC-32 (IEEE) of every byte before it, uint32 LE
//
//	body:  build       string, 16 hex digits
//	       meta        varint n, n (key, value) string pairs in key order
//	       claims      varint N
//	       fields      3 × (kind byte, average length float64 bits uint64 LE,
//	                   k1 and b of the impact order as float64 bits, varint K:
//	                   postings kept per term, best impact first; 0 keeps
//	                   none: document frequencies only; byte L: bits of a
//	                   claim's length in a posting, 0 to 8, and if L > 0
//	                   the step S between lengths of successive codes as
//	                   float64 bits)
//	       gramMaxDF   varint: 4-grams in more claims are common: they have
//	                   no postings, and are in part h0 alone
//	       stemBuckets varint, gramBuckets varint, keywordBuckets varint
//	       chunk       varint C, claims per record chunk
//	       cardChunk   varint R, claims per card chunk
//	       sections    byte: 1 if part x exists
//
// # Parts
//
//	offset 0  magic    "FCSP"
//	offset 4  version  uint16 LE, currently 5
//	offset 6  kind     byte: 's', 'g', 'h', 'k', 'c', 'r' or 'x'
//	offset 7  0
//	offset 8  number   uint32 LE (bucket or chunk number; 0 for h and x)
//	offset 12 body
//	last 4    CRC-32 (IEEE) of every byte before it, uint32 LE
//
// Stem bucket body: varint T, then T terms in byte order, each the term
// string and, for the claim field then the title field, a list; then the
// 4-grams homed there as a 4-gram bucket body; then the names homed there
// as a name list. 4-gram bucket and common
// 4-gram body: varint G, then G 4-grams in byte order, each the 4-gram
// string and its list in the 4-gram field. A list is varint
// df (claims of the corpus holding the term), varint n, then, when n > 0,
// the n postings bit-packed (postings.go) in a byte string (varint byte
// count, bytes), most significant bit first, padded with zero bits to a
// byte: 5 bits k, then per posting in
// claim order the claim id gap (id − previous id − 1, the first id itself)
// in the Exp-Golomb code of order k, one bit t (1 when tf > 1) and then
// tf − 2 in the Exp-Golomb code of order 0 if t is 1, and the field's L
// bits (none when L is 0): the claim's length in the field as
// round(ln(length/average) / ln S) + 2^L/2, within 0 and 2^L − 1, with
// the field's average and S from the manifest (a reader takes a claim of
// a field with L = 0 to be of average length). They are the n postings
// of highest BM25 impact
// tf/(tf + k1·(1 − b + b·length/average)), ties to the lower claim id.
// n < df when the field's K cut the list, and n = 0 for terms the matcher
// never reads (idf 0, or common 4-grams).
//
// Keyword bucket body: varint T, then T terms in byte order, each the
// term string, varint n and n varint claim id deltas − 1: every claim whose
// claim or title field holds the term.
//
// Record chunk body, packed (pack.go) against the dictionary in the
// sections part's entry "shard/records" (empty when there is none): varint
// n, then n claims, each the strings text, title, context, claim date and
// language, varint d − the first claim with the same text
// (index.Index.Duplicates), varint m and m varint document frequencies of
// the claim's claim-field stems in text order (re-ranking weighs a claim's
// own words with them; a reader analyses the claim's text to know the
// stems), and a name list: the names of the claim's text (below). A packed
// body is a sequence of operations, each a varint v: when v is even, a
// literal run of v/2 + 1 bytes follows; when odd, a copy of (v−1)/2 + 4
// bytes from varint d bytes back in the window (the dictionary, then the
// bytes unpacked so far; a copy may overlap its own output).
//
// Card chunk body: varint n, then n claims, each the strings id, rating,
// publisher, publisher site, URL, review date and claimant, and the
// verdict byte.
//
// Sections body: varint n, then n (name, data) string pairs in name order:
// the index's sections (index.Index.Sections) but its names lexicon
// ("trust/lexicon"), which is spread over the parts; "shard/records", the
// dictionary of the corpus's frequent phrases that records are packed
// against (learned at build time from up to 4,000 records, at most
// Options.Dictionary bytes); and "shard/names", a name list of the names
// no stem bucket holds.
//
// The names: the corpus's lexicon (trust.Lexicon: the people, places and
// organisations its claims name, which the trust layer asks about names
// read in a page or a claim; names.go) is spread so that a check fetches
// the names it can ask about and few others. A claim's record lists the
// names made of the words of its text whose first word its text writes
// capitalised; a stem bucket, the names homed at its stems: a name's home
// is the stem, of those the name's words have when analysed as a page in
// each of the corpus's languages or in none (no stemming), in fewest
// claims; names without a stem are in "shard/names". A name list is varint
// E, then E names in byte order, each the name (folded, words separated by
// single spaces) and its kind byte (trust.NameKind, 1 to 4).
//
// A reader checks every part's magic, kind, number, version and checksum;
// a missing, truncated, corrupt or misplaced part is an error, never a
// partial answer. The reader links neither fmt nor encoding/json, so it
// goes into the widget's wasm.
package shard

import (
	"errors"
	"strconv"

	"github.com/factcheckwidget/factcheck/internal/binfmt"
)

// Version of the sharded format this package writes and reads.
const Version = 5

// Magic bytes of the manifest and of the parts.
const (
	ManifestMagic = "FCSM"
	PartMagic     = "FCSP"
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

const partHeaderLen = 12

// Errors a reader returns; a part's error names the part.
var (
	ErrNotManifest = errors.New("not a sharded corpus manifest (bad magic bytes)")
	ErrVersion     = errors.New("sharded corpus has an unsupported format version")
	ErrChecksum    = errors.New("checksum mismatch: the file is corrupted")
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

// partHeader starts a part of a kind and number.
func partHeader(kind byte, n int) []byte {
	b := make([]byte, 0, 4096)
	b = append(b, PartMagic...)
	b = append(b, Version, 0, kind, 0)
	return append(b, byte(n), byte(n>>8), byte(n>>16), byte(n>>24))
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
	if len(data) < 4 || string(data[:4]) != PartMagic {
		return nil, errors.New("not a sharded corpus part (bad magic bytes; is it still gzip-compressed?)")
	}
	body, err := unseal(data, partHeaderLen)
	if err != nil {
		return nil, err
	}
	if err := checkVersion(body); err != nil {
		return nil, err
	}
	got := int(body[8]) | int(body[9])<<8 | int(body[10])<<16 | int(body[11])<<24
	if body[6] != kind || got != n {
		return nil, errors.New("part holds " + string(body[6]) + strconv.Itoa(got) + ", not the part of that name")
	}
	return newReader(body[partHeaderLen:]), nil
}

// checkVersion checks the version after the magic bytes. (Its error is
// ErrVersion's text with the version found, not a type wrapping it: a
// type with methods costs the widget's wasm 2 kB.)
func checkVersion(b []byte) error {
	if v := int(b[4]) | int(b[5])<<8; v != Version {
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
