// Package claim is the data model shared by every layer: a fact-checked
// claim with its review, and ratings mapped to a common verdict scale. It
// imports nothing heavy so it links into the widget wasm.
package claim

// Claim is one fact-checked claim with the review that rated it. Fields a
// format does not carry are empty.
type Claim struct {
	// Not comparable: spares the widget's wasm a generated == (2 kB of code).
	_ [0]func()

	ID            string // stable identifier: the dataset id, else the review URL
	Text          string // the claim as the fact-checker worded it
	Title         string // the review's headline
	Context       string // extra text about the claim (subtitle, summary)
	Rating        string // textual rating as published ("Pants on Fire", "Mostly false")
	Verdict       Verdict
	Publisher     string // who reviewed it
	PublisherSite string // the reviewer's site (host name or URL)
	URL           string // link to the review
	ReviewDate    string // YYYY-MM-DD when known, else as published
	Claimant      string // who made the claim
	ClaimDate     string // YYYY-MM-DD when known, else as published
	Language      string // BCP 47 code, "en" when unknown
}

// Verdict is a rating mapped onto a small common scale, for colours and
// filters; the textual Rating stays what the publisher wrote.
type Verdict uint8

const (
	VerdictUnknown Verdict = iota
	VerdictTrue
	VerdictMostlyTrue
	VerdictMixed
	VerdictMostlyFalse
	VerdictFalse
	VerdictUnproven
)

var verdictNames = [...]string{"unknown", "true", "mostly-true", "mixed", "mostly-false", "false", "unproven"}

func (v Verdict) String() string {
	if int(v) < len(verdictNames) {
		return verdictNames[v]
	}
	return "unknown"
}

// ParseVerdict is the inverse of Verdict.String.
func ParseVerdict(s string) Verdict {
	for i, n := range verdictNames {
		if n == s {
			return Verdict(i)
		}
	}
	return VerdictUnknown
}
