package main

import (
	"fmt"
	"io"

	"github.com/factcheckwidget/factcheck/internal/evaluate"
	"github.com/factcheckwidget/factcheck/internal/match"
)

func init() {
	register(command{"eval", "--corpus FILE --queries Q.tsv --qrels Q.qrels [--plot FILE.svg]",
		"MAP@1/3/5, MRR and Recall@5 of the matcher and of a plain BM25 baseline", runEval})
}

func runEval(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("eval", stderr)
	corpusPath := fs.String("corpus", "", "corpus file or compiled index")
	queriesPath := fs.String("queries", "", "queries TSV: id<TAB>text")
	qrelsPath := fs.String("qrels", "", "TREC qrels")
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
	rows := []struct {
		name string
		m    *match.Matcher
	}{
		{"plain BM25", match.NewWithParams(x, match.BaselineParams())},
		{"factcheck", match.New(x)},
	}
	fmt.Fprintf(stdout, "%-12s %7s %7s %7s %7s %7s  (%d queries, %d claims)\n", "system", "MAP@1", "MAP@3", "MAP@5", "MRR", "R@5", len(qrels), x.NumClaims())
	for _, r := range rows {
		run := evaluate.Run{}
		for _, q := range queries {
			for _, c := range r.m.Rank(q.Text, 5) {
				run[q.ID] = append(run[q.ID], x.Claim(c.Doc).ID)
			}
		}
		s := evaluate.Score(qrels, run)
		fmt.Fprintf(stdout, "%-12s %7.3f %7.3f %7.3f %7.3f %7.3f\n", r.name, s.MAP1, s.MAP3, s.MAP5, s.MRR, s.Recall5)
	}
	return nil
}
