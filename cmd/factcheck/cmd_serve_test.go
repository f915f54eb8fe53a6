package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/api"
	"github.com/factcheckwidget/factcheck/web/site"
)

func TestServeShutsDownWhenAsked(t *testing.T) {
	c, err := loadChecker("", io.Discard)
	require.NoError(t, err)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	srv := &http.Server{Handler: site.New(c, site.Options{API: api.New(c, api.Options{})})}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	var stderr bytes.Buffer
	go func() { done <- serveUntil(ctx, srv, ln, &stderr) }()

	resp, err := http.Get("http://" + ln.Addr().String() + "/healthz")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)

	cancel()
	select {
	case err := <-done:
		require.NoError(t, err)
	case <-time.After(15 * time.Second):
		t.Fatal("server did not shut down")
	}
	assert.Contains(t, stderr.String(), "shutting down")
	_, err = http.Get("http://" + ln.Addr().String() + "/healthz")
	assert.Error(t, err, "listener closed")
}

func TestServeAndSiteUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"serve", "--nope"}, 2, "serve:"},
		{[]string{"serve", "extra"}, 2, "unexpected argument"},
		{[]string{"serve", "--corpus", "/nonexistent/corpus.json"}, 1, "no such file"},
		{[]string{"serve", "--addr", "256.0.0.1:bad"}, 1, ""},
		{[]string{"site"}, 2, "-o DIR is required"},
		{[]string{"site", "-o", t.TempDir(), "extra"}, 2, "unexpected argument"},
	}
	for _, tc := range tests {
		var stdout, stderr bytes.Buffer
		code := run(tc.args, &stdout, &stderr)
		assert.Equal(t, tc.code, code, "%v: %s", tc.args, stderr.String())
		assert.Contains(t, stderr.String(), tc.msg, "%v", tc.args)
	}
}

func TestSiteWritesStaticFiles(t *testing.T) {
	assets := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(assets, "factcheck.js"), []byte("// widget"), 0o644))
	require.NoError(t, os.MkdirAll(filepath.Join(assets, "sub"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(assets, "sub", "x.txt"), []byte("x"), 0o644))
	out := filepath.Join(t.TempDir(), "site")
	var stdout, stderr bytes.Buffer
	require.Equal(t, 0, run([]string{"site", "-o", out, "--assets", assets, "--origin", "https://fc.example"}, &stdout, &stderr), stderr.String())
	for _, f := range []string{"index.html", "demo/index.html", "check/index.html", "embed/index.html",
		"claims/index.html", "claims/page/2/index.html", "404.html", "site/site.css", "site/check.js",
		"static/factcheck.js", "static/sub/x.txt"} {
		assert.FileExists(t, filepath.Join(out, f))
	}
	embed, err := os.ReadFile(filepath.Join(out, "embed/index.html"))
	require.NoError(t, err)
	assert.Contains(t, string(embed), "https://fc.example/static/factcheck.js")

	// Without assets the pages are still written, with a warning.
	out2 := t.TempDir()
	stderr.Reset()
	require.Equal(t, 0, run([]string{"site", "-o", out2, "--assets", filepath.Join(assets, "missing")}, &stdout, &stderr))
	assert.Contains(t, stderr.String(), "make wasm")
	assert.FileExists(t, filepath.Join(out2, "demo/index.html"))
}
