package api_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/api"
	"github.com/factcheckwidget/factcheck/internal/index"
)

func TestHealth(t *testing.T) {
	srv := newServer(t, defaultChecker(t), api.Options{})
	resp, body := get(t, srv.URL+"/healthz")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	var h api.Health
	require.NoError(t, json.Unmarshal(body, &h))
	assert.Equal(t, api.Health{Status: "ok", Corpus: api.HealthCorpus{Name: "default", Claims: 61, IndexFormat: index.Version}}, h)
}

func TestRoutingErrors(t *testing.T) {
	srv := newServer(t, defaultChecker(t), api.Options{})
	tests := []struct {
		method, path string
		code         int
		status       string
		allow        string
	}{
		{"GET", "/", 404, "NOT_FOUND", ""},
		{"GET", "/v1/nope", 404, "NOT_FOUND", ""},
		{"GET", "/v1alpha1/claims", 404, "NOT_FOUND", ""},
		{"POST", "/v1/check/extra", 404, "NOT_FOUND", ""},
		{"GET", "/v1/check", 405, "METHOD_NOT_ALLOWED", "POST, OPTIONS"},
		{"PUT", "/v1/check", 405, "METHOD_NOT_ALLOWED", "POST, OPTIONS"},
		{"POST", "/v1alpha1/claims:search", 405, "METHOD_NOT_ALLOWED", "GET, HEAD, OPTIONS"},
		{"DELETE", "/healthz", 405, "METHOD_NOT_ALLOWED", "GET, HEAD, OPTIONS"},
	}
	for _, tc := range tests {
		t.Run(tc.method+" "+tc.path, func(t *testing.T) {
			req, err := http.NewRequest(tc.method, srv.URL+tc.path, nil)
			require.NoError(t, err)
			resp, body := do(t, req)
			requireError(t, resp, body, tc.code, tc.status)
			assert.Equal(t, tc.allow, resp.Header.Get("Allow"))
		})
	}
}

func TestCORS(t *testing.T) {
	anyOrigin := newServer(t, defaultChecker(t), api.Options{})
	listed := newServer(t, defaultChecker(t), api.Options{AllowedOrigins: []string{"https://news.example"}})
	tests := []struct {
		name   string
		srv    string
		origin string
		want   string
	}{
		{"default allows any origin", anyOrigin.URL, "https://blog.example", "*"},
		{"default without Origin", anyOrigin.URL, "", "*"},
		{"listed origin echoed", listed.URL, "https://news.example", "https://news.example"},
		{"unlisted origin refused", listed.URL, "https://evil.example", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req, err := http.NewRequest(http.MethodGet, tc.srv+"/v1alpha1/claims:search?query=troops", nil)
			require.NoError(t, err)
			if tc.origin != "" {
				req.Header.Set("Origin", tc.origin)
			}
			resp, _ := do(t, req)
			assert.Equal(t, http.StatusOK, resp.StatusCode)
			assert.Equal(t, tc.want, resp.Header.Get("Access-Control-Allow-Origin"))
			if tc.srv == listed.URL {
				assert.Contains(t, resp.Header.Values("Vary"), "Origin")
			}
		})
	}
	t.Run("preflight", func(t *testing.T) {
		req, err := http.NewRequest(http.MethodOptions, listed.URL+"/v1/check", nil)
		require.NoError(t, err)
		req.Header.Set("Origin", "https://news.example")
		req.Header.Set("Access-Control-Request-Method", "POST")
		req.Header.Set("Access-Control-Request-Headers", "content-type")
		resp, _ := do(t, req)
		assert.Equal(t, http.StatusNoContent, resp.StatusCode)
		assert.Equal(t, "https://news.example", resp.Header.Get("Access-Control-Allow-Origin"))
		assert.Equal(t, "POST, OPTIONS", resp.Header.Get("Access-Control-Allow-Methods"))
		assert.Equal(t, "Content-Type", resp.Header.Get("Access-Control-Allow-Headers"))
	})
	t.Run("errors carry CORS too", func(t *testing.T) {
		resp, _ := get(t, anyOrigin.URL+"/v1alpha1/claims:search")
		assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
		assert.Equal(t, "*", resp.Header.Get("Access-Control-Allow-Origin"))
	})
}

// The handler must work without a server: the Worker calls ServeHTTP on
// its own ResponseWriter.
func TestHandlerWithoutServer(t *testing.T) {
	h := api.New(defaultChecker(t), api.Options{})
	req, err := http.NewRequest(http.MethodGet, "/v1alpha1/claims:search?query=OPCON+1994", nil)
	require.NoError(t, err)
	rec := newRecorder()
	h.ServeHTTP(rec, req)
	assert.Equal(t, http.StatusOK, rec.Code)
	assert.Contains(t, rec.Body.String(), "1994")
}
