package site

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/api"
	"github.com/factcheckwidget/factcheck/internal/browsertest"
	"github.com/factcheckwidget/factcheck/internal/defaultcorpus"
	"github.com/factcheckwidget/factcheck/internal/engine"
)

// widgetDir is where `make wasm` puts the widget, seen from this package.
var widgetDir = filepath.Join("..", "..", "build", "web")

const checkText = "The chestnut vendors were busy.\n\nRoughly 50,000 US soldiers are deployed in South Korea."

// browserServer serves the site with assets (nil: none) under /static/.
// posts counts form POSTs to /check/ (the no-JS path).
func browserServer(t *testing.T, assets http.FileSystem) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	x, err := defaultcorpus.Index()
	require.NoError(t, err)
	c := engine.New(x)
	h := New(c, Options{API: api.New(c, api.Options{}), Assets: assets})
	var posts atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost && r.URL.Path == "/check/" {
			posts.Add(1)
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, &posts
}

func requireWidget(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(widgetDir, "factcheck.js")); err != nil {
		t.Skip("widget assets not built: build/web/factcheck.js is missing (run make wasm)")
	}
}

func browserCtx(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(browsertest.New(t), 60*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// submitCheck fills the /check form on the current page and submits it.
func submitCheck() chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.WaitVisible(chromedp.ID("text")),
		chromedp.SetValue(chromedp.ID("text"), checkText),
		chromedp.SetValue(chromedp.ID("date"), "2025-11-05"),
		chromedp.Click(chromedp.CSS(`#check-form button[type="submit"]`)),
	)
}

func disableJavaScript() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	})
}

// serverResults submits the form and returns the server-rendered results.
func serverResults(t *testing.T, ctx context.Context, url string, steps ...chromedp.Action[chromedp.Void]) string {
	t.Helper()
	steps = append(steps, chromedp.Navigate(url+"/check/"), submitCheck(), browsertest.Loaded("check-results"))
	require.NoError(t, chromedp.Do(ctx, steps...))
	text, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("check-results")))
	require.NoError(t, err)
	return text
}

// enhanced reports whether check.js ran on the current page.
func enhanced(t *testing.T, ctx context.Context) bool {
	t.Helper()
	ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.getElementById("check-form").hasAttribute("data-enhanced")`))
	require.NoError(t, err)
	return ok
}

func TestBrowserCheckWithoutJavaScript(t *testing.T) {
	srv, posts := browserServer(t, nil)
	ctx := browserCtx(t)
	results := serverResults(t, ctx, srv.URL, disableJavaScript())
	assert.Equal(t, int32(1), posts.Load(), "the form posted to the server")
	assert.Contains(t, results, "Roughly 50,000 US soldiers are deployed in South Korea.")
	assert.Contains(t, results, "of 2 sentences match a fact-check")
	assert.False(t, enhanced(t, ctx), "check.js must not have run")
}

// With JavaScript but no widget, check.js must not get in the way: the
// form still posts and the server renders the results.
func TestBrowserCheckFallsBackWithoutWidget(t *testing.T) {
	srv, posts := browserServer(t, nil)
	ctx := browserCtx(t)
	results := serverResults(t, ctx, srv.URL)
	assert.True(t, enhanced(t, ctx), "check.js ran")
	assert.Equal(t, int32(1), posts.Load())
	assert.Contains(t, results, "Roughly 50,000 US soldiers")
}

func TestBrowserCheckWithWidget(t *testing.T) {
	requireWidget(t)
	checkInBrowser(t, http.Dir(widgetDir))
}

// standInWidget defines <fact-check-article> the way the widget does and
// marks every sentence with a digit, so the check.js hand-off is tested
// before (and independently of) the real widget build.
const standInWidget = `customElements.define("fact-check-article", class extends HTMLElement {
  connectedCallback() {
    for (const p of this.querySelectorAll("p")) {
      if (!/[0-9]/.test(p.textContent)) continue;
      const m = document.createElement("mark");
      m.setAttribute("data-fc-id", "stand-in");
      m.textContent = p.textContent;
      p.replaceChildren(m);
    }
  }
});`

func TestBrowserCheckHandsTextToWidget(t *testing.T) {
	checkInBrowser(t, http.FS(fstest.MapFS{"factcheck.js": {Data: []byte(standInWidget)}}))
}

// checkInBrowser submits /check with a widget loaded from assets and
// expects highlights in the page and no form POST.
func checkInBrowser(t *testing.T, assets http.FileSystem) {
	srv, posts := browserServer(t, assets)
	ctx := browserCtx(t)
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/check/"),
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := chromedp.Poll[chromedp.Void](`customElements.get("fact-check-article") !== undefined`,
				chromedp.WithPollingTimeout(20*time.Second))(ctx, t)
			return err
		}),
		submitCheck(),
		chromedp.WaitVisible(chromedp.CSS(`#check-live [data-fc-id]`)),
	))
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#check-live [data-fc-id]").length`))
	require.NoError(t, err)
	assert.Positive(t, n, "the widget highlighted the pasted text")
	assert.Equal(t, int32(0), posts.Load(), "checked in the browser: nothing was posted")
}

func TestBrowserDemoHighlights(t *testing.T) {
	requireWidget(t)
	srv, _ := browserServer(t, http.Dir(widgetDir))
	ctx := browserCtx(t)
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/demo/"),
		chromedp.WaitVisible(chromedp.CSS(`article [data-fc-id]`)),
	))
	texts, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("article [data-fc-id]")].map(e => e.textContent)`))
	require.NoError(t, err)
	require.NotEmpty(t, texts)
	assert.True(t, strings.Contains(strings.Join(texts, " "), "Peacetime control was handed back to Seoul in 1994"),
		"a faithful restatement of a checked claim is highlighted; got %q", texts)
}

// Every page fits a 360 px phone screen without sideways scrolling.
func TestBrowserPhoneWidth(t *testing.T) {
	srv, _ := browserServer(t, nil)
	ctx := browserCtx(t)
	require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(360, 740)))
	for _, p := range []string{"/", "/demo/", "/check/", "/claims/", "/embed/"} {
		require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(srv.URL+p), chromedp.WaitReady(chromedp.CSS("footer"))))
		width, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
		require.NoError(t, err)
		assert.LessOrEqual(t, width, 360, "page %s scrolls sideways at 360px", p)
	}
}
