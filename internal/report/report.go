// Package report gives check results the JSON shape the CLI and the HTTP API
// print. Offsets are in Unicode code points ("characters") of the checked
// text, so any language can slice with them; the widget converts to UTF-16
// itself. This package is kept out of the wasm (it needs encoding/json).
package report

import (
	"math"
	"unicode/utf8"

	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/engine"
)

// Claim is a fact-checked claim as shown on a card.
type Claim struct {
	ID            string `json:"id"`
	Text          string `json:"text"`
	Title         string `json:"title,omitempty"`
	Rating        string `json:"rating,omitempty"`
	Verdict       string `json:"verdict"`
	Publisher     string `json:"publisher,omitempty"`
	PublisherSite string `json:"publisherSite,omitempty"`
	URL           string `json:"url,omitempty"`
	ReviewDate    string `json:"reviewDate,omitempty"`
	Claimant      string `json:"claimant,omitempty"`
	ClaimDate     string `json:"claimDate,omitempty"`
	Language      string `json:"language,omitempty"`
}

// Flag is a consistency flag with both sides and where the page says it.
type Flag struct {
	Kind  string `json:"kind"`
	Page  string `json:"page"`
	Claim string `json:"claim"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Evidence is a span of the sentence that drove or questions the match.
type Evidence struct {
	Kind  string `json:"kind"`
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Claim string `json:"claim,omitempty"`
}

// Match is one shown match. Flags lists flag kinds (the batch contract);
// FlagDetails and Explanation carry the values and offsets.
type Match struct {
	ID          string     `json:"id"`
	Score       float64    `json:"score"`
	Tier        string     `json:"tier"`
	Flags       []string   `json:"flags"`
	Summary     string     `json:"summary,omitempty"`
	Claim       *Claim     `json:"claim,omitempty"`
	FlagDetails []Flag     `json:"flagDetails,omitempty"`
	Explanation []Evidence `json:"explanation,omitempty"`
}

// Sentence is one sentence of a checked article.
type Sentence struct {
	Text    string  `json:"text"`
	Start   int     `json:"start"`
	End     int     `json:"end"`
	Matches []Match `json:"matches"`
}

// Article is the result of checking a whole text.
type Article struct {
	Date      string     `json:"date,omitempty"`
	Sentences []Sentence `json:"sentences"`
}

// BatchLine is one line of `check --queries` output.
type BatchLine struct {
	ID      string  `json:"id"`
	Matches []Match `json:"matches"`
}

// ClaimOf converts a corpus claim.
func ClaimOf(c *claim.Claim) *Claim {
	return &Claim{ID: c.ID, Text: c.Text, Title: c.Title, Rating: c.Rating, Verdict: c.Verdict.String(),
		Publisher: c.Publisher, PublisherSite: c.PublisherSite, URL: c.URL, ReviewDate: c.ReviewDate,
		Claimant: c.Claimant, ClaimDate: c.ClaimDate, Language: c.Language}
}

// Matches converts matches of sentence s; detailed adds the claim, summary,
// flag values and explanation (the batch format leaves them out).
func Matches(s string, ms []engine.Match, detailed bool) []Match {
	out := make([]Match, 0, len(ms))
	for i := range ms {
		m := &ms[i]
		r := Match{ID: m.Claim.ID, Score: round(m.Score), Tier: m.Tier.String(), Flags: m.FlagKinds()}
		if detailed {
			r.Claim = ClaimOf(m.Claim)
			r.Summary = engine.Summary(m)
			for _, f := range m.Flags {
				r.FlagDetails = append(r.FlagDetails, Flag{Kind: f.Kind, Page: f.Page, Claim: f.Claim,
					Start: runeOffset(s, f.Span.Start), End: runeOffset(s, f.Span.End)})
			}
			for _, e := range m.Evidence {
				r.Explanation = append(r.Explanation, Evidence{Kind: e.Kind, Text: e.Text, Claim: e.Claim,
					Start: runeOffset(s, e.Span.Start), End: runeOffset(s, e.Span.End)})
			}
		}
		out = append(out, r)
	}
	return out
}

// ArticleOf converts an article check.
func ArticleOf(article string, date string, sents []engine.Sentence) Article {
	a := Article{Date: date, Sentences: make([]Sentence, 0, len(sents))}
	pos, runes := 0, 0 // walk the article once for all offsets
	toRunes := func(b int) int {
		if b < pos {
			pos, runes = 0, 0
		}
		runes += utf8.RuneCountInString(article[pos:b])
		pos = b
		return runes
	}
	for _, s := range sents {
		a.Sentences = append(a.Sentences, Sentence{Text: s.Text, Start: toRunes(s.Span.Start), End: toRunes(s.Span.End),
			Matches: Matches(s.Text, s.Matches, true)})
	}
	return a
}

func runeOffset(s string, b int) int {
	if b > len(s) {
		b = len(s)
	}
	if b < 0 {
		b = 0
	}
	return utf8.RuneCountInString(s[:b])
}

func round(x float64) float64 { return math.Round(x*1e4) / 1e4 }
