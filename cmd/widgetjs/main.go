// Command widgetjs writes the widget's scripts, as shipped, into a folder:
// `make wasm` runs it to fill build/web.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/factcheckwidget/factcheck/web/widget"
)

func main() {
	out := flag.String("o", "build/web", "output folder")
	flag.Parse()
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "widgetjs:", err)
		os.Exit(1)
	}
	for name, data := range widget.Scripts() {
		if err := os.WriteFile(filepath.Join(*out, name), data, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "widgetjs:", err)
			os.Exit(1)
		}
	}
}
