package xsstest

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/browsertest"
)

func TestFeedAndIndex(t *testing.T) {
	x := Index(t)
	require.Equal(t, 9, x.NumClaims(), "six reviews of the feed and three crafted claims")
	assert.True(t, strings.Contains(string(Feed(t)), "https://evil.example/long"))
	for _, id := range []string{"crafted-js", "crafted-data", "crafted-variant"} {
		found := false
		for d := 0; d < x.NumClaims(); d++ {
			found = found || x.Claim(d).ID == id
		}
		assert.True(t, found, id)
	}
}

// set replaces the document of ctx with body (scripts in it do not run) and
// gives the element #card, if any, an open shadow root holding card.
func set(t *testing.T, ctx context.Context, body, card string) {
	t.Helper()
	_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`((b, c) => {
		document.documentElement.innerHTML = b;
		const h = document.getElementById("card");
		if (h) h.attachShadow({mode: "open"}).innerHTML = c;
		return true; })(`+jsonString(body)+`, `+jsonString(card)+`)`))
	require.NoError(t, err)
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// The audit's rules, on a blank page: a page of ours passes, with its own
// scripts, style and same-extension links; each kind of injection is found.
func TestAuditRules(t *testing.T) {
	ctx := browsertest.New(t)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate("about:blank")))
	card := `<style>.card{color:red}</style><div class="card">Card text</div>`

	set(t, ctx, `<head><style>:where(mark.fc-hl){color:red}</style><script src="own.js"></script></head>
<body><a href="options.html">o</a><a href="https://a.example/">a</a><div id="card"></div></body>`, card)
	a := RunAudit(t, ctx, "own.js", "options.html")
	assert.Empty(t, a.Bad)
	assert.Equal(t, []string{"https://a.example/"}, a.Links)
	assert.Equal(t, []string{"Card text"}, a.Cards)
	assert.False(t, a.Pwned)

	set(t, ctx, `<head><style>body{margin:0}</style></head><body>x</body>`, "")
	assert.Empty(t, RunAudit(t, ctx, OwnStyle("body{")).Bad, "the page's own style")
	assert.Equal(t, []string{"style: body{margin:0}"}, RunAudit(t, ctx).Bad, "a style that is neither the widget's nor the page's")

	set(t, ctx, `<head><style>:where(mark.fc-hl){}</style><style>:where(mark.fc-hl){}</style><script src="other.js"></script></head>
<body><a href="javascript:alert(1)">j</a><img src=x><b onclick="x()">b</b><div id="card"></div></body>`,
		`<style>.card{}</style><style>.x{background:url(javascript:alert(1))}</style><div class="card"><input><iframe></iframe></div>`)
	a = RunAudit(t, ctx, "own.js")
	bad := strings.Join(a.Bad, "\n")
	for _, want := range []string{"style: :where", "script: <script src=\"other.js\">", "img: <img", "b[onclick]", "style: .x{", "input in a card", "iframe in a card"} {
		assert.Contains(t, bad, want)
	}
	assert.Equal(t, []string{"javascript:alert(1)"}, a.Links)
}
