package widget

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/factcheckwidget/factcheck/internal/browsertest"
	"github.com/factcheckwidget/factcheck/internal/defaultcorpus"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// bigArticle repeats the demo article's paragraphs to n bytes of text.
func bigArticle(n int) string {
	var paras []string
	for _, l := range strings.Split(defaultcorpus.ArticleHTML, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "<p>") {
			paras = append(paras, strings.TrimSpace(l))
		}
	}
	var b strings.Builder
	b.WriteString("<article data-factcheck data-date=\"2025-11-05\">\n")
	for i := 0; b.Len() < n; i++ {
		b.WriteString(paras[i%len(paras)])
		b.WriteByte('\n')
	}
	b.WriteString("</article>")
	return b.String()
}

// TestLargePageStaysResponsive checks a 5 MB article never blocks the main
// thread: no main-thread task may take 200 ms of CPU while the widget
// extracts, checks and highlights. CPU time, from a Chrome trace, keeps the
// assertion meaningful on a loaded machine; wall-clock stalls of a 10 ms
// heartbeat are logged beside it.
func TestLargePageStaysResponsive(t *testing.T) {
	if testing.Short() {
		t.Skip("large page: skipped in -short")
	}
	srv := serve(t, map[string]string{"/big": page("Big", bigArticle(5<<20), "-")})
	ctx := browsertest.New(t)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/big")))

	var d done
	tasks, err := browsertest.TraceMainThread(ctx, func() {
		// The page has parsed: add the widget now, as a late-loading embed.
		_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => {
			const s = document.createElement("script");
			s.src = "/fc/factcheck.js";
			document.head.appendChild(s);
			return true;
		})()`))
		require.NoError(t, err)
		d = wait(t, ctx, srv.URL+"/big", 120*time.Second)
	})
	require.NoError(t, err)
	var maxCPU, maxWall float64
	first := math.Inf(1)
	for _, task := range tasks {
		first = min(first, task.Start)
		maxCPU = max(maxCPU, task.CPU)
		maxWall = max(maxWall, task.Wall)
	}

	type gaps struct {
		Max   float64 `json:"max"`
		Marks int     `json:"marks"`
	}
	g, err := chromedp.Run(ctx, chromedp.Evaluate[gaps](`(() => {
		const start = performance.getEntriesByName("factcheck:start")[0].startTime;
		const mine = __gaps.filter(([at, gap]) => at - gap >= start && at <= start + __done.totalMs);
		return {max: Math.max(0, ...mine.map(([, gap]) => gap)), marks: document.querySelectorAll("mark.fc-hl").length};
	})()`))
	require.NoError(t, err)
	t.Logf("5 MB page: %d sentences highlighted (%d marks) in %.0f ms (worker %.0f ms); %d main-thread tasks, longest %.0f ms CPU / %.0f ms wall; longest heartbeat gap %.0f ms",
		d.Matched, g.Marks, d.TotalMs, d.CheckMs, len(tasks), maxCPU, maxWall, g.Max)
	slices.SortFunc(tasks, func(a, b browsertest.Task) int { return cmp.Compare(b.CPU, a.CPU) })
	for _, task := range tasks[:min(5, len(tasks))] {
		t.Logf("  task at %.0f ms: %.0f ms CPU, %.0f ms wall", task.Start-first, task.CPU, task.Wall)
	}
	require.NotEmpty(t, tasks, "the trace recorded the main thread")
	assert.Greater(t, d.Matched, 100)
	assert.Less(t, maxCPU, 200.0, "longest main-thread task (ms of CPU) while the widget worked")
}
