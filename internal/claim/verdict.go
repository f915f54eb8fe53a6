package claim

import (
	"strings"
	"sync"
	"unicode"

	"github.com/factcheckwidget/factcheck/internal/text"
)

// VerdictOf maps a textual rating to a Verdict and, when its words are not
// known, a numeric rating on the scale [worst, best].
func VerdictOf(rating string, value, best, worst float64) Verdict {
	if v := VerdictOfText(rating); v != VerdictUnknown {
		return v
	}
	return VerdictOfScale(value, best, worst)
}

// VerdictOfText maps a textual rating in any language of the lexicon
// (verdict_lexicon.go) to a Verdict: a label ("Falso", "Pants on Fire"), a
// slug ("really_false", "não_é_bem_assim") or a sentence ("The claim is
// misleading because…"). Case, accents and punctuation do not matter. The
// phrase that starts first in the rating decides, the longest one when
// several start there, so "Mostly false" is not "false", "not true" is not
// "true" and "Misleading: the photo is real" is misleading.
func VerdictOfText(rating string) Verdict {
	if rating == "" {
		return VerdictUnknown
	}
	lex := lexicon()
	r := ratingWords(rating)
	best, bestPos, bestLen := VerdictUnknown, len(r), 0
	for _, p := range lex {
		pos := 0
		if !p.whole {
			pos = strings.Index(r, p.text)
		} else if r != p.text {
			continue
		}
		if pos < 0 || pos > bestPos || (pos == bestPos && len(p.text) <= bestLen) {
			continue
		}
		best, bestPos, bestLen = p.verdict, pos, len(p.text)
	}
	return best
}

// VerdictOfScale maps value on the scale from worst to best (either way up)
// to a Verdict. A scale whose ends are equal (schema.org's -1/-1/-1 "no
// scale") or a value outside it gives VerdictUnknown. The bands split the
// scale into fifths, widened at the ends so that 4 of 1..5 is mostly true and
// 9 of 0..10 is true.
func VerdictOfScale(value, best, worst float64) Verdict {
	if best == worst || value < min(best, worst) || value > max(best, worst) {
		return VerdictUnknown // also false for NaN
	}
	switch x := (value - worst) / (best - worst); {
	case x >= 0.9:
		return VerdictTrue
	case x >= 0.65:
		return VerdictMostlyTrue
	case x >= 0.35:
		return VerdictMixed
	case x >= 0.15:
		return VerdictMostlyFalse
	default:
		return VerdictFalse
	}
}

// phrase is one lexicon entry ready for matching against ratingWords output.
type phrase struct {
	text    string // " w1 w2 " (" w1" for a prefix); the bare text for unspaced scripts, matched anywhere
	verdict Verdict
	whole   bool // must be the whole rating
}

var (
	lexOnce sync.Once
	lex     []phrase
)

// lexicon folds the phrases of ratingLexicon once, on first use: the widget
// links this package but never rates text, so it neither pays for the work
// nor links the table.
func lexicon() []phrase {
	lexOnce.Do(func() {
		for _, entry := range ratingLexicon {
			for _, raw := range strings.Split(entry.phrases, "|") {
				p := phrase{verdict: entry.verdict}
				raw, p.whole = strings.CutPrefix(raw, "=")
				raw, prefix := strings.CutSuffix(raw, "*")
				w := ratingWords(raw)
				switch {
				case p.whole:
					p.text = w
				case isUnspaced(raw):
					p.text = strings.TrimSpace(w)
				case prefix:
					p.text = strings.TrimSuffix(w, " ")
				default:
					p.text = w
				}
				lex = append(lex, p)
			}
		}
	})
	return lex
}

// ratingWords folds s (lower case, no accents) and keeps its words (letters,
// combining marks for Indic scripts, digits) separated by single spaces,
// with a space at each end: "Não_é bem assim!" -> " nao e bem assim ".
// Turkish dotless ı and German ß are spelled i and ss, as upper-case
// "YANLIŞ" and "GRÖSSTENTEILS" fold to.
func ratingWords(s string) string {
	var b strings.Builder
	b.WriteByte(' ')
	gap := true
	for _, r := range text.Fold(s) {
		switch {
		case r == 'ı':
			b.WriteByte('i')
		case r == 'ß':
			b.WriteString("ss")
		case unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			if !gap {
				b.WriteByte(' ')
				gap = true
			}
			continue
		}
		gap = false
	}
	if !gap {
		b.WriteByte(' ')
	}
	return b.String()
}

// isUnspaced reports whether s is in a script written without spaces
// between words (Chinese, Japanese, Thai), whose phrases match anywhere.
func isUnspaced(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai) {
			return true
		}
	}
	return false
}
