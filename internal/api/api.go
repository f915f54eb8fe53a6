// Package api serves the HTTP API of the fact-check engine. One handler
// runs everywhere: `factcheck serve` mounts it next to the site, and the
// Cloudflare Worker mounts the same api.New(...) through syumai/workers. So
// it holds only net/http code: no goroutines outlive a request, no
// filesystem, no templates.
//
// Routes (anything else under the handler is a 404 JSON error; OPTIONS on
// a route answers a CORS preflight):
//
//	GET  /v1alpha1/claims:search  Google Fact Check Tools API shape (SearchResponse)
//	POST /v1/check                check a sentence or an article (CheckRequest → report.Article)
//	GET  /healthz                 corpus name, claim count, index format version (Health)
//
// claims:search takes the parameters of Google's claims.search; others,
// such as Google's "key", "fields" or "prettyPrint", are ignored:
//
//	query                      keywords, at most 2,000 bytes. Every claim whose text or
//	                           review title holds any of its words is returned, those
//	                           with all of them first, then by BM25 score, newest
//	                           date, index order (claimsearch.Searcher.Search).
//	                           Required unless reviewPublisherSiteFilter is given;
//	                           without it that publisher's claims are listed newest
//	                           first.
//	reviewPublisherSiteFilter  reviewer site, e.g. "harborfactdesk.example" (a URL
//	                           works too); subdomains match
//	languageCode               BCP 47 tag; as in Google's API the region is not
//	                           considered: "en-GB" and "en" both keep en, en-US and
//	                           en-GB claims. A tag that is not well-formed is a 400.
//	maxAgeDays                 only claims dated within this many days of Options.Now,
//	                           by the newer of review and claim date as Google does
//	                           (undated claims drop out); 0 = no limit
//	pageSize                   default 10 (also for 0); above 100 is coerced to 100
//	                           (Google's AIP-158 pagination rule)
//	pageToken                  nextPageToken of the previous page; valid only with the
//	                           same query and filters, else 400
//	offset                     start index when there is no pageToken (Google has it too)
//
// Integer parameters are int32 >= 0, as in Google's API; anything else is a
// 400. The order is total, so paging with nextPageToken until it is absent
// returns every result exactly once.
//
// Errors have the shape Google APIs use:
//
//	{"error": {"code": 400, "message": "pageSize: not an integer", "status": "INVALID_ARGUMENT"}}
//
// with status INVALID_ARGUMENT (400), NOT_FOUND (404), METHOD_NOT_ALLOWED
// (405, with an Allow header) or PAYLOAD_TOO_LARGE (413).
package api

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/factcheckwidget/factcheck/internal/claimsearch"
	"github.com/factcheckwidget/factcheck/internal/engine"
	"github.com/factcheckwidget/factcheck/internal/index"
)

// Options configure the handler. The zero value is ready to use.
type Options struct {
	// AllowedOrigins are the origins browsers may call the API from (CORS).
	// Empty means ["*"]: any page may call it, which suits a public,
	// read-only API without cookies. Otherwise the request's Origin is
	// echoed back only when it is listed exactly ("https://news.example").
	AllowedOrigins []string
	// MaxBodyBytes caps a request body; a larger one gets 413. Zero or
	// less means DefaultMaxBodyBytes.
	MaxBodyBytes int64
	// Now is the clock claims:search measures maxAgeDays against; nil
	// means time.Now. Tests inject a fixed time.
	Now func() time.Time
}

// DefaultMaxBodyBytes is the request body limit when Options leave it 0.
const DefaultMaxBodyBytes = 1 << 20

type handler struct {
	corpus Corpus
	opt    Options
	routes map[string]route
}

type route struct {
	methods []string // allowed methods besides OPTIONS (CORS preflight)
	serve   func(http.ResponseWriter, *http.Request)
}

// New returns the API handler over checker c.
func New(c *engine.Checker, opt Options) http.Handler {
	return NewCorpus(&indexCorpus{c: c, claims: claimsearch.New(c.Index())}, opt)
}

// NewCorpus returns the API handler over any Corpus (a sharded one).
func NewCorpus(corpus Corpus, opt Options) http.Handler {
	if len(opt.AllowedOrigins) == 0 {
		opt.AllowedOrigins = []string{"*"}
	}
	if opt.MaxBodyBytes <= 0 {
		opt.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	h := &handler{corpus: corpus, opt: opt}
	h.routes = map[string]route{
		"/v1alpha1/claims:search": {[]string{http.MethodGet, http.MethodHead}, h.search},
		"/v1/check":               {[]string{http.MethodPost}, h.check},
		"/healthz":                {[]string{http.MethodGet, http.MethodHead}, h.health},
	}
	return h
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Content-Type-Options", "nosniff")
	h.cors(w, r)
	rt, ok := h.routes[r.URL.Path]
	if !ok {
		writeError(w, http.StatusNotFound, "no API route "+r.URL.Path)
		return
	}
	allow := strings.Join(append(slices.Clone(rt.methods), http.MethodOptions), ", ")
	if r.Method == http.MethodOptions {
		w.Header().Set("Allow", allow)
		w.Header().Set("Access-Control-Allow-Methods", allow)
		w.Header().Set("Access-Control-Allow-Headers", "Content-Type")
		w.Header().Set("Access-Control-Max-Age", "86400")
		w.WriteHeader(http.StatusNoContent)
		return
	}
	if !slices.Contains(rt.methods, r.Method) {
		w.Header().Set("Allow", allow)
		writeError(w, http.StatusMethodNotAllowed, r.Method+" is not allowed on "+r.URL.Path+"; use "+allow)
		return
	}
	rt.serve(w, r)
}

// cors sets Access-Control-Allow-Origin for allowed origins.
func (h *handler) cors(w http.ResponseWriter, r *http.Request) {
	if slices.Contains(h.opt.AllowedOrigins, "*") {
		w.Header().Set("Access-Control-Allow-Origin", "*")
		return
	}
	w.Header().Add("Vary", "Origin") // the answer depends on the caller
	if o := r.Header.Get("Origin"); o != "" && slices.Contains(h.opt.AllowedOrigins, o) {
		w.Header().Set("Access-Control-Allow-Origin", o)
	}
}

// Health is the /healthz body.
type Health struct {
	Status string       `json:"status"`
	Corpus HealthCorpus `json:"corpus"`
}

// HealthCorpus describes the served corpus.
type HealthCorpus struct {
	Name        string `json:"name"`
	Claims      int    `json:"claims"`
	IndexFormat int    `json:"indexFormatVersion"`
}

func (h *handler) health(w http.ResponseWriter, r *http.Request) {
	name, claims := h.corpus.Info()
	writeJSON(w, http.StatusOK, Health{Status: "ok",
		Corpus: HealthCorpus{Name: name, Claims: claims, IndexFormat: index.Version}})
}

// Error is the JSON error body.
type Error struct {
	Error ErrorDetail `json:"error"`
}

// ErrorDetail says what went wrong.
type ErrorDetail struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
	Status  string `json:"status"`
}

var statusNames = map[int]string{
	http.StatusBadRequest:            "INVALID_ARGUMENT",
	http.StatusNotFound:              "NOT_FOUND",
	http.StatusMethodNotAllowed:      "METHOD_NOT_ALLOWED",
	http.StatusRequestEntityTooLarge: "PAYLOAD_TOO_LARGE",
	http.StatusInternalServerError:   "INTERNAL",
}

func writeError(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, code, Error{ErrorDetail{Code: code, Message: msg, Status: statusNames[code]}})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v) // a failed write means the client left
}
