package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/factcheckwidget/factcheck/web/site"
)

func init() {
	register(command{"site", "-o DIR [--corpus FILE] [--assets DIR] [--origin URL]",
		"write the site as static files (widget assets copied to DIR/static)", runSite})
}

func runSite(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("site", stderr)
	out := fs.String("o", "", "output directory")
	corpusPath := fs.String("corpus", "", "corpus file or compiled index (default: the bundled corpus)")
	assets := fs.String("assets", "build/web", "widget assets to copy to DIR/static (built by make wasm)")
	origin := fs.String("origin", "", "site origin for the embed snippet, e.g. https://factcheck.example")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usageError{"site: -o DIR is required"}
	}
	if fs.NArg() > 0 {
		return usagef("site: unexpected argument %q", fs.Arg(0))
	}
	c, err := loadChecker(*corpusPath, stderr)
	if err != nil {
		return err
	}
	if err := site.NewSite(c).WriteStatic(*out, *origin); err != nil {
		return err
	}
	if st, err := os.Stat(*assets); err == nil && st.IsDir() {
		if err := copyDir(*assets, filepath.Join(*out, "static")); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(stderr, "site: %s not found: the pages reference /static/factcheck.js; run `make wasm` first\n", *assets)
	}
	fmt.Fprintf(stdout, "factcheck: wrote the site to %s\n", *out)
	return nil
}

// copyDir copies the regular files of src into dst, keeping the tree.
func copyDir(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil // no symlinks out of the tree
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}
