package trust

import (
	"errors"
	"sort"

	"github.com/factcheckwidget/factcheck/internal/binfmt"
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

// NewLexicon returns an empty lexicon to fill with Set (a sharded
// corpus's reader adds the names each fetched part carries).
func NewLexicon() *Lexicon { return &Lexicon{kinds: map[string]NameKind{}} }

// Set gives a name (folded, as Kind reads it) its kind.
func (l *Lexicon) Set(name string, k NameKind) { l.kinds[name] = k }

// Kind returns the kind of a name, NotAName when unknown. Names are
// compared folded (text.Fold: lower case, no diacritics), so "Inácio"
// and "Inacio" are one name.
func (l *Lexicon) Kind(name string) NameKind { return l.kindOf(text.Fold(name)) }

// kindOf is Kind of a name already folded.
func (l *Lexicon) kindOf(key string) NameKind {
	if l == nil {
		return NotAName
	}
	return l.kinds[key]
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
// Encoding, version 2 (integers are unsigned LEB128 varints):
//
//	byte     version (2)
//	uvarint  n, the number of names
//	n times, in byte order of the names:
//	  uvarint  p, bytes shared with the previous name (front coding: the
//	           longest shared prefix)
//	  uvarint  k, then k bytes: the rest of the name (UTF-8, folded:
//	           text.Fold of it is itself)
//	  byte     kind (NameKind: 1 person, 2 given name, 3 place, 4 organisation)
//
// Version 1 is the same with names only lower-cased ("são paulo"); it is
// still read, its names folded as they load. The index's checksum covers
// the section; DecodeLexicon still rejects any out-of-range or
// non-canonical value, so a section written by a newer build is an error,
// not a panic.
const LexiconVersion = 2

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
	b = binfmt.AppendUvarint(b, uint64(len(names)))
	prev := ""
	for _, n := range names {
		p := sharedPrefix(prev, n)
		b = binfmt.AppendUvarint(b, uint64(p))
		b = binfmt.AppendUvarint(b, uint64(len(n)-p))
		b = append(b, n[p:]...)
		b = append(b, byte(l.kinds[n]))
		prev = n
	}
	return b
}

var errLexicon = errors.New("trust: malformed lexicon section")

// sharedPrefix is how many leading bytes a and b share.
func sharedPrefix(a, b string) int {
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	return p
}

// DecodeLexicon reads a lexicon written by Encode.
func DecodeLexicon(b []byte) (*Lexicon, error) {
	if len(b) == 0 || b[0] != LexiconVersion && b[0] != 1 {
		return nil, errors.New("trust: unknown lexicon version")
	}
	v1 := b[0] == 1
	r := binfmt.NewReader(b[1:], errLexicon, errLexicon)
	n := r.Count(3) // every name takes at least three bytes
	l := &Lexicon{kinds: make(map[string]NameKind, n)}
	prev := ""
	for i := 0; i < n && r.Err() == nil; i++ {
		p := r.Int(len(prev))
		name := prev[:p] + r.Str()
		kind := NameKind(r.Byte())
		// Encode shares the longest prefix; anything else is not a lexicon
		// it wrote (and would not encode back to the same bytes).
		key := text.Fold(name)
		if r.Err() == nil && (kind == NotAName || kind >= numNameKinds || name <= prev && i > 0 || sharedPrefix(prev, name) != p || key != name && !v1) {
			r.Corrupt()
		}
		l.kinds[key] = kind
		prev = name
	}
	if err := r.Done(); err != nil {
		return nil, err
	}
	return l, nil
}
