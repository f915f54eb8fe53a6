package widget

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/browsertest"
	"github.com/factcheckwidget/factcheck/internal/defaultcorpus"
	"github.com/factcheckwidget/factcheck/internal/shard"
	"github.com/factcheckwidget/factcheck/internal/shardio"
)

// shardedServer serves the widget (/fc/), the default corpus as a sharded
// corpus (/corpus/) and pages, and counts the corpus bytes it sent.
type shardedServer struct {
	*httptest.Server
	dir      string
	build    string
	mu       sync.Mutex
	sent     map[string]int // corpus file -> bytes sent
	requests map[string]int // corpus file -> requests for it
	// fault, when set, may fail the nth request for a corpus file instead
	// of serving it (fault returns true when it answered).
	fault func(w http.ResponseWriter, name string, n int) bool
	// immutable serves the build's parts as a CDN would: cacheable for a
	// year, never revalidated (their names never change).
	immutable bool
	// crossOrigin serves the corpus to pages of any origin as a plain
	// static host does: Access-Control-Allow-Origin on every answer, and
	// no answer to a CORS preflight (OPTIONS), which it counts.
	crossOrigin bool
	preflights  int
}

func serveSharded(t *testing.T, pages map[string]string) *shardedServer {
	x, err := defaultcorpus.Index()
	require.NoError(t, err)
	s := &shardedServer{dir: t.TempDir(), sent: map[string]int{}, requests: map[string]int{}}
	m, err := shardio.Write(s.dir, x, shard.DefaultOptions())
	require.NoError(t, err)
	s.build = m.Build
	files := http.StripPrefix("/corpus/", http.FileServer(http.Dir(s.dir)))
	mux := http.NewServeMux()
	mux.Handle("/fc/", http.StripPrefix("/fc/", http.FileServer(http.Dir(assetDir))))
	mux.HandleFunc("/corpus/", func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/corpus/")
		s.mu.Lock()
		if s.crossOrigin && r.Method == http.MethodOptions {
			s.preflights++
			s.mu.Unlock()
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		s.requests[name]++
		n, fault, immutable := s.requests[name], s.fault, s.immutable
		if s.crossOrigin {
			w.Header().Set("Access-Control-Allow-Origin", "*")
		}
		s.mu.Unlock()
		if fault != nil && fault(w, name, n) {
			return
		}
		if immutable && strings.HasPrefix(name, s.build+"/") {
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		}
		rec := &countingWriter{ResponseWriter: w}
		files.ServeHTTP(rec, r)
		s.mu.Lock()
		s.sent[name] += rec.n
		s.mu.Unlock()
	})
	for path, body := range pages {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(body))
		})
	}
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

type countingWriter struct {
	http.ResponseWriter
	n int
}

func (c *countingWriter) Write(b []byte) (int, error) {
	n, err := c.ResponseWriter.Write(b)
	c.n += n
	return n, err
}

// sentBytes is the corpus bytes sent so far and the files they were in.
func (s *shardedServer) sentBytes() (int, []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	total := 0
	var names []string
	for name, n := range s.sent {
		total += n
		names = append(names, name)
	}
	return total, names
}

// The widget on a sharded corpus (data-corpus="URL/") highlights what the
// engine matches on the whole index, and fetches only part of the corpus:
// the manifest and some of its parts, never all of them.
func TestShardedCorpusHighlights(t *testing.T) {
	s := serveSharded(t, map[string]string{"/article": page("Test", testArticle, `data-corpus="/corpus/"`)})
	ctx := browsertest.New(t)
	d := load(t, ctx, s.URL+"/article", 60*time.Second)

	got := highlighted(t, ctx)
	want := expected(t, testArticle, "2025-11-05")
	assert.Equal(t, want, normalize(got), "the page highlights what the engine matches on the whole index")
	assert.Equal(t, len(want), d.Matched)
	assert.Contains(t, texts(got), usfk)

	sent, names := s.sentBytes()
	assert.Contains(t, names, "manifest")
	var stored int64
	var all int
	require.NoError(t, filepath.Walk(s.dir, func(_ string, info os.FileInfo, err error) error {
		if err == nil && info.Mode().IsRegular() {
			stored += info.Size()
			all++
		}
		return err
	}))
	t.Logf("fetched %d of %d corpus bytes in %d of %d files", sent, stored, len(names), all)
	assert.Greater(t, sent, 0)
	// The default corpus is tiny (61 claims): a short article touches many
	// of its few parts. README "Scale" has the figures at 19,250 and
	// 300,000 claims.
	assert.Less(t, len(names), all*3/4, "parts fetched")
	assert.Less(t, int64(sent), stored*3/4, "bytes fetched")
	for _, n := range names {
		assert.True(t, n == "manifest" || strings.HasPrefix(n, s.build+"/"), "fetched %s", n)
		assert.NotContains(t, n, "/k", "keyword buckets are the API's, not the widget's")
	}
	// The done event says where the check's time went: its rounds of
	// fetches (every part but the manifest, which loading fetched) and its
	// time in Go.
	parts := 0
	for _, r := range d.Rounds {
		parts += r.Parts
		assert.Positive(t, r.Parts)
		assert.LessOrEqual(t, r.AddMs, r.Ms, "adding a round's parts is part of its time")
	}
	assert.GreaterOrEqual(t, len(d.Rounds), 4, "sections, stem buckets, records, cards at least")
	assert.Equal(t, len(names)-1, parts, "the rounds' parts are the files fetched but the manifest")
	assert.Positive(t, d.GoMs)
	assert.LessOrEqual(t, d.GoMs, d.CheckMs)
	// factcheck.search answers from the same corpus.
	ids, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`factcheck.search("28,500 US troops are stationed in South Korea").then((ms) => ms.map((m) => m.id))`, chromedp.EvalAwaitPromise))
	require.NoError(t, err)
	require.NotEmpty(t, ids)
	assert.Equal(t, bestMatch(t, "28,500 US troops are stationed in South Korea").Claim.ID, ids[0])
}

// A later page finds the stem buckets it shares with earlier ones in the
// browser's HTTP cache; claim records and 4-gram buckets, which pages
// seldom share, go past it (storing them cost a fifth of a request's time;
// docs/scale.md), so they are fetched again.
func TestShardedCorpusCachesWhatPagesShare(t *testing.T) {
	s := serveSharded(t, map[string]string{"/article": page("Test", testArticle, `data-corpus="/corpus/"`)})
	s.immutable = true
	ctx := browsertest.New(t)
	first := load(t, ctx, s.URL+"/article", 60*time.Second)
	s.mu.Lock()
	once := map[string]int{}
	for name, n := range s.requests {
		once[name] = n
	}
	s.mu.Unlock()
	again := load(t, ctx, s.URL+"/article", 60*time.Second)
	assert.Equal(t, first.Matched, again.Matched, "the second page shows what the first did")

	s.mu.Lock()
	defer s.mu.Unlock()
	kinds := map[byte]int{}
	for name, n := range once {
		require.Equal(t, 1, n, "%s fetched once by the first page", name)
		if !strings.HasPrefix(name, s.build+"/") {
			continue // the manifest: revalidated, as a corpus update must be seen
		}
		kind := name[len(s.build)+1]
		kinds[kind]++
		switch kind {
		case 'c', 'g':
			assert.Equal(t, 2, s.requests[name], "%s is not kept in the HTTP cache", name)
		default:
			assert.Equal(t, 1, s.requests[name], "%s comes from the HTTP cache", name)
		}
	}
	for _, k := range []byte("scx") {
		assert.Positive(t, kinds[k], "the page fetched parts of kind %c", k)
	}
}

// A sharded corpus on another origin (a CDN, a bucket) works with no more
// CORS than a static host gives: fetching records past the HTTP cache adds
// request headers (Cache-Control, Pragma) that the browser sets itself,
// which must not cost a preflight such a host would refuse.
func TestShardedCorpusFromAnotherOrigin(t *testing.T) {
	corpus := serveSharded(t, nil)
	corpus.crossOrigin = true
	srv := serve(t, map[string]string{"/article": page("Test", testArticle, `data-corpus="`+corpus.URL+`/corpus/"`)})
	ctx := browsertest.New(t)
	d := load(t, ctx, srv.URL+"/article", 60*time.Second)
	assert.Contains(t, texts(highlighted(t, ctx)), usfk)
	assert.Equal(t, len(expected(t, testArticle, "2025-11-05")), d.Matched)
	corpus.mu.Lock()
	defer corpus.mu.Unlock()
	assert.Zero(t, corpus.preflights, "no part needs a CORS preflight")
	kinds := map[byte]bool{}
	for name := range corpus.requests {
		if strings.HasPrefix(name, corpus.build+"/") {
			kinds[name[len(corpus.build)+1]] = true
		}
	}
	assert.True(t, kinds['c'], "records were fetched from the other origin")
}

// A corrupted or missing part is an error the page can see (the article
// marked data-fc-state="error", the reason in the console), never a
// highlight from a wrong corpus.
func TestShardedCorpusDamage(t *testing.T) {
	for _, tc := range []struct {
		name  string
		parts string // which parts are harmed: every claim record (the article needs some)
		harm  func(path string) error
		// fault fails requests instead (harm nil)
		fault    func(w http.ResponseWriter, name string, n int) bool
		want     string
		requests int // for a harmed part: a damaged or missing one is final, a failing server is asked thrice
	}{
		{"gzip damaged", "c*", func(p string) error {
			b, err := os.ReadFile(p)
			if err == nil {
				b, err = shardio.Decompress(b)
			}
			if err != nil {
				return err
			}
			var gz bytes.Buffer // gzipped here, as a server might (most parts are stored as they are)
			zw := gzip.NewWriter(&gz)
			if _, err := zw.Write(b); err != nil {
				return err
			}
			if err := zw.Close(); err != nil {
				return err
			}
			b = gz.Bytes()
			b[len(b)/2] ^= 0xff
			return os.WriteFile(p, b, 0o644)
		}, nil, "damaged gzip", 1},
		{"content changed", "c*", func(p string) error {
			b, err := os.ReadFile(p)
			if err == nil {
				b, err = shardio.Decompress(b)
			}
			if err != nil {
				return err
			}
			b[len(b)/2] ^= 0x01 // a claim's text, say: the part's checksum no longer holds
			if b, err = shardio.Compress(b); err != nil {
				return err
			}
			return os.WriteFile(p, b, 0o644)
		}, nil, "checksum mismatch", 1},
		{"missing", "c*", os.Remove, nil, "HTTP 404", 1},
		{"server keeps failing", "c*", nil, func(w http.ResponseWriter, _ string, _ int) bool {
			w.WriteHeader(http.StatusServiceUnavailable)
			return true
		}, "HTTP 503", 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := serveSharded(t, map[string]string{"/article": page("Test", testArticle, `data-corpus="/corpus/"`)})
			parts, err := filepath.Glob(filepath.Join(s.dir, s.build, tc.parts))
			require.NoError(t, err)
			require.NotEmpty(t, parts)
			harmed := map[string]bool{}
			for _, p := range parts { // every part of the kind: the article needs one of them
				name := s.build + "/" + filepath.Base(p)
				harmed[name] = true
				if tc.harm != nil {
					require.NoError(t, tc.harm(p))
				}
			}
			if tc.fault != nil {
				s.setFault(func(w http.ResponseWriter, name string, n int) bool {
					return harmed[name] && tc.fault(w, name, n)
				})
			}
			ctx := browsertest.New(t)
			require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(s.URL+"/article")))
			var state string
			for end := time.Now().Add(60 * time.Second); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
				state, err = chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("article").getAttribute("data-fc-state") || ""`))
				require.NoError(t, err)
				if state == "done" || state == "error" {
					break
				}
			}
			require.Equal(t, "error", state)
			msg, err := chromedp.Run(ctx, chromedp.Evaluate[string](`String(window.__err || "")`))
			require.NoError(t, err)
			assert.Contains(t, msg, tc.want)
			marks, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("mark.fc-hl").length`))
			require.NoError(t, err)
			assert.Zero(t, marks)
			// The check fails at the first part that fails for good; those
			// in flight then are asked no more.
			most := 0
			for name, n := range s.requestsFor(harmed) {
				assert.LessOrEqual(t, n, tc.requests, "requests for %s", name)
				most = max(most, n)
			}
			assert.Equal(t, tc.requests, most, "requests for the part that failed the check")
		})
	}
}

// setFault makes fault answer the corpus's requests from now on.
func (s *shardedServer) setFault(fault func(w http.ResponseWriter, name string, n int) bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fault = fault
}

// requestsFor is how many times each of the named corpus files that was
// asked for was requested.
func (s *shardedServer) requestsFor(names map[string]bool) map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]int{}
	for name, n := range s.requests {
		if names[name] {
			out[name] = n
		}
	}
	return out
}

// cutShort answers with a body shorter than its Content-Length and drops
// the connection, as a network that fails mid-transfer does.
func cutShort(w http.ResponseWriter) {
	w.Header().Set("Content-Length", "4096")
	w.WriteHeader(http.StatusOK)
	w.Write([]byte("FP"))
	w.(http.Flusher).Flush()
	panic(http.ErrAbortHandler) // net/http closes the connection without logging
}

// A part whose first request fails on the way (a busy server's 503, a
// body cut short) is fetched again, and the page shows what it would have
// shown: an article fetches hundreds of parts, and a reader on a phone's
// network must not lose the page to one of them failing once.
func TestShardedCorpusRetriesTransientFailures(t *testing.T) {
	s := serveSharded(t, map[string]string{"/article": page("Test", testArticle, `data-corpus="/corpus/"`)})
	failedOnce := map[byte]string{'c': "503", 'r': "cut short", 's': "cut short"} // records, cards, stem buckets
	s.setFault(func(w http.ResponseWriter, name string, n int) bool {
		rest, ok := strings.CutPrefix(name, s.build+"/")
		if !ok || n > 1 || failedOnce[rest[0]] == "" {
			return false
		}
		if failedOnce[rest[0]] == "503" {
			w.WriteHeader(http.StatusServiceUnavailable)
			return true
		}
		cutShort(w)
		return true
	})
	ctx := browsertest.New(t)
	d := load(t, ctx, s.URL+"/article", 60*time.Second)

	want := expected(t, testArticle, "2025-11-05")
	assert.Equal(t, want, normalize(highlighted(t, ctx)), "the page highlights what the engine matches on the whole index")
	assert.Equal(t, len(want), d.Matched)
	s.mu.Lock()
	defer s.mu.Unlock()
	seen := map[byte]int{}
	for name, n := range s.requests {
		if rest, ok := strings.CutPrefix(name, s.build+"/"); ok && failedOnce[rest[0]] != "" {
			seen[rest[0]]++
			assert.Equal(t, 2, n, "%s: failed once, then fetched", name)
		}
	}
	for kind := range failedOnce {
		assert.Positive(t, seen[kind], "the article needed parts of kind %c", kind)
	}
}
