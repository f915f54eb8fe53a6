package defaultcorpus

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

type feed struct {
	Type     string `json:"@type"`
	Elements []struct {
		Item []struct {
			Type          string `json:"@type"`
			URL           string `json:"url"`
			ClaimReviewed string `json:"claimReviewed"`
			DatePublished string `json:"datePublished"`
			Author        struct {
				Name string `json:"name"`
			} `json:"author"`
			ReviewRating struct {
				AlternateName string  `json:"alternateName"`
				RatingValue   float64 `json:"ratingValue"`
			} `json:"reviewRating"`
		} `json:"item"`
	} `json:"dataFeedElement"`
}

func requireExampleURL(t *testing.T, raw string) {
	t.Helper()
	u, err := url.Parse(raw)
	require.NoError(t, err, raw)
	require.Equal(t, "https", u.Scheme, raw)
	require.True(t, strings.HasSuffix(u.Hostname(), ".example"), "not a reserved .example host: %s", raw)
}

func TestClaimReviewFeed(t *testing.T) {
	var f feed
	require.NoError(t, json.Unmarshal(ClaimReviewJSONLD, &f))
	require.Equal(t, "DataFeed", f.Type)

	seen := map[string]bool{}
	for _, el := range f.Elements {
		require.Len(t, el.Item, 1)
		cr := el.Item[0]
		require.Equal(t, "ClaimReview", cr.Type)
		require.NotEmpty(t, cr.ClaimReviewed)
		requireExampleURL(t, cr.URL)
		require.NotEmpty(t, cr.ReviewRating.AlternateName, cr.URL)
		require.GreaterOrEqual(t, cr.ReviewRating.RatingValue, 1.0, cr.URL)
		require.LessOrEqual(t, cr.ReviewRating.RatingValue, 5.0, cr.URL)
		require.NotEmpty(t, cr.Author.Name, cr.URL)
		require.Regexp(t, `^2025-\d\d-\d\d$`, cr.DatePublished, cr.URL)
		require.False(t, seen[cr.URL], "duplicate review URL %s", cr.URL)
		seen[cr.URL] = true
	}
	require.GreaterOrEqual(t, len(seen), 45)
}

func TestArticleHTML(t *testing.T) {
	require.Contains(t, ArticleHTML, "data-factcheck")
	require.Contains(t, ArticleHTML, "<time datetime=")
	require.NotContains(t, ArticleHTML, "<body")
}
