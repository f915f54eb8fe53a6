package browsertest

import (
	"context"
	"net/url"
	"strings"
	"sync"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// Requests is a list of request URLs, for privacy assertions such as
// "nothing leaves the page's origin". Record fills it from a tab's DevTools
// network events; a Proxy fills it from the wire.
type Requests struct {
	mu   sync.Mutex
	urls []string
}

// Record starts recording the requests of the tab of ctx from its DevTools
// network events. Call it before navigating. It does not see the requests
// of the page's Web Workers: use a Proxy to assert nothing leaves.
func Record(ctx context.Context) (*Requests, error) {
	r := &Requests{}
	err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			r.add(e.Request.URL)
		}
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// URLs returns the requests recorded so far, in order.
func (r *Requests) URLs() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.urls...)
}

// Reset forgets the requests recorded so far.
func (r *Requests) Reset() {
	r.mu.Lock()
	r.urls = nil
	r.mu.Unlock()
}

// Foreign returns the recorded requests that go to none of the given
// origins ("http://127.0.0.1:1234"). data: URLs never leave the device and
// are not counted; blob: URLs count under the origin they embed.
func (r *Requests) Foreign(origins ...string) []string {
	var out []string
	for _, u := range r.URLs() {
		if strings.HasPrefix(u, "data:") {
			continue
		}
		if !sameOrigin(strings.TrimPrefix(u, "blob:"), origins) {
			out = append(out, u)
		}
	}
	return out
}

func sameOrigin(raw string, origins []string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	o := u.Scheme + "://" + u.Host
	for _, want := range origins {
		if strings.TrimSuffix(want, "/") == o {
			return true
		}
	}
	return false
}
