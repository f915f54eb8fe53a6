// Command feedgen writes a synthetic ClaimReview DataFeed (see
// internal/feedgen) for measuring `factcheck index` on a large feed:
//
//	go run ./cmd/feedgen -n 200000 -o /tmp/feed.jsonld
//	/usr/bin/time -v bin/factcheck index -o /tmp/feed.fcx /tmp/feed.jsonld
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/factcheckwidget/factcheck/internal/feedgen"
)

func main() {
	n := flag.Int("n", 200_000, "number of DataFeed elements")
	out := flag.String("o", "", "output file")
	seed := flag.Uint64("seed", 1, "random seed: the same n and seed give the same feed")
	flag.Parse()
	if *out == "" || *n < 1 {
		fmt.Fprintln(os.Stderr, "usage: feedgen -o FILE [-n 200000] [-seed 1]")
		os.Exit(2)
	}
	f, err := os.Create(*out)
	if err == nil {
		err = feedgen.Write(f, *n, *seed)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "feedgen:", err)
		os.Exit(1)
	}
	c := feedgen.Count(*n)
	fmt.Fprintf(os.Stderr, "feedgen: %s: %d elements: %d ClaimReviews (%d to be skipped), %d MediaReviews, %d null items\n",
		*out, *n, c.Reviews, c.Skipped, c.Media, c.Nulls)
}
