package main

import (
	"bufio"
	"io"
	"strconv"

	"github.com/factcheckwidget/factcheck/internal/evaluate"
	"github.com/factcheckwidget/factcheck/internal/match"
)

func init() {
	register(command{"rank", "--corpus FILE|DIR/ --queries Q.tsv [--k 5] [--tag NAME]",
		"print a TREC run (qid Q0 claim_id rank score tag) of the top k claims per query (queries: id<TAB>text[<TAB>preceding text])", runRank})
}

func runRank(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("rank", stderr)
	corpusPath := fs.String("corpus", "", "corpus file, compiled index, or sharded corpus folder (DIR/)")
	queriesPath := fs.String("queries", "", "queries TSV: id<TAB>text")
	k := fs.Int("k", 5, "claims per query")
	tag := fs.String("tag", "factcheck", "run tag (last column)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *queriesPath == "" {
		return usageError{"rank: --queries is required"}
	}
	if *k < 1 {
		return usageError{"rank: --k must be at least 1"}
	}
	queries, err := evaluate.ReadQueries(*queriesPath)
	if err != nil {
		return fileError(err)
	}
	if isSharded(*corpusPath) {
		return rankSharded(*corpusPath, queries, *k, *tag, stdout)
	}
	x, err := loadIndex(*corpusPath, stderr)
	if err != nil {
		return err
	}
	m := match.New(x)
	w := bufio.NewWriter(stdout)
	for _, q := range queries {
		for i, c := range m.RankQuery(m.PrepareContext(q.Text, q.Context), *k) {
			w.WriteString(q.ID + " Q0 " + x.Claim(c.Doc).ID + " " + strconv.Itoa(i+1) + " " +
				strconv.FormatFloat(c.Score, 'f', 6, 64) + " " + *tag + "\n")
		}
	}
	return w.Flush()
}
