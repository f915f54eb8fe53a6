package corpus

import "github.com/factcheckwidget/factcheck/internal/claim"

// readFactCheckAPI reads a Google Fact Check Tools API claims:search
// response. Each claimReview of a claim becomes one Claim, so a claim checked
// by two publishers shows both verdicts.
func readFactCheckAPI(name string, data []byte) ([]claim.Claim, error) {
	v, err := decodeJSON(name, data)
	if err != nil {
		return nil, err
	}
	root := node{v: v, path: "$"}
	claimsNode := root.key("claims")
	if _, ok := claimsNode.v.([]any); !ok {
		return nil, &Error{File: name, Path: "$", Field: "claims", Msg: "must be an array"}
	}
	var out []claim.Claim
	for _, cn := range claimsNode.list() {
		if _, ok := cn.obj(); !ok {
			return nil, &Error{File: name, Path: cn.path, Msg: "claim must be an object"}
		}
		text := cn.key("text").str()
		if text == "" {
			return nil, &Error{File: name, Path: cn.path, Field: "text", Msg: "missing or empty"}
		}
		reviews := cn.key("claimReview").list()
		if len(reviews) == 0 {
			return nil, &Error{File: name, Path: cn.path, Field: "claimReview", Msg: "missing or empty"}
		}
		for _, rn := range reviews {
			if _, ok := rn.obj(); !ok {
				return nil, &Error{File: name, Path: rn.path, Msg: "claimReview must be an object"}
			}
			reviewURL := rn.key("url").str()
			if reviewURL != "" && !isWebURL(reviewURL) {
				return nil, &Error{File: name, Path: rn.path, Field: "url", Msg: "not an http(s) URL: " + truncate(reviewURL, 80)}
			}
			publisher := rn.key("publisher")
			rating := rn.key("textualRating").str()
			c := claim.Claim{
				ID:            reviewURL,
				Text:          text,
				Title:         rn.key("title").str(),
				Rating:        rating,
				Verdict:       claim.VerdictOf(rating, -1, 0, 0),
				Publisher:     publisher.key("name").str(),
				PublisherSite: publisher.key("site").str(),
				URL:           reviewURL,
				ReviewDate:    NormalizeDate(rn.key("reviewDate").str()),
				Claimant:      cn.key("claimant").str(),
				ClaimDate:     NormalizeDate(cn.key("claimDate").str()),
				Language:      rn.key("languageCode").str(),
			}
			if c.PublisherSite == "" && reviewURL != "" {
				c.PublisherSite = hostOf(reviewURL)
			}
			if c.Publisher == "" {
				c.Publisher = c.PublisherSite
			}
			if c.Language == "" {
				c.Language = "en"
			}
			if c.ID == "" {
				c.ID = contentID(c.Text, c.Publisher)
			}
			out = append(out, c)
		}
	}
	return out, nil
}
