// Command extension writes the browser extension (web/extension) unpacked
// into a folder and packed into a zip for store upload: `make extension`.
//
//	extension [-assets build/web] [-o dist/extension] [-zip dist/factcheck-extension.zip] [-version X.Y.Z]
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/factcheckwidget/factcheck/web/extension"
)

func main() {
	assets := flag.String("assets", "build/web", "the widget's built assets (make wasm)")
	out := flag.String("o", "dist/extension", "unpacked extension folder")
	zipPath := flag.String("zip", "dist/factcheck-extension.zip", "zip to write (empty: none)")
	version := flag.String("version", "", "manifest version (default: the template's)")
	flag.Parse()
	// A fresh folder: a file dropped from the extension must not linger.
	if err := os.RemoveAll(*out); err != nil {
		fail(err)
	}
	if err := extension.Build(*out, *assets, extension.Options{Version: *version}); err != nil {
		fail(err)
	}
	if *zipPath == "" {
		return
	}
	n, err := extension.Zip(*out, *zipPath)
	if err != nil {
		fail(err)
	}
	fmt.Printf("extension: %s (unpacked), %s: %d bytes (%.1f kB) packed\n", *out, *zipPath, n, float64(n)/1000)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "extension:", err)
	os.Exit(1)
}
