package engine

import (
	"fmt"
	"math/rand"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/benchdata"
	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/evaluate"
	"github.com/factcheckwidget/factcheck/internal/index"
	"github.com/factcheckwidget/factcheck/internal/logit"
)

// rankedPage is a transcript ranked once, so page models and thresholds
// can be compared without ranking again.
type rankedPage struct {
	c     *Checker // over the page's corpus
	p     *evaluate.Page
	date  string // from the transcript's name (YYYYMMDD_...), as data-date would give it
	page  []pageSentence
	qrels evaluate.Qrels
}

func transcriptDate(name string) string {
	if len(name) < 8 || name[0] < '0' || name[0] > '9' {
		return ""
	}
	return name[:4] + "-" + name[4:6] + "-" + name[6:8]
}

func rankPages(c *Checker, s *benchdata.Set, split string) []rankedPage {
	var out []rankedPage
	for _, p := range s.Pages[split] {
		date := transcriptDate(p.Transcript.Name)
		out = append(out, rankedPage{c: c, p: p, date: date, page: c.rankPage(ReadArticle(c.m.Languages(), p.Article, Options{Date: date}), Options{Date: date}), qrels: s.Qrels[split]})
	}
	return out
}

// relevant reports whether candidate j of sentence i is a fact-check of
// the sentence's line.
func (rp *rankedPage) relevant(i, j int) bool {
	rel := rp.qrels[rp.p.Transcript.QueryID(rp.p.Lines[i])]
	return rel[rp.c.m.Index().Claim(rp.page[i].cands[j].Doc).ID]
}

// trainingPages are the pages the page model is fitted on: the train
// debates, and the 2020 train tweets laid out as articles about checked
// claims, each tweet between two debate lines that state none of them
// (evaluate.MixedPages; the 2022 2A train tweets hold the 2020 dev
// tweets, so they are left out to keep that dev set unseen).
func trainingPages(t *testing.T) (debates, feeds []rankedPage) {
	s := benchdata.Load(t, benchdata.Debates)
	return rankPages(New(s.Index), s, "train"), mixedPages(t, "train")
}

func mixedPages(t *testing.T, split string) []rankedPage {
	s := benchdata.Load(t, benchdata.Debates)
	tw := benchdata.Load(t, "checkthat-2020-2")
	var filler []*evaluate.Transcript
	for _, p := range s.Pages[split] {
		filler = append(filler, p.Transcript)
	}
	mixed := &benchdata.Set{Name: tw.Name, Index: tw.Index, Qrels: tw.Qrels, Pages: map[string][]*evaluate.Page{}}
	for _, tr := range evaluate.MixedPages(tw.Name+"-"+split, tw.Queries[split], filler, benchdata.FeedPage) {
		mixed.Pages[split] = append(mixed.Pages[split], tr.Page())
	}
	return rankPages(New(tw.Index), mixed, split)
}

// pageExamples are the page model's inputs for every candidate of every
// sentence, with or without the article's date.
func pageExamples(pages []rankedPage, withDate bool) ([][]float64, []bool) {
	var xs [][]float64
	var ys []bool
	for _, rp := range pages {
		ref := parseDate("")
		if withDate {
			ref = parseDate(rp.date)
		}
		density := pageDensityOf(rp.page)
		for i := range rp.page {
			for j := range rp.page[i].cands {
				in := rp.c.pageInputs(rp.page, i, j, ref, density)
				xs = append(xs, append([]float64(nil), in[:]...))
				ys = append(ys, rp.relevant(i, j))
			}
		}
	}
	return xs, ys
}

// pageCounts scores the pages as a reader sees them with model pm.
func pageCounts(pages []rankedPage, pm *PageModel, withDate bool) evaluate.PageCounts {
	var counts evaluate.PageCounts
	for _, rp := range pages {
		c := rp.c
		cc := c.WithPageModel(pm)
		opt := Options{}
		if withDate {
			opt.Date = rp.date
		}
		// scorePage writes probabilities and tiers into the page; work on a
		// copy of the slice headers so models do not share them.
		page := append([]pageSentence(nil), rp.page...)
		cc.scorePage(page, opt)
		sents := make([]evaluate.PageSentence, len(page))
		for i := range page {
			sents[i].Line = rp.p.Lines[i]
			for j := range page[i].cands {
				if page[i].tiers[j] == TierNone {
					continue
				}
				if len(sents[i].Shown) == 0 {
					sents[i].Match = page[i].tiers[j] == TierMatch
				}
				sents[i].Shown = append(sents[i].Shown, c.m.Index().Claim(page[i].cands[j].Doc).ID)
			}
		}
		checked := 0
		for l := range rp.p.Transcript.Lines {
			if rp.qrels[rp.p.Transcript.QueryID(l)] != nil {
				checked++
			}
		}
		counts.Add(sents, func(line int) map[string]bool { return rp.qrels[rp.p.Transcript.QueryID(line)] }, checked)
	}
	return counts
}

func describe(c evaluate.PageCounts) string {
	return fmt.Sprintf("per100 %5.2f precision %.3f (%d/%d) match %.3f (%d/%d) recall %.3f (%d/%d)",
		c.HighlightsPer100(), c.Precision(), c.Right, c.Highlighted, c.MatchPrecision(), c.MatchRight, c.MatchShown,
		c.Recall(), c.Found, c.CheckedLines)
}

// TestFitPageModel fits the page model on the train transcripts checked as
// whole pages (each page twice: with its date and without, so the model
// serves both), then prints what readers of the train and dev pages would
// see over a grid of thresholds.
func TestFitPageModel(t *testing.T) {
	if os.Getenv("FACTCHECK_LEARN") == "" {
		t.Skip("set FACTCHECK_LEARN=1 to fit the page model on the train transcripts")
	}
	s := benchdata.Load(t, benchdata.Debates)
	train, feeds := trainingPages(t)
	dev := rankPages(New(s.Index), s, "dev")
	feedsDev := mixedPages(t, "dev")
	xs, ys := pageExamples(train, true)
	xn, yn := pageExamples(train, false)
	xf, yf := pageExamples(feeds, false)
	if os.Getenv("FACTCHECK_FEEDS") == "0" {
		xf, yf = nil, nil
	}
	xs, ys = append(append(xs, xn...), xf...), append(append(ys, yn...), yf...)
	for _, f := range strings.Fields(os.Getenv("FACTCHECK_MASK")) {
		var i int
		fmt.Sscan(f, &i)
		for _, x := range xs {
			x[i] = 0
		}
	}
	w := logit.Fit(xs, ys, nil, 1)
	pm := DefaultPageModel
	copy(pm.Weights[:], w)
	t.Logf("weights: %#v", w)
	pos := 0
	for _, y := range ys {
		if y {
			pos++
		}
	}
	t.Logf("train log loss %.4f, positives %d of %d candidates (prior %.5f)", logit.LogLoss(w, xs, ys), pos, len(ys), float64(pos)/float64(len(ys)))
	shows := envFloats("FACTCHECK_SHOWS", DefaultPageModel.Show)
	for _, show := range shows {
		for _, v := range []struct {
			card   float64
			dedupe bool
		}{{DefaultPageModel.Card, DefaultPageModel.Dedupe}} {
			m := pm
			m.Show, m.Card, m.Match, m.Dedupe = show, min(v.card, show), 0.4, v.dedupe
			var line []string
			for _, set := range []struct {
				name  string
				pages []rankedPage
			}{{"train", train}, {"dev", dev}, {"feeds train", feeds}, {"feeds dev", feedsDev}} {
				for _, withDate := range []bool{false, true} {
					if withDate && set.pages[0].date == "" {
						continue
					}
					line = append(line, fmt.Sprintf("%s date=%v: %s", set.name, withDate, describe(pageCounts(set.pages, &m, withDate))))
				}
			}
			t.Logf("show %.2f card %.3f dedupe %v\n  %s", show, m.Card, m.Dedupe, strings.Join(line, "\n  "))
		}
	}
}

// TestShowPageErrors prints, for the dev pages under the default model,
// the highlighted sentences that are wrong and the fact-checked sentences
// left silent, for error analysis; FACTCHECK_DATE=0 checks them without
// their dates, as make eval does.
func TestShowPageErrors(t *testing.T) {
	if os.Getenv("FACTCHECK_EXPLORE") == "" {
		t.Skip("set FACTCHECK_EXPLORE=1 to print the dev pages' errors")
	}
	s := benchdata.Load(t, benchdata.Debates)
	c := New(s.Index)
	for _, rp := range rankPages(c, s, "dev") {
		if os.Getenv("FACTCHECK_DATE") == "0" {
			rp.date = "" // as make eval and factcheck check without --date
		}
		page := append([]pageSentence(nil), rp.page...)
		c.scorePage(page, Options{Date: rp.date})
		for i := range page {
			ps := &page[i]
			rel := rp.qrels[rp.p.Transcript.QueryID(rp.p.Lines[i])]
			if len(ps.cands) == 0 {
				continue
			}
			shown := ps.tiers[0] != TierNone
			right := rp.relevant(i, 0)
			if shown == right && (!shown || right) && (len(rel) == 0 || shown) {
				continue
			}
			tag := "FP"
			if !shown {
				tag = "FN"
				if !right {
					tag = "FN(not top)"
				}
			}
			in := c.pageInputs(page, i, 0, parseDate(rp.date), pageDensityOf(page))
			t.Logf("%s p=%.3f in=%.2f\n   S: %s\n   C: %s (%s)", tag, ps.probs[0], in[:], ps.q.Text, c.m.Index().Claim(ps.cands[0].Doc).Text, c.m.Index().Claim(ps.cands[0].Doc).ClaimDate)
		}
	}
}

// TestPageAcrossCorpusSizes checks that page probabilities mean the same
// on small and large corpora: the dev pages are checked against corpora of
// several sizes that all hold the dev pages' fact-checks.
func TestPageAcrossCorpusSizes(t *testing.T) {
	if os.Getenv("FACTCHECK_EXPLORE") == "" {
		t.Skip("set FACTCHECK_EXPLORE=1 to check the dev pages against corpora of several sizes")
	}
	s := benchdata.Load(t, benchdata.Debates)
	gold := map[string]bool{}
	for _, rel := range s.Qrels["dev"] {
		for id := range rel {
			gold[id] = true
		}
	}
	all := make([]claim.Claim, 0, s.Index.NumClaims())
	var keep []claim.Claim
	for d := 0; d < s.Index.NumClaims(); d++ {
		if gold[s.Index.Claim(d).ID] {
			keep = append(keep, *s.Index.Claim(d))
		} else {
			all = append(all, *s.Index.Claim(d))
		}
	}
	rng := rand.New(rand.NewSource(1))
	rng.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	for _, size := range []int{0, 200, 1000, 5000, len(all)} {
		x, err := index.Build(append(append([]claim.Claim(nil), keep...), all[:size]...), nil)
		require.NoError(t, err)
		c := New(x)
		sub := &benchdata.Set{Name: s.Name, Index: x, Qrels: s.Qrels, Pages: s.Pages}
		for _, withDate := range []bool{false, true} {
			pages := rankPages(c, sub, "dev")
			t.Logf("%6d claims, date=%v: %s", x.NumClaims(), withDate, describe(pageCounts(pages, c.page, withDate)))
		}
	}
}

// TestPageModelFolds fits the page model on four fifths of the train
// transcripts and scores the fifth, five times, so thresholds and inputs
// are compared on pages the model has not seen (FACTCHECK_MASK lists
// inputs to leave out, by index; FACTCHECK_SHOWS the show thresholds,
// FACTCHECK_MATCH the match threshold).
func TestPageModelFolds(t *testing.T) {
	if os.Getenv("FACTCHECK_LEARN") == "" {
		t.Skip("set FACTCHECK_LEARN=1 to cross-validate the page model on the train transcripts")
	}
	train, feeds := trainingPages(t)
	masked := map[int]bool{}
	for _, f := range strings.Fields(os.Getenv("FACTCHECK_MASK")) {
		var i int
		fmt.Sscan(f, &i)
		masked[i] = true
	}
	const folds = 5
	shows := envFloats("FACTCHECK_SHOWS", DefaultPageModel.Show, DefaultPageModel.Match)
	matchAt := 0.4
	if v := os.Getenv("FACTCHECK_MATCH"); v != "" {
		fmt.Sscan(v, &matchAt)
	}
	counts := make([][2]evaluate.PageCounts, len(shows))
	for k := 0; k < folds; k++ {
		var fit, held []rankedPage
		for i, rp := range train {
			if i%folds == k {
				held = append(held, rp)
			} else {
				fit = append(fit, rp)
			}
		}
		xs, ys := pageExamples(fit, true)
		xn, yn := pageExamples(fit, false)
		xf, yf := pageExamples(feeds, false)
		xs, ys = append(append(xs, xn...), xf...), append(append(ys, yn...), yf...)
		for _, x := range xs {
			for i := range x {
				if masked[i] {
					x[i] = 0
				}
			}
		}
		w := logit.Fit(xs, ys, nil, 1)
		for si, show := range shows {
			pm := DefaultPageModel
			copy(pm.Weights[:], w)
			pm.Show, pm.Card, pm.Match = show, min(pm.Card, show), matchAt
			for d, withDate := range []bool{false, true} {
				part := pageCounts(held, &pm, withDate)
				acc := &counts[si][d]
				acc.Sentences += part.Sentences
				acc.Highlighted += part.Highlighted
				acc.Right += part.Right
				acc.MatchShown += part.MatchShown
				acc.MatchRight += part.MatchRight
				acc.CheckedLines += part.CheckedLines
				acc.Found += part.Found
			}
		}
	}
	for si, show := range shows {
		t.Logf("show %.2f out of fold\n  no date: %s\n  date:    %s", show, describe(counts[si][0]), describe(counts[si][1]))
	}
}

// envFloats reads the space-separated numbers of environment variable
// name, or returns def when it is not set.
func envFloats(name string, def ...float64) []float64 {
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	var out []float64
	for _, f := range strings.Fields(v) {
		var x float64
		fmt.Sscan(f, &x)
		out = append(out, x)
	}
	return out
}
