package text

import (
	"unicode"
	"unicode/utf8"
)

// Scripts by Unicode block, as code point ranges: the unicode package's
// script tables would be exact but cost the widget 14 kB (brotli) of
// tables, and a block is all a language guess and the bigram rule need.
// Codes are ISO 15924; Japanese kana are "Kana", Han "Hani".
var scriptRanges = [...]struct {
	lo, hi rune
	code   string
}{
	{0x0041, 0x005A, "Latn"}, {0x0061, 0x007A, "Latn"}, {0x00C0, 0x024F, "Latn"},
	{0x0370, 0x03FF, "Grek"}, {0x0400, 0x052F, "Cyrl"}, {0x0530, 0x058F, "Armn"}, {0x0590, 0x05FF, "Hebr"},
	{0x0600, 0x06FF, "Arab"}, {0x0750, 0x077F, "Arab"}, {0x08A0, 0x08FF, "Arab"},
	{0x0900, 0x097F, "Deva"}, {0x0980, 0x09FF, "Beng"}, {0x0A00, 0x0A7F, "Guru"}, {0x0A80, 0x0AFF, "Gujr"},
	{0x0B00, 0x0B7F, "Orya"}, {0x0B80, 0x0BFF, "Taml"}, {0x0C00, 0x0C7F, "Telu"}, {0x0C80, 0x0CFF, "Knda"},
	{0x0D00, 0x0D7F, "Mlym"}, {0x0D80, 0x0DFF, "Sinh"}, {0x0E00, 0x0E7F, "Thai"}, {0x0E80, 0x0EFF, "Laoo"},
	{0x1000, 0x109F, "Mymr"}, {0x10A0, 0x10FF, "Geor"}, {0x1100, 0x11FF, "Hang"}, {0x1200, 0x139F, "Ethi"},
	{0x1780, 0x17FF, "Khmr"}, {0x1E00, 0x1EFF, "Latn"}, {0x1F00, 0x1FFF, "Grek"},
	{0x3040, 0x309F, "Kana"}, {0x30A0, 0x30FF, "Kana"}, {0x3130, 0x318F, "Hang"}, {0x31F0, 0x31FF, "Kana"},
	{0x3400, 0x4DBF, "Hani"}, {0x4E00, 0x9FFF, "Hani"}, {0xAC00, 0xD7AF, "Hang"}, {0xF900, 0xFAFF, "Hani"},
	{0xFB50, 0xFDFF, "Arab"}, {0xFE70, 0xFEFF, "Arab"}, {0xFF21, 0xFF3A, "Latn"}, {0xFF41, 0xFF5A, "Latn"},
	{0xFF66, 0xFF9F, "Kana"}, {0xFFA0, 0xFFDC, "Hang"}, {0x20000, 0x323AF, "Hani"},
}

// ScriptOf returns the ISO 15924 code of the block r is in ("" for
// punctuation, symbols and blocks not listed).
func ScriptOf(r rune) string {
	if k := scriptIndex(r); k >= 0 {
		return scriptRanges[k].code
	}
	return ""
}

func scriptIndex(r rune) int {
	lo, hi := 0, len(scriptRanges)
	for lo < hi {
		mid := (lo + hi) / 2
		switch sr := &scriptRanges[mid]; {
		case r < sr.lo:
			hi = mid
		case r > sr.hi:
			lo = mid + 1
		default:
			return mid
		}
	}
	return -1
}

// maxScriptLetters bounds the letters Script reads: a page's script is
// clear long before its end.
const maxScriptLetters = 4000

// Script returns the script (ISO 15924) most letters of s are written in,
// "" when s has no letters of a listed block. Kana make it "Jpan", with
// the Han characters Japanese writes among them.
func Script(s string) string {
	var counts [len(scriptRanges)]int
	letters, kana, han := 0, 0, 0
	for i := 0; i < len(s) && letters < maxScriptLetters; {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if k := scriptIndex(r); k >= 0 && (r < 0x80 || unicode.IsLetter(r)) {
			counts[k]++
			letters++
			switch scriptRanges[k].code {
			case "Kana":
				kana++
			case "Hani":
				han++
			}
		}
	}
	if kana > 0 && kana+han >= letters/2 {
		return "Jpan"
	}
	// Add up the blocks of each script; the first listed wins a tie.
	best, n := "", 0
	for k := range scriptRanges {
		c := 0
		for j := range scriptRanges {
			if scriptRanges[j].code == scriptRanges[k].code {
				c += counts[j]
			}
		}
		if c > n {
			best, n = scriptRanges[k].code, c
		}
	}
	return best
}
