package extension

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/browsertest"
	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/corpus"
	"github.com/factcheckwidget/factcheck/internal/index"
)

// The hostile corpus of test/hostile, loaded into the extension as a user
// would (the options page's file input). The feed generation and the
// detectors are copied from test/hostile (test helpers cannot be imported
// across packages); keep them in step.

// hostileMarker is in every payload that would run script: a console
// message or a dialog carrying it means a payload ran.
const hostileMarker = "PWNED"

// hostileSentences are the plain sentences the hostile claims state, in feed
// order, then the long review's and the crafted claims' (test/hostile).
var hostileSentences = []string{
	"The Eastport harbour bridge collapsed during the storm on 3 March 2024.",
	"Mayor Lindqvist tripled the parking fines in Westvale last year.",
	"The Northgate reservoir holds 40 million litres of drinking water.",
	"The Riverside primary school closed because of mould in its roof.",
	"The city council sold the Old Mill building for one euro.",
	"The Brookfield marathon attracted 12,000 runners this spring.",
	"The Lakeside ferry service was cancelled for the whole of 2023.",
	"Diesel prices in Hillcrest doubled within a single week.",
}

// hostileFeed is test/hostile's feed: testdata/hostile.jsonld plus a review
// with 100 KB payload fields.
func hostileFeed(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile("../../test/hostile/testdata/hostile.jsonld")
	require.NoError(t, err)
	var reviews []any
	require.NoError(t, json.Unmarshal(data, &reviews))
	unit := "<script>console.log('" + hostileMarker + "-long')</script><img src=x onerror=alert(1)>\u202eé漢 "
	const n = 100 << 10
	l := strings.ToValidUTF8(strings.Repeat(unit, n/len(unit)+1)[:n], "")
	reviews = append(reviews, map[string]any{
		"@type": "ClaimReview", "url": "https://evil.example/long",
		"claimReviewed": hostileSentences[5] + " " + l, "headline": l, "description": l, "datePublished": l,
		"author":       map[string]any{"name": l, "url": l},
		"reviewRating": map[string]any{"alternateName": "False " + l},
		"itemReviewed": map[string]any{"author": map[string]any{"name": l}, "datePublished": l},
	})
	out, err := json.Marshal(reviews)
	require.NoError(t, err)
	return out
}

// hostileIndex is the feed compiled as `factcheck index` does, plus crafted
// claims our readers would refuse (javascript: and data: review URLs).
func hostileIndex(t testing.TB) *index.Index {
	t.Helper()
	claims, err := corpus.Read("hostile.jsonld", hostileFeed(t))
	require.NoError(t, err)
	m := hostileMarker
	claims = append(claims,
		claim.Claim{ID: "crafted-js", Text: hostileSentences[6], Rating: "False", Verdict: claim.VerdictFalse,
			URL: "javascript:console.log('" + m + "-fcx');alert('" + m + "-fcx')", Publisher: "<b onmouseover=alert(1)>Crafted</b>",
			PublisherSite: "javascript:alert(1)", Language: "en"},
		claim.Claim{ID: "crafted-data", Text: hostileSentences[7], Rating: "<script>alert('" + m + "-rating')</script>", Verdict: claim.VerdictMixed,
			URL: " JAVASCRIPT:alert('" + m + "-fcx2')", Claimant: "data:text/html,<script>alert(2)</script>", Language: "en"},
		claim.Claim{ID: "crafted-variant", Text: hostileSentences[0] + " <script>alert('" + m + "-variant')</script>", Rating: "True",
			Verdict: claim.VerdictTrue, URL: "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", Language: "en"},
	)
	x, err := index.Build(claims, nil)
	require.NoError(t, err)
	x.Meta["name"] = "<script>alert('" + m + "-meta')</script>"
	y, err := index.Decode(x.Encode())
	require.NoError(t, err)
	return y
}

// xssGuard records what a payload that ran would leave behind: a JavaScript
// dialog (dismissed at once) or a console message carrying the marker.
type xssGuard struct {
	mu      sync.Mutex
	dialogs []string
	console []string
}

// watchXSS must be called before the target of ctx loads the page.
func watchXSS(t *testing.T, ctx context.Context) *xssGuard {
	t.Helper()
	g := &xssGuard{}
	require.NoError(t, chromedp.Listen(ctx, func(ev any) {
		switch e := ev.(type) {
		case *page.EventJavascriptDialogOpening:
			g.mu.Lock()
			g.dialogs = append(g.dialogs, string(e.Type)+": "+e.Message)
			g.mu.Unlock()
			go chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		case *cdpruntime.EventConsoleAPICalled:
			var parts []string
			for _, a := range e.Args {
				parts = append(parts, string(a.Value)+a.Description)
			}
			if msg := strings.Join(parts, " "); strings.Contains(msg, hostileMarker) {
				g.mu.Lock()
				g.console = append(g.console, msg)
				g.mu.Unlock()
			}
		}
	}))
	return g
}

func (g *xssGuard) check(t *testing.T, where string) {
	t.Helper()
	g.mu.Lock()
	defer g.mu.Unlock()
	assert.Empty(t, g.dialogs, "%s: a payload opened a dialog", where)
	assert.Empty(t, g.console, "%s: a payload logged its marker", where)
}

// xssAudit is what a document holds that a corpus could have injected.
type xssAudit struct {
	Bad   []string `json:"bad"`   // elements or attributes none of our pages has
	Links []string `json:"links"` // every <a href> (resolved) not in own
	Cards []string `json:"cards"` // the rendered text of every card
	Text  string   `json:"text"`  // the document's rendered text
	Pwned bool     `json:"pwned"` // window.__pwned, set by a script payload
}

// xssAuditJS walks the document and every shadow root in it. own lists
// the src/href values of the page's own scripts, style sheets and links.
const xssAuditJS = `((own) => {
	const bad = [], links = [], cards = [];
	const walk = (r, shadow) => {
		let styles = 0;
		for (const el of r.querySelectorAll("*")) {
			const tag = el.tagName.toLowerCase();
			for (const a of el.attributes) if (/^on/i.test(a.name)) bad.push(tag + "[" + a.name + "]");
			if (tag === "script" || tag === "link") {
				if (!own.includes(el.getAttribute("src") || el.getAttribute("href")) || el.textContent.includes("PWNED")) bad.push(tag + ": " + el.outerHTML.slice(0, 120));
			} else if (tag === "style") {
				if ((shadow && ++styles > 1) || /PWNED|javascript:|@import|url\(/i.test(el.textContent)) bad.push("style: " + el.textContent.slice(0, 80));
			} else if (["iframe", "img", "svg", "object", "embed", "frame", "frameset", "base", "applet"].includes(tag) ||
				(shadow && ["meta", "form", "template", "input", "textarea"].includes(tag))) {
				bad.push(tag + (shadow ? " in a card: " : ": ") + el.outerHTML.slice(0, 120));
			}
			if (tag === "a" && el.hasAttribute("href") && !own.includes(el.getAttribute("href"))) links.push(el.href);
			if (el.shadowRoot) {
				walk(el.shadowRoot, true);
				const c = el.shadowRoot.querySelector(".card");
				if (c && !c.hidden) cards.push(c.innerText);
			}
		}
	};
	walk(document, false);
	return {bad, links, cards, text: document.body ? document.body.innerText : "", pwned: !!window.__pwned};
})`

func runXSSAudit(t *testing.T, ctx context.Context, own ...string) xssAudit {
	t.Helper()
	list, err := json.Marshal(append([]string{}, own...))
	require.NoError(t, err)
	a, err := chromedp.Run(ctx, chromedp.Evaluate[xssAudit](xssAuditJS+`(`+string(list)+`)`))
	require.NoError(t, err)
	return a
}

func (a xssAudit) check(t *testing.T, where string) {
	t.Helper()
	assert.Empty(t, a.Bad, "%s: injected markup", where)
	assert.False(t, a.Pwned, "%s: a script payload ran", where)
	for _, l := range a.Links {
		assert.True(t, strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://"), "%s: link %q is not http(s)", where, l)
	}
}

// The extension's own files, as the popup and options pages name them.
var (
	popupOwn   = []string{"popup.css", "store.js", "popup.js", "factcheck.js", "options.html"}
	optionsOwn = []string{"options.css", "store.js", "options.js", "popup.css"}
)

// hostilePage quotes every hostile claim's sentence, one per paragraph.
func hostilePage() string {
	var paras strings.Builder
	for i, s := range hostileSentences {
		fmt.Fprintf(&paras, "<p id=\"p%d\">%s The weather was mild.</p>\n", i, html.EscapeString(s))
	}
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Local news</title>
<meta property="article:published_time" content="2025-11-05T08:00:00Z"></head><body>
<article><h1>Local news</h1>
` + paras.String() + `</article></body></html>`
}

// startHostile is start with the hostile page at /article and a guard on
// the page's tab from before it loads.
func startHostile(t *testing.T) (*env, *xssGuard) {
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
	g := watchXSS(t, e.ctx)
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
func (e *env) openWatched(t *testing.T, page string) (context.Context, *xssGuard) {
	t.Helper()
	tab := browsertest.NewTab(t, e.ctx)
	g := watchXSS(t, tab)
	_, err := chromedp.Run(tab, chromedp.Navigate("chrome-extension://"+e.id+"/"+page))
	require.NoError(t, err)
	return tab, g
}

// TestHostileCorpusInExtension loads the hostile index through the options
// page, then checks a selection, the whole page and a pasted claim in the
// popup and highlights the page: every payload shows as text, none runs,
// and no link is anything but http(s).
func TestHostileCorpusInExtension(t *testing.T) {
	x := hostileIndex(t)
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
	runXSSAudit(t, opts, optionsOwn...).check(t, "options")

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
	a := runXSSAudit(t, sel, popupOwn...)
	a.check(t, "popup (selection)")
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
	assert.GreaterOrEqual(t, len(p.Results), len(hostileSentences)-1, "nearly every hostile claim should match its sentence")
	assert.Contains(t, ids(p.Results), "crafted-js", "the claim with a javascript: review URL is listed (unlinked)")
	for _, r := range p.Results {
		assert.True(t, r.Link == "" || strings.HasPrefix(r.Link, "https://"), "result %s links %q", r.ID, r.Link)
	}
	a = runXSSAudit(t, pop, popupOwn...)
	a.check(t, "popup (page)")
	cards := strings.Join(a.Cards, "\n")
	assert.Contains(t, cards, "onerror=")
	assert.Contains(t, cards, "<script>")
	assert.Contains(t, cards, "javascript:")
	all = append(all, a.Cards...)

	// The claim box, with a hostile sentence that is a payload itself.
	pasted := hostileSentences[2] + ` <img src=x onerror="console.log('PWNED-paste');alert('PWNED-paste')">`
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
	a = runXSSAudit(t, pop, popupOwn...)
	a.check(t, "popup (claim)")
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
		a = runXSSAudit(t, e.ctx)
		a.check(t, fmt.Sprintf("page card %d", i))
		pageCards = append(pageCards, a.Cards...)
		_, err = chromedp.Run(e.ctx, chromedp.Evaluate[bool](`document.querySelector("[data-fc-card]").shadowRoot.querySelector(".x").click(),
			document.activeElement && document.activeElement.blur(), true`))
		require.NoError(t, err)
	}
	assert.Contains(t, strings.Join(pageCards, "\n"), "onerror=", "the page's cards show the payloads as text")

	// Let a late onerror, timer or navigation fire, then check everything.
	time.Sleep(500 * time.Millisecond)
	runXSSAudit(t, e.ctx).check(t, "page after all cards")
	runXSSAudit(t, pop, popupOwn...).check(t, "popup at the end")
	for where, g := range map[string]*xssGuard{"page": pageGuard, "options": optsGuard, "popup (selection)": selGuard, "popup (page)": popGuard} {
		g.check(t, where)
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
		g.mu.Lock()
		defer g.mu.Unlock()
		return len(g.dialogs) > 0 && len(g.console) > 0
	}, 5*time.Second, 25*time.Millisecond, "the guard saw no dialog or console marker")
	_, err = chromedp.Run(tab, chromedp.Evaluate[bool](`(() => {
		const d = document.createElement("div");
		d.attachShadow({mode: "open"}).innerHTML = '<div class="card"><a href="javascript:alert(1)">x</a><iframe></iframe><b onmouseover="alert(1)">b</b></div>';
		document.body.append(d); return true; })()`))
	require.NoError(t, err)
	a := runXSSAudit(t, tab, optionsOwn...)
	bad := strings.Join(a.Bad, "\n")
	assert.Contains(t, bad, "iframe in a card")
	assert.Contains(t, bad, "b[onmouseover]")
	assert.Contains(t, a.Links, "javascript:alert(1)")
	require.Len(t, a.Cards, 1)
}
