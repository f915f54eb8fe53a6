package widget

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/factcheckwidget/factcheck/internal/browsertest"
	"github.com/factcheckwidget/factcheck/internal/defaultcorpus"
	"github.com/stretchr/testify/require"
)

// TestScreenshot saves the demo article with an open card to the path in
// FACTCHECK_SCREENSHOT (`make screenshot` writes docs/screenshot.png).
func TestScreenshot(t *testing.T) {
	out := os.Getenv("FACTCHECK_SCREENSHOT")
	if out == "" {
		t.Skip("set FACTCHECK_SCREENSHOT=path.png (make screenshot)")
	}
	srv := serve(t, map[string]string{"/demo": page("Demo", defaultcorpus.ArticleHTML, "")})
	ctx := browsertest.New(t)
	require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(1100, 860)))
	load(t, ctx, srv.URL+"/demo", 30*time.Second)

	// Bring a highlighted sentence to the upper middle of the window and
	// open its card from the keyboard, as a reader would.
	_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => {
		const m = [...document.querySelectorAll("mark.fc-hl[role=button]")]
			.find((m) => m.textContent.startsWith("Hegseth has called"));
		window.scrollTo(0, m.getBoundingClientRect().top + scrollY - 240);
		m.focus();
		return true;
	})()`))
	require.NoError(t, err)
	key(t, ctx, kb.Enter)
	require.True(t, readCard(t, ctx).Open)
	// Hide the focus ring of the link inside the card: the picture shows
	// the card, not where focus went.
	time.Sleep(200 * time.Millisecond)
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(filepath.Dir(out), 0o755))
	require.NoError(t, os.WriteFile(out, png, 0o644))
	t.Logf("wrote %s (%d bytes)", out, len(png))
}
