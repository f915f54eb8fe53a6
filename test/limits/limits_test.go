// Package limits_test checks that every documented input limit is enforced
// where docs/reliability.md says, with what the user is told.
package limits_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/api"
	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/claimsearch"
	"github.com/factcheckwidget/factcheck/internal/corpus"
	"github.com/factcheckwidget/factcheck/internal/engine"
	"github.com/factcheckwidget/factcheck/internal/feedgen"
	"github.com/factcheckwidget/factcheck/internal/index"
)

// checker is a small corpus: the limits are about the input, not the
// corpus, and matching few claims keeps megabyte articles fast.
func checker(t *testing.T) *engine.Checker {
	t.Helper()
	claims := []claim.Claim{{ID: "bridge", Text: "The Eastport harbour bridge collapsed during the storm on 3 March 2024.",
		Rating: "False", Verdict: claim.VerdictFalse, URL: "https://checks.example/bridge", Language: "en"}}
	for i, s := range []string{"The mayor opened a public library downtown", "Apple prices doubled at the market",
		"A comet will be visible on Friday night", "Teachers voted to accept the new contract",
		"Wildfire smoke closed three schools", "The football club sold its stadium"} {
		claims = append(claims, claim.Claim{ID: fmt.Sprint("f", i), Text: s, URL: "https://checks.example/f", Language: "en"})
	}
	x, err := index.Build(claims, nil)
	require.NoError(t, err)
	return engine.New(x)
}

const claimSentence = "The Eastport harbour bridge collapsed during the storm on 3 March 2024."

// An article past MaxArticleBytes is cut there, on a rune boundary: text
// after the cut is not checked.
func TestMaxArticleBytes(t *testing.T) {
	c := checker(t)
	// ~1,900-byte sentences (under MaxSentenceBytes), 2-byte runes so the cut
	// can fall inside one; enough to pass 2 MiB with far fewer than
	// MaxSentences sentences.
	sentence := strings.Repeat("é", 947) + " ok.\n"
	n := engine.MaxArticleBytes/len(sentence) + 1
	article := strings.Repeat(sentence, n) + claimSentence
	require.Greater(t, len(article), engine.MaxArticleBytes)
	require.Less(t, n, engine.MaxSentences)
	out := c.CheckArticle(article, engine.Options{})
	last := out[len(out)-1]
	assert.LessOrEqual(t, last.Span.End, engine.MaxArticleBytes)
	for _, s := range out {
		require.True(t, utf8.ValidString(s.Text))
		assert.Empty(t, s.Matches, "the claim sentence lies past the cut")
	}
	// The same sentence within the limit is matched.
	out = c.CheckArticle(strings.Repeat(sentence, 10)+claimSentence, engine.Options{})
	assert.NotEmpty(t, out[len(out)-1].Matches)
}

// A "sentence" (a list, a table row) longer than MaxSentenceBytes is cut
// there, on a rune boundary, in articles and in single-sentence checks.
func TestMaxSentenceBytes(t *testing.T) {
	c := checker(t)
	long := strings.Repeat("ü", 3*engine.MaxSentenceBytes) // no sentence end
	out := c.CheckArticle(long, engine.Options{})
	require.Len(t, out, 1)
	assert.LessOrEqual(t, len(out[0].Text), engine.MaxSentenceBytes)
	assert.Greater(t, len(out[0].Text), engine.MaxSentenceBytes-4)
	assert.True(t, utf8.ValidString(out[0].Text))
	assert.Equal(t, len(out[0].Text), out[0].Span.End-out[0].Span.Start)

	// Only the first MaxSentenceBytes of a sentence are matched.
	pad := strings.Repeat("x ", engine.MaxSentenceBytes/2)
	assert.NotEmpty(t, c.CheckSentence(claimSentence+" "+pad, engine.Options{}))
	assert.Empty(t, c.CheckSentence(pad+" "+claimSentence, engine.Options{}))
}

// Articles with more than MaxSentences sentences are checked up to there.
func TestMaxSentences(t *testing.T) {
	c := checker(t)
	article := strings.Repeat("Rain fell on the town today.\n", engine.MaxSentences+500)
	out := c.CheckArticle(article, engine.Options{})
	assert.Len(t, out, engine.MaxSentences)
}

// Build refuses more than MaxClaims claims (the slice is left zero, so the
// 2 million empty claims cost address space, not memory).
func TestMaxClaims(t *testing.T) {
	_, err := index.Build(make([]claim.Claim, index.MaxClaims+1), nil)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "more than 2,000,000 claims")
}

// Build clips claim text fields to MaxClaimBytes.
func TestMaxClaimBytes(t *testing.T) {
	long := strings.Repeat("ä", index.MaxClaimBytes)
	x, err := index.Build([]claim.Claim{{ID: "a", Text: long, Title: long, Context: long}}, nil)
	require.NoError(t, err)
	c := x.Claim(0)
	for _, f := range []string{c.Text, c.Title, c.Context} {
		assert.LessOrEqual(t, len(f), index.MaxClaimBytes)
		assert.True(t, utf8.ValidString(f))
	}
}

// A corpus that inflates past MaxFileBytes (a gzip bomb) is refused. It
// inflates 512 MiB, so it runs only with FACTCHECK_BIG_LIMITS=1 (about 2 s
// and 1.5 GB of memory); docs/reliability.md records its result.
func TestMaxFileBytesGzipBomb(t *testing.T) {
	if os.Getenv("FACTCHECK_BIG_LIMITS") != "1" {
		t.Skip("inflates 512 MiB: set FACTCHECK_BIG_LIMITS=1")
	}
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	require.NoError(t, err)
	chunk := make([]byte, 1<<20)
	for i := 0; i <= corpus.MaxFileBytes>>20; i++ {
		_, err = zw.Write(chunk)
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	t.Logf("bomb: %d bytes of gzip", buf.Len())
	_, _, err = corpus.Read("bomb.json.gz", buf.Bytes())
	var ce *corpus.Error
	require.True(t, errors.As(err, &ce), "%v", err)
	assert.Equal(t, "bomb.json.gz: file is larger than the 512 MiB corpus limit", err.Error())
}

// The API: bodies over MaxBodyBytes get 413, search queries over
// claimsearch.MaxQueryBytes get 400, each with a message that says which limit.
func TestAPILimits(t *testing.T) {
	h := api.New(checker(t), api.Options{})
	big := `{"text": "` + strings.Repeat("a", api.DefaultMaxBodyBytes) + `"}`
	for _, tc := range []struct {
		name, method, target, body string
		chunked                    bool
		code                       int
		msg                        string
	}{
		{"body over the limit", http.MethodPost, "/v1/check", big, false, 413, "request body is larger than 1048576 bytes"},
		{"body over the limit, no Content-Length", http.MethodPost, "/v1/check", big, true, 413, "request body is larger than 1048576 bytes"},
		{"body at the limit", http.MethodPost, "/v1/check", `{"text": "` + strings.Repeat("a ", (api.DefaultMaxBodyBytes-20)/2) + `"}`, false, 200, ""},
		{"query over the limit", http.MethodGet, "/v1alpha1/claims:search?query=" + url.QueryEscape(strings.Repeat("b", claimsearch.MaxQueryBytes+1)), "", false, 400, "query: longer than 2000 bytes"},
		{"query at the limit", http.MethodGet, "/v1alpha1/claims:search?query=" + url.QueryEscape(strings.Repeat("b", claimsearch.MaxQueryBytes)), "", false, 200, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest(tc.method, tc.target, strings.NewReader(tc.body))
			if tc.chunked {
				r.ContentLength = -1
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, r)
			assert.Equal(t, tc.code, rec.Code)
			if tc.msg != "" {
				assert.Contains(t, rec.Body.String(), tc.msg)
			}
		})
	}
}

// `factcheck check` refuses an article file over MaxArticleBytes (usage
// error, exit 2) rather than checking part of it silently.
func TestCLIArticleLimit(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "factcheck")
	out, err := exec.Command("go", "build", "-o", bin, "../../cmd/factcheck").CombinedOutput()
	require.NoError(t, err, "%s", out)
	article := filepath.Join(dir, "big.txt")
	require.NoError(t, os.WriteFile(article, bytes.Repeat([]byte("Rain fell. "), engine.MaxArticleBytes/11+1), 0o644))
	out, err = exec.Command(bin, "check", article).CombinedOutput()
	var exit *exec.ExitError
	require.True(t, errors.As(err, &exit), "want a failure, got %v: %s", err, out)
	assert.Equal(t, 2, exit.ExitCode())
	assert.Contains(t, string(out), "big.txt is larger than the 2097152-byte article limit")
}

// bigFeedItems is the DataFeed size the issue sets the memory target for.
const bigFeedItems = 200_000

// Reading a 200,000-element DataFeed (generated at run time, about 260 MB)
// streams it: the reading process stays under 500 MB RSS. The whole
// `factcheck index` run is measured and logged too; it includes building
// and encoding the index, whose peak README's "Build a corpus" section
// records. Runs only with FACTCHECK_BIG_LIMITS=1 (about a minute);
// docs/reliability.md records its result.
func TestBigFeedMemory(t *testing.T) {
	if os.Getenv("FACTCHECK_BIG_LIMITS") != "1" {
		t.Skip("generates and indexes a 260 MB feed: set FACTCHECK_BIG_LIMITS=1")
	}
	dir := t.TempDir()
	feed := filepath.Join(dir, "feed.jsonld")
	f, err := os.Create(feed)
	require.NoError(t, err)
	require.NoError(t, feedgen.Write(f, bigFeedItems, 1))
	require.NoError(t, f.Close())
	want := feedgen.Count(bigFeedItems)
	summary := fmt.Sprintf("indexed %d of %d items; skipped %d: ", want.Reviews-want.Skipped, want.Reviews, want.Skipped)

	// Reading alone, in a child process so that its peak RSS is its own.
	child := exec.Command(os.Args[0], "-test.run=^TestReadFeedChild$", "-test.v")
	child.Env = append(os.Environ(), "FACTCHECK_READ_FEED="+feed)
	start := time.Now()
	out, err := child.CombinedOutput()
	require.NoError(t, err, "%s", out)
	assert.Contains(t, string(out), summary)
	rss := peakRSS(child)
	t.Logf("reading %d elements: peak RSS %d MB, %s", bigFeedItems, rss>>20, time.Since(start).Round(100*time.Millisecond))
	assert.Less(t, rss, int64(500<<20), "reading is streamed")

	bin := filepath.Join(dir, "factcheck")
	out, err = exec.Command("go", "build", "-o", bin, "../../cmd/factcheck").CombinedOutput()
	require.NoError(t, err, "%s", out)
	index := exec.Command(bin, "index", "-o", filepath.Join(dir, "feed.fcx"), feed)
	start = time.Now()
	out, err = index.CombinedOutput()
	require.NoError(t, err, "%s", out)
	assert.True(t, strings.HasPrefix(string(out), summary), "%s", out)
	t.Logf("factcheck index: peak RSS %d MB, %s; %s", peakRSS(index)>>20, time.Since(start).Round(100*time.Millisecond), out)
}

// TestReadFeedChild is TestBigFeedMemory's child process.
func TestReadFeedChild(t *testing.T) {
	feed := os.Getenv("FACTCHECK_READ_FEED")
	if feed == "" {
		t.Skip("the child process of TestBigFeedMemory")
	}
	var c corpus.Collection
	require.NoError(t, c.ReadFile(feed))
	fmt.Println(c.Summary(1))
}

func peakRSS(cmd *exec.Cmd) int64 {
	return cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss << 10 // kB on Linux
}
