// Package trust finds the details on which a page sentence and the
// fact-checked claim it matched can disagree — numbers, trends, dates,
// named entities and negation — and turns disagreements into flags, so the
// widget says "a variant of this claim was rated False" instead of pinning
// the verdict on a sentence that says something else.
//
// Everything here is pure Go without fmt or encoding/json because it links
// into the browser wasm, and it works on one shared token stream per text
// so Compare lexes each side once.
package trust

import (
	"github.com/factcheckwidget/factcheck/internal/text"

	"strings"
	"unicode"
	"unicode/utf8"
)

type tokKind uint8

const (
	tWord tokKind = iota
	tNum
	tPunct
)

// tok is one word, number or punctuation rune with byte offsets; low is the
// lower-cased text (no allocation for text that is already lower case).
type tok struct {
	s, low     string
	start, end int
	kind       tokKind
	poss       bool // a possessive "'s" followed the word ("Trump's")
}

func (t tok) capitalised() bool {
	r, _ := utf8.DecodeRuneInString(t.s)
	return unicode.IsUpper(r)
}

// allCaps reports an acronym such as "DPRK" or "U.S.".
func (t tok) allCaps() bool {
	letters := 0
	for _, r := range t.s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// lex splits s into tokens. Numbers keep "," thousands groups and one
// decimal point; words keep inner apostrophes ("didn't") but lose a
// possessive "'s"; dotted acronyms ("U.S.") are one token.
func lex(s string) []tok {
	toks := make([]tok, 0, len(s)/4+1)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case urlAt(s, i):
			for i < len(s) && s[i] != ' ' && s[i] != '\n' && s[i] != '\t' {
				i++ // a link names nobody and states no figure
			}
		case r >= '0' && r <= '9':
			end := text.ScanNumber(s, i)
			toks = append(toks, tok{s: s[i:end], low: s[i:end], start: i, end: end, kind: tNum})
			i = end
		case unicode.IsLetter(r):
			if end := scanAcronym(s, i); end > i {
				toks = append(toks, tok{s: s[i:end], low: strings.ToLower(s[i:end]), start: i, end: end, kind: tWord})
				i = end
				continue
			}
			end := scanWord(s, i)
			wend := trimPossessive(s, i, end)
			toks = append(toks, tok{s: s[i:wend], low: strings.ToLower(s[i:wend]), start: i, end: wend, kind: tWord, poss: wend < end})
			i = end
		default:
			toks = append(toks, tok{s: s[i : i+size], low: s[i : i+size], start: i, end: i + size, kind: tPunct})
			i += size
		}
	}
	return toks
}

// urlAt reports a link starting at i, in any case ("HTTPS://T.CO/..."),
// glued to the word before it or not ("#Tagpic.twitter.com/...").
func urlAt(s string, i int) bool {
	if c := s[i] | 0x20; c != 'h' && c != 'w' && c != 'p' {
		return false
	}
	for _, p := range [...]string{"http://", "https://", "www.", "pic.twitter.com/"} {
		if prefixFold(s[i:], p) {
			return true
		}
	}
	return false
}

// prefixFold reports whether s starts with the lower-case ASCII p in any
// case.
func prefixFold(s, p string) bool {
	if len(s) < len(p) {
		return false
	}
	for k := 0; k < len(p); k++ {
		if c := s[k]; c != p[k] && c|0x20 != p[k] {
			return false
		}
	}
	return true
}

// scanAcronym matches "U.S.", "U.K.", "a.m." (letter-dot pairs, at least
// two); it returns i when there is none.
func scanAcronym(s string, i int) int {
	j, n := i, 0
	for j+1 < len(s) && isASCIILetter(s[j]) && s[j+1] == '.' {
		j += 2
		n++
	}
	if n < 2 {
		return i
	}
	return j
}

func scanWord(s string, i int) int {
	for start := i; i < len(s); {
		if i > start && urlAt(s, i) {
			break // "#Tagpic.twitter.com/...": the link is glued on
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
			i += size
			continue
		}
		if isApos(r) && i+size < len(s) {
			if next, _ := utf8.DecodeRuneInString(s[i+size:]); unicode.IsLetter(next) {
				i += size
				continue
			}
		}
		break
	}
	return i
}

// trimPossessive drops a final "'s" so "Japan's" names Japan.
func trimPossessive(s string, start, end int) int {
	if end-start < 3 || (s[end-1] != 's' && s[end-1] != 'S') {
		return end
	}
	r, size := utf8.DecodeLastRuneInString(s[start : end-1])
	if isApos(r) && end-1-size > start {
		return end - 1 - size
	}
	return end
}

func isApos(r rune) bool        { return r == '\'' || r == '\u2019' }
func isDigit(c byte) bool       { return c >= '0' && c <= '9' }
func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func digitsAt(s string, i, n int) bool {
	if i+n > len(s) {
		return false
	}
	for j := i; j < i+n; j++ {
		if !isDigit(s[j]) {
			return false
		}
	}
	return true
}

// adjacent reports that b follows a with no space between them.
func adjacent(a, b tok) bool { return a.end == b.start }

// wordAt returns the lower-cased word at toks[i], or "" when i is out of
// range or not a word.
func wordAt(toks []tok, i int) string {
	if i < 0 || i >= len(toks) || toks[i].kind != tWord {
		return ""
	}
	return toks[i].low
}

// sentenceStart reports whether toks[i] opens a sentence, so its capital
// letter says nothing about it being a name.
func sentenceStart(toks []tok, i int) bool {
	for j := i - 1; j >= 0; j-- {
		t := toks[j]
		if t.kind != tPunct {
			return false
		}
		switch t.s {
		case ".", "!", "?", ":":
			return true
		case "\"", "\u201c", "\u2018", "'", "(", "\u2014", "-", "\u2013", "*", "\u2022":
			continue
		}
		return false
	}
	return true
}

// wordSet builds a set from "|"-separated words. Word lists are written as
// one string rather than map literals: in the widget's wasm a map literal
// compiles to code per entry, a string to data that brotli shrinks well.
func wordSet(words string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Split(words, "|") {
		set[w] = true
	}
	return set
}
