package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/factcheckwidget/factcheck/internal/benchdata"
	"github.com/factcheckwidget/factcheck/internal/browsertest"
	"github.com/factcheckwidget/factcheck/internal/engine"
	"github.com/factcheckwidget/factcheck/internal/shard"
	"github.com/factcheckwidget/factcheck/internal/shardio"
)

// partLog is a corpus folder that lists the parts read from it.
type partLog struct {
	shardio.Dir
	mu    sync.Mutex
	names []string
}

func (d *partLog) Fetch(ctx context.Context, name string) ([]byte, error) {
	d.mu.Lock()
	d.names = append(d.names, name)
	d.mu.Unlock()
	return d.Dir.Fetch(ctx, name)
}

// TestRequestCost measures what fetching a sharded corpus's parts costs a
// browser, apart from the Go side: a fresh Chromium's Web Worker fetches
// the parts a 1,000-word dev debate needs from sharded PolitiFact (the
// same list the reader asks for), with 64 or 6 requests in flight, with
// and without gunzipping the gzipped ones as the widget does (README
// "Scale"), through the browser's HTTP cache or past it (no-store); then
// the same parts laid end to end in one file, fetched as multi-range
// requests (RFC 9110 14.6: one multipart/byteranges answer for many
// ranges), 50 or 200 ranges a request, which the widget does not do
// (docs/scale.md). Each run fetches them twice in one page, the second
// time from the cache where the first stored them, and says how busy the
// machine's CPUs were (Linux): whether requests wait or work; a run that
// fetches nothing for 3 s is the control. A measurement:
// FACTCHECK_EXPLORE=1 runs it.
func TestRequestCost(t *testing.T) {
	if os.Getenv("FACTCHECK_EXPLORE") == "" {
		t.Skip("set FACTCHECK_EXPLORE=1 to measure the browser's cost of a request")
	}
	s := benchdata.Load(t, benchdata.Debates)
	dir := t.TempDir()
	if _, err := shardio.Write(dir, s.Index, shard.DefaultOptions()); err != nil {
		t.Fatal(err)
	}
	articles := s.DevArticles()
	if len(articles) == 0 {
		t.Fatal("no dev transcript has 1,500 words")
	}
	article := articles[0]
	log := &partLog{Dir: shardio.Dir(dir)}
	r, err := shardio.Open(context.Background(), log)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.CheckArticle(context.Background(), article, engine.Options{}); err != nil {
		t.Fatal(err)
	}
	names, _ := json.Marshal(log.names)
	// The parts end to end, and the byte range of each.
	var pack []byte
	var spans [][2]int
	for _, n := range log.names {
		b, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			t.Fatal(err)
		}
		spans = append(spans, [2]int{len(pack), len(pack) + len(b) - 1})
		pack = append(pack, b...)
	}
	if err := os.WriteFile(filepath.Join(dir, "pack"), pack, 0o644); err != nil {
		t.Fatal(err)
	}
	ranges, _ := json.Marshal(spans)
	mux := http.NewServeMux()
	mux.Handle("/corpus/", http.StripPrefix("/corpus/", http.FileServer(http.Dir(dir))))
	mux.HandleFunc("/fetch.js", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/javascript")
		io.WriteString(w, `const names = `+string(names)+`, ranges = `+string(ranges)+`;
let sent = 0;
let cache = "default";
async function part(name, gunzip) {
  // "records": past the cache for records and 4-gram buckets alone, as the widget fetches them
  const kind = name.charAt(name.indexOf("/") + 1);
  const c = cache !== "records" ? cache : kind === "c" || kind === "g" ? "no-store" : "default";
  let b = new Uint8Array(await (await fetch("/corpus/" + name, { cache: c })).arrayBuffer());
  sent += b.length;
  if (gunzip && b[0] === 0x1f && b[1] === 0x8b)
    b = new Uint8Array(await new Response(new Blob([b]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
  return b;
}
async function span(from) { // up to perRequest ranges of the pack in one request
  const r = await fetch("/corpus/pack", { headers: { Range: "bytes=" + from.map(([a, b]) => a + "-" + b).join(",") } });
  if (r.status !== 206) throw new Error("HTTP " + r.status);
  const n = (await r.arrayBuffer()).byteLength; // read before adding: sent += await ... would add to a stale sum
  sent += n;
}
onmessage = async (e) => {
  const { gunzip, inFlight, perRequest } = e.data, t0 = performance.now();
  cache = e.data.cache;
  let i = 0, requests = 0;
  if (perRequest < 0) { // the control: no fetch, the same wait
    await new Promise((r) => setTimeout(r, 3000));
    i = names.length;
  }
  const next = async () => {
    while (i < names.length) {
      requests++;
      if (perRequest > 0) await span(ranges.slice(i, i += perRequest));
      else await part(names[i++], gunzip);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, next));
  postMessage({ ms: performance.now() - t0, requests, sent });
};`)
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) {
		io.WriteString(w, `<!doctype html><script>
window.run = (gunzip, inFlight, perRequest, cache) => new Promise((done) => {
  const w = new Worker("/fetch.js");
  w.onmessage = (e) => { done(e.data); w.terminate(); };
  w.postMessage({ gunzip, inFlight, perRequest, cache });
});</script>`)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	type run struct {
		gunzip               bool
		inFlight, perRequest int
		cache                string // the fetches' RequestCache
	}
	runs := []run{
		{false, 64, 0, "default"}, {false, 64, 0, "records"}, {false, 64, 0, "no-store"},
		{false, 64, 0, "default"}, {false, 64, 0, "records"}, {false, 64, 0, "no-store"},
		{true, 64, 0, "default"}, {false, 6, 0, "default"}, {true, 6, 0, "default"},
		{false, 64, 50, "default"}, {false, 64, 200, "default"}, {false, 0, -1, "default"},
	}
	for _, r := range runs {
		ctx := browsertest.New(t)
		tctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
		if err := chromedp.Do(tctx, chromedp.Navigate(srv.URL+"/")); err != nil {
			t.Fatal(err)
		}
		type result struct {
			Ms             float64
			Requests, Sent int
		}
		cpu := readCPUTimes()
		call := "run(" + strconv.FormatBool(r.gunzip) + ", " + strconv.Itoa(r.inFlight) + ", " + strconv.Itoa(r.perRequest) + ", " + strconv.Quote(r.cache) + ")"
		got, err := chromedp.Run(tctx, chromedp.Evaluate[result](call, chromedp.EvalAwaitPromise))
		again, err2 := chromedp.Run(tctx, chromedp.Evaluate[result](call, chromedp.EvalAwaitPromise))
		if err == nil {
			err = err2
		}
		busy := cpu.busySince()
		cancel()
		chromedp.Cancel(ctx)
		if err != nil {
			t.Fatal(err)
		}
		how := fmt.Sprintf("%d in flight, gunzip %v, cache %s", r.inFlight, r.gunzip, r.cache)
		if r.perRequest > 0 {
			how = fmt.Sprintf("%d ranges a request", r.perRequest)
		} else if r.perRequest < 0 {
			how = "none fetched, a 3 s wait (the control)"
		}
		t.Logf("%d parts, %s: %.0f ms (%.2f ms a part) in %d requests, %d bytes sent; again %.0f ms%s", len(log.names), how, got.Ms, got.Ms/float64(len(log.names)), got.Requests, got.Sent, again.Ms, busy)
	}
}

// cpuTimes are the machine's CPU times so far, from /proc/stat's first
// line (user, nice, system, idle, iowait, ...), nil where there is none.
type cpuTimes []uint64

func readCPUTimes() cpuTimes {
	b, err := os.ReadFile("/proc/stat")
	if err != nil {
		return nil
	}
	line, _, _ := strings.Cut(string(b), "\n")
	var out cpuTimes
	for _, f := range strings.Fields(line)[1:] {
		v, err := strconv.ParseUint(f, 10, 64)
		if err != nil {
			return nil
		}
		out = append(out, v)
	}
	if len(out) < 5 {
		return nil
	}
	return out
}

// busySince says what share of the CPU time since c was busy, and in the
// kernel; "" where it cannot tell.
func (c cpuTimes) busySince() string {
	now := readCPUTimes()
	if c == nil || len(now) != len(c) {
		return ""
	}
	var total uint64
	d := make([]uint64, len(c))
	for i := range c {
		d[i] = now[i] - c[i]
		total += d[i]
	}
	if total == 0 {
		return ""
	}
	pct := func(v uint64) float64 { return 100 * float64(v) / float64(total) }
	return fmt.Sprintf("; CPUs %.0f %% busy, %.0f %% in the kernel", 100-pct(d[3]+d[4]), pct(d[2]))
}
