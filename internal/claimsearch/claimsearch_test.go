package claimsearch

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/defaultcorpus"
	"github.com/factcheckwidget/factcheck/internal/index"
)

// newSearcher indexes claims and returns a Searcher over them.
func newSearcher(t testing.TB, claims []claim.Claim) *Searcher {
	t.Helper()
	x, err := index.Build(claims, nil)
	require.NoError(t, err)
	return New(x)
}

func ids(s *Searcher, r Result) []string {
	var out []string
	for _, d := range r.Docs {
		out = append(out, s.x.Claim(d).ID)
	}
	return out
}

// A word in most claims (idf 0 for the matcher) is still found, and the
// claims with every word come first, however the words are spread.
func TestCommonWordsAreFoundAllWordsFirst(t *testing.T) {
	claims := []claim.Claim{
		{ID: "korea-only", Text: "Korea exported more chips than ever", ReviewDate: "2025-03-01"},
		{ID: "both-old", Text: "South Korea has 50 nuclear plants", ReviewDate: "2024-01-01"},
		{ID: "south-only", Text: "The South voted twice", ReviewDate: "2025-05-01"},
		{ID: "both-new", Text: "South Korea banned cash", ReviewDate: "2025-06-01"},
		{ID: "none", Text: "Bridges collapsed in the storm", ReviewDate: "2025-06-01"},
		{ID: "title", Text: "A president moved troops", Title: "What South Korea said", ReviewDate: "2025-06-02"},
		{ID: "korea-twice", Text: "Korea, Korea, Korea and more", ReviewDate: "2020-01-01"},
	}
	s := newSearcher(t, claims)
	r := s.Search(Filter{Query: "South Korea"})
	got := ids(s, r)
	require.Len(t, got, 6, "every claim with either word: %v", got)
	assert.Equal(t, 3, r.AllWords)
	assert.ElementsMatch(t, []string{"both-old", "both-new", "title"}, got[:3], "all words first")
	assert.NotContains(t, got, "none")
	// Among the claims with both words, a match in the claim text outranks
	// one in the review title (the title field weighs 0.3).
	assert.Equal(t, "title", got[2])
}

func TestOrderIsDeterministicAndTotal(t *testing.T) {
	var claims []claim.Claim
	for i := range 40 {
		// Identical texts: the score ties, so date and then id decide (ids
		// whose byte order is not the corpus's: "c39" before "c4").
		claims = append(claims, claim.Claim{ID: fmt.Sprint("c", 39-i), Text: "Prices of eggs doubled",
			ReviewDate: fmt.Sprintf("2025-01-%02d", 1+i%5)})
	}
	s := newSearcher(t, claims)
	first := s.Search(Filter{Query: "eggs"})
	require.Len(t, first.Docs, 40)
	for range 5 {
		assert.Equal(t, first, s.Search(Filter{Query: "eggs"}))
	}
	for i := 1; i < len(first.Docs); i++ {
		a, b := first.Docs[i-1], first.Docs[i]
		da, db := s.day[a], s.day[b]
		ia, ib := claims[a].ID, claims[b].ID
		assert.True(t, da > db || (da == db && ia < ib), "newest first, then by id: %s (%s) before %s (%s)", ia, da, ib, db)
	}
}

func TestWordsAreAnalysedLikeTheIndex(t *testing.T) {
	s := newSearcher(t, []claim.Claim{
		{ID: "troop", Text: "One troop was stationed abroad"},
		{ID: "number", Text: "About 28,500 soldiers serve there"},
		{ID: "accent", Text: "Café owners protested"},
	})
	for q, want := range map[string][]string{
		"TROOPS":             {"troop"},
		"stationing":         {"troop"},
		"28,500":             {"number"},
		"cafe":               {"accent"},
		"the of and":         nil, // stop words only: no word to look for
		"qqqq":               nil,
		"troops qqqq":        {"troop"},
		"  ":                 {"troop", "number", "accent"}, // blank is no query
		"troops soldiers ok": {"troop", "number"},
	} {
		assert.ElementsMatch(t, want, ids(s, s.Search(Filter{Query: q})), "query %q", q)
	}
}

func TestLongQueryIsCutAtARuneBoundary(t *testing.T) {
	s := newSearcher(t, []claim.Claim{{ID: "a", Text: "Zebras escaped"}})
	q := strings.Repeat("é", MaxQueryBytes) + " zebras"
	assert.Empty(t, s.Search(Filter{Query: q}).Docs, "words past MaxQueryBytes are ignored")
	assert.Equal(t, []string{"a"}, ids(s, s.Search(Filter{Query: "zebras " + q})))
}

func TestFilters(t *testing.T) {
	mk := func(id, lang, site, date, publisher string, v claim.Verdict) claim.Claim {
		return claim.Claim{ID: id, Text: "The bridge collapsed", Language: lang, PublisherSite: site,
			ReviewDate: date, Publisher: publisher, Verdict: v}
	}
	s := newSearcher(t, []claim.Claim{
		mk("en", "en", "https://www.alpha.example/", "2025-11-19", "Alpha", claim.VerdictFalse),
		mk("en-GB", "en-GB", "alpha.example", "2025-11-10", "Alpha", claim.VerdictTrue),
		mk("en_US", "en_US", "news.alpha.example", "2025-01-01", "alpha", claim.VerdictFalse),
		mk("unset", "", "beta.example", "", "Beta", claim.VerdictFalse),
		mk("fr", "fr", "beta.example", "2025-11-18", "Beta", claim.VerdictFalse),
		mk("sr-Latn", "sr-Latn", "gamma.example", "2025-11-18", "Gamma", claim.VerdictFalse),
		mk("sr-Cyrl", "sr-Cyrl", "gamma.example", "2025-11-18", "Gamma", claim.VerdictFalse),
		mk("alphabet", "en", "alphabet.example", "2025-11-18", "Alphabet", claim.VerdictFalse),
	})
	now := time.Date(2025, 11, 20, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name string
		f    Filter
		want []string
	}{
		{"en: region ignored, unset counts as en", Filter{Language: "en"}, []string{"en", "en-GB", "en_US", "unset", "alphabet"}},
		{"en-GB: region ignored too", Filter{Language: "EN-gb"}, []string{"en", "en-GB", "en_US", "unset", "alphabet"}},
		{"fr", Filter{Language: "fr"}, []string{"fr"}},
		{"sr keeps both scripts", Filter{Language: "sr"}, []string{"sr-Latn", "sr-Cyrl"}},
		{"sr-Latn keeps its script", Filter{Language: "sr-Latn-RS"}, []string{"sr-Latn"}},
		{"site and subdomains, URL or host", Filter{PublisherSite: "https://Alpha.example/path"}, []string{"en", "en-GB", "en_US"}},
		{"site is not a suffix match", Filter{PublisherSite: "alpha.example"}, []string{"en", "en-GB", "en_US"}},
		{"publisher ignores case", Filter{Publisher: "ALPHA"}, []string{"en", "en-GB", "en_US"}},
		{"verdict", Filter{Verdict: "true"}, []string{"en-GB"}},
		{"10 days back is inside", Filter{MaxAgeDays: 10, Now: now}, []string{"en", "en-GB", "fr", "sr-Latn", "sr-Cyrl", "alphabet"}},
		{"1 day", Filter{MaxAgeDays: 1, Now: now}, []string{"en"}},
		{"combined", Filter{Language: "en", PublisherSite: "alpha.example", MaxAgeDays: 30, Now: now, Verdict: "false"}, []string{"en"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, q := range []string{"", "bridge"} {
				f := tc.f
				f.Query = q
				assert.ElementsMatch(t, tc.want, ids(s, s.Search(f)), "query %q", q)
			}
		})
	}
}

func TestNoQueryListsNewestFirst(t *testing.T) {
	s := newSearcher(t, []claim.Claim{
		{ID: "undated", Text: "a b c"},
		{ID: "old", Text: "d e f", ReviewDate: "2020-01-01T10:00:00Z"},
		{ID: "claimdate", Text: "g h i", ReviewDate: "Nov 2025", ClaimDate: "2025-10-01"},
		{ID: "new", Text: "j k l", ReviewDate: "2025-11-01"},
		{ID: "claim-newer", Text: "m n o", ReviewDate: "2019-01-01", ClaimDate: "2025-10-15"},
	})
	r := s.Search(Filter{})
	assert.Equal(t, []string{"new", "claim-newer", "claimdate", "old", "undated"}, ids(s, r),
		"by the newer of review and claim date")
	assert.Zero(t, r.AllWords)
}

func TestPublishers(t *testing.T) {
	s := newSearcher(t, []claim.Claim{{ID: "1", Text: "x", Publisher: "Zed"}, {ID: "2", Text: "y", Publisher: "Alpha"},
		{ID: "3", Text: "z", Publisher: "Zed"}, {ID: "4", Text: "w"}})
	assert.Equal(t, []string{"Alpha", "Zed"}, s.Publishers())
}

func TestSiteHost(t *testing.T) {
	for in, want := range map[string]string{
		"example.org":                       "example.org",
		"https://www.Example.org/path?q=1":  "example.org",
		"http://user@news.example.org:8080": "news.example.org",
		"  WWW.example.org  ":               "example.org",
		"":                                  "",
	} {
		assert.Equal(t, want, SiteHost(in), in)
	}
}

// The first search on the demo: "South Korea" used to find nothing
// because both words are in over half of the default claims.
func TestDefaultCorpusSouthKorea(t *testing.T) {
	x, err := defaultcorpus.Index()
	require.NoError(t, err)
	s := New(x)
	r := s.Search(Filter{Query: "South Korea"})
	require.GreaterOrEqual(t, len(r.Docs), 10)
	require.Positive(t, r.AllWords)
	for _, d := range r.Docs[:r.AllWords] {
		text := strings.ToLower(x.Claim(d).Text + " " + x.Claim(d).Title + " " + x.Claim(d).Context)
		assert.Contains(t, text, "south", x.Claim(d).Text)
		assert.Contains(t, text, "korea", x.Claim(d).Text)
	}
	top := s.Search(Filter{Query: "American troops based in South Korea"})
	require.NotEmpty(t, top.Docs)
	assert.Contains(t, x.Claim(top.Docs[0]).Text, "28,500", "best match first")
}

func FuzzSearch(f *testing.F) {
	x, err := defaultcorpus.Index()
	require.NoError(f, err)
	s := New(x)
	for _, q := range []string{"South Korea", "28,500 troops", "", "é\xff", "the the the", "Hegseth Hegseth"} {
		f.Add(q, "en")
	}
	f.Fuzz(func(t *testing.T, q, lang string) {
		r := s.Search(Filter{Query: q, Language: lang})
		seen := map[int]bool{}
		for _, d := range r.Docs {
			require.False(t, seen[d], "claim %d listed twice", d)
			seen[d] = true
		}
		require.LessOrEqual(t, r.AllWords, len(r.Docs))
	})
}
