// Package foldref is the reference definition of text.Fold, written with
// golang.org/x/text/unicode/norm: compatibility normalisation (NFKC), then
// canonical decomposition (NFD) so that accents can be dropped. The widget
// cannot afford norm's tables (39 kB brotli of its 700 kB), so text.Fold
// uses a table generated from this package (text/gen_fold.go) and a test
// holds the two equal on every rune the table covers. Nothing outside that
// generator and that test imports it.
package foldref

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold is text.Fold's reference: NFKC, lower case, diacritics removed
// ("São" -> "sao"), typographic apostrophes unified; the vowel signs of the
// scripts of India and South-East Asia kept, their nukta dropped.
func Fold(s string) string {
	s = norm.NFKC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	keepMarks := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			if keepMarks && !IsNukta(r) {
				b.WriteRune(r)
			}
			continue
		case IsApostrophe(r):
			b.WriteByte('\'')
		default:
			keepMarks = KeepsMarks(r)
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// IsApostrophe reports the characters folded to "'".
func IsApostrophe(r rune) bool {
	return r == '\u2019' || r == '\u2018' || r == '\u02bc' || r == '`' || r == '\u00b4'
}

// KeepsMarks reports a letter of the scripts of India and South-East Asia,
// whose combining marks are vowels ("के" is not "क") and stay.
func KeepsMarks(r rune) bool {
	return r >= 0x0900 && r <= 0x0DFF || r >= 0x0E00 && r <= 0x0EFF || r >= 0x1000 && r <= 0x109F ||
		r >= 0x1780 && r <= 0x17FF
}

// IsNukta reports the nukta of the Indic scripts (Devanagari to Kannada), a
// dot that writers often leave out ("ग़लत" and "गलत"): it goes like an accent.
func IsNukta(r rune) bool {
	switch r {
	case 0x093C, 0x09BC, 0x0A3C, 0x0ABC, 0x0B3C, 0x0CBC:
		return true
	}
	return false
}

// Excluded reports the runes the generated table leaves out: blocks that
// news text rarely holds and whose folding would cost the widget more than
// it is worth (Hangul syllables, which NFD would split into jamo, stay
// whole; CJK compatibility ideographs, Kangxi radicals, enclosed CJK and
// mathematical alphanumerics keep their own form).
func Excluded(r rune) bool {
	return r >= 0xAC00 && r <= 0xD7A3 || // Hangul syllables
		r >= 0x2E80 && r <= 0x2FDF || // CJK radicals, Kangxi radicals
		r >= 0x3130 && r <= 0x318F || // Hangul compatibility jamo
		r >= 0x3200 && r <= 0x33FF || // enclosed CJK letters, CJK compatibility
		r >= 0xF900 && r <= 0xFAFF || // CJK compatibility ideographs
		r >= 0x1D400 && r <= 0x1D7FF || // mathematical alphanumeric symbols
		r >= 0x2F800 && r <= 0x2FA1F // CJK compatibility ideographs supplement
}
