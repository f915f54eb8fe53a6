package engine

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/defaultcorpus"
)

var tag = regexp.MustCompile(`<[^>]+>`)

// demoArticleText is the demo article as the widget reads it: the text of
// each block on its own line, tags removed.
func demoArticleText() string {
	var lines []string
	for _, l := range strings.Split(defaultcorpus.ArticleHTML, "\n") {
		if t := strings.TrimSpace(tag.ReplaceAllString(l, "")); t != "" {
			lines = append(lines, t)
		}
	}
	return strings.Join(lines, "\n")
}

// TestDemoPageAgainstAnswerKey checks the demo article as one page, the
// widget's path, against the hand-written answer key: the sentences that
// restate a claim light up with it and carry their flag; the others stay
// silent.
func TestDemoPageAgainstAnswerKey(t *testing.T) {
	x, err := defaultcorpus.Index()
	require.NoError(t, err)
	k := readAnswerKey(t)
	sents := New(x).CheckArticle(demoArticleText(), Options{Date: "2025-11-05"})
	bySentence := map[string]*Sentence{}
	for i := range sents {
		bySentence[sents[i].Text] = &sents[i]
	}
	right, flagged := 0, 0
	for _, e := range k.matches {
		s := bySentence[e.sentence]
		require.NotNil(t, s, "sentence %q not split as in the answer key", e.sentence)
		if len(s.Matches) == 0 || s.Matches[0].Claim.URL != e.claimURL {
			t.Logf("miss: %q", e.sentence)
			continue
		}
		right++
		kinds := s.Matches[0].FlagKinds()
		if e.flag == "none" {
			assert.Empty(t, kinds, "no flag expected on %q", e.sentence)
		} else if assert.Contains(t, kinds, e.flag, "sentence %q", e.sentence) {
			flagged++
		}
	}
	t.Logf("%d of %d claim sentences shown with their claim", right, len(k.matches))
	assert.GreaterOrEqual(t, right, len(k.matches)-3, "sentences matched to their claim: %d of %d", right, len(k.matches))
	assert.Equal(t, 4, flagged, "altered sentences flagged")
	for _, n := range k.nothing {
		s := bySentence[n]
		require.NotNil(t, s, "sentence %q not split as in the answer key", n)
		assert.Empty(t, s.Matches, "unrelated sentence %q lit up", n)
	}
	for _, r := range k.related {
		s := bySentence[r]
		require.NotNil(t, s, "sentence %q not split as in the answer key", r)
		for _, m := range s.Matches {
			assert.NotEqual(t, TierMatch, m.Tier, "%q matched %q", r, m.Claim.Text)
		}
	}
}
