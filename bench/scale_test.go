package bench

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/factcheckwidget/factcheck/internal/benchdata"
	"github.com/factcheckwidget/factcheck/internal/browsertest"
	"github.com/factcheckwidget/factcheck/internal/compile"
	"github.com/factcheckwidget/factcheck/internal/corpus"
	"github.com/factcheckwidget/factcheck/internal/evaluate"
	"github.com/factcheckwidget/factcheck/internal/index"
	"github.com/factcheckwidget/factcheck/internal/match"
	"github.com/factcheckwidget/factcheck/internal/shardio"
)

// Issue 16: sharded corpora of 19,250 claims (PolitiFact) and 300,000
// (PolitiFact plus sentences of its articles, benchdata.ScaleCorpus,
// generated at run time), built with `factcheck index --shards`, read by
// the widget from a plain static server in fresh Chromium.

// Scale is what the scale benchmark measured.
type Scale struct {
	Corpora []ScaleCorpus `json:"corpora"`
	// Articles are where the two 1,000-word articles come from.
	Articles string `json:"articles"`
}

// ScaleCorpus is one sharded corpus's figures.
type ScaleCorpus struct {
	Name               string       `json:"name"`
	Claims             int          `json:"claims"`
	BuildSeconds       float64      `json:"buildSeconds"`
	BuildPeakRSSBytes  int64        `json:"buildPeakRSSBytes"`
	StoredBytes        int64        `json:"storedBytes"`
	StoredFiles        int          `json:"storedFiles"`
	ColdBytes          int          `json:"coldBytes"` // corpus bytes sent for the first article, manifest included
	ColdFiles          int          `json:"coldFiles"`
	WarmBytes          int          `json:"warmBytes"` // for a second article on the same page
	WarmFiles          int          `json:"warmFiles"`
	StartToHighlighted float64      `json:"startToHighlightedMs"` // fresh browser: script start -> first article highlighted
	Highlighted        int          `json:"highlighted"`
	FirstCheckCPUMs    float64      `json:"firstCheckCpuMs"` // the first article's check in the fresh browser: Go time in the worker, fetched parts' adding included
	FirstRounds        []FetchRound `json:"firstRounds"`     // the first article's rounds of fetches
	CheckCPUMs         float64      `json:"checkCpuMs"`      // first article again, every part at hand: Go time in the worker (median of 5)
	WarmCheckCPUMs     float64      `json:"warmCheckCpuMs"`  // second article, Go time (fetches excluded)
	WasmMemoryBytes    int64        `json:"wasmMemoryBytes"`
	// MAP@5 of the 2022-2b dev queries (with their context) ranked on the
	// whole index and on the sharded corpus.
	MAP5Exhaustive float64 `json:"map5Exhaustive"`
	MAP5Sharded    float64 `json:"map5Sharded"`
	MAP5Queries    int     `json:"map5Queries"`
}

// FetchRound is one round of a check's fetches, as the widget's worker
// times it: the parts asked for, the time from asking to having them all,
// and of that the time spent adding them in Go.
type FetchRound struct {
	Parts int     `json:"parts"`
	Ms    float64 `json:"ms"`
	AddMs float64 `json:"addMs"`
}

// scaleBench runs the scale benchmark into dir.
func scaleBench(t *testing.T, dir string) *Scale {
	debates := filepath.Join(dataDir, benchdata.Debates)
	a1 := transcriptWords(t, filepath.Join(debates, "transcripts", "20190912_democratic_debate.tsv"), 500, 1000)
	a2 := transcriptWords(t, filepath.Join(debates, "transcripts", "20181015_60_min.tsv"), 500, 1000)
	s := &Scale{Articles: "1,000 words each of the 2022-2b dev transcripts 20190912_democratic_debate and 20181015_60_min (from word 500)"}

	t.Log("bench: scale: 19,250 claims")
	pf := filepath.Join(dir, "politifact")
	c := buildShards(t, filepath.Join(debates, "vclaims.jsonl"), pf)
	c.Name = "politifact"
	x := loadScaleIndex(t, filepath.Join(debates, "vclaims.jsonl"))
	browseShards(t, pf, a1, a2, &c)
	mapShards(t, x, pf, &c)
	s.Corpora = append(s.Corpora, c)
	if os.Getenv("FACTCHECK_BENCH_ONLY") == "scale19" {
		return s
	}

	t.Log("bench: scale: 300,000 claims (generating the corpus)")
	src := filepath.Join(dir, "scale.jsonl")
	claims := writeScaleCorpus(t, src)
	big := filepath.Join(dir, "scale")
	c = buildShards(t, src, big)
	c.Name = fmt.Sprintf("politifact+articles (%d)", claims)
	browseShards(t, big, a1, a2, &c)
	x = loadScaleIndex(t, src)
	mapShards(t, x, big, &c)
	s.Corpora = append(s.Corpora, c)
	return s
}

// transcriptWords is words [skip, skip+n) of a transcript, one line each.
func transcriptWords(t *testing.T, path string, skip, n int) string {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for words := 0; sc.Scan() && words < n; {
		p := strings.SplitN(sc.Text(), "\t", 3)
		if len(p) < 3 {
			continue
		}
		w := strings.Fields(p[2])
		if skip > 0 {
			skip -= len(w)
			continue
		}
		w = w[:min(len(w), n-words)]
		words += len(w)
		lines = append(lines, strings.Join(w, " "))
	}
	return strings.Join(lines, "\n")
}

// writeScaleCorpus writes the 300,000-claim corpus as CheckThat! JSONL.
func writeScaleCorpus(t *testing.T, path string) int {
	cs, err := benchdata.ScaleCorpus(dataDir, benchdata.ScaleClaims)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for _, c := range cs {
		if err := enc.Encode(map[string]string{"vclaim_id": c.ID, "vclaim": c.Text, "title": c.Title, "truth_label": c.Rating,
			"speaker": c.Claimant, "date": c.ClaimDate, "url": c.URL}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return len(cs)
}

// buildShards runs `factcheck index --shards` and measures it.
func buildShards(t *testing.T, src, dir string) ScaleCorpus {
	cmd := exec.Command(binPath, "index", "--shards", "-o", dir+"/", src)
	start := time.Now()
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("factcheck index --shards %s: %v\n%s", src, err, out)
	}
	c := ScaleCorpus{BuildSeconds: time.Since(start).Seconds()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		c.BuildPeakRSSBytes = ru.Maxrss * 1024 // kilobytes on Linux
	}
	r, err := shardio.Open(context.Background(), shardio.Dir(dir))
	if err != nil {
		t.Fatal(err)
	}
	c.Claims = r.Manifest().Claims
	filepath.Walk(dir, func(_ string, info os.FileInfo, err error) error {
		if err == nil && info.Mode().IsRegular() {
			c.StoredBytes += info.Size()
			c.StoredFiles++
		}
		return nil
	})
	// Flush the build's files (484,959 at 300,000 claims) before a browser
	// is timed on them: the kernel's write-back of them otherwise runs
	// during the next steps, and one run's start -> highlighted took
	// 3.1 s against 2.0-2.1 s in the runs around it for the same bytes.
	syscall.Sync()
	return c
}

func loadScaleIndex(t *testing.T, src string) *index.Index {
	claims, _, err := corpus.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	x, err := compile.Index(claims, nil)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// mapShards scores the 2022-2b dev queries (with their transcript
// context) ranked on x and on the sharded corpus in dir.
func mapShards(t *testing.T, x *index.Index, dir string, c *ScaleCorpus) {
	set := filepath.Join(dataDir, benchdata.Debates)
	queries, err := evaluate.ReadQueries(filepath.Join(set, "dev.queries.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := evaluate.AddTranscriptContext(queries, filepath.Join(set, "transcripts"), benchdata.ContextLines); err != nil {
		t.Fatal(err)
	}
	qrels, err := evaluate.ReadQrels(filepath.Join(set, "dev.qrels"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := shardio.Open(context.Background(), shardio.Dir(dir))
	if err != nil {
		t.Fatal(err)
	}
	m := match.New(x)
	whole, sharded := evaluate.Run{}, evaluate.Run{}
	for _, q := range queries {
		for _, cd := range m.RankQuery(m.PrepareContext(q.Text, q.Context), 5) {
			whole[q.ID] = append(whole[q.ID], x.Claim(cd.Doc).ID)
		}
		cands, px, err := r.Rank(context.Background(), q.Text, q.Context, 5)
		if err != nil {
			t.Fatal(err)
		}
		for _, cd := range cands {
			sharded[q.ID] = append(sharded[q.ID], px.Claim(cd.Doc).ID)
		}
	}
	c.MAP5Exhaustive, c.MAP5Sharded = evaluate.Score(qrels, whole).MAP5, evaluate.Score(qrels, sharded).MAP5
	c.MAP5Queries = len(qrels)
}

// browseShards loads a page checking article a1 against the sharded
// corpus in dir in a fresh browser, then checks a2 on the same page.
func browseShards(t *testing.T, dir, a1, a2 string, c *ScaleCorpus) {
	var mu sync.Mutex
	sent, files := 0, 0
	corpus := http.StripPrefix("/corpus/", http.FileServer(http.Dir(dir)))
	mux := http.NewServeMux()
	mux.Handle("/fc/", http.StripPrefix("/fc/", http.FileServer(http.Dir(webDir))))
	mux.HandleFunc("/corpus/", func(w http.ResponseWriter, r *http.Request) {
		cw := &countWriter{ResponseWriter: w}
		corpus.ServeHTTP(cw, r)
		mu.Lock()
		sent, files = sent+cw.n, files+1
		mu.Unlock()
	})
	mux.HandleFunc("/article", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Scale</title>
<script>document.addEventListener("factcheck:done", (e) => { window.__done = e.detail; });</script>
<script src="/fc/factcheck.js" data-corpus="/corpus/" defer></script></head><body><article data-factcheck data-date="2019-09-12">`)
		for _, l := range strings.Split(a1, "\n") {
			io.WriteString(w, "<p>"+htmlEscape(l)+"</p>\n")
		}
		io.WriteString(w, `</article></body></html>`)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	ctx := browsertest.New(t)
	defer chromedp.Cancel(ctx)
	tctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	if err := chromedp.Do(tctx, chromedp.Navigate(srv.URL+"/article"), chromedp.Poll[chromedp.Void](`window.__done !== undefined`)); err != nil {
		t.Fatalf("scale page: %v", err)
	}
	type marks struct {
		Highlighted, Matched, GoMs float64
		Rounds                     []FetchRound
	}
	mk, err := chromedp.Run(tctx, chromedp.Evaluate[marks](`(() => {
		const at = (n) => performance.getEntriesByName(n)[0].startTime;
		return {Highlighted: at("factcheck:highlighted") - at("factcheck:start"), Matched: window.__done.matched, GoMs: window.__done.goMs,
			Rounds: window.__done.rounds};
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	c.ColdBytes, c.ColdFiles = sent, files
	sent, files = 0, 0
	mu.Unlock()
	c.StartToHighlighted, c.Highlighted, c.FirstCheckCPUMs, c.FirstRounds = mk.Highlighted, int(mk.Matched), mk.GoMs, mk.Rounds
	type result struct {
		CPUMs     float64 `json:"cpuMs"`
		WasmBytes int64   `json:"wasmBytes"`
	}
	check := func(text string) result {
		arg, _ := json.Marshal(text)
		r, err := chromedp.Run(tctx, chromedp.Evaluate[result](`factcheck.checkText(`+string(arg)+`, "2019-09-12")`, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	// The first article again, five times, each a new check of the same
	// sentences (a text the last check did not read: the reader keeps its
	// last first stage): one check's time swings by a third on this
	// machine, the median less. The second article comes after the first
	// of them, and the wasm's memory is read after it, three checks in.
	again := func(i int) float64 { return check(a1 + strings.Repeat("\n", 1+i%2)).CPUMs }
	agains := []float64{again(0)}
	warm := check(a2)
	mu.Lock()
	c.WarmBytes, c.WarmFiles = sent, files
	mu.Unlock()
	for i := 1; i < 5; i++ {
		agains = append(agains, again(i))
	}
	sort.Float64s(agains)
	c.CheckCPUMs, c.WarmCheckCPUMs, c.WasmMemoryBytes = agains[len(agains)/2], warm.CPUMs, warm.WasmBytes
}

type countWriter struct {
	http.ResponseWriter
	n int
}

func (c *countWriter) Write(b []byte) (int, error) {
	n, err := c.ResponseWriter.Write(b)
	c.n += n
	return n, err
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// scaleNotes states issue 16's targets as met or missed.
func scaleNotes(s *Scale) []string {
	var n []string
	verdict := func(ok bool, miss string) string {
		if ok {
			return "met"
		}
		return "MISSED: " + miss
	}
	for _, c := range s.Corpora {
		switch {
		case c.Claims >= 300_000:
			n = append(n, fmt.Sprintf("%d claims: %d corpus bytes fetched for a 1,000-word article (target <= 1,000,000: %s)", c.Claims, c.ColdBytes,
				verdict(c.ColdBytes <= 1_000_000, fmt.Sprintf("%.1fx", float64(c.ColdBytes)/1e6))))
			n = append(n, fmt.Sprintf("%d claims: script start -> highlighted %.0f ms, of which the worker spent %.0f ms in Go (target <= 2,500 ms: %s)", c.Claims, c.StartToHighlighted,
				c.FirstCheckCPUMs, verdict(c.StartToHighlighted <= 2500, fmt.Sprintf("by %.0f ms", c.StartToHighlighted-2500))))
			loss := c.MAP5Exhaustive - c.MAP5Sharded
			n = append(n, fmt.Sprintf("%d claims: MAP@5 sharded %.3f vs exhaustive %.3f, loss %.3f (target <= 0.01: %s)", c.Claims, c.MAP5Sharded, c.MAP5Exhaustive, loss,
				verdict(loss <= 0.01, fmt.Sprintf("by %.3f", loss-0.01))))
			n = append(n, fmt.Sprintf("%d claims: index --shards peak RSS %.0f MB in %.0f s (target <= 1 GB: %s)", c.Claims, float64(c.BuildPeakRSSBytes)/1e6, c.BuildSeconds,
				verdict(c.BuildPeakRSSBytes <= 1e9, fmt.Sprintf("%.0f MB", float64(c.BuildPeakRSSBytes)/1e6))))
		default:
			n = append(n, fmt.Sprintf("%d claims: %d corpus bytes fetched per article (target <= 300,000: %s)", c.Claims, c.ColdBytes,
				verdict(c.ColdBytes <= 300_000, fmt.Sprintf("%.1fx", float64(c.ColdBytes)/3e5))))
			n = append(n, fmt.Sprintf("%d claims: whole-article check in the worker %.1f ms of Go, parts at hand (target <= 20 ms: %s)", c.Claims, c.CheckCPUMs,
				verdict(c.CheckCPUMs <= 20, fmt.Sprintf("by %.1f ms", c.CheckCPUMs-20))))
		}
	}
	return n
}

func printScale(w io.Writer, s *Scale) {
	fmt.Fprintf(w, "\n5. Sharded corpora (issue 16; %s)\n", s.Articles)
	fmt.Fprintf(w, "   %-28s %8s %8s %9s %12s %9s %11s %11s %9s %9s %9s %9s %9s %9s %7s\n", "corpus", "claims", "build s", "build RSS", "stored", "files",
		"cold bytes", "warm bytes", "start->hl", "first Go", "check ms", "warm ms", "wasm mem", "MAP whole", "sharded")
	for _, c := range s.Corpora {
		fmt.Fprintf(w, "   %-28s %8d %8.1f %9s %12s %9d %11s %11s %9s %9s %9s %9s %9s %9.3f %7.3f\n", c.Name, c.Claims, c.BuildSeconds,
			kb(int(c.BuildPeakRSSBytes)), kb(int(c.StoredBytes)), c.StoredFiles, fmt.Sprintf("%d/%d", c.ColdBytes, c.ColdFiles),
			fmt.Sprintf("%d/%d", c.WarmBytes, c.WarmFiles), ms(c.StartToHighlighted), ms(c.FirstCheckCPUMs), ms(c.CheckCPUMs), ms(c.WarmCheckCPUMs),
			kb(int(c.WasmMemoryBytes)), c.MAP5Exhaustive, c.MAP5Sharded)
	}
	fmt.Fprintf(w, "   cold/warm bytes: corpus bytes/files a plain static server sent for the first article (fresh browser) and a second one on the same page.\n")
	fmt.Fprintf(w, "   first Go: Go time in the worker during start->hl (adding the fetched parts included; mostly in V8's baseline code, docs/scale.md).\n")
	for _, c := range s.Corpora {
		var rs []string
		for _, r := range c.FirstRounds {
			rs = append(rs, fmt.Sprintf("%d parts %.0f ms (adding %.0f)", r.Parts, r.Ms, r.AddMs))
		}
		fmt.Fprintf(w, "   %s, the first article's rounds of fetches: %s.\n", c.Name, strings.Join(rs, ", "))
	}
	fmt.Fprintf(w, "   check ms: Go time in the worker for the first article again with its parts at hand (median of 5); warm ms: for the second (fetch time excluded).\n")
}
