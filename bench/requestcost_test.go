package bench

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
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
// "Scale"). A measurement: FACTCHECK_EXPLORE=1 runs it.
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
	mux := http.NewServeMux()
	mux.Handle("/corpus/", http.StripPrefix("/corpus/", http.FileServer(http.Dir(dir))))
	mux.HandleFunc("/fetch.js", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/javascript")
		io.WriteString(w, `const names = `+string(names)+`;
async function part(name, gunzip) {
  let b = new Uint8Array(await (await fetch("/corpus/" + name)).arrayBuffer());
  if (gunzip && b[0] === 0x1f && b[1] === 0x8b)
    b = new Uint8Array(await new Response(new Blob([b]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
  return b;
}
onmessage = async (e) => {
  const { gunzip, inFlight } = e.data, t0 = performance.now();
  let i = 0;
  const next = async () => { while (i < names.length) await part(names[i++], gunzip); };
  await Promise.all(Array.from({ length: inFlight }, next));
  postMessage(performance.now() - t0);
};`)
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) {
		io.WriteString(w, `<!doctype html><script>
window.run = (gunzip, inFlight) => new Promise((done) => {
  const w = new Worker("/fetch.js");
  w.onmessage = (e) => { done(e.data); w.terminate(); };
  w.postMessage({ gunzip, inFlight });
});</script>`)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	for _, inFlight := range []int{64, 6} {
		for _, gunzip := range []bool{false, true} {
			ctx := browsertest.New(t)
			tctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
			if err := chromedp.Do(tctx, chromedp.Navigate(srv.URL+"/")); err != nil {
				t.Fatal(err)
			}
			ms, err := chromedp.Run(tctx, chromedp.Evaluate[float64](
				"run("+strconv.FormatBool(gunzip)+", "+strconv.Itoa(inFlight)+")", chromedp.EvalAwaitPromise))
			cancel()
			chromedp.Cancel(ctx)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%d parts, %d in flight, gunzip %v: %.0f ms (%.2f ms a part)", len(log.names), inFlight, gunzip, ms, ms/float64(len(log.names)))
		}
	}
}
