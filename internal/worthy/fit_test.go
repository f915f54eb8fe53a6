package worthy

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/factcheckwidget/factcheck/internal/benchdata"
	"github.com/factcheckwidget/factcheck/internal/logit"
	"github.com/factcheckwidget/factcheck/internal/text"
)

// pageSentences returns the features of every sentence of a split's
// transcripts and whether it states its line's fact-checked claim.
func pageSentences(s *benchdata.Set, split string) ([][]float64, []bool) {
	var xs [][]float64
	var ys []bool
	claimText := func(id string) string {
		if d := s.Doc(id); d >= 0 {
			return s.Index.Claim(d).Text
		}
		return ""
	}
	for _, p := range s.Pages[split] {
		claims := p.ClaimSentences(s.Qrels[split], claimText)
		for i, sp := range p.Spans {
			f := FeaturesOf(text.Analyze(p.Article[sp.Start:sp.End]))
			xs = append(xs, f[:])
			ys = append(ys, claims[i])
		}
	}
	return xs, ys
}

// ranking reports average precision and the share of positives in the top
// 5, 10, 20 and 50 % of sentences by score.
func ranking(w []float64, xs [][]float64, ys []bool) string {
	idx := make([]int, len(xs))
	sc := make([]float64, len(xs))
	pos := 0
	for i := range xs {
		idx[i], sc[i] = i, logit.Score(w, xs[i])
		if ys[i] {
			pos++
		}
	}
	sort.SliceStable(idx, func(a, b int) bool { return sc[idx[a]] > sc[idx[b]] })
	hits, ap := 0, 0.0
	var at []string
	cuts := []float64{0.05, 0.1, 0.2, 0.5}
	for r, i := range idx {
		if ys[i] {
			hits++
			ap += float64(hits) / float64(r+1)
		}
		for _, c := range cuts {
			if r+1 == int(c*float64(len(xs))) {
				at = append(at, fmt.Sprintf("top %.0f%%: %.2f", 100*c, float64(hits)/float64(pos)))
			}
		}
	}
	return fmt.Sprintf("AP %.4f (random %.4f), recall %s", ap/float64(pos), float64(pos)/float64(len(xs)), strings.Join(at, ", "))
}

// TestFitWorthiness fits Default on the train transcripts (every sentence;
// positive: the sentence of a fact-checked line that states its claim) and
// prints its ranking quality on train and dev.
func TestFitWorthiness(t *testing.T) {
	if os.Getenv("FACTCHECK_LEARN") == "" {
		t.Skip("set FACTCHECK_LEARN=1 to fit the check-worthiness model on the train transcripts")
	}
	s := benchdata.Load(t, benchdata.Debates)
	xs, ys := pageSentences(s, "train")
	dx, dy := pageSentences(s, "dev")
	w := logit.Fit(xs, ys, nil, 1)
	t.Logf("weights: %#v", w)
	t.Logf("train: %s", ranking(w, xs, ys))
	t.Logf("dev:   %s", ranking(w, dx, dy))
	cur := Default.Weights[:]
	t.Logf("current Default on dev: %s", ranking(cur, dx, dy))
}

// TestGate prints, for candidate gates, the share of claim sentences and
// of all sentences of the train and dev transcripts that Default lets
// through.
func TestGate(t *testing.T) {
	if os.Getenv("FACTCHECK_LEARN") == "" {
		t.Skip("set FACTCHECK_LEARN=1 to print the check-worthiness gate's trade-off")
	}
	s := benchdata.Load(t, benchdata.Debates)
	for _, split := range []string{"train", "dev"} {
		xs, ys := pageSentences(s, split)
		for _, gate := range []float64{-6, -5.95, -5.9, -5.8, -5.5} {
			pass, passPos, pos := 0, 0, 0
			for i, x := range xs {
				var f Features
				copy(f[:], x)
				ok := Default.Score(&f) >= gate
				if ok {
					pass++
				}
				if ys[i] {
					pos++
					if ok {
						passPos++
					}
				}
			}
			t.Logf("%s gate %.1f: claim sentences kept %.3f, all sentences kept %.3f", split, gate,
				float64(passPos)/float64(pos), float64(pass)/float64(len(xs)))
		}
	}
}
