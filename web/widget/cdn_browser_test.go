package widget

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/factcheckwidget/factcheck/internal/browsertest"
	"github.com/stretchr/testify/assert"
)

// TestServedFromAnotherOrigin embeds the widget from a "CDN" origin: the
// worker then starts through a same-origin blob shim, and the wasm and the
// corpus are fetched with CORS. Requests go to the page's origin and the
// widget's, nowhere else.
func TestServedFromAnotherOrigin(t *testing.T) {
	files := http.FileServer(http.Dir(assetDir))
	cdn := httptest.NewServer(http.StripPrefix("/fc/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", "*")
		files.ServeHTTP(w, r)
	})))
	t.Cleanup(cdn.Close)
	html := strings.Replace(page("CDN", testArticle, ""), `src="/fc/factcheck.js"`, `src="`+cdn.URL+`/fc/factcheck.js"`, 1)
	srv := serve(t, map[string]string{"/article": html})

	proxy := browsertest.NewProxy(t)
	ctx := browsertest.New(t, proxy.Options()...)
	load(t, ctx, srv.URL+"/article", 30*time.Second)
	assert.Contains(t, texts(highlighted(t, ctx)), usfk)
	assert.Empty(t, proxy.Foreign(srv.URL, cdn.URL))
	assert.Contains(t, proxy.URLs(), cdn.URL+"/fc/factcheck.wasm")
}
