// Package claimsearch finds claims in a corpus by free text and filters. The
// HTTP API (claims:search) and the site's /claims page share it so both list
// the same claims in the same order. It needs no net/http, so it stays inside
// the core-lint rule for internal/.
package claimsearch

import (
	"sort"
	"strings"
	"time"

	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/match"
)

// MaxResults bounds how many claims a text query ranks, so one request stays
// cheap on a corpus of millions; pages past it are empty.
const MaxResults = 1000

// Filter selects claims. Zero fields do not filter.
type Filter struct {
	// Query is free text ranked by the matcher; empty lists claims newest
	// review first.
	Query string
	// Language keeps claims whose BCP 47 code matches: "en" matches "en"
	// and "en-GB"; "en-GB" matches "en-GB" and a bare "en". Claims with no
	// language count as "en", as the corpus readers do.
	Language string
	// PublisherSite keeps claims whose reviewer site is this host or a
	// subdomain of it ("example.org" matches "https://www.example.org/").
	PublisherSite string
	// Publisher keeps claims whose publisher name equals this, ignoring case.
	Publisher string
	// Verdict keeps claims with this verdict name (claim.Verdict.String()).
	Verdict string
	// MaxAgeDays > 0 keeps claims reviewed at most this many days before
	// Now (review date, else claim date; undated claims are dropped).
	MaxAgeDays int
	// Now is the clock for MaxAgeDays; zero means time.Now().
	Now time.Time
}

// Search returns the matching claim indices of m's corpus, best first.
func Search(m *match.Matcher, f Filter) []int {
	x := m.Index()
	var docs []int
	if q := strings.TrimSpace(f.Query); q != "" {
		for _, c := range m.Rank(q, min(x.NumClaims(), MaxResults)) {
			if c.Score > 0 {
				docs = append(docs, c.Doc)
			}
		}
	} else {
		docs = make([]int, x.NumClaims())
		for i := range docs {
			docs[i] = i
		}
		sort.SliceStable(docs, func(i, j int) bool {
			return ReviewDay(x.Claim(docs[i])) > ReviewDay(x.Claim(docs[j]))
		})
	}
	keep := f.predicate()
	out := docs[:0]
	for _, d := range docs {
		if keep(x.Claim(d)) {
			out = append(out, d)
		}
	}
	return out
}

func (f Filter) predicate() func(*claim.Claim) bool {
	site := SiteHost(f.PublisherSite)
	lang := strings.ToLower(strings.TrimSpace(f.Language))
	var cutoff string
	if f.MaxAgeDays > 0 {
		now := f.Now
		if now.IsZero() {
			now = time.Now()
		}
		cutoff = now.UTC().AddDate(0, 0, -f.MaxAgeDays).Format(time.DateOnly)
	}
	return func(c *claim.Claim) bool {
		if f.Verdict != "" && c.Verdict.String() != f.Verdict {
			return false
		}
		if f.Publisher != "" && !strings.EqualFold(c.Publisher, f.Publisher) {
			return false
		}
		if site != "" {
			h := SiteHost(c.PublisherSite)
			if h != site && !strings.HasSuffix(h, "."+site) {
				return false
			}
		}
		if lang != "" && !languageMatches(lang, c.Language) {
			return false
		}
		if cutoff != "" {
			d := ReviewDay(c)
			// YYYY-MM-DD strings compare in date order.
			if d == "" || d < cutoff {
				return false
			}
		}
		return true
	}
}

func languageMatches(want, have string) bool {
	have = strings.ToLower(have)
	if have == "" {
		have = "en"
	}
	return want == have || strings.HasPrefix(have, want+"-") || strings.HasPrefix(want, have+"-")
}

// ReviewDay is the claim's review date as YYYY-MM-DD, else its claim date,
// else "" when neither parses.
func ReviewDay(c *claim.Claim) string {
	for _, s := range []string{c.ReviewDate, c.ClaimDate} {
		if len(s) >= 10 {
			if _, err := time.Parse(time.DateOnly, s[:10]); err == nil {
				return s[:10]
			}
		}
	}
	return ""
}

// SiteHost reduces a site given as a host or URL to a lower-case host
// without "www.": "https://www.Example.org/x" → "example.org".
func SiteHost(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.Index(s, "://"); i >= 0 {
		s = s[i+3:]
	}
	if i := strings.IndexAny(s, "/?#"); i >= 0 {
		s = s[:i]
	}
	if i := strings.LastIndexByte(s, '@'); i >= 0 {
		s = s[i+1:]
	}
	if i := strings.LastIndexByte(s, ':'); i >= 0 && !strings.Contains(s[i:], "]") {
		s = s[:i]
	}
	return strings.TrimPrefix(s, "www.")
}

// Publishers lists the distinct publisher names of the corpus, sorted, for
// filter menus.
func Publishers(m *match.Matcher) []string {
	x := m.Index()
	seen := map[string]bool{}
	var out []string
	for d := range x.NumClaims() {
		p := x.Claim(d).Publisher
		if p != "" && !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}
