//go:build unix

package workertest

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/api"
	"github.com/factcheckwidget/factcheck/internal/defaultcorpus"
	"github.com/factcheckwidget/factcheck/internal/index"
	"github.com/factcheckwidget/factcheck/internal/report"
	"github.com/factcheckwidget/factcheck/internal/shard"
	"github.com/factcheckwidget/factcheck/internal/shardio"
	"github.com/factcheckwidget/factcheck/test/googleclient"
	"github.com/factcheckwidget/factcheck/wasm/worker/devserver"
)

// TestWorkerUnderWranglerDev is the issue-6 integration test. It needs Node
// and npm (wrangler); without them it skips, saying so.
func TestWorkerUnderWranglerDev(t *testing.T) {
	for _, tool := range []string{"node", "npm"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not found: skipping the Cloudflare Worker integration test (install Node 20+ to run it)", tool)
		}
	}
	root, err := devserver.Root()
	require.NoError(t, err)

	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	build := exec.CommandContext(ctx, "make", "--no-print-directory", "-s", "node_modules", "worker")
	build.Dir = root
	out, err := build.CombinedOutput()
	require.NoError(t, err, "make worker:\n%s", out)

	// The simulated R2 bucket starts empty: the Worker serves its embedded
	// corpus until the test uploads one.
	require.NoError(t, os.RemoveAll(filepath.Join(root, ".wrangler", "state", "v3", "r2")))
	// "log": the test counts the glue's console.log lines. The R2 bucket
	// is looked at on every request, so the corpus uploaded below is used
	// at once.
	srv, err := devserver.Start(root, "log", "--var", "CORPUS_REFRESH_SECONDS:0")
	require.NoError(t, err)
	t.Cleanup(srv.Stop)
	readyCtx, cancelReady := context.WithTimeout(ctx, 90*time.Second)
	defer cancelReady()
	require.NoError(t, srv.Ready(readyCtx, "/healthz"))
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("wrangler dev output:\n%s", srv.Log())
		}
	})
	c := &client{t: t, base: srv.URL, http: &http.Client{Timeout: 20 * time.Second}}

	t.Run("health", func(t *testing.T) {
		c.t = t
		resp, body := c.do("GET", "/healthz", "", nil)
		require.Equal(t, http.StatusOK, resp.StatusCode, "body: %s", body)
		var h api.Health
		require.NoError(t, json.Unmarshal(body, &h))
		assert.Equal(t, api.Health{Status: "ok", Corpus: api.HealthCorpus{Name: "default", Claims: 61, IndexFormat: index.Version}}, h)
	})

	t.Run("claims:search", func(t *testing.T) {
		c.t = t
		q := url.Values{"query": {"28,500 US troops in South Korea"}}
		resp, body := c.do("GET", "/v1alpha1/claims:search?"+q.Encode(), "", nil)
		require.Equal(t, http.StatusOK, resp.StatusCode, "body: %s", body)
		assert.Equal(t, "application/json; charset=utf-8", resp.Header.Get("Content-Type"))
		assert.Equal(t, "*", resp.Header.Get("Access-Control-Allow-Origin"))
		var out api.SearchResponse
		require.NoError(t, json.Unmarshal(body, &out))
		require.NotEmpty(t, out.Claims)
		assert.LessOrEqual(t, len(out.Claims), api.DefaultPageSize)
		top := out.Claims[0]
		assert.Contains(t, top.Text, "28,500")
		require.Len(t, top.ClaimReview, 1)
		rv := top.ClaimReview[0]
		assert.Equal(t, "Harbor Fact Desk", rv.Publisher.Name)
		assert.NotContains(t, rv.Publisher.Site, "://", "site is a host name")
		assert.Regexp(t, `^https://`, rv.URL)
		assert.Regexp(t, `^\d{4}-\d\d-\d\dT00:00:00Z$`, rv.ReviewDate)
		assert.Equal(t, "True", rv.TextualRating)
		assert.Equal(t, "en", rv.LanguageCode)

		// Paging: the token of page 1 gives a different page 2.
		q.Set("pageSize", "1")
		_, body = c.do("GET", "/v1alpha1/claims:search?"+q.Encode(), "", nil)
		var p1, p2 api.SearchResponse
		require.NoError(t, json.Unmarshal(body, &p1))
		require.NotEmpty(t, p1.NextPageToken)
		q.Set("pageToken", p1.NextPageToken)
		resp, body = c.do("GET", "/v1alpha1/claims:search?"+q.Encode(), "", nil)
		require.Equal(t, http.StatusOK, resp.StatusCode, "body: %s", body)
		require.NoError(t, json.Unmarshal(body, &p2))
		require.Len(t, p2.Claims, 1)
		assert.NotEqual(t, p1.Claims[0].Text, p2.Claims[0].Text)
	})

	// Google's own Node client, pointed at the Worker (test/googleclient runs
	// it against factcheck serve); in this wrangler session, as a second
	// build of build/worker/ would make this one reload.
	t.Run("Google's client", func(t *testing.T) { googleclient.Check(t, srv.URL) })

	t.Run("check", func(t *testing.T) {
		c.t = t
		text := "The chestnut vendors were busy. About 28,500 American troops are based in South Korea."
		resp, body := c.do("POST", "/v1/check", "text/plain;charset=UTF-8",
			strings.NewReader(`{"text": `+jsonString(text)+`, "date": "2025-11-05"}`))
		require.Equal(t, http.StatusOK, resp.StatusCode, "body: %s", body)
		var a report.Article
		require.NoError(t, json.Unmarshal(body, &a))
		assert.Equal(t, "2025-11-05", a.Date)
		require.Len(t, a.Sentences, 2)
		assert.Empty(t, a.Sentences[0].Matches, "unrelated sentence: abstain")
		s := a.Sentences[1]
		assert.Equal(t, len([]rune("The chestnut vendors were busy. ")), s.Start)
		require.NotEmpty(t, s.Matches)
		m := s.Matches[0]
		assert.Equal(t, "match", m.Tier)
		require.NotNil(t, m.Claim)
		assert.Contains(t, m.Claim.Text, "28,500")
		assert.NotEmpty(t, m.Summary)
		assert.NotNil(t, m.Flags, "flags is a list, never null")
	})

	t.Run("400", func(t *testing.T) {
		c.t = t
		for _, tc := range []struct{ name, method, path, body, inMsg string }{
			{"pageSize not a number", "GET", "/v1alpha1/claims:search?query=x&pageSize=abc", "", "pageSize"},
			{"no query", "GET", "/v1alpha1/claims:search", "", "query"},
			{"pageToken garbage", "GET", "/v1alpha1/claims:search?query=Hegseth&pageToken=!!!", "", "pageToken"},
			{"not JSON", "POST", "/v1/check", `text=hello`, "JSON"},
			{"truncated JSON", "POST", "/v1/check", `{"text": "a`, "JSON"},
			{"empty body", "POST", "/v1/check", ``, "empty"},
			{"unknown field", "POST", "/v1/check", `{"text": "a b c", "txt": "x"}`, "txt"},
			{"bad date", "POST", "/v1/check", `{"text": "a b c", "date": "5 Nov 2025"}`, "date"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				c.t = t
				resp, body := c.do(tc.method, tc.path, "application/json", strings.NewReader(tc.body))
				e := requireError(t, resp, body, http.StatusBadRequest, "INVALID_ARGUMENT")
				assert.Contains(t, e.Message, tc.inMsg)
			})
		}
	})

	t.Run("413", func(t *testing.T) {
		c.t = t
		big := `{"text": "` + strings.Repeat("a", api.DefaultMaxBodyBytes) + `"}`
		resp, body := c.do("POST", "/v1/check", "application/json", strings.NewReader(big))
		requireError(t, resp, body, http.StatusRequestEntityTooLarge, "PAYLOAD_TOO_LARGE")
		// Without a Content-Length (chunked) the limit holds while reading.
		resp, body = c.do("POST", "/v1/check", "application/json", struct{ io.Reader }{strings.NewReader(big)})
		requireError(t, resp, body, http.StatusRequestEntityTooLarge, "PAYLOAD_TOO_LARGE")
		// The Worker drains what it did not read: the next request is not stalled.
		start := time.Now()
		resp, _ = c.do("GET", "/healthz", "", nil)
		assert.Equal(t, http.StatusOK, resp.StatusCode)
		assert.Less(t, time.Since(start), 5*time.Second)
	})

	t.Run("404 and 405", func(t *testing.T) {
		c.t = t
		for _, tc := range []struct {
			method, path string
			code         int
			status       string
			allow        string
		}{
			{"GET", "/", 404, "NOT_FOUND", ""},
			{"GET", "/v1/nope", 404, "NOT_FOUND", ""},
			{"GET", "/v1/check", 405, "METHOD_NOT_ALLOWED", "POST, OPTIONS"},
			{"DELETE", "/healthz", 405, "METHOD_NOT_ALLOWED", "GET, HEAD, OPTIONS"},
		} {
			resp, body := c.do(tc.method, tc.path, "", nil)
			requireError(t, resp, body, tc.code, tc.status)
			assert.Equal(t, tc.allow, resp.Header.Get("Allow"))
		}
	})

	// A sharded corpus uploaded to the (local) R2 bucket replaces the
	// embedded one without a redeploy, and answers as it does.
	t.Run("R2 corpus", func(t *testing.T) {
		c.t = t
		q := "/v1alpha1/claims:search?" + url.Values{"query": {"troops South Korea"}}.Encode()
		check := strings.NewReader(`{"text": "The chestnut vendors were busy. About 28,500 American troops are based in South Korea.", "date": "2025-11-05"}`)
		_, embeddedSearch := c.do("GET", q, "", nil)
		_, embeddedCheck := c.do("POST", "/v1/check", "application/json", check)

		uploadShardedCorpus(t, ctx, root)
		resp, body := c.do("GET", "/healthz", "", nil)
		require.Equal(t, http.StatusOK, resp.StatusCode, "body: %s", body)
		var h api.Health
		require.NoError(t, json.Unmarshal(body, &h))
		assert.Equal(t, api.HealthCorpus{Name: "default (R2)", Claims: 61, IndexFormat: index.Version}, h.Corpus, "the Worker reads the bucket's corpus")

		resp, body = c.do("GET", q, "", nil)
		require.Equal(t, http.StatusOK, resp.StatusCode, "body: %s", body)
		assert.JSONEq(t, string(embeddedSearch), string(body), "claims:search from R2 lists what the embedded corpus lists")
		check.Seek(0, io.SeekStart)
		resp, body = c.do("POST", "/v1/check", "application/json", check)
		require.Equal(t, http.StatusOK, resp.StatusCode, "body: %s", body)
		assert.JSONEq(t, string(embeddedCheck), string(body), "/v1/check from R2 answers what the embedded corpus answers")
	})

	t.Run("one instance serves every request", func(t *testing.T) {
		c.t = t
		// syumai/workers' own Serve ends the Go program after one response;
		// the glue and edge.Buffered keep it up. The glue logs each start.
		for i := range 50 {
			resp, body := c.do("GET", "/v1alpha1/claims:search?query=troops+South+Korea&pageSize=1", "", nil)
			require.Equal(t, http.StatusOK, resp.StatusCode, "request %d: %s", i, body)
		}
		log := srv.Log()
		assert.Equal(t, 1, strings.Count(log, "factcheck worker: Go instance ready"), "Go instances started:\n%s", log)
		assert.NotContains(t, log, "Go program exited")
	})
}

type client struct {
	t    *testing.T
	base string
	http *http.Client
}

func (c *client) do(method, path, contentType string, body io.Reader) (*http.Response, []byte) {
	c.t.Helper()
	req, err := http.NewRequest(method, c.base+path, body)
	require.NoError(c.t, err)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := c.http.Do(req)
	require.NoError(c.t, err)
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	require.NoError(c.t, err)
	return resp, data
}

func requireError(t *testing.T, resp *http.Response, body []byte, code int, status string) api.ErrorDetail {
	t.Helper()
	require.Equal(t, code, resp.StatusCode, "body: %s", body)
	assert.Equal(t, "application/json; charset=utf-8", resp.Header.Get("Content-Type"))
	var e api.Error
	require.NoError(t, json.Unmarshal(body, &e), "body: %s", body)
	assert.Equal(t, code, e.Error.Code)
	assert.Equal(t, status, e.Error.Status)
	assert.NotEmpty(t, e.Error.Message)
	return e.Error
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// uploadShardedCorpus writes the default corpus as a sharded corpus (in a
// few large parts: each upload is a wrangler run) and puts every file into
// the local R2 bucket that wrangler dev simulates, the manifest last.
func uploadShardedCorpus(t *testing.T, ctx context.Context, root string) {
	t.Helper()
	x, err := defaultcorpus.Index()
	require.NoError(t, err)
	x.Meta["name"] = "default (R2)"
	dir := t.TempDir()
	opt := shard.DefaultOptions()
	opt.StemsPerBucket, opt.GramsPerBucket, opt.KeywordsPerBucket, opt.Chunk, opt.CardChunk = 1<<20, 1<<20, 1<<20, 1<<10, 1<<10
	m, err := shardio.Write(dir, x, opt)
	x.Meta["name"] = "default"
	require.NoError(t, err)
	entries, err := os.ReadDir(filepath.Join(dir, m.Build))
	require.NoError(t, err)
	keys := []string{}
	for _, e := range entries {
		keys = append(keys, m.Build+"/"+e.Name())
	}
	keys = append(keys, shard.ManifestName)
	wrangler, err := devserver.Wrangler(root)
	require.NoError(t, err)
	for _, k := range keys {
		put := exec.CommandContext(ctx, wrangler, "r2", "object", "put", "factcheck-corpus/"+k, "--file", filepath.Join(dir, filepath.FromSlash(k)), "--local")
		put.Dir = root
		put.Env = append(os.Environ(), "WRANGLER_SEND_METRICS=false", "NO_COLOR=1")
		out, err := put.CombinedOutput()
		require.NoError(t, err, "wrangler r2 object put %s:\n%s", k, out)
	}
}
