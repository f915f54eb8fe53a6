// Package edge is the platform-free part of the Cloudflare Worker: it runs
// the API handler to completion in memory so the js/wasm entry can hand the
// runtime one finished response. It has no syscall/js, so it is unit-tested
// on the host.
package edge

import (
	"bytes"
	"io"
	"log"
	"net/http"
	"strconv"
)

// Sender delivers a finished response body to the platform. The status and
// headers are already on w when it is called.
type Sender func(w http.ResponseWriter, body []byte)

// WriteBody is the Sender for ordinary http.ResponseWriters.
func WriteBody(w http.ResponseWriter, body []byte) { _, _ = w.Write(body) }

// Buffered returns a handler that runs h into memory and then passes the
// status, headers and whole body to w through send.
//
// Why: syumai/workers streams a body through a pipe whose Close ends its
// Serve loop, i.e. the Go program, after the first response. The Worker keeps
// one Go instance for every request, so its Sender hands the body over as a
// raw JS value and the library never reads (or closes) that pipe. The API's
// responses are small JSON documents, so buffering costs nothing visible.
//
// A panic in h becomes a 500 instead of killing the instance that every
// later request would use.
func Buffered(h http.Handler, send Sender) http.Handler {
	if send == nil {
		send = WriteBody
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := newRecorder()
		var body *trackedBody
		if r.Body != nil && r.Body != http.NoBody {
			// A body declared larger than DrainLimit cannot be drained anyway.
			body = &trackedBody{ReadCloser: r.Body, eof: r.ContentLength > DrainLimit}
			r.Body = body
		}
		ok := serve(h, rec, r)
		if body != nil {
			body.finish()
		}
		if !ok {
			rec = newRecorder()
			rec.Header().Set("Content-Type", "application/json; charset=utf-8")
			rec.WriteHeader(http.StatusInternalServerError)
			rec.body.WriteString(`{"error":{"code":500,"message":"internal error","status":"INTERNAL"}}` + "\n")
		}
		rec.finish(r)
		dst := w.Header()
		for k, v := range rec.header {
			dst[k] = v
		}
		w.WriteHeader(rec.status)
		send(w, rec.body.Bytes())
	})
}

// DrainLimit is how much of a request body the handler left unread (a 413)
// Buffered reads and discards before answering. wrangler dev stalls the
// next request on an isolate when a body is left unread (cloudflare/miniflare
// issue 577); net/http's server drains for the same reason (keep-alive).
const DrainLimit = 4 << 20

// trackedBody remembers whether the handler read the body to its end, so
// finish costs nothing (no extra JS round trip) in the usual case.
type trackedBody struct {
	io.ReadCloser
	eof bool // read to the end, or not worth draining
}

func (b *trackedBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if err == io.EOF {
		b.eof = true
	}
	return n, err
}

// finish drains what is left, up to DrainLimit, and closes the body.
func (b *trackedBody) finish() {
	if !b.eof {
		_, _ = io.CopyN(io.Discard, b.ReadCloser, DrainLimit)
	}
	_ = b.ReadCloser.Close()
}

// serve runs h and reports whether it returned without panicking.
func serve(h http.Handler, w http.ResponseWriter, r *http.Request) (ok bool) {
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				return
			}
			log.Printf("worker: panic serving %s %s: %v", r.Method, r.URL.Path, v)
		}
	}()
	h.ServeHTTP(w, r)
	return true
}

// recorder is an http.ResponseWriter that keeps everything in memory.
type recorder struct {
	header      http.Header
	status      int
	wroteHeader bool
	body        bytes.Buffer
}

func newRecorder() *recorder { return &recorder{header: http.Header{}, status: http.StatusOK} }

func (r *recorder) Header() http.Header { return r.header }

func (r *recorder) WriteHeader(code int) {
	if r.wroteHeader {
		return
	}
	r.status, r.wroteHeader = code, true
}

func (r *recorder) Write(p []byte) (int, error) {
	r.WriteHeader(http.StatusOK)
	return r.body.Write(p)
}

// Flush is a no-op: the whole response is sent at the end anyway.
func (r *recorder) Flush() {}

// finish fills in what net/http's server would: a sniffed Content-Type, the
// Content-Length, and no body for HEAD or bodiless statuses.
func (r *recorder) finish(req *http.Request) {
	if !bodyAllowed(r.status) {
		r.body.Reset()
		r.header.Del("Content-Length")
		return
	}
	if r.body.Len() > 0 {
		if _, set := r.header["Content-Type"]; !set {
			r.header.Set("Content-Type", http.DetectContentType(r.body.Bytes()))
		}
	}
	r.header.Set("Content-Length", strconv.Itoa(r.body.Len()))
	if req.Method == http.MethodHead {
		r.body.Reset()
	}
}

func bodyAllowed(status int) bool {
	return !(status >= 100 && status < 200 || status == http.StatusNoContent || status == http.StatusNotModified)
}
