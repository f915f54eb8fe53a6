package site

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/a-h/templ"

	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/engine"
)

// The views are what the templates show, prepared in Go so templates stay
// simple and every link is vetted in one place.

// claimView is a corpus claim on a card.
type claimView struct {
	Text, Title, Rating, Verdict, Publisher, ReviewDate, Claimant string
	URL                                                           templ.SafeURL // "" when the review URL is not http(s)
}

func claimViewOf(c *claim.Claim) claimView {
	rating := c.Rating
	if rating == "" {
		rating = "Unrated"
	}
	return claimView{Text: c.Text, Title: c.Title, Rating: rating, Verdict: c.Verdict.String(),
		Publisher: c.Publisher, ReviewDate: c.ReviewDate, Claimant: c.Claimant, URL: httpURL(c.URL)}
}

// httpURL returns s as a link target when it is an absolute http(s) URL,
// else "" so no link is rendered: corpora are not trusted, and javascript:
// or data: links must never reach a page.
func httpURL(s string) templ.SafeURL {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return templ.SafeURL(u.String())
}

// matchView is a match shown under a checked sentence.
type matchView struct {
	Claim   claimView
	Tier    string // "match" or "related"
	Score   string // "87%"
	Summary string // engine.Summary wording
	Flags   []flagView
}

type flagView struct{ Kind, Page, Claim string }

// sentenceView is a checked sentence with at least one match.
type sentenceView struct {
	Text    string
	Matches []matchView
}

// checkView is the /check page: the form as submitted and its results.
type checkView struct {
	Text, Date string
	Error      string
	Checked    bool // a check ran (show results, even none)
	Sentences  int  // sentences checked
	Results    []sentenceView
	Static     bool // static site: no server to POST to
}

func resultsOf(sents []engine.Sentence) []sentenceView {
	var out []sentenceView
	for _, s := range sents {
		if len(s.Matches) == 0 {
			continue
		}
		sv := sentenceView{Text: s.Text}
		for i := range s.Matches {
			m := &s.Matches[i]
			mv := matchView{Claim: claimViewOf(m.Claim), Tier: m.Tier.String(),
				Score: fmt.Sprintf("%.0f%%", m.Score*100), Summary: engine.Summary(m)}
			for _, f := range m.Flags {
				mv.Flags = append(mv.Flags, flagView{Kind: f.Kind, Page: f.Page, Claim: f.Claim})
			}
			sv.Matches = append(sv.Matches, mv)
		}
		out = append(out, sv)
	}
	return out
}

// option is one entry of a <select>.
type option struct {
	Value, Label string
	Selected     bool
}

// claimsView is one page of /claims.
type claimsView struct {
	Q, Rating, Publisher string
	Ratings, Publishers  []option
	Claims               []claimView
	Total, Page, Pages   int
	// Searched is true when Q has text; AllWords of the Total claims hold
	// every word of it and are listed first.
	Searched   bool
	AllWords   int
	Prev, Next templ.SafeURL // "" on the first/last page
	Static     bool          // static site: no search form
}

// countLine is the line above the cards: "61 claims · page 1 of 4"; after
// a search it says how many hold every word, since those come first and
// the rest hold only some.
func (v claimsView) countLine() string {
	n := fmt.Sprintf("%d claims", v.Total)
	if v.Total == 1 {
		n = "1 claim"
	}
	if v.Searched {
		n += fmt.Sprintf(" (%d with every word, listed first)", v.AllWords)
	}
	return fmt.Sprintf("%s · page %d of %d", n, v.Page, v.Pages)
}

// tierLabel words a tier for readers.
func tierLabel(tier string) string {
	if tier == "match" {
		return "Same claim"
	}
	return "Related claim"
}

// verdictLabel words a verdict name for filter menus.
func verdictLabel(v string) string {
	if v == "" {
		return "Any rating"
	}
	return strings.ToUpper(v[:1]) + strings.ReplaceAll(v[1:], "-", " ")
}
