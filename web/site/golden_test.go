package site

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/a-h/templ"
	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/defaultcorpus"
	"github.com/factcheckwidget/factcheck/internal/engine"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.html from the current output")

func defaultSite(t *testing.T) *Site {
	t.Helper()
	x, err := defaultcorpus.Index()
	require.NoError(t, err)
	return NewSite(engine.New(x))
}

// hostile is a claim whose every field tries to inject markup or script.
var hostile = claim.Claim{ID: "x", Text: `<script>alert(1)</script> "quoted" & <b>bold</b>`,
	Title: `<img src=x onerror=alert(2)>`, Rating: `<i>False</i>`, Verdict: claim.VerdictFalse,
	Publisher: `Evil "Pub" <svg onload=alert(3)>`, URL: "javascript:alert(4)", ReviewDate: `2025-11-01"><script>`,
	Claimant: "\u202eRTL override"}

// Goldens render the components with fixed inputs. Check results use a
// hand-built view so changes to the engine's tiers or wording (tested in
// site_test.go) do not churn them.
func TestGolden(t *testing.T) {
	s := defaultSite(t)
	results := checkView{Text: "About 50,000 US soldiers are deployed in South Korea.", Date: "2025-11-05", Checked: true, Sentences: 2,
		Results: []sentenceView{{Text: "About 50,000 US soldiers are deployed in South Korea.", Matches: []matchView{
			{Claim: claimViewOf(&claim.Claim{Text: "About 28,500 American troops are based in South Korea.", Rating: "True",
				Verdict: claim.VerdictTrue, Publisher: "Harbor Fact Desk", URL: "https://harborfactdesk.example/checks/troops",
				ReviewDate: "2025-11-05", Claimant: "News reports"}),
				Tier: "match", Score: "91%", Summary: "A variant of this claim was rated True by Harbor Fact Desk — the page says 50,000, the fact-check says 28,500.",
				Flags: []flagView{{Kind: "numbers-differ", Page: "50,000", Claim: "28,500"}}},
			{Claim: claimViewOf(&hostile), Tier: "related", Score: "45%", Summary: "A related claim was rated <i>False</i>."},
		}}}}
	tests := []struct {
		name string
		c    templ.Component
	}{
		{"home", s.Home()},
		{"demo", s.Demo()},
		{"embed", s.Embed("http://127.0.0.1:8080")},
		{"check-empty", checkPage(checkView{})},
		{"check-static", s.StaticCheck()},
		{"check-error", checkPage(checkView{Text: "<b>x</b>", Date: "nope", Error: "The date must look like 2025-11-05."})},
		{"check-results", checkPage(results)},
		{"check-none", checkPage(checkView{Text: "The chestnuts were hot.", Checked: true, Sentences: 1})},
		{"claims-page1", s.Claims("", "", "", 1, staticPageURL)},
		{"claims-page2", s.Claims("", "", "", 2, serverPageURL(map[string][]string{"q": {""}}))},
		{"claims-false", s.Claims("", "false", "", 1, serverPageURL(map[string][]string{"rating": {"false"}}))},
		{"claims-publisher", s.Claims("", "", "Lantern Claim Check", 1, serverPageURL(map[string][]string{"publisher": {"Lantern Claim Check"}}))},
		{"claims-none", s.Claims("", "unknown", "", 1, staticPageURL)},
		{"claims-search", s.Claims("South Korea", "", "", 2, serverPageURL(map[string][]string{"q": {"South Korea"}}))},
		{"card-hostile", claimCard(claimViewOf(&hostile))},
		{"notfound", notFoundPage()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Render(tc.c)
			require.NoError(t, err)
			path := filepath.Join("testdata", tc.name+".golden.html")
			if *update {
				require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
				return
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "missing golden file: run go test ./web/site -run TestGolden -update")
			if got != string(want) {
				t.Fatalf("%s differs at byte %d:\n want …%s…\n  got …%s…\nif the change is intended, run go test ./web/site -run TestGolden -update",
					path, firstDiff(got, string(want)), around(string(want), firstDiff(got, string(want))), around(got, firstDiff(got, string(want))))
			}
		})
	}
}

func firstDiff(a, b string) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return i
}

func around(s string, i int) string {
	return s[max(0, i-80):min(len(s), i+80)]
}
