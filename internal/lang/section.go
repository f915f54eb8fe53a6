package lang

import (
	"encoding/binary"
	"errors"
	"sort"
)

// SectionName is the index section (index.Index.Sections) holding the
// profiles of a corpus's languages.
const SectionName = "lang"

// sectionVersion is the layout below; a reader refuses others.
//
//	version  uvarint (1)
//	n        uvarint, then n profiles in tag order:
//	  tag      string (primary subtag)
//	  script   string (ISO 15924)
//	  stops    uvarint k, k strings (folded stop words)
//	  prefixes rule table
//	  suffixes rule table
//	rule table: uvarint k, then k (key string, strip uvarint, add string)
//
// Strings are a uvarint length and UTF-8 bytes.
const sectionVersion = 1

// Profile is what an index knows of one of its languages.
type Profile struct {
	Tag     string
	Script  string
	Stops   map[string]bool
	Stemmer *Stemmer // nil: words are not stemmed
}

// Stem implements text.Analyzer.
func (p *Profile) Stem(w string) string { return p.Stemmer.Stem(w) }

// IsStop implements text.Analyzer.
func (p *Profile) IsStop(w string) bool { return p.Stops[w] }

// EncodeProfiles writes profiles as the "lang" section.
func EncodeProfiles(profiles []*Profile) []byte {
	ps := append([]*Profile(nil), profiles...)
	sort.Slice(ps, func(i, j int) bool { return ps[i].Tag < ps[j].Tag })
	b := binary.AppendUvarint(nil, sectionVersion)
	b = binary.AppendUvarint(b, uint64(len(ps)))
	for _, p := range ps {
		b = appendString(b, p.Tag)
		b = appendString(b, p.Script)
		b = binary.AppendUvarint(b, uint64(len(p.Stops)))
		for _, w := range sortedKeys(p.Stops) {
			b = appendString(b, w)
		}
		st := p.Stemmer
		if st == nil {
			st = &Stemmer{}
		}
		b = appendRules(b, &st.Prefixes)
		b = appendRules(b, &st.Suffixes)
	}
	return b
}

func appendRules(b []byte, t *RuleTable) []byte {
	b = binary.AppendUvarint(b, uint64(len(t.Rules)))
	for _, k := range sortedKeys(t.Rules) {
		r := t.Rules[k]
		b = appendString(b, k)
		b = binary.AppendUvarint(b, uint64(r.Strip))
		b = appendString(b, r.Add)
	}
	return b
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

var errSection = errors.New("lang: corrupt language section")

// DecodeProfiles reads the "lang" section.
func DecodeProfiles(b []byte) ([]*Profile, error) {
	r := reader{b: b}
	if v := r.uvarint(); v != sectionVersion {
		return nil, errors.New("lang: unsupported language section version")
	}
	n := r.count()
	var out []*Profile
	for i := 0; i < n && r.err == nil; i++ {
		p := &Profile{Tag: r.string(), Script: r.string(), Stops: map[string]bool{}}
		for k := r.count(); k > 0 && r.err == nil; k-- {
			p.Stops[r.string()] = true
		}
		p.Stemmer = &Stemmer{Prefixes: r.rules(), Suffixes: r.rules()}
		if len(p.Stemmer.Prefixes.Rules) == 0 && len(p.Stemmer.Suffixes.Rules) == 0 {
			p.Stemmer = nil
		}
		out = append(out, p)
	}
	if r.err != nil {
		return nil, r.err
	}
	if len(r.b) != 0 {
		return nil, errSection
	}
	return out, nil
}

type reader struct {
	b   []byte
	err error
}

func (r *reader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = errSection
		return 0
	}
	r.b = r.b[n:]
	return v
}

// count reads a length that must fit in what is left (every item takes at
// least one byte), so a corrupt count cannot make a huge allocation.
func (r *reader) count() int {
	v := r.uvarint()
	if v > uint64(len(r.b)) {
		r.err = errSection
		return 0
	}
	return int(v)
}

func (r *reader) string() string {
	n := r.count()
	if r.err != nil {
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

func (r *reader) rules() RuleTable {
	t := RuleTable{Rules: map[string]Rule{}}
	for k := r.count(); k > 0 && r.err == nil; k-- {
		key := r.string()
		rule := Rule{Strip: int(r.uvarint())}
		rule.Add = r.string()
		if rule.Strip > 255 {
			r.err = errSection
		}
		t.Rules[key] = rule
		n := 0
		for range key {
			n++
		}
		if len(key) >= len(WholeWord) && key[:len(WholeWord)] == WholeWord {
			n -= len(WholeWord)
		}
		t.MaxRunes = max(t.MaxRunes, n)
	}
	return t
}
