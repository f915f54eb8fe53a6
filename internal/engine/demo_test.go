package engine

import (
	"bufio"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/defaultcorpus"
)

// answerKey is internal/defaultcorpus/article.expected.md, parsed: the
// sentences of the demo article that should match a claim (with the flag
// the trust layer should raise) and those that should match nothing.
type answerKey struct {
	matches []expectedMatch
	related []string // may show a related claim, never a match
	nothing []string
}

type expectedMatch struct{ sentence, claimURL, flag string }

var (
	keyItem  = regexp.MustCompile("^\\d+\\. `(.+)`")
	keyClaim = regexp.MustCompile("^\\s+- claim: (\\S+)")
	keyFlag  = regexp.MustCompile("^\\s+- flag: `([a-z-]+)`")
	keyNone  = regexp.MustCompile("^- `(.+)`")
)

func readAnswerKey(t *testing.T) answerKey {
	t.Helper()
	var k answerKey
	section := ""
	sc := bufio.NewScanner(strings.NewReader(defaultcorpus.AnswerKey))
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "## "):
			section = line
		case strings.HasPrefix(section, "## Sentences that should match nothing") && keyNone.MatchString(line):
			k.nothing = append(k.nothing, keyNone.FindStringSubmatch(line)[1])
		case strings.HasPrefix(section, "## Sentences that may show a related claim") && keyNone.MatchString(line):
			k.related = append(k.related, keyNone.FindStringSubmatch(line)[1])
		case keyItem.MatchString(line):
			k.matches = append(k.matches, expectedMatch{sentence: keyItem.FindStringSubmatch(line)[1]})
		case keyClaim.MatchString(line) && len(k.matches) > 0:
			k.matches[len(k.matches)-1].claimURL = keyClaim.FindStringSubmatch(line)[1]
		case keyFlag.MatchString(line) && len(k.matches) > 0:
			k.matches[len(k.matches)-1].flag = keyFlag.FindStringSubmatch(line)[1]
		}
	}
	require.NotEmpty(t, k.matches)
	require.NotEmpty(t, k.nothing)
	require.NotEmpty(t, k.related)
	return k
}

// TestDemoArticleAgainstAnswerKey checks each sentence of the demo article
// on its own, as the extension checks a selected sentence, against the
// hand-written answer key (TestDemoPageAgainstAnswerKey checks the whole
// page, as the widget does).
func TestDemoArticleAgainstAnswerKey(t *testing.T) {
	x, err := defaultcorpus.Index()
	require.NoError(t, err)
	c := New(x)
	k := readAnswerKey(t)
	opt := Options{Date: "2025-11-05"}
	right, flagged := 0, 0
	for _, e := range k.matches {
		ms := c.CheckSentence(e.sentence, opt)
		if len(ms) == 0 || ms[0].Claim.URL != e.claimURL {
			t.Logf("miss: %q", e.sentence)
			continue
		}
		right++
		kinds := ms[0].FlagKinds()
		if e.flag == "none" {
			assert.Empty(t, kinds, "no flag expected on %q", e.sentence)
		} else if assert.Contains(t, kinds, e.flag, "sentence %q", e.sentence) {
			flagged++
		}
	}
	// 32 sentences restate a claim; the matcher must find nearly all and
	// every altered one must carry its flag.
	assert.GreaterOrEqual(t, right, len(k.matches)-3, "sentences matched to their claim: %d of %d", right, len(k.matches))
	assert.Equal(t, 4, flagged, "altered sentences flagged")
	for _, s := range append(k.nothing, k.related...) {
		for _, m := range c.CheckSentence(s, opt) {
			assert.NotEqual(t, TierMatch, m.Tier, "unrelated sentence %q matched %q", s, m.Claim.Text)
		}
	}
}

func TestShortSentencesNeverMatch(t *testing.T) {
	x, err := defaultcorpus.Index()
	require.NoError(t, err)
	c := New(x)
	for _, s := range []string{"He said so.", "That is true.", "Seoul.", "South Korea", "Troops!"} {
		for _, m := range c.CheckSentence(s, Options{}) {
			assert.NotEqual(t, TierMatch, m.Tier, "%q", s)
		}
	}
}

func TestCheckArticleOffsetsCoverSentences(t *testing.T) {
	x, err := defaultcorpus.Index()
	require.NoError(t, err)
	article := "It rained in Seoul.\n\nAround 28,500 American service members are based in South Korea. Peacetime control was handed back to Seoul in 1994."
	sents := New(x).CheckArticle(article, Options{Date: "2025-11-05"})
	require.Len(t, sents, 3)
	for _, s := range sents {
		assert.Equal(t, s.Text, article[s.Span.Start:s.Span.End])
		for _, m := range s.Matches {
			for _, e := range m.Evidence {
				assert.Equal(t, e.Text, s.Text[e.Span.Start:e.Span.End])
			}
			for _, f := range m.Flags {
				assert.LessOrEqual(t, f.Span.End, len(s.Text))
			}
		}
	}
	assert.Empty(t, sents[0].Matches, "weather is not a claim")
	require.NotEmpty(t, sents[1].Matches)
	assert.Equal(t, TierMatch, sents[1].Matches[0].Tier)
	assert.Contains(t, sents[1].Matches[0].Claim.Text, "28,500")
}

func TestSummaryWording(t *testing.T) {
	x, err := defaultcorpus.Index()
	require.NoError(t, err)
	ms := New(x).CheckSentence("South Korea already fields a military of roughly 500,000 troops.", Options{})
	require.NotEmpty(t, ms)
	require.Contains(t, ms[0].FlagKinds(), "numbers-differ")
	s := Summary(&ms[0])
	assert.Contains(t, s, "A variant of this claim was rated")
	assert.Contains(t, s, "the page says 500,000")
}
