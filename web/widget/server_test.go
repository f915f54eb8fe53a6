package widget

import (
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/factcheckwidget/factcheck/internal/corpus"
	"github.com/factcheckwidget/factcheck/internal/defaultcorpus"
	"github.com/factcheckwidget/factcheck/internal/index"
)

// assetDir holds the widget as `make wasm` ships it, built by TestMain so
// `go test ./...` needs no earlier make step.
var assetDir string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "factcheck-web-")
	if err == nil {
		err = BuildAssets(dir)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "widget tests: building the web assets failed:", err)
		os.Exit(1)
	}
	assetDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// BuildAssets does what `make wasm` does, in-process where it can: the wasm
// (same flags), wasm_exec.js, the JS sources and the default corpus index.
func BuildAssets(dir string) error {
	root, err := filepath.Abs("../..")
	if err != nil {
		return err
	}
	// Same flags as mk/widget.mk's WASM_GCFLAGS.
	core := "github.com/factcheckwidget/factcheck/internal"
	for out, tags := range map[string]string{"factcheck.wasm": "", "factcheck-shards.wasm": "shards"} {
		cmd := exec.Command("go", "build", "-tags", tags, "-trimpath", "-gcflags=all=-l", "-gcflags="+core+"/match=", "-gcflags="+core+"/index=",
			"-ldflags=-s -w", "-o", filepath.Join(dir, out), "./wasm/widget")
		cmd.Dir = root
		cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
		if msg, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("go build %s: %v\n%s", out, err, msg)
		}
	}
	execJS := filepath.Join(runtime.GOROOT(), "lib", "wasm", "wasm_exec.js")
	if _, err := os.Stat(execJS); err != nil {
		execJS = filepath.Join(runtime.GOROOT(), "misc", "wasm", "wasm_exec.js")
	}
	files := Scripts()
	if files["wasm_exec.js"], err = os.ReadFile(execJS); err != nil {
		return err
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return err
		}
	}
	x, err := defaultcorpus.Index()
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "default.fcx"), x.Encode(), 0o644)
}

// buildIndexFile compiles a corpus file the way `factcheck index` does.
func buildIndexFile(src, dst string) error {
	claims, _, err := corpus.ReadFile(src)
	if err != nil {
		return err
	}
	x, err := index.Build(claims, nil)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, x.Encode(), 0o644)
}

// serve starts a server on 127.0.0.1 with the widget under /fc/, the
// given pages and any other handlers; it stops when the test ends.
func serve(t testing.TB, pages map[string]string, handlers ...map[string]http.HandlerFunc) *httptest.Server {
	mux := http.NewServeMux()
	for _, hs := range handlers {
		for path, h := range hs {
			mux.HandleFunc(path, h)
		}
	}
	mux.Handle("/fc/", http.StripPrefix("/fc/", http.FileServer(http.Dir(assetDir))))
	mux.HandleFunc("/corpus/custom.fcx", func(w http.ResponseWriter, r *http.Request) {
		http.ServeFile(w, r, filepath.Join(assetDir, "default.fcx"))
	})
	for path, body := range pages {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path != path {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(body))
		})
	}
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// page wraps an article in a document that loads the widget the way an
// embedder does, and records for the tests: the article's markup before
// the widget touched it, main-thread heartbeat gaps, and the done event.
func page(title, article, scriptAttrs string, head ...string) string {
	return `<!doctype html><html lang="en"><head><meta charset="utf-8">` + strings.Join(head, "\n") + `
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>` + html.EscapeString(title) + `</title>
<style>body{font:18px/1.6 Georgia,serif;max-width:720px;margin:32px auto;padding:0 16px;color:#222}
h1{font:700 30px/1.2 system-ui,sans-serif}.byline{color:#666;font-size:15px}</style>
<script>
// Heartbeat: the longest gap between timer ticks shows how long the main
// thread was blocked.
window.__gaps = []; let __last = performance.now();
setInterval(() => { const now = performance.now(); __gaps.push([now, now - __last]); __last = now; }, 10);
document.addEventListener("factcheck:done", (e) => { window.__done = e.detail; });
const __warn = console.warn; console.warn = (...a) => { window.__err = a.join(" "); __warn(...a); };
</script>
` + loaderTag(scriptAttrs) + `
</head><body>
` + article + `
<script>window.__before = (document.querySelector("article,fact-check-article") || {}).innerHTML;</script>
</body></html>`
}

// loaderTag is the widget's script tag; "-" leaves it out, for tests that
// add the script themselves later.
func loaderTag(attrs string) string {
	if attrs == "-" {
		return ""
	}
	return `<script src="/fc/factcheck.js" defer ` + attrs + `></script>`
}

// testArticle is a small article with sentences the default corpus
// matches, unrelated ones, and markup (emphasis, a link) inside a matched
// sentence.
const testArticle = `<article data-factcheck data-date="2025-11-05">
<h1>Widget test article</h1>
<p id="p1">Around 28,500 <em id="em1">American</em> <b>service</b> members are based in <a id="l1" href="https://news.example/usfk">South Korea</a>. The cafe on the corner sells excellent coffee.</p>
<p id="p2">My neighbour repainted her front door a cheerful shade of green.
Peacetime control was handed back to Seoul in 1994.</p>
<p id="p3">Street vendors near the ministry did brisk business in roasted chestnuts and hot sweet potatoes as the temperature dropped.</p>
</article>`

var tagRE = regexp.MustCompile(`<[^>]+>`)

// plainText approximates the text the widget sends for an article fragment:
// tags removed, each line of the source its own block. Used to compute the
// engine's own answer natively for comparison.
func plainText(fragment string) string {
	var lines []string
	for _, l := range strings.Split(fragment, "\n") {
		if l = strings.TrimSpace(html.UnescapeString(tagRE.ReplaceAllString(l, ""))); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}
