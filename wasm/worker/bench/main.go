//go:build unix

// Command bench times the Worker under `wrangler dev`: it starts wrangler
// (or uses -url), times the first request (cold: Go instance start and
// corpus decode), then sends a bounded load of API requests and prints
// latency percentiles. `make worker-bench` runs it after `make worker`.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/factcheckwidget/factcheck/wasm/worker/devserver"
)

func main() {
	n := flag.Int("n", 2000, "requests to time (after the warm-up)")
	conc := flag.Int("c", 1, "concurrent clients")
	warm := flag.Int("warmup", 50, "untimed requests before the timed ones")
	base := flag.String("url", "", "use a running Worker at this URL instead of starting wrangler dev")
	flag.Parse()
	if err := run(*base, *n, *conc, *warm); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// request is one kind of API call in the mix.
type request struct {
	name, method, path, body string
}

// mix is what a site or bot would send: searches and short checks.
var mix = []request{
	{"search", "GET", "/v1alpha1/claims:search?" + url.Values{"query": {"28,500 US troops in South Korea"}}.Encode(), ""},
	{"search", "GET", "/v1alpha1/claims:search?" + url.Values{"query": {"Hegseth wartime operational control"}, "pageSize": {"5"}}.Encode(), ""},
	{"check", "POST", "/v1/check", `{"text": "About 28,500 American troops are based in South Korea. Hegseth visited Seoul on 4 November 2025."}`},
	{"health", "GET", "/healthz", ""},
}

func run(base string, n, conc, warm int) error {
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: conc}}
	if base == "" {
		root, err := devserver.Root()
		if err != nil {
			return err
		}
		srv, err := devserver.Start(root, "warn")
		if err != nil {
			return err
		}
		defer srv.Stop()
		ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
		defer cancel()
		if err := srv.WaitListening(ctx); err != nil {
			return err
		}
		base = srv.URL
		// The port may accept before workerd has loaded the script; retry
		// until the first answer and count that as the cold start.
		start := time.Now()
		for {
			d, err := send(client, base, mix[0])
			if err == nil {
				fmt.Printf("cold first request: %s (wrangler listening to response: %s)\n", ms(d), ms(time.Since(start)))
				break
			}
			if time.Since(start) > 60*time.Second {
				return fmt.Errorf("no answer after 60s: %v\n%s", err, srv.Log())
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	for i := range warm {
		if _, err := send(client, base, mix[i%len(mix)]); err != nil {
			return fmt.Errorf("warm-up: %w", err)
		}
	}

	type sample struct {
		kind string
		d    time.Duration
	}
	var (
		mu      sync.Mutex
		samples []sample
		errs    []string
		next    int
		wg      sync.WaitGroup
	)
	start := time.Now()
	for range conc {
		wg.Go(func() {
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= n {
					return
				}
				r := mix[i%len(mix)]
				d, err := send(client, base, r)
				mu.Lock()
				if err != nil {
					errs = append(errs, err.Error())
				} else {
					samples = append(samples, sample{r.name, d})
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)

	all := make([]time.Duration, 0, len(samples))
	byKind := map[string][]time.Duration{}
	for _, s := range samples {
		all = append(all, s.d)
		byKind[s.kind] = append(byKind[s.kind], s.d)
	}
	fmt.Printf("%d requests (%d concurrent, after %d warm-up) in %s: %.0f req/s, %d errors\n",
		n, conc, warm, elapsed.Round(time.Millisecond), float64(len(samples))/elapsed.Seconds(), len(errs))
	fmt.Printf("  %-7s %s\n", "all", percentiles(all))
	for _, k := range []string{"search", "check", "health"} {
		fmt.Printf("  %-7s %s\n", k, percentiles(byKind[k]))
	}
	if len(errs) > 0 {
		fmt.Printf("first error: %s\n", errs[0])
		return fmt.Errorf("%d of %d requests failed", len(errs), n)
	}
	return nil
}

// send makes one request and returns its latency, up to the last body byte.
func send(c *http.Client, base string, r request) (time.Duration, error) {
	var body io.Reader
	if r.body != "" {
		body = strings.NewReader(r.body)
	}
	req, err := http.NewRequest(r.method, base+r.path, body)
	if err != nil {
		return 0, err
	}
	start := time.Now()
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	_, err = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	d := time.Since(start)
	if err != nil {
		return 0, err
	}
	if resp.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("%s %s: status %d", r.method, r.path, resp.StatusCode)
	}
	return d, nil
}

func percentiles(ds []time.Duration) string {
	if len(ds) == 0 {
		return "no samples"
	}
	slices.Sort(ds)
	p := func(q float64) time.Duration { return ds[min(len(ds)-1, int(q*float64(len(ds))))] }
	return fmt.Sprintf("n=%-5d p50 %s  p95 %s  p99 %s  max %s", len(ds), ms(p(0.50)), ms(p(0.95)), ms(p(0.99)), ms(ds[len(ds)-1]))
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2fms", float64(d.Microseconds())/1000) }
