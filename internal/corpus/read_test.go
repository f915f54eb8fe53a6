package corpus

import (
	"bytes"
	"compress/gzip"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/claim"
)

var update = flag.Bool("update", false, "rewrite golden files")

// The samples in testdata are invented fact-checks on .example domains,
// shaped like what publishers, the Fact Check Tools API and CheckThat! ship.

var (
	windTurbines = claim.Claim{
		ID:            "https://checks.example/2021/03/wind-turbines-birds/",
		Text:          "Wind turbines kill more birds than cats do.",
		Title:         "No, wind turbines do not kill more birds than cats",
		Context:       "A viral graphic compares bird deaths from turbines and pets.",
		Rating:        "False",
		Verdict:       claim.VerdictFalse,
		Publisher:     "Checks Example",
		PublisherSite: "https://checks.example/",
		URL:           "https://checks.example/2021/03/wind-turbines-birds/",
		ReviewDate:    "2021-03-04",
		Claimant:      "Viral Facebook post",
		ClaimDate:     "2021-03-01",
		Language:      "en",
	}
	teachers = claim.Claim{
		ID:            "https://verify.example/teachers-2019",
		Text:          "The city hired 28,500 new teachers in 2019.",
		Title:         "City teacher hiring figure is inflated",
		Rating:        "",
		Verdict:       claim.VerdictMostlyFalse, // ratingValue 2 on 1..5
		Publisher:     "Verify Example",
		PublisherSite: "verify.example",
		URL:           "https://verify.example/teachers-2019",
		ReviewDate:    "2020-01-15",
		Claimant:      "Mayor Jane Roe",
		ClaimDate:     "2019-12-30",
		Language:      "en",
	}
	hotWater = claim.Claim{
		ID:        "claim-32f3fd4937d34f7e", // sha256("Health Desk Example\x00" + text)[:8]
		Text:      "Drinking hot water cures the flu.",
		Rating:    "Unproven",
		Verdict:   claim.VerdictUnproven,
		Publisher: "Health Desk Example",
		Language:  "en-GB",
	}
	bridge = claim.Claim{
		ID:            "https://facts.example/2022/bridge-closure",
		Text:          "The river bridge will close for five years starting in September.",
		Title:         "The river bridge is not closing for five years",
		Rating:        "Mostly False",
		Verdict:       claim.VerdictMostlyFalse,
		Publisher:     "Facts Example",
		PublisherSite: "https://facts.example",
		URL:           "https://facts.example/2022/bridge-closure",
		ReviewDate:    "2022-08-09",
		Claimant:      "Anonymous WhatsApp message",
		ClaimDate:     "2022-08-05",
		Language:      "en-US",
	}
	feedItem = func(n, text, rating string, v claim.Verdict, date, claimant string) claim.Claim {
		return claim.Claim{
			ID: "https://feed.example/checks/" + n, Text: text, Rating: rating, Verdict: v,
			Publisher: "Feed Example", PublisherSite: "https://feed.example", URL: "https://feed.example/checks/" + n,
			ReviewDate: date, Claimant: claimant, Language: "en",
		}
	}
	pinkLake = claim.Claim{
		ID:            "https://news.example/fact-check/pink-lake",
		Text:          "Lake Example turned bright pink overnight because of a chemical spill.",
		Title:         "No, the lake did not turn pink overnight",
		Rating:        "Altered photo",
		Verdict:       claim.VerdictFalse, // unknown words, ratingValue 1 on 1..5
		Publisher:     "News Example",
		PublisherSite: "https://news.example",
		URL:           "https://news.example/fact-check/pink-lake",
		ReviewDate:    "2024-04-02",
		Claimant:      "@pinklakewatch",
		ClaimDate:     "2024-03-30",
		Language:      "en",
	}
)

func TestReadFileFormats(t *testing.T) {
	tests := []struct {
		file   string
		format Format
		want   []claim.Claim
	}{
		{"claimreview_object.json", FormatJSON, []claim.Claim{windTurbines}},
		{"claimreview_array.json", FormatJSON, []claim.Claim{teachers, hotWater}},
		{"claimreview_graph.json", FormatJSON, []claim.Claim{bridge}},
		{"datafeed.json", FormatJSON, []claim.Claim{
			feedItem("101", "A new law bans cash payments over 50 euros.", "Misleading", claim.VerdictMostlyFalse, "2023-02-01", ""),
			feedItem("102", "The photo shows the flood in the capital last week.", "Miscaptioned", claim.VerdictMostlyFalse, "2023-02-02", ""),
			feedItem("103", "The minister said schools will open on Saturdays.", "Correct Attribution", claim.VerdictTrue, "2023-02-03", "Education Minister"),
		}},
		{"article.html", FormatHTML, []claim.Claim{pinkLake}},
		{"factchecktools.json", FormatJSON, []claim.Claim{
			{
				ID:            "https://veggiefacts.example/carrots-night-vision",
				Text:          "Eating carrots gives you night vision.",
				Title:         "Carrots are good for your eyes, but they do not give night vision",
				Rating:        "Mostly False",
				Verdict:       claim.VerdictMostlyFalse,
				Publisher:     "Veggie Facts Example",
				PublisherSite: "veggiefacts.example",
				URL:           "https://veggiefacts.example/carrots-night-vision",
				ReviewDate:    "2020-11-05",
				Claimant:      "Social media posts",
				ClaimDate:     "2020-11-02",
				Language:      "en",
			},
			{
				// The same claim's second review is its own Claim.
				ID:            "https://checagem.example/cenoura-visao-noturna",
				Text:          "Eating carrots gives you night vision.",
				Title:         "Cenoura não dá visão noturna",
				Rating:        "Falso",
				Verdict:       claim.VerdictFalse,
				Publisher:     "Checagem Exemplo",
				PublisherSite: "checagem.example",
				URL:           "https://checagem.example/cenoura-visao-noturna",
				ReviewDate:    "2020-11-07",
				Claimant:      "Social media posts",
				ClaimDate:     "2020-11-02",
				Language:      "pt",
			},
			{
				ID:            "https://localcheck.example/parking-fines",
				Text:          "The town council doubled parking fines in 2021.",
				Title:         "Parking fines rose by half, not double",
				Rating:        "Half True",
				Verdict:       claim.VerdictMixed,
				Publisher:     "Local Check Example",
				PublisherSite: "localcheck.example",
				URL:           "https://localcheck.example/parking-fines",
				ReviewDate:    "2021-07-19",
				Language:      "en",
			},
		}},
		{"checkthat.jsonl", FormatCheckThat, []claim.Claim{
			{
				ID:        "vclaim-pf-0001",
				Text:      "Says the governor cut school funding by 40 percent.",
				Title:     "No, the governor did not cut school funding by 40%",
				Context:   "Funding fell by about 4 percent after inflation.",
				Rating:    "Pants on fire",
				Verdict:   claim.VerdictFalse,
				URL:       "https://politics.example/statements/2019/oct/24/governor-school-funding/",
				Claimant:  "State Party Example",
				ClaimDate: "2019-10-22", // from "stated on October 22, 2019 in a campaign mailer.:"
				Language:  "en",
			},
			{
				// No speaker: the date is the review's (Snopes-style rows).
				ID:         "vclaim-sn-0002",
				Text:       "A photograph shows a shark swimming on a flooded highway.",
				Title:      "Shark on the highway?",
				Rating:     "False",
				Verdict:    claim.VerdictFalse,
				URL:        "https://rumors.example/fact-check/shark-highway/",
				ReviewDate: "2015-05-26",
				Language:   "en",
			},
			{ID: "3", Text: "The bridge toll doubled in 2018.", Title: "Bridge toll", Language: "en"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", tt.file)
			data, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.Equal(t, tt.format, DetectFormat(data))

			got, warnings, err := ReadFile(path)
			require.NoError(t, err)
			assert.Empty(t, warnings)
			require.Len(t, got, len(tt.want))
			for i := range tt.want {
				assert.Equal(t, tt.want[i], got[i], "claim %d", i)
			}

			// The same bytes in memory, and gzipped, read the same.
			fromMemory, _, err := Read(path, data)
			require.NoError(t, err)
			assert.Equal(t, got, fromMemory)
			gz := filepath.Join(t.TempDir(), tt.file+".gz")
			writeGzip(t, gz, data)
			fromGz, _, err := ReadFile(gz)
			require.NoError(t, err)
			assert.Equal(t, got, fromGz)
		})
	}
}

func writeGzip(t *testing.T, path string, data []byte) {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, err := zw.Write(data)
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
}

// Inputs that cannot be read at all are an *Error that says where, and
// give no claims.
func TestReadErrors(t *testing.T) {
	tests := []struct {
		file string
		want string // the whole message after the file name
		line int    // Error.Line, 0 to skip
	}{
		{"syntax_error.json", ":5: invalid JSON: invalid character '\"' after object key:value pair", 5},
		{"trailing_garbage.json", ":2: invalid JSON: unexpected data after the top-level value", 2},
		{"no_claims.json", ": no claims found", 0},
		{"factchecktools_claims_not_array.json", ": no claims found", 0},
		{"unknown.txt", ":1: not a recognised corpus: expected ClaimReview JSON-LD or HTML, Fact Check Tools JSON, CheckThat! JSONL or a compiled index", 1},
		{"bad_script.html", ": no usable claims: testdata/bad/bad_script.html:8: invalid JSON in a JSON-LD block: invalid character '\"' after object key:value pair", 0},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", "bad", tt.file)
			got, _, err := ReadFile(path)
			require.Error(t, err)
			assert.Nil(t, got, "an unreadable input gives no claims")
			assert.Equal(t, path+tt.want, err.Error())
			var ce *Error
			require.ErrorAs(t, err, &ce)
			assert.Equal(t, path, ce.File)
			assert.Equal(t, tt.line, ce.Line)
		})
	}
}

// An input that fails part-way (a feed cut short) adds nothing to a
// collection, not the items before the break: it is reported whole.
func TestFailedInputAddsNothing(t *testing.T) {
	var c Collection
	require.NoError(t, c.ReadFile(filepath.Join("testdata", "claimreview_object.json")))
	require.NoError(t, c.ReadFile(filepath.Join("testdata", "skips", "javascript_url.json")))
	before, skipped := slices.Clone(c.Claims), slices.Clone(c.Skipped)
	data, err := os.ReadFile(filepath.Join("testdata", "datafeed.json"))
	require.NoError(t, err)
	cut := data[:bytes.LastIndex(data, []byte(`"item"`))]
	err = c.ReadFrom("cut.json", bytes.NewReader(cut), 0)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "cut.json:")
	assert.Contains(t, err.Error(), "unexpected end of input")
	assert.Equal(t, before, c.Claims)
	assert.Equal(t, skipped, c.Skipped)

	// The items of the cut feed were not remembered: the whole feed reads.
	require.NoError(t, c.ReadFrom("whole.json", bytes.NewReader(data), 0))
	assert.Len(t, c.Claims, len(before)+3)
	assert.Equal(t, skipped, c.Skipped)

	// A build of many inputs records the failed one and goes on.
	var e *Error
	require.ErrorAs(t, err, &e)
	c.SkipInput(e)
	assert.Equal(t, e.Error()+" (input not read)", c.Skipped[len(c.Skipped)-1].String())
}

// An item that cannot be used is skipped with a warning that says where
// and why; the rest of the input is kept.
func TestReadSkips(t *testing.T) {
	tests := []struct {
		file string
		kept int
		want []string // the warnings, after the file name
	}{
		{"checkthat_bad_url.jsonl", 1, []string{`:2: field "url": not an http(s) URL: javascript:void(0)`}},
		{"checkthat_duplicate.jsonl", 2, []string{`:4: duplicate id "ct-1" (first at testdata/skips/checkthat_duplicate.jsonl:1)`}},
		{"checkthat_missing_vclaim.jsonl", 2, []string{`:3: field "vclaim": missing`}},
		{"checkthat_not_object.jsonl", 1, []string{":2: each line must be a JSON object"}},
		{"checkthat_syntax.jsonl", 1, []string{":2: invalid JSON: invalid character 't' after object key:value pair"}},
		{"factchecktools_missing_text.json", 1, []string{":$.claims[1].text: missing or empty"}},
		{"factchecktools_no_reviews.json", 1, []string{":$.claims[0].claimReview: missing or empty"}},
		{"javascript_url.json", 1, []string{":$[1].url: not an http(s) URL: javascript:alert(document.cookie)"}},
		{"missing_claimreviewed.json", 1, []string{":$.dataFeedElement[1].item[0].claimReviewed: no claim text (claimReviewed, itemReviewed.name, name or description)"}},
		{"unresolvable_url.json", 1, []string{
			":$.dataFeedElement[1].item[0].url: relative URL with no page or publisher URL to resolve it against: /checks/2024/no-site",
			":$.dataFeedElement[2].item[0].url: URL without a host: https://",
			":$.dataFeedElement[3].item[0].url: not an http(s) URL: data:text/html,<b>x</b>",
		}},
		{"duplicate_review.json", 1, []string{":$[1]: the same review as testdata/skips/duplicate_review.json:$[0]"}},
		{"broken_block.html", 1, []string{":12: invalid JSON in a JSON-LD block: invalid character '\"' after object key:value pair"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", "skips", tt.file)
			got, warnings, err := ReadFile(path)
			require.NoError(t, err)
			assert.Len(t, got, tt.kept)
			var msgs []string
			for _, w := range warnings {
				assert.Equal(t, path, w.File)
				msgs = append(msgs, strings.TrimPrefix(w.String(), path))
			}
			assert.Equal(t, tt.want, msgs)
		})
	}
}

// The summary a build prints, over every input of testdata/skips: counts,
// the first reasons, "and N more". Run with -update after a deliberate
// change of wording.
func TestSkipSummaryGolden(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "skips", "*"))
	require.NoError(t, err)
	var c Collection
	for _, p := range paths {
		require.NoError(t, c.ReadFile(p))
	}
	require.NoError(t, c.ReadFile(filepath.Join("testdata", "shapes", "datacommons_feed.json")))
	var b strings.Builder
	b.WriteString(c.Summary(5) + "\n\n")
	for _, w := range c.Skipped {
		b.WriteString(w.String() + "\n")
	}
	golden := filepath.Join("testdata", "skips.golden")
	if *update {
		require.NoError(t, os.WriteFile(golden, []byte(b.String()), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run with -update to create %s", golden)
	assert.Equal(t, string(want), b.String())
	assert.Equal(t, c.Items(), len(c.Claims)+len(c.Skipped))

	assert.Equal(t, "indexed 13 of 36 items; skipped 23; ignored 1 MediaReview (not claim reviews)", c.Summary(0))
	assert.Regexp(t, `^indexed 13 of 36 items; skipped 23: [^;]+ and 22 more; ignored`, c.Summary(1))
	var none Collection
	assert.Equal(t, "indexed 0 of 0 items", none.Summary(5))
}

func TestReadMalformedInline(t *testing.T) {
	tests := []struct {
		name string
		data string
		want string
	}{
		{"empty", "", "x.json:1: not a recognised corpus"},
		{"blank", " \n\t\n", "x.json:1: not a recognised corpus"},
		{"plain text", "hello world", "not a recognised corpus"},
		{"truncated object", `{"@type": "ClaimReview", "claimReviewed": "cut`, "x.json:1:$.claimReviewed: invalid JSON: unexpected end of input"},
		{"truncated array", "[\n{\"@type\": \"ClaimReview\",\n", "x.json:3:$[0]: invalid JSON: unexpected end of input"},
		{"truncated feed", "{\"dataFeedElement\": [\n{\"item\": []},\n{\"item\": [", "x.json:3:$.dataFeedElement[1]: invalid JSON: unexpected end of input"},
		{"broken element", "[\n{\"a\": 1},\n\n{\"b\": 2,\n \"c\" 3}]", "x.json:5:$[1]: invalid JSON: invalid character '3' after object key"},
		{"trailing garbage after array", `[{"@type": "ClaimReview", "claimReviewed": "a"}] xyz`, "unexpected data after the top-level value"},
		{"empty array", "[]", "x.json: no claims found"},
		{"html without json-ld", "<html><body>nothing</body></html>", "x.json: no claims found"},
		{"only skipped items", `{"@type": "ClaimReview", "claimReviewed": {}}`, "x.json: no usable claims: x.json:$.claimReviewed: no claim text"},
		{"only media reviews", `[{"@type": "MediaReview", "url": "https://m.example/1"}]`, "x.json: no usable claims: nothing found"},
		{"checkthat vclaim wrong type", `{"vclaim_id": "a", "vclaim": ["x"]}`, `x.json: no usable claims: x.json:1: field "vclaim": must be a string`},
		{"bad gzip", "\x1f\x8b\x08\x00garbage", "x.json: bad gzip data"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := Read("x.json", []byte(tt.data))
			require.Error(t, err)
			assert.Nil(t, got)
			assert.Contains(t, err.Error(), tt.want)
			assert.NotContains(t, err.Error(), "\n", "one-line error")
		})
	}
}

func TestReadFileMissing(t *testing.T) {
	_, _, err := ReadFile(filepath.Join(t.TempDir(), "nope.json"))
	require.Error(t, err)
	assert.ErrorIs(t, err, os.ErrNotExist)
}

func TestReadGzipTruncated(t *testing.T) {
	data, err := os.ReadFile("testdata/checkthat.jsonl")
	require.NoError(t, err)
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, _ = zw.Write(data)
	require.NoError(t, zw.Close())
	path := filepath.Join(t.TempDir(), "cut.jsonl.gz")
	require.NoError(t, os.WriteFile(path, buf.Bytes()[:buf.Len()/2], 0o644))
	got, _, err := ReadFile(path)
	require.Error(t, err)
	assert.Nil(t, got)
	assert.Contains(t, err.Error(), "cut.jsonl.gz: bad gzip data")
}

func TestDetectFormat(t *testing.T) {
	tests := []struct {
		data string
		want Format
	}{
		{"", FormatUnknown},
		{"   ", FormatUnknown},
		{"plain", FormatUnknown},
		{"\xef\xbb\xbf[{}]", FormatJSON},
		{"\xef\xbb\xbf\n {}", FormatJSON},
		{"<!DOCTYPE html>", FormatHTML},
		{"[]", FormatJSON},
		{`{"@type": "ClaimReview"}`, FormatJSON},
		{`{"claims": []}`, FormatJSON},
		{`{"vclaim_id": "1", "vclaim": "x"}` + "\n", FormatCheckThat},
		{`{"vclaim": "x"}`, FormatCheckThat},
		{`{"broken": `, FormatJSON},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, DetectFormat([]byte(tt.data)), "%q", tt.data)
	}
	assert.Equal(t, "checkthat", FormatCheckThat.String())
	assert.Equal(t, "json", FormatJSON.String())
	assert.Equal(t, "unknown", FormatUnknown.String())
}

func TestLocationString(t *testing.T) {
	tests := []struct {
		loc  Location
		want string
	}{
		{Location{}, "<input>"},
		{Location{File: "f.json", Line: 3}, "f.json:3"},
		{Location{File: "f.json", Path: "$[0]", Field: "url"}, "f.json:$[0].url"},
		{Location{File: "p.html", Line: 12, Path: "$"}, "p.html:12:$"},
		{Location{File: "f.jsonl", Line: 2, Field: "vclaim"}, `f.jsonl:2: field "vclaim"`},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.loc.String())
		assert.Equal(t, tt.want+": m", (&Error{Location: tt.loc, Msg: "m"}).Error())
		assert.Equal(t, tt.want+": m", Warning{Location: tt.loc, Msg: "m"}.String())
	}
}
