package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/factcheckwidget/factcheck/internal/api"
	"github.com/factcheckwidget/factcheck/internal/engine"
	"github.com/factcheckwidget/factcheck/internal/evaluate"
	"github.com/factcheckwidget/factcheck/internal/index"
	"github.com/factcheckwidget/factcheck/internal/shard"
	"github.com/factcheckwidget/factcheck/internal/shardio"
)

// A sharded corpus (`index --shards -o DIR/`) is a folder: --corpus DIR/
// (or any folder holding a manifest) reads it part by part, as the widget
// does, so rank, check and serve give the widget's results.

// isSharded reports whether --corpus names a sharded corpus folder.
func isSharded(path string) bool {
	return strings.HasSuffix(path, "/") || shardio.IsCorpusDir(path)
}

func openSharded(path string) (*shardio.Reader, error) {
	r, err := shardio.Open(context.Background(), shardio.Dir(path))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return r, nil
}

// writeShards writes x as a sharded corpus into dir, its claim-word lists
// cut to claimPostings postings.
func writeShards(dir string, x *index.Index, claimPostings int, stderr io.Writer) error {
	start := time.Now()
	opt := shard.DefaultOptions()
	opt.Keep[index.FieldClaim] = claimPostings
	if isTerminal(stderr) {
		opt.Progress = partsProgress(stderr)
		if opt.Reorder {
			// The order takes seconds before the first part (12 s at
			// 300,000 claims); the parts' line then writes over this one.
			fmt.Fprint(stderr, "ordering claims")
		}
	}
	m, err := shardio.Write(dir, x, opt)
	if err != nil {
		return err
	}
	size, files := folderSize(filepath.Join(dir, m.Build))
	fmt.Fprintf(stderr, "wrote %s: %d claims in %d parts (build %s, %d bytes compressed) in %s\n",
		filepath.Join(dir, m.Build), m.Claims, files, m.Build, size, time.Since(start).Round(time.Millisecond))
	return nil
}

func partsProgress(stderr io.Writer) func(done, total int) {
	return func(done, total int) {
		if done%256 == 0 || done == total {
			fmt.Fprintf(stderr, "\rwriting parts %d/%d", done, total)
			if done == total {
				fmt.Fprintln(stderr)
			}
		}
	}
}

func folderSize(dir string) (bytes int64, files int) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if info, err := e.Info(); err == nil {
			bytes += info.Size()
			files++
		}
	}
	return bytes, files
}

// rankSharded is runRank on a sharded corpus.
func rankSharded(path string, queries []evaluate.Query, k int, tag string, stdout io.Writer) error {
	r, err := openSharded(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(stdout)
	for _, q := range queries {
		cands, x, err := r.Rank(context.Background(), q.Text, q.Context, k)
		if err != nil {
			return err
		}
		for i, c := range cands {
			w.WriteString(q.ID + " Q0 " + x.Claim(c.Doc).ID + " " + strconv.Itoa(i+1) + " " +
				strconv.FormatFloat(c.Score, 'f', 6, 64) + " " + tag + "\n")
		}
	}
	return w.Flush()
}

// shardedChecker checks with a sharded corpus (check's pageChecker).
type shardedChecker struct{ r *shardio.Reader }

func (s shardedChecker) CheckSentence(text string, opt engine.Options) ([]engine.Match, error) {
	return s.r.CheckSentence(context.Background(), text, opt)
}

func (s shardedChecker) CheckArticle(text string, opt engine.Options) ([]engine.Sentence, error) {
	return s.r.CheckArticle(context.Background(), text, opt)
}

// shardedServer serves the API from a sharded corpus, the widget assets
// under /static/ and the corpus folder itself under /corpus/ (a page can
// embed the widget with data-corpus="/corpus/"). The site's pages need a
// corpus in memory and are not served.
func shardedServer(path string, apiOpt api.Options, assets string) (http.Handler, string, error) {
	r, err := openSharded(path)
	if err != nil {
		return nil, "", err
	}
	h := api.NewCorpus(r, apiOpt)
	mux := http.NewServeMux()
	for _, p := range []string{"/v1/", "/v1alpha1/", "/healthz"} {
		mux.Handle(p, h)
	}
	mux.Handle("GET /static/", http.StripPrefix("/static/", noListing(http.FileServer(http.Dir(assets)))))
	mux.Handle("GET /corpus/", http.StripPrefix("/corpus/", noListing(http.FileServer(http.Dir(path)))))
	name, claims := r.Info()
	return mux, fmt.Sprintf("sharded corpus %q (%d claims)", name, claims), nil
}

func noListing(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "" || strings.HasSuffix(r.URL.Path, "/") {
			http.NotFound(w, r)
			return
		}
		h.ServeHTTP(w, r)
	})
}
