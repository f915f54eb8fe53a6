package corpus

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/claim"
)

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
		{"claimreview_object.json", FormatClaimReview, []claim.Claim{windTurbines}},
		{"claimreview_array.json", FormatClaimReview, []claim.Claim{teachers, hotWater}},
		{"claimreview_graph.json", FormatClaimReview, []claim.Claim{bridge}},
		{"datafeed.json", FormatClaimReview, []claim.Claim{
			feedItem("101", "A new law bans cash payments over 50 euros.", "Misleading", claim.VerdictMostlyFalse, "2023-02-01", ""),
			feedItem("102", "The photo shows the flood in the capital last week.", "Miscaptioned", claim.VerdictMostlyFalse, "2023-02-02", ""),
			feedItem("103", "The minister said schools will open on Saturdays.", "Correct Attribution", claim.VerdictTrue, "2023-02-03", "Education Minister"),
		}},
		{"article.html", FormatHTML, []claim.Claim{pinkLake}},
		{"factchecktools.json", FormatFactCheckAPI, []claim.Claim{
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

			got, err := ReadFile(path)
			require.NoError(t, err)
			require.Len(t, got, len(tt.want))
			for i := range tt.want {
				assert.Equal(t, tt.want[i], got[i], "claim %d", i)
			}

			// The same bytes gzipped read the same.
			gz := filepath.Join(t.TempDir(), tt.file+".gz")
			writeGzip(t, gz, data)
			fromGz, err := ReadFile(gz)
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

func TestReadFileMalformed(t *testing.T) {
	tests := []struct {
		file string
		want []string // substrings of the error message
		line int      // Error.Line, 0 to skip
		path string   // Error.Path, "" to skip
		fld  string   // Error.Field, "" to skip
	}{
		{file: "syntax_error.json", want: []string{"bad/syntax_error.json:5: invalid JSON"}, line: 5},
		{file: "missing_claimreviewed.json",
			want: []string{"$.dataFeedElement[1].item[0].claimReviewed", "missing or empty"},
			path: "$.dataFeedElement[1].item[0]", fld: "claimReviewed"},
		{file: "javascript_url.json", want: []string{"$.url", "not an http(s) URL", "javascript:"}, path: "$", fld: "url"},
		{file: "rating_without_value.json", want: []string{"$[1].reviewRating.alternateName"}, path: "$[1].reviewRating", fld: "alternateName"},
		{file: "trailing_garbage.json", want: []string{"bad/trailing_garbage.json:", "unexpected data after the top-level value"}},
		{file: "no_claims.json", want: []string{"no claims found"}},
		{file: "unknown.txt", want: []string{"bad/unknown.txt:1:", "not a recognised corpus"}, line: 1},
		{file: "checkthat_missing_vclaim.jsonl", want: []string{`bad/checkthat_missing_vclaim.jsonl:3: field "vclaim": missing`}, line: 3, fld: "vclaim"},
		{file: "checkthat_duplicate.jsonl", want: []string{`checkthat_duplicate.jsonl:4: field "vclaim_id"`, "duplicate id ct-1 (first on line 1)"}, line: 4, fld: "vclaim_id"},
		{file: "checkthat_syntax.jsonl", want: []string{"bad/checkthat_syntax.jsonl:2: invalid JSON"}, line: 2},
		{file: "checkthat_bad_url.jsonl", want: []string{`checkthat_bad_url.jsonl:1: field "url"`, "not an http(s) URL"}, line: 1, fld: "url"},
		{file: "checkthat_not_object.jsonl", want: []string{"checkthat_not_object.jsonl:2:", "must be a JSON object"}, line: 2},
		{file: "factchecktools_missing_text.json", want: []string{"$.claims[1].text: missing or empty"}, path: "$.claims[1]", fld: "text"},
		{file: "factchecktools_no_reviews.json", want: []string{"$.claims[0].claimReview: missing or empty"}, fld: "claimReview"},
		{file: "factchecktools_claims_not_array.json", want: []string{"$.claims: must be an array"}, fld: "claims"},
		{file: "bad_script.html", want: []string{"bad/bad_script.html:8: invalid JSON"}, line: 8},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", "bad", tt.file)
			got, err := ReadFile(path)
			require.Error(t, err)
			assert.Nil(t, got, "a malformed corpus returns no partial list")
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
			var ce *Error
			require.ErrorAs(t, err, &ce)
			assert.Equal(t, path, ce.File)
			if tt.line != 0 {
				assert.Equal(t, tt.line, ce.Line)
			}
			if tt.path != "" {
				assert.Equal(t, tt.path, ce.Path)
			}
			if tt.fld != "" {
				assert.Equal(t, tt.fld, ce.Field)
			}
			assert.NotContains(t, err.Error(), "\n", "one-line error")
		})
	}
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
		{"truncated object", `{"@type": "ClaimReview", "claimReviewed": "cut`, "x.json:1: invalid JSON"},
		{"truncated array", "[\n{\"@type\": \"ClaimReview\",\n", "x.json:3: invalid JSON"},
		{"trailing garbage after array", `[{"@type": "ClaimReview", "claimReviewed": "a"}] xyz`, "unexpected data after the top-level value"},
		{"empty array", "[]", "no claims found"},
		{"html without json-ld", "<html><body>nothing</body></html>", "no claims found"},
		{"claimReviewed not text", `{"@type": "ClaimReview", "claimReviewed": {}}`, "$.claimReviewed: missing or empty"},
		{"checkthat vclaim wrong type", `{"vclaim_id": "a", "vclaim": ["x"]}`, `x.json:1: field "vclaim": must be a string`},
		{"checkthat empty id", `{"vclaim_id": "", "vclaim": "x"}`, `field "vclaim_id": empty`},
		{"checkthat empty vclaim", `{"vclaim_id": "a", "vclaim": "  "}`, `field "vclaim": empty`},
		{"checkthat trailing garbage on a line", "{\"vclaim_id\": \"a\", \"vclaim\": \"x\"}\n{\"vclaim_id\": \"b\", \"vclaim\": \"y\"} junk\n", "x.json:2: invalid JSON: unexpected data"},
		{"fact check tools review not object", `{"claims": [{"text": "t", "claimReview": ["x"]}]}`, "$.claims[0].claimReview[0]: claimReview must be an object"},
		{"fact check tools bad url", `{"claims": [{"text": "t", "claimReview": [{"url": "ftp://x.example/a"}]}]}`, "$.claims[0].claimReview[0].url: not an http(s) URL"},
		{"bad gzip", "\x1f\x8b\x08\x00garbage", "bad gzip data"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []claim.Claim
			var err error
			if tt.name == "bad gzip" {
				path := filepath.Join(t.TempDir(), "x.json")
				require.NoError(t, os.WriteFile(path, []byte(tt.data), 0o644))
				got, err = ReadFile(path)
			} else {
				got, err = Read("x.json", []byte(tt.data))
			}
			require.Error(t, err)
			assert.Nil(t, got)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestReadFileMissing(t *testing.T) {
	_, err := ReadFile(filepath.Join(t.TempDir(), "nope.json"))
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
	got, err := ReadFile(path)
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
		{"\xef\xbb\xbf[{}]", FormatClaimReview},
		{"<!DOCTYPE html>", FormatHTML},
		{"[]", FormatClaimReview},
		{`{"@type": "ClaimReview"}`, FormatClaimReview},
		{`{"claims": []}`, FormatFactCheckAPI},
		{`{"nextPageToken": "x", "claims": []}`, FormatFactCheckAPI},
		{`{"vclaim_id": "1", "vclaim": "x"}` + "\n", FormatCheckThat},
		{`{"vclaim": "x"}`, FormatCheckThat},
		{`{"broken": `, FormatClaimReview},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, DetectFormat([]byte(tt.data)), "%q", tt.data)
	}
	assert.Equal(t, "checkthat", FormatCheckThat.String())
	assert.Equal(t, "factchecktools", FormatFactCheckAPI.String())
	assert.Equal(t, "unknown", FormatUnknown.String())
}

func TestErrorString(t *testing.T) {
	tests := []struct {
		err  Error
		want string
	}{
		{Error{Msg: "m"}, "<input>: m"},
		{Error{File: "f.json", Line: 3, Msg: "m"}, "f.json:3: m"},
		{Error{File: "f.json", Path: "$[0]", Field: "url", Msg: "m"}, "f.json: $[0].url: m"},
		{Error{File: "f.jsonl", Line: 2, Field: "vclaim", Msg: "m"}, `f.jsonl:2: field "vclaim": m`},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.err.Error())
	}
}
