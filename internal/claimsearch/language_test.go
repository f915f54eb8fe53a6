package claimsearch

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/compile"
)

// A claim's words are stemmed in its language, so a keyword must be read
// in that language too: "vacina" meets the Portuguese claim's "vacinas".
func TestKeywordsInTheClaimsLanguage(t *testing.T) {
	claims := []claim.Claim{
		{ID: "pt", Language: "pt-BR", Text: "As vacinas contra a gripe causam infertilidade nas mulheres"},
		{ID: "es", Language: "es", Text: "Las vacunas contra la gripe causan infertilidad en las mujeres"},
		{ID: "en", Language: "en", Text: "Flu vaccines cause infertility in women"},
	}
	x, err := compile.Index(claims, nil)
	require.NoError(t, err)
	s := New(x)
	tests := []struct {
		name, query, language string
		want                  []string
	}{
		{"Portuguese word, no language", "vacina", "", []string{"pt"}},
		{"Portuguese word in Portuguese", "vacina", "pt", []string{"pt"}},
		{"Spanish inflection", "vacuna mujer", "", []string{"es"}},
		{"English inflection", "vaccinated", "", []string{"en"}},
		{"shared name across languages", "gripe", "", []string{"pt", "es"}},
		{"stop word in the language searched", "contra", "es", nil},
		{"content word in another language", "contra", "pt", []string{"pt"}},
	}
	for _, tt := range tests {
		r := s.Search(Filter{Query: tt.query, Language: tt.language})
		got := ids(s, r)
		if tt.want == nil {
			assert.Empty(t, got, tt.name)
			continue
		}
		assert.ElementsMatch(t, tt.want, got, tt.name)
	}
}
