package text

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func tokenTexts(toks []Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", []string{}},
		{"plain words fold to lower case", "Troops Stationed", []string{"troops", "stationed"}},
		{"url skipped", "read https://news.example/a?b=c now", []string{"read", "now"}},
		{"http url skipped", "see http://x.example/", []string{"see"}},
		{"www url skipped", "x www.foo.example y", []string{"x", "y"}},
		{"pic.twitter link skipped", "look pic.twitter.com/AbC123 here", []string{"look", "here"}},
		{"url glued to hashtag", "#DefundTheCBChttps://t.co/x", []string{"defund", "the", "cbc"}},
		{"url in parentheses", "(https://a.example/b) ok", []string{"ok"}},
		{"thousands separator removed", "28,500 troops", []string{"28500", "troops"}},
		{"several separators", "1,234,567", []string{"1234567"}},
		{"decimal kept", "28.5 percent", []string{"28.5", "percent"}},
		{"bad grouping splits", "12,34", []string{"12", "34"}},
		{"sentence-final period not part of number", "It was 42.", []string{"it", "was", "42"}},
		{"hyphen splits", "nuclear-powered", []string{"nuclear", "powered"}},
		{"dropped g restored", "global warmin' and nothin’ else", []string{"global", "warming", "and", "nothing", "else"}},
		{"quoted word keeps its ending", "he said 'begin' twice", []string{"he", "said", "begin", "twice"}},
		{"name before a closing quote", "a 'Putin' joke", []string{"a", "putin", "joke"}},
		{"plural possessive", "the cousins' house", []string{"the", "cousins", "house"}},
		{"short word", "in' it", []string{"in", "it"}},
		{"camelCase hashtag", "#AustralianFires", []string{"australian", "fires"}},
		{"camelCase name", "BillGates", []string{"bill", "gates"}},
		{"acronym with digits stays whole", "COVID19", []string{"covid19"}},
		{"all caps stays whole", "NASA", []string{"nasa"}},
		{"possessive dropped", "Trump's wall", []string{"trump", "wall"}},
		{"typographic possessive dropped", "Biden\u2019s plan", []string{"biden", "plan"}},
		{"apostrophe inside word", "don't", []string{"dont"}},
		{"typographic apostrophe inside word", "don\u2019t", []string{"dont"}},
		{"trailing apostrophe not part of word", "the players' union", []string{"the", "players", "union"}},
		{"diacritics removed", "São Paulo", []string{"sao", "paulo"}},
		{"decomposed accent", "Sa\u0303o", []string{"sao"}},
		{"sharp s kept, umlaut folded", "Größe", []string{"große"}},
		{"ligature folded", "\ufb01nancial", []string{"financial"}},
		{"punctuation only", "!!! ... ---", []string{}},
		{"non-ASCII digits are a word", "\u0661\u0662\u0663", []string{"\u0661\u0662\u0663"}},
		{"full-width digits fold", "\uff11\uff12 cats", []string{"12", "cats"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Tokenize(tt.in)
			assert.Equal(t, tt.want, tokenTexts(got))
			for _, tok := range got {
				require.True(t, 0 <= tok.Start && tok.Start < tok.End && tok.End <= len(tt.in), "offsets %+v", tok)
			}
		})
	}
}

func TestTokenizeOffsetsAndKinds(t *testing.T) {
	s := "In 2019, São Paulo had 28,500 cases."
	toks := Tokenize(s)
	require.Len(t, toks, 7)
	want := []struct {
		text, src string
		kind      Kind
	}{
		{"in", "In", Word},
		{"2019", "2019", Number},
		{"sao", "São", Word},
		{"paulo", "Paulo", Word},
		{"had", "had", Word},
		{"28500", "28,500", Number},
		{"cases", "cases", Word},
	}
	for i, w := range want {
		assert.Equal(t, w.text, toks[i].Text, "token %d", i)
		assert.Equal(t, w.src, s[toks[i].Start:toks[i].End], "token %d source", i)
		assert.Equal(t, w.kind, toks[i].Kind, "token %d kind", i)
	}
	// A possessive keeps the source span of the whole word.
	toks = Tokenize("Trump's")
	require.Len(t, toks, 1)
	assert.Equal(t, Token{Text: "trump", Start: 0, End: 7, Kind: Word}, toks[0])
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"already lower", "already lower"},
		{"MiXeD", "mixed"},
		{"São", "sao"},
		{"Ærø", "ærø"},
		{"café", "cafe"},
		{"na\u0131ve", "na\u0131ve"},
		{"\ufb01", "fi"},
		{"\uff21\uff11", "a1"},
		{"don\u2019t", "don't"},
		{"\u2018quoted\u2019", "'quoted'"},
		{"it\u02bcs", "it's"},
		{"back`tick", "back'tick"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, Fold(tt.in))
		})
	}
}

func TestIsStopWord(t *testing.T) {
	for _, w := range []string{"the", "a", "not", "dont", "was", "rt", "amp"} {
		assert.True(t, IsStopWord(w), w)
	}
	for _, w := range []string{"troops", "vaccine", "2019", "The", ""} {
		assert.False(t, IsStopWord(w), w)
	}
}

// Links are skipped whatever their case: a post in capitals writes them so.
func TestURLsInCapitals(t *testing.T) {
	var words []string
	for _, tok := range Tokenize("FAKE NEWS HTTPS://T.CO/ABC123 SEE WWW.EXAMPLE.COM NOW#TAGHTTPS://T.CO/X") {
		words = append(words, tok.Text)
	}
	assert.Equal(t, []string{"fake", "news", "see", "now", "tag"}, words)
}

func TestDigits(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"2025", 2025, true}, {"04", 4, true}, {"0", 0, true}, {"123456789", 123456789, true},
		{"", 0, false}, {"28,500", 0, false}, {"+5", 0, false}, {"1234567890", 0, false}, {"١٢", 0, false},
	}
	for _, tt := range tests {
		got, ok := Digits(tt.in)
		assert.Equal(t, tt.ok, ok, tt.in)
		if ok {
			assert.Equal(t, tt.want, got, tt.in)
		}
	}
}
