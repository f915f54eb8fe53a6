package corpus

import "github.com/factcheckwidget/factcheck/internal/claim"

// factCheckClaim reads one claim of the Google Fact Check Tools API
// (claims:search's claims[], also saved as a bare array or a single object):
// text, claimant, claimDate and claimReview[] of {publisher{name, site}, url,
// title, reviewDate, textualRating, languageCode}. Each review is one claim,
// so a claim checked by two publishers shows both verdicts. A review URL
// without a scheme or host resolves against the publisher's site.
func (in *input) factCheckClaim(n node) {
	text := n.key("text").str()
	reviews := n.key("claimReview").list()
	switch {
	case text == "":
		in.got()
		in.c.skip(in.loc(n), "text", "missing or empty")
		return
	case len(reviews) == 0:
		in.got()
		in.c.skip(in.loc(n), "claimReview", "missing or empty")
		return
	}
	for _, rn := range reviews {
		in.got()
		if _, ok := rn.obj(); !ok {
			in.c.skip(in.loc(rn), "", "claimReview must be an object")
			continue
		}
		publisher := rn.key("publisher")
		site := publisher.key("site").str()
		reviewURL, err := webURL(rn.key("url").str(), site)
		if err != nil {
			in.c.skip(in.loc(rn), "url", err.Error())
			continue
		}
		rating := rn.key("textualRating").str()
		c := claim.Claim{
			ID:            reviewURL,
			Text:          text,
			Title:         rn.key("title").str(),
			Rating:        rating,
			Verdict:       in.c.verdict(rating),
			Publisher:     publisher.key("name").str(),
			PublisherSite: site,
			URL:           reviewURL,
			ReviewDate:    NormalizeDate(rn.key("reviewDate").str()),
			Claimant:      n.key("claimant").str(),
			ClaimDate:     NormalizeDate(n.key("claimDate").str()),
			Language:      firstNonEmpty(languageTag(rn.key("languageCode").str()), defaultLanguage),
		}
		fillIn(&c)
		in.c.add(c, in.loc(rn))
	}
}
