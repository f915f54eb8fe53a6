package browsertest

import (
	"bufio"
	"io"
	"net"
	"net/textproto"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// Proxy is an HTTP proxy that the browser sends every request through, so
// it sees what the DevTools network events of a page miss: the requests of
// dedicated workers (where the widget's wasm runs), service workers and the
// browser itself. It forwards requests to loopback hosts (the test servers)
// and refuses everything else, recording all of them: a test that leaks can
// neither reach the internet nor go unnoticed.
//
// Chromium's own services (component updater, sign-in) still call Google
// hosts whatever the flags; those requests are refused like any other but
// kept apart in Browser, so Foreign and URLs hold only what pages and
// workers asked for.
//
// It speaks just enough HTTP/1.1 on raw TCP (one request per connection)
// to keep net/http out of internal/, as core-lint requires.
type Proxy struct {
	*Requests
	Browser *Requests // refused requests of the browser's own services
	URL     string
}

// browserServiceHosts are the hosts Chromium's background services call.
var browserServiceHosts = []string{"google.com", "googleapis.com", "gvt1.com", "gstatic.com"}

func isBrowserService(host string) bool {
	for _, h := range browserServiceHosts {
		if host == h || strings.HasSuffix(host, "."+h) {
			return true
		}
	}
	return false
}

// NewProxy starts a recording proxy on 127.0.0.1, stopped when the test
// ends. Give p.Options() to New.
func NewProxy(t testing.TB) *Proxy {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("browsertest: proxy: %v", err)
	}
	t.Cleanup(func() { ln.Close() })
	p := &Proxy{Requests: &Requests{}, Browser: &Requests{}, URL: "http://" + ln.Addr().String()}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go p.serve(c)
		}
	}()
	return p
}

// Options route all the browser's traffic, loopback included, through p.
func (p *Proxy) Options() []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.ProxyServer(p.URL),
		// Chromium bypasses proxies for loopback unless told not to.
		chromedp.Flag("proxy-bypass-list", "<-loopback>"),
	}
}

func (p *Proxy) serve(c net.Conn) {
	defer c.Close()
	br := bufio.NewReader(c)
	tp := textproto.NewReader(br)
	line, err := tp.ReadLine()
	if err != nil {
		return
	}
	hdr, err := tp.ReadMIMEHeader()
	if err != nil {
		return
	}
	method, rest, _ := strings.Cut(line, " ")
	target, proto, _ := strings.Cut(rest, " ")
	if method == "CONNECT" { // HTTPS: never tunnelled
		host, _, _ := net.SplitHostPort(target)
		p.log(host).add("https://" + target + "/")
		refuse(c, "403 Forbidden")
		return
	}
	u, err := url.Parse(target)
	if err != nil || !u.IsAbs() {
		refuse(c, "400 Bad Request")
		return
	}
	p.log(u.Hostname()).add(u.String())
	if !isLoopback(u.Hostname()) {
		refuse(c, "403 Forbidden")
		return
	}
	addr := u.Host
	if u.Port() == "" {
		addr = net.JoinHostPort(u.Hostname(), "80")
	}
	up, err := net.Dial("tcp", addr)
	if err != nil {
		refuse(c, "502 Bad Gateway")
		return
	}
	defer up.Close()
	// Forward in origin form, one request per connection so that every
	// request passes through the request line above.
	for _, h := range []string{"Proxy-Connection", "Connection", "Keep-Alive"} {
		hdr.Del(h)
	}
	var b strings.Builder
	b.WriteString(method + " " + u.RequestURI() + " " + proto + "\r\n")
	for k, vs := range hdr {
		for _, v := range vs {
			b.WriteString(k + ": " + v + "\r\n")
		}
	}
	b.WriteString("Connection: close\r\n\r\n")
	if _, err := io.WriteString(up, b.String()); err != nil {
		return
	}
	go io.Copy(up, br) // a request body, if any
	io.Copy(c, up)
}

func (p *Proxy) log(host string) *Requests {
	if isBrowserService(host) {
		return p.Browser
	}
	return p.Requests
}

func refuse(c net.Conn, status string) {
	io.WriteString(c, "HTTP/1.1 "+status+"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
}

func (r *Requests) add(u string) {
	r.mu.Lock()
	r.urls = append(r.urls, u)
	r.mu.Unlock()
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
