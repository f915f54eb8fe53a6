package trust

import "strings"

// agreements lists, in page order by kind, the page's figures that equal a
// claim figure of the same unit, its dates that equal a claim date, and
// its places and names that the claim names too.
func agreements(p, c *side, pd, cd []dateHit) []Agreement {
	var out []Agreement
	for _, a := range p.qs {
		if a.Year {
			continue // years are dates
		}
		for _, b := range c.qs {
			if !b.Year && b.Unit == a.Unit && sameQuantity(a, b) {
				out = append(out, Agreement{Kind: "number", Page: a.Text, Claim: b.Text, Start: a.Start, End: a.End})
				break
			}
		}
	}
	for _, a := range pd {
		for _, b := range cd {
			if sameDate(a.d, b.d) && a.d.Precision <= b.d.Precision { // "Tuesday" is not confirmed by a bare "2025"
				out = append(out, Agreement{Kind: "date", Page: a.d.Text, Claim: b.d.Text, Start: a.d.Start, End: a.d.End})
				break
			}
		}
	}
	for _, a := range p.ents {
		if b, ok := namedBy(a, p.names, c); ok {
			out = append(out, Agreement{Kind: "entity", Page: a.Text, Claim: b, Start: a.Start, End: a.End})
		}
	}
	return out
}

// namedBy returns how the claim names page entity a, if it does: the same
// place by its normal form ("ROK" is "South Korea"; a capital, which may
// name a venue, only as a capital: "held in Seoul" is not "South
// Korean"), or the same person or organisation.
func namedBy(a Entity, pn []name, c *side) (string, bool) {
	if a.Kind == "place" || partyNorms[a.Norm] {
		city := cities[strings.ToLower(a.Text)]
		for _, b := range c.ents {
			if b.Norm == a.Norm && b.Kind == a.Kind && (!city || cities[strings.ToLower(b.Text)]) {
				return b.Text, true
			}
		}
		return "", false
	}
	for _, n := range pn {
		if n.Start != a.Start {
			continue
		}
		if len(nameWords(n)) == 0 || !nameCovered(n, c, false) {
			return "", false
		}
		for _, b := range c.names {
			if b.Norm == n.Norm || sharesNamePart(n, b) {
				return b.Text, true
			}
		}
		return a.Text, true // written in the claim without being tagged ("@handle", sentence start)
	}
	return "", false
}

func sharesNamePart(a, b name) bool {
	bp := nameParts(b.Norm)
	for _, x := range nameParts(a.Norm) {
		for _, y := range bp {
			if x == y {
				return true
			}
		}
	}
	return false
}
