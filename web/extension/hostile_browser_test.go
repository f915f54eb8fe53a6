package extension

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/browsertest"
	"github.com/factcheckwidget/factcheck/internal/xsstest"
)

// The hostile corpus of test/hostile (internal/xsstest), loaded into the
// extension as a user would (the options page's file input), with the same
// detectors.

// The extension's own files, as the popup and options pages name them, and
// the options page's own <style>.
var (
	popupOwn   = []string{"popup.css", "store.js", "popup.js", "factcheck.js", "options.html"}
	optionsOwn = []string{"options.css", "store.js", "options.js", "popup.css", xsstest.OwnStyle("body{max-width:560px")}
)

// hostilePage quotes every hostile claim's sentence, one per paragraph.
func hostilePage() string {
	var paras strings.Builder
	for i, s := range xsstest.Sentences {
		fmt.Fprintf(&paras, "<p id=\"p%d\">%s The weather was mild.</p>\n", i, html.EscapeString(s))
	}
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Local news</title>
<meta property="article:published_time" content="2025-11-05T08:00:00Z"></head><body>
<article><h1>Local news</h1>
` + paras.String() + `</article></body></html>`
}

// startHostile is start with the hostile page at /article and a guard on
// the page's tab from before it loads.
func startHostile(t *testing.T) (*env, *xsstest.Guard) {
	t.Helper()
	body := hostilePage()
	mux := http.NewServeMux()
	mux.HandleFunc("/article", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'")
		w.Write([]byte(body))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	proxy := browsertest.NewProxy(t)
	opts := append(proxy.Options(),
		chromedp.Flag("disable-extensions", false),
		chromedp.Flag("load-extension", extDir),
		chromedp.Flag("disable-extensions-except", extDir))
	e := &env{ctx: browsertest.New(t, opts...), id: extensionID(extDir), srv: srv, proxy: proxy}
	g := xsstest.Watch(t, e.ctx)
	e.waitTarget(t, "service_worker", "chrome-extension://"+e.id+"/background.js")
	_, err := chromedp.Run(e.ctx, chromedp.Navigate(srv.URL+"/article"))
	require.NoError(t, err)
	tab := e.open(t, "options.html")
	e.tabID, err = chromedp.Run(tab, chromedp.Evaluate[int](`chrome.tabs.query({}).then((ts) => ts.find((t) => (t.url || "").startsWith(`+
		jsString(srv.URL+"/article")+`)).id)`, chromedp.EvalAwaitPromise))
	require.NoError(t, err)
	return e, g
}

// openWatched opens an extension page in a new tab, watched from before it
// loads.
func (e *env) openWatched(t *testing.T, page string) (context.Context, *xsstest.Guard) {
	t.Helper()
	tab := browsertest.NewTab(t, e.ctx)
	g := xsstest.Watch(t, tab)
	_, err := chromedp.Run(tab, chromedp.Navigate("chrome-extension://"+e.id+"/"+page))
	require.NoError(t, err)
	return tab, g
}

// TestHostileCorpusInExtension loads the hostile index through the options
// page, then checks a selection, the whole page and a pasted claim in the
// popup and highlights the page: every payload shows as text, none runs,
// and no link is anything but http(s).
func TestHostileCorpusInExtension(t *testing.T) {
	x := xsstest.Index(t)
	file := filepath.Join(t.TempDir(), "hostile.fcx")
	require.NoError(t, os.WriteFile(file, x.Encode(), 0o644))

	e, pageGuard := startHostile(t)

	// The options page: the file input, as a user loads an index.
	opts, optsGuard := e.openWatched(t, "options.html")
	var status string
	wait := func(want string) {
		t.Helper()
		require.Eventually(t, func() bool {
			s, err := chromedp.Run(opts, chromedp.Evaluate[string](
				`document.body.dataset.state === "loading" ? "" : document.getElementById("status").textContent`))
			status = s
			return err == nil && strings.Contains(s, want)
		}, 30*time.Second, 50*time.Millisecond, "options status %q never contained %q", status, want)
	}
	wait("(bundled)")
	require.NoError(t, chromedp.Do(opts, chromedp.SetUploadFiles(`#file`, []string{file})))
	wait("(from a file)")
	assert.Contains(t, status, fmt.Sprintf("“%s”, %d claims", x.Meta["name"], x.NumClaims()), "the corpus name is shown as text")
	xsstest.RunAudit(t, opts, optionsOwn...).Check(t, "options")

	popupURL := fmt.Sprintf("popup.html?tab=%d", e.tabID)
	var all []string // every card text the popup showed

	// A selection: one hostile sentence.
	_, err := chromedp.Run(e.ctx, chromedp.Evaluate[bool](`(() => {
		const r = document.createRange(); r.selectNodeContents(document.getElementById("p1"));
		getSelection().removeAllRanges(); getSelection().addRange(r); return true; })()`))
	require.NoError(t, err)
	sel, selGuard := e.openWatched(t, popupURL)
	p := readPopup(t, sel)
	assert.Equal(t, "selection", p.Source)
	require.NotEmpty(t, p.Results, p.Status)
	a := xsstest.RunAudit(t, sel, popupOwn...)
	a.Check(t, "popup (selection)")
	require.NotEmpty(t, a.Cards)
	assert.Contains(t, strings.Join(a.Cards, "\n"), "onerror=", "the payload is shown as text")
	assert.Contains(t, a.Text, x.Meta["name"], "the corpus name is shown as text")
	all = append(all, a.Cards...)

	// The whole page.
	_, err = chromedp.Run(e.ctx, chromedp.Evaluate[bool](`getSelection().removeAllRanges(), true`))
	require.NoError(t, err)
	pop, popGuard := e.openWatched(t, popupURL)
	p = readPopup(t, pop)
	assert.Equal(t, "page", p.Source)
	t.Logf("page results: %q", ids(p.Results))
	assert.GreaterOrEqual(t, len(p.Results), len(xsstest.Sentences)-1, "nearly every hostile claim should match its sentence")
	assert.Contains(t, ids(p.Results), "crafted-js", "the claim with a javascript: review URL is listed (unlinked)")
	for _, r := range p.Results {
		assert.True(t, r.Link == "" || strings.HasPrefix(r.Link, "https://"), "result %s links %q", r.ID, r.Link)
	}
	a = xsstest.RunAudit(t, pop, popupOwn...)
	a.Check(t, "popup (page)")
	cards := strings.Join(a.Cards, "\n")
	assert.Contains(t, cards, "onerror=")
	assert.Contains(t, cards, "<script>")
	assert.Contains(t, cards, "javascript:")
	all = append(all, a.Cards...)

	// The claim box, with a hostile sentence that is a payload itself.
	pasted := xsstest.Sentences[2] + ` <img src=x onerror="console.log('PWNED-paste');alert('PWNED-paste')">`
	_, err = chromedp.Run(pop, chromedp.Evaluate[bool](`(() => {
		document.getElementById("claim").value = `+jsString(pasted)+`;
		document.getElementById("ask").requestSubmit(); return true; })()`))
	require.NoError(t, err)
	require.Eventually(t, func() bool {
		p = readPopup(t, pop)
		return p.Source == "claim"
	}, 20*time.Second, 50*time.Millisecond)
	require.NotEmpty(t, p.Results, p.Status)
	assert.Equal(t, "“"+pasted+"”", p.Results[0].Sentence, "the pasted text is shown as text")
	a = xsstest.RunAudit(t, pop, popupOwn...)
	a.Check(t, "popup (claim)")
	all = append(all, a.Cards...)
	assert.Contains(t, strings.Join(all, "\n"), "<svg/onload=", "the payloads are shown as text")

	// Highlight on the page: the widget's marks and card in the tab.
	_, err = chromedp.Run(pop, chromedp.Evaluate[bool](`document.getElementById("highlight").click(), true`))
	require.NoError(t, err)
	var n string
	require.Eventually(t, func() bool {
		n, err = chromedp.Run(pop, chromedp.Evaluate[string](`document.body.dataset.highlighted || ""`))
		require.NoError(t, err)
		return n != ""
	}, 30*time.Second, 50*time.Millisecond, "the popup never reported highlighting")
	marks, err := chromedp.Run(e.ctx, chromedp.Evaluate[int](`document.querySelectorAll("mark.fc-hl[role=button]").length`))
	require.NoError(t, err)
	require.Positive(t, marks, "no sentence was highlighted")
	assert.Equal(t, fmt.Sprint(marks), n)
	var pageCards []string
	for i := 0; i < marks; i++ {
		_, err = chromedp.Run(e.ctx, chromedp.Evaluate[bool](fmt.Sprintf(`(() => { const m = document.querySelectorAll("mark.fc-hl[role=button]")[%d];
			m.scrollIntoView({block: "center"}); m.click(); return true; })()`, i)))
		require.NoError(t, err)
		require.Eventually(t, func() bool {
			open, err := chromedp.Run(e.ctx, chromedp.Evaluate[bool](
				`(() => { const h = document.querySelector("[data-fc-card]"); return !!h && !h.shadowRoot.querySelector(".card").hidden; })()`))
			return err == nil && open
		}, 5*time.Second, 25*time.Millisecond, "card %d did not open", i)
		a = xsstest.RunAudit(t, e.ctx)
		a.Check(t, fmt.Sprintf("page card %d", i))
		pageCards = append(pageCards, a.Cards...)
		_, err = chromedp.Run(e.ctx, chromedp.Evaluate[bool](`document.querySelector("[data-fc-card]").shadowRoot.querySelector(".x").click(),
			document.activeElement && document.activeElement.blur(), true`))
		require.NoError(t, err)
	}
	assert.Contains(t, strings.Join(pageCards, "\n"), "onerror=", "the page's cards show the payloads as text")

	// Let a late onerror, timer or navigation fire, then check everything.
	time.Sleep(500 * time.Millisecond)
	xsstest.RunAudit(t, e.ctx).Check(t, "page after all cards")
	xsstest.RunAudit(t, pop, popupOwn...).Check(t, "popup at the end")
	for where, g := range map[string]*xsstest.Guard{"page": pageGuard, "options": optsGuard, "popup (selection)": selGuard, "popup (page)": popGuard} {
		g.Check(t, where)
	}
	e.assertNoForeignRequests(t)
}

// The detectors above must see an injection when there is one: script
// that runs in an extension page trips the dialog and console guard, and
// markup put in with innerHTML (the extension CSP blocks inline script, so
// the markup stays) trips the DOM audit.
func TestHostileDetectorsCatchInjection(t *testing.T) {
	e, _ := startHostile(t)
	tab, g := e.openWatched(t, "options.html")
	_, err := chromedp.Run(tab, chromedp.Evaluate[bool](`console.log("PWNED-control"), alert("PWNED-control"), true`))
	require.NoError(t, err)
	require.Eventually(t, func() bool {
		return len(g.Dialogs()) > 0 && len(g.Console()) > 0
	}, 5*time.Second, 25*time.Millisecond, "the guard saw no dialog or console marker")
	_, err = chromedp.Run(tab, chromedp.Evaluate[bool](`(() => {
		const d = document.createElement("div");
		d.attachShadow({mode: "open"}).innerHTML = '<div class="card"><a href="javascript:alert(1)">x</a><iframe></iframe><b onmouseover="alert(1)">b</b></div>';
		document.body.append(d); return true; })()`))
	require.NoError(t, err)
	a := xsstest.RunAudit(t, tab, optionsOwn...)
	bad := strings.Join(a.Bad, "\n")
	assert.Contains(t, bad, "iframe in a card")
	assert.Contains(t, bad, "b[onmouseover]")
	assert.Contains(t, a.Links, "javascript:alert(1)")
	require.Len(t, a.Cards, 1)
}
