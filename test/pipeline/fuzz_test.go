// Package pipeline_test fuzzes the text pipeline end to end, the way the
// API and the widget run it on a page we did not write: segmentation,
// normalisation, tokenisation, number and date parsing, matching, the
// trust layer and the report's offsets, plus the corpus date parser.
package pipeline_test

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/factcheckwidget/factcheck/internal/corpus"
	"github.com/factcheckwidget/factcheck/internal/defaultcorpus"
	"github.com/factcheckwidget/factcheck/internal/engine"
	"github.com/factcheckwidget/factcheck/internal/report"
	"github.com/factcheckwidget/factcheck/internal/text"
)

// FuzzCheckArticle checks any text against the default corpus. Sentences
// must be in order, inside the text and its limits, cut on rune
// boundaries, and the report must encode as JSON (a NaN score would not).
func FuzzCheckArticle(f *testing.F) {
	x, err := defaultcorpus.Index()
	if err != nil {
		f.Fatal(err)
	}
	c := engine.New(x)
	for _, s := range []string{
		"Around 28,500 American service members are based in South Korea.",
		"Peacetime control was handed back to Seoul in 1994. Roughly 50,000 US soldiers are deployed there.",
		"Last Tuesday, unemployment fell to 3.4%, down from 3,5 % in Jan. 2023 (ca. ½ of 7).",
		"He said \"no.\" Then... \u2026 Mr. Smith left the U.S.\n\nNew paragraph",
		"\u202eRTL override\u202c and \u0661\u0662\u0663 digits, \uff11\uff12 full width, ﬁ ligature",
		strings.Repeat("é", 2100) + ". Short.",
		"\xff\xfe invalid \xc3 UTF-8.", "", ".", "1e308 1e-400 -0 0x1F 99999999999999999999 %",
	} {
		f.Add(s, "2025-11-05")
	}
	f.Add("On Monday the bridge fell.", "")
	f.Add("Yesterday 12 people came.", "0001-01-01")
	f.Fuzz(func(t *testing.T, article, date string) {
		if _, err := time.Parse(time.DateOnly, date); err != nil {
			date = "" // the API refuses other dates before checking
		}
		sents := c.CheckArticle(article, engine.Options{Date: date})
		if len(sents) > engine.MaxSentences {
			t.Fatalf("%d sentences", len(sents))
		}
		prev := 0
		for i, s := range sents {
			sp := s.Span
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(article) || sp.End > engine.MaxArticleBytes {
				t.Fatalf("sentence %d: span %+v (previous end %d, len %d)", i, sp, prev, len(article))
			}
			if sp.End-sp.Start > engine.MaxSentenceBytes {
				t.Fatalf("sentence %d: %d bytes", i, sp.End-sp.Start)
			}
			if s.Text != article[sp.Start:sp.End] {
				t.Fatalf("sentence %d: text is not the span", i)
			}
			if utf8.ValidString(article) && !utf8.ValidString(s.Text) {
				t.Fatalf("sentence %d: cut inside a rune: %q", i, s.Text)
			}
			for _, m := range s.Matches {
				if math.IsNaN(m.Score) || math.IsInf(m.Score, 0) {
					t.Fatalf("sentence %d: score %v", i, m.Score)
				}
			}
			prev = sp.End
		}
		a := report.ArticleOf(article, date, sents)
		n := utf8.RuneCountInString(article)
		prevRune := 0
		for i, s := range a.Sentences {
			if s.Start < prevRune || s.End < s.Start || s.End > n {
				t.Fatalf("report sentence %d: runes %d..%d of %d", i, s.Start, s.End, n)
			}
			prevRune = s.End
		}
		if _, err := json.Marshal(a); err != nil {
			t.Fatalf("report does not encode: %v", err)
		}
	})
}

// FuzzNormalizeDate: a date the corpus readers normalise is a real
// calendar date; anything else comes back trimmed, as published.
func FuzzNormalizeDate(f *testing.F) {
	for _, s := range []string{"2019-10-22", "2019-10-22T08:00:00Z", "26 May 2015", "stated on October 22, 2019 in a mailer",
		"31 April 2020", "2020-02-30", "Feb. 29th, 2024", "0000-00-00", "9999-12-31", " x ", "dec 1, 99999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := corpus.NormalizeDate(s)
		if got == strings.TrimSpace(s) {
			return
		}
		if _, err := time.Parse(time.DateOnly, got); err != nil {
			t.Fatalf("NormalizeDate(%q) = %q, neither a date nor the input", s, got)
		}
	})
}

// FuzzFold: folding never panics and keeps valid UTF-8 valid; the terms of
// any text are non-empty and valid.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"São Paulo", "ﬁnance", "\uff11\uff12", "İstanbul", "ǅ", "\u0301\u0301", "don’t", "ß", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := text.Fold(s)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("Fold(%q) = %q: invalid UTF-8", s, got)
		}
		for _, term := range text.Terms(s) {
			if term == "" || (utf8.ValidString(s) && !utf8.ValidString(term)) {
				t.Fatalf("Terms(%q) has %q", s, term)
			}
		}
	})
}
