// Package hostile_test feeds the product a ClaimReview corpus written by an
// attacker: every text field carries an XSS payload (script tags, event
// handlers, javascript: and data: URLs, broken HTML, bidi overrides) and one
// review has 100 KB fields. The readers must keep it verbatim or refuse it
// with a field error; the widget and the site must show it as text.
//
// testdata/hostile.jsonld holds the short payloads; the 100 KB strings are
// generated here so they are not committed.
package hostile_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/corpus"
	"github.com/factcheckwidget/factcheck/internal/index"
)

// root is the module root, seen from this package.
const root = "../.."

// marker is in every payload that would run script: a console message or a
// dialog carrying it means a payload ran.
const marker = "PWNED"

// longSize is the size of each generated long field.
const longSize = 100 << 10

// sentences are the plain sentences the claims of the feed state, in feed
// order, then the long review's and the crafted-index claims'. A test page
// that quotes them gets a highlight per claim.
var sentences = []string{
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
	unit := "<script>console.log('" + marker + "-long')</script><img src=x onerror=alert(1)>\u202eé漢 "
	s := strings.Repeat(unit, n/len(unit)+1)
	return strings.ToValidUTF8(s[:n], "")
}

// feed returns the hostile feed with the long review appended.
func feed(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/hostile.jsonld")
	require.NoError(t, err)
	var reviews []any
	require.NoError(t, json.Unmarshal(data, &reviews))
	l := long(longSize)
	reviews = append(reviews, map[string]any{
		"@type": "ClaimReview", "url": "https://evil.example/long",
		"claimReviewed": sentences[5] + " " + l, "headline": l, "description": l, "datePublished": l,
		"author":       map[string]any{"name": l, "url": l},
		"reviewRating": map[string]any{"alternateName": "False " + l},
		"itemReviewed": map[string]any{"author": map[string]any{"name": l}, "datePublished": l},
	})
	out, err := json.Marshal(reviews)
	require.NoError(t, err)
	return out
}

// withURL returns the feed with review i's url replaced.
func withURL(t testing.TB, i int, url string) []byte {
	t.Helper()
	var reviews []map[string]any
	require.NoError(t, json.Unmarshal(feed(t), &reviews))
	reviews[i]["url"] = url
	out, err := json.Marshal(reviews)
	require.NoError(t, err)
	return out
}

// hostileIndex is the feed compiled as `factcheck index` does, plus claims
// the readers would refuse (javascript: and data: review URLs): a .fcx is
// just bytes a page points the widget at, so it may have been crafted
// without our readers.
func hostileIndex(t testing.TB) *index.Index {
	t.Helper()
	claims, err := corpus.Read("hostile.jsonld", feed(t))
	require.NoError(t, err)
	claims = append(claims,
		claim.Claim{ID: "crafted-js", Text: sentences[6], Rating: "False", Verdict: claim.VerdictFalse,
			URL: "javascript:console.log('" + marker + "-fcx');alert('" + marker + "-fcx')", Publisher: "<b onmouseover=alert(1)>Crafted</b>",
			PublisherSite: "javascript:alert(1)", Language: "en"},
		claim.Claim{ID: "crafted-data", Text: sentences[7], Rating: "<script>alert('" + marker + "-rating')</script>", Verdict: claim.VerdictMixed,
			URL: " JAVASCRIPT:alert('" + marker + "-fcx2')", Claimant: "data:text/html,<script>alert(2)</script>", Language: "en"},
		// Same wording as the first claim: the card lists it under "Also checked", as a link.
		claim.Claim{ID: "crafted-variant", Text: sentences[0] + " <script>alert('" + marker + "-variant')</script>", Rating: "True",
			Verdict: claim.VerdictTrue, URL: "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", Language: "en"},
	)
	x, err := index.Build(claims, nil)
	require.NoError(t, err)
	x.Meta["name"] = "<script>alert('" + marker + "-meta')</script>"
	// Round trip through the encoding, as the widget and `serve` load it.
	y, err := index.Decode(x.Encode())
	require.NoError(t, err)
	return y
}

// The reader keeps every payload verbatim (rendering escapes, reading does
// not sanitise) and accepts non-URL text in fields it does not link.
func TestFeedIsReadVerbatim(t *testing.T) {
	claims, err := corpus.Read("hostile.jsonld", feed(t))
	require.NoError(t, err)
	require.Len(t, claims, 6)
	for i, c := range claims {
		assert.True(t, strings.HasPrefix(c.Text, sentences[i]), "claim %d: %q", i, c.Text)
		assert.True(t, strings.HasPrefix(c.URL, "https://evil.example/"), "claim %d: review URLs stay http(s)", i)
	}
	assert.Contains(t, claims[1].Text, "<img src=x onerror=")
	assert.Contains(t, claims[4].Text, "<iframe srcdoc=")
	assert.Contains(t, claims[5].Text, "<script>console.log(")
	assert.Contains(t, claims[0].Title, "onerror=")
	assert.Equal(t, "javascript:console.log('PWNED-js');alert('PWNED-js')", claims[0].PublisherSite,
		"author.url is not checked by the reader: renderers never link it")
	l := claims[5]
	assert.Len(t, l.Publisher, longSize, "publisher names are not clipped by the reader")
	assert.True(t, strings.HasPrefix(l.Text, sentences[5]))

	// The index clips long text fields; the rest survive as written.
	x := hostileIndex(t)
	for d := 0; d < x.NumClaims(); d++ {
		c := x.Claim(d)
		for _, f := range []string{c.Text, c.Title, c.Context} {
			assert.LessOrEqual(t, len(f), index.MaxClaimBytes, "claim %s", c.ID)
		}
	}
}

// Review URLs that are not http(s) are refused with the file, the JSON path
// and the field, and nothing is read.
func TestHostileReviewURLsAreRefused(t *testing.T) {
	for _, url := range []string{
		"javascript:alert('PWNED')",
		" JAVASCRIPT:alert(1)",
		"JaVaScRiPt:alert(1)",
		"data:text/html,<script>alert(1)</script>",
		"vbscript:msgbox(1)",
		"//evil.example/protocol-relative",
		"/relative/path",
		"https://",
		"file:///etc/passwd",
	} {
		t.Run(url, func(t *testing.T) {
			claims, err := corpus.Read("hostile.jsonld", withURL(t, 2, url))
			require.Error(t, err)
			assert.Nil(t, claims)
			var ce *corpus.Error
			require.True(t, errors.As(err, &ce), "%T: %v", err, err)
			assert.Equal(t, "url", ce.Field)
			assert.Equal(t, "$[2]", ce.Path)
			assert.True(t, strings.HasPrefix(err.Error(), "hostile.jsonld: $[2].url: not an http(s) URL"), err.Error())
		})
	}
}

var (
	cliOnce sync.Once
	cliPath string
	cliErr  error
)

// cli builds bin/factcheck once for the package, into a temp dir.
func cli(t *testing.T) string {
	t.Helper()
	cliOnce.Do(func() {
		dir, err := tempDir()
		if err != nil {
			cliErr = err
			return
		}
		cliPath = filepath.Join(dir, "factcheck")
		out, err := exec.Command("go", "build", "-o", cliPath, filepath.Join(root, "cmd", "factcheck")).CombinedOutput()
		if err != nil {
			cliErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	require.NoError(t, cliErr)
	return cliPath
}

// `factcheck index` compiles the hostile feed; a refused feed exits 1 with
// the field named, and leaves the index it would have replaced intact.
func TestCLIIndexHostileFeed(t *testing.T) {
	bin := cli(t)
	dir := t.TempDir()
	good, bad, out := filepath.Join(dir, "hostile.jsonld"), filepath.Join(dir, "bad.jsonld"), filepath.Join(dir, "out.fcx")
	require.NoError(t, os.WriteFile(good, feed(t), 0o644))
	require.NoError(t, os.WriteFile(bad, withURL(t, 3, "javascript:alert('PWNED')"), 0o644))

	cmd := exec.Command(bin, "index", "-o", out, good)
	msg, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", msg)
	before, err := os.ReadFile(out)
	require.NoError(t, err)
	x, err := index.Decode(before)
	require.NoError(t, err)
	assert.Equal(t, 6, x.NumClaims())

	cmd = exec.Command(bin, "index", "-o", out, bad)
	msg, err = cmd.CombinedOutput()
	var exit *exec.ExitError
	require.True(t, errors.As(err, &exit), "want a failure, got %v: %s", err, msg)
	assert.Equal(t, 1, exit.ExitCode())
	assert.Contains(t, string(msg), bad+": $[3].url: not an http(s) URL: javascript:alert('PWNED')")
	after, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, before, after, "a failed build must leave the old index intact")
	left, err := filepath.Glob(filepath.Join(dir, "*"))
	require.NoError(t, err)
	assert.Len(t, left, 3, "no temporary file is left behind: %v", left)
}
