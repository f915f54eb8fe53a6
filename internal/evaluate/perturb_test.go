package evaluate

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestPerturb(t *testing.T) {
	cases := []struct {
		name, query, claim string
		want               map[string]string // kind -> perturbed text; absent kinds must not be generated
	}{
		{"number scaled as written", "Around 28,500 US troops are based in South Korea.", "28,500 US troops are stationed in South Korea.",
			map[string]string{
				"numbers":  "Around 85,500 US troops are based in South Korea.",
				"entities": "Around 28,500 US troops are based in North Korea.",
				"negation": "Around 28,500 US troops are not based in South Korea.",
			}},
		{"ordinals, fractions and titles are not quantities", "The US is the 118th safest country; 1/3 of people saw Incredibles 2 on 9/11.",
			"The US ranked 118th safest country, 1/3 saw Incredibles 2 on 9/11.",
			map[string]string{"negation": "The US is not the 118th safest country; 1/3 of people saw Incredibles 2 on 9/11."}},
		{"year and month shifted", "The summit was held in June 2019 in Hanoi.", "A summit was held in Hanoi in June 2019.",
			map[string]string{
				"dates":    "The summit was held in June 2022 in Hanoi.",
				"negation": "The summit was not held in June 2019 in Hanoi.",
			}},
		{"person swapped with the claim's name only", "Trump said the wall cannot be climbed.", "Donald Trump said the wall can't be climbed.",
			map[string]string{"entities": "Biden said the wall cannot be climbed."}},
		{"negation goes into the clause that states the claim", "Fans were happy, but the meeting was held in Seoul.", "The meeting was held in Seoul.",
			map[string]string{"negation": "Fans were happy, but the meeting was not held in Seoul."}},
		{"no clause speaks of the claim: nothing to negate", "Fans were happy.", "The meeting was held in Seoul.", map[string]string{}},
	}
	for _, c := range cases {
		got := map[string]string{}
		for _, p := range Perturb(c.query, c.claim) {
			got[p.Kind] = p.Text
		}
		assert.Equal(t, c.want, got, c.name)
	}
}
