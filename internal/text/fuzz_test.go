package text

import (
	"testing"
	"unicode/utf8"
)

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"", "#DefundTheCBChttps://t.co/x", "28,500 troops, 28.5%", "São Paulo don't Trump's",
		"nuclear-powered #AustralianFires COVID19", "\u0661\u0662\u0663 \uff11\uff12", "www.", "h",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokenize(s)
		prevEnd := 0
		for i, tok := range toks {
			if tok.Start < 0 || tok.Start >= tok.End || tok.End > len(s) {
				t.Fatalf("token %d %+v out of bounds (len %d)", i, tok, len(s))
			}
			if tok.Start < prevEnd {
				t.Fatalf("token %d %+v overlaps the previous one (end %d)", i, tok, prevEnd)
			}
			if tok.Text == "" {
				t.Fatalf("token %d is empty", i)
			}
			prevEnd = tok.End
		}
		_ = Terms(s)
		for _, g := range CharNGrams(s, 4) {
			if utf8.ValidString(s) && !utf8.ValidString(g) {
				t.Fatalf("gram %q of valid input is not valid UTF-8", g)
			}
		}
	})
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{
		"", "Mr. Smith went to the U.S. in Jan. 2020. He left.", `He said "no." Then`, "Wait\u2026 Then",
		"It was 3.5. Next", "a\n\nb", ". . .", "\u2026", "J. K. Rowling!", " \u00a0 x. \u3000Y",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkSpans(t, s, Sentences(s))
	})
}
