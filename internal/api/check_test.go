package api_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/api"
	"github.com/factcheckwidget/factcheck/internal/report"
)

func TestCheckArticle(t *testing.T) {
	srv := newServer(t, defaultChecker(t), api.Options{})
	text := "The chestnut vendors were busy. About 28,500 American troops are based in South Korea."
	for _, ct := range []string{"application/json", "text/plain;charset=UTF-8", ""} {
		resp, body := post(t, srv.URL+"/v1/check", ct, `{"text": `+jsonString(text)+`, "date": "2025-11-05"}`)
		require.Equal(t, http.StatusOK, resp.StatusCode, "body: %s", body)
		var a report.Article
		require.NoError(t, json.Unmarshal(body, &a))
		assert.Equal(t, "2025-11-05", a.Date)
		require.Len(t, a.Sentences, 2)
		assert.Empty(t, a.Sentences[0].Matches, "unrelated sentence: abstain")
		s := a.Sentences[1]
		assert.Equal(t, len([]rune("The chestnut vendors were busy. ")), s.Start)
		require.NotEmpty(t, s.Matches)
		m := s.Matches[0]
		assert.Equal(t, "match", m.Tier)
		require.NotNil(t, m.Claim)
		assert.Contains(t, m.Claim.Text, "28,500")
		assert.NotEmpty(t, m.Summary)
		assert.NotNil(t, m.Flags, "flags is a list, never null")
	}
}

func TestCheckMaxMatches(t *testing.T) {
	srv := newServer(t, defaultChecker(t), api.Options{})
	resp, body := post(t, srv.URL+"/v1/check", "application/json", `{"text": "Hegseth said South Korea should lead.", "maxMatches": 1}`)
	require.Equal(t, http.StatusOK, resp.StatusCode, "body: %s", body)
	var a report.Article
	require.NoError(t, json.Unmarshal(body, &a))
	for _, s := range a.Sentences {
		assert.LessOrEqual(t, len(s.Matches), 1)
	}
}

func TestCheckBadRequests(t *testing.T) {
	srv := newServer(t, defaultChecker(t), api.Options{})
	tests := []struct{ name, body, inMsg string }{
		{"empty body", ``, "empty"},
		{"not JSON", `text=hello`, "JSON"},
		{"truncated JSON", `{"text": "a`, "JSON"},
		{"array", `["a"]`, "JSON"},
		{"text missing", `{"date": "2025-11-05"}`, "text"},
		{"text blank", `{"text": "  \n "}`, "text"},
		{"text wrong type", `{"text": 5}`, "text"},
		{"unknown field", `{"text": "a b c", "txt": "x"}`, "txt"},
		{"lang not a language tag", `{"text": "a b c", "lang": "português"}`, "lang"},
		{"bad date", `{"text": "a b c", "date": "5 Nov 2025"}`, "date"},
		{"impossible date", `{"text": "a b c", "date": "2025-02-30"}`, "date"},
		{"maxMatches too big", `{"text": "a b c", "maxMatches": 11}`, "maxMatches"},
		{"two values", `{"text": "a"} {"text": "b"}`, "more than one"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := post(t, srv.URL+"/v1/check", "application/json", tc.body)
			e := requireError(t, resp, body, http.StatusBadRequest, "INVALID_ARGUMENT")
			assert.Contains(t, e.Message, tc.inMsg)
		})
	}
}

func TestCheckBodyLimit(t *testing.T) {
	srv := newServer(t, defaultChecker(t), api.Options{MaxBodyBytes: 100})
	ok := `{"text": "About 28,500 American troops are based in South Korea."}`
	resp, body := post(t, srv.URL+"/v1/check", "application/json", ok)
	require.Equal(t, http.StatusOK, resp.StatusCode, "body: %s", body)

	big := `{"text": "` + strings.Repeat("troops ", 20) + `"}`
	resp, body = post(t, srv.URL+"/v1/check", "application/json", big)
	requireError(t, resp, body, http.StatusRequestEntityTooLarge, "PAYLOAD_TOO_LARGE")

	// Without a Content-Length the limit holds while reading.
	req, err := http.NewRequest(http.MethodPost, srv.URL+"/v1/check", struct{ *strings.Reader }{strings.NewReader(big)})
	require.NoError(t, err)
	req.ContentLength = -1
	resp, body = do(t, req)
	requireError(t, resp, body, http.StatusRequestEntityTooLarge, "PAYLOAD_TOO_LARGE")
}

func TestCheckDefaultBodyLimitIsOneMiB(t *testing.T) {
	srv := newServer(t, defaultChecker(t), api.Options{})
	big := `{"text": "` + strings.Repeat("a", api.DefaultMaxBodyBytes) + `"}`
	resp, body := post(t, srv.URL+"/v1/check", "application/json", big)
	requireError(t, resp, body, http.StatusRequestEntityTooLarge, "PAYLOAD_TOO_LARGE")
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
