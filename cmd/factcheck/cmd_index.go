package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"github.com/factcheckwidget/factcheck/internal/atomicfile"
	"github.com/factcheckwidget/factcheck/internal/corpus"
	"github.com/factcheckwidget/factcheck/internal/index"
	"github.com/factcheckwidget/factcheck/internal/shard"
)

func init() {
	register(command{"index", "-o corpus.fcx [--shards [--claim-postings N]] [--strict] [--name NAME] INPUT...",
		"compile ClaimReview JSON-LD or HTML, Fact Check Tools JSON or CheckThat! JSONL files into one index", runIndex})
}

// summaryReasons is how many skip reasons the one-line summary lists.
const summaryReasons = 5

// indexMemoryLimit is the Go heap's soft limit while indexing, unless
// GOMEMLIMIT sets one: near it the garbage collector works harder instead of
// letting the heap double. On 200,000 generated DataFeed items (README,
// "Build a corpus", `make feed-bench`) it cuts peak RSS from 680 to
// 427-428 MB for 1-3 s more (13.6 -> 14.4-16.4 s); 20,000 items (150 MB,
// 1.1 s) never reach it. What is left is index.Build's working memory:
// reading the feed alone peaks at 297-333 MB.
const indexMemoryLimit = 400 << 20

func runIndex(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("index", stderr)
	out := fs.String("o", "", "output file (written atomically)")
	name := fs.String("name", "", "corpus name stored in the index")
	strict := fs.Bool("strict", false, "fail, writing nothing, when any item or input is skipped")
	shards := fs.Bool("shards", false, "write a sharded corpus: -o names a folder of static files a reader fetches piece by piece")
	claimPostings := fs.Int("claim-postings", shard.DefaultOptions().Keep[index.FieldClaim],
		"with --shards: postings a claim-word list keeps (fewer: fewer bytes a page, worse ranking on large corpora; README \"Scale\")")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usageError{"index: -o FILE is required"}
	}
	if fs.NArg() == 0 {
		return usageError{"index: at least one INPUT file is required"}
	}
	if *claimPostings < 1 {
		return usageError{"index: --claim-postings must be at least 1"}
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
		return writeShards(*out, x, *claimPostings, stderr)
	}
	var size int64
	// Streamed to the file: an index in memory twice (built, and encoded)
	// was the largest part of a big build's peak.
	if err := atomicfile.Write(*out, func(w io.Writer) (err error) {
		size, err = x.WriteTo(w)
		return err
	}); err != nil {
		return fileError(err)
	}
	fmt.Fprintf(stderr, "%s (read in %s)\nwrote %s: %d claims, %d bytes (%d B/claim), built in %s\n",
		summary, readTime.Round(time.Millisecond), *out, x.NumClaims(), size, size/int64(x.NumClaims()),
		time.Since(start).Round(time.Millisecond))
	return nil
}

// writeFileAtomic replaces path with data whole (internal/atomicfile), so
// a failed command never leaves half a file behind.
func writeFileAtomic(path string, data []byte) error {
	return fileError(atomicfile.WriteBytes(path, data))
}
