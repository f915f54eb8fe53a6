package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/factcheckwidget/factcheck/internal/api"
	"github.com/factcheckwidget/factcheck/internal/defaultcorpus"
	"github.com/factcheckwidget/factcheck/internal/engine"
	"github.com/factcheckwidget/factcheck/internal/index"
	"github.com/factcheckwidget/factcheck/web/site"
)

func init() {
	register(command{"serve", "[--addr 127.0.0.1:8080] [--corpus FILE|DIR/] [--assets DIR] [--cors ORIGINS]",
		"serve the site, the widget assets (/static/) and the API", runServe})
}

func runServe(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "listen address")
	corpusPath := fs.String("corpus", "", "corpus file, compiled index, or sharded corpus folder DIR/ (API and widget only) (default: the bundled corpus)")
	assets := fs.String("assets", "build/web", "widget assets served under /static/ (built by make wasm)")
	cors := fs.String("cors", "*", "comma-separated origins allowed to call the API")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("serve: unexpected argument %q", fs.Arg(0))
	}
	if isSharded(*corpusPath) {
		h, what, err := shardedServer(*corpusPath, api.Options{AllowedOrigins: splitList(*cors)}, *assets)
		if err != nil {
			return err
		}
		return listenAndServe(*addr, h, what, stdout, stderr)
	}
	c, err := loadChecker(*corpusPath, stderr)
	if err != nil {
		return err
	}
	if st, err := os.Stat(*assets); err != nil || !st.IsDir() {
		fmt.Fprintf(stderr, "serve: %s not found: the widget will not load until `make wasm` builds it\n", *assets)
	}
	h := site.New(c, site.Options{
		API:    api.New(c, api.Options{AllowedOrigins: splitList(*cors)}),
		Assets: http.Dir(*assets),
	})
	return listenAndServe(*addr, h, fmt.Sprintf("%d claims", c.Index().NumClaims()), stdout, stderr)
}

// listenAndServe serves h on addr until SIGINT or SIGTERM.
func listenAndServe(addr string, h http.Handler, what string, stdout, stderr io.Writer) error {
	// Signals are caught before the address is printed, so a Ctrl-C right
	// after the message still shuts down gracefully.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute,
		WriteTimeout: time.Minute, IdleTimeout: 2 * time.Minute}
	fmt.Fprintf(stdout, "factcheck: serving %s on http://%s/ (Ctrl-C stops)\n", what, ln.Addr())
	return serveUntil(ctx, srv, ln, stderr)
}

// serveUntil serves until ctx ends (SIGINT or SIGTERM), then lets requests
// in flight finish (up to 10 s).
func serveUntil(ctx context.Context, srv *http.Server, ln net.Listener, stderr io.Writer) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	fmt.Fprintln(stderr, "factcheck: shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// loadChecker loads --corpus, or the bundled corpus when it is empty.
func loadChecker(path string, stderr io.Writer) (*engine.Checker, error) {
	var x *index.Index
	var err error
	if path == "" {
		x, err = defaultcorpus.Index()
	} else {
		x, err = loadIndex(path, stderr)
	}
	if err != nil {
		return nil, err
	}
	return engine.New(x), nil
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
