// Package worthy scores how much a sentence looks like a checkable claim,
// ClaimBuster's idea: factual, specific statements (figures, names, a
// whole clause) rather than questions, greetings, asides and procedure.
// It is one input of the page model (internal/engine) and a gate: a
// sentence scoring below Gate is never highlighted, whatever it matches.
//
// The features are deliberately language-neutral (counts, digits,
// symbols, capitals, punctuation): word cues ("I think", "thank you")
// learned from English debates were measured and added little (dev AP
// 0.029 -> 0.031), and they would not carry to the other languages of a
// corpus.
package worthy

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factcheckwidget/factcheck/internal/text"
)

// Feature ids.
const (
	featWords1   = iota // 3-5 content words (fewer is the reference)
	featWords2          // 6-8
	featWords3          // 9-11
	featWords4          // 12-14
	featWords5          // 15-17
	featWords6          // 18-20
	featWords7          // 21-23
	featWords8          // 24 or more
	featNumber          // states a figure
	featUnit            // a figure with %, a currency sign, or of four digits or more
	featQuestion        // asks a question
	featCapitals        // capitalised words not at the start, /3, at most 1: names
	featQuote           // quotes someone
	NumFeatures
)

// Features of an analysed sentence.
type Features [NumFeatures]float64

// FeaturesOf computes the features of a.
func FeaturesOf(a *text.Analysis) Features {
	var f Features
	if b := min(a.ContentWords()/3, 8); b > 0 {
		f[featWords1+b-1] = 1
	}
	capitals := 0
	for i, t := range a.Tokens {
		raw := a.Text[t.Start:t.End]
		if t.Kind == text.Number {
			f[featNumber] = 1
			if numberUnit(a.Text, t.Start, t.End) || len(t.Text) >= 4 {
				f[featUnit] = 1
			}
			continue
		}
		r, _ := utf8.DecodeRuneInString(raw)
		if i > 0 && unicode.IsUpper(r) && raw != "I" {
			capitals++
		}
	}
	f[featCapitals] = min(float64(capitals)/3, 1)
	if strings.ContainsRune(a.Text, '?') {
		f[featQuestion] = 1
	}
	if strings.ContainsAny(a.Text, "\"“”«»„") {
		f[featQuote] = 1
	}
	return f
}

// numberUnit reports a currency sign before or a percent sign after the
// number at s[start:end].
func numberUnit(s string, start, end int) bool {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:start])
		if isCurrency(r) {
			return true
		}
	}
	for end < len(s) && s[end] == ' ' {
		end++
	}
	return strings.HasPrefix(s[end:], "%") || strings.HasPrefix(s[end:], "٪")
}

// Gate is the score below which a sentence is never highlighted: the
// score of a sentence of at most two content words with no figure and no
// name ("Thank you.", "Next question.") or of a question that short. 95.6 %
// of the train transcripts' claim sentences reach it and 31 % of all their
// sentences do not (TestGate); on the dev transcripts 90.8 % and 35 %.
const Gate = -5.95

// Question reports whether the sentence asks rather than states.
func (f *Features) Question() bool { return f[featQuestion] == 1 }

// isCurrency reports the common currency signs: $ ¢ £ ¤ ¥ and the
// Currency Symbols block (€ ₹ ₩ ₽ ₺ …). A check against the whole Unicode
// Sc category would link its table into every reader's download.
func isCurrency(r rune) bool {
	return r == '$' || r >= 0xA2 && r <= 0xA5 || r >= 0x20A0 && r <= 0x20CF
}

// Model is a logistic model over Features: Weights[0] is the bias.
type Model struct{ Weights [NumFeatures + 1]float64 }

// Score is the model's log-odds that the sentence is a claim a fact-checker
// would check.
func (m *Model) Score(f *Features) float64 {
	z := m.Weights[0]
	for i, v := range f {
		z += m.Weights[i+1] * v
	}
	return z
}

// Default is fitted by TestFitWorthiness (FACTCHECK_LEARN=1) on the
// 46,547 sentences of the 51 CheckThat! 2022 2B train transcripts
// (positive: the sentence of a fact-checked line that states its claim;
// 1 % of them). It ranks dev sentences at average precision 0.025 against
// 0.0065 for chance, with a quarter of the claim sentences in its top 5 %
// and half in its top 20 %: a weak signal alone, which is why it is one
// input of the page model rather than the judge. Length carries most of
// it; questions and quotations count against a sentence, a figure for it.
var Default = Model{Weights: [NumFeatures + 1]float64{-5.9604, 0.9198, 1.5943, 1.8575, 1.8963, 1.8215, 1.8388, 1.7007,
	2.2719, 0.9411, 0.3113, -1.0688, 0.1549, -0.6779}}
