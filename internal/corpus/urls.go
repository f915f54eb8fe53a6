package corpus

import (
	"errors"
	"net/url"
	"strings"
	"unicode"
)

// webURL makes raw, a review URL as a publisher wrote it, into an absolute
// http(s) URL, or says why it cannot. It is lenient where that is safe:
//
//   - "https://x.example/a" is kept as written;
//   - "//x.example/a" (scheme-relative) and "x.example/a" (a host name with
//     no scheme) get https://;
//   - "/a/b" and "b" are resolved against the first of bases that is itself
//     a usable URL (the page's canonical URL, the publisher's site);
//
// and strict where it matters: any other scheme (javascript:, data:, file:,
// ftp:…), a URL without a host, or a relative URL with nothing to resolve it
// against is refused. Tabs and line breaks inside are dropped, as browsers
// do. An empty raw gives "", nil: reviews need not have a URL.
func webURL(raw string, bases ...string) (string, error) {
	s := strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, strings.TrimFunc(raw, func(r rune) bool { return r <= ' ' || unicode.IsSpace(r) }))
	if s == "" {
		return "", nil
	}
	if hostLike(s) {
		s = "https://" + s
	} else if strings.HasPrefix(s, "//") {
		s = "https:" + s
	}
	u, err := url.Parse(s)
	if err != nil {
		return "", errors.New("not a URL: " + oneLine(raw, 80))
	}
	if u.Scheme == "" {
		for _, b := range bases {
			if base, err := webURL(b); err == nil && base != "" {
				bu, _ := url.Parse(base)
				return checkWeb(bu.ResolveReference(u), raw)
			}
		}
		return "", errors.New("relative URL with no page or publisher URL to resolve it against: " + oneLine(raw, 80))
	}
	if _, err := checkWeb(u, raw); err != nil {
		return "", err
	}
	return s, nil
}

func checkWeb(u *url.URL, raw string) (string, error) {
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", errors.New("not an http(s) URL: " + oneLine(raw, 80))
	}
	if u.Host == "" || u.Hostname() == "" {
		return "", errors.New("URL without a host: " + oneLine(raw, 80))
	}
	return u.String(), nil
}

// isWebURL reports whether s is an absolute http(s) URL with a host.
func isWebURL(s string) bool {
	u, err := url.Parse(s)
	if err != nil {
		return false
	}
	_, err = checkWeb(u, s)
	return err == nil
}

// fileExtensions are endings of relative file names ("page.html") that
// would otherwise pass for top-level domains.
var fileExtensions = map[string]bool{
	"htm": true, "html": true, "shtml": true, "php": true, "asp": true, "aspx": true, "jsp": true, "cgi": true,
	"json": true, "xml": true, "pdf": true, "jpg": true, "jpeg": true, "png": true, "gif": true, "txt": true,
}

// hostLike reports whether s starts with a host name (and optional port)
// rather than a path: "aosfatos.org/noticias/x", "www.example.com". The last
// label must be letters (a top-level domain) that is not a file extension,
// so "page.html" and "v1.2/notes" stay relative.
func hostLike(s string) bool {
	host := s
	if i := strings.IndexAny(host, "/?#"); i >= 0 {
		host = host[:i]
	}
	if i := strings.LastIndexByte(host, ':'); i >= 0 {
		port := host[i+1:]
		if port == "" || strings.Trim(port, "0123456789") != "" {
			return false
		}
		host = host[:i]
	}
	labels := strings.Split(host, ".")
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return false
		}
		for _, r := range l {
			if r != '-' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return false
			}
		}
	}
	tld := strings.ToLower(labels[len(labels)-1])
	if strings.HasPrefix(tld, "xn--") {
		return true // an internationalised top-level domain
	}
	return !fileExtensions[tld] && len(tld) >= 2 && strings.IndexFunc(tld, func(r rune) bool { return !unicode.IsLetter(r) }) < 0
}

// hostOf returns the host of an absolute URL, "" when there is none.
func hostOf(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return ""
	}
	return u.Host
}
