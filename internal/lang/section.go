package lang

import (
	"errors"
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/factcheckwidget/factcheck/internal/binfmt"
	"github.com/factcheckwidget/factcheck/internal/text"
)

// SectionName is the index section (index.Index.Sections) holding the
// profiles of a corpus's languages.
const SectionName = "lang"

// sectionVersion is the layout below; a reader refuses others.
//
//	version  uvarint (2; 1 is read, without the languages)
//	n        uvarint, then n profiles in tag order:
//	  tag      string (primary subtag)
//	  script   string (ISO 15924)
//	  stops    uvarint k, k strings (folded stop words)
//	  prefixes rule table
//	  suffixes rule table
//	rule table: uvarint k, then k (key string, strip uvarint, add string)
//	languages  uvarint m, then m (tag string, claims uvarint): the claims'
//	           languages in id order and how many claims each has, so a
//	           reader that has no claim records (a sharded corpus before it
//	           fetches them) still knows which languages to read a page in
//
// Strings are a uvarint length and UTF-8 bytes.
const sectionVersion = 2

// Language is one of a corpus's claim languages and how many claims it
// has.
type Language struct {
	Tag    string
	Claims int
}

// Profile is what an index knows of one of its languages.
type Profile struct {
	Tag     string
	Script  string
	Stops   map[string]bool
	Stemmer *text.Stemmer // nil: words are not stemmed
}

// Stem implements text.Analyzer.
func (p *Profile) Stem(w string) string { return p.Stemmer.Stem(w) }

// IsStop implements text.Analyzer.
func (p *Profile) IsStop(w string) bool { return p.Stops[w] }

// EncodeSection writes profiles and the claims' languages as the "lang"
// section.
func EncodeSection(profiles []*Profile, languages []Language) []byte {
	b := EncodeProfiles(profiles)
	b[0] = sectionVersion
	b = binfmt.AppendUvarint(b, uint64(len(languages)))
	for _, l := range languages {
		b = binfmt.AppendString(b, l.Tag)
		b = binfmt.AppendUvarint(b, uint64(l.Claims))
	}
	return b
}

// EncodeProfiles writes profiles as a version 1 "lang" section (without
// the languages).
func EncodeProfiles(profiles []*Profile) []byte {
	ps := append([]*Profile(nil), profiles...)
	sort.Slice(ps, func(i, j int) bool { return ps[i].Tag < ps[j].Tag })
	b := binfmt.AppendUvarint(nil, 1)
	b = binfmt.AppendUvarint(b, uint64(len(ps)))
	for _, p := range ps {
		b = binfmt.AppendString(b, p.Tag)
		b = binfmt.AppendString(b, p.Script)
		b = binfmt.AppendUvarint(b, uint64(len(p.Stops)))
		for _, w := range sortedKeys(p.Stops) {
			b = binfmt.AppendString(b, w)
		}
		st := p.Stemmer
		if st == nil {
			st = &text.Stemmer{}
		}
		b = appendRules(b, &st.Prefixes)
		b = appendRules(b, &st.Suffixes)
	}
	return b
}

func appendRules(b []byte, t *text.RuleTable) []byte {
	b = binfmt.AppendUvarint(b, uint64(len(t.Rules)))
	for _, k := range sortedKeys(t.Rules) {
		r := t.Rules[k]
		b = binfmt.AppendString(b, k)
		b = binfmt.AppendUvarint(b, uint64(r.Strip))
		b = binfmt.AppendString(b, r.Add)
	}
	return b
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

// DecodeProfiles reads the profiles of the "lang" section.
func DecodeProfiles(b []byte) ([]*Profile, error) {
	ps, _, err := DecodeSection(b)
	return ps, err
}

// DecodeSection reads the "lang" section: the profiles, and the claims'
// languages (nil in a version 1 section).
func DecodeSection(b []byte) ([]*Profile, []Language, error) {
	r := binfmt.NewReader(b, errSection, errSection)
	version := r.Uvarint()
	if version != 1 && version != sectionVersion {
		return nil, nil, errors.New("lang: unsupported language section version")
	}
	var out []*Profile
	for n := r.Count(2); n > 0 && r.Err() == nil; n-- {
		p := &Profile{Tag: r.Str(), Script: r.Str(), Stops: map[string]bool{}}
		for k := r.Count(1); k > 0 && r.Err() == nil; k-- {
			p.Stops[r.Str()] = true
		}
		st := &text.Stemmer{}
		for _, t := range []*text.RuleTable{&st.Prefixes, &st.Suffixes} {
			t.Rules = map[string]text.Rule{}
			for k := r.Count(3); k > 0 && r.Err() == nil; k-- {
				key := r.Str()
				t.Rules[key] = text.Rule{Strip: int(min(r.Uvarint(), 255)), Add: r.Str()}
				n := utf8.RuneCountInString(key)
				if strings.HasPrefix(key, text.WholeWord) {
					n--
				}
				t.MaxRunes = min(max(t.MaxRunes, n), text.MaxRuleRunes-1)
			}
		}
		if len(st.Prefixes.Rules)+len(st.Suffixes.Rules) > 0 {
			p.Stemmer = st
		}
		out = append(out, p)
	}
	var langs []Language
	if version >= 2 {
		// A language's claim count is a value, not a count of what
		// follows: a corpus's 19,250 English claims take three bytes.
		for n := r.Count(2); n > 0 && r.Err() == nil; n-- {
			langs = append(langs, Language{Tag: r.Str(), Claims: r.Int(math.MaxInt32)})
		}
	}
	if err := r.Done(); err != nil {
		return nil, nil, err
	}
	return out, langs, nil
}
