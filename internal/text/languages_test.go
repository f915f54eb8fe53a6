package text

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Tokenising is language-neutral; these are the scripts and forms whose
// words an English-only tokeniser got wrong.
func TestTokenizeLanguages(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"Chinese: overlapping character bigrams", "新冠疫苗", []string{"新冠", "冠疫", "疫苗"}},
		{"Chinese run between Latin and digits", "COVID疫苗2021", []string{"covid", "疫苗", "2021"}},
		{"one Han character is one token", "在 中", []string{"在", "中"}},
		{"Japanese kana and kanji read as one run", "ワクチン接種", []string{"ワク", "クチ", "チン", "ン接", "接種"}},
		{"Korean words bigrammed, spaces kept", "백신 접종은", []string{Fold("백신"), Fold("접종"), Fold("종은")}},
		{"CJK punctuation ends a run", "疫苗，口罩。", []string{"疫苗", "口罩"}},
		{"Devanagari vowel signs stay inside the word", "भारत सरकार", []string{"भारत", "सरकार"}},
		{"Arabic diacritics dropped", "الحُكومة", []string{"الحكومة"}},
		{"French elision split", "l'économie d'Haïti qu'il", []string{"l", "economie", "d", "haiti", "qu", "il"}},
		{"Italian elided article", "dell'anno", []string{"dell", "anno"}},
		{"English contractions unchanged", "don't I'm it's o'clock", []string{"dont", "im", "it", "oclock"}},
		{"elision needs a vowel after it", "l'Xbox", []string{"lxbox"}},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tokenTexts(Tokenize(tt.in)), tt.name)
	}
}

// Offsets of bigrams and split elisions point at what they came from, so
// explanations highlight the right characters.
func TestTokenOffsetsInOtherScripts(t *testing.T) {
	s := "l'économie 疫苗接种"
	for _, tok := range Tokenize(s) {
		assert.Contains(t, Fold(s[tok.Start:tok.End]), tok.Text, "token %q at %d:%d", tok.Text, tok.Start, tok.End)
	}
}

func TestScript(t *testing.T) {
	tests := map[string]string{
		"The troops":        "Latn",
		"São Paulo":         "Latn",
		"新冠疫苗":              "Hani",
		"ワクチン接種":            "Jpan",
		"백신 접종":             "Hang",
		"الحكومة":           "Arab",
		"भारत सरकार":        "Deva",
		"Правительство":     "Cyrl",
		"2021, 3.5%":        "",
		"Covid 疫苗 疫苗 疫苗 疫苗": "Hani",
	}
	for in, want := range tests {
		assert.Equal(t, want, Script(in), in)
	}
}

type upper struct{}

func (upper) Stem(w string) string { return w + "~" }
func (upper) IsStop(w string) bool { return w == "le" }

func TestAnalyzeWith(t *testing.T) {
	a := AnalyzeWith("Le vaccin 2021", upper{})
	assert.Equal(t, []string{"vaccin~", "2021"}, a.Terms(), "stems by the analyser, numbers untouched, stop words dropped")
	assert.Equal(t, Analyze("The vaccines").Terms(), AnalyzeWith("The vaccines", nil).Terms(), "nil is English")
}
