package corpus

import (
	"github.com/factcheckwidget/factcheck/internal/claim"

	"bytes"
	"net/url"
	"regexp"
)

// readClaimReviewJSON reads schema.org ClaimReview JSON-LD in every shape
// publishers use: one object, an array, an object with "@graph", a DataFeed
// whose dataFeedElement[] wrap item[] (or a single item), or any nesting of
// those.
func readClaimReviewJSON(name string, data []byte) ([]claim.Claim, error) {
	v, err := decodeJSON(name, data)
	if err != nil {
		return nil, err
	}
	var claims []claim.Claim
	if err := collectReviews(name, node{v: v, path: "$"}, &claims); err != nil {
		return nil, err
	}
	return claims, nil
}

// collectReviews walks containers (arrays, @graph, DataFeed elements and
// items) and converts every ClaimReview it finds.
func collectReviews(name string, n node, out *[]claim.Claim) error {
	switch n.v.(type) {
	case []any:
		for _, e := range n.list() {
			if err := collectReviews(name, e, out); err != nil {
				return err
			}
		}
		return nil
	case map[string]any:
	default:
		return nil
	}
	if n.isType("ClaimReview") {
		c, err := claimFromReview(name, n)
		if err != nil {
			return err
		}
		*out = append(*out, c)
		return nil
	}
	for _, k := range []string{"@graph", "dataFeedElement", "item", "itemListElement", "mainEntity"} {
		if err := collectReviews(name, n.key(k), out); err != nil {
			return err
		}
	}
	return nil
}

func claimFromReview(name string, n node) (claim.Claim, error) {
	text := n.key("claimReviewed").str()
	if text == "" {
		return claim.Claim{}, &Error{File: name, Path: n.path, Field: "claimReviewed", Msg: "missing or empty"}
	}
	rating := n.key("reviewRating")
	ratingText := rating.key("alternateName").str()
	if ratingText == "" {
		ratingText = rating.key("name").str()
	}
	value, hasValue := rating.key("ratingValue").num()
	best, hasBest := rating.key("bestRating").num()
	worst, hasWorst := rating.key("worstRating").num()
	if rating.v != nil && ratingText == "" && !hasValue {
		return claim.Claim{}, &Error{File: name, Path: rating.path, Field: "alternateName", Msg: "rating has neither alternateName nor ratingValue"}
	}
	if !hasBest {
		best = 5
	}
	if !hasWorst {
		worst = 1
	}
	if !hasValue {
		value = -1
	}
	reviewURL := n.key("url").str()
	if reviewURL != "" && !isWebURL(reviewURL) {
		return claim.Claim{}, &Error{File: name, Path: n.path, Field: "url", Msg: "not an http(s) URL: " + truncate(reviewURL, 80)}
	}
	author := n.key("author")
	item := n.key("itemReviewed")
	c := claim.Claim{
		ID:            reviewURL,
		Text:          text,
		Title:         n.key("headline").str(),
		Context:       n.key("description").str(),
		Rating:        ratingText,
		Verdict:       claim.VerdictOf(ratingText, value, best, worst),
		Publisher:     author.str(),
		PublisherSite: author.key("url").str(),
		URL:           reviewURL,
		ReviewDate:    NormalizeDate(n.key("datePublished").str()),
		Claimant:      item.key("author").str(),
		ClaimDate:     NormalizeDate(item.key("datePublished").str()),
		Language:      languageOf(n.key("inLanguage")),
	}
	if c.Title == "" {
		c.Title = n.key("name").str()
	}
	if c.PublisherSite == "" && reviewURL != "" {
		c.PublisherSite = hostOf(reviewURL)
	}
	if c.Publisher == "" {
		c.Publisher = c.PublisherSite
	}
	if c.ClaimDate == "" {
		c.ClaimDate = NormalizeDate(item.key("firstAppearance").key("datePublished").str())
	}
	if c.ID == "" {
		c.ID = contentID(c.Text, c.Publisher)
	}
	return c, nil
}

// ldScript finds JSON-LD script blocks in an HTML page.
var ldScript = regexp.MustCompile(`(?is)<script[^>]+type\s*=\s*["']?application/ld\+json["']?[^>]*>(.*?)</script>`)

// readClaimReviewHTML reads the ClaimReview JSON-LD that fact-check articles
// embed in their HTML.
func readClaimReviewHTML(name string, data []byte) ([]claim.Claim, error) {
	var claims []claim.Claim
	for _, m := range ldScript.FindAllSubmatchIndex(data, -1) {
		block := data[m[2]:m[3]]
		v, err := decodeJSON(name, block)
		if err != nil {
			if e, ok := err.(*Error); ok && e.Line > 0 {
				e.Line += bytes.Count(data[:m[2]], []byte{'\n'})
			}
			return nil, err
		}
		if err := collectReviews(name, node{v: v, path: "$"}, &claims); err != nil {
			return nil, err
		}
	}
	return claims, nil
}

func languageOf(n node) string {
	if s := n.str(); s != "" {
		return s
	}
	if s := n.key("alternateName").str(); s != "" {
		return s
	}
	return "en"
}

func isWebURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

func hostOf(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return ""
	}
	return u.Host
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
