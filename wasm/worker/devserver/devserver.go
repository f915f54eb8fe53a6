//go:build unix

// Package devserver starts the built Worker under `wrangler dev` on a free
// 127.0.0.1 port and stops it with its whole process group (wrangler runs
// workerd as a child). The integration test and cmd bench share it.
package devserver

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"time"
)

// Server is a running `wrangler dev`.
type Server struct {
	URL  string // http://127.0.0.1:PORT
	cmd  *exec.Cmd
	log  *syncBuffer
	done chan struct{}
	err  error // from Wait, valid once done is closed
}

// Root returns the repository root: the nearest directory above the
// working directory that holds wrangler.toml.
func Root() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "wrangler.toml")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("devserver: no wrangler.toml above the working directory")
		}
		dir = parent
	}
}

// Wrangler returns the wrangler installed by `npm ci` under root.
func Wrangler(root string) (string, error) {
	p := filepath.Join(root, "node_modules", ".bin", "wrangler")
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("devserver: %s missing: run `make node_modules` (npm ci)", p)
	}
	return p, nil
}

// Start runs `wrangler dev --local` on free ports with metrics and the
// cf-object fetch off (no network), from root, serving the build that
// wrangler.toml names. Call Ready before sending requests and Stop after.
// logLevel is wrangler's: "log" shows the Worker's console.log lines, "warn"
// also drops the per-request lines (less noise in timings). args are
// added to wrangler's (--var NAME:VALUE).
func Start(root, logLevel string, args ...string) (*Server, error) {
	wrangler, err := Wrangler(root)
	if err != nil {
		return nil, err
	}
	ports, err := freePorts(2)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(wrangler, "dev", "--local", "--ip", "127.0.0.1",
		"--port", strconv.Itoa(ports[0]), "--inspector-port", strconv.Itoa(ports[1]),
		"--show-interactive-dev-session=false", "--log-level", logLevel)
	cmd.Args = append(cmd.Args, args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "WRANGLER_SEND_METRICS=false", "CLOUDFLARE_CF_FETCH_ENABLED=false", "NO_COLOR=1")
	// Its own process group, so Stop reaches workerd too.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	log := &syncBuffer{}
	cmd.Stdout, cmd.Stderr = log, log
	// workerd may hold the output pipe after wrangler is gone; do not wait on it forever.
	cmd.WaitDelay = 2 * time.Second
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	s := &Server{URL: "http://127.0.0.1:" + strconv.Itoa(ports[0]), cmd: cmd, log: log, done: make(chan struct{})}
	go func() { s.err = cmd.Wait(); close(s.done) }()
	return s, nil
}

// WaitListening waits until the port accepts connections, without sending
// a request (so the first request can be timed as a cold start).
func (s *Server) WaitListening(ctx context.Context) error {
	addr := s.URL[len("http://"):]
	for {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			c.Close()
			return nil
		}
		if err := s.wait(ctx, 100*time.Millisecond); err != nil {
			return err
		}
	}
}

// Ready waits until GET path answers 200.
func (s *Server) Ready(ctx context.Context, path string) error {
	if err := s.WaitListening(ctx); err != nil {
		return err
	}
	client := &http.Client{Timeout: 10 * time.Second}
	for {
		resp, err := client.Get(s.URL + path)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		if err := s.wait(ctx, 200*time.Millisecond); err != nil {
			return err
		}
	}
}

// wait sleeps for d unless ctx ends or wrangler exits first.
func (s *Server) wait(ctx context.Context, d time.Duration) error {
	select {
	case <-ctx.Done():
		return fmt.Errorf("wrangler dev not ready: %w; its output:\n%s", ctx.Err(), s.Log())
	case <-s.done:
		return fmt.Errorf("wrangler dev exited (%v); its output:\n%s", s.err, s.Log())
	case <-time.After(d):
		return nil
	}
}

// Log returns what wrangler printed so far.
func (s *Server) Log() string { return s.log.String() }

// Stop ends the process group: SIGTERM, then SIGKILL after a grace period.
func (s *Server) Stop() {
	pgid := s.cmd.Process.Pid // Setpgid: the group id is the leader's pid
	_ = syscall.Kill(-pgid, syscall.SIGTERM)
	select {
	case <-s.done:
	case <-time.After(5 * time.Second):
	}
	// workerd may outlive wrangler; make sure nothing of the group is left.
	_ = syscall.Kill(-pgid, syscall.SIGKILL)
	<-s.done
}

// freePorts returns n distinct free TCP ports on 127.0.0.1. Holding all the
// listeners until every port is known keeps the ports distinct.
func freePorts(n int) ([]int, error) {
	var ports []int
	for range n {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, err
		}
		defer l.Close()
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	return ports, nil
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}
