package site

import (
	"net/http"
	"net/url"
	"strconv"
)

// serverPageURL links /claims pages on the server, keeping the filters.
func serverPageURL(q url.Values) func(int) string {
	return func(page int) string {
		v := url.Values{}
		for _, k := range []string{"q", "rating", "publisher"} {
			if s := q.Get(k); s != "" {
				v.Set(k, s)
			}
		}
		if page > 1 {
			v.Set("page", strconv.Itoa(page))
		}
		if len(v) == 0 {
			return "/claims/"
		}
		return "/claims/?" + v.Encode()
	}
}

// staticPageURL links /claims pages of the static site: /claims/page/N/.
func staticPageURL(page int) string {
	if page <= 1 {
		return "/claims/"
	}
	return "/claims/page/" + strconv.Itoa(page) + "/"
}

// origin is the scheme and host the request reached, for the embed snippet.
func origin(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

func atoiOr(s string, def int) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	return def
}
