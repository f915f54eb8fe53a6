package widget

import (
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/factcheckwidget/factcheck/internal/browsertest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCardOpensOnHoverAndTap(t *testing.T) {
	srv := serve(t, map[string]string{"/article": page("Test", testArticle, "")})
	ctx := browsertest.New(t)
	load(t, ctx, srv.URL+"/article", 30*time.Second)
	type pt struct{ X, Y float64 }
	p, err := chromedp.Run(ctx, chromedp.Evaluate[pt](`(() => {
		const r = document.querySelector("mark.fc-hl[role=button]").getBoundingClientRect();
		return {X: r.left + 10, Y: r.top + r.height / 2};
	})()`))
	require.NoError(t, err)
	move := func(x, y float64) {
		require.NoError(t, chromedp.Do(ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x, y)))
	}

	move(p.X, p.Y)
	assert.True(t, readCard(t, ctx).Open, "hover opens the card")
	move(5, 5)
	assert.Eventually(t, func() bool { return !readCard(t, ctx).Open }, 2*time.Second, 50*time.Millisecond, "leaving closes it")

	require.NoError(t, chromedp.Do(ctx, chromedp.MouseClickXY(p.X, p.Y)))
	move(5, 5)
	time.Sleep(400 * time.Millisecond)
	assert.True(t, readCard(t, ctx).Open, "a tap keeps the card open after the pointer leaves")
	require.NoError(t, chromedp.Do(ctx, chromedp.MouseClickXY(5, 5)))
	assert.False(t, readCard(t, ctx).Open, "a tap elsewhere closes it")
}
