package widget

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/factcheckwidget/factcheck/internal/defaultcorpus"
	"github.com/factcheckwidget/factcheck/internal/engine"
	"github.com/stretchr/testify/require"
)

// done is the detail of the widget's factcheck:done event.
type done struct {
	Matched int     `json:"matched"`
	CheckMs float64 `json:"checkMs"`
	GoMs    float64 `json:"goMs"`
	TotalMs float64 `json:"totalMs"`
	Rounds  []struct {
		Parts int     `json:"parts"`
		Ms    float64 `json:"ms"`
		AddMs float64 `json:"addMs"`
	} `json:"rounds"`
}

// load navigates to url and waits until the widget has highlighted the
// article (or failed).
func load(t testing.TB, ctx context.Context, url string, timeout time.Duration) done {
	t.Helper()
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(url)))
	return wait(t, ctx, url, timeout)
}

// wait waits for the widget on the current page to finish.
func wait(t testing.TB, ctx context.Context, url string, timeout time.Duration) done {
	t.Helper()
	end := time.Now().Add(timeout)
	for {
		state, err := chromedp.Run(ctx, chromedp.Evaluate[string](
			`(document.querySelector("[data-fc-state]") || {getAttribute(){return ""}}).getAttribute("data-fc-state")`))
		require.NoError(t, err)
		if state == "error" {
			logs, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`String(window.__err || "")`))
			t.Fatalf("widget failed on %s %s", url, logs)
		}
		if state == "done" {
			d, err := chromedp.Run(ctx, chromedp.Evaluate[done](`window.__done`))
			require.NoError(t, err)
			return d
		}
		if time.Now().After(end) {
			t.Fatalf("widget did not finish on %s within %s (state %q)", url, timeout, state)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// highlighted returns the text of each highlighted sentence (its mark
// pieces joined) with the claim id and tier of its first piece.
type hl struct {
	Text string `json:"text"`
	ID   string `json:"id"`
	Tier string `json:"tier"`
}

func highlighted(t testing.TB, ctx context.Context) []hl {
	t.Helper()
	out, err := chromedp.Run(ctx, chromedp.Evaluate[[]hl](`(() => {
		const out = [];
		for (const m of document.querySelectorAll("mark.fc-hl")) {
			if (m.getAttribute("role") === "button") out.push({text: "", id: m.dataset.fcId, tier: m.dataset.fcTier});
			out[out.length - 1].text += m.textContent;
		}
		return out;
	})()`))
	require.NoError(t, err)
	return out
}

func texts(hs []hl) []string {
	out := make([]string, len(hs))
	for i, h := range hs {
		out[i] = strings.Join(strings.Fields(h.Text), " ")
	}
	return out
}

// expected runs the engine natively on the article's plain text: the
// browser must highlight exactly these sentences with these claims.
func expected(t testing.TB, fragment, date string) []hl {
	t.Helper()
	x, err := defaultcorpus.Index()
	require.NoError(t, err)
	var out []hl
	for _, s := range engine.New(x).CheckArticle(plainText(fragment), engine.Options{Date: date}) {
		if len(s.Matches) > 0 {
			out = append(out, hl{Text: s.Text, ID: s.Matches[0].Claim.ID, Tier: s.Matches[0].Tier.String()})
		}
	}
	return out
}

// bestMatch is the engine's best match for one sentence.
func bestMatch(t testing.TB, sentence string) engine.Match {
	t.Helper()
	x, err := defaultcorpus.Index()
	require.NoError(t, err)
	ms := engine.New(x).CheckSentence(sentence, engine.Options{Date: "2025-11-05"})
	require.NotEmpty(t, ms, "the engine no longer matches %q", sentence)
	return ms[0]
}

// card is what the open card shows.
type card struct {
	Open      bool   `json:"open"`
	Role      string `json:"role"`
	Badge     string `json:"badge"`
	Color     string `json:"color"`
	Summary   string `json:"summary"`
	Claim     string `json:"claim"`
	Meta      string `json:"meta"`
	Link      string `json:"link"`
	Focus     string `json:"focus"`
	Expanded  string `json:"expanded"`
	ActiveTag string `json:"activeTag"`
}

func readCard(t testing.TB, ctx context.Context) card {
	t.Helper()
	c, err := chromedp.Run(ctx, chromedp.Evaluate[card](`(() => {
		const host = document.querySelector("[data-fc-card]");
		if (!host) return {open: false};
		const r = host.shadowRoot, q = (s) => r.querySelector(s), c = q(".card");
		const btn = document.querySelector("mark.fc-hl[aria-expanded=true]");
		return {
			open: !c.hidden, role: c.getAttribute("role"), badge: q(".badge").textContent,
			color: getComputedStyle(q(".badge")).backgroundColor, summary: q(".sum").textContent,
			claim: q(".claim").textContent, meta: q(".meta").textContent, link: q(".link").href,
			focus: r.activeElement ? r.activeElement.className : "", expanded: btn ? btn.textContent : "",
			activeTag: document.activeElement.tagName + "." + document.activeElement.className,
		};
	})()`))
	require.NoError(t, err)
	return c
}

func key(t testing.TB, ctx context.Context, k string) {
	t.Helper()
	require.NoError(t, chromedp.Do(ctx, chromedp.KeyEvent(k)))
}
