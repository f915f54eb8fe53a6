// Package text is the language pipeline shared by indexing and matching:
// Unicode normalisation, tokenisation, stop words, stemming, character
// n-grams and sentence segmentation. Everything here is pure and
// allocation-conscious because the widget runs it in the reader's browser.
package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns the matching form of a word: compatibility-normalised (NFKC
// turns "ﬁ" into "fi" and full-width digits into ASCII), lower-cased, with
// diacritics removed ("São" -> "sao") and typographic apostrophes unified.
func Fold(s string) string {
	if isPlainLower(s) {
		return s
	}
	s = norm.NFKC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	// NFD splits "é" into "e" + combining accent so the accent can be
	// dropped. In the scripts of India and South-East Asia the combining
	// marks are vowels ("के" is not "क"): they stay, but the nukta, a dot
	// that writers often leave out ("ग़लत" and "गलत"), goes like an accent.
	keepMarks := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			if keepMarks && !isNukta(r) {
				b.WriteRune(r)
			}
			continue
		case r == '\u2019' || r == '\u2018' || r == '\u02bc' || r == '`' || r == '\u00b4':
			b.WriteByte('\'')
		default:
			keepMarks = r >= 0x0900 && r <= 0x0DFF || r >= 0x0E00 && r <= 0x0EFF || r >= 0x1000 && r <= 0x109F ||
				r >= 0x1780 && r <= 0x17FF
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// isPlainLower reports whether s is already ASCII lower-case letters, digits
// and punctuation, which is the common case and needs no Unicode work.
func isPlainLower(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || (c >= 'A' && c <= 'Z') || c == '`' {
			return false
		}
	}
	return true
}

// isNukta reports the nukta of the Indic scripts (Devanagari to Kannada),
// which NFD splits off consonants such as "ग़".
func isNukta(r rune) bool {
	switch r {
	case 0x093C, 0x09BC, 0x0A3C, 0x0ABC, 0x0B3C, 0x0CBC:
		return true
	}
	return false
}
