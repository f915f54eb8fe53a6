// Package text is the language pipeline shared by indexing and matching:
// Unicode normalisation, tokenisation, stop words, stemming, character
// n-grams and sentence segmentation. Everything here is pure and
// allocation-conscious because the widget runs it in the reader's browser.
package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:generate go run gen_fold.go

// Fold returns the matching form of a word: compatibility-normalised ("ﬁ"
// is "fi", full-width digits are ASCII), lower-cased, with diacritics
// removed ("São" -> "sao") and typographic apostrophes unified. The vowel
// signs of the scripts of India and South-East Asia stay ("के" is not "क");
// their nukta, a dot writers often leave out ("ग़लत" and "गलत"), goes like an
// accent. The definition is foldref.Fold (NFKC then NFD with
// golang.org/x/text/unicode/norm); this reads each rune through a table of
// compatibility decompositions generated from norm (gen_fold.go) and is the
// same on every rune outside the blocks the table leaves out
// (TestFoldMatchesReference), without norm's tables in the widget. It does
// not reorder a run of several combining marks as NFD does.
func Fold(s string) string {
	if isPlainLower(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	keepMarks := false
	for _, r := range s {
		if d, ok := decomposed(r); ok {
			for _, r := range d {
				keepMarks = foldRune(&b, r, keepMarks)
			}
			continue
		}
		keepMarks = foldRune(&b, r, keepMarks)
	}
	return b.String()
}

// foldRune writes the matching form of one decomposed rune and reports
// whether marks after it stay.
func foldRune(b *strings.Builder, r rune, keepMarks bool) bool {
	switch {
	case unicode.Is(unicode.Mn, r):
		if keepMarks && !isNukta(r) {
			b.WriteRune(r)
		}
		return keepMarks
	case r == '\u2019' || r == '\u2018' || r == '\u02bc' || r == '`' || r == '\u00b4':
		b.WriteByte('\'')
		return false
	}
	b.WriteRune(unicode.ToLower(r))
	return keepsMarks(r)
}

// decomposed returns r's compatibility decomposition (NFKD) when it is not
// r itself (fold_table.go).
func decomposed(r rune) (string, bool) {
	lo, hi := 0, len(foldFrom)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if foldFrom[mid] < r {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(foldFrom) && foldFrom[lo] == r {
		return foldTo[foldAt[lo]:foldAt[lo+1]], true
	}
	return "", false
}

// keepsMarks reports a letter of the scripts of India and South-East Asia,
// whose combining marks are vowels and stay.
func keepsMarks(r rune) bool {
	return r >= 0x0900 && r <= 0x0DFF || r >= 0x0E00 && r <= 0x0EFF || r >= 0x1000 && r <= 0x109F ||
		r >= 0x1780 && r <= 0x17FF
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

// isNukta reports the nukta of the Indic scripts (Devanagari to Kannada).
func isNukta(r rune) bool {
	switch r {
	case 0x093C, 0x09BC, 0x0A3C, 0x0ABC, 0x0B3C, 0x0CBC:
		return true
	}
	return false
}
