package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a sentence of a larger text, as byte offsets into it.
type Span struct{ Start, End int }

// abbreviations end with a period that does not end a sentence. Lower-case,
// without the final period.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sen": true, "rep": true, "gov": true,
	"gen": true, "lt": true, "col": true, "sgt": true, "capt": true, "st": true, "jr": true, "sr": true,
	"vs": true, "etc": true, "e.g": true, "i.e": true, "u.s": true, "u.k": true, "u.n": true, "no": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "inc": true, "ltd": true, "co": true, "corp": true,
	"dept": true, "est": true, "approx": true, "fig": true, "p": true, "pp": true, "vol": true, "a.m": true,
	"p.m": true, "d.c": true,
}

// Sentences splits a text into sentences. A sentence ends at '.', '!' or '?'
// (with any closing quotes or brackets) followed by white space and an
// upper-case letter, digit or opening quote, or at a blank line or line
// break; periods of abbreviations, initials and decimals do not end one.
// Leading and trailing white space is trimmed from every span.
func Sentences(s string) []Span {
	var out []Span
	start := 0
	emit := func(end int) {
		a, b := trimSpace(s, start, end)
		if a < b {
			out = append(out, Span{a, b})
		}
		start = end
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\n':
			emit(i)
			i++
		case c == '.' || c == '!' || c == '?' || strings.HasPrefix(s[i:], "…"):
			end := i + 1
			if strings.HasPrefix(s[i:], "…") {
				end = i + len("…")
			}
			for end < len(s) && (s[end] == '.' || s[end] == '!' || s[end] == '?') {
				end++
			}
			end = skipClosers(s, end)
			if isBoundary(s, i, end) {
				emit(end)
			}
			i = end
		default:
			i++
		}
	}
	emit(len(s))
	return out
}

// skipClosers moves past closing quotes and brackets after terminal
// punctuation: `He said "no."` ends after the quote.
func skipClosers(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '"' || r == '\'' || r == ')' || r == ']' || r == '\u201d' || r == '\u2019' || r == '\u00bb' {
			i += size
			continue
		}
		return i
	}
	return i
}

// isBoundary decides whether the terminal punctuation at s[p] (extended to
// end) ends a sentence.
func isBoundary(s string, p, end int) bool {
	if end >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[end:])
	if !unicode.IsSpace(r) {
		return false // "3.5", "U.S.-led", "example.com"
	}
	if s[p] == '.' && end == p+1 && isAbbreviation(s, p) {
		return false
	}
	// Look at the first visible character of the next sentence.
	j := end
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if r == '\n' {
			return true
		}
		if !unicode.IsSpace(r) {
			break
		}
		j += size
	}
	if j >= len(s) {
		return true
	}
	r, _ = utf8.DecodeRuneInString(s[j:])
	// Anything but a lower-case letter starts a new sentence: capitals,
	// digits, quotes, brackets, hashtags.
	return !unicode.IsLower(r)
}

// isAbbreviation reports whether the word before the period at p is a known
// abbreviation or a single initial ("J. Smith").
func isAbbreviation(s string, p int) bool {
	w := p
	for w > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:w])
		if !(unicode.IsLetter(r) || r == '.') {
			break
		}
		w -= size
	}
	word := strings.ToLower(s[w:p])
	if word == "" {
		return false
	}
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(s[w:])
		return unicode.IsUpper(r)
	}
	return abbreviations[word]
}

func trimSpace(s string, a, b int) (int, int) {
	for a < b {
		r, size := utf8.DecodeRuneInString(s[a:])
		if !unicode.IsSpace(r) {
			break
		}
		a += size
	}
	for b > a {
		r, size := utf8.DecodeLastRuneInString(s[:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= size
	}
	return a, b
}
