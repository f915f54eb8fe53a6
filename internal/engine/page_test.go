package engine

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/index"
)

// cityCorpus is a small corpus written for these tests: the claims of a
// city council's year, with near neighbours.
var cityCorpus = []claim.Claim{
	{ID: "water-act", Text: "Mayor Okafor signed the Clean Harbour Act in 2019.", Rating: "True"},
	{ID: "water-act-veto", Text: "Mayor Okafor vetoed the Clean Harbour Act.", Rating: "False"},
	{ID: "bridge", Text: "The council approved a new bridge over the Ebro river in March.", Rating: "True"},
	{ID: "bridge-cost", Text: "The new Ebro river bridge will cost taxpayers 2 billion euros.", Rating: "False"},
	{ID: "buses", Text: "Free night buses cut late-night drunk driving arrests by half.", Rating: "Mostly true"},
	{ID: "schools", Text: "The council closed forty rural schools to balance the budget.", Rating: "False"},
	{ID: "crime", Text: "Violent crime in the city doubled after the police budget was cut.", Rating: "False"},
	{ID: "trees", Text: "The city planted 12,000 street trees in the last three years.", Rating: "True"},
	{ID: "rents", Text: "Average rents in the old town rose 30 percent since 2020.", Rating: "Mostly true"},
	{ID: "stadium", Text: "The football club will pay for the new stadium without public money.", Rating: "False"},
	{ID: "stadium-cost", Text: "The new stadium will cost taxpayers 2 billion euros.", Rating: "Unproven"},
}

func cityChecker(t *testing.T) *Checker {
	t.Helper()
	x, err := index.Build(cityCorpus, nil)
	require.NoError(t, err)
	return New(x)
}

// shownFor returns the claim ids shown for the sentence of the article
// that starts with prefix.
func shownFor(t *testing.T, sents []Sentence, prefix string) []string {
	t.Helper()
	for _, s := range sents {
		if strings.HasPrefix(s.Text, prefix) {
			var ids []string
			for _, m := range s.Matches {
				ids = append(ids, m.Claim.ID)
			}
			return ids
		}
	}
	t.Fatalf("no sentence starts with %q", prefix)
	return nil
}

// A sentence that only refers to a claim ("He signed it in 2019.") is read
// with the sentences before it, on every front end's path.
func TestContextLetsAReferringSentenceFindItsClaim(t *testing.T) {
	c := cityChecker(t)
	cases := []struct {
		name, context, sentence, want string
	}{
		{"pronoun", "The Clean Harbour Act was the mayor's first big bill.", "Okafor signed it in 2019.", "water-act"},
		// The sentence alone fits the bridge and the stadium alike.
		{"elliptical bridge", "Everyone asks about the Ebro river bridge.", "It will cost taxpayers 2 billion euros.", "bridge-cost"},
		{"elliptical stadium", "Everyone asks about the football stadium.", "It will cost taxpayers 2 billion euros.", "stadium-cost"},
		// The claim is split over two sentences: cause in one, effect in the next.
		{"spanning", "The city began running free night buses.", "Late-night drunk driving arrests fell by half.", "buses"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			with := c.CheckSentence(tc.sentence, Options{All: true, Context: tc.context})
			require.NotEmpty(t, with)
			assert.Equal(t, tc.want, with[0].Claim.ID, "with context")
			page := c.CheckArticle(tc.context+" "+tc.sentence, Options{All: true})
			require.Len(t, page, 2)
			assert.Contains(t, shownFor(t, page, tc.sentence[:8]), tc.want, "CheckArticle reads the sentence after its context")
		})
	}
}

// A sentence that states its own claim keeps it, whatever the sentence
// before it was about: in an article every sentence may restate a
// different fact-check.
func TestContextDoesNotOverrideASentencesOwnClaim(t *testing.T) {
	c := cityChecker(t)
	article := "Mayor Okafor signed the Clean Harbour Act in 2019. Violent crime in the city doubled after the police budget was cut."
	sents := c.CheckArticle(article, Options{})
	assert.Equal(t, []string{"water-act"}, shownFor(t, sents, "Mayor")[:1])
	assert.Equal(t, []string{"crime"}, shownFor(t, sents, "Violent")[:1])
}

// On a page that is mostly talk, only the claims light up: greetings,
// procedure, questions and one-word answers stay silent, and a question
// about a checked claim is at most related.
func TestTranscriptLikePageLightsOnlyItsClaims(t *testing.T) {
	c := cityChecker(t)
	lines := []string{
		"Good evening and welcome to the town hall.",
		"Can everyone hear me at the back?",
		"Thank you all for coming.",
		"We will start with the budget.",
		"Violent crime in the city doubled after the police budget was cut.",
		"That's not true.",
		"Next question, please.",
		"Is it true the new Ebro river bridge will cost taxpayers 2 billion euros?",
		"Let me answer that.",
		"We planted 12,000 street trees in the last three years.",
		"Thank you, and good night.",
	}
	sents := c.CheckArticle(strings.Join(lines, "\n"), Options{})
	require.Len(t, sents, len(lines))
	lit := map[string][]Match{}
	for _, s := range sents {
		if len(s.Matches) > 0 {
			lit[s.Text] = s.Matches
		}
	}
	assert.Equal(t, "crime", lit[lines[4]][0].Claim.ID)
	assert.Equal(t, "trees", lit[lines[9]][0].Claim.ID)
	for _, m := range lit[lines[7]] {
		assert.NotEqual(t, TierMatch, m.Tier, "a question is never the claim")
	}
	for _, i := range []int{0, 1, 2, 3, 5, 6, 8, 10} {
		assert.Empty(t, lit[lines[i]], "%q should stay silent", lines[i])
	}
}

// Neighbouring sentences that restate the same claim light up once, on
// the closest restatement.
func TestNeighboursWithTheSameClaimLightUpOnce(t *testing.T) {
	c := cityChecker(t)
	article := "The council closed forty rural schools. It closed forty rural schools to balance the budget, they say. Forty rural schools, closed."
	sents := c.CheckArticle(article, Options{})
	lit := 0
	for _, s := range sents {
		for _, m := range s.Matches {
			if m.Claim.ID == "schools" {
				lit++
			}
		}
	}
	assert.Equal(t, 1, lit)
}

// `--all` shows what the reader does not see, with tier none; by default
// the result holds only what is shown.
func TestAllListsHiddenCandidates(t *testing.T) {
	c := cityChecker(t)
	quiet := c.CheckArticle("Thank you all for coming tonight.", Options{})
	require.Len(t, quiet, 1)
	assert.Empty(t, quiet[0].Matches)
	all := c.CheckArticle("Thank you all for coming tonight to talk about the budget.", Options{All: true})
	require.Len(t, all, 1)
	require.NotEmpty(t, all[0].Matches)
	for _, m := range all[0].Matches {
		assert.Equal(t, TierNone, m.Tier)
	}
}
