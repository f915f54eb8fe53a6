package learn

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/text"
)

// The learned stemmer must give Snowball's stems on the words it learned
// from, and carry Snowball's endings over to words it never saw.
func TestLearnReproducesAndGeneralises(t *testing.T) {
	train := []string{"vacinas", "vacinados", "casas", "escolas", "cortaram", "falaram", "governos", "federais",
		"universidades", "cidades", "prefeito", "prefeitos", "mais", "pais", "professores", "salarios", "fecharam"}
	var pairs []Pair
	for _, w := range train {
		pairs = append(pairs, Pair{w, text.Fold(Snowball("pt", w))})
	}
	st := Learn(pairs, DefaultOptions)
	for _, p := range pairs {
		assert.Equal(t, p.Stem, st.Stem(p.Word), "training word %s", p.Word)
	}
	// Unseen words with endings the training words had.
	for _, w := range []string{"bananas", "pagaram", "mesas"} {
		assert.Equal(t, text.Fold(Snowball("pt", w)), st.Stem(w), "unseen word %s", w)
	}
}

func TestLearnPrefixes(t *testing.T) {
	var pairs []Pair
	for _, w := range []string{"الكتاب", "كتاب", "المدينة", "مدينة", "الحكومة", "حكومة", "البنك", "بنك", "المدرسة", "مدرسة"} {
		pairs = append(pairs, Pair{w, text.Fold(Snowball("ar", w))})
	}
	st := Learn(pairs, DefaultOptions)
	assert.NotEmpty(t, st.Prefixes.Rules, "Arabic's article is a prefix rule")
	for _, p := range pairs {
		assert.Equal(t, p.Stem, st.Stem(p.Word), p.Word)
	}
	assert.Equal(t, st.Stem("الجامعة"), st.Stem("جامعة"), "an unseen word meets its form with the article")
}

func TestProfiles(t *testing.T) {
	claims := []claim.Claim{
		{ID: "1", Language: "pt-BR", Text: "O governo cortou as verbas das universidades federais"},
		{ID: "2", Language: "en", Text: "The government cut funding"},
		{ID: "3", Language: "hi", Text: "सरकार ने विश्वविद्यालयों की फंडिंग में कटौती की"},
		{ID: "4", Language: "zh-Hans", Text: "政府削减了大学经费"},
	}
	ps := Profiles(claims, DefaultOptions)
	require.Len(t, ps, 3, "English is built in")
	got := map[string][3]any{}
	for _, p := range ps {
		got[p.Tag] = [3]any{p.Script, p.Stemmer != nil, len(p.Stops) > 0}
	}
	assert.Equal(t, [3]any{"Latn", true, true}, got["pt"], "Snowball stems and stop words")
	assert.Equal(t, [3]any{"Deva", false, true}, got["hi"], "no Snowball stemmer: stop words only")
	assert.Equal(t, [3]any{"Hani", false, false}, got["zh"], "bigrams: no stemming, no stop words")
	assert.True(t, ps[0].IsStop("ने"), "Hindi stop words keep their vowel signs")
}
