package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/index"
)

const testAPIKey = "test-key-never-printed"

// fakeFactCheckTools serves claims:search like Google's API: pages of
// pageSize claims chained by nextPageToken, 400 INVALID_ARGUMENT for a bad
// pageSize, 403 PERMISSION_DENIED without the key. It records the requests.
type fakeFactCheckTools struct {
	total int
	mu    sync.Mutex
	reqs  []*http.Request
}

func (f *fakeFactCheckTools) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	f.reqs = append(f.reqs, r)
	f.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	fail := func(code int, status, msg string) {
		w.WriteHeader(code)
		fmt.Fprintf(w, `{"error": {"code": %d, "message": %q, "status": %q}}`, code, msg, status)
	}
	q := r.URL.Query()
	size, err := strconv.Atoi(q.Get("pageSize"))
	switch {
	case r.URL.Path != "/v1alpha1/claims:search":
		fail(404, "NOT_FOUND", "no such method")
		return
	case r.Header.Get("X-Goog-Api-Key") != testAPIKey:
		fail(403, "PERMISSION_DENIED", "The request is missing a valid API key.")
		return
	case err != nil || size < 1 || size > 50:
		fail(400, "INVALID_ARGUMENT", "Request contains an invalid argument.")
		return
	}
	start, _ := strconv.Atoi(q.Get("pageToken"))
	page := map[string]any{}
	var claims []any
	for i := start; i < min(start+size, f.total); i++ {
		claims = append(claims, map[string]any{
			"text":      fmt.Sprintf("Claim %d about %s.", i, q.Get("query")),
			"claimant":  "Social media",
			"claimDate": "2024-05-01T00:00:00Z",
			"claimReview": []any{map[string]any{
				"publisher":     map[string]any{"name": "Checks Example", "site": "checks.example"},
				"url":           fmt.Sprintf("https://checks.example/%d", i),
				"title":         fmt.Sprintf("Review %d", i),
				"reviewDate":    "2024-05-02T00:00:00Z",
				"textualRating": "Falso",
				"languageCode":  q.Get("languageCode"),
			}},
		})
	}
	if len(claims) > 0 {
		page["claims"] = claims
	}
	if start+size < f.total {
		page["nextPageToken"] = strconv.Itoa(start + size)
	}
	json.NewEncoder(w).Encode(page)
}

// fetch-fct pages through claims:search to the end and saves a file that
// `factcheck index` reads; no test reaches the network.
func TestFetchFCT(t *testing.T) {
	fake := &fakeFactCheckTools{total: 23}
	srv := httptest.NewServer(fake)
	defer srv.Close()
	dir := t.TempDir()
	out := filepath.Join(dir, "vacinas.json")

	code, stdout, stderr := runFactcheck(t, "fetch-fct", "--api", srv.URL, "--key", testAPIKey, "--query", "vacina",
		"--language", "pt", "--page-size", "10", "-o", out)
	require.Equal(t, 0, code, stderr)
	assert.Empty(t, stdout)
	assert.Equal(t, "fetch-fct: saved 23 claims from 3 pages to "+out+"\n", stderr)
	require.Len(t, fake.reqs, 3)
	for i, r := range fake.reqs {
		q := r.URL.Query()
		assert.Equal(t, "vacina", q.Get("query"))
		assert.Equal(t, "pt", q.Get("languageCode"))
		assert.Equal(t, "10", q.Get("pageSize"))
		assert.Equal(t, []string{"", "10", "20"}[i], q.Get("pageToken"))
		assert.NotContains(t, r.URL.String(), testAPIKey, "the key travels in a header, not the URL")
	}

	code, _, stderr = runFactcheck(t, "index", "-o", filepath.Join(dir, "vacinas.fcx"), out)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stderr, "indexed 23 of 23 items")
	data, err := os.ReadFile(filepath.Join(dir, "vacinas.fcx"))
	require.NoError(t, err)
	x, err := index.Decode(data)
	require.NoError(t, err)
	c := x.Claim(22)
	assert.Equal(t, "Claim 22 about vacina.", c.Text)
	assert.Equal(t, "Falso", c.Rating)
	assert.Equal(t, "pt", c.Language)
	assert.Equal(t, "https://checks.example/22", c.URL)

	// --max-pages stops early and says that more remain.
	fake.reqs = nil
	code, _, stderr = runFactcheck(t, "fetch-fct", "--api", srv.URL, "--key", testAPIKey, "--query", "vacina",
		"--page-size", "10", "--max-pages", "2", "-o", out)
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, "fetch-fct: saved 20 claims from 2 pages to "+out+"; more remain (raise --max-pages past 2)\n", stderr)
	assert.Len(t, fake.reqs, 2)

	// The key may come from the environment instead of the command line.
	t.Setenv("FACTCHECK_API_KEY", testAPIKey)
	code, _, stderr = runFactcheck(t, "fetch-fct", "--api", srv.URL, "--query", "nothing", "--page-size", "50", "-o", out)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stderr, "saved 23 claims from 1 pages")
}

// API errors are one line with Google's status and message, the key never
// shown, and no file written.
func TestFetchFCTErrors(t *testing.T) {
	srv := httptest.NewServer(&fakeFactCheckTools{total: 5})
	defer srv.Close()
	dir := t.TempDir()
	out := filepath.Join(dir, "out.json")
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"bad page size", []string{"--api", srv.URL, "--key", testAPIKey, "--query", "x", "--page-size", "500"}, 1,
			"factcheck: fetch-fct: page 1: HTTP 400 INVALID_ARGUMENT: Request contains an invalid argument.\n"},
		{"wrong key", []string{"--api", srv.URL, "--key", "wrong-" + testAPIKey, "--query", "x"}, 1,
			"factcheck: fetch-fct: page 1: HTTP 403 PERMISSION_DENIED: The request is missing a valid API key.\n"},
		{"not the API", []string{"--api", srv.URL + "/elsewhere", "--key", testAPIKey, "--query", "x"}, 1,
			"factcheck: fetch-fct: page 1: HTTP 404 NOT_FOUND: no such method\n"},
		{"no key for Google", []string{"--query", "x"}, 2,
			"factcheck: fetch-fct: --key (or $FACTCHECK_API_KEY) is required for Google's API\n"},
		{"no query", []string{"--api", srv.URL, "--key", testAPIKey}, 2, "factcheck: fetch-fct: --query or --site is required\n"},
		{"no pages", []string{"--api", srv.URL, "--query", "x", "--max-pages", "0"}, 2,
			"factcheck: fetch-fct: --max-pages and --page-size must be at least 1, --max-age-days at least 0\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("FACTCHECK_API_KEY", "")
			code, stdout, stderr := runFactcheck(t, append([]string{"fetch-fct", "-o", out}, tt.args...)...)
			requireOneLineError(t, tt.code, code, stderr)
			assert.Equal(t, tt.want, stderr)
			assert.Empty(t, stdout)
			assert.NotContains(t, stderr, testAPIKey)
			assertOnlyFiles(t, dir)
		})
	}

	// A server that is not there: the address, not the key.
	gone := httptest.NewServer(http.NotFoundHandler())
	gone.Close()
	code, _, stderr := runFactcheck(t, "fetch-fct", "--api", gone.URL, "--key", testAPIKey, "--query", "x", "-o", out)
	requireOneLineError(t, 1, code, stderr)
	assert.Contains(t, stderr, "fetch-fct: page 1: "+gone.URL+"/v1alpha1/claims:search: ")
	assert.NotContains(t, stderr, testAPIKey)
}
