// Package privacy_test checks the widget's privacy guarantee in headless
// Chromium: once a page with the widget and a custom corpus loads, every
// request the page and the widget's worker make goes to the origin that
// served them, and the text the reader reads is in none of them.
package privacy_test

import (
	"context"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/browsertest"
	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/index"
	"github.com/factcheckwidget/factcheck/test/internal/webassets"
)

// marker is a sentence no corpus or asset contains; if it shows up in a
// request, page text left the page.
const marker = "Quillwort-7f3c9 zebra ledger sentence twelve marmalade."

// matched is a sentence the custom corpus has a claim for, so the widget
// highlights it and the test can open its card.
const matched = "The Eastport harbour bridge collapsed during the storm on 3 March 2024."

// seen is one request as the server received it.
type seen struct {
	Method, URL string
	Header      http.Header
	Body        string
}

// recorder wraps the origin server's handler and keeps every request.
type recorder struct {
	mu   sync.Mutex
	reqs []seen
	next http.Handler
}

func (r *recorder) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(req.Body, 1<<20))
	r.mu.Lock()
	r.reqs = append(r.reqs, seen{req.Method, req.URL.String(), req.Header.Clone(), string(body)})
	r.mu.Unlock()
	r.next.ServeHTTP(w, req)
}

func (r *recorder) all() []seen {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.reqs)
}

func TestNothingLeavesTheOrigin(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, webassets.Build(filepath.Join("..", ".."), dir, nil))
	claims := []claim.Claim{
		{ID: "c1", Text: matched, Rating: "False", Verdict: claim.VerdictFalse, Publisher: "Harbour Checks",
			URL: "https://checks.example/bridge", ReviewDate: "2024-03-05", Language: "en"},
		{ID: "c2", Text: "The Northgate reservoir holds 40 million litres of drinking water.", Rating: "True",
			Verdict: claim.VerdictTrue, URL: "https://checks.example/reservoir", Language: "en"},
	}
	// Unrelated claims give the sentences' words weight (BM25 idf): in a
	// two-claim corpus every word is common and the matcher abstains.
	for i, s := range []string{"The mayor opened a public library downtown", "Apple prices doubled at the market",
		"A comet will be visible on Friday night", "Teachers voted to accept the new contract",
		"Wildfire smoke closed three schools", "The football club sold its stadium",
		"Parliament passed the budget in March", "A new vaccine was approved for children"} {
		claims = append(claims, claim.Claim{ID: "f" + string(rune('a'+i)), Text: s, URL: "https://checks.example/f", Language: "en"})
	}
	x, err := index.Build(claims, nil)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "custom.fcx"), x.Encode(), 0o644))

	article := `<article data-factcheck data-date="2025-11-05"><h1>Local news</h1>
<p>` + html.EscapeString(matched) + ` ` + html.EscapeString(marker) + `</p>
<p>The Northgate reservoir holds 40 million litres of drinking water.</p></article>`
	mux := http.NewServeMux()
	mux.Handle("/fc/", http.StripPrefix("/fc/", http.FileServer(http.Dir(dir))))
	mux.HandleFunc("/news", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>News</title>
<script src="/fc/factcheck.js" data-corpus="/fc/custom.fcx" defer></script></head><body>`+article+`</body></html>`)
	})
	rec := &recorder{next: mux}
	srv := httptest.NewServer(rec)
	t.Cleanup(srv.Close)

	// The proxy sees every request on the wire, the worker's included;
	// DevTools' page events also see what never reaches the wire (data:,
	// blob:). The server sees bodies and headers.
	proxy := browsertest.NewProxy(t)
	ctx := browsertest.New(t, proxy.Options()...)
	devtools, err := browsertest.Record(ctx)
	require.NoError(t, err)

	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/news")))
	waitFor(t, ctx, `["done", "error"].includes(document.querySelector("article").getAttribute("data-fc-state"))`, 60*time.Second)
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("mark.fc-hl[role=button]").length`))
	require.NoError(t, err)
	require.Equal(t, 2, n, "both claims are highlighted")
	// Use the widget as a reader would: open a card by click, another by focus, follow nothing.
	require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS("mark.fc-hl[role=button]"))))
	waitFor(t, ctx, `!document.querySelector("[data-fc-card]").shadowRoot.querySelector(".card").hidden`, 5*time.Second)
	_, err = chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`document.querySelectorAll("mark.fc-hl[role=button]")[1].focus()`))
	require.NoError(t, err)
	time.Sleep(time.Second) // let anything late (beacons, prefetches) happen

	origin := srv.URL
	assert.Empty(t, proxy.Foreign(origin), "requests on the wire to another origin")
	if b := proxy.Browser.URLs(); len(b) > 0 {
		t.Logf("Chromium's own services (refused, not the page's): %v", b)
	}
	// Same origin, the widget starts its worker from its own URL and makes
	// no blob: shim (that is only for a cross-origin widget) and no data:
	// URL; so here the page may have neither.
	for _, u := range devtools.URLs() {
		assert.True(t, strings.HasPrefix(u, origin+"/"), "page request outside %s: %.120s", origin, u)
	}

	var paths []string
	for _, r := range rec.all() {
		u, err := url.Parse(r.URL)
		require.NoError(t, err)
		paths = append(paths, u.Path)
		assert.Equal(t, http.MethodGet, r.Method, "%s %s: the widget only downloads", r.Method, r.URL)
		assert.Empty(t, u.RawQuery, "no query string: %s", r.URL)
		assert.Empty(t, r.Body, "no request body: %s", r.URL)
		// Neither the unread marker nor any stretch of the article is sent.
		for _, s := range []string{marker, "Quillwort", matched, "Eastport", "reservoir"} {
			assert.NotContains(t, r.URL, s)
			assert.NotContains(t, r.Body, s)
			for k, vs := range r.Header {
				for _, v := range vs {
					assert.NotContains(t, v, s, "header %s of %s", k, r.URL)
				}
			}
		}
	}
	for _, u := range proxy.URLs() {
		assert.NotContains(t, u, "Quillwort")
	}
	assert.Subset(t, []string{"/news", "/fc/factcheck.js", "/fc/factcheck-worker.js", "/fc/wasm_exec.js",
		"/fc/factcheck.wasm", "/fc/custom.fcx", "/favicon.ico"}, paths, "only the page, the widget and the corpus")
	// The worker's downloads reached the server, so the checks above saw them.
	assert.Contains(t, paths, "/fc/factcheck.wasm")
	assert.Contains(t, paths, "/fc/custom.fcx")
	assert.NotContains(t, paths, "/fc/default.fcx", "the custom corpus replaces the default one")
}

// waitFor polls a JavaScript condition until it holds.
func waitFor(t *testing.T, ctx context.Context, cond string, timeout time.Duration) {
	t.Helper()
	end := time.Now().Add(timeout)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](cond))
		require.NoError(t, err)
		if ok {
			return
		}
		require.False(t, time.Now().After(end), "timed out waiting for %s", cond)
		time.Sleep(25 * time.Millisecond)
	}
}
