package api_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/factcheckwidget/factcheck/internal/api"
	"github.com/factcheckwidget/factcheck/internal/defaultcorpus"
	"github.com/factcheckwidget/factcheck/internal/engine"
)

// fuzzHandler is the API over the default corpus with a small body limit,
// so the fuzzer reaches the 413 path without megabyte inputs.
func fuzzHandler(f *testing.F) http.Handler {
	f.Helper()
	x, err := defaultcorpus.Index()
	if err != nil {
		f.Fatal(err)
	}
	now := time.Date(2025, 11, 20, 12, 0, 0, 0, time.UTC)
	return api.New(engine.New(x), api.Options{MaxBodyBytes: 64 << 10, Now: func() time.Time { return now }})
}

// checkResponse enforces the documented contract for any request: a JSON
// body, and only the statuses the package documents; never a 5xx.
func checkResponse(t *testing.T, rec *httptest.ResponseRecorder, allowed ...int) {
	t.Helper()
	code := rec.Code
	ok := false
	for _, a := range allowed {
		ok = ok || code == a
	}
	if !ok {
		t.Fatalf("status %d not in %v; body %.300q", code, allowed, rec.Body.String())
	}
	if !json.Valid(rec.Body.Bytes()) {
		t.Fatalf("status %d: body is not JSON: %.300q", code, rec.Body.String())
	}
	if code != http.StatusOK {
		var e api.Error
		if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e.Error.Code != code || e.Error.Message == "" || e.Error.Status == "" {
			t.Fatalf("status %d: malformed error body %.300q", code, rec.Body.String())
		}
	}
}

// FuzzCheckRequest posts arbitrary bodies with arbitrary Content-Type and
// Content-Length claims to /v1/check.
func FuzzCheckRequest(f *testing.F) {
	h := fuzzHandler(f)
	for _, s := range []string{
		`{"text": "The bridge collapsed in 2021."}`,
		`{"text": "Unemployment fell to 3.4% in March 2023.", "date": "2024-01-02", "maxMatches": 3}`,
		`{"text": ""}`, `{"text": 1}`, `{"text": "a", "extra": true}`, `{"text": "a"} {}`,
		`{"text": "a", "date": "2024-13-45"}`, `{"text": "a", "maxMatches": -1}`, `null`, `[]`, ``,
		"{\"text\": \"\xff\xfe broken utf8\"}", `{"text": "<script>alert(1)</script>"}`,
	} {
		f.Add([]byte(s), "application/json", int64(-1))
	}
	f.Add([]byte(`{"text": "x"}`), "text/plain", int64(1<<30))
	f.Add([]byte(`{"text": "x"}`), "", int64(3))
	f.Fuzz(func(t *testing.T, body []byte, contentType string, contentLength int64) {
		r := httptest.NewRequest(http.MethodPost, "/v1/check", bytes.NewReader(body))
		r.Header.Set("Content-Type", contentType)
		// A lying Content-Length is what a hostile client can send; -1 is "unknown".
		if contentLength >= -1 {
			r.ContentLength = contentLength
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		checkResponse(t, rec, http.StatusOK, http.StatusBadRequest, http.StatusRequestEntityTooLarge)
	})
}

// FuzzSearchQuery sends arbitrary query strings (including bad escapes and
// repeated keys) to claims:search.
func FuzzSearchQuery(f *testing.F) {
	h := fuzzHandler(f)
	for _, s := range []string{
		"query=bridge+collapsed", "query=vaccine&languageCode=en&pageSize=3",
		"reviewPublisherSiteFilter=https%3A%2F%2Fharborfactdesk.example%2F&maxAgeDays=30",
		"query=a&pageSize=-1", "query=a&pageSize=999999999999999999999", "query=a&offset=-5",
		"query=a&pageToken=%%%", "query=a&pageToken=AAAA", "query=%ff%fe", "", "query=&query=b",
		"query=a&maxAgeDays=1e9", "languageCode=en",
	} {
		f.Add(s, http.MethodGet)
	}
	f.Add("query=a", http.MethodHead)
	f.Add("query=a", http.MethodDelete)
	f.Fuzz(func(t *testing.T, rawQuery, method string) {
		if method != http.MethodGet && method != http.MethodHead {
			method = http.MethodGet // other methods are a fixed 405, covered by unit tests
		}
		r := httptest.NewRequest(method, "/v1alpha1/claims:search", nil)
		r.URL.RawQuery = rawQuery
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		if method == http.MethodHead {
			if rec.Code >= 500 {
				t.Fatalf("HEAD: status %d", rec.Code)
			}
			return
		}
		checkResponse(t, rec, http.StatusOK, http.StatusBadRequest)
	})
}
