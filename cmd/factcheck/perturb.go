package main

import (
	"fmt"
	"io"
	"sort"

	"github.com/factcheckwidget/factcheck/internal/engine"
	"github.com/factcheckwidget/factcheck/internal/evaluate"
	"github.com/factcheckwidget/factcheck/internal/index"
	"github.com/factcheckwidget/factcheck/internal/match"
)

// perturbationReport measures the trust layer on perturbed queries: a
// query whose gold claim is in the top 5 is altered (number scaled, date
// shifted, entity swapped, negation inserted); the perturbation passes when
// the gold claim keeps its rank and carries the expected flag. It also
// counts gold matches of the unaltered queries that carry any flag.
func perturbationReport(w io.Writer, x *index.Index, queries []evaluate.Query, qrels evaluate.Qrels) {
	m := match.New(x)
	type tally struct{ n, kept, flagged, both int }
	byKind := map[string]*tally{}
	clean, cleanFlagged := 0, 0
	for _, q := range queries {
		rel := qrels[q.ID]
		ranked := m.Rank(q.Text, 5)
		rank, gold := goldRank(x, ranked, rel)
		if rank < 0 {
			continue
		}
		c := x.Claim(gold)
		clean++
		if len(engine.Compare(q.Text, c, engine.Options{})) > 0 {
			cleanFlagged++
		}
		for _, p := range evaluate.Perturb(q.Text, c.Text) {
			t := byKind[p.Kind]
			if t == nil {
				t = &tally{}
				byKind[p.Kind] = t
			}
			t.n++
			r2, _ := goldRank(x, m.Rank(p.Text, 5), map[string]bool{c.ID: true})
			kept := r2 == rank
			flagged := false
			for _, f := range engine.Compare(p.Text, c, engine.Options{}) {
				flagged = flagged || f.Kind == p.Flag
			}
			if kept {
				t.kept++
			}
			if flagged {
				t.flagged++
			}
			if kept && flagged {
				t.both++
			}
		}
	}
	kinds := make([]string, 0, len(byKind))
	for k := range byKind {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	total := tally{}
	for _, k := range kinds {
		t := byKind[k]
		fmt.Fprintf(w, "perturbed %-9s n=%-4d rank kept %.3f  right flag %.3f  both %.3f\n", k, t.n,
			ratio(t.kept, t.n), ratio(t.flagged, t.n), ratio(t.both, t.n))
		total.n += t.n
		total.both += t.both
	}
	fmt.Fprintf(w, "perturbed all       n=%-4d rank kept and right flag %.3f; unperturbed gold matches with a flag: %.3f (n=%d)\n",
		total.n, ratio(total.both, total.n), ratio(cleanFlagged, clean), clean)
}

// goldRank returns the 0-based rank of the first relevant claim and its doc.
func goldRank(x *index.Index, ranked []match.Candidate, rel map[string]bool) (int, int) {
	for i, c := range ranked {
		if rel[x.Claim(c.Doc).ID] {
			return i, c.Doc
		}
	}
	return -1, -1
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
