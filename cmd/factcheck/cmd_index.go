package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/corpus"
)

func init() {
	register(command{"index", "-o corpus.fcx INPUT...",
		"compile ClaimReview JSON-LD, Fact Check Tools JSON or CheckThat! JSONL files into one index", runIndex})
}

func runIndex(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("index", stderr)
	out := fs.String("o", "", "output file (written atomically)")
	name := fs.String("name", "", "corpus name stored in the index")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usageError{"index: -o FILE is required"}
	}
	if fs.NArg() == 0 {
		return usageError{"index: at least one INPUT file is required"}
	}
	var claims []claim.Claim
	for _, path := range fs.Args() {
		cs, err := corpus.ReadFile(path)
		if err != nil {
			return fileError(err)
		}
		claims = append(claims, cs...)
	}
	start := time.Now()
	x, err := buildIndex(claims, stderr)
	if err != nil {
		return err
	}
	x.Meta["name"] = *name
	if *name == "" {
		x.Meta["name"] = filepath.Base(*out)
	}
	x.Meta["built"] = time.Now().UTC().Format(time.RFC3339)
	data := x.Encode()
	if err := writeFileAtomic(*out, data); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "indexed %d claims into %s (%d bytes, %d B/claim) in %s\n",
		x.NumClaims(), *out, len(data), len(data)/x.NumClaims(), time.Since(start).Round(time.Millisecond))
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
