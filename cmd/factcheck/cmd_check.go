package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"io"
	"os"
	"time"

	"golang.org/x/text/language"

	"github.com/factcheckwidget/factcheck/internal/engine"
	"github.com/factcheckwidget/factcheck/internal/evaluate"
	"github.com/factcheckwidget/factcheck/internal/report"
)

func init() {
	register(command{"check", "--corpus FILE|DIR/ [--date YYYY-MM-DD] [--lang TAG] [--all] [TEXT-FILE|-] | --corpus FILE|DIR/ --queries Q.tsv [--lang TAG] [--all]",
		"check an article (JSON: sentences, offsets, what a reader is shown) or a batch of sentences (JSON Lines; queries id<TAB>text[<TAB>preceding text])", runCheck})
}

func runCheck(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("check", stderr)
	corpusPath := fs.String("corpus", "", "corpus file, compiled index, or sharded corpus folder (DIR/)")
	queriesPath := fs.String("queries", "", "batch mode: queries TSV id<TAB>text[<TAB>text that precedes it]")
	date := fs.String("date", "", "article date YYYY-MM-DD for relative dates")
	all := fs.Bool("all", false, "also list the candidates a reader is not shown (tier \"none\")")
	pageLang := fs.String("lang", "", "the text's language, a BCP 47 tag (pt-BR); default: detected among the corpus's languages")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *date != "" {
		if _, err := time.Parse("2006-01-02", *date); err != nil {
			return usagef("check: --date must be YYYY-MM-DD, got %q", *date)
		}
	}
	if _, err := language.Parse(*pageLang); *pageLang != "" && err != nil && !errors.As(err, new(language.ValueError)) {
		return usagef("check: --lang must be a BCP 47 language tag such as pt-BR, got %q", *pageLang)
	}
	if *queriesPath != "" && fs.NArg() > 0 {
		return usageError{"check: give either --queries or a TEXT-FILE, not both"}
	}
	if fs.NArg() > 1 {
		return usageError{"check: at most one TEXT-FILE"}
	}
	var queries []evaluate.Query
	var article []byte
	var err error
	if *queriesPath != "" {
		if queries, err = evaluate.ReadQueries(*queriesPath); err != nil {
			return fileError(err)
		}
	} else {
		in := "-"
		if fs.NArg() == 1 {
			in = fs.Arg(0)
		}
		if article, err = readInput(in); err != nil {
			return err
		}
	}
	opt := engine.Options{Date: *date, All: *all, Lang: *pageLang}
	var c pageChecker
	if isSharded(*corpusPath) {
		r, err := openSharded(*corpusPath)
		if err != nil {
			return err
		}
		c = shardedChecker{r}
	} else {
		x, err := loadIndex(*corpusPath, stderr)
		if err != nil {
			return err
		}
		c = wholeChecker{engine.New(x)}
	}
	return writeChecks(stdout, c, queries, string(article), opt)
}

// pageChecker is what check needs of a corpus: the whole index in memory
// or a sharded folder read piece by piece.
type pageChecker interface {
	CheckSentence(s string, opt engine.Options) ([]engine.Match, error)
	CheckArticle(text string, opt engine.Options) ([]engine.Sentence, error)
}

type wholeChecker struct{ c *engine.Checker }

func (w wholeChecker) CheckSentence(s string, opt engine.Options) ([]engine.Match, error) {
	return w.c.CheckSentence(s, opt), nil
}

func (w wholeChecker) CheckArticle(text string, opt engine.Options) ([]engine.Sentence, error) {
	return w.c.CheckArticle(text, opt), nil
}

// writeChecks writes what a reader is shown: JSON Lines, one per query, or
// the article's sentences as one JSON document.
func writeChecks(stdout io.Writer, c pageChecker, queries []evaluate.Query, text string, opt engine.Options) error {
	w := bufio.NewWriter(stdout)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if queries != nil {
		for _, q := range queries {
			opt.Context = q.Context
			ms, err := c.CheckSentence(q.Text, opt)
			if err != nil {
				return err
			}
			if err := enc.Encode(report.BatchLine{ID: q.ID, Matches: report.Matches(q.Text, ms, false)}); err != nil {
				return err
			}
		}
		return w.Flush()
	}
	sents, err := c.CheckArticle(text, opt)
	if err != nil {
		return err
	}
	enc.SetIndent("", "  ")
	if err := enc.Encode(report.ArticleOf(text, opt.Date, sents)); err != nil {
		return err
	}
	return w.Flush()
}

func readInput(path string) ([]byte, error) {
	var r io.Reader = os.Stdin
	name := "standard input"
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, fileError(err)
		}
		defer f.Close()
		r = f
		name = path
	}
	data, err := io.ReadAll(io.LimitReader(r, engine.MaxArticleBytes+1))
	if err != nil {
		return nil, fileError(err)
	}
	if len(data) > engine.MaxArticleBytes {
		return nil, usagef("check: %s is larger than the %d-byte article limit", name, engine.MaxArticleBytes)
	}
	return data, nil
}
