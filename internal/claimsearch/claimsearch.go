// Package claimsearch finds claims in a corpus by keywords and filters, the
// way Google's Fact Check Tools API claims.search does: every claim that
// contains any of the query's words, those with all of them first. The HTTP
// API (claims:search) and the site's /claims page share it, so both list
// the same claims in the same order. It needs no net/http, so it stays
// inside the core-lint rule for internal/.
package claimsearch

import (
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/index"
	"github.com/factcheckwidget/factcheck/internal/lang"
	"github.com/factcheckwidget/factcheck/internal/match"
)

// Filter selects claims. Zero fields do not filter.
type Filter struct {
	// Query is keywords (see Searcher.Search); empty lists claims newest
	// first (by Day).
	Query string
	// Language keeps claims in this BCP 47 language. As in Google's API the
	// region is not considered: "en-GB" keeps "en", "en-US" and "en_GB"
	// claims. A script subtag counts when both sides have one ("sr-Latn"
	// does not keep "sr-Cyrl"). Claims with no language count as "en", as
	// the corpus readers do.
	Language string
	// PublisherSite keeps claims whose reviewer site is this host or a
	// subdomain of it ("example.org" matches "https://www.example.org/").
	PublisherSite string
	// Publisher keeps claims whose publisher name equals this, ignoring case.
	Publisher string
	// Verdict keeps claims with this verdict name (claim.Verdict.String()).
	Verdict string
	// MaxAgeDays > 0 keeps claims whose Day is at most this many days
	// before Now; undated claims are dropped.
	MaxAgeDays int
	// Now is the clock for MaxAgeDays; zero means time.Now().
	Now time.Time
}

// Result lists the claims a search found.
type Result struct {
	// Docs are claim indices of the index, in result order.
	Docs []int
	// AllWords is how many of the first Docs contain every word of the
	// query; 0 without a query.
	AllWords int
}

// Searcher searches one index. It is safe for concurrent use. What it
// derives from the claims (dates, hosts, languages, the newest-first
// order) is computed on first use, so creating one costs nothing: the
// Worker builds one per isolate whether or not a search comes.
type Searcher struct {
	x    *index.Index
	once sync.Once
	// Per claim: Day, SiteHost of the reviewer site, language key.
	day  []string
	site []string
	lang []langKey
	// langs analyse a query as the index analysed each language's claims.
	langs *lang.Corpus
	// byDate is every claim, newest Day first, then by id.
	byDate     []int
	publishers []string
	pool       sync.Pool // *scratch
}

// New returns a Searcher over x.
func New(x *index.Index) *Searcher { return &Searcher{x: x} }

func (s *Searcher) prepare() {
	s.once.Do(func() {
		n := s.x.NumClaims()
		s.day, s.site, s.lang = make([]string, n), make([]string, n), make([]langKey, n)
		seen := map[string]bool{}
		for d := range n {
			c := s.x.Claim(d)
			s.day[d], s.site[d], s.lang[d] = Day(c), SiteHost(c.PublisherSite), parseLangKey(c.Language)
			if p := c.Publisher; p != "" && !seen[p] {
				seen[p] = true
				s.publishers = append(s.publishers, p)
			}
		}
		slices.Sort(s.publishers)
		s.langs = match.CorpusLanguages(s.x)
		s.byDate = make([]int, n)
		for d := range s.byDate {
			s.byDate[d] = d
		}
		// YYYY-MM-DD strings compare in date order; undated ("") sort last.
		slices.SortFunc(s.byDate, func(a, b int) int {
			if c := strings.Compare(s.day[b], s.day[a]); c != 0 {
				return c
			}
			return s.compareIDs(a, b)
		})
	})
}

// Search returns the claims f selects. With a query, a claim is found when
// its text or its review's title holds at least one of the query's words
// (as the index analyses them: folded, stemmed, stop words dropped), and
// the order is: more distinct query words first (so claims with all of them
// lead), then BM25 score, then newest Day, then claim id. The order is
// total, so pages cut from it are stable from one request to the next, and
// it does not depend on how the corpus numbers its claims (a sharded corpus
// numbers them its own way: internal/shard). Without a query, claims come
// newest Day first, then by id.
func (s *Searcher) Search(f Filter) Result {
	s.prepare()
	keep := s.predicate(f)
	if q := strings.TrimSpace(f.Query); q != "" {
		return s.keywords(q, f.Language, keep)
	}
	var r Result
	for _, d := range s.byDate {
		if keep(d) {
			r.Docs = append(r.Docs, d)
		}
	}
	return r
}

// compareIDs orders claims a and b by id (unique in an index).
func (s *Searcher) compareIDs(a, b int) int {
	return strings.Compare(s.x.Claim(a).ID, s.x.Claim(b).ID)
}

// Publishers lists the distinct publisher names of the corpus, sorted, for
// filter menus.
func (s *Searcher) Publishers() []string {
	s.prepare()
	return s.publishers
}

// predicate returns whether claim d passes every filter but the query.
func (s *Searcher) predicate(f Filter) func(d int) bool {
	site := SiteHost(f.PublisherSite)
	lang := parseLangKey(f.Language)
	var cutoff string
	if f.MaxAgeDays > 0 {
		now := f.Now
		if now.IsZero() {
			now = time.Now()
		}
		cutoff = now.UTC().AddDate(0, 0, -f.MaxAgeDays).Format(time.DateOnly)
	}
	return func(d int) bool {
		c := s.x.Claim(d)
		if f.Verdict != "" && c.Verdict.String() != f.Verdict {
			return false
		}
		if f.Publisher != "" && !strings.EqualFold(c.Publisher, f.Publisher) {
			return false
		}
		if site != "" {
			h := s.site[d]
			if h != site && !strings.HasSuffix(h, "."+site) {
				return false
			}
		}
		if lang.base != "" && !lang.matches(s.lang[d]) {
			return false
		}
		// YYYY-MM-DD strings compare in date order.
		if cutoff != "" && (s.day[d] == "" || s.day[d] < cutoff) {
			return false
		}
		return true
	}
}

// Day is the newer of the claim's review date and claim date as
// YYYY-MM-DD, or "" when neither parses. Google's claims.search measures
// maxAgeDays on the same date ("either claim date or review date, whichever
// is newer").
func Day(c *claim.Claim) string {
	day := ""
	for _, s := range []string{c.ReviewDate, c.ClaimDate} {
		if len(s) >= 10 {
			if _, err := time.Parse(time.DateOnly, s[:10]); err == nil && s[:10] > day {
				day = s[:10]
			}
		}
	}
	return day
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
