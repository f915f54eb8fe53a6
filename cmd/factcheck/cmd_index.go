package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"github.com/factcheckwidget/factcheck/internal/corpus"
)

func init() {
	register(command{"index", "-o corpus.fcx [--shards] [--strict] [--name NAME] INPUT...",
		"compile ClaimReview JSON-LD or HTML, Fact Check Tools JSON or CheckThat! JSONL files into one index", runIndex})
}

// summaryReasons is how many skip reasons the one-line summary lists.
const summaryReasons = 5

// indexMemoryLimit is the Go heap's soft limit while indexing, unless
// GOMEMLIMIT sets one: near it the garbage collector works harder instead of
// letting the heap double. On 200,000 generated DataFeed items (README,
// "Build a corpus") it halves peak RSS (1,224-1,268 -> 626-670 MB) and
// doubles the time (12-17 -> 24-32 s); 20,000 items (150 MB, 1.1 s) never
// reach it. What is left is index.Build's and Encode's working memory:
// reading the feed alone peaks at 297 MB.
const indexMemoryLimit = 400 << 20

func runIndex(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("index", stderr)
	out := fs.String("o", "", "output file (written atomically)")
	name := fs.String("name", "", "corpus name stored in the index")
	strict := fs.Bool("strict", false, "fail, writing nothing, when any item or input is skipped")
	shards := fs.Bool("shards", false, "write a sharded corpus: -o names a folder of static files a reader fetches piece by piece")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usageError{"index: -o FILE is required"}
	}
	if fs.NArg() == 0 {
		return usageError{"index: at least one INPUT file is required"}
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(indexMemoryLimit))
	}
	start := time.Now()
	col := corpus.Collection{Progress: readProgress(stderr)}
	for _, path := range fs.Args() {
		if err := col.ReadFile(path); err != nil {
			var ce *corpus.Error
			if !errors.As(err, &ce) {
				return fileError(err) // missing or unreadable: a mistake on the command line
			}
			col.SkipInput(ce)
		}
	}
	summary := col.Summary(summaryReasons)
	switch {
	case len(col.Claims) == 0:
		return fmt.Errorf("index: nothing to index: %s", summary)
	case *strict && len(col.Skipped) > 0:
		return fmt.Errorf("index --strict: %s; nothing written", summary)
	}
	readTime := time.Since(start)
	start = time.Now()
	x, err := buildIndex(col.Claims, stderr)
	if err != nil {
		return err
	}
	x.Meta["name"] = *name
	if *name == "" {
		x.Meta["name"] = filepath.Base(*out)
	}
	x.Meta["built"] = time.Now().UTC().Format(time.RFC3339)
	if *shards {
		fmt.Fprintf(stderr, "%s (read in %s)\n", summary, readTime.Round(time.Millisecond))
		return writeShards(*out, x, stderr)
	}
	data := x.Encode()
	if err := writeFileAtomic(*out, data); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "%s (read in %s)\nwrote %s: %d claims, %d bytes (%d B/claim), built in %s\n",
		summary, readTime.Round(time.Millisecond), *out, x.NumClaims(), len(data), len(data)/x.NumClaims(),
		time.Since(start).Round(time.Millisecond))
	return nil
}

// writeFileAtomic writes to a temporary file beside path and renames it over
// path, so a failed build never leaves a half-written index behind.
func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fileError(err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fileError(err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fileError(err)
	}
	if err := tmp.Close(); err != nil {
		return fileError(err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fileError(err)
	}
	return fileError(os.Rename(tmp.Name(), path))
}
