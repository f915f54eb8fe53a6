package main

import (
	"fmt"
	"io"

	"github.com/factcheckwidget/factcheck/internal/engine"
	"github.com/factcheckwidget/factcheck/internal/evaluate"
	"github.com/factcheckwidget/factcheck/internal/index"
	"github.com/factcheckwidget/factcheck/internal/match"
)

func init() {
	register(command{"eval", "--corpus FILE --queries Q.tsv --qrels Q.qrels [--plot FILE.svg]",
		"MAP@1/3/5, MRR, Recall@5 of the matcher and of plain BM25; precision, coverage and wrong-match rate of the tiers", runEval})
}

func runEval(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("eval", stderr)
	corpusPath := fs.String("corpus", "", "corpus file or compiled index")
	queriesPath := fs.String("queries", "", "queries TSV: id<TAB>text")
	qrelsPath := fs.String("qrels", "", "TREC qrels")
	plot := fs.String("plot", "", "write the precision/coverage curve over the match threshold as SVG")
	transcripts := fs.String("transcripts", "", "folder of debate transcripts (line<TAB>speaker<TAB>text .tsv) named by the qrels' query ids: check each as one page")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *queriesPath == "" || *qrelsPath == "" {
		return usageError{"eval: --queries and --qrels are required"}
	}
	queries, err := evaluate.ReadQueries(*queriesPath)
	if err != nil {
		return fileError(err)
	}
	qrels, err := evaluate.ReadQrels(*qrelsPath)
	if err != nil {
		return fileError(err)
	}
	x, err := loadIndex(*corpusPath, stderr)
	if err != nil {
		return err
	}
	// With transcripts, queries that are transcript lines are also ranked
	// with the lines before them as context (the third column of `rank`).
	var withContext []evaluate.Query
	if *transcripts != "" {
		withContext = append([]evaluate.Query(nil), queries...)
		n, err := evaluate.AddTranscriptContext(withContext, *transcripts, evalContextLines)
		if err != nil {
			return fileError(err)
		}
		if n == 0 {
			withContext = nil
		}
	}
	fmt.Fprintf(stdout, "%-18s %7s %7s %7s %7s %7s  (%d queries, %d claims)\n", "system", "MAP@1", "MAP@3", "MAP@5", "MRR", "R@5", len(qrels), x.NumClaims())
	for _, sys := range []struct {
		name    string
		m       *match.Matcher
		queries []evaluate.Query
	}{
		{"plain BM25", match.NewWithParams(x, match.BaselineParams()), queries},
		{"factcheck", match.New(x), queries},
		{"factcheck+context", match.New(x), withContext},
	} {
		if sys.queries == nil {
			continue
		}
		s := evaluate.Score(qrels, rankAll(sys.m, x, sys.queries, 5))
		fmt.Fprintf(stdout, "%-18s %7.3f %7.3f %7.3f %7.3f %7.3f\n", sys.name, s.MAP1, s.MAP3, s.MAP5, s.MRR, s.Recall5)
	}
	normal, removed := tierResults(x, queries, qrels)
	a := evaluate.ScoreAbstention(normal, removed)
	fmt.Fprintf(stdout, "tiers: match precision %.3f, coverage %.3f, wrong-match rate with gold removed %.3f (threshold %.2f)\n",
		a.Precision, a.Coverage, a.WrongMatch, engine.MatchThreshold)
	perturbationReport(stdout, x, queries, qrels)
	robustnessReport(stdout, x, queries, qrels)
	if *transcripts != "" {
		ts, err := evaluate.TranscriptsFor(*transcripts, qrels)
		if err != nil {
			return fileError(err)
		}
		pageReport(stdout, x, ts, qrels)
	}
	if *plot != "" {
		svg := evaluate.PlotSVG("factcheck: match threshold trade-off ("+*queriesPath+")", evaluate.Curve(normal, removed), engine.MatchThreshold)
		if err := writeFileAtomic(*plot, []byte(svg)); err != nil {
			return err
		}
	}
	return nil
}

// evalContextLines is how many preceding transcript lines a query is read
// with: the CheckThat! debate tasks and our acceptance data give three.
const evalContextLines = 3

// rankAll is the run of the top k claims of every query, read with its
// context when it has one.
func rankAll(m *match.Matcher, x *index.Index, queries []evaluate.Query, k int) evaluate.Run {
	run := evaluate.Run{}
	for _, q := range queries {
		for _, c := range m.RankQuery(m.PrepareContext(q.Text, q.Context), k) {
			run[q.ID] = append(run[q.ID], x.Claim(c.Doc).ID)
		}
	}
	return run
}

// tierResults ranks every query twice: against the whole corpus, and with
// its relevant claims (and their duplicates) removed, which is what a page
// quoting a claim nobody checked looks like.
func tierResults(x *index.Index, queries []evaluate.Query, qrels evaluate.Qrels) (normal, removed []evaluate.TopResult) {
	m := match.New(x)
	byID := make(map[string]int, x.NumClaims())
	for d := 0; d < x.NumClaims(); d++ {
		byID[x.Claim(d).ID] = d
	}
	for _, q := range queries {
		rel, ok := qrels[q.ID]
		if !ok {
			continue
		}
		pq := m.PrepareContext(q.Text, q.Context)
		if c := m.RankQuery(pq, 1); len(c) > 0 {
			normal = append(normal, evaluate.TopResult{Prob: c[0].Prob, Correct: rel[x.Claim(c[0].Doc).ID],
				Match: engine.TierFor(c[0].Prob, pq.Words()) == engine.TierMatch})
		} else {
			normal = append(normal, evaluate.TopResult{})
		}
		gold := map[int32]bool{}
		for id := range rel {
			if d, ok := byID[id]; ok {
				gold[x.Duplicates[d]] = true
			}
		}
		c := m.RankExcluding(pq, 1, func(d int) bool { return gold[x.Duplicates[d]] })
		if len(c) > 0 {
			removed = append(removed, evaluate.TopResult{Prob: c[0].Prob, Match: engine.TierFor(c[0].Prob, pq.Words()) == engine.TierMatch})
		} else {
			removed = append(removed, evaluate.TopResult{})
		}
	}
	return normal, removed
}
