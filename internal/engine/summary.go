package engine

import "strings"

// Summary is the card's one-line wording. A flagged match is never hidden;
// it is worded as a variant so the verdict is not pinned on the page:
// "A variant of this claim was rated False — the page says 35,000, the
// fact-check says 28,500."
func Summary(m *Match) string {
	rating := m.Claim.Rating
	if rating == "" {
		rating = "unrated"
	}
	by := ""
	if m.Claim.Publisher != "" {
		by = " by " + m.Claim.Publisher
	}
	if len(m.Flags) == 0 {
		if m.Tier == TierMatch {
			return "This claim was rated " + rating + by + "."
		}
		return "A related claim was rated " + rating + by + "."
	}
	var diffs []string
	for _, f := range m.Flags {
		if f.Kind == "negation" {
			diffs = append(diffs, "the page says the opposite of the checked claim")
			continue
		}
		diffs = append(diffs, "the page says "+f.Page+", the fact-check says "+f.Claim)
	}
	return "A variant of this claim was rated " + rating + by + " — " + strings.Join(diffs, "; ") + "."
}
