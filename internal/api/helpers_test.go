package api_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/api"
	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/defaultcorpus"
	"github.com/factcheckwidget/factcheck/internal/engine"
	"github.com/factcheckwidget/factcheck/internal/index"
)

// testNow is the injected clock: 2025-11-20, after every default review.
var testNow = time.Date(2025, 11, 20, 12, 0, 0, 0, time.UTC)

func defaultChecker(t *testing.T) *engine.Checker {
	t.Helper()
	x, err := defaultcorpus.Index()
	require.NoError(t, err)
	return engine.New(x)
}

// smallChecker is a corpus built to exercise the filters: languages,
// publisher sites given as URLs and hosts, and review dates.
func smallChecker(t *testing.T) *engine.Checker {
	t.Helper()
	mk := func(i int, lang, site, date string) claim.Claim {
		return claim.Claim{ID: fmt.Sprintf("c%d", i), Text: fmt.Sprintf("Bridge number %d over the river collapsed in the storm", i),
			Rating: "False", Verdict: claim.VerdictFalse, Publisher: "Pub " + site, PublisherSite: site,
			URL: fmt.Sprintf("https://%s/checks/%d", strings.TrimPrefix(site, "https://"), i), ReviewDate: date, Language: lang}
	}
	claims := []claim.Claim{
		mk(0, "en", "https://www.alpha.example/", "2025-11-19"),
		mk(1, "en-GB", "alpha.example", "2025-11-10"),
		mk(2, "fr", "beta.example", "2025-11-18"),
		mk(3, "", "news.alpha.example", "2025-01-01"),
		mk(4, "de", "gamma.example", ""),
	}
	// Unrelated claims: a search for the bridge claims must never list them.
	for i, text := range []string{"The mayor opened a public library downtown", "Apple prices doubled at the market",
		"A comet will be visible on Friday night", "Teachers voted to accept the new contract",
		"Wildfire smoke closed three schools", "The football club sold its stadium",
		"Parliament passed the budget in March", "A new vaccine was approved for children"} {
		claims = append(claims, claim.Claim{ID: fmt.Sprintf("f%d", i), Text: text, PublisherSite: "filler.example",
			URL: fmt.Sprintf("https://filler.example/%d", i), ReviewDate: "2025-11-19"})
	}
	x, err := index.Build(claims, nil)
	require.NoError(t, err)
	return engine.New(x)
}

func newServer(t *testing.T, c *engine.Checker, opt api.Options) *httptest.Server {
	t.Helper()
	if opt.Now == nil {
		opt.Now = func() time.Time { return testNow }
	}
	srv := httptest.NewServer(api.New(c, opt))
	t.Cleanup(srv.Close)
	return srv
}

func do(t *testing.T, req *http.Request) (*http.Response, []byte) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp, body
}

func get(t *testing.T, url string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	require.NoError(t, err)
	return do(t, req)
}

func post(t *testing.T, url, contentType, body string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", contentType)
	return do(t, req)
}

// requireError checks a Google-style JSON error body.
func requireError(t *testing.T, resp *http.Response, body []byte, code int, status string) api.ErrorDetail {
	t.Helper()
	require.Equal(t, code, resp.StatusCode, "body: %s", body)
	require.Equal(t, "application/json; charset=utf-8", resp.Header.Get("Content-Type"))
	var e api.Error
	require.NoError(t, json.Unmarshal(body, &e), "body: %s", body)
	require.Equal(t, code, e.Error.Code)
	require.Equal(t, status, e.Error.Status)
	require.NotEmpty(t, e.Error.Message)
	return e.Error
}

func newRecorder() *httptest.ResponseRecorder { return httptest.NewRecorder() }
