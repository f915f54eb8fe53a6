package main

import (
	"fmt"
	"io"
	"sort"

	"github.com/factcheckwidget/factcheck/internal/engine"
	"github.com/factcheckwidget/factcheck/internal/evaluate"
	"github.com/factcheckwidget/factcheck/internal/index"
)

// checkTranscripts checks every transcript as one page, exactly as the
// widget does (engine.CheckArticle on the whole text), and returns what a
// reader would see per sentence, with the sentence's transcript line.
func checkTranscripts(ck *engine.Checker, ts []*evaluate.Transcript, each func(t *evaluate.Transcript, sents []evaluate.PageSentence)) {
	for _, t := range ts {
		article, starts := t.Article()
		checked := ck.CheckArticle(article, engine.Options{})
		out := make([]evaluate.PageSentence, len(checked))
		for i, s := range checked {
			line := sort.SearchInts(starts, s.Span.Start+1) - 1
			ps := evaluate.PageSentence{Line: line}
			for j, m := range s.Matches {
				ps.Shown = append(ps.Shown, m.Claim.ID)
				if j == 0 {
					ps.Match = m.Tier == engine.TierMatch
				}
			}
			out[i] = ps
		}
		each(t, out)
	}
}

// pageReport prints the figures a reader of whole transcripts sees: how
// many sentences light up, how many of those are right, and how many
// fact-checked lines get their fact-check.
func pageReport(w io.Writer, x *index.Index, ts []*evaluate.Transcript, qrels evaluate.Qrels) evaluate.PageCounts {
	var c evaluate.PageCounts
	checkTranscripts(engine.New(x), ts, func(t *evaluate.Transcript, sents []evaluate.PageSentence) {
		checked := 0
		for i := range t.Lines {
			if qrels[t.QueryID(i)] != nil {
				checked++
			}
		}
		c.Add(sents, func(line int) map[string]bool { return qrels[t.QueryID(line)] }, checked)
	})
	fmt.Fprintf(w, "page (%d transcripts as articles, %d sentences, %d fact-checked lines):\n", len(ts), c.Sentences, c.CheckedLines)
	fmt.Fprintf(w, "  highlighted per 100 sentences %6.2f   precision of highlights %.3f (%d/%d)\n",
		c.HighlightsPer100(), c.Precision(), c.Right, c.Highlighted)
	fmt.Fprintf(w, "  precision of match tier       %6.3f (%d/%d)   fact-checked lines shown %.3f (%d/%d)\n",
		c.MatchPrecision(), c.MatchRight, c.MatchShown, c.Recall(), c.Found, c.CheckedLines)
	return c
}
