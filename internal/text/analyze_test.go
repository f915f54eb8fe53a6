package text

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestStem(t *testing.T) {
	tests := []struct{ in, want string }{
		{"troops", "troop"},
		{"troop", "troop"},
		{"stationed", "station"},
		{"stationing", "station"},
		{"vaccines", "vaccin"},
		{"vaccinated", "vaccin"},
		{"2019", "2019"},
		{"28.5", "28.5"},
		{"ox", "ox"}, // shorter than 3 bytes: unchanged
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Stem(tt.in), tt.in)
	}
}

func TestTerms(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", []string{}},
		{"only stop words", "it was not the one they did", []string{"one"}},
		{"stop words dropped, stems kept in order", "The troops were stationed in Poland",
			[]string{"troop", "station", "poland"}},
		{"numbers kept", "28,500 US troops in 2019", []string{"28500", "us", "troop", "2019"}},
		{"negation dropped", "Vaccines do not cause autism", []string{"vaccin", "caus", "autism"}},
		{"contraction dropped", "don't", []string{}},
		{"url skipped", "Masks https://m.example/x work", []string{"mask", "work"}},
		{"hashtag split and stemmed", "#AustralianFires", []string{"australian", "fire"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Terms(tt.in))
		})
	}
}

func TestCharNGrams(t *testing.T) {
	tests := []struct {
		name string
		in   string
		n    int
		want []string
	}{
		{"empty", "", 4, nil},
		{"no tokens", "!!!", 4, nil},
		{"shorter than n is one gram", "a", 4, []string{" a "}},
		{"exactly n", "ab", 4, []string{" ab "}},
		{"across word boundary", "war plan", 4,
			[]string{" war", "war ", "ar p", "r pl", " pla", "plan", "lan "}},
		{"folded and punctuation dropped", "War, PLAN!", 4,
			[]string{" war", "war ", "ar p", "r pl", " pla", "plan", "lan "}},
		{"runes not bytes", "sé", 3, []string{" se", "se "}},
		{"multi-byte letters stay whole", "ßa", 2, []string{" ß", "ßa", "a "}},
		{"trigrams", "cat", 3, []string{" ca", "cat", "at "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, CharNGrams(tt.in, tt.n))
		})
	}
}
