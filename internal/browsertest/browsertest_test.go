package browsertest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const page = `<!doctype html><title>t</title><p id=p>hi</p><script>
const w = new Worker("/w.js");
w.onmessage = e => { document.getElementById("p").textContent = e.data; };
</script>`

const worker = `fetch("/from-worker").then(r => r.text()).then(t => postMessage(t));`

// TestProxySeesWorkerRequests checks the privacy recorder sees the requests
// of dedicated workers too, which the widget's wasm runs in, while the
// DevTools recorder sees the page's.
func TestProxySeesWorkerRequests(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/w.js":
			w.Header().Set("Content-Type", "text/javascript")
			w.Write([]byte(worker))
		case "/from-worker":
			w.Write([]byte("worker-done"))
		default:
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte(page))
		}
	}))
	defer srv.Close()

	proxy := NewProxy(t)
	ctx := New(t, proxy.Options()...)
	reqs, err := Record(ctx)
	require.NoError(t, err)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(srv.URL)))
	require.Eventually(t, func() bool {
		txt, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("p").textContent`))
		return err == nil && txt == "worker-done"
	}, 10*time.Second, 50*time.Millisecond)
	assert.Contains(t, reqs.URLs(), srv.URL+"/w.js")
	urls := proxy.URLs()
	assert.Contains(t, urls, srv.URL+"/w.js")
	assert.Contains(t, urls, srv.URL+"/from-worker", "requests made inside a Worker must be recorded")
	assert.Empty(t, proxy.Foreign(srv.URL))
	t.Log("browser services refused:", proxy.Browser.URLs())
}

func TestForeign(t *testing.T) {
	assert.Equal(t, []string{"https://example.com/x"}, (&Requests{urls: []string{"data:,x", "https://example.com/x", "blob:http://127.0.0.1:1/1"}}).Foreign("http://127.0.0.1:1/"))
}

// Loaded waits through a form post for the element the posted page holds,
// while the page that posted it is still being replaced, and gives up
// when its context ends.
func TestLoadedWaitsThroughAFormPost(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		if r.Method == http.MethodPost {
			time.Sleep(300 * time.Millisecond) // the posting page stays up meanwhile
			w.Write([]byte(`<!doctype html><title>r</title><p id=results>posted</p>`))
			return
		}
		w.Write([]byte(`<!doctype html><title>f</title><form method=post action=/r><button>go</button></form>
<script>document.forms[0].requestSubmit();</script>`))
	}))
	defer srv.Close()
	ctx := New(t)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(srv.URL), Loaded("results")))
	txt, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("results")))
	require.NoError(t, err)
	assert.Equal(t, "posted", txt)

	short, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
	defer cancel()
	assert.ErrorIs(t, chromedp.Do(short, Loaded("absent")), context.DeadlineExceeded)
}
