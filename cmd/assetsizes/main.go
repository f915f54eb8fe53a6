// Command assetsizes prints the raw, gzip and brotli sizes of the files it
// is given (what a CDN would serve) and, with -budget, fails when one is
// over its budget. `make wasm` and `make size-check` use it.
//
//	assetsizes [-budget NAME:raw|gzip|brotli:BYTES]... FILE...
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/factcheckwidget/factcheck/web/assetsize"
)

// Sizes of one asset, in bytes.
type Sizes = assetsize.Sizes

// Budget caps one size of the asset with base name Name.
type Budget struct {
	Name, Kind string // Kind: raw, gzip or brotli
	Max        int
}

type budgets []Budget

func (b *budgets) String() string {
	var parts []string
	for _, x := range *b {
		parts = append(parts, fmt.Sprintf("%s %s <= %d bytes", x.Name, x.Kind, x.Max))
	}
	return strings.Join(parts, ", ")
}

func (b *budgets) Set(s string) error {
	parts := strings.Split(s, ":")
	if len(parts) != 3 {
		return fmt.Errorf("budget %q: want NAME:raw|gzip|brotli:BYTES", s)
	}
	n, err := strconv.Atoi(parts[2])
	if err != nil || n <= 0 {
		return fmt.Errorf("budget %q: bad byte count", s)
	}
	switch parts[1] {
	case "raw", "gzip", "brotli":
	default:
		return fmt.Errorf("budget %q: kind must be raw, gzip or brotli", s)
	}
	*b = append(*b, Budget{parts[0], parts[1], n})
	return nil
}

func main() {
	var bs budgets
	flag.Var(&bs, "budget", "NAME:raw|gzip|brotli:BYTES; fail when the asset named NAME is larger (repeatable)")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: assetsizes [-budget NAME:KIND:BYTES]... FILE...")
		os.Exit(2)
	}
	var all []Sizes
	for _, path := range flag.Args() {
		data, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, "assetsizes:", err)
			os.Exit(1)
		}
		all = append(all, assetsize.Measure(filepath.Base(path), data))
	}
	Print(os.Stdout, all)
	if over := Check(all, bs); len(over) > 0 {
		for _, o := range over {
			fmt.Fprintln(os.Stderr, "size-check: OVER BUDGET:", o)
		}
		os.Exit(1)
	}
	if len(bs) > 0 {
		fmt.Println("size-check: ok (" + bs.String() + ")")
	}
}

// Print writes the size table.
func Print(w io.Writer, all []Sizes) {
	fmt.Fprintf(w, "%-24s %12s %12s %12s\n", "asset", "raw", "gzip -9", "brotli 11")
	for _, s := range all {
		fmt.Fprintf(w, "%-24s %12s %12s %12s\n", s.Name, kb(s.Raw), kb(s.Gzip), kb(s.Brotli))
	}
}

func kb(n int) string { return strconv.FormatFloat(float64(n)/1000, 'f', 1, 64) + " kB" }

// Check returns a line for each budget an asset exceeds, and for each budget
// that names no measured asset (a renamed file must not pass silently).
func Check(all []Sizes, bs []Budget) []string {
	var over []string
	for _, b := range bs {
		found := false
		for _, s := range all {
			if s.Name != b.Name {
				continue
			}
			found = true
			got := map[string]int{"raw": s.Raw, "gzip": s.Gzip, "brotli": s.Brotli}[b.Kind]
			if got > b.Max {
				over = append(over, fmt.Sprintf("%s is %d bytes %s, budget %d", s.Name, got, b.Kind, b.Max))
			}
		}
		if !found {
			over = append(over, fmt.Sprintf("%s: no such asset measured", b.Name))
		}
	}
	return over
}
