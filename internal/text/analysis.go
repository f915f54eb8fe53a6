package text

// Analysis is a text analysed once for every use: the matcher's stems and
// 4-grams, the explanation's spans and the trust layer's shared words all
// come from it, so a sentence is tokenised and stemmed once per check.
type Analysis struct {
	Text   string
	Tokens []Token  // words and numbers, folded, with byte offsets into Text
	Stems  []string // Stems[i] is the stem of Tokens[i] (numbers unchanged)
	Stop   []bool   // Stop[i]: Tokens[i] is a stop word
	// Lang is the language (a BCP 47 primary subtag) the text was
	// analysed in, "" when it is not known: the matcher then compares it
	// with claims of every language.
	Lang string
}

// Analyzer is what differs between languages once a text is tokenised:
// how a folded word is stemmed and which words are stop words.
type Analyzer interface {
	Stem(word string) string
	IsStop(word string) bool
}

// English is the built-in analyser: Snowball's English stemmer and the
// English stop words. Texts with no known language are read with it.
var English Analyzer = englishAnalyzer{}

type englishAnalyzer struct{}

func (englishAnalyzer) Stem(w string) string { return Stem(w) }
func (englishAnalyzer) IsStop(w string) bool { return IsStopWord(w) }

// Analyze tokenises and stems s as English.
func Analyze(s string) *Analysis { return AnalyzeWith(s, English) }

// AnalyzeWith tokenises s and stems it with an (nil means English).
func AnalyzeWith(s string, an Analyzer) *Analysis {
	if an == nil {
		an = English
	}
	toks := Tokenize(s)
	a := &Analysis{Text: s, Tokens: toks, Stems: make([]string, len(toks)), Stop: make([]bool, len(toks))}
	for i, t := range toks {
		if t.Kind == Number {
			a.Stems[i] = t.Text
			continue
		}
		a.Stems[i] = an.Stem(t.Text)
		a.Stop[i] = an.IsStop(t.Text)
	}
	return a
}

// Terms returns the content stems in order (stop words dropped, numbers
// kept): what the word index stores and queries.
func (a *Analysis) Terms() []string {
	out := make([]string, 0, len(a.Tokens))
	for i := range a.Tokens {
		if !a.Stop[i] {
			out = append(out, a.Stems[i])
		}
	}
	return out
}

// ContentWords is the number of content words and numbers.
func (a *Analysis) ContentWords() int {
	n := 0
	for _, stop := range a.Stop {
		if !stop {
			n++
		}
	}
	return n
}

// CharNGrams returns the character n-grams of the folded token stream, as
// CharNGrams(a.Text, n) does.
func (a *Analysis) CharNGrams(n int) []string { return tokenNGrams(a.Tokens, n) }

// JoinAnalyses reads several analysed texts as one token stream (for
// n-grams over a claim and its title); offsets stay those of each part.
func JoinAnalyses(parts ...*Analysis) *Analysis {
	out := &Analysis{}
	for _, p := range parts {
		out.Tokens = append(out.Tokens, p.Tokens...)
		out.Stems = append(out.Stems, p.Stems...)
		out.Stop = append(out.Stop, p.Stop...)
	}
	return out
}
