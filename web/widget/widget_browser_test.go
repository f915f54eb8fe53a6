package widget

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/factcheckwidget/factcheck/internal/browsertest"
	"github.com/factcheckwidget/factcheck/internal/defaultcorpus"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	usfk      = "Around 28,500 American service members are based in South Korea."
	peacetime = "Peacetime control was handed back to Seoul in 1994."
	vendors   = "Street vendors near the ministry did brisk business in roasted chestnuts and hot sweet potatoes as the temperature dropped."
	cafe      = "The cafe on the corner sells excellent coffee."
)

func TestHighlightsTestArticle(t *testing.T) {
	srv := serve(t, map[string]string{"/article": page("Test", testArticle, "")})
	ctx := browsertest.New(t)
	d := load(t, ctx, srv.URL+"/article", 30*time.Second)

	got := highlighted(t, ctx)
	want := expected(t, testArticle, "2025-11-05")
	assert.Equal(t, texts(want), texts(got), "the page highlights what the engine matches")
	assert.Equal(t, want, normalize(got), "claim ids and tiers")
	assert.Equal(t, len(want), d.Matched)
	assert.Contains(t, texts(got), usfk)
	assert.Contains(t, texts(got), peacetime)
	assert.NotContains(t, texts(got), vendors)
	assert.NotContains(t, texts(got), cafe)
}

// normalize collapses white space in highlighted texts, as texts does.
func normalize(hs []hl) []hl {
	out := append([]hl(nil), hs...)
	for i, s := range texts(hs) {
		out[i].Text = s
	}
	return out
}

func TestMarkupAroundHighlightsIsIntact(t *testing.T) {
	srv := serve(t, map[string]string{"/article": page("Test", testArticle, "")})
	ctx := browsertest.New(t)
	load(t, ctx, srv.URL+"/article", 30*time.Second)

	type state struct {
		LinkParent, LinkHref, LinkText, EmText, EmParent string
		SameAfterUnwrap                                  bool
		MarksInLink                                      int
	}
	s, err := chromedp.Run(ctx, chromedp.Evaluate[state](`(() => {
		const a = document.getElementById("l1"), em = document.getElementById("em1");
		// Removing the marks must give back the original markup exactly.
		const norm = (h) => { const t = document.createElement("template"); t.innerHTML = h; t.content.normalize(); return t.innerHTML; };
		const clone = document.querySelector("article").cloneNode(true);
		clone.querySelectorAll("mark.fc-hl").forEach((m) => m.replaceWith(...m.childNodes));
		return {
			LinkParent: a.parentElement.id, LinkHref: a.getAttribute("href"), LinkText: a.textContent,
			EmText: em.textContent, EmParent: em.parentElement.id,
			SameAfterUnwrap: norm(clone.innerHTML) === norm(window.__before),
			MarksInLink: a.querySelectorAll("mark.fc-hl").length,
		};
	})()`))
	require.NoError(t, err)
	assert.Equal(t, "p1", s.LinkParent, "the link is not moved")
	assert.Equal(t, "https://news.example/usfk", s.LinkHref)
	assert.Equal(t, "South Korea", s.LinkText)
	assert.Equal(t, "American", s.EmText)
	assert.Equal(t, "p1", s.EmParent)
	assert.Equal(t, 1, s.MarksInLink, "the sentence's text inside the link is highlighted inside it")
	assert.True(t, s.SameAfterUnwrap, "unwrapping the marks restores the article's markup")
}

func TestCardOpensByKeyboard(t *testing.T) {
	srv := serve(t, map[string]string{"/article": page("Test", testArticle, "")})
	ctx := browsertest.New(t)
	load(t, ctx, srv.URL+"/article", 30*time.Second)
	m := bestMatch(t, usfk)

	// Tab from the top of the page reaches the first highlighted sentence.
	for i := 0; i < 10; i++ {
		key(t, ctx, kb.Tab)
		if c := readCard(t, ctx); strings.HasPrefix(c.ActiveTag, "MARK.") {
			break
		}
	}
	c := readCard(t, ctx)
	require.True(t, strings.HasPrefix(c.ActiveTag, "MARK.fc-hl"), "focus on a highlight, got %s", c.ActiveTag)
	assert.True(t, c.Open, "focus shows the card")

	key(t, ctx, kb.Enter)
	c = readCard(t, ctx)
	require.True(t, c.Open)
	assert.Equal(t, "dialog", c.Role)
	assert.Equal(t, m.Claim.Rating, c.Badge, "rating as published")
	assert.NotEqual(t, "rgba(0, 0, 0, 0)", c.Color, "the rating has a colour")
	assert.Contains(t, c.Meta, m.Claim.Publisher)
	assert.Equal(t, m.Claim.URL, c.Link)
	assert.Contains(t, c.Claim, m.Claim.Text)
	assert.NotEmpty(t, c.Summary)
	assert.Equal(t, "link", c.Focus, "Enter moves focus into the card")
	assert.Contains(t, strings.Join(strings.Fields(c.Expanded), " "), "Around 28,500")

	key(t, ctx, kb.Escape)
	c = readCard(t, ctx)
	assert.False(t, c.Open, "Escape closes the card")
	assert.True(t, strings.HasPrefix(c.ActiveTag, "MARK.fc-hl"), "focus returns to the sentence, got %s", c.ActiveTag)
	assert.Empty(t, c.Expanded)
}

func TestDemoArticle(t *testing.T) {
	srv := serve(t, map[string]string{"/demo": page("Demo", defaultcorpus.ArticleHTML, "")})
	ctx := browsertest.New(t)
	d := load(t, ctx, srv.URL+"/demo", 30*time.Second)
	t.Logf("demo article: %d sentences highlighted; script start to highlights %.0f ms, check in worker %.1f ms", d.Matched, d.TotalMs, d.CheckMs)

	steps, err := chromedp.Run(ctx, chromedp.Evaluate[string](`factcheck.ready.then((i) => {
		const at = (n) => Math.round(performance.getEntriesByName(n)[0].startTime - performance.getEntriesByName("factcheck:start")[0].startTime);
		return "ready@" + at("factcheck:ready") + " extracted@" + at("factcheck:extracted") + " checked@" + at("factcheck:checked") +
			" highlighted@" + at("factcheck:highlighted") + " (worker: compile " + Math.round(i.compileMs) + ", go start " +
			Math.round(i.startMs) + ", corpus decode " + Math.round(i.loadMs) + " ms; " + i.claims + " claims, " + i.go + ")";
	})`, chromedp.EvalAwaitPromise))
	require.NoError(t, err)
	t.Log("cold start, ms after script start:", steps)

	got := highlighted(t, ctx)
	assert.Equal(t, texts(expected(t, defaultcorpus.ArticleHTML, "2025-11-05")), texts(got))
	assert.Contains(t, texts(got), usfk)
	assert.Contains(t, texts(got), peacetime)
	assert.NotContains(t, texts(got), vendors)
}

func TestNoRequestLeavesTheOrigin(t *testing.T) {
	srv := serve(t, map[string]string{"/article": page("Test", testArticle, "")})
	proxy := browsertest.NewProxy(t)
	ctx := browsertest.New(t, proxy.Options()...)
	load(t, ctx, srv.URL+"/article", 30*time.Second)
	// Use the widget: hover, open and close a card.
	require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS("mark.fc-hl"))))
	require.True(t, readCard(t, ctx).Open)
	key(t, ctx, kb.Escape)
	time.Sleep(300 * time.Millisecond)

	assert.Empty(t, proxy.Foreign(srv.URL), "requests outside the page's origin")
	var paths []string
	for _, u := range proxy.URLs() {
		p, err := url.Parse(u)
		require.NoError(t, err)
		assert.Empty(t, p.RawQuery, "no query string may carry page text: %s", u)
		paths = append(paths, p.Path)
	}
	assert.Subset(t, []string{"/article", "/fc/factcheck.js", "/fc/factcheck-worker.js", "/fc/wasm_exec.js",
		"/fc/factcheck.wasm", "/fc/default.fcx", "/favicon.ico"}, paths)
	// The proxy sees the worker's own requests, so the check above covers them.
	assert.Contains(t, paths, "/fc/factcheck.wasm")
	assert.Contains(t, paths, "/fc/default.fcx")
}
