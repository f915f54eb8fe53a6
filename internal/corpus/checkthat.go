package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"

	"github.com/factcheckwidget/factcheck/internal/claim"
)

// readCheckThat reads CheckThat! verified-claim JSONL: one object a line
// with vclaim_id and vclaim, and optionally title, subtitle, truth_label,
// speaker, author, date, url or page_url. Blank lines are allowed; a line
// that is not a usable object is skipped with its line number.
func (in *input) readCheckThat(r *bufio.Reader) error {
	for line := 1; ; line++ {
		raw, err := r.ReadBytes('\n')
		if err != nil && err != io.EOF {
			return in.readError(err, line)
		}
		if raw = bytes.TrimSpace(raw); len(raw) > 0 {
			in.checkThatLine(raw, line)
		}
		if err == io.EOF {
			return nil
		}
	}
}

func (in *input) checkThatLine(raw []byte, line int) {
	in.got()
	loc := Location{File: in.name, Line: line}
	v, err := decodeOne(raw)
	if err != nil {
		in.c.skip(loc, "", "invalid JSON: "+err.Error())
		return
	}
	n := node{v: v}
	if _, ok := n.obj(); !ok {
		in.c.skip(loc, "", "each line must be a JSON object")
		return
	}
	for _, f := range []string{"vclaim_id", "vclaim"} {
		switch n.key(f).v.(type) {
		case string, json.Number:
		case nil:
			in.c.skip(loc, f, "missing")
			return
		default:
			in.c.skip(loc, f, "must be a string")
			return
		}
	}
	c := claim.Claim{
		ID:       n.key("vclaim_id").str(),
		Text:     n.key("vclaim").str(),
		Title:    n.key("title").str(),
		Context:  n.key("subtitle").str(),
		Rating:   n.key("truth_label").str(),
		Claimant: n.key("speaker").str(),
		URL:      firstText(n.key("url"), n.key("page_url")),
		Language: defaultLanguage,
	}
	switch {
	case c.ID == "":
		in.c.skip(loc, "vclaim_id", "empty")
		return
	case c.Text == "":
		in.c.skip(loc, "vclaim", "empty")
		return
	case strings.Contains(c.URL, ":") && !isWebURL(c.URL):
		// Colon-free URLs are site-relative PolitiFact paths, kept as they are.
		in.c.skip(loc, "url", "not an http(s) URL: "+oneLine(c.URL, 80))
		return
	}
	if c.Rating != "" {
		c.Rating = humanRating(c.Rating)
		c.Verdict = in.c.verdict(c.Rating)
	}
	date := NormalizeDate(n.key("date").str())
	// PolitiFact rows have a speaker and say when the claim was stated; Snopes
	// rows have an author (the fact-checker) and the review date.
	if c.Claimant != "" {
		c.ClaimDate = date
	} else {
		c.ReviewDate = date
	}
	in.c.add(c, loc)
}

var errTrailing = errors.New("unexpected data after the top-level value")

// decodeOne decodes one JSON value that must fill raw (a line, a block).
func decodeOne(raw []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errTrailing
	}
	return v, nil
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
