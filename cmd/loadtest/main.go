// Command loadtest is a bounded load test of `factcheck serve` on loopback.
// It starts the server itself (a built factcheck binary on a free
// 127.0.0.1 port, in its own process group), sends concurrent POST
// /v1/check requests with a 1,000-word article mixed with GET claims:search
// requests for at most -duration (60 s cap) or -requests, then prints
// throughput, p50/p95/p99 latency, errors, 5xx and the server's RSS before
// and after, and stops the server. It exits 1 when any request failed or
// RSS grew beyond -max-rss-growth.
//
//	go build -o bin/factcheck ./cmd/factcheck
//	go run ./cmd/loadtest -bin bin/factcheck -duration 30s -c 8
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/factcheckwidget/factcheck/cmd/factcheck/serveproc"
	"github.com/factcheckwidget/factcheck/internal/defaultcorpus"
)

// MaxDuration caps -duration: this is a measurement, not a soak test, and
// it must stop by itself.
const MaxDuration = 60 * time.Second

type config struct {
	Bin          string        // factcheck binary
	Corpus       string        // --corpus for serve; "" is the bundled corpus
	Duration     time.Duration // how long to send requests
	Requests     int           // stop after this many requests; 0 = no limit
	Concurrency  int           // requests in flight
	SearchShare  float64       // fraction of requests that are claims:search
	MaxRSSGrowth int64         // KiB the server's RSS may grow over the run
	Seed         uint64
}

// result is what one run measured.
type result struct {
	Requests, Checks, Searches int
	Errors, Status5xx          int
	FirstError                 string
	Elapsed                    time.Duration
	P50, P95, P99, Max         time.Duration
	CheckP99, SearchP99        time.Duration
	RSSStart, RSSWarm, RSSEnd  int64 // KiB: after start, after warm-up, after the run
}

func (r result) Throughput() float64 { return float64(r.Requests) / r.Elapsed.Seconds() }

func main() {
	var c config
	flag.StringVar(&c.Bin, "bin", "bin/factcheck", "factcheck binary to start (go build -o bin/factcheck ./cmd/factcheck)")
	flag.StringVar(&c.Corpus, "corpus", "", "corpus file or index for serve (default: the bundled corpus)")
	flag.DurationVar(&c.Duration, "duration", 30*time.Second, "how long to send requests (at most 60s)")
	flag.IntVar(&c.Requests, "requests", 0, "stop after this many requests (0: only -duration bounds the run)")
	flag.IntVar(&c.Concurrency, "c", 8, "concurrent requests")
	flag.Float64Var(&c.SearchShare, "search", 0.5, "share of requests that are claims:search (the rest are /v1/check)")
	flag.Int64Var(&c.MaxRSSGrowth, "max-rss-growth", 64<<10, "KiB the server's RSS may grow from warm-up to the end")
	flag.Uint64Var(&c.Seed, "seed", 1, "random seed for the request mix")
	flag.Parse()
	r, err := run(c, os.Stderr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(2)
	}
	report(os.Stdout, c, r)
	if msg := verdict(c, r); msg != "" {
		fmt.Fprintln(os.Stdout, "FAIL:", msg)
		os.Exit(1)
	}
	fmt.Fprintln(os.Stdout, "PASS")
}

// verdict says what is wrong with a run, "" when nothing is.
func verdict(c config, r result) string {
	var bad []string
	if r.Errors > 0 {
		bad = append(bad, fmt.Sprintf("%d errors (first: %s)", r.Errors, r.FirstError))
	}
	if r.Status5xx > 0 {
		bad = append(bad, fmt.Sprintf("%d 5xx", r.Status5xx))
	}
	if g := r.RSSEnd - r.RSSWarm; g > c.MaxRSSGrowth {
		bad = append(bad, fmt.Sprintf("RSS grew %d KiB (bound %d KiB)", g, c.MaxRSSGrowth))
	}
	return strings.Join(bad, "; ")
}

func report(w io.Writer, c config, r result) {
	fmt.Fprintf(w, "requests     %d in %s (%d /v1/check with a 1,000-word article, %d claims:search), concurrency %d\n",
		r.Requests, r.Elapsed.Round(time.Millisecond), r.Checks, r.Searches, c.Concurrency)
	fmt.Fprintf(w, "throughput   %.0f req/s\n", r.Throughput())
	fmt.Fprintf(w, "latency      p50 %s  p95 %s  p99 %s  max %s\n", ms(r.P50), ms(r.P95), ms(r.P99), ms(r.Max))
	fmt.Fprintf(w, "p99 by kind  check %s  search %s\n", ms(r.CheckP99), ms(r.SearchP99))
	fmt.Fprintf(w, "errors       %d (5xx: %d)\n", r.Errors, r.Status5xx)
	fmt.Fprintf(w, "server RSS   %.1f MiB at start, %.1f MiB after warm-up, %.1f MiB after the run (growth %+.1f MiB, bound %.0f MiB)\n",
		mib(r.RSSStart), mib(r.RSSWarm), mib(r.RSSEnd), mib(r.RSSEnd-r.RSSWarm), mib(c.MaxRSSGrowth))
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1fms", float64(d)/float64(time.Millisecond)) }
func mib(kib int64) float64     { return float64(kib) / 1024 }

// run starts the server, loads it and stops it.
func run(c config, logw io.Writer) (result, error) {
	var r result
	if c.Duration <= 0 || c.Duration > MaxDuration {
		return r, fmt.Errorf("-duration must be in (0, %s], got %s", MaxDuration, c.Duration)
	}
	if c.Concurrency < 1 || c.Concurrency > 1024 {
		return r, fmt.Errorf("-c must be 1..1024, got %d", c.Concurrency)
	}
	srv, err := serveproc.Start(c.Bin, c.Corpus, logw)
	if err != nil {
		return r, err
	}
	defer srv.Stop()
	if startHook != nil {
		startHook(srv.PID())
	}
	if r.RSSStart, err = rss(srv.PID()); err != nil {
		return r, err
	}
	gen, err := newRequests(c.Seed, c.SearchShare)
	if err != nil {
		return r, err
	}
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: c.Concurrency}}
	// Warm-up: the first requests fill caches and grow the heap once; the
	// RSS bound is about growth under steady load, measured after them.
	for i := 0; i < 50; i++ {
		if _, _, err := send(client, srv.URL, gen.next()); err != nil {
			return r, fmt.Errorf("warm-up: %w", err)
		}
	}
	if r.RSSWarm, err = rss(srv.PID()); err != nil {
		return r, err
	}
	r = load(client, srv.URL, gen, c, r)
	if !srv.Alive() {
		return r, errors.New("the server exited during the run")
	}
	r.RSSEnd, err = rss(srv.PID())
	return r, err
}

// load sends requests from c.Concurrency goroutines until the time or the
// request budget runs out.
func load(client *http.Client, base string, gen *requests, c config, r result) result {
	type sample struct {
		d      time.Duration
		search bool
	}
	var (
		mu      sync.Mutex
		samples []sample
		wg      sync.WaitGroup
		budget  = make(chan struct{}, 1)
	)
	ctx, cancel := context.WithTimeout(context.Background(), c.Duration)
	defer cancel()
	var issued int
	take := func() bool { // one more request allowed?
		budget <- struct{}{}
		defer func() { <-budget }()
		if ctx.Err() != nil || (c.Requests > 0 && issued >= c.Requests) {
			return false
		}
		issued++
		return true
	}
	start := time.Now()
	for w := 0; w < c.Concurrency; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for take() {
				req := gen.next()
				t0 := time.Now()
				code, _, err := send(client, base, req)
				d := time.Since(t0)
				mu.Lock()
				samples = append(samples, sample{d, req.search})
				if err != nil || code != http.StatusOK {
					r.Errors++
					if code >= 500 {
						r.Status5xx++
					}
					if r.FirstError == "" {
						r.FirstError = fmt.Sprintf("%s %s: status %d, %v", req.method, req.path, code, err)
					}
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	r.Elapsed = time.Since(start)
	var all, checks, searches []time.Duration
	for _, s := range samples {
		all = append(all, s.d)
		if s.search {
			searches = append(searches, s.d)
		} else {
			checks = append(checks, s.d)
		}
	}
	r.Requests, r.Checks, r.Searches = len(all), len(checks), len(searches)
	r.P50, r.P95, r.P99, r.Max = pct(all, 50), pct(all, 95), pct(all, 99), pct(all, 100)
	r.CheckP99, r.SearchP99 = pct(checks, 99), pct(searches, 99)
	return r
}

// pct is the p-th percentile (nearest rank) of ds.
func pct(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := int(float64(len(s))*p/100+0.999999) - 1
	return s[min(max(i, 0), len(s)-1)]
}

// request is one prepared request.
type request struct {
	method, path string
	body         []byte
	search       bool
}

// requests hands out a seeded mix of checks and searches.
type requests struct {
	mu      sync.Mutex
	rng     *rand.Rand
	share   float64
	check   []byte
	queries []string
}

func newRequests(seed uint64, share float64) (*requests, error) {
	x, err := defaultcorpus.Index()
	if err != nil {
		return nil, err
	}
	var claims, queries []string
	for d := 0; d < x.NumClaims(); d++ {
		t := x.Claim(d).Text
		claims = append(claims, t)
		// Searches are the first 4 to 7 words of a claim, as a reader types them.
		w := strings.Fields(t)
		queries = append(queries, strings.Join(w[:min(len(w), 4+d%4)], " "))
	}
	body, err := json.Marshal(map[string]string{"text": article(claims, 1000), "date": "2025-11-05"})
	if err != nil {
		return nil, err
	}
	return &requests{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), share: share, check: body, queries: queries}, nil
}

func (g *requests) next() request {
	g.mu.Lock()
	search, q := g.rng.Float64() < g.share, g.queries[g.rng.IntN(len(g.queries))]
	g.mu.Unlock()
	if search {
		return request{method: http.MethodGet, path: "/v1alpha1/claims:search?pageSize=10&query=" + url.QueryEscape(q), search: true}
	}
	return request{method: http.MethodPost, path: "/v1/check", body: g.check}
}

// filler sentences match no claim; claims are mixed in so that the checker
// does real matching work on some sentences.
var filler = []string{
	"The morning train was late again because of signal works near the station.",
	"Residents gathered in the square to hear the brass band play until sunset.",
	"A local bakery started selling rye bread made with flour from the valley.",
	"Several readers wrote in to ask about the new opening hours of the pool.",
	"The council will meet next week to discuss the plans for the river path.",
	"Children from the primary school painted a mural on the library wall.",
}

// article is about n words: filler with every fourth sentence a claim.
func article(claims []string, n int) string {
	var b strings.Builder
	words := 0
	for i := 0; words < n; i++ {
		s := filler[i%len(filler)]
		if i%4 == 3 {
			s = claims[(i/4)%len(claims)]
		}
		b.WriteString(s)
		b.WriteString(" ")
		if i%5 == 4 {
			b.WriteString("\n\n")
		}
		words += len(strings.Fields(s))
	}
	return b.String()
}

func send(client *http.Client, base string, req request) (int, int, error) {
	var body io.Reader
	if req.body != nil {
		body = bytes.NewReader(req.body)
	}
	hr, err := http.NewRequest(req.method, base+req.path, body)
	if err != nil {
		return 0, 0, err
	}
	if req.body != nil {
		hr.Header.Set("Content-Type", "application/json")
	}
	resp, err := client.Do(hr)
	if err != nil {
		return 0, 0, err
	}
	defer resp.Body.Close()
	n, err := io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, int(n), err
}

// startHook, when set (tests), gets the server's PID.
var startHook func(pid int)

// rss reads VmRSS (KiB) of pid from /proc.
func rss(pid int) (int64, error) {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0, fmt.Errorf("read RSS: %w", err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			return strconv.ParseInt(f[1], 10, 64)
		}
	}
	return 0, fmt.Errorf("no VmRSS in /proc/%d/status", pid)
}
