//go:build unix

// Package googleclient runs Google's official Fact Check Tools client for
// Node (@googleapis/factchecktools, pinned in package.json) against a server
// of ours and checks what it gets: search, filters, paging to the end with
// nextPageToken, and a 400 that the client turns into its error with status
// INVALID_ARGUMENT. This package's test runs it against `factcheck serve`;
// wasm/worker/workertest runs it against the Worker under `wrangler dev`, in
// the session it already starts (a second build of build/worker/ while that
// wrangler watches it would reload its Worker mid-test).
//
// The client reaches nothing but the server under test: client.js refuses
// every other connection and all DNS lookups, and reports the attempts.
package googleclient

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/api"
	"github.com/factcheckwidget/factcheck/internal/browsertest"
	"github.com/factcheckwidget/factcheck/wasm/worker/devserver"
)

// Node returns the node binary and the script, skipping the test when node
// or the npm package is missing, unless FACTCHECK_REQUIRE_BROWSER=1 (set by
// `make test`, which installs node_modules first) makes that a failure.
func Node(t testing.TB) (node, script string) {
	t.Helper()
	missing := func(format string, args ...any) {
		t.Helper()
		msg := fmt.Sprintf(format, args...)
		if os.Getenv(browsertest.RequireEnv) == "1" {
			t.Fatalf("googleclient: %s (%s=1 requires this test to run)", msg, browsertest.RequireEnv)
		}
		t.Skipf("googleclient: %s: skipping the Google client test", msg)
	}
	root, err := devserver.Root()
	require.NoError(t, err)
	node, err = exec.LookPath("node")
	if err != nil {
		missing("node not found (install Node 20+ and npm)")
	}
	if _, err := os.Stat(filepath.Join(root, "node_modules", "@googleapis", "factchecktools", "package.json")); err != nil {
		missing("node_modules/@googleapis/factchecktools not installed (run `make node_modules`, i.e. npm ci)")
	}
	return node, filepath.Join(root, "test", "googleclient", "client.js")
}

// call is one claims.search the client makes (client.js's input).
type call struct {
	Name   string         `json:"name"`
	Params map[string]any `json:"params"`
	ToEnd  bool           `json:"toEnd"` // follow nextPageToken until it is absent
}

// result is what the client saw for one call.
type result struct {
	Name  string `json:"name"`
	Pages []struct {
		URL           string      `json:"url"`
		Claims        []api.Claim `json:"claims"`
		NextPageToken string      `json:"nextPageToken"`
	} `json:"pages"`
	Error *struct {
		Message    string `json:"message"`
		HTTPStatus int    `json:"httpStatus"`
		Status     string `json:"status"`
	} `json:"error"`
}

func (r result) claims() []api.Claim {
	var out []api.Claim
	for _, p := range r.Pages {
		out = append(out, p.Claims...)
	}
	return out
}

// runClient runs client.js with calls against base and returns its
// results by call name.
func runClient(t *testing.T, node, script, base string, calls []call) map[string]result {
	t.Helper()
	in, err := json.Marshal(calls)
	require.NoError(t, err)
	cmd := exec.Command(node, script, base+"/")
	cmd.Dir = filepath.Dir(script)
	// Without proxy variables: the client honours HTTP(S)_PROXY even for a
	// loopback root, and client.js would (rightly) refuse the proxy.
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); !strings.HasSuffix(strings.ToLower(k), "_proxy") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdin, cmd.Stdout, cmd.Stderr = bytes.NewReader(in), &stdout, &stderr
	cmd.WaitDelay = 5 * time.Second
	require.NoError(t, cmd.Run(), "node client.js: %s", stderr.String())
	var out struct {
		Results []result `json:"results"`
		Refused []string `json:"refused"`
	}
	require.NoError(t, json.Unmarshal(stdout.Bytes(), &out), "client.js output: %s", stdout.String())
	require.Empty(t, out.Refused, "the client tried to reach something other than %s", base)
	byName := map[string]result{}
	for _, r := range out.Results {
		byName[r.Name] = r
	}
	require.Len(t, byName, len(calls))
	return byName
}

// direct asks the server itself, in one page of up to 100 claims.
func direct(t *testing.T, base string, params url.Values) api.SearchResponse {
	t.Helper()
	out := get(t, base, params)
	require.Empty(t, out.NextPageToken, "a direct answer is one page; raise its pageSize")
	return out
}

func nextPageToken(t *testing.T, base string, params url.Values) string {
	t.Helper()
	out := get(t, base, params)
	require.NotEmpty(t, out.NextPageToken)
	return out.NextPageToken
}

func get(t *testing.T, base string, params url.Values) api.SearchResponse {
	t.Helper()
	resp, err := http.Get(base + "/v1alpha1/claims:search?" + params.Encode())
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	var out api.SearchResponse
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&out))
	return out
}

// Check runs the client against base (http://127.0.0.1:PORT), which must
// serve the default corpus (61 claims dated 2025-10-29 to 2025-11-09).
func Check(t *testing.T, base string) {
	t.Helper()
	node, script := Node(t)
	// maxAgeDays that reaches back to 2025-11-03 on the server's clock.
	maxAge := int(time.Since(time.Date(2025, 11, 3, 0, 0, 0, 0, time.UTC)).Hours() / 24)
	filters := map[string]any{"query": "South Korea", "languageCode": "en-GB", "maxAgeDays": maxAge,
		"reviewPublisherSiteFilter": "harborfactdesk.example"}
	otherToken := nextPageToken(t, base, url.Values{"query": {"Hegseth"}, "pageSize": {"1"}})

	res := runClient(t, node, script, base, []call{
		{Name: "first page", Params: map[string]any{"query": "South Korea"}},
		{Name: "South Korea to the end", Params: map[string]any{"query": "South Korea", "pageSize": 4}, ToEnd: true},
		{Name: "filters to the end", Params: merge(filters, map[string]any{"pageSize": 2}), ToEnd: true},
		{Name: "site only to the end", Params: map[string]any{"reviewPublisherSiteFilter": "openrecordreview.example", "pageSize": 5}, ToEnd: true},
		{Name: "offset", Params: map[string]any{"query": "South Korea", "offset": 4, "pageSize": 3}},
		{Name: "no match", Params: map[string]any{"query": "South Korea", "languageCode": "fr"}},
		{Name: "pageSize -1", Params: map[string]any{"query": "South Korea", "pageSize": -1}},
		{Name: "pageSize ten", Params: map[string]any{"query": "South Korea", "pageSize": "ten"}},
		{Name: "no query", Params: map[string]any{"languageCode": "en"}},
		{Name: "pageToken of another query", Params: map[string]any{"query": "South Korea", "pageToken": otherToken}},
	})

	all := direct(t, base, url.Values{"query": {"South Korea"}, "pageSize": {"100"}}).Claims

	t.Run("search", func(t *testing.T) {
		r := res["first page"]
		require.Nil(t, r.Error)
		require.Len(t, r.Pages, 1)
		assert.Len(t, r.Pages[0].Claims, api.DefaultPageSize, "pageSize defaults to 10")
		assert.NotEmpty(t, r.Pages[0].NextPageToken)
		assert.Equal(t, all[:api.DefaultPageSize], r.Pages[0].Claims)
		// How the client builds the request from rootUrl, its parameters
		// and the API key (which our server ignores).
		assert.Equal(t, base+"/v1alpha1/claims:search?query=South%20Korea&key=test-api-key", r.Pages[0].URL)
	})

	t.Run("paging to the end", func(t *testing.T) {
		r := res["South Korea to the end"]
		require.Nil(t, r.Error)
		got := r.claims()
		require.GreaterOrEqual(t, len(got), 10, "the issue's target: South Korea finds at least 10 claims")
		assert.Equal(t, reviewURLs(all), reviewURLs(got), "every claim once, in the order of one big page")
		assert.Len(t, r.Pages, (len(got)+3)/4)
		for i, p := range r.Pages {
			assert.LessOrEqual(t, len(p.Claims), 4)
			assert.Equal(t, i < len(r.Pages)-1, p.NextPageToken != "", "page %d token", i)
		}
		word := regexp.MustCompile(`(?i)\b(south|korea)\b`)
		for _, c := range got {
			assert.Regexp(t, word, c.Text+" "+c.ClaimReview[0].Title)
		}
	})

	t.Run("filters", func(t *testing.T) {
		r := res["filters to the end"]
		require.Nil(t, r.Error)
		got := r.claims()
		params := url.Values{"pageSize": {"100"}}
		for k, v := range filters {
			params.Set(k, fmt.Sprint(v))
		}
		assert.Equal(t, reviewURLs(direct(t, base, params).Claims), reviewURLs(got))
		require.NotEmpty(t, got)
		params.Del("maxAgeDays")
		assert.Greater(t, len(direct(t, base, params).Claims), len(got), "maxAgeDays filters something out")
		for _, c := range got {
			rv := c.ClaimReview[0]
			assert.Equal(t, "harborfactdesk.example", rv.Publisher.Site)
			assert.Equal(t, "en", rv.LanguageCode)
			assert.GreaterOrEqual(t, max(rv.ReviewDate, c.ClaimDate), "2025-11-03", c.Text)
		}

		site := res["site only to the end"]
		require.Nil(t, site.Error)
		assert.Equal(t, reviewURLs(direct(t, base, url.Values{"reviewPublisherSiteFilter": {"openrecordreview.example"}, "pageSize": {"100"}}).Claims),
			reviewURLs(site.claims()))
		assert.Greater(t, len(site.Pages), 1)

		off := res["offset"]
		require.Nil(t, off.Error)
		assert.Equal(t, reviewURLs(all[4:7]), reviewURLs(off.claims()))

		none := res["no match"]
		require.Nil(t, none.Error)
		require.Len(t, none.Pages, 1)
		assert.Empty(t, none.Pages[0].Claims)
		assert.Empty(t, none.Pages[0].NextPageToken)
	})

	t.Run("errors", func(t *testing.T) {
		for name, inMsg := range map[string]string{"pageSize -1": "pageSize", "pageSize ten": "pageSize", "no query": "query",
			"pageToken of another query": "pageToken"} {
			r := res[name]
			require.NotNil(t, r.Error, name)
			assert.Empty(t, r.Pages, name)
			assert.Equal(t, http.StatusBadRequest, r.Error.HTTPStatus, name)
			assert.Equal(t, "INVALID_ARGUMENT", r.Error.Status, name)
			assert.Contains(t, r.Error.Message, inMsg, name)
		}
	})
}

// reviewURLs identifies claims compactly, so a failing comparison of long
// lists stays readable (the first page is compared field by field).
func reviewURLs(claims []api.Claim) []string {
	var out []string
	for _, c := range claims {
		out = append(out, c.ClaimReview[0].URL)
	}
	return out
}

func merge(a, b map[string]any) map[string]any {
	out := map[string]any{}
	for _, m := range []map[string]any{a, b} {
		for k, v := range m {
			out[k] = v
		}
	}
	return out
}
