package trust

import (
	"strings"

	"github.com/factcheckwidget/factcheck/internal/text"
)

// focus returns the part of a page text that speaks to the claim: the
// sentence sharing the most content words with it, with embedded-post
// credit lines ("— Name (@handle) June 4, 2019") blanked out. A post or
// paragraph says many things besides the checked claim; its other
// sentences' dates, names and figures are not contradictions.
func focus(page, claim string) (string, int, bool) {
	page = blankCredits(page)
	spans := text.Sentences(page)
	if len(spans) <= 1 {
		return page, 0, false
	}
	claimStems := map[string]bool{}
	for _, t := range text.Terms(claim) {
		claimStems[t] = true
	}
	best, bestScore := spans[0], -1
	for _, sp := range spans {
		score := 0
		seen := map[string]bool{}
		for _, t := range text.Terms(page[sp.Start:sp.End]) {
			if claimStems[t] && !seen[t] {
				seen[t] = true
				score++
			}
		}
		if score > bestScore {
			best, bestScore = sp, score
		}
	}
	return page[best.Start:best.End], best.Start, true
}

// blankCredits replaces credit lines of embedded posts with spaces, keeping
// every other byte offset unchanged. A credit line is a dash, up to ten
// words of name, an "(@handle)" and an optional "Month D, YYYY" date.
func blankCredits(s string) string {
	at := strings.Index(s, "(@")
	if at < 0 {
		return s
	}
	b := []byte(s)
	for at >= 0 {
		end := strings.IndexByte(s[at:], ')')
		if end < 0 {
			break
		}
		end += at + 1
		start := creditStart(s, at)
		if start >= 0 {
			end = skipCreditDate(s, end)
			for i := start; i < end; i++ {
				b[i] = ' '
			}
		}
		next := strings.Index(s[end:], "(@")
		if next < 0 {
			break
		}
		at = end + next
	}
	return string(b)
}

// creditStart finds the dash that opens a credit line ending at the
// "(@handle)" at `at`, or -1.
func creditStart(s string, at int) int {
	lo := max(0, at-120)
	for _, dash := range []string{"—", "–", " - "} {
		if i := strings.LastIndex(s[lo:at], dash); i >= 0 {
			return lo + i
		}
	}
	return -1
}

func skipCreditDate(s string, i int) int {
	toks := text.Tokenize(s[i:min(len(s), i+40)])
	// "June 4, 2019" is a month word, a day and a year.
	if len(toks) >= 3 && months[toks[0].Text] != 0 && toks[1].Kind == text.Number && toks[2].Kind == text.Number {
		return i + toks[2].End
	}
	return i
}

// Focus returns the byte span of page that Compare checks against claim:
// its sentence sharing most content words with the claim, without credit
// lines. Evaluation perturbs this span, where the page makes the claim.
func Focus(page, claim string) (start, end int) {
	f, off, _ := focus(page, claim)
	a, b := 0, len(f)
	for a < b && f[a] == ' ' {
		a++
	}
	for b > a && f[b-1] == ' ' {
		b--
	}
	return off + a, off + b
}
