// Package extension holds the Chrome/Chromium (Manifest V3) browser
// extension: its own pages and scripts, embedded here, plus the widget's
// assets copied in at build time (`make extension`, cmd/extension), so the
// wasm, worker, loader and corpus exist once in the repository.
package extension

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
)

//go:embed manifest.json *.html *.js *.css
var files embed.FS

// WidgetAssets are the files of `make wasm` (build/web) the extension ships.
var WidgetAssets = []string{"factcheck.js", "factcheck-worker.js", "wasm_exec.js", "factcheck.wasm", "default.fcx"}

// Options change the manifest of a build.
type Options struct {
	Version string // manifest version; "" keeps the template's
	// HostPermissions are added to the manifest. Tests only: they stand in
	// for the activeTab grant a user's click gives, which a headless
	// browser cannot give. Shipped builds have none.
	HostPermissions []string
}

// Build writes the unpacked extension into dir: the embedded files, the
// manifest (with opts applied) and the widget assets from assetDir.
func Build(dir, assetDir string, opts Options) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	err := fs.WalkDir(files, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path == "manifest.json" {
			return err
		}
		b, err := files.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, path), b, 0o644)
	})
	if err != nil {
		return err
	}
	m, err := Manifest(opts)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "manifest.json"), m, 0o644); err != nil {
		return err
	}
	for _, name := range WidgetAssets {
		b, err := os.ReadFile(filepath.Join(assetDir, name))
		if err != nil {
			return fmt.Errorf("widget asset (run make wasm): %w", err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Manifest returns manifest.json with opts applied.
func Manifest(opts Options) ([]byte, error) {
	b, err := files.ReadFile("manifest.json")
	if err != nil {
		return nil, err
	}
	if opts.Version == "" && len(opts.HostPermissions) == 0 {
		return b, nil
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("manifest.json: %w", err)
	}
	if opts.Version != "" {
		m["version"] = opts.Version
	}
	if len(opts.HostPermissions) > 0 {
		m["host_permissions"] = opts.HostPermissions
	}
	out, err := json.MarshalIndent(m, "", "  ")
	return append(out, '\n'), err
}

// Zip packs the unpacked extension in dir into a zip for store upload
// (files at the root, sorted, deflated) and returns its size in bytes.
func Zip(dir, zipPath string) (int64, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0, err
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	// Best compression: the store download is the size users wait for.
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestCompression)
	})
	for _, name := range names {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
		if err != nil {
			return 0, err
		}
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			return 0, err
		}
		_, err = io.Copy(w, f)
		f.Close()
		if err != nil {
			return 0, err
		}
	}
	if err := zw.Close(); err != nil {
		return 0, err
	}
	if err := os.MkdirAll(filepath.Dir(zipPath), 0o755); err != nil {
		return 0, err
	}
	return int64(buf.Len()), os.WriteFile(zipPath, buf.Bytes(), 0o644)
}
