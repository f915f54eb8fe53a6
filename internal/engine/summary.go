package engine

import "strings"

// Summary is the card's one-line wording. A flagged match is never hidden;
// it is worded as a variant so the verdict is not pinned on the page:
// "A variant of this claim was rated False — the page says 35,000, the
// fact-check says 28,500." A page that disputes the claim it reports is
// about that very claim, so it keeps the claim's wording: "This claim was
// rated False by Snopes — the page disputes this claim."
func Summary(m *Match) string {
	rating := m.Claim.Rating
	if rating == "" {
		rating = "unrated"
	}
	by := ""
	if m.Claim.Publisher != "" {
		by = " by " + m.Claim.Publisher
	}
	var diffs []string
	disputes := false
	for _, f := range m.Flags {
		switch f.Kind {
		case FlagDisputes:
			disputes = true
		case FlagNegation:
			diffs = append(diffs, "the page says the opposite of the checked claim")
		default:
			diffs = append(diffs, "the page says "+f.Page+", the fact-check says "+f.Claim)
		}
	}
	if disputes {
		diffs = append(diffs, "the page disputes this claim")
	}
	lead := "This claim"
	switch {
	case len(diffs) > 1 || len(diffs) == 1 && !disputes:
		lead = "A variant of this claim"
	case m.Tier != TierMatch:
		lead = "A related claim"
	}
	if len(diffs) == 0 {
		return lead + " was rated " + rating + by + "."
	}
	return lead + " was rated " + rating + by + " — " + strings.Join(diffs, "; ") + "."
}
