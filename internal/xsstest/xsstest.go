// Package xsstest is the hostile corpus and the XSS detectors shared by the
// browser tests that feed the product an attacker's corpus: test/hostile
// (widget, site, CLI) and web/extension (options page, popup, in-page
// highlights).
//
// The corpus is a ClaimReview feed whose every text field carries a payload
// (test/hostile/testdata/hostile.jsonld) plus a generated review with 100 KB
// fields, and an index of it with claims the readers would refuse. Every
// payload that runs calls console.log or alert with Marker.
//
// The detectors are a Guard, which records dialogs and console messages
// carrying Marker, and an Audit of the DOM (every shadow root included) for
// markup and links a corpus could have injected.
//
// It is test-support code, like internal/browsertest. It must not depend on
// net/http (core-lint), so it reports through testing.TB, not testify.
package xsstest

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/compile"
	"github.com/factcheckwidget/factcheck/internal/corpus"
	"github.com/factcheckwidget/factcheck/internal/index"
)

// Marker is in every payload that would run script: a console message or a
// dialog carrying it means a payload ran.
const Marker = "PWNED"

// LongSize is the size of each generated long field of the feed.
const LongSize = 100 << 10

// FeedFile is the committed part of the feed, relative to the module root.
const FeedFile = "test/hostile/testdata/hostile.jsonld"

// Sentences are the plain sentences the claims of the feed state, in feed
// order, then the long review's and the crafted claims' of Index. A test
// page that quotes them gets a highlight per claim.
var Sentences = []string{
	"The Eastport harbour bridge collapsed during the storm on 3 March 2024.",
	"Mayor Lindqvist tripled the parking fines in Westvale last year.",
	"The Northgate reservoir holds 40 million litres of drinking water.",
	"The Riverside primary school closed because of mould in its roof.",
	"The city council sold the Old Mill building for one euro.",
	"The Brookfield marathon attracted 12,000 runners this spring.",
	"The Lakeside ferry service was cancelled for the whole of 2023.",
	"Diesel prices in Hillcrest doubled within a single week.",
}

// long repeats payloads, a bidi override and non-ASCII text to n bytes.
func long(n int) string {
	unit := "<script>console.log('" + Marker + "-long')</script><img src=x onerror=alert(1)>\u202eé漢 "
	s := strings.Repeat(unit, n/len(unit)+1)
	return strings.ToValidUTF8(s[:n], "")
}

// moduleRoot is the nearest directory above the working directory (a test's
// package directory) that holds go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		up := filepath.Dir(dir)
		if up == dir {
			return "", errors.New("xsstest: no go.mod above the working directory")
		}
		dir = up
	}
}

// Feed returns the hostile feed (FeedFile) with a review whose fields are
// LongSize payload strings appended.
func Feed(t testing.TB) []byte {
	t.Helper()
	root, err := moduleRoot()
	must(t, err)
	data, err := os.ReadFile(filepath.Join(root, FeedFile))
	must(t, err)
	var reviews []any
	must(t, json.Unmarshal(data, &reviews))
	l := long(LongSize)
	reviews = append(reviews, map[string]any{
		"@type": "ClaimReview", "url": "https://evil.example/long",
		"claimReviewed": Sentences[5] + " " + l, "headline": l, "description": l, "datePublished": l,
		"author":       map[string]any{"name": l, "url": l},
		"reviewRating": map[string]any{"alternateName": "False " + l},
		"itemReviewed": map[string]any{"author": map[string]any{"name": l}, "datePublished": l},
	})
	out, err := json.Marshal(reviews)
	must(t, err)
	return out
}

// Index is the feed compiled as `factcheck index` does, plus claims the
// readers would refuse (javascript: and data: review URLs): a .fcx is just
// bytes a page points the widget at, so it may have been crafted without
// our readers. It has been through Encode and Decode, as the widget, the
// extension and `serve` load it.
func Index(t testing.TB) *index.Index {
	t.Helper()
	claims, _, err := corpus.Read("hostile.jsonld", Feed(t))
	must(t, err)
	m := Marker
	claims = append(claims,
		claim.Claim{ID: "crafted-js", Text: Sentences[6], Rating: "False", Verdict: claim.VerdictFalse,
			URL: "javascript:console.log('" + m + "-fcx');alert('" + m + "-fcx')", Publisher: "<b onmouseover=alert(1)>Crafted</b>",
			PublisherSite: "javascript:alert(1)", Language: "en"},
		claim.Claim{ID: "crafted-data", Text: Sentences[7], Rating: "<script>alert('" + m + "-rating')</script>", Verdict: claim.VerdictMixed,
			URL: " JAVASCRIPT:alert('" + m + "-fcx2')", Claimant: "data:text/html,<script>alert(2)</script>", Language: "en"},
		// Same wording as the first claim: a card lists it under "Also checked", as a link.
		claim.Claim{ID: "crafted-variant", Text: Sentences[0] + " <script>alert('" + m + "-variant')</script>", Rating: "True",
			Verdict: claim.VerdictTrue, URL: "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", Language: "en"},
	)
	x, err := compile.Index(claims, nil)
	must(t, err)
	x.Meta["name"] = "<script>alert('" + m + "-meta')</script>"
	y, err := index.Decode(x.Encode())
	must(t, err)
	return y
}

// Guard records what a payload that ran would leave behind: a JavaScript
// dialog (dismissed at once so the page does not block) or a console
// message carrying Marker.
type Guard struct {
	mu      sync.Mutex
	dialogs []string
	console []string
}

// Watch starts a Guard on the target of ctx. Call it before the target
// loads the page.
func Watch(t testing.TB, ctx context.Context) *Guard {
	t.Helper()
	g := &Guard{}
	must(t, chromedp.Listen(ctx, func(ev any) {
		switch e := ev.(type) {
		case *page.EventJavascriptDialogOpening:
			g.mu.Lock()
			g.dialogs = append(g.dialogs, string(e.Type)+": "+e.Message)
			g.mu.Unlock()
			// Listen's callback may not run commands; dismiss from a goroutine.
			go chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		case *runtime.EventConsoleAPICalled:
			var parts []string
			for _, a := range e.Args {
				parts = append(parts, string(a.Value)+a.Description)
			}
			if msg := strings.Join(parts, " "); strings.Contains(msg, Marker) {
				g.mu.Lock()
				g.console = append(g.console, msg)
				g.mu.Unlock()
			}
		}
	}))
	return g
}

// Dialogs returns the dialogs opened so far ("type: message").
func (g *Guard) Dialogs() []string {
	g.mu.Lock()
	defer g.mu.Unlock()
	return append([]string(nil), g.dialogs...)
}

// Console returns the console messages carrying Marker so far.
func (g *Guard) Console() []string {
	g.mu.Lock()
	defer g.mu.Unlock()
	return append([]string(nil), g.console...)
}

// Check asserts no payload opened a dialog or logged Marker.
func (g *Guard) Check(t testing.TB, where string) {
	t.Helper()
	if d := g.Dialogs(); len(d) > 0 {
		t.Errorf("%s: a payload opened a dialog: %q", where, d)
	}
	if c := g.Console(); len(c) > 0 {
		t.Errorf("%s: a payload logged its marker: %q", where, c)
	}
}

// Audit is what a document holds that a corpus could have injected.
type Audit struct {
	Bad   []string `json:"bad"`   // elements or attributes none of our pages has
	Links []string `json:"links"` // every <a href> (resolved) not in own
	Cards []string `json:"cards"` // the rendered text of every open card
	Text  string   `json:"text"`  // the document's rendered text
	Pwned bool     `json:"pwned"` // window.__pwned, set by a script payload
}

// OwnStyle is the own entry of a page's own <style> in the document, named
// by the start of its text (trimmed).
func OwnStyle(prefix string) string { return "<style>" + prefix }

// AuditJS is a function of own that walks the document and every shadow
// root in it. own lists the src/href values of the page's own scripts,
// style sheets and links (which may be other than http(s): a same-extension
// page), and its own <style> (OwnStyle). The document may hold one <style>:
// the widget's mark styles or the page's own; a shadow root (a card) one.
const AuditJS = `((own) => {
	const bad = [], links = [], cards = [];
	const ownStyles = own.filter((o) => o.startsWith("<style>")).map((o) => o.slice("<style>".length));
	const walk = (r, shadow) => {
		let styles = 0;
		for (const el of r.querySelectorAll("*")) {
			const tag = el.tagName.toLowerCase();
			for (const a of el.attributes) if (/^on/i.test(a.name)) bad.push(tag + "[" + a.name + "]");
			if (tag === "script" || tag === "link") {
				if (!own.includes(el.getAttribute("src") || el.getAttribute("href")) || el.textContent.includes("PWNED")) bad.push(tag + ": " + el.outerHTML.slice(0, 120));
			} else if (tag === "style") {
				const css = el.textContent.trim();
				if (++styles > 1 || /PWNED|javascript:|@import|url\(/i.test(css) ||
					(!shadow && !css.startsWith(":where(mark.fc-hl)") && !ownStyles.some((s) => css.startsWith(s)))) bad.push("style: " + el.textContent.slice(0, 80));
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

// RunAudit audits the document of ctx (see AuditJS for own).
func RunAudit(t testing.TB, ctx context.Context, own ...string) Audit {
	t.Helper()
	list, err := json.Marshal(append([]string{}, own...))
	must(t, err)
	a, err := chromedp.Run(ctx, chromedp.Evaluate[Audit](AuditJS+`(`+string(list)+`)`))
	must(t, err)
	return a
}

// Check asserts the audit found no injected markup, no script payload ran
// and every link is http(s).
func (a Audit) Check(t testing.TB, where string) {
	t.Helper()
	if len(a.Bad) > 0 {
		t.Errorf("%s: injected markup: %q", where, a.Bad)
	}
	if a.Pwned {
		t.Errorf("%s: a script payload ran", where)
	}
	for _, l := range a.Links {
		if !strings.HasPrefix(l, "http://") && !strings.HasPrefix(l, "https://") {
			t.Errorf("%s: link %q is not http(s)", where, l)
		}
	}
}

// must stops the test at an error.
func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
