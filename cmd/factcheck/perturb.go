package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/factcheckwidget/factcheck/internal/engine"
	"github.com/factcheckwidget/factcheck/internal/evaluate"
	"github.com/factcheckwidget/factcheck/internal/index"
	"github.com/factcheckwidget/factcheck/internal/match"
)

// flagKinds are the rows of the flag table, in order.
var flagKinds = []string{"numbers", "dates", "entities", "negation", "denial"}

// perturbationReport measures the trust layer on edited queries, with the
// same checker `factcheck check --queries` runs. Every query whose gold
// claim is shown is edited (evaluate.Perturb: a shared figure scaled, a
// year or month moved, a country, US state or person swapped, a negation
// written in, the statement denied); per kind it reports
//
//   - flag raised on the edit: the edit compared with the gold claim
//     carries the kind's flag (for a negation or a denial, "negation" or
//     "disputes": both tell the reader the page says the claim is not so);
//   - flag on the unedited original: the gold match of the queries that
//     were edited so (for negation and denial: of every query) already
//     carries that flag ("negation"; "disputes" for a denial: on an
//     original that debunks its claim it is right);
//   - gold still shown: the gold claim is among the matches shown for the
//     edit.
func perturbationReport(w io.Writer, x *index.Index, queries []evaluate.Query, qrels evaluate.Qrels) {
	ck := engine.New(x)
	type tally struct{ edits, flagged, kept, originals, origFlagged int }
	rows := map[string]*tally{}
	forms := map[string]*tally{}
	for _, k := range flagKinds {
		rows[k] = &tally{}
	}
	clean, differs, disputes := 0, 0, 0
	for _, q := range queries {
		_, gold := shownRank(ck.CheckSentence(q.Text, engine.Options{}), qrels[q.ID])
		if gold == nil {
			continue
		}
		clean++
		if hasFlag(gold.Flags, engine.FlagDisputes) {
			disputes++
		}
		if differsFlag(gold.Flags) {
			differs++
		}
		// Any post may be negated or denied (the held-out negations were
		// written by others, for every kind of post), so those rows count
		// every original; a figure, date or name can only be changed
		// where the post shares it with the claim, so those count the
		// originals so edited.
		for _, k := range [...]struct{ kind, flag string }{{"negation", engine.FlagNegation}, {"denial", engine.FlagDisputes}} {
			rows[k.kind].originals++
			if hasFlag(gold.Flags, k.flag) {
				rows[k.kind].origFlagged++
			}
		}
		c := gold.Claim
		seen := map[string]bool{"negation": true, "denial": true}
		for _, p := range evaluate.Perturb(q.Text, c.Text) {
			t := rows[p.Kind]
			if !seen[p.Kind] {
				seen[p.Kind] = true
				t.originals++
				if hasFlag(gold.Flags, p.Flag) {
					t.origFlagged++
				}
			}
			f := forms[p.Kind+"/"+p.Form]
			if f == nil {
				f = &tally{}
				forms[p.Kind+"/"+p.Form] = f
			}
			flags := ck.Compare(p.Text, c, engine.Options{})
			// Denying the claim and stating its opposite both tell the
			// reader the page says the claim is not so.
			opposite := p.Kind == "negation" || p.Kind == "denial"
			flagged := hasFlag(flags, p.Flag) || opposite && (hasFlag(flags, engine.FlagDisputes) || hasFlag(flags, engine.FlagNegation))
			_, m := shownRank(ck.CheckSentence(p.Text, engine.Options{}), map[string]bool{c.ID: true})
			for _, t := range []*tally{t, f} {
				t.edits++
				if flagged {
					t.flagged++
				}
				if m != nil {
					t.kept++
				}
			}
		}
	}
	fmt.Fprintf(w, "flags (%d queries with their gold claim shown): kind, edits, flag raised on the edit, flag on the unedited original, gold still shown\n", clean)
	for _, k := range flagKinds {
		t := rows[k]
		fmt.Fprintf(w, "  %-9s %4d   %.3f   %.3f (%d/%d)   %.3f (%d/%d)\n", k, t.edits, ratio(t.flagged, t.edits),
			ratio(t.origFlagged, t.originals), t.origFlagged, t.originals, ratio(t.kept, t.edits), t.kept, t.edits)
	}
	names := make([]string, 0, len(forms))
	for k := range forms {
		names = append(names, k)
	}
	sort.Strings(names)
	var by []string
	for _, k := range names {
		f := forms[k]
		by = append(by, fmt.Sprintf("%s %d: %.2f/%.2f", k, f.edits, ratio(f.flagged, f.edits), ratio(f.kept, f.edits)))
	}
	fmt.Fprintf(w, "  by form (edits: flagged/gold shown): %s\n", strings.Join(by, ", "))
	fmt.Fprintf(w, "  unedited gold matches: a flag saying the page differs %.3f, the page disputes the claim %.3f (n=%d)\n",
		ratio(differs, clean), ratio(disputes, clean), clean)
}

// robustnessReport ranks every query and its meaning-preserving rewrites
// (evaluate.Rewrites) and prints, per kind, MAP@5 of the queries the kind
// changes, unedited and edited.
func robustnessReport(w io.Writer, x *index.Index, queries []evaluate.Query, qrels evaluate.Qrels) {
	m := match.New(x)
	edited := map[string][]evaluate.Query{}
	for _, q := range queries {
		if _, ok := qrels[q.ID]; !ok {
			continue
		}
		for _, r := range evaluate.Rewrites(q.Text) {
			edited[r.Kind] = append(edited[r.Kind], evaluate.Query{ID: q.ID, Text: r.Text})
		}
	}
	byID := map[string]evaluate.Query{}
	for _, q := range queries {
		byID[q.ID] = q
	}
	fmt.Fprintln(w, "robustness: MAP@5 of the queries each meaning-preserving edit changes, unedited -> edited (drop)")
	for _, kind := range evaluate.RewriteKinds {
		qs := edited[kind]
		if len(qs) == 0 {
			continue
		}
		sub := evaluate.Qrels{}
		orig := make([]evaluate.Query, 0, len(qs))
		for _, q := range qs {
			sub[q.ID] = qrels[q.ID]
			orig = append(orig, evaluate.Query{ID: q.ID, Text: byID[q.ID].Text})
		}
		before := evaluate.Score(sub, rankAll(m, x, orig, 5)).MAP5
		after := evaluate.Score(sub, rankAll(m, x, qs, 5)).MAP5
		fmt.Fprintf(w, "  %-16s n=%-4d %.3f -> %.3f  (%+.3f)\n", kind, len(qs), before, after, after-before)
	}
}

func hasFlag(fs []engine.Flag, kind string) bool {
	for _, f := range fs {
		if f.Kind == kind {
			return true
		}
	}
	return false
}

// differsFlag reports a flag that tells the reader the page says
// something else than the claim (every kind but "disputes").
func differsFlag(fs []engine.Flag) bool {
	for _, f := range fs {
		if f.Kind != engine.FlagDisputes {
			return true
		}
	}
	return false
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
