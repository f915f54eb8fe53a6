//go:build unix

// Package serveproc runs a built factcheck binary's `serve` on a free
// 127.0.0.1 port in its own process group, for the programs and tests that
// talk to the real server over HTTP (cmd/loadtest, test/googleclient), and
// stops it with the whole group.
package serveproc

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"syscall"
	"time"
)

// Server is a running `factcheck serve`.
type Server struct {
	URL  string // http://127.0.0.1:PORT
	cmd  *exec.Cmd
	done chan struct{}
}

var servingRE = regexp.MustCompile(`on (http://127\.0\.0\.1:[0-9]+)/`)

// Start runs bin serve on port 0 (the kernel picks a free port, serve prints
// it), with --corpus corpus unless it is empty, and waits until /healthz
// answers 200. The server's stderr goes to logw. Widget assets are not
// served: the API and pages are what the callers use.
func Start(bin, corpus string, logw io.Writer) (*Server, error) {
	assets, err := os.MkdirTemp("", "factcheck-serve-assets-")
	if err != nil {
		return nil, err
	}
	defer os.Remove(assets) // serve stats it at start, before it prints its address
	args := []string{"serve", "--addr", "127.0.0.1:0", "--assets", assets}
	if corpus != "" {
		args = append(args, "--corpus", corpus)
	}
	cmd := exec.Command(bin, args...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Stderr = logw
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", bin, err)
	}
	s := &Server{cmd: cmd, done: make(chan struct{})}
	go func() { cmd.Wait(); close(s.done) }()
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if m := servingRE.FindStringSubmatch(sc.Text()); m != nil {
				addr <- m[1]
			}
		}
	}()
	select {
	case s.URL = <-addr:
	case <-s.done:
		return nil, fmt.Errorf("%s serve exited before listening", bin)
	case <-time.After(30 * time.Second):
		s.Stop()
		return nil, errors.New("the server did not start within 30s")
	}
	for end := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		resp, err := http.Get(s.URL + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return s, nil
			}
		}
		if time.Now().After(end) {
			s.Stop()
			return nil, fmt.Errorf("healthz: %v", err)
		}
	}
}

// PID is the server's process id.
func (s *Server) PID() int { return s.cmd.Process.Pid }

// Alive reports whether the server is still running.
func (s *Server) Alive() bool {
	select {
	case <-s.done:
		return false
	default:
		return true
	}
}

// Stop ends the server's process group: SIGTERM (serve shuts down
// gracefully), SIGKILL after 10 s.
func (s *Server) Stop() {
	pg := -s.cmd.Process.Pid
	_ = syscall.Kill(pg, syscall.SIGTERM)
	select {
	case <-s.done:
	case <-time.After(10 * time.Second):
		_ = syscall.Kill(pg, syscall.SIGKILL)
		<-s.done
	}
}
