package edge

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBufferedCopiesStatusHeadersAndBody(t *testing.T) {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Add("Vary", "Origin")
		w.WriteHeader(http.StatusTeapot)
		_, _ = w.Write([]byte(`{"a":`))
		_, _ = w.Write([]byte(`1}`))
		w.WriteHeader(http.StatusOK) // ignored, as net/http does
	})
	var sent []byte
	var calls int
	rr := httptest.NewRecorder()
	Buffered(h, func(w http.ResponseWriter, body []byte) {
		calls++
		sent = body
		WriteBody(w, body)
	}).ServeHTTP(rr, httptest.NewRequest("GET", "/x", nil))

	assert.Equal(t, 1, calls, "the body goes out in one piece")
	assert.Equal(t, `{"a":1}`, string(sent))
	assert.Equal(t, http.StatusTeapot, rr.Code)
	assert.Equal(t, "application/json", rr.Header().Get("Content-Type"))
	assert.Equal(t, "Origin", rr.Header().Get("Vary"))
	assert.Equal(t, "7", rr.Header().Get("Content-Length"))
	assert.Equal(t, `{"a":1}`, rr.Body.String())
}

func TestBufferedDefaults(t *testing.T) {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte("<html>hi")) })
	rr := httptest.NewRecorder()
	Buffered(h, nil).ServeHTTP(rr, httptest.NewRequest("GET", "/", nil))
	assert.Equal(t, http.StatusOK, rr.Code)
	assert.Equal(t, "text/html; charset=utf-8", rr.Header().Get("Content-Type"))
	assert.Equal(t, "<html>hi", rr.Body.String())
}

func TestBufferedSendsEmptyBodies(t *testing.T) {
	// The Worker's Sender must run even for empty bodies: it is what keeps
	// the library from reading its pipe.
	for _, tc := range []struct {
		name   string
		method string
		status int
		length string
	}{
		{"no content", "GET", http.StatusNoContent, ""},
		{"not modified", "GET", http.StatusNotModified, ""},
		{"head", "HEAD", http.StatusOK, "5"},
		{"empty ok", "GET", http.StatusOK, "0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(tc.status)
				if tc.status != http.StatusOK || r.Method == "HEAD" {
					_, _ = w.Write([]byte("hello"))
				}
			})
			called := false
			rr := httptest.NewRecorder()
			Buffered(h, func(w http.ResponseWriter, body []byte) {
				called = true
				assert.Empty(t, body)
			}).ServeHTTP(rr, httptest.NewRequest(tc.method, "/", nil))
			assert.True(t, called)
			assert.Equal(t, tc.status, rr.Code)
			assert.Equal(t, tc.length, rr.Header().Get("Content-Length"))
		})
	}
}

func TestBufferedRecoversPanics(t *testing.T) {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Partial", "1")
		_, _ = w.Write([]byte("partial"))
		panic("boom")
	})
	rr := httptest.NewRecorder()
	require.NotPanics(t, func() { Buffered(h, nil).ServeHTTP(rr, httptest.NewRequest("GET", "/", nil)) })
	assert.Equal(t, http.StatusInternalServerError, rr.Code)
	assert.Empty(t, rr.Header().Get("X-Partial"), "nothing of the failed response leaks")
	assert.JSONEq(t, `{"error":{"code":500,"message":"internal error","status":"INTERNAL"}}`, rr.Body.String())
}

// countingBody is a request body that counts what was read and whether it was closed.
type countingBody struct {
	r      io.Reader
	read   int
	closed bool
}

func (b *countingBody) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	b.read += n
	return n, err
}

func (b *countingBody) Close() error { b.closed = true; return nil }

func TestBufferedDrainsUnreadBodies(t *testing.T) {
	for _, tc := range []struct {
		name      string
		size      int
		declared  int64
		readFirst int64
		wantRead  int
	}{
		{"unread small", 1000, 0, 0, 1000},
		{"declared too big to drain", DrainLimit + 1, DrainLimit + 1, 0, 0},
		{"partly read", 3 << 20, 0, 1 << 20, 3 << 20},
		{"over the drain limit", DrainLimit + (2 << 20), 0, 1 << 20, (1 << 20) + DrainLimit},
		{"fully read", 500, 500, 1 << 30, 500},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := &countingBody{r: bytes.NewReader(make([]byte, tc.size))}
			h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				_, _ = io.CopyN(io.Discard, r.Body, tc.readFirst)
				w.WriteHeader(http.StatusRequestEntityTooLarge)
			})
			req := httptest.NewRequest("POST", "/v1/check", nil)
			req.Body = b
			req.ContentLength = tc.declared
			rr := httptest.NewRecorder()
			Buffered(h, nil).ServeHTTP(rr, req)
			assert.Equal(t, http.StatusRequestEntityTooLarge, rr.Code)
			assert.Equal(t, tc.wantRead, b.read)
			assert.True(t, b.closed)
		})
	}
}
