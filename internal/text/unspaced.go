package text

import (
	"unicode"
	"unicode/utf8"
)

// Chinese, Japanese and Thai are written without spaces between words, and
// a Korean word carries its particles: a run of such letters has no word
// boundaries to find without a dictionary. Overlapping character bigrams
// are the usual dictionary-free terms for them (Lucene's CJK analyser does
// the same): "疫苗接种" gives 疫苗 苗接 接种, and a sentence sharing the word
// 疫苗 shares its bigram.

// isUnspaced reports whether r is a letter of a script written without
// spaces between words (or, for Korean, with particles glued on).
func isUnspaced(r rune) bool {
	if r < 0x0E00 {
		return false // ASCII and the alphabets written with spaces: nearly every rune
	}
	switch ScriptOf(r) {
	case "Hani", "Kana", "Hang", "Thai", "Laoo", "Khmr", "Mymr":
		// Letters only: "・" and the ideographic space sit in these blocks.
		return unicode.IsLetter(r)
	}
	return false
}

// scanUnspaced returns the end of the run of unspaced letters (and their
// combining marks) starting at i.
func scanUnspaced(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isUnspaced(r) && !unicode.IsMark(r) {
			break
		}
		i += size
	}
	return i
}

// appendBigrams appends the overlapping bigrams of the characters of
// s[start:end] (a character being a letter with its combining marks); a
// run of one character is one token.
func appendBigrams(toks []Token, s string, start, end int) []Token {
	var chars []int // start offsets of characters, then end
	for i := start; i < end; {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsMark(r) || len(chars) == 0 {
			chars = append(chars, i)
		}
		i += size
	}
	chars = append(chars, end)
	if len(chars) == 2 {
		return appendFolded(toks, s, start, end)
	}
	for k := 0; k+2 < len(chars); k++ {
		toks = appendFolded(toks, s, chars[k], chars[k+2])
	}
	return toks
}
