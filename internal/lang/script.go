package lang

import (
	"unicode"
	"unicode/utf8"
)

// Scripts a corpus language and a page are compared by (ISO 15924 codes).
// Japanese is "Jpan" whenever kana appear; Han alone is "Hani".
var scripts = []struct {
	code  string
	table *unicode.RangeTable
}{
	{"Latn", unicode.Latin}, {"Cyrl", unicode.Cyrillic}, {"Arab", unicode.Arabic}, {"Deva", unicode.Devanagari},
	{"Beng", unicode.Bengali}, {"Hani", unicode.Han}, {"Kana", unicode.Hiragana}, {"Kana", unicode.Katakana},
	{"Hang", unicode.Hangul}, {"Grek", unicode.Greek}, {"Hebr", unicode.Hebrew}, {"Thai", unicode.Thai},
	{"Taml", unicode.Tamil}, {"Telu", unicode.Telugu}, {"Gujr", unicode.Gujarati}, {"Guru", unicode.Gurmukhi},
	{"Knda", unicode.Kannada}, {"Mlym", unicode.Malayalam}, {"Geor", unicode.Georgian}, {"Armn", unicode.Armenian},
}

// maxScriptLetters bounds the letters a script guess reads: a page's
// script is clear long before its end.
const maxScriptLetters = 4000

// Script returns the script most letters of s are written in ("" when s
// has no letters of a known script). Kana anywhere make it "Jpan", with
// the Han characters Japanese writes among them.
func Script(s string) string {
	counts := map[string]int{}
	letters := 0
	for i := 0; i < len(s) && letters < maxScriptLetters; {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r < 0x80 {
			if r|0x20 >= 'a' && r|0x20 <= 'z' {
				counts["Latn"]++
				letters++
			}
			continue
		}
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		for _, sc := range scripts {
			if unicode.Is(sc.table, r) {
				counts[sc.code]++
				break
			}
		}
	}
	if counts["Kana"] > 0 {
		counts["Jpan"] = counts["Kana"] + counts["Hani"]
		delete(counts, "Kana")
		delete(counts, "Hani")
	}
	best, n := "", 0
	for _, sc := range scripts {
		code := sc.code
		if code == "Kana" {
			code = "Jpan"
		}
		if c := counts[code]; c > n {
			best, n = code, c
		}
	}
	return best
}
