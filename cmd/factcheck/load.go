package main

import (
	"bufio"
	"fmt"
	"io"
	"os"

	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/compile"
	"github.com/factcheckwidget/factcheck/internal/corpus"
	"github.com/factcheckwidget/factcheck/internal/index"
)

// loadIndex opens a compiled index, or reads and compiles any supported
// corpus format, so every command accepts either. Skipped items are
// reported in one line on stderr.
func loadIndex(path string, stderr io.Writer) (*index.Index, error) {
	if path == "" {
		return nil, usageError{"--corpus is required"}
	}
	// Read once, streaming: --corpus may be a pipe or /dev/stdin.
	f, err := os.Open(path)
	if err != nil {
		return nil, fileError(err)
	}
	defer f.Close()
	r := bufio.NewReader(f)
	if head, _ := r.Peek(len(index.Magic)); index.IsIndex(head) {
		data, err := io.ReadAll(io.LimitReader(r, corpus.MaxFileBytes+1))
		if err != nil {
			return nil, fileError(err)
		}
		x, err := index.Decode(data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return x, nil
	}
	var size int64
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		size = st.Size()
	}
	col := corpus.Collection{Progress: readProgress(stderr)}
	if err := col.ReadFrom(path, r, size); err != nil {
		return nil, fileError(err)
	}
	if len(col.Claims) == 0 {
		return nil, fmt.Errorf("%s: nothing to index: %s", path, col.Summary(summaryReasons))
	}
	if len(col.Skipped) > 0 {
		fmt.Fprintln(stderr, "factcheck: "+col.Summary(summaryReasons))
	}
	return buildIndex(col.Claims, stderr)
}

func buildIndex(claims []claim.Claim, stderr io.Writer) (*index.Index, error) {
	return compile.Index(claims, progressPrinter(stderr, "indexing"))
}

// isTerminal reports whether w is a terminal: progress lines are drawn
// there and nowhere else, so logs stay clean.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// progressPrinter returns a progress callback that redraws one line when
// stderr is a terminal, and nil otherwise.
func progressPrinter(stderr io.Writer, what string) func(done, total int) {
	if !isTerminal(stderr) {
		return nil
	}
	return func(done, total int) {
		fmt.Fprintf(stderr, "\r%s %d/%d claims", what, done, total)
		if done == total {
			fmt.Fprintln(stderr)
		}
	}
}

// readProgress is progressPrinter for reading inputs: items read and, when
// the input's size is known, how far through it.
func readProgress(stderr io.Writer) func(corpus.Progress) {
	if !isTerminal(stderr) {
		return nil
	}
	return printReadProgress(stderr)
}

func printReadProgress(stderr io.Writer) func(corpus.Progress) {
	return func(p corpus.Progress) {
		fmt.Fprintf(stderr, "\rreading %s: %d items", p.File, p.Items)
		if p.Size > 0 {
			fmt.Fprintf(stderr, " (%d%%)", p.Read*100/p.Size)
		}
		if p.Done {
			fmt.Fprintln(stderr)
		}
	}
}

// fileError drops Go's "open" prefix: "corpus.json: no such file or directory".
func fileError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return fmt.Errorf("%s: %v", pe.Path, pe.Err)
	}
	return err
}
