package api_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/api"
)

func search(t *testing.T, base string, params url.Values) api.SearchResponse {
	t.Helper()
	resp, body := get(t, base+"/v1alpha1/claims:search?"+params.Encode())
	require.Equal(t, http.StatusOK, resp.StatusCode, "body: %s", body)
	var out api.SearchResponse
	require.NoError(t, json.Unmarshal(body, &out))
	return out
}

func TestSearchQueryRanksTheClaim(t *testing.T) {
	srv := newServer(t, defaultChecker(t), api.Options{})
	out := search(t, srv.URL, url.Values{"query": {"How many American troops are based in South Korea"}})
	require.NotEmpty(t, out.Claims)
	top := out.Claims[0]
	assert.Contains(t, top.Text, "28,500")
	require.Len(t, top.ClaimReview, 1)
	rv := top.ClaimReview[0]
	assert.NotEmpty(t, rv.Publisher.Name)
	assert.NotContains(t, rv.Publisher.Site, "://", "site is a host name")
	assert.Regexp(t, `^https://`, rv.URL)
	assert.Regexp(t, `^\d{4}-\d\d-\d\dT00:00:00Z$`, rv.ReviewDate)
	assert.Equal(t, "True", rv.TextualRating)
	assert.Equal(t, "en", rv.LanguageCode)
	assert.LessOrEqual(t, len(out.Claims), api.DefaultPageSize)
}

func TestSearchRawShapeIsFactCheckTools(t *testing.T) {
	srv := newServer(t, defaultChecker(t), api.Options{})
	_, body := get(t, srv.URL+"/v1alpha1/claims:search?query=troops+South+Korea&pageSize=1")
	var raw map[string]any
	require.NoError(t, json.Unmarshal(body, &raw))
	assert.Contains(t, raw, "nextPageToken")
	claims := raw["claims"].([]any)
	require.Len(t, claims, 1)
	c := claims[0].(map[string]any)
	for _, k := range []string{"text", "claimant", "claimDate", "claimReview"} {
		assert.Contains(t, c, k)
	}
	rv := c["claimReview"].([]any)[0].(map[string]any)
	for _, k := range []string{"publisher", "url", "reviewDate", "textualRating", "languageCode"} {
		assert.Contains(t, rv, k)
	}
	assert.Contains(t, rv["publisher"], "name")
	assert.Contains(t, rv["publisher"], "site")
}

func TestSearchNoMatchIsEmptyObject(t *testing.T) {
	srv := newServer(t, defaultChecker(t), api.Options{})
	_, body := get(t, srv.URL+"/v1alpha1/claims:search?query=qqqq+zzzz")
	assert.JSONEq(t, `{}`, string(body))
}

// "South Korea" is in most default claims, so BM25's idf had dropped both
// words and the first search a user tried found nothing (issue 15). Every
// claim with either word is found, those with both first.
func TestSearchFindsCommonWords(t *testing.T) {
	srv := newServer(t, defaultChecker(t), api.Options{})
	out := search(t, srv.URL, url.Values{"query": {"South Korea"}, "pageSize": {"100"}})
	require.GreaterOrEqual(t, len(out.Claims), 10)
	south, korea := regexp.MustCompile(`(?i)\bsouth\b`), regexp.MustCompile(`(?i)\bkorea\b`)
	both := true
	for _, c := range out.Claims {
		text := c.Text + " " + c.ClaimReview[0].Title
		hasBoth := south.MatchString(text) && korea.MatchString(text)
		require.True(t, south.MatchString(text) || korea.MatchString(text), text)
		if hasBoth {
			assert.True(t, both, "a claim with both words after one without: %s", c.Text)
		}
		both = hasBoth
	}
}

// Paging follows nextPageToken until it is absent and sees every result
// exactly once, in the order a single big page gives, with or without
// filters.
func TestSearchPagingUntilExhausted(t *testing.T) {
	srv := newServer(t, defaultChecker(t), api.Options{})
	for _, params := range []url.Values{
		{"query": {"Hegseth"}},
		{"query": {"South Korea"}},
		{"query": {"South Korea"}, "languageCode": {"en-GB"}, "maxAgeDays": {"18"}},
		{"query": {"South Korea troops"}, "reviewPublisherSiteFilter": {"harborfactdesk.example"}},
		{"reviewPublisherSiteFilter": {"openrecordreview.example"}},
	} {
		all := search(t, srv.URL, merge(params, url.Values{"pageSize": {"100"}}))
		require.Empty(t, all.NextPageToken)
		require.Greater(t, len(all.Claims), 7)
		var paged []api.Claim
		p := merge(params, url.Values{"pageSize": {"3"}})
		for pages := 0; ; pages++ {
			require.Less(t, pages, 100, "paging does not end")
			out := search(t, srv.URL, p)
			require.LessOrEqual(t, len(out.Claims), 3)
			paged = append(paged, out.Claims...)
			if out.NextPageToken == "" {
				break
			}
			p.Set("pageToken", out.NextPageToken)
		}
		assert.Equal(t, all.Claims, paged, "params %v", params)
	}
}

func TestSearchOffset(t *testing.T) {
	srv := newServer(t, defaultChecker(t), api.Options{})
	all := search(t, srv.URL, url.Values{"query": {"Hegseth"}, "pageSize": {"100"}})
	out := search(t, srv.URL, url.Values{"query": {"Hegseth"}, "pageSize": {"2"}, "offset": {"4"}})
	assert.Equal(t, all.Claims[4:6], out.Claims)
	past := search(t, srv.URL, url.Values{"query": {"Hegseth"}, "offset": {"100000"}})
	assert.Empty(t, past.Claims)
	assert.Empty(t, past.NextPageToken)
}

func TestSearchPageSize(t *testing.T) {
	srv := newServer(t, defaultChecker(t), api.Options{})
	site := url.Values{"reviewPublisherSiteFilter": {"openrecordreview.example"}}
	assert.Len(t, search(t, srv.URL, site).Claims, api.DefaultPageSize, "default")
	assert.Len(t, search(t, srv.URL, merge(site, url.Values{"pageSize": {"0"}})).Claims, api.DefaultPageSize, "0 means default")
	assert.Len(t, search(t, srv.URL, merge(site, url.Values{"pageSize": {"1"}})).Claims, 1)
	big := search(t, srv.URL, url.Values{"query": {"South Korea Hegseth OPCON troops"}, "pageSize": {"1000"}})
	assert.LessOrEqual(t, len(big.Claims), api.MaxPageSize, "clamped")
}

func TestSearchFilters(t *testing.T) {
	srv := newServer(t, smallChecker(t), api.Options{})
	q := "bridge river collapsed storm"
	tests := []struct {
		name   string
		params url.Values
		want   []string // review URLs, as a set
	}{
		{"query only", url.Values{"query": {q}}, []string{"0", "1", "2", "3", "4"}},
		{"language en matches en and en-GB and unset", url.Values{"query": {q}, "languageCode": {"en"}}, []string{"0", "1", "3"}},
		{"language en-GB: the region is not considered", url.Values{"query": {q}, "languageCode": {"en-gb"}}, []string{"0", "1", "3"}},
		{"language fr", url.Values{"query": {q}, "languageCode": {"fr"}}, []string{"2"}},
		{"site with subdomains and URL form", url.Values{"query": {q}, "reviewPublisherSiteFilter": {"alpha.example"}}, []string{"0", "1", "3"}},
		{"site given as URL", url.Values{"reviewPublisherSiteFilter": {"https://www.beta.example/"}}, []string{"2"}},
		{"site without query lists newest first", url.Values{"reviewPublisherSiteFilter": {"alpha.example"}}, []string{"0", "1", "3"}},
		{"maxAgeDays 1", url.Values{"query": {q}, "maxAgeDays": {"1"}}, []string{"0"}},
		{"maxAgeDays 2", url.Values{"query": {q}, "maxAgeDays": {"2"}}, []string{"0", "2"}},
		{"maxAgeDays 0 is no limit", url.Values{"query": {q}, "maxAgeDays": {"0"}}, []string{"0", "1", "2", "3", "4"}},
		{"maxAgeDays drops undated", url.Values{"query": {q}, "maxAgeDays": {"10000"}}, []string{"0", "1", "2", "3"}},
		{"filters combine", url.Values{"query": {q}, "reviewPublisherSiteFilter": {"alpha.example"}, "maxAgeDays": {"30"}, "languageCode": {"en-GB"}}, []string{"0", "1"}},
		{"unknown site", url.Values{"reviewPublisherSiteFilter": {"nowhere.example"}}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := search(t, srv.URL, tc.params)
			var got []string
			for _, c := range out.Claims {
				u := c.ClaimReview[0].URL
				got = append(got, u[len(u)-1:])
			}
			assert.ElementsMatch(t, tc.want, got)
		})
	}
	out := search(t, srv.URL, url.Values{"reviewPublisherSiteFilter": {"alpha.example"}})
	require.Len(t, out.Claims, 3)
	assert.Equal(t, "2025-11-19T00:00:00Z", out.Claims[0].ClaimReview[0].ReviewDate, "newest review first")
	assert.Equal(t, "2025-01-01T00:00:00Z", out.Claims[2].ClaimReview[0].ReviewDate)
	assert.Equal(t, "alpha.example", out.Claims[0].ClaimReview[0].Publisher.Site)
}

func TestSearchBadRequests(t *testing.T) {
	srv := newServer(t, defaultChecker(t), api.Options{})
	good := search(t, srv.URL, url.Values{"query": {"Hegseth"}, "pageSize": {"2"}})
	require.NotEmpty(t, good.NextPageToken)
	long := make([]byte, 2001)
	for i := range long {
		long[i] = 'a'
	}
	tests := []struct {
		name   string
		params url.Values
		inMsg  string
	}{
		{"no query and no site", url.Values{}, "query"},
		{"blank query", url.Values{"query": {"   "}}, "query"},
		{"query too long", url.Values{"query": {string(long)}}, "query"},
		{"pageSize not a number", url.Values{"query": {"x"}, "pageSize": {"ten"}}, "pageSize"},
		{"pageSize negative", url.Values{"query": {"x"}, "pageSize": {"-1"}}, "pageSize"},
		{"pageSize past int32", url.Values{"query": {"x"}, "pageSize": {"2147483648"}}, "pageSize"},
		{"pageSize float", url.Values{"query": {"x"}, "pageSize": {"2.0"}}, "pageSize"},
		{"languageCode a word", url.Values{"query": {"x"}, "languageCode": {"english"}}, "languageCode"},
		{"languageCode one letter", url.Values{"query": {"x"}, "languageCode": {"e"}}, "languageCode"},
		{"maxAgeDays negative", url.Values{"query": {"x"}, "maxAgeDays": {"-3"}}, "maxAgeDays"},
		{"maxAgeDays float", url.Values{"query": {"x"}, "maxAgeDays": {"1.5"}}, "maxAgeDays"},
		{"offset negative", url.Values{"query": {"x"}, "offset": {"-1"}}, "offset"},
		{"pageToken garbage", url.Values{"query": {"Hegseth"}, "pageToken": {"!!!"}}, "pageToken"},
		{"pageToken base64 of junk", url.Values{"query": {"Hegseth"}, "pageToken": {"aGVsbG8"}}, "pageToken"},
		{"pageToken of another query", url.Values{"query": {"troops"}, "pageToken": {good.NextPageToken}}, "pageToken"},
		{"pageToken with other filter", url.Values{"query": {"Hegseth"}, "languageCode": {"fr"}, "pageToken": {good.NextPageToken}}, "pageToken"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := get(t, srv.URL+"/v1alpha1/claims:search?"+tc.params.Encode())
			e := requireError(t, resp, body, http.StatusBadRequest, "INVALID_ARGUMENT")
			assert.Contains(t, e.Message, tc.inMsg)
		})
	}
}

func merge(a, b url.Values) url.Values {
	out := url.Values{}
	for _, v := range []url.Values{a, b} {
		for k, vs := range v {
			out[k] = append([]string(nil), vs...)
		}
	}
	return out
}
