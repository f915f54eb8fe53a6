package corpus

import (
	"strings"

	"github.com/factcheckwidget/factcheck/internal/claim"
)

// containerKeys are where reviews nest: graphs, DataFeeds (elements and
// their items), lists, a page's main entity, a Claim's or an article's
// reviews.
var containerKeys = []string{"@graph", "dataFeedElement", "item", "itemListElement", "mainEntity", "review", "reviews", "hasPart", "claims"}

// scope is what a review takes from the nodes around it.
type scope struct {
	page  string // URL of the page it is on (an enclosing or preceding WebPage or Article)
	claim node   // the Claim it reviews, when nested in it (Claim.review)
}

// collect finds the reviews in n, at any depth of containers, and reads
// each: a ClaimReview (or an untyped Review of a claim), a Fact Check Tools
// claim (no @type, a claimReview list). MediaReview rates photos and videos,
// not claims: it is counted as ignored. Other values hold no reviews.
func (in *input) collect(n node, sc scope) {
	if _, ok := n.v.([]any); ok {
		elems := n.list()
		for _, e := range elems { // a page in a @graph is its reviews' page
			if page := pageURL(e); page != "" {
				sc.page = page
				break
			}
		}
		for _, e := range elems {
			in.collect(e, sc)
		}
		return
	}
	if _, ok := n.obj(); !ok {
		return
	}
	switch {
	case n.isType("ClaimReview") || (n.has("claimReviewed") && (n.isType("Review") || !n.has("@type"))):
		in.review(n, sc)
		return
	case n.isType("MediaReview"):
		in.ignore("MediaReview")
		return
	case n.has("claimReview") && !n.has("@type"):
		in.factCheckClaim(n)
		return
	}
	if page := pageURL(n); page != "" {
		sc.page = page
	}
	if n.isType("Claim") {
		sc.claim = n
	}
	for _, k := range containerKeys {
		in.collect(n.key(k), sc)
	}
}

// pageURL is the URL of a web page node (WebPage, ItemPage, NewsArticle,
// BlogPosting…), "" for other nodes.
func pageURL(n node) string {
	if _, ok := n.obj(); !ok || !n.typeSuffix("Page", "Article", "Posting") {
		return ""
	}
	for _, k := range []string{"url", "@id"} {
		if u, err := webURL(n.key(k).str()); err == nil && u != "" {
			return u
		}
	}
	return ""
}

// review reads one ClaimReview into a claim, or skips it.
func (in *input) review(n node, sc scope) {
	in.got()
	loc := in.loc(n)
	item := n.key("itemReviewed").first()
	if item.v == nil && sc.claim.v != nil {
		item = sc.claim
	}
	text := firstText(n.key("claimReviewed"), item.key("name"), item.key("text"), item.key("description"),
		n.key("name"), n.key("description"))
	if text == "" {
		in.c.skip(loc, "claimReviewed", "no claim text (claimReviewed, itemReviewed.name, name or description)")
		return
	}
	publisher, site := publisherOf(n)
	reviewURL, err := webURL(n.key("url").str(), pageOf(n.key("mainEntityOfPage")), sc.page, in.page, site)
	if err != nil {
		in.c.skip(loc, "url", err.Error())
		return
	}
	if reviewURL == "" { // some give the review's URL as its @id only
		reviewURL, _ = webURL(n.key("@id").str())
	}
	ratingText, verdict := in.rating(n.key("reviewRating").first())
	c := claim.Claim{
		ID:            reviewURL,
		Text:          text,
		Title:         firstText(n.key("headline"), n.key("name")),
		Context:       n.key("description").str(),
		Rating:        ratingText,
		Verdict:       verdict,
		Publisher:     publisher,
		PublisherSite: site,
		URL:           reviewURL,
		ReviewDate:    NormalizeDate(n.key("datePublished").str()),
		Claimant:      strings.Join(names(item.key("author"), item.key("creator")), ", "),
		ClaimDate: NormalizeDate(firstText(item.key("datePublished"), item.key("firstAppearance").first().key("datePublished"),
			item.key("appearance").first().key("datePublished"))),
		Language: firstNonEmpty(languageOf(n.key("inLanguage")), languageOf(item.key("inLanguage")), in.lang, defaultLanguage),
	}
	if c.Title == c.Text {
		c.Title = ""
	}
	if c.Context == c.Text {
		c.Context = ""
	}
	fillIn(&c)
	in.c.add(c, loc)
}

// fillIn completes a review's claim from what it has: the publisher's site
// from the review URL, the publisher from the site, the id from the URL or,
// without one, from the content.
func fillIn(c *claim.Claim) {
	if c.PublisherSite == "" && c.URL != "" {
		c.PublisherSite = hostOf(c.URL)
	}
	if c.Publisher == "" {
		c.Publisher = c.PublisherSite
	}
	if c.ID == "" {
		c.ID = contentID(c.Text, c.Publisher)
	}
}

// rating reads a schema.org Rating: the text as published (alternateName,
// else name) and the verdict of its words, else of its number on the scale
// (bestRating and worstRating default to 5 and 1, as schema.org says).
func (in *input) rating(r node) (string, claim.Verdict) {
	alt, name := r.key("alternateName").str(), r.key("name").str()
	text := firstNonEmpty(alt, name)
	for _, s := range []string{alt, name} {
		if v := in.c.verdict(s); v != claim.VerdictUnknown {
			return text, v
		}
	}
	value, ok := r.key("ratingValue").num()
	if !ok {
		return text, claim.VerdictUnknown
	}
	best, ok := r.key("bestRating").num()
	if !ok {
		best = 5
	}
	worst, ok := r.key("worstRating").num()
	if !ok {
		worst = 1
	}
	return text, claim.VerdictOfScale(value, best, worst)
}

// publisherOf names who published a review and their site: the first
// Organization among author and publisher, else the first author or
// publisher that has a name which is not an e-mail address.
func publisherOf(n node) (name, site string) {
	var others []node
	for _, k := range []string{"author", "publisher"} {
		for _, e := range n.key(k).list() {
			if e.typeSuffix("Organization") {
				if nm := names(e); len(nm) > 0 {
					return nm[0], e.key("url").str()
				}
			}
			others = append(others, e)
		}
	}
	for _, e := range others {
		if nm := names(e); len(nm) > 0 {
			return nm[0], e.key("url").str()
		}
	}
	return "", ""
}

// names lists the people or organisations in values that may be a name, an
// object with a name (or a list of names), or lists of those; e-mail
// addresses are left out: they are contacts, not names, and not ours to
// show.
func names(values ...node) []string {
	var out []string
	seen := map[string]bool{}
	add := func(s string) {
		if s != "" && !isEmail(s) && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, v := range values {
		for _, e := range v.list() {
			if _, ok := e.obj(); !ok {
				add(e.str())
				continue
			}
			if nm := e.key("name"); nm.v != nil {
				for _, x := range nm.list() {
					add(x.str())
				}
				continue
			}
			add(e.str())
		}
	}
	return out
}

func isEmail(s string) bool {
	if strings.HasPrefix(strings.ToLower(s), "mailto:") {
		return true
	}
	local, domain, ok := strings.Cut(s, "@")
	return ok && local != "" && strings.Contains(domain, ".") && !strings.ContainsAny(s, " \t")
}

// pageOf reads mainEntityOfPage: a URL or a page object.
func pageOf(n node) string {
	if u := pageURL(n); u != "" {
		return u
	}
	if s, ok := n.v.(string); ok {
		return s
	}
	return n.key("@id").str()
}

func (in *input) loc(n node) Location {
	return Location{File: in.name, Line: in.line, Path: n.at.String()}
}

func firstText(values ...node) string {
	for _, v := range values {
		if s := v.str(); s != "" {
			return s
		}
	}
	return ""
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}
