package site

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/api"
	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/defaultcorpus"
	"github.com/factcheckwidget/factcheck/internal/engine"
	"github.com/factcheckwidget/factcheck/internal/index"
)

func newTestServer(t *testing.T, c *engine.Checker) *httptest.Server {
	t.Helper()
	assets := http.FS(fstest.MapFS{"factcheck.js": {Data: []byte("// widget stand-in")}})
	srv := httptest.NewServer(New(c, Options{API: api.New(c, api.Options{}), Assets: assets, MaxFormBytes: 4096}))
	t.Cleanup(srv.Close)
	return srv
}

func defaultServer(t *testing.T) *httptest.Server {
	x, err := defaultcorpus.Index()
	require.NoError(t, err)
	return newTestServer(t, engine.New(x))
}

// fetch reads a response whole: fetch(t)(http.Get(u)).
func fetch(t *testing.T) func(*http.Response, error) (*http.Response, string) {
	return func(resp *http.Response, err error) (*http.Response, string) {
		t.Helper()
		return readAll(t, resp, err)
	}
}

func readAll(t *testing.T, resp *http.Response, err error) (*http.Response, string) {
	t.Helper()
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp, string(b)
}

func TestRoutes(t *testing.T) {
	srv := defaultServer(t)
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	tests := []struct {
		path, contentType, contains string
		code                        int
	}{
		{"/", "text/html; charset=utf-8", "<h1>Know what was already fact-checked", 200},
		{"/demo/", "text/html; charset=utf-8", "data-factcheck", 200},
		{"/check/", "text/html; charset=utf-8", `id="check-form"`, 200},
		{"/claims/", "text/html; charset=utf-8", "61 claims", 200},
		{"/embed/", "text/html; charset=utf-8", "/static/factcheck.js", 200},
		{"/site/site.css", "text/css; charset=utf-8", "system-ui", 200},
		{"/site/check.js", "text/javascript; charset=utf-8", "fact-check-article", 200},
		{"/static/factcheck.js", "text/javascript; charset=utf-8", "widget stand-in", 200},
		{"/static/missing.wasm", "text/plain; charset=utf-8", "", 404},
		{"/static/", "text/html; charset=utf-8", "Page not found", 404},
		{"/nope", "text/html; charset=utf-8", "Page not found", 404},
		{"/demo/extra", "text/html; charset=utf-8", "Page not found", 404},
		{"/healthz", "application/json; charset=utf-8", `"claims":61`, 200},
		{"/v1/unknown", "application/json; charset=utf-8", `"NOT_FOUND"`, 404},
		{"/v1alpha1/claims:search?query=troops", "application/json; charset=utf-8", `"claimReview"`, 200},
		{"/demo", "", "", http.StatusTemporaryRedirect},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			resp, body := fetch(t)(noRedirect.Get(srv.URL + tc.path))
			assert.Equal(t, tc.code, resp.StatusCode)
			if tc.contentType != "" {
				assert.Equal(t, tc.contentType, resp.Header.Get("Content-Type"))
			}
			assert.Contains(t, body, tc.contains)
		})
	}
}

// The no-JavaScript path: the form posts to the server, which renders the
// matches.
func TestCheckFormPost(t *testing.T) {
	srv := defaultServer(t)
	form := url.Values{"text": {"The chestnut vendors were busy.\n\nRoughly 50,000 US soldiers are deployed in South Korea."}, "date": {"2025-11-05"}}
	resp, body := fetch(t)(http.PostForm(srv.URL+"/check/", form))
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Contains(t, body, `id="check-results"`)
	assert.Contains(t, body, "of 2 sentences match a fact-check")
	assert.Contains(t, body, "Roughly 50,000 US soldiers are deployed in South Korea.</p>", "the claim card")
	assert.Contains(t, body, `class="card verdict-false"`)
	assert.Contains(t, body, `value="2025-11-05"`, "the form keeps the date")
	assert.Contains(t, body, "The chestnut vendors were busy.\n\nRoughly", "the form keeps the text")

	resp, body = fetch(t)(http.PostForm(srv.URL+"/check/", url.Values{"text": {"The chestnut vendors were busy."}}))
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Contains(t, body, "No fact-check matches any of the 1 sentences checked.")
}

func TestCheckFormErrors(t *testing.T) {
	srv := defaultServer(t)
	tests := []struct {
		name string
		form url.Values
		code int
		msg  string
	}{
		{"empty text", url.Values{"text": {"  "}}, 400, "Paste a sentence"},
		{"no fields", url.Values{}, 400, "Paste a sentence"},
		{"bad date", url.Values{"text": {"troops"}, "date": {"yesterday"}}, 400, "The date must look like"},
		{"too large", url.Values{"text": {strings.Repeat("a", 5000)}}, 413, "too long"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := fetch(t)(http.PostForm(srv.URL+"/check/", tc.form))
			assert.Equal(t, tc.code, resp.StatusCode)
			assert.Contains(t, body, `role="alert"`)
			assert.Contains(t, body, tc.msg)
			assert.NotContains(t, body, `id="check-results"`)
		})
	}
}

func TestClaimsFilters(t *testing.T) {
	srv := defaultServer(t)
	get := func(q url.Values) string {
		resp, body := fetch(t)(http.Get(srv.URL + "/claims/?" + q.Encode()))
		require.Equal(t, http.StatusOK, resp.StatusCode)
		return body
	}
	body := get(url.Values{"rating": {"false"}})
	n := strings.Count(body, `class="card `)
	require.Positive(t, n)
	assert.Equal(t, n, strings.Count(body, `class="card verdict-false"`), "only false claims")
	assert.Contains(t, body, `<option value="false" selected>`)

	body = get(url.Values{"publisher": {"Lantern Claim Check"}})
	assert.Equal(t, 12, strings.Count(body, `class="card `))
	assert.Equal(t, 12, strings.Count(body, "Checked by <bdi>Lantern Claim Check</bdi>"))

	body = get(url.Values{"q": {"American troops based in South Korea"}})
	first := strings.Index(body, `class="claim-text"`)
	require.Positive(t, first)
	assert.Contains(t, body[first:first+200], "28,500", "best match first")
	assert.Contains(t, body, `value="American troops based in South Korea"`)

	body = get(url.Values{"q": {"qqqq zzzz"}})
	assert.Contains(t, body, "No claims match.")

	// Words in most claims are still searched (issue 15: this found none).
	body = get(url.Values{"q": {"South Korea"}})
	assert.Regexp(t, `<p class="count">39 claims \(35 with every word, listed first\) · page 1 of 2</p>`, body)
	assert.Equal(t, PageSize, strings.Count(body, `class="card `))
	assert.Contains(t, body, `href="/claims/?page=2&amp;q=South+Korea" rel="next"`)

	// Pages: 61 claims, 20 a page; out-of-range pages clamp.
	p1, p4, p9 := get(url.Values{}), get(url.Values{"page": {"4"}}), get(url.Values{"page": {"9"}})
	assert.Equal(t, PageSize, strings.Count(p1, `class="card `))
	assert.Equal(t, 1, strings.Count(p4, `class="card `))
	assert.Equal(t, p4, p9)
	assert.Contains(t, p1, `href="/claims/?page=2" rel="next"`)
	assert.NotContains(t, p1, `rel="prev"`)
	assert.Contains(t, p4, `href="/claims/?page=3" rel="prev"`)
	assert.Contains(t, get(url.Values{"rating": {"true"}, "page": {"2"}}), `href="/claims/?rating=true" rel="prev"`)
	assert.Contains(t, get(url.Values{"publisher": {"Harbor Fact Desk"}, "q": {"Hegseth"}}), "Hegseth")
}

// A corpus written by an attacker renders as text, and links only http(s).
func TestHostileCorpusIsEscaped(t *testing.T) {
	evil := hostile
	second := hostile
	second.ID, second.URL = "y", "data:text/html,<script>alert(5)</script>"
	third := hostile
	third.ID, third.URL = "z", " JAVASCRIPT:alert(6)"
	x, err := index.Build([]claim.Claim{evil, second, third, {ID: "ok", Text: "Bridges collapsed", URL: "https://ok.example/a"}}, nil)
	require.NoError(t, err)
	srv := newTestServer(t, engine.New(x))
	for _, path := range []string{"/claims/", "/claims/?publisher=Evil+%22Pub%22+%3Csvg+onload%3Dalert%283%29%3E"} {
		_, body := fetch(t)(http.Get(srv.URL + path))
		assert.NotContains(t, body, "<script>alert")
		assert.NotContains(t, body, "<img")
		assert.NotContains(t, body, "<svg")
		assert.NotContains(t, strings.ToLower(body), "javascript:")
		assert.NotContains(t, body, "data:text")
		assert.Contains(t, body, "&lt;script&gt;alert(1)&lt;/script&gt;")
	}
	_, body := fetch(t)(http.Get(srv.URL + "/claims/"))
	assert.Contains(t, body, `href="https://ok.example/a"`)
	assert.Equal(t, 1, strings.Count(body, "<a href=\"http"), "only the http(s) review URL is linked")
	_, body = fetch(t)(http.PostForm(srv.URL+"/check/", url.Values{"text": {`<script>alert(1)</script> "quoted" & <b>bold</b>`}}))
	assert.NotContains(t, body, "<script>alert")
	assert.NotContains(t, body, "<b>bold")
}

func TestHTTPURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://a.example/x?y=1": "https://a.example/x?y=1",
		"http://a.example":        "http://a.example",
		"javascript:alert(1)":     "",
		"JaVaScRiPt:alert(1)":     "",
		"data:text/html,x":        "",
		"//a.example/x":           "",
		"/relative":               "",
		"ftp://a.example":         "",
		"https://":                "",
		"":                        "",
		"http://[::1":             "",
	} {
		assert.Equal(t, want, string(httpURL(in)), in)
	}
}

func TestWriteStatic(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, defaultSite(t).WriteStatic(dir, ""))
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, name))
		require.NoError(t, err)
		return string(b)
	}
	assert.Contains(t, read("check/index.html"), "data-static")
	assert.NotContains(t, read("claims/index.html"), `role="search"`, "no search form without a server")
	assert.Contains(t, read("claims/index.html"), `href="/claims/page/2/" rel="next"`)
	assert.Contains(t, read("claims/page/4/index.html"), `href="/claims/page/3/" rel="prev"`)
	assert.NoFileExists(t, filepath.Join(dir, "claims/page/5/index.html"))
	assert.NoFileExists(t, filepath.Join(dir, "claims/page/1/index.html"))
	assert.Contains(t, read("demo/index.html"), `<article data-factcheck`)
	assert.Contains(t, read("site/site.css"), "system-ui")
	assert.Contains(t, read("embed/index.html"), `src=&#34;/static/factcheck.js&#34;`)
}
