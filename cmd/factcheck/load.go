package main

import (
	"fmt"
	"io"
	"os"

	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/compile"
	"github.com/factcheckwidget/factcheck/internal/corpus"
	"github.com/factcheckwidget/factcheck/internal/index"
)

// loadIndex opens a compiled index, or reads and compiles any supported
// corpus format, so every command accepts either.
func loadIndex(path string, stderr io.Writer) (*index.Index, error) {
	if path == "" {
		return nil, usageError{"--corpus is required"}
	}
	// Read once: --corpus may be a pipe or /dev/stdin.
	f, err := os.Open(path)
	if err != nil {
		return nil, fileError(err)
	}
	data, err := io.ReadAll(io.LimitReader(f, corpus.MaxFileBytes+1))
	f.Close()
	if err != nil {
		return nil, fileError(err)
	}
	if index.IsIndex(data) {
		x, err := index.Decode(data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return x, nil
	}
	claims, err := corpus.Read(path, data)
	if err != nil {
		return nil, err
	}
	return buildIndex(claims, stderr)
}

func buildIndex(claims []claim.Claim, stderr io.Writer) (*index.Index, error) {
	return compile.Index(claims, progressPrinter(stderr, "indexing"))
}

// progressPrinter returns a progress callback that redraws one line when
// stderr is a terminal, and nil otherwise (logs stay clean).
func progressPrinter(stderr io.Writer, what string) func(done, total int) {
	f, ok := stderr.(*os.File)
	if !ok {
		return nil
	}
	if st, err := f.Stat(); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	return func(done, total int) {
		fmt.Fprintf(stderr, "\r%s %d/%d claims", what, done, total)
		if done == total {
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
