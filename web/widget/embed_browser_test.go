package widget

import (
	"net/http"
	"net/url"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/factcheckwidget/factcheck/internal/browsertest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The other ways to embed: the custom element, a selector, a custom corpus
// URL, and the date from the page's article:published_time meta.
func TestCustomElementCorpusAndMetaDate(t *testing.T) {
	body := `<fact-check-article><p>` + usfk + ` ` + cafe + `</p></fact-check-article>`
	meta := `<meta property="article:published_time" content="2025-11-05T08:00:00+00:00">`
	srv := serve(t, map[string]string{
		// The custom corpus is a copy of the default one under another URL.
		"/custom": page("Custom", body, `data-corpus="/corpus/custom.fcx"`, meta),
	})
	proxy := browsertest.NewProxy(t)
	ctx := browsertest.New(t, proxy.Options()...)
	load(t, ctx, srv.URL+"/custom", 30*time.Second)

	assert.Equal(t, []string{usfk}, texts(highlighted(t, ctx)))
	date, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("fact-check-article").dataset.fcDate`))
	require.NoError(t, err)
	assert.Equal(t, "2025-11-05", date)
	var paths []string
	for _, u := range proxy.URLs() {
		p, _ := url.Parse(u)
		paths = append(paths, p.Path)
	}
	assert.Contains(t, paths, "/corpus/custom.fcx")
	assert.NotContains(t, paths, "/fc/default.fcx", "data-corpus replaces the default corpus")
}

func TestSelectorAndSearch(t *testing.T) {
	body := `<div class="story"><p>` + peacetime + `</p></div><p>` + usfk + `</p>`
	srv := serve(t, map[string]string{"/sel": page("Selector", body, `data-factcheck-selector=".story" data-date="2025-11-05"`)})
	ctx := browsertest.New(t)
	load(t, ctx, srv.URL+"/sel", 30*time.Second)
	assert.Equal(t, []string{peacetime}, texts(highlighted(t, ctx)), "only the selected element is checked")

	type match struct{ ID, Rating, Tier, Summary string }
	ms, err := chromedp.Run(ctx, chromedp.Evaluate[[]match](`factcheck.search(`+"`"+usfk+"`"+`, 2).then((ms) =>
		ms.map((m) => ({ID: m.id, Rating: m.rating, Tier: m.tier, Summary: m.summary})))`, chromedp.EvalAwaitPromise))
	require.NoError(t, err)
	require.NotEmpty(t, ms)
	assert.LessOrEqual(t, len(ms), 2)
	assert.Equal(t, bestMatch(t, usfk).Claim.ID, ms[0].ID)
	assert.NotEmpty(t, ms[0].Summary)
}

// A broken corpus URL must end in the error state, not hang.
func TestMissingCorpusFails(t *testing.T) {
	srv := serve(t, map[string]string{"/a": page("Broken", testArticle, `data-corpus="/nope.fcx"`)})
	ctx := browsertest.New(t)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/a")))
	assert.Eventually(t, func() bool {
		s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("article").dataset.fcState || ""`))
		return err == nil && s == "error"
	}, 20*time.Second, 50*time.Millisecond)
	msg, err := chromedp.Run(ctx, chromedp.Evaluate[string](`String(window.__err)`))
	require.NoError(t, err)
	assert.Contains(t, msg, "corpus: HTTP 404")
	assert.Empty(t, highlighted(t, ctx))
}

// A whole corpus whose download fails on the way (cut short, then a busy
// server's 503) is fetched again: the page is checked as if nothing had
// failed.
func TestWholeCorpusRetriesTransientFailures(t *testing.T) {
	var requests atomic.Int32
	srv := serve(t, map[string]string{"/a": page("Flaky", testArticle, `data-corpus="/corpus/flaky.fcx"`)},
		map[string]http.HandlerFunc{"/corpus/flaky.fcx": func(w http.ResponseWriter, r *http.Request) {
			switch requests.Add(1) {
			case 1:
				cutShort(w)
			case 2:
				w.WriteHeader(http.StatusServiceUnavailable)
			default:
				http.ServeFile(w, r, filepath.Join(assetDir, "default.fcx"))
			}
		}})
	ctx := browsertest.New(t)
	d := load(t, ctx, srv.URL+"/a", 30*time.Second)
	want := expected(t, testArticle, "2025-11-05")
	assert.Equal(t, want, normalize(highlighted(t, ctx)))
	assert.Equal(t, len(want), d.Matched)
	assert.EqualValues(t, 3, requests.Load())
}
