// Package main is the widget's WebAssembly entry: a thin adapter between
// the page's Web Worker and internal/engine. This file holds the pure-Go
// part (offset conversion, encoding the results for JavaScript)
// so it builds and is tested natively; main.go holds the syscall/js glue.
package main

import (
	"math"
	"sort"
	"strconv"
	"unicode/utf8"

	"github.com/factcheckwidget/factcheck/internal/engine"
)

// Version of the widget API exposed to JavaScript; bump on a breaking change
// to the shape of the results.
const Version = "0.1.0"

// utf16Map converts byte offsets of a UTF-8 string into UTF-16 code-unit
// offsets (what JavaScript string indices count). Offsets are collected
// first and converted in one pass over the text.
type utf16Map struct {
	bytes []int // sorted, unique byte offsets
	units []int // units[i] is the UTF-16 offset of bytes[i]
}

func newUTF16Map(s string, offsets []int) *utf16Map {
	b := append([]int(nil), offsets...)
	// sort.Slice, not sort.Ints: the latter is slices.Sort, whose int
	// instantiation (12 kB of wasm) nothing else in the widget needs.
	sort.Slice(b, func(i, j int) bool { return b[i] < b[j] })
	b = compactInts(b)
	u := make([]int, len(b))
	pos, units := 0, 0
	for i, off := range b {
		if off > len(s) {
			off = len(s)
		}
		for pos < off {
			r, size := utf8.DecodeRuneInString(s[pos:])
			if pos+size > off { // offset inside a rune: count it as the rune's start
				break
			}
			pos += size
			units += utf16Len(r)
		}
		u[i] = units
	}
	return &utf16Map{bytes: b, units: u}
}

// units returns the UTF-16 offset of byte offset off, which must have been
// given to newUTF16Map.
func (m *utf16Map) at(off int) int {
	i := sort.SearchInts(m.bytes, off)
	if i == len(m.bytes) {
		return m.units[len(m.units)-1]
	}
	return m.units[i]
}

// utf16Len is how many UTF-16 code units encode r. Invalid bytes decode to
// U+FFFD, one unit, as a JS string built from the same bytes would hold.
func utf16Len(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}

func compactInts(s []int) []int {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// The results cross from Go to JavaScript as one string, not as nested JS
// objects: building objects through syscall/js costs a call per property
// (a fifth of a check's time), a string costs one copy. Records are
// separated by RS (0x1e) and fields by US (0x1f); the worker's decode()
// turns them back into objects. Kinds, in order:
//
//	S start end text                     a matched sentence (UTF-16 offsets)
//	M id claim title rating verdict publisher site url reviewDate
//	  claimant claimDate score tier summary  a match of the sentence above
//	F kind page claim start end          a flag of the match above
//	E kind text claim start end          evidence of the match above
const (
	recSep   = 0x1e
	fieldSep = 0x1f
)

type encoder struct{ b []byte }

func (e *encoder) rec(kind byte) {
	if len(e.b) > 0 {
		e.b = append(e.b, recSep)
	}
	e.b = append(e.b, kind)
}

// str writes a field; separator bytes in text become spaces (they are
// ASCII, so never part of a multi-byte UTF-8 sequence). Not inlined: Go's
// wasm code is large, and str has a dozen call sites.
//
//go:noinline
func (e *encoder) str(s string) {
	e.b = append(e.b, fieldSep)
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == recSep || c == fieldSep {
			e.b = append(e.b, ' ')
		} else {
			e.b = append(e.b, c)
		}
	}
}

func (e *encoder) int(n int) { e.b = strconv.AppendInt(append(e.b, fieldSep), int64(n), 10) }

// encodeArticle encodes the matched sentences of article; sentences
// without matches are left out.
func encodeArticle(article string, sents []engine.Sentence) string {
	var offs []int
	for _, s := range sents {
		if len(s.Matches) == 0 {
			continue
		}
		offs = append(offs, s.Span.Start, s.Span.End)
		offs = appendMatchOffsets(offs, s.Matches, s.Span.Start)
	}
	if len(offs) == 0 {
		return ""
	}
	u, e := newUTF16Map(article, offs), &encoder{}
	for _, s := range sents {
		if len(s.Matches) == 0 {
			continue
		}
		e.rec('S')
		e.int(u.at(s.Span.Start))
		e.int(u.at(s.Span.End))
		e.str(s.Text)
		for i := range s.Matches {
			e.match(&s.Matches[i], s.Span.Start, u)
		}
	}
	return string(e.b)
}

// encodeMatches encodes the matches of one free-text query (search), with
// spans in UTF-16 units of q.
func encodeMatches(q string, ms []engine.Match) string {
	u, e := newUTF16Map(q, appendMatchOffsets([]int{0}, ms, 0)), &encoder{}
	for i := range ms {
		e.match(&ms[i], 0, u)
	}
	return string(e.b)
}

// appendMatchOffsets adds the byte offsets of the spans of ms, which are
// relative to a sentence starting at base.
func appendMatchOffsets(offs []int, ms []engine.Match, base int) []int {
	for _, m := range ms {
		for _, ev := range m.Evidence {
			offs = append(offs, base+ev.Span.Start, base+ev.Span.End)
		}
		for _, f := range m.Flags {
			offs = append(offs, base+f.Span.Start, base+f.Span.End)
		}
	}
	return offs
}

// appendScore writes a probability in [0, 1] with four decimals ("0.9731")
// with integer arithmetic: strconv's float formatting would add its tables
// to every reader's download for this one field.
func appendScore(b []byte, p float64) []byte {
	v := int(math.Round(min(max(p, 0), 1) * 1e4))
	b = strconv.AppendInt(b, int64(v/10000), 10)
	frac := v % 10000
	b = append(b, '.')
	for d := 1000; d > 0; d /= 10 {
		b = append(b, byte('0'+frac/d%10))
	}
	return b
}

// match writes one match as a card needs it. base is the byte offset of
// its sentence in the converted text.
func (e *encoder) match(m *engine.Match, base int, u *utf16Map) {
	c := m.Claim
	e.rec('M')
	for _, s := range []string{c.ID, c.Text, c.Title, c.Rating, c.Verdict.String(), c.Publisher, c.PublisherSite,
		c.URL, c.ReviewDate, c.Claimant, c.ClaimDate} {
		e.str(s)
	}
	e.b = appendScore(append(e.b, fieldSep), m.Score)
	e.str(m.Tier.String())
	e.str(engine.Summary(m))
	for _, f := range m.Flags {
		e.rec('F')
		e.str(f.Kind)
		e.str(f.Page)
		e.str(f.Claim)
		e.int(u.at(base + f.Span.Start))
		e.int(u.at(base + f.Span.End))
	}
	for _, ev := range m.Evidence {
		e.rec('E')
		e.str(ev.Kind)
		e.str(ev.Text)
		e.str(ev.Claim)
		e.int(u.at(base + ev.Span.Start))
		e.int(u.at(base + ev.Span.End))
	}
}
