// Package browsertest starts a headless Chromium for tests that must run in
// a real browser (widget, site pages, extension). Tests skip when Chromium is
// missing, unless FACTCHECK_REQUIRE_BROWSER=1 (set by `make test`), so a
// plain `go test ./...` on a laptop without Chromium still passes.
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// RequireEnv names the variable that turns a missing browser into a failure.
const RequireEnv = "FACTCHECK_REQUIRE_BROWSER"

// Flags are the command-line flags every test browser runs with: headless,
// no sandbox (containers run as root), and nothing that phones home, so the
// privacy assertions see only the page's own requests.
var Flags = []chromedp.ExecAllocatorOption{
	chromedp.Flag("headless", "new"),
	chromedp.Flag("no-sandbox", true),
	chromedp.Flag("disable-gpu", true),
	chromedp.Flag("disable-background-networking", true),
	chromedp.Flag("disable-component-update", true),
	chromedp.Flag("disable-sync", true),
	chromedp.Flag("no-first-run", true),
	chromedp.Flag("no-default-browser-check", true),
	// /dev/shm is small in containers; Chromium crashes when it fills.
	chromedp.Flag("disable-dev-shm-usage", true),
	// Background services that phone home even with the flags above.
	chromedp.Flag("disable-default-apps", true),
	chromedp.Flag("disable-extensions", true),
	chromedp.Flag("disable-client-side-phishing-detection", true),
	chromedp.Flag("safebrowsing-disable-auto-update", true),
	chromedp.Flag("metrics-recording-only", true),
	chromedp.Flag("no-pings", true),
	chromedp.Flag("password-store", "basic"),
	chromedp.Flag("use-mock-keychain", true),
	chromedp.Flag("disable-features", "Translate,OptimizationHints,MediaRouter,NetworkTimeServiceQuerying,AutofillServerCommunication,CertificateTransparencyComponentUpdater"),
	chromedp.WindowSize(1280, 900),
}

// Path returns the Chromium executable: $CHROMIUM ("" if it does not
// exist), else the Debian package's
// /usr/bin/chromium, else the first of the usual names on $PATH; "" if none.
func Path() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return ""
		}
		return p
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// New starts a browser with a fresh profile and returns a chromedp context
// for its first tab. The browser is stopped (with every child process) when
// the test ends. opts are added after Flags and may override them: an
// extension test passes chromedp.Flag("disable-extensions", false) and
// chromedp.Flag("load-extension", dir).
func New(t testing.TB, opts ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	path := Path()
	if path == "" {
		if os.Getenv(RequireEnv) == "1" {
			t.Fatal("browsertest: Chromium not found (set CHROMIUM or install chromium: apt-get install -y chromium)")
		}
		t.Skip("browsertest: Chromium not found; install chromium: apt-get install -y chromium (or set CHROMIUM)")
	}
	all := append([]chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.UserDataDir(t.TempDir()),
	}, Flags...)
	all = append(all, opts...)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), all...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	// Cleanups run last-in first-out: the browser stops before TempDir's
	// cleanup removes its profile.
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("browsertest: start %s: %v", path, err)
	}
	return ctx
}

// NewTab opens another tab in the browser of ctx, closed when the test ends.
func NewTab(t testing.TB, ctx context.Context) context.Context {
	t.Helper()
	tab, cancel := chromedp.NewContext(ctx)
	t.Cleanup(cancel)
	if err := chromedp.Do(tab); err != nil {
		t.Fatalf("browsertest: open tab: %v", err)
	}
	return tab
}

// Loaded waits until the page a navigation or a form post started has
// loaded and holds the element with id. It asks again while the page is
// being replaced: a node query or a script run in a document that is
// going away fails ("No node with given id found", "Inspected target
// navigated or closed"), which made tests that wait for a posted form's
// results flaky.
func Loaded(id string) chromedp.Action[chromedp.Void] {
	ready := chromedp.Evaluate[bool](`document.readyState === "complete" && document.getElementById(` + strconv.Quote(id) + `) !== null`)
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		for {
			if ok, err := ready(ctx, t); err == nil && ok {
				return nil
			}
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(20 * time.Millisecond):
			}
		}
	})
}
