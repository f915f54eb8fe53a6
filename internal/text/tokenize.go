package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind tells words from numbers; numbers are kept as tokens because claims
// are often distinguished by their figures alone.
type Kind uint8

const (
	Word Kind = iota
	Number
)

// Token is one word or number of a text, folded for matching, with byte
// offsets into the original string so explanations can point at it.
type Token struct {
	Text       string
	Start, End int
	Kind       Kind
}

// Tokenize splits s into word and number tokens. It skips URLs, splits
// hyphenated and camel-cased words ("nuclear-powered", "#AustralianFires"),
// drops possessive "'s", and removes thousands separators from numbers
// ("28,500" -> "28500") while keeping decimals ("28.5"), and restores
// the g a writer dropped ("warmin'" -> "warming").
func Tokenize(s string) []Token {
	toks := make([]Token, 0, len(s)/5+1)
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isURLStart(s, i):
			i = skipNonSpace(s, i)
		case isDigit(s[i]):
			end := scanNumber(s, i)
			toks = append(toks, Token{Text: numberText(s[i:end]), Start: i, End: end, Kind: Number})
			i = end
		case isUnspaced(r):
			end := scanUnspaced(s, i)
			toks = appendBigrams(toks, s, i, end)
			i = end
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			// Non-ASCII digits ("١٢٣", full-width "１２") are scanned as a word
			// and folded; scanNumber only consumes ASCII digits.
			end := scanWord(s, i)
			n := len(toks)
			toks = appendWord(toks, s, i, end)
			if len(toks) > n && droppedG(s, i, end, toks[len(toks)-1].Text) {
				toks[len(toks)-1].Text += "g" // "warmin'" is "warming"
			}
			i = end
		default:
			i += size
		}
	}
	return toks
}

// droppedG reports a word written with its final g dropped and marked by
// an apostrophe ("warmin'", "nothin’"): a lower-case word ending in "in"
// and an apostrophe that no letter continues (a plural possessive ends in
// "s'"), not opened by a quote ('Berlin', 'begin' are quoted words).
func droppedG(s string, start, end int, w string) bool {
	if first, _ := utf8.DecodeRuneInString(s[start:]); len(w) < 4 || !strings.HasSuffix(w, "in") || end >= len(s) || !unicode.IsLower(first) {
		return false
	}
	if start > 0 {
		if prev, _ := utf8.DecodeLastRuneInString(s[:start]); isApostrophe(prev) || prev == '\u2018' {
			return false
		}
	}
	r, size := utf8.DecodeRuneInString(s[end:])
	if !isApostrophe(r) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(s[end+size:])
	return end+size >= len(s) || !unicode.IsLetter(next)
}

// scanWord returns the end of the word starting at i: letters, digits,
// combining marks (Devanagari's vowel signs are spacing marks, Mc, inside
// a word), and apostrophes between letters ("don't"). A letter of a script
// written without spaces ends it.
func scanWord(s string, i int) int {
	for i < len(s) {
		if (s[i] == 'h' || s[i] == 'H') && isURLStart(s, i) {
			break
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if isUnspaced(r) {
			break
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
			i += size
			continue
		}
		if isApostrophe(r) && i+size < len(s) {
			next, _ := utf8.DecodeRuneInString(s[i+size:])
			if unicode.IsLetter(next) {
				i += size
				continue
			}
		}
		break
	}
	return i
}

// appendWord folds s[start:end], splits camelCase humps and letter/digit
// boundaries ("COVID19" stays one token; "BillGates" becomes two) and drops
// a trailing possessive.
func appendWord(toks []Token, s string, start, end int) []Token {
	segStart := start
	var prev rune
	for i := start; i < end; {
		r, size := utf8.DecodeRuneInString(s[i:])
		if i > segStart && unicode.IsUpper(r) && unicode.IsLower(prev) {
			toks = appendFolded(toks, s, segStart, i)
			segStart = i
		}
		prev = r
		i += size
	}
	return appendFolded(toks, s, segStart, end)
}

func appendFolded(toks []Token, s string, start, end int) []Token {
	w := Fold(s[start:end])
	w = strings.TrimSuffix(w, "'s")
	if strings.ContainsRune(w, '\'') {
		if n := elidedLen(w); n > 0 {
			// "l'économie" is the article and "économie": the word must
			// meet "économie" written alone.
			cut := start + apostropheEnd(s[start:end])
			toks = append(toks, Token{Text: w[:n], Start: start, End: cut, Kind: Word})
			w, start = w[n+1:], cut
		}
		w = strings.ReplaceAll(w, "'", "")
	}
	if w == "" {
		return toks
	}
	return append(toks, Token{Text: w, Start: start, End: end, Kind: Word})
}

// Digits reads a run of one to nine ASCII digits ("2025", "04"), as dates
// and part names write numbers. (Not strconv.Atoi: its error type alone
// links strconv's quoting and printability tables into the widget's wasm.)
func Digits(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	v := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		v = 10*v + int(c-'0')
	}
	return v, true
}

// ScanNumber returns the end of a number starting at byte i of s: digits
// with "," groups of exactly three and one "." decimal part ("28,500.5").
// The trust layer's lexer reads numbers the same way.
func ScanNumber(s string, i int) int { return scanNumber(s, i) }

func scanNumber(s string, i int) int {
	seenDot := false
	for i < len(s) {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			i++
		case c == ',' && isDigits(s, i+1, 3) && !(i+4 < len(s) && isDigit(s[i+4])):
			i++
		case c == '.' && !seenDot && i+1 < len(s) && isDigit(s[i+1]):
			seenDot = true
			i++
		default:
			return i
		}
	}
	return i
}

func numberText(s string) string {
	if strings.IndexByte(s, ',') >= 0 {
		s = strings.ReplaceAll(s, ",", "")
	}
	return s
}

func isDigits(s string, i, n int) bool {
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

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' || r == '\u02bc' }

// isURLStart reports whether a URL (or a bare pic.twitter.com link) starts at
// i; URLs carry no claim content and their fragments pollute n-grams.
func isURLStart(s string, i int) bool {
	rest := s[i:]
	scheme := hasPrefixFold(rest, "http://") || hasPrefixFold(rest, "https://")
	if i > 0 {
		prev := s[i-1]
		if prev != ' ' && prev != '\n' && prev != '\t' && prev != '(' && prev != '"' {
			// "#DefundTheCBChttps://..." glues a URL to a word; catch that too.
			return scheme
		}
	}
	return scheme || hasPrefixFold(rest, "www.") || hasPrefixFold(rest, "pic.twitter.com/")
}

// hasPrefixFold is strings.HasPrefix ignoring ASCII case: a post written
// in capitals writes its links so too ("HTTPS://T.CO/…").
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func skipNonSpace(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			break
		}
		i += size
	}
	return i
}

// elided are the French and Italian words that lose their vowel before a
// word starting with a vowel or h ("l'état", "qu'il", "dell'anno"), each
// between spaces. No English word starts with one of them and an
// apostrophe but a few names ("d'Artagnan"), which split harmlessly.
const elided = " c d j l m n s t qu jusqu lorsqu puisqu quoiqu dell dall nell sull all un "

// elidedLen returns the length of an elided word starting folded w (before
// its apostrophe), or 0.
func elidedLen(w string) int {
	i := strings.IndexByte(w, '\'')
	if i <= 0 || len(w) < i+3 || !strings.Contains(elided, " "+w[:i]+" ") || !strings.ContainsRune("aeiouhy", rune(w[i+1])) {
		return 0
	}
	return i
}

// apostropheEnd is the byte offset just past the first apostrophe of w.
func apostropheEnd(w string) int {
	for i, r := range w {
		if isApostrophe(r) || r == '`' || r == '\u2018' || r == '\u00b4' {
			return i + utf8.RuneLen(r)
		}
	}
	return 0
}
