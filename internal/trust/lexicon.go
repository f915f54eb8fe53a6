package trust

import (
	"errors"
	"sort"

	"github.com/factcheckwidget/factcheck/internal/text"
)

// NameKind is what a name in a Lexicon stands for.
type NameKind uint8

const (
	NotAName   NameKind = iota
	PersonName          // a person: full name ("joe biden") or the surname alone ("biden")
	GivenName           // a word that opens people's names ("joe"), not a person by itself
	PlaceName           // a place: a town, region or state ("kisumu", "minas gerais")
	OrgName             // an organisation ("republican party of texas")
	numNameKinds
)

var nameKindNames = [...]string{"", "person", "given", "place", "org"}

func (k NameKind) String() string {
	if int(k) < len(nameKindNames) {
		return nameKindNames[k]
	}
	return ""
}

// Lexicon is the names a corpus (or a page) speaks of, with their kinds,
// learned from the text itself (LearnLexicon): the people who make claims
// and the people, places and organisations the claims name. It replaces
// lists of well-known names, which are US-centred, age fast and cannot
// know the people of a Kenyan or Brazilian corpus. Keys are folded names
// (normName) with single spaces ("joe biden", "sao paulo"). The zero value and
// nil are empty lexicons.
type Lexicon struct {
	kinds map[string]NameKind
}

// Kind returns the kind of a name, NotAName when unknown. Names are
// compared folded (text.Fold: lower case, no diacritics), so "Inácio"
// and "Inacio" are one name.
func (l *Lexicon) Kind(name string) NameKind {
	if l == nil {
		return NotAName
	}
	return l.kinds[text.Fold(name)]
}

// Len is the number of names.
func (l *Lexicon) Len() int {
	if l == nil {
		return 0
	}
	return len(l.kinds)
}

// Names returns the names of kind k in byte order (tests, reports).
func (l *Lexicon) Names(k NameKind) []string {
	var out []string
	if l != nil {
		for n, kind := range l.kinds {
			if kind == k {
				out = append(out, n)
			}
		}
	}
	sort.Strings(out)
	return out
}

// LexiconSection is the name of the index section (index.Index.Sections)
// that holds a corpus's lexicon.
const LexiconSection = "trust/lexicon"

// LexiconVersion is the version of the lexicon encoding Encode writes and
// DecodeLexicon reads.
//
// Encoding, version 1 (integers are unsigned LEB128 varints):
//
//	byte     version (1)
//	uvarint  n, the number of names
//	n times, in byte order of the names:
//	  uvarint  p, bytes shared with the previous name (front coding)
//	  uvarint  k, then k bytes: the rest of the name (UTF-8)
//	  byte     kind (NameKind: 1 person, 2 given name, 3 place, 4 organisation)
//
// The index's checksum covers the section; DecodeLexicon still rejects
// any out-of-range value, so a section written by a newer build is an
// error, not a panic.
const LexiconVersion = 1

// Encode writes the lexicon in the encoding above.
func (l *Lexicon) Encode() []byte {
	names := make([]string, 0, l.Len())
	if l != nil {
		for n := range l.kinds {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	b := []byte{LexiconVersion}
	b = appendUvarint(b, uint64(len(names)))
	prev := ""
	for _, n := range names {
		p := 0
		for p < len(prev) && p < len(n) && prev[p] == n[p] {
			p++
		}
		b = appendUvarint(b, uint64(p))
		b = appendUvarint(b, uint64(len(n)-p))
		b = append(b, n[p:]...)
		b = append(b, byte(l.kinds[n]))
		prev = n
	}
	return b
}

var errLexicon = errors.New("trust: malformed lexicon section")

// DecodeLexicon reads a lexicon written by Encode.
func DecodeLexicon(b []byte) (*Lexicon, error) {
	if len(b) == 0 || b[0] != LexiconVersion {
		return nil, errors.New("trust: unknown lexicon version")
	}
	b = b[1:]
	n, ok := readUvarint(&b)
	if !ok || n > uint64(len(b)) { // every name takes at least three bytes
		return nil, errLexicon
	}
	l := &Lexicon{kinds: make(map[string]NameKind, n)}
	prev := ""
	for i := uint64(0); i < n; i++ {
		p, ok1 := readUvarint(&b)
		k, ok2 := readUvarint(&b)
		if !ok1 || !ok2 || p > uint64(len(prev)) || k+1 > uint64(len(b)) {
			return nil, errLexicon
		}
		name := prev[:p] + string(b[:k])
		kind := NameKind(b[k])
		b = b[k+1:]
		if kind == NotAName || kind >= numNameKinds || name <= prev && i > 0 {
			return nil, errLexicon
		}
		l.kinds[text.Fold(name)] = kind // a lexicon from before names were folded
		prev = name
	}
	if len(b) != 0 {
		return nil, errLexicon
	}
	return l, nil
}

func appendUvarint(b []byte, v uint64) []byte {
	for v >= 0x80 {
		b = append(b, byte(v)|0x80)
		v >>= 7
	}
	return append(b, byte(v))
}

func readUvarint(b *[]byte) (uint64, bool) {
	var v uint64
	for i, c := range *b {
		if i == 10 {
			return 0, false
		}
		v |= uint64(c&0x7f) << (7 * i)
		if c < 0x80 {
			*b = (*b)[i+1:]
			return v, true
		}
	}
	return 0, false
}
