package worthy

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/factcheckwidget/factcheck/internal/text"
)

func score(s string) float64 {
	f := FeaturesOf(text.Analyze(s))
	return Default.Score(&f)
}

// The sentences a fact-checker would check score above the talk around
// them, and the gate keeps them while it drops greetings and fragments.
func TestClaimsOutscoreTalk(t *testing.T) {
	const gate = Gate
	claims := []string{
		"Around 28,500 American troops are stationed in South Korea.",
		"Violent crime in the city doubled after the police budget was cut.",
		"We have the lowest unemployment rate we've had in 17 years.",
		"La inflación subió un 12 % en 2023, según el banco central.",
		"Präsident Müller hat 2019 das Gesetz über saubere Häfen unterzeichnet.",
	}
	talk := []string{
		"Thank you.",
		"Good evening, everyone.",
		"Next question.",
		"Okay, great.",
		"Can everyone hear me at the back?",
	}
	for _, c := range claims {
		assert.GreaterOrEqual(t, score(c), float64(gate), "claim %q must pass the gate", c)
		for _, s := range talk {
			assert.Greater(t, score(c), score(s), "%q should outscore %q", c, s)
		}
	}
	for _, s := range []string{"Thank you.", "Okay, great.", "Next question."} {
		assert.Less(t, score(s), float64(gate), "%q should be gated", s)
	}
}

func TestFeatures(t *testing.T) {
	cases := []struct {
		sentence string
		want     map[int]float64
	}{
		{"Prices rose 12% last year.", map[int]float64{featNumber: 1, featUnit: 1, featQuestion: 0}},
		{"It cost $350 billion.", map[int]float64{featNumber: 1, featUnit: 1}},
		{"It happened in 2019.", map[int]float64{featNumber: 1, featUnit: 1}}, // four digits: a year or a big figure
		{"He has 3 dogs.", map[int]float64{featNumber: 1, featUnit: 0}},
		{"Did the mayor sign it?", map[int]float64{featQuestion: 1, featNumber: 0}},
		{`She said "never again" twice.`, map[int]float64{featQuote: 1}},
		{"Angela Merkel met Emmanuel Macron in Paris.", map[int]float64{featCapitals: 1}},
		{"I think so.", map[int]float64{featCapitals: 0}}, // "I" is not a name
	}
	for _, c := range cases {
		f := FeaturesOf(text.Analyze(c.sentence))
		for i, v := range c.want {
			assert.Equal(t, v, f[i], "%q feature %d", c.sentence, i)
		}
	}
	q := FeaturesOf(text.Analyze("Is it true?"))
	assert.True(t, q.Question())
}
