package hostile_test

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/api"
	"github.com/factcheckwidget/factcheck/internal/browsertest"
	"github.com/factcheckwidget/factcheck/internal/engine"
	"github.com/factcheckwidget/factcheck/internal/xsstest"
	"github.com/factcheckwidget/factcheck/test/internal/webassets"
	"github.com/factcheckwidget/factcheck/web/site"
)

// assetsOnce builds the widget once for the package, with the hostile
// index as its default corpus (the /check page loads default.fcx).
var (
	assetsOnce sync.Once
	assetsDir  string
	assetsErr  error
)

func widgetAssets(t *testing.T) string {
	t.Helper()
	x := xsstest.Index(t) // outside Once: a failing require must not leave it half done
	assetsOnce.Do(func() {
		assetsDir, assetsErr = tempDir()
		if assetsErr == nil {
			assetsErr = webassets.Build(root, assetsDir, x)
		}
	})
	require.NoError(t, assetsErr)
	return assetsDir
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
		if time.Now().After(end) {
			state, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`String((document.querySelector("[data-fc-state]")||{}).outerHTML).slice(0,300)`))
			t.Fatalf("timed out waiting for %s (%s)", cond, state)
		}
		time.Sleep(25 * time.Millisecond)
	}
}

// openEachCard opens the card of every highlighted sentence in turn, by
// focus, by hover and by click, auditing the page each time. It returns the
// cards' texts.
func openEachCard(t *testing.T, ctx context.Context, own ...string) []string {
	t.Helper()
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("mark.fc-hl[role=button]").length`))
	require.NoError(t, err)
	require.Positive(t, n, "no sentence was highlighted")
	// Give the page focus first: focus() in a page that never had it fires no focusin.
	require.NoError(t, chromedp.Do(ctx, chromedp.MouseClickXY(1, 1)))
	var texts []string
	for i := 0; i < n; i++ {
		sel := fmt.Sprintf(`document.querySelectorAll("mark.fc-hl[role=button]")[%d]`, i)
		switch i % 3 {
		case 0: // keyboard
			_, err = chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](sel+`.focus()`))
			require.NoError(t, err)
		case 1: // hover
			type pt struct{ X, Y float64 }
			p, err := chromedp.Run(ctx, chromedp.Evaluate[pt](`(() => { const m = `+sel+`; m.scrollIntoView({block: "center"});
				const r = m.getClientRects()[0]; return {X: r.left + 3, Y: r.top + r.height / 2}; })()`))
			require.NoError(t, err)
			require.NoError(t, chromedp.Do(ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, p.X, p.Y)))
		case 2: // tap or click
			_, err = chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](sel+`.click()`))
			require.NoError(t, err)
		}
		t.Logf("card %d: opened by %s", i, []string{"focus", "hover", "click"}[i%3])
		waitFor(t, ctx, `(() => { const h = document.querySelector("[data-fc-card]"); return !!h && !h.shadowRoot.querySelector(".card").hidden; })()`, 5*time.Second)
		a := xsstest.RunAudit(t, ctx, own...)
		a.Check(t, fmt.Sprintf("card %d", i))
		texts = append(texts, a.Cards...)
		// Reset between cards: mouse away, close button, no focus.
		require.NoError(t, chromedp.Do(ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, 1, 1)))
		_, err = chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector("[data-fc-card]").shadowRoot.querySelector(".x").click();
			document.activeElement && document.activeElement.blur()`))
		require.NoError(t, err)
		waitFor(t, ctx, `document.querySelector("[data-fc-card]").shadowRoot.querySelector(".card").hidden`, 5*time.Second)
	}
	return texts
}

// The widget on a news page whose custom corpus is the hostile index.
func TestWidgetRendersHostileCorpusAsText(t *testing.T) {
	dir := widgetAssets(t)
	var paras strings.Builder
	for _, s := range xsstest.Sentences {
		paras.WriteString("<p>" + html.EscapeString(s) + " The weather was mild.</p>\n")
	}
	pageHTML := `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>News</title>
<script src="/fc/factcheck.js" data-corpus="/corpus/hostile.fcx" defer></script></head>
<body><article data-factcheck data-date="2025-11-05"><h1>Local news</h1>
` + paras.String() + `</article></body></html>`
	mux := http.NewServeMux()
	mux.Handle("/fc/", http.StripPrefix("/fc/", http.FileServer(http.Dir(dir))))
	mux.HandleFunc("/corpus/hostile.fcx", func(w http.ResponseWriter, r *http.Request) {
		http.ServeFile(w, r, dir+"/default.fcx")
	})
	mux.HandleFunc("/news", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(pageHTML))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)

	ctx := browsertest.New(t)
	g := xsstest.Watch(t, ctx)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/news")))
	waitFor(t, ctx, `["done", "error"].includes(document.querySelector("article").getAttribute("data-fc-state"))`, 60*time.Second)
	state, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("article").getAttribute("data-fc-state")`))
	require.NoError(t, err)
	require.Equal(t, "done", state)

	highlighted, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("mark.fc-hl[role=button]")].map((m) => m.dataset.fcId)`))
	require.NoError(t, err)
	t.Logf("highlighted claims: %q", highlighted)
	assert.GreaterOrEqual(t, len(highlighted), len(xsstest.Sentences)-1, "nearly every hostile claim should match its sentence")
	assert.Contains(t, highlighted, "crafted-js", "the claim with a javascript: review URL is shown (unlinked)")

	texts := openEachCard(t, ctx, "/fc/factcheck.js")
	all := strings.Join(texts, "\n")
	// Payloads are shown as text, proving they went through textContent.
	assert.Contains(t, all, "onerror=")
	assert.Contains(t, all, "<script>")
	time.Sleep(300 * time.Millisecond) // let a late onerror or timer fire
	g.Check(t, "news page")
	xsstest.RunAudit(t, ctx, "/fc/factcheck.js").Check(t, "after all cards")
}

// siteServer serves the site for the hostile corpus the way `factcheck
// serve --corpus` does (site.New over api.New); assets nil means no widget.
func siteServer(t *testing.T, assets http.FileSystem) *httptest.Server {
	t.Helper()
	c := engine.New(xsstest.Index(t))
	srv := httptest.NewServer(site.New(c, site.Options{API: api.New(c, api.Options{}), Assets: assets}))
	t.Cleanup(srv.Close)
	return srv
}

var siteOwn = []string{"/site/site.css", "/site/check.js", site.WidgetScript}

// The /claims pages list every hostile claim as text, under filters that
// are payloads themselves.
func TestClaimsPageRendersHostileCorpusAsText(t *testing.T) {
	srv := siteServer(t, nil)
	ctx := browsertest.New(t)
	g := xsstest.Watch(t, ctx)
	x := xsstest.Index(t)
	for _, path := range []string{
		"/claims/",
		"/claims/?q=" + urlQuery("bridge <script>alert('PWNED-q')</script>"),
		"/claims/?publisher=" + urlQuery(x.Claim(0).Publisher),
		"/claims/?rating=" + urlQuery(`"><img src=x onerror=alert('PWNED-r')>`),
	} {
		require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(srv.URL+path)))
		body, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
		require.NoError(t, err)
		if path == "/claims/" {
			assert.Contains(t, body, "onerror=", "payloads are shown as text")
			assert.Contains(t, body, xsstest.Sentences[4])
			links, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("main a[href]")].map((a) => a.href)`))
			require.NoError(t, err)
			for _, l := range links {
				assert.NotContains(t, l, "crafted", "crafted claims have no http(s) URL and get no link")
			}
		}
		xsstest.RunAudit(t, ctx, siteOwn...).Check(t, path)
	}
	time.Sleep(300 * time.Millisecond)
	g.Check(t, "/claims pages")
}

// /check with results rendered by the server (no widget: check.js lets
// the form post) and by the widget in the page (check.js hands the text
// to it), both over the hostile corpus.
func TestCheckPageRendersHostileCorpusAsText(t *testing.T) {
	text := strings.Join(xsstest.Sentences, "\n\n")
	submit := chromedp.Steps(
		chromedp.WaitVisible(chromedp.ID("text")),
		chromedp.SetValue(chromedp.ID("text"), text),
		chromedp.Click(chromedp.CSS(`#check-form button[type="submit"]`)),
	)
	t.Run("server", func(t *testing.T) {
		srv := siteServer(t, nil)
		ctx := browsertest.New(t)
		g := xsstest.Watch(t, ctx)
		require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/check/"), submit, browsertest.Loaded("check-results")))
		results, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("check-results")))
		require.NoError(t, err)
		assert.Contains(t, results, xsstest.Sentences[1])
		assert.Contains(t, results, "onerror=", "payloads are shown as text")
		xsstest.RunAudit(t, ctx, siteOwn...).Check(t, "/check results")
		time.Sleep(300 * time.Millisecond)
		g.Check(t, "/check (server)")
	})
	t.Run("widget", func(t *testing.T) {
		srv := siteServer(t, http.Dir(widgetAssets(t)))
		ctx := browsertest.New(t)
		g := xsstest.Watch(t, ctx)
		require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/check/")))
		waitFor(t, ctx, `customElements.get("fact-check-article") !== undefined`, 30*time.Second)
		require.NoError(t, chromedp.Do(ctx, submit))
		waitFor(t, ctx, `(document.querySelector("fact-check-article") || {getAttribute() {}}).getAttribute("data-fc-state") === "done"`, 60*time.Second)
		texts := openEachCard(t, ctx, siteOwn...)
		assert.Contains(t, strings.Join(texts, "\n"), "onerror=")
		time.Sleep(300 * time.Millisecond)
		g.Check(t, "/check (widget)")
	})
}

// The detectors above must see an injection when there is one: a page
// that puts the payloads in with innerHTML trips every one of them.
func TestDetectorsCatchInjection(t *testing.T) {
	var payloads strings.Builder
	for _, s := range []string{
		`<img src=x onerror="console.log('` + xsstest.Marker + `-control');alert('` + xsstest.Marker + `-control')">`,
		`<a href="javascript:alert(1)">x</a>`,
		`<svg onload="alert(1)"></svg>`,
	} {
		payloads.WriteString(s)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><body><div id="x"></div><script src="/own.js"></script>
<script>document.getElementById("x").innerHTML = %q;</script></body>`, payloads.String())
	}))
	t.Cleanup(srv.Close)
	ctx := browsertest.New(t)
	g := xsstest.Watch(t, ctx)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(srv.URL)))
	waitFor(t, ctx, `document.querySelector("#x img") !== null`, 5*time.Second)
	time.Sleep(500 * time.Millisecond) // the img error fires after the load attempt
	assert.NotEmpty(t, g.Dialogs(), "dialog detector")
	assert.NotEmpty(t, g.Console(), "console detector")
	a := xsstest.RunAudit(t, ctx, "/own.js")
	assert.Contains(t, strings.Join(a.Bad, "\n"), "img[onerror]")
	assert.Contains(t, strings.Join(a.Bad, "\n"), "script: <script>document")
	assert.Contains(t, a.Links, "javascript:alert(1)")
}

// A truncated or bit-flipped corpus makes the widget give up cleanly:
// the article is marked data-fc-state="error" and left untouched.
func TestWidgetRefusesCorruptCorpus(t *testing.T) {
	dir := widgetAssets(t)
	good := xsstest.Index(t).Encode()
	flipped := append([]byte(nil), good...)
	flipped[len(flipped)/2] ^= 0x10
	corrupt := map[string][]byte{"truncated": good[:len(good)/2], "flipped": flipped, "empty": {}, "html": []byte("<!doctype html><p>404</p>")}
	mux := http.NewServeMux()
	mux.Handle("/fc/", http.StripPrefix("/fc/", http.FileServer(http.Dir(dir))))
	mux.HandleFunc("/corpus/{name}", func(w http.ResponseWriter, r *http.Request) {
		w.Write(corrupt[r.PathValue("name")])
	})
	mux.HandleFunc("/news/{name}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html><head><script src="/fc/factcheck.js" data-corpus="/corpus/%s" defer></script></head>
<body><article data-factcheck><p>%s</p></article></body></html>`, html.EscapeString(r.PathValue("name")), html.EscapeString(xsstest.Sentences[1]))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	ctx := browsertest.New(t)
	for name := range corrupt {
		t.Run(name, func(t *testing.T) {
			require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/news/"+name)))
			waitFor(t, ctx, `document.querySelector("article").getAttribute("data-fc-state") === "error"`, 30*time.Second)
			marks, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("mark").length`))
			require.NoError(t, err)
			assert.Zero(t, marks)
		})
	}
}
