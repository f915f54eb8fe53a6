package extension

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
	"github.com/factcheckwidget/factcheck/internal/browsertest"
	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/defaultcorpus"
	"github.com/factcheckwidget/factcheck/internal/engine"
	"github.com/factcheckwidget/factcheck/internal/index"
	"github.com/factcheckwidget/factcheck/web/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// extDir is the unpacked extension as `make extension` builds it, plus the
// test-only host permission for 127.0.0.1 (see Options.HostPermissions);
// assetDir the widget assets it was built from. TestMain builds both, so
// `go test ./...` needs no make step.
var extDir, assetDir string

func TestMain(m *testing.M) {
	tmp, err := os.MkdirTemp("", "factcheck-ext-")
	if err == nil {
		// Chromium derives an unpacked extension's id from its real path.
		tmp, err = filepath.EvalSymlinks(tmp)
	}
	if err == nil {
		assetDir, extDir = filepath.Join(tmp, "web"), filepath.Join(tmp, "extension")
		err = buildWidget(assetDir)
	}
	if err == nil {
		err = Build(extDir, assetDir, Options{HostPermissions: []string{"http://127.0.0.1/*"}})
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "extension tests: build failed:", err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(tmp)
	os.Exit(code)
}

// buildWidget writes what `make wasm` writes (same flags as mk/widget.mk).
func buildWidget(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	core := "github.com/factcheckwidget/factcheck/internal"
	cmd := exec.Command("go", "build", "-trimpath", "-gcflags=all=-l", "-gcflags="+core+"/match=", "-gcflags="+core+"/index=",
		"-ldflags=-s -w", "-o", filepath.Join(dir, "factcheck.wasm"), "./wasm/widget")
	cmd.Dir = "../.."
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build wasm: %v\n%s", err, out)
	}
	execJS := filepath.Join(runtime.GOROOT(), "lib", "wasm", "wasm_exec.js")
	if _, err := os.Stat(execJS); err != nil {
		execJS = filepath.Join(runtime.GOROOT(), "misc", "wasm", "wasm_exec.js")
	}
	files := widget.Scripts()
	var err error
	if files["wasm_exec.js"], err = os.ReadFile(execJS); err != nil {
		return err
	}
	x, err := defaultcorpus.Index()
	if err != nil {
		return err
	}
	files["default.fcx"] = x.Encode()
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// extensionID is the id Chromium gives an unpacked extension: the first
// 32 hex digits of the SHA-256 of its absolute path, each digit mapped
// 0-9a-f to a-p.
func extensionID(path string) string {
	sum := sha256.Sum256([]byte(path))
	h := []byte(hex.EncodeToString(sum[:16]))
	for i, c := range h {
		if c <= '9' {
			h[i] = 'a' + c - '0'
		} else {
			h[i] = 'a' + 10 + c - 'a'
		}
	}
	return string(h)
}

const (
	usfk      = "Around 28,500 American service members are based in South Korea."
	peacetime = "Peacetime control was handed back to Seoul in 1994."
	vendors   = "Street vendors near the ministry did brisk business in roasted chestnuts and hot sweet potatoes as the temperature dropped."
	testDate  = "2025-11-05"
)

// testPage is an ordinary article page without the widget; the extension
// must find its main text (the <article>) and its date.
const testPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Extension test</title>
<meta property="article:published_time" content="2025-11-05T08:00:00Z"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Extension test article</h1>
<p id="p1">Around 28,500 <em>American</em> service members are based in <a href="https://news.example/usfk">South Korea</a>. The cafe on the corner sells excellent coffee.</p>
<p id="p2">My neighbour repainted her front door a cheerful shade of green. <span id="sel">Peacetime control was handed back to Seoul in 1994.</span></p>
<p id="p3">Street vendors near the ministry did brisk business in roasted chestnuts and hot sweet potatoes as the temperature dropped.</p>
</article>
<footer>© Example News</footer>
</body></html>`

type env struct {
	ctx   context.Context // the browser's first tab: the test page
	id    string          // the extension id
	srv   *httptest.Server
	proxy *browsertest.Proxy
	tabID int // the test page's tab id, as chrome.tabs knows it
}

// start opens the test page in a browser with the extension loaded; every
// request of the browser goes through a recording proxy.
func start(t *testing.T) *env {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/article", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		// A strict CSP, as many news sites send: it must not stop the
		// extension (no script, worker, wasm or inline style of the page's).
		w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'")
		w.Write([]byte(testPage))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	proxy := browsertest.NewProxy(t)
	opts := append(proxy.Options(),
		chromedp.Flag("disable-extensions", false),
		chromedp.Flag("load-extension", extDir),
		chromedp.Flag("disable-extensions-except", extDir))
	e := &env{ctx: browsertest.New(t, opts...), id: extensionID(extDir), srv: srv, proxy: proxy}
	e.waitTarget(t, "service_worker", "chrome-extension://"+e.id+"/background.js")
	_, err := chromedp.Run(e.ctx, chromedp.Navigate(srv.URL+"/article"))
	require.NoError(t, err)
	// Any extension page can tell the tab's id (the test host permission
	// lets it see the tab's URL).
	tab := e.open(t, "options.html")
	e.tabID, err = chromedp.Run(tab, chromedp.Evaluate[int](`chrome.tabs.query({}).then((ts) => ts.find((t) => (t.url || "").startsWith(`+
		jsString(srv.URL+"/article")+`)).id)`, chromedp.EvalAwaitPromise))
	require.NoError(t, err)
	return e
}

func jsString(s string) string { return "`" + strings.ReplaceAll(s, "`", "") + "`" }

// open opens an extension page in a new tab.
func (e *env) open(t *testing.T, page string) context.Context {
	t.Helper()
	tab := browsertest.NewTab(t, e.ctx)
	_, err := chromedp.Run(tab, chromedp.Navigate("chrome-extension://"+e.id+"/"+page))
	require.NoError(t, err)
	return tab
}

// waitTarget waits for a target of the given type whose URL starts with
// prefix and returns it.
func (e *env) waitTarget(t *testing.T, typ, prefix string) *target.Info {
	t.Helper()
	end := time.Now().Add(20 * time.Second)
	for {
		ts, err := chromedp.Targets(e.ctx)
		require.NoError(t, err)
		for _, x := range ts {
			if x.Type == typ && strings.HasPrefix(x.URL, prefix) {
				return x
			}
		}
		if time.Now().After(end) {
			var seen []string
			for _, x := range ts {
				seen = append(seen, x.Type+" "+x.URL)
			}
			t.Fatalf("no %s target at %s; targets: %v", typ, prefix, seen)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// result is one entry of the popup's list, as the reader sees it.
type result struct {
	ID       string `json:"id"`
	Sentence string `json:"sentence"`
	Badge    string `json:"badge"`
	Tier     string `json:"tier"`
	Summary  string `json:"summary"`
	Link     string `json:"link"`
	Color    string `json:"color"`
}

type popupState struct {
	State   string   `json:"state"`
	Source  string   `json:"source"`
	Status  string   `json:"status"`
	Results []result `json:"results"`
}

// readPopup waits until the popup in ctx has finished and returns what it
// shows.
func readPopup(t *testing.T, ctx context.Context) popupState {
	t.Helper()
	end := time.Now().Add(30 * time.Second)
	for {
		p, err := chromedp.Run(ctx, chromedp.Evaluate[popupState](`(() => {
			const b = document.body;
			if (!b) return {state: ""};
			return {state: b.dataset.state || "", source: b.dataset.source || "", status: document.getElementById("status").textContent,
				results: [...document.querySelectorAll("#results > li")].map((li) => {
					const r = li.querySelector("[data-fc-card]").shadowRoot, q = (s) => r.querySelector(s);
					return {id: li.dataset.fcId, sentence: li.querySelector(".sentence").textContent, badge: q(".badge").textContent,
						tier: q(".tier").textContent, summary: q(".sum").textContent, link: q(".link").href,
						color: getComputedStyle(q(".badge")).backgroundColor};
				})};
		})()`))
		require.NoError(t, err)
		if p.State == "done" || p.State == "error" {
			require.Equal(t, "done", p.State, p.Status)
			return p
		}
		if time.Now().After(end) {
			t.Fatalf("popup did not finish (state %q, status %q)", p.State, p.Status)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// native runs the engine in Go on text: the ids the popup must show. x
// is the corpus, the default one when nil.
func native(t *testing.T, x *index.Index, text string) []string {
	t.Helper()
	if x == nil {
		var err error
		x, err = defaultcorpus.Index()
		require.NoError(t, err)
	}
	var ids []string
	for _, s := range engine.New(x).CheckArticle(text, engine.Options{Date: testDate}) {
		if len(s.Matches) > 0 {
			ids = append(ids, s.Matches[0].Claim.ID)
		}
	}
	return ids
}

func ids(rs []result) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}

// selectSentence selects the peacetime sentence in the test page.
func (e *env) selectSentence(t *testing.T) {
	t.Helper()
	_, err := chromedp.Run(e.ctx, chromedp.Evaluate[bool](`(() => {
		const r = document.createRange(); r.selectNodeContents(document.getElementById("sel"));
		getSelection().removeAllRanges(); getSelection().addRange(r); return true;
	})()`))
	require.NoError(t, err)
}

// TestPopupSelectionAndContextMenu checks a selection from the popup, then
// the same selection through the context menu's handler: both must list
// the engine's match for the sentence, identically.
func TestPopupSelectionAndContextMenu(t *testing.T) {
	e := start(t)
	e.selectSentence(t)
	popup := readPopup(t, e.open(t, fmt.Sprintf("popup.html?tab=%d", e.tabID)))
	assert.Equal(t, "selection", popup.Source)
	require.Len(t, popup.Results, 1, popup.Status)
	r := popup.Results[0]
	x, err := defaultcorpus.Index()
	require.NoError(t, err)
	want := engine.New(x).CheckArticle(peacetime, engine.Options{Date: testDate})
	require.NotEmpty(t, want)
	require.NotEmpty(t, want[0].Matches)
	m := want[0].Matches[0]
	assert.Equal(t, m.Claim.ID, r.ID)
	assert.Equal(t, "“"+peacetime+"”", r.Sentence)
	assert.Equal(t, engine.Summary(&m), r.Summary, "the card shows the engine's summary")
	assert.Equal(t, m.Claim.Rating, r.Badge)
	assert.Equal(t, m.Claim.URL, r.Link)
	assert.True(t, strings.HasPrefix(r.Link, "https://"), r.Link)

	// The context menu: its handler, as the menu click calls it, in the
	// service worker. It opens the popup (or a window with it) on the
	// selection.
	sw := e.waitTarget(t, "service_worker", "chrome-extension://"+e.id+"/")
	swCtx, cancel := chromedp.NewContext(e.ctx, chromedp.WithTargetID(sw.TargetID))
	defer cancel()
	how, err := chromedp.Run(swCtx, chromedp.Evaluate[string](fmt.Sprintf(
		`onMenuClick({menuItemId: "factcheck-selection", selectionText: %s}, {id: %d, windowId: chrome.windows.WINDOW_ID_CURRENT})`,
		jsString(peacetime), e.tabID), chromedp.EvalAwaitPromise))
	require.NoError(t, err)
	t.Logf("context menu opened the popup as: %s", how)
	registered, err := chromedp.Run(swCtx, chromedp.Evaluate[bool](
		`chrome.contextMenus.update("factcheck-selection", {}).then(() => true, () => false)`, chromedp.EvalAwaitPromise))
	require.NoError(t, err)
	assert.True(t, registered, "the context menu item exists")
	pt := e.waitMenuPopup(t)
	menuCtx, cancel2 := chromedp.NewContext(e.ctx, chromedp.WithTargetID(pt.TargetID))
	defer cancel2()
	menu := readPopup(t, menuCtx)
	assert.Equal(t, popup.Results, menu.Results, "the context menu gives the popup's result")
	assert.Equal(t, "selection", menu.Source)

	e.assertNoForeignRequests(t)
}

// waitMenuPopup waits for the popup the context menu opened: the action
// popup (popup.html, no query) or, where the browser refuses that, a
// window with popup.html?tab=ID that the test did not open (not attached).
func (e *env) waitMenuPopup(t *testing.T) *target.Info {
	t.Helper()
	popup := "chrome-extension://" + e.id + "/popup.html"
	end := time.Now().Add(20 * time.Second)
	for {
		ts, err := chromedp.Targets(e.ctx)
		require.NoError(t, err)
		for _, x := range ts {
			if x.URL == popup || x.URL == fmt.Sprintf("%s?tab=%d", popup, e.tabID) && !x.Attached {
				return x
			}
		}
		if time.Now().After(end) {
			t.Fatal("the context menu opened no popup")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Without a selection the popup checks the page's main text: the article,
// not the navigation or the footer.
func TestPopupChecksWholePage(t *testing.T) {
	e := start(t)
	tab := browsertest.NewTab(t, e.ctx)
	reqs, err := browsertest.Record(tab)
	require.NoError(t, err)
	_, err = chromedp.Run(tab, chromedp.Navigate(fmt.Sprintf("chrome-extension://%s/popup.html?tab=%d", e.id, e.tabID)))
	require.NoError(t, err)
	popup := readPopup(t, tab)
	// The popup's requests (its worker's do not show here): its own files,
	// and the corpus only as a blob when one is loaded from a file.
	assert.NotEmpty(t, reqs.URLs())
	assert.Empty(t, reqs.Foreign("chrome-extension://"+e.id), "the popup asked for files outside the extension")
	assert.Equal(t, "page", popup.Source)
	want := native(t, nil, "Extension test article\n"+usfk+" The cafe on the corner sells excellent coffee.\n"+
		"My neighbour repainted her front door a cheerful shade of green. "+peacetime+"\n"+vendors)
	require.NotEmpty(t, want)
	assert.Equal(t, want, ids(popup.Results))
	var sentences []string
	for _, r := range popup.Results {
		sentences = append(sentences, r.Sentence)
	}
	assert.Contains(t, sentences, "“"+usfk+"”")
	assert.Contains(t, sentences, "“"+peacetime+"”")
	assert.NotContains(t, sentences, "“"+vendors+"”")
	for _, r := range popup.Results {
		assert.NotEmpty(t, r.Summary)
		assert.NotEqual(t, "rgba(0, 0, 0, 0)", r.Color, "the badge has its verdict colour")
	}
	e.assertNoForeignRequests(t)
}

// The claim box searches the corpus for a pasted claim.
func TestPopupPastedClaim(t *testing.T) {
	e := start(t)
	tab := e.open(t, fmt.Sprintf("popup.html?tab=%d", e.tabID))
	readPopup(t, tab)
	_, err := chromedp.Run(tab, chromedp.Evaluate[bool](`(() => {
		document.getElementById("claim").value = `+jsString(usfk)+`;
		document.getElementById("ask").requestSubmit(); return true; })()`))
	require.NoError(t, err)
	var p popupState
	require.Eventually(t, func() bool {
		p = readPopup(t, tab)
		return p.Source == "claim"
	}, 20*time.Second, 50*time.Millisecond)
	require.Len(t, p.Results, 1)
	x, err := defaultcorpus.Index()
	require.NoError(t, err)
	ms := engine.New(x).CheckSentence(usfk, engine.Options{MaxMatches: 5})
	require.NotEmpty(t, ms)
	assert.Equal(t, ms[0].Claim.ID, p.Results[0].ID)
}

// "Highlight on the page" injects the widget's own factcheck.js into the
// tab: the sentences get the widget's marks and card, while the matching
// runs in the popup's worker (nothing runs or loads in the page's origin).
func TestHighlightOnPage(t *testing.T) {
	e := start(t)
	tab := e.open(t, fmt.Sprintf("popup.html?tab=%d", e.tabID))
	readPopup(t, tab)
	_, err := chromedp.Run(tab, chromedp.Evaluate[bool](`document.getElementById("highlight").click(), true`))
	require.NoError(t, err)
	var n string
	require.Eventually(t, func() bool {
		n, err = chromedp.Run(tab, chromedp.Evaluate[string](`document.body.dataset.highlighted || ""`))
		require.NoError(t, err)
		return n != ""
	}, 30*time.Second, 50*time.Millisecond, "the popup never reported highlighting")

	type mark struct{ Text, ID string }
	marks, err := chromedp.Run(e.ctx, chromedp.Evaluate[[]mark](`(() => {
		const out = [];
		for (const m of document.querySelectorAll("mark.fc-hl")) {
			if (m.getAttribute("role") === "button") out.push({Text: "", ID: m.dataset.fcId});
			out[out.length - 1].Text += m.textContent;
		}
		return out;
	})()`))
	require.NoError(t, err)
	var texts []string
	for _, m := range marks {
		texts = append(texts, strings.Join(strings.Fields(m.Text), " "))
	}
	assert.Contains(t, texts, usfk)
	assert.Contains(t, texts, peacetime)
	assert.NotContains(t, texts, vendors)
	assert.Equal(t, fmt.Sprint(len(marks)), n)
	styled, err := chromedp.Run(e.ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector("mark.fc-hl")).borderBottomStyle`))
	require.NoError(t, err)
	assert.Equal(t, "solid", styled, "the widget's mark styles apply despite the page's CSP")
	// The link inside the sentence is intact, and the page's own world has
	// no window.factcheck: the loader runs in the extension's isolated world.
	ok, err := chromedp.Run(e.ctx, chromedp.Evaluate[bool](
		`document.querySelector('#p1 a[href="https://news.example/usfk"]') !== null && !("factcheck" in window)`))
	require.NoError(t, err)
	assert.True(t, ok)

	// Hovering a highlighted sentence opens the widget's card.
	require.NoError(t, chromedp.Do(e.ctx, chromedp.ScrollIntoView(`#p1 mark.fc-hl`)))
	pos, err := chromedp.Run(e.ctx, chromedp.Evaluate[[]float64](
		`(() => { const r = document.querySelector("#p1 mark.fc-hl").getBoundingClientRect(); return [r.left + 3, r.top + r.height / 2]; })()`))
	require.NoError(t, err)
	require.NoError(t, chromedp.Do(e.ctx, chromedp.MouseEvent("mouseMoved", pos[0], pos[1])))
	require.Eventually(t, func() bool {
		open, err := chromedp.Run(e.ctx, chromedp.Evaluate[bool](
			`(() => { const h = document.querySelector("[data-fc-card]"); return !!h && !h.shadowRoot.querySelector(".card").hidden; })()`))
		return err == nil && open
	}, 5*time.Second, 50*time.Millisecond, "the card did not open")
	e.assertNoForeignRequests(t)
}

// assertNoForeignRequests: the browser asked for nothing but the test
// page (extension files never touch the network).
func (e *env) assertNoForeignRequests(t *testing.T) {
	t.Helper()
	assert.Empty(t, e.proxy.Foreign(e.srv.URL), "requests outside the test page")
	for _, u := range e.proxy.URLs() {
		// The page itself, and the favicon the browser asks for.
		ok := u == e.srv.URL+"/article" || u == e.srv.URL+"/favicon.ico"
		assert.True(t, ok, "unexpected request %s", u)
	}
}

// The options page keeps a compiled index file in extension storage; the
// popup then matches against it alone. A file that is not an index is
// refused and the setting is left as it was.
func TestOptionsCustomCorpus(t *testing.T) {
	full, err := defaultcorpus.Index()
	require.NoError(t, err)
	// The custom corpus: the bundled one with the claim the usfk sentence
	// matches under another id, so the popup's list shows which corpus it
	// used. (Dropping the claim instead would also change what the rest of
	// the page shows: the page model reads how much of a page the corpus
	// speaks to.)
	drop := bestMatch(t, full, usfk).Claim.ID
	var claims []claim.Claim
	for d := 0; d < full.NumClaims(); d++ {
		c := *full.Claim(d)
		if c.ID == drop {
			c.ID = "custom-" + c.ID
		}
		claims = append(claims, c)
	}
	custom, err := index.Build(claims, nil)
	require.NoError(t, err)
	custom.Meta["name"] = "Test checks"
	dir := t.TempDir()
	good, bad := filepath.Join(dir, "test.fcx"), filepath.Join(dir, "notes.fcx")
	require.NoError(t, os.WriteFile(good, custom.Encode(), 0o644))
	require.NoError(t, os.WriteFile(bad, []byte("not an index"), 0o644))

	e := start(t)
	opts := e.open(t, "options.html")
	status := func(want string) string {
		t.Helper()
		var s string
		require.Eventually(t, func() bool {
			s, err = chromedp.Run(opts, chromedp.Evaluate[string](
				`document.body.dataset.state === "loading" ? "" : document.getElementById("status").textContent`))
			return err == nil && strings.Contains(s, want)
		}, 20*time.Second, 50*time.Millisecond, "options status %q never contained %q", s, want)
		return s
	}
	status("(bundled)")
	require.NoError(t, chromedp.Do(opts, chromedp.SetUploadFiles(`#file`, []string{good})))
	assert.Contains(t, status("(from a file)"), fmt.Sprintf("“Test checks”, %d claims", len(claims)))

	popup := readPopup(t, e.open(t, fmt.Sprintf("popup.html?tab=%d", e.tabID)))
	want := native(t, custom, "Extension test article\n"+usfk+" The cafe on the corner sells excellent coffee.\n"+
		"My neighbour repainted her front door a cheerful shade of green. "+peacetime+"\n"+vendors)
	require.NotEmpty(t, want)
	assert.Equal(t, want, ids(popup.Results), "only the custom corpus is used")
	assert.Contains(t, ids(popup.Results), "custom-"+drop)
	assert.NotContains(t, ids(popup.Results), drop)

	require.NoError(t, chromedp.Do(opts, chromedp.SetUploadFiles(`#file`, []string{bad})))
	status("was not loaded")
	stored, err := chromedp.Run(opts, chromedp.Evaluate[string](`chrome.storage.local.get("corpusName").then((s) => s.corpusName)`, chromedp.EvalAwaitPromise))
	require.NoError(t, err)
	assert.Equal(t, "Test checks", stored, "a bad file leaves the stored corpus alone")

	_, err = chromedp.Run(opts, chromedp.Evaluate[bool](`document.getElementById("bundled").click(), true`))
	require.NoError(t, err)
	status("(bundled)")
	popup = readPopup(t, e.open(t, fmt.Sprintf("popup.html?tab=%d", e.tabID)))
	assert.Greater(t, len(popup.Results), 1, "back to the bundled corpus")
	e.assertNoForeignRequests(t)
}

// bestMatch is the engine's best match for one sentence.
func bestMatch(t *testing.T, x *index.Index, sentence string) engine.Match {
	t.Helper()
	ms := engine.New(x).CheckSentence(sentence, engine.Options{Date: testDate})
	require.NotEmpty(t, ms, "the engine no longer matches %q", sentence)
	return ms[0]
}
