package corpus

import (
	"github.com/factcheckwidget/factcheck/internal/claim"

	"bytes"
	"encoding/json"
	"strings"
)

// readCheckThat reads CheckThat! verified-claim JSONL: one object a line
// with vclaim_id and vclaim, and optionally title, subtitle, truth_label,
// speaker, author, date, url or page_url. Blank lines are allowed.
func readCheckThat(name string, data []byte) ([]claim.Claim, error) {
	var out []claim.Claim
	seen := map[string]int{}
	line := 0
	for len(data) > 0 {
		line++
		var raw []byte
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			raw, data = data[:i], data[i+1:]
		} else {
			raw, data = data, nil
		}
		raw = bytes.TrimSpace(raw)
		if len(raw) == 0 {
			continue
		}
		v, err := decodeJSON(name, raw)
		if err != nil {
			e := err.(*Error)
			e.Line = line
			return nil, e
		}
		n := node{v: v, path: "$"}
		if _, ok := n.obj(); !ok {
			return nil, &Error{File: name, Line: line, Msg: "each line must be a JSON object"}
		}
		c, err := claimFromCheckThat(name, line, n)
		if err != nil {
			return nil, err
		}
		if prev, dup := seen[c.ID]; dup {
			return nil, &Error{File: name, Line: line, Field: "vclaim_id", Msg: "duplicate id " + c.ID + " (first on line " + itoa(prev) + ")"}
		}
		seen[c.ID] = line
		out = append(out, c)
	}
	return out, nil
}

func claimFromCheckThat(name string, line int, n node) (claim.Claim, error) {
	for _, f := range []string{"vclaim_id", "vclaim"} {
		switch n.key(f).v.(type) {
		case string, json.Number:
		case nil:
			return claim.Claim{}, &Error{File: name, Line: line, Field: f, Msg: "missing"}
		default:
			return claim.Claim{}, &Error{File: name, Line: line, Field: f, Msg: "must be a string"}
		}
	}
	c := claim.Claim{
		ID:       n.key("vclaim_id").str(),
		Text:     n.key("vclaim").str(),
		Title:    n.key("title").str(),
		Context:  n.key("subtitle").str(),
		Rating:   n.key("truth_label").str(),
		Claimant: n.key("speaker").str(),
		URL:      n.key("url").str(),
		Language: "en",
	}
	if c.ID == "" {
		return claim.Claim{}, &Error{File: name, Line: line, Field: "vclaim_id", Msg: "empty"}
	}
	if c.Text == "" {
		return claim.Claim{}, &Error{File: name, Line: line, Field: "vclaim", Msg: "empty"}
	}
	if c.URL == "" {
		c.URL = n.key("page_url").str()
	}
	if c.URL != "" && strings.Contains(c.URL, ":") && !isWebURL(c.URL) {
		return claim.Claim{}, &Error{File: name, Line: line, Field: "url", Msg: "not an http(s) URL: " + truncate(c.URL, 80)}
	}
	if c.Rating != "" {
		c.Rating = humanRating(c.Rating)
		c.Verdict = claim.VerdictOf(c.Rating, -1, 0, 0)
	}
	date := NormalizeDate(n.key("date").str())
	// PolitiFact rows have a speaker and say when the claim was stated; Snopes
	// rows have an author (the fact-checker) and the review date.
	if c.Claimant != "" {
		c.ClaimDate = date
	} else {
		c.ReviewDate = date
	}
	return c, nil
}

// humanRating turns slugs such as "pants-fire" into "Pants on fire".
func humanRating(s string) string {
	s = strings.ReplaceAll(strings.TrimSpace(s), "-", " ")
	if strings.EqualFold(s, "pants fire") {
		s = "pants on fire"
	}
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
