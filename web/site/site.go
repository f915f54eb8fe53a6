// Package site is the product's web site: templ pages for what the widget
// is (/), the demo article (/demo/), checking by hand (/check/), browsing
// the corpus (/claims/) and embedding (/embed/). New serves them with the
// API and the widget assets; WriteStatic writes the same pages as files.
package site

import (
	"context"
	"embed"
	"errors"
	"io/fs"
	"net/http"
	"strings"
	"time"

	"github.com/a-h/templ"

	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/claimsearch"
	"github.com/factcheckwidget/factcheck/internal/defaultcorpus"
	"github.com/factcheckwidget/factcheck/internal/engine"
)

//go:embed assets
var assets embed.FS

// Options configure the server.
type Options struct {
	// API serves /v1alpha1/, /v1/ and /healthz (normally api.New); nil
	// leaves them 404.
	API http.Handler
	// Assets serves the widget build (factcheck.js, the wasm, default.fcx)
	// under /static/; nil leaves /static/ 404.
	Assets http.FileSystem
	// MaxFormBytes caps a /check form POST; 0 means 1 MiB.
	MaxFormBytes int64
}

// PageSize is how many claims a /claims page lists.
const PageSize = 20

// Site renders the pages of one corpus.
type Site struct {
	c      *engine.Checker
	claims *claimsearch.Searcher
}

// NewSite prepares the pages of checker c's corpus.
func NewSite(c *engine.Checker) *Site {
	return &Site{c: c, claims: claimsearch.New(c.Index())}
}

// New returns the whole server: pages, site assets, widget assets and API.
func New(c *engine.Checker, opt Options) http.Handler {
	if opt.MaxFormBytes <= 0 {
		opt.MaxFormBytes = 1 << 20
	}
	s := NewSite(c)
	mux := http.NewServeMux()
	page := func(render func(r *http.Request) templ.Component) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) { s.write(w, r, http.StatusOK, render(r)) }
	}
	mux.HandleFunc("GET /{$}", page(func(*http.Request) templ.Component { return s.Home() }))
	mux.HandleFunc("GET /demo/{$}", page(func(*http.Request) templ.Component { return s.Demo() }))
	mux.HandleFunc("GET /embed/{$}", page(func(r *http.Request) templ.Component { return s.Embed(origin(r)) }))
	mux.HandleFunc("GET /claims/{$}", page(func(r *http.Request) templ.Component {
		q := r.URL.Query()
		return s.Claims(q.Get("q"), q.Get("rating"), q.Get("publisher"), atoiOr(q.Get("page"), 1), serverPageURL(q))
	}))
	mux.HandleFunc("GET /check/{$}", page(func(*http.Request) templ.Component { return checkPage(checkView{}) }))
	mux.HandleFunc("POST /check/{$}", func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, opt.MaxFormBytes)
		if err := r.ParseForm(); err != nil {
			code, msg := http.StatusBadRequest, "The form could not be read."
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				code, msg = http.StatusRequestEntityTooLarge, "The text is too long to check here (the limit is 1 MB)."
			}
			s.write(w, r, code, checkPage(checkView{Error: msg}))
			return
		}
		v := s.Check(r.PostForm.Get("text"), r.PostForm.Get("date"))
		code := http.StatusOK
		if v.Error != "" {
			code = http.StatusBadRequest
		}
		s.write(w, r, code, checkPage(v))
	})
	sub, _ := fs.Sub(assets, "assets")
	mux.Handle("GET /site/", http.StripPrefix("/site/", http.FileServer(http.FS(sub))))
	if opt.Assets != nil {
		files := http.StripPrefix("/static/", http.FileServer(opt.Assets))
		mux.HandleFunc("GET /static/", func(w http.ResponseWriter, r *http.Request) {
			if strings.HasSuffix(r.URL.Path, "/") { // no directory listings
				s.write(w, r, http.StatusNotFound, notFoundPage())
				return
			}
			files.ServeHTTP(w, r)
		})
	}
	if opt.API != nil {
		for _, p := range []string{"/v1/", "/v1alpha1/", "/healthz"} {
			mux.Handle(p, opt.API)
		}
	}
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.write(w, r, http.StatusNotFound, notFoundPage())
	})
	return mux
}

func (s *Site) write(w http.ResponseWriter, r *http.Request, code int, c templ.Component) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	w.WriteHeader(code)
	_ = c.Render(r.Context(), w) // a failed write means the client left
}

// Home is the / page.
func (s *Site) Home() templ.Component { return homePage(s.c.Index().NumClaims()) }

// Demo is the /demo/ page: the bundled article with the widget.
func (s *Site) Demo() templ.Component { return demoPage(defaultcorpus.ArticleHTML) }

// Embed is the /embed/ page; origin ("https://host") prefixes the snippet.
func (s *Site) Embed(origin string) templ.Component { return embedPage(origin) }

// StaticCheck is /check/ for a static host: it checks with JavaScript only.
func (s *Site) StaticCheck() templ.Component { return checkPage(checkView{Static: true}) }

// Check runs a form check and returns what the page shows.
func (s *Site) Check(text, date string) checkView {
	v := checkView{Text: text, Date: date}
	if strings.TrimSpace(text) == "" {
		v.Error = "Paste a sentence or an article to check."
		return v
	}
	if date != "" {
		if _, err := time.Parse(time.DateOnly, date); err != nil {
			v.Error = "The date must look like 2025-11-05."
			return v
		}
	}
	sents := s.c.CheckArticle(text, engine.Options{Date: date})
	v.Checked, v.Sentences, v.Results = true, len(sents), resultsOf(sents)
	return v
}

// Claims is one page of the corpus list. pageURL links other pages.
func (s *Site) Claims(q, rating, publisher string, page int, pageURL func(int) string) templ.Component {
	return claimsPage(s.claimsView(q, rating, publisher, page, pageURL))
}

func (s *Site) claimsView(q, rating, publisher string, page int, pageURL func(int) string) claimsView {
	found := s.claims.Search(claimsearch.Filter{Query: q, Verdict: rating, Publisher: publisher})
	docs := found.Docs
	v := claimsView{Q: q, Rating: rating, Publisher: publisher, Total: len(docs), AllWords: found.AllWords,
		Searched: strings.TrimSpace(q) != ""}
	v.Pages = max(1, (len(docs)+PageSize-1)/PageSize)
	v.Page = min(max(page, 1), v.Pages)
	for _, d := range docs[min((v.Page-1)*PageSize, len(docs)):min(v.Page*PageSize, len(docs))] {
		v.Claims = append(v.Claims, claimViewOf(s.c.Index().Claim(d)))
	}
	if v.Page > 1 {
		v.Prev = templ.SafeURL(pageURL(v.Page - 1))
	}
	if v.Page < v.Pages {
		v.Next = templ.SafeURL(pageURL(v.Page + 1))
	}
	v.Ratings = []option{{"", verdictLabel(""), rating == ""}}
	for vd := claim.VerdictTrue; vd <= claim.VerdictUnproven; vd++ {
		n := vd.String()
		v.Ratings = append(v.Ratings, option{n, verdictLabel(n), rating == n})
	}
	v.Ratings = append(v.Ratings, option{"unknown", "Unknown", rating == "unknown"})
	v.Publishers = []option{{"", "Any publisher", publisher == ""}}
	for _, p := range s.claims.Publishers() {
		v.Publishers = append(v.Publishers, option{p, p, p == publisher})
	}
	return v
}

// ClaimPages is how many /claims pages the whole corpus fills.
func (s *Site) ClaimPages() int { return max(1, (s.c.Index().NumClaims()+PageSize-1)/PageSize) }

// Render writes c as an HTML document string, for static files and tests.
func Render(c templ.Component) (string, error) {
	var b strings.Builder
	err := c.Render(context.Background(), &b)
	return b.String(), err
}
