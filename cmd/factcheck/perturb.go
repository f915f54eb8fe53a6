package main

import (
	"fmt"
	"io"
	"sort"

	"github.com/factcheckwidget/factcheck/internal/engine"
	"github.com/factcheckwidget/factcheck/internal/evaluate"
	"github.com/factcheckwidget/factcheck/internal/index"
)

// perturbationReport measures the trust layer on perturbed queries, with
// the same checker `factcheck check` runs: a query whose gold claim is
// among the matches shown for it is altered (number scaled, date shifted,
// entity swapped, negation inserted); the perturbation passes when the
// gold claim is still shown at the same position and carries the expected
// flag. It also counts gold matches of the unaltered queries that carry
// any flag.
func perturbationReport(w io.Writer, x *index.Index, queries []evaluate.Query, qrels evaluate.Qrels) {
	ck := engine.New(x)
	type tally struct{ n, kept, flagged, both int }
	byKind := map[string]*tally{}
	clean, cleanFlagged := 0, 0
	for _, q := range queries {
		rank, gold := shownRank(ck.CheckSentence(q.Text, engine.Options{}), qrels[q.ID])
		if rank < 0 {
			continue
		}
		clean++
		if len(gold.Flags) > 0 {
			cleanFlagged++
		}
		c := gold.Claim
		for _, p := range evaluate.Perturb(q.Text, c.Text) {
			t := byKind[p.Kind]
			if t == nil {
				t = &tally{}
				byKind[p.Kind] = t
			}
			t.n++
			r2, m := shownRank(ck.CheckSentence(p.Text, engine.Options{}), map[string]bool{c.ID: true})
			kept := r2 == rank
			flagged := false
			if m != nil {
				for _, f := range m.Flags {
					flagged = flagged || f.Kind == p.Flag
				}
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
		fmt.Fprintf(w, "perturbed %-9s n=%-4d position kept %.3f  right flag %.3f  both %.3f\n", k, t.n,
			ratio(t.kept, t.n), ratio(t.flagged, t.n), ratio(t.both, t.n))
		total.n += t.n
		total.both += t.both
	}
	fmt.Fprintf(w, "perturbed all       n=%-4d position kept and right flag %.3f; unperturbed gold matches with a flag: %.3f (n=%d)\n",
		total.n, ratio(total.both, total.n), ratio(cleanFlagged, clean), clean)
}

// shownRank returns the position of the first relevant claim among the
// matches shown for a sentence, and that match.
func shownRank(ms []engine.Match, rel map[string]bool) (int, *engine.Match) {
	for i := range ms {
		if rel[ms[i].Claim.ID] {
			return i, &ms[i]
		}
	}
	return -1, nil
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
