package match

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/factcheckwidget/factcheck/internal/text"
)

// smallCorpusRespelling lets respelling run on the tests' small corpora,
// as it does on corpora of thousands of claims.
func smallCorpusRespelling(t *testing.T) {
	saved := minRespellVocabulary
	minRespellVocabulary = 0
	t.Cleanup(func() { minRespellVocabulary = saved })
}

func TestRespell(t *testing.T) {
	smallCorpusRespelling(t)
	m, _ := paraphraseMatcher(t)
	cases := []struct {
		in   string
		want []string // the respelt stems of the content words
	}{
		{"tropos stationd in Korea", []string{"troop", "station", "korea"}}, // swapped, dropped
		{"the bridgge cost", []string{"bridg", "cost"}},                     // a letter typed twice
		{"unemplpyment is lowest", []string{"unemploy", "lowest"}},          // a key beside the right one
		{"#BUSHFIRESAUSTRALIA wombats", []string{"bushfir", "australia", "wombat"}},
		{"australiabushfires", []string{"australia", "bushfir"}},
		// Words the corpus cannot vouch for are left as written: a name,
		// short words, and a word two slips away.
		{"Odhiambo tlak", []string{"odhiambo", "tlak"}},
		{"vaksine", []string{"vaksin"}},
	}
	for _, c := range cases {
		a := m.respell(text.Analyze(c.in))
		assert.Equal(t, c.want, a.Terms(), c.in)
		for k := 1; k < len(a.Tokens); k++ { // the explanation reads tokens in text order
			assert.LessOrEqual(t, a.Tokens[k-1].Start, a.Tokens[k].Start, c.in)
		}
	}
	plain := text.Analyze("troops stationed in Korea")
	assert.Same(t, plain, m.respell(plain), "a sentence of known words is not copied")

	minRespellVocabulary = 4000
	typo := text.Analyze("tropos stationd in Korea")
	assert.Same(t, typo, m.respell(typo), "a corpus of a few hundred words respells nothing")
}

func TestTyposRankTheirClaimFirst(t *testing.T) {
	smallCorpusRespelling(t)
	m, x := paraphraseMatcher(t)
	for _, c := range []struct{ query, want string }{
		{"Wombtas invited otehr animals into their burows to escape the bushfries.", "wombats"},
		{"THE GOVERNOR CLOSED FORTY RURAL SCHOOLS TO BALANCE THE STATE BUDGET", "school"},
		{"wages for factroy workers have falen for ten straight years", "wages"},
	} {
		got := m.Rank(c.query, 1)
		if assert.NotEmpty(t, got, c.query) {
			assert.Equal(t, c.want, x.Claim(got[0].Doc).ID, c.query)
		}
	}
}
