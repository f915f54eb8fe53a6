// Command corpusgen writes the compiled index the Worker embeds: the
// default corpus, or a copy of a given .fcx after checking that it decodes,
// so a bad WORKER_CORPUS fails the build instead of the first request.
//
//	go run ./wasm/worker/corpusgen -o wasm/worker/corpus.fcx [-from FILE.fcx]
package main

import (
	"errors"
	"flag"
	"fmt"
	"github.com/factcheckwidget/factcheck/internal/atomicfile"
	"os"

	"github.com/factcheckwidget/factcheck/internal/defaultcorpus"
	"github.com/factcheckwidget/factcheck/internal/index"
)

func main() {
	out := flag.String("o", "", "output .fcx file")
	from := flag.String("from", "", "compiled index to embed instead of the default corpus")
	flag.Parse()
	if *out == "" || flag.NArg() != 0 {
		fmt.Fprintln(os.Stderr, "usage: corpusgen -o OUT.fcx [-from FILE.fcx]")
		os.Exit(2)
	}
	data, x, err := compile(*from)
	if err == nil {
		err = atomicfile.WriteBytes(*out, data)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "corpusgen:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "corpusgen: %s: corpus %q, %d claims, %d bytes\n", *out, x.Meta["name"], x.NumClaims(), len(data))
}

// compile returns the index bytes to embed and the decoded index.
func compile(from string) ([]byte, *index.Index, error) {
	if from == "" {
		x, err := defaultcorpus.Index()
		if err != nil {
			return nil, nil, err
		}
		data := x.Encode()
		// Decode what we embed so the check matches what the Worker will do.
		x, err = index.Decode(data)
		return data, x, err
	}
	data, err := os.ReadFile(from)
	if err != nil {
		return nil, nil, err
	}
	if !index.IsIndex(data) {
		return nil, nil, errors.New(from + " is not a compiled index (.fcx); build one with: factcheck index -o FILE.fcx INPUT...")
	}
	x, err := index.Decode(data)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", from, err)
	}
	return data, x, nil
}
