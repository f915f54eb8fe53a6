// Package feedgen writes synthetic ClaimReview DataFeeds shaped like the
// Data Commons feed as published (one pretty-printed JSON-LD DataFeed whose
// dataFeedElement[] each wrap an item[]), for the memory and speed tests of
// `factcheck index`. Everything is invented: claims are strings of made-up
// words, publishers live on .example domains. Generated feeds are written at
// run time and never committed.
//
// Besides plain ClaimReviews the feed mixes in, at fixed intervals, the
// shapes real feeds have: relative review URLs (resolved against the
// publisher's site), `"item": null` elements, MediaReview items, ratings in
// several languages with and without numbers, and a javascript: URL that the
// reader must skip. Count says how many of each n items hold.
package feedgen

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
)

// Intervals of the special elements, prime so they rarely coincide; an
// element is the first that applies.
const (
	everyNull       = 1009  // "item": null
	everyMedia      = 499   // a MediaReview
	everyJavascript = 10007 // a javascript: review URL, skipped by the reader
	everyRelative   = 97    // a site-relative review URL
)

// Counts is what a reader should make of a generated feed.
type Counts struct {
	Reviews int // ClaimReview items: indexed or skipped
	Skipped int // reviews the reader must skip (javascript: URLs)
	Media   int // MediaReview items, ignored
	Nulls   int // elements whose item is null
}

// Count returns the counts for a feed of n elements.
func Count(n int) Counts {
	var c Counts
	for i := 0; i < n; i++ {
		switch kindOf(i) {
		case kindNull:
			c.Nulls++
		case kindMedia:
			c.Media++
		case kindJavascript:
			c.Reviews++
			c.Skipped++
		default:
			c.Reviews++
		}
	}
	return c
}

type kind int

const (
	kindReview kind = iota
	kindNull
	kindMedia
	kindJavascript
	kindRelative
)

func kindOf(i int) kind {
	switch {
	case i%everyNull == everyNull-1:
		return kindNull
	case i%everyMedia == everyMedia-1:
		return kindMedia
	case i%everyJavascript == everyJavascript-1:
		return kindJavascript
	case i%everyRelative == everyRelative-1:
		return kindRelative
	}
	return kindReview
}

// Write writes a DataFeed of n elements to w; the same n and seed give the
// same bytes.
func Write(w io.Writer, n int, seed uint64) error {
	g := newGenerator(seed)
	bw := bufio.NewWriterSize(w, 1<<20)
	bw.WriteString("{\n  \"@context\": \"http://schema.org\",\n  \"@type\": \"DataFeed\",\n" +
		"  \"name\": \"Synthetic ClaimReview feed (feedgen)\",\n  \"dataFeedElement\": [\n")
	for i := 0; i < n; i++ {
		el, err := json.MarshalIndent(g.element(i), "    ", "  ")
		if err != nil {
			return err
		}
		bw.WriteString("    ")
		bw.Write(el)
		if i < n-1 {
			bw.WriteByte(',')
		}
		bw.WriteByte('\n')
	}
	bw.WriteString("  ]\n}\n")
	return bw.Flush()
}

type generator struct {
	rng   *rand.Rand
	zipf  *rand.Zipf
	vocab []string
}

// vocabularySize is the number of distinct made-up words: enough that the
// index's term tables are the size of a real multilingual corpus's.
const vocabularySize = 50_000

func newGenerator(seed uint64) *generator {
	rng := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	syllables := strings.Fields("ka lo mi ten ra su vo dan pe gri mor tal zu en ost bar li qua fe nis ha jo ru sen ta")
	g := &generator{rng: rng, zipf: rand.NewZipf(rng, 1.1, 2, vocabularySize-1)}
	seen := map[string]bool{}
	for len(g.vocab) < vocabularySize {
		var b strings.Builder
		for k := 1 + rng.IntN(3); k >= 0; k-- {
			b.WriteString(syllables[rng.IntN(len(syllables))])
		}
		if w := b.String(); !seen[w] {
			seen[w] = true
			g.vocab = append(g.vocab, w)
		}
	}
	return g
}

// functionWords are the short words that make up about two words in five
// of English text; with them the claims' 4-grams repeat as much as real
// claims' do (the index of 200,000 generated items has about the bytes per
// claim of the CheckThat! PolitiFact corpus's).
var functionWords = strings.Fields("the of and to a in is that for on was said with as by it at from has have " +
	"not are be this will than more over were who all its new after about into two million per cent year")

func (g *generator) words(lo, hi int) string {
	n := lo + g.rng.IntN(hi-lo+1)
	ws := make([]string, n)
	for i := range ws {
		if g.rng.IntN(5) < 2 {
			ws[i] = functionWords[g.rng.IntN(len(functionWords))]
		} else {
			ws[i] = g.vocab[g.zipf.Uint64()]
		}
	}
	s := strings.Join(ws, " ")
	return strings.ToUpper(s[:1]) + s[1:]
}

var (
	languages = []string{"en", "en", "en", "pt-BR", "es", "fr", "de", "hi", "ar", "id", "en_US", "tr"}
	ratings   = []struct {
		label string
		value int // 0: no number
	}{{"False", 1}, {"Falso", 0}, {"Misleading", 2}, {"Faux", 0}, {"Mostly false", 2}, {"Half true", 3},
		{"Enganoso", 0}, {"Falsch", 1}, {"True", 5}, {"Missing context", 0}, {"गलत", 0}, {"زائف", 1}}
)

func (g *generator) element(i int) map[string]any {
	el := map[string]any{"@type": "DataFeedItem", "dateCreated": fmt.Sprintf("2024-%02d-%02dT08:00:00Z", 1+i%12, 1+i%28)}
	pub := i % 400
	site := fmt.Sprintf("https://checks%d.example", pub)
	author := map[string]any{"@type": "Organization", "name": fmt.Sprintf("Checks Example %d", pub), "url": site}
	url := fmt.Sprintf("%s/fact-check/2024/%06d-%s/", site, i, strings.ReplaceAll(strings.ToLower(g.words(3, 5)), " ", "-"))
	switch kindOf(i) {
	case kindNull:
		el["item"] = nil
		return el
	case kindMedia:
		el["item"] = []any{map[string]any{"@type": "MediaReview", "url": url, "author": author,
			"mediaAuthenticityCategory": "TransformedContent", "datePublished": "2024-05-01"}}
		return el
	case kindJavascript:
		url = "javascript:alert(" + fmt.Sprint(i) + ")"
	case kindRelative:
		url = strings.TrimPrefix(url, site)
	}
	r := ratings[g.rng.IntN(len(ratings))]
	rating := map[string]any{"@type": "Rating", "alternateName": r.label}
	if r.value > 0 {
		rating["ratingValue"], rating["bestRating"], rating["worstRating"] = r.value, 5, 1
	}
	el["item"] = []any{map[string]any{
		"@context":      "http://schema.org",
		"@type":         "ClaimReview",
		"url":           url,
		"claimReviewed": g.words(8, 22) + ".",
		"headline":      g.words(6, 12),
		"datePublished": fmt.Sprintf("2024-%02d-%02d", 1+i%12, 1+i%28),
		"inLanguage":    languages[g.rng.IntN(len(languages))],
		"author":        author,
		"reviewRating":  rating,
		"itemReviewed": map[string]any{
			"@type":         "Claim",
			"author":        map[string]any{"@type": "Person", "name": g.words(2, 3)},
			"datePublished": fmt.Sprintf("2024-%02d-%02d", 1+i%12, 1+(i+3)%28),
			"appearance":    []any{map[string]any{"@type": "CreativeWork", "url": fmt.Sprintf("https://social.example/p/%d", i)}},
		},
	}}
	return el
}
