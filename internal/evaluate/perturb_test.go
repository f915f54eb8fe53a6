package evaluate

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestPerturb(t *testing.T) {
	cases := []struct {
		name, query, claim string
		want               map[string]string // kind/form -> perturbed text; absent ones must not be generated
	}{
		{"number scaled as written", "Around 28,500 US troops are based in South Korea.", "28,500 US troops are stationed in South Korea.",
			map[string]string{
				"numbers/scaled":   "Around 85,500 US troops are based in South Korea.",
				"entities/country": "Around 28,500 UK troops are based in South Korea.",
				"negation/not":     "Around 28,500 US troops are not based in South Korea.",
				"denial/not-true":  "It is not true that Around 28,500 US troops are based in South Korea.",
			}},
		{"ordinals, fractions and titles are not quantities", "The US is the 118th safest country; 1/3 of people saw Incredibles 2 on 9/11.",
			"The US ranked 118th safest country, 1/3 saw Incredibles 2 on 9/11.",
			map[string]string{
				"entities/country": "The UK is the 118th safest country; 1/3 of people saw Incredibles 2 on 9/11.",
				"negation/never":   "The US is never the 118th safest country; 1/3 of people saw Incredibles 2 on 9/11.",
				"denial/not-true":  "It is not true that the US is the 118th safest country; 1/3 of people saw Incredibles 2 on 9/11.",
			}},
		{"year shifted, contraction", "The summit was held in June 2019 in Hanoi.", "A summit was held in Hanoi in June 2019.",
			map[string]string{
				"dates/year":      "The summit was held in June 2022 in Hanoi.",
				"negation/n't":    "The summit wasn't held in June 2019 in Hanoi.",
				"denial/not-true": "It is not true that the summit was held in June 2019 in Hanoi.",
			}},
		{"person swapped with the claim's name only", "Trump said the wall cannot be climbed.", "Donald Trump said the wall can't be climbed.",
			map[string]string{"entities/person": "Adeyemi said the wall cannot be climbed."}},
		{"negation goes into the clause that states the claim", "Fans were happy, but the meeting was held in Seoul.", "The meeting was held in Seoul.",
			map[string]string{
				"negation/not":    "Fans were happy, but the meeting was not held in Seoul.",
				"denial/not-true": "It is not true that Fans were happy, but the meeting was held in Seoul.",
			}},
		{"no clause speaks of the claim: nothing to negate", "Fans were happy.", "The meeting was held in Seoul.", map[string]string{}},
		{"a titled person and a country beyond the trust layer's list", "Senator Elizabeth Warren visited Kisumu in Kenya.", "Elizabeth Warren visited Kenya.",
			map[string]string{
				"entities/country": "Senator Elizabeth Warren visited Kisumu in Uganda.",
				"entities/person":  "Senator João Carvalho visited Kisumu in Kenya.",
				"negation/never":   "Senator Elizabeth Warren never visited Kisumu in Kenya.",
				"denial/not-true":  "It is not true that Senator Elizabeth Warren visited Kisumu in Kenya.",
			}},
		{"state, antonym, verb in the past", "Ruto signed the law that banned plastic bags in Florida.", "William Ruto signed a law that banned plastic bags in Florida.",
			map[string]string{
				"entities/state":   "Ruto signed the law that banned plastic bags in Texas.",
				"entities/person":  "Cruz signed the law that banned plastic bags in Florida.",
				"negation/never":   "Ruto never signed the law that banned plastic bags in Florida.",
				"negation/antonym": "Ruto signed the law that allowed plastic bags in Florida.",
				"denial/not-true":  "It is not true that Ruto signed the law that banned plastic bags in Florida.",
			}},
		{"do-support for a verb in the present", "The video shows Biden supporting the bill.", "A video shows Joe Biden supported the bill.",
			map[string]string{
				"entities/person":   "The video shows DeSantis supporting the bill.",
				"negation/does-not": "The video does not show Biden supporting the bill.",
				"denial/not-true":   "It is not true that the video shows Biden supporting the bill.",
			}},
	}
	for _, c := range cases {
		got := map[string]string{}
		for _, p := range Perturb(c.query, c.claim) {
			got[p.Kind+"/"+p.Form] = p.Text
		}
		assert.Equal(t, c.want, got, c.name)
	}
}

func TestRewrites(t *testing.T) {
	got := map[string]string{}
	for _, r := range Rewrites("Joe Biden said the video shows 3,000 people visiting the United States in 2019 https://t.co/AbC #Biden") {
		got[r.Kind] = r.Text
	}
	assert.Equal(t, map[string]string{
		"typos":           "Joe Biden sajd the video shows 3,000 people visiting the United Statds in 2019 https://t.co/AbC #Biden",
		"casing-upper":    "JOE BIDEN SAID THE VIDEO SHOWS 3,000 PEOPLE VISITING THE UNITED STATES IN 2019 HTTPS://T.CO/ABC #BIDEN",
		"casing-lower":    "joe biden said the video shows 3,000 people visiting the united states in 2019 https://t.co/abc #biden",
		"dialect":         "Joe Biden said da video shows 3,000 ppl visitin' da United States in 2019 https://t.co/AbC #Biden",
		"entity-renaming": "Biden said the video shows 3,000 people visiting the US in 2019 https://t.co/AbC #Biden",
		"rewrite":         "Joe Biden stated the footage depicts 3,000 individuals visiting the United States in 2019 https://t.co/AbC #Biden",
	}, got)
	// A rewrite that changes nothing is not reported.
	for _, r := range Rewrites("123 456") {
		assert.NotEqual(t, "123 456", r.Text, r.Kind)
	}
	assert.True(t, strings.Contains(got["typos"], "https://t.co/AbC #Biden"), "links and hashtags are left alone")
}
