package shard_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/factcheckwidget/factcheck/internal/benchdata"
	"github.com/factcheckwidget/factcheck/internal/claimsearch"
	"github.com/factcheckwidget/factcheck/internal/engine"
	"github.com/factcheckwidget/factcheck/internal/shardio"
)

// countingDir is a corpus folder that counts the stored bytes and files
// read, by part kind (the letter after the build folder; 'm' for the
// manifest).
type countingDir struct {
	shardio.Dir
	mu    sync.Mutex
	bytes map[byte]int
	files map[byte]int
}

func (d *countingDir) Fetch(ctx context.Context, name string) ([]byte, error) {
	b, err := d.Dir.Fetch(ctx, name)
	kind := byte('m')
	if i := strings.IndexByte(name, '/'); i >= 0 {
		kind = name[i+1]
	}
	d.mu.Lock()
	d.bytes[kind] += len(b)
	d.files[kind]++
	d.mu.Unlock()
	return b, err
}

// TestArticleBytes prints the bytes and files an article fetches from the
// sharded PolitiFact corpus (with FACTCHECK_SCALE=1, the 300,000-claim
// scale corpus), by part kind, over 1,000-word slices (words
// 500 to 1,500) of the 2022-2b dev transcripts, each checked by a fresh
// reader, and whether each page shows what the whole index shows (the
// claims and their flags), for the
// layout of exploreOptions and FACTCHECK_POOL candidates a sentence. A
// measurement: FACTCHECK_EXPLORE=1 runs it.
func TestArticleBytes(t *testing.T) {
	if os.Getenv("FACTCHECK_EXPLORE") == "" {
		t.Skip("set FACTCHECK_EXPLORE=1 to measure the bytes an article fetches")
	}
	s := benchdata.Load(t, benchdata.Debates)
	x, target := s.Index, 300_000 // issue 16's byte targets an article
	if os.Getenv("FACTCHECK_SCALE") == "1" {
		x, target = scaleIndex(t), 1_000_000
	}
	opt := exploreOptions()
	dir := t.TempDir()
	if _, err := shardio.Write(dir, x, opt); err != nil {
		t.Fatal(err)
	}
	whole := engine.New(x)
	shown := func(ss []engine.Sentence) string {
		var b strings.Builder
		for _, x := range ss {
			if len(x.Matches) > 0 {
				b.WriteString(x.Text + "\t" + x.Matches[0].Claim.ID)
				for _, f := range x.Matches[0].Flags {
					b.WriteString("\t" + f.Kind)
				}
				b.WriteString("\n")
			}
		}
		return b.String()
	}
	bytes, files := map[byte]int{}, map[byte]int{}
	pages, same, highlights, held := 0, 0, 0, 0
	var pageBytes []int
	for _, article := range s.DevArticles() {
		src := &countingDir{Dir: shardio.Dir(dir), bytes: map[byte]int{}, files: map[byte]int{}}
		r, err := shardio.Open(context.Background(), src)
		if err != nil {
			t.Fatal(err)
		}
		explorePool(r)
		got, err := r.CheckArticle(context.Background(), article, engine.Options{})
		if err != nil {
			t.Fatal(err)
		}
		want := shown(whole.CheckArticle(article, engine.Options{}))
		held += r.Held()
		pages++
		highlights += strings.Count(want, "\n")
		if shown(got) == want {
			same++
		} else {
			t.Logf("a page shows something else:\nwhole:\n%ssharded:\n%s", want, shown(got))
		}
		page := 0
		for k, v := range src.bytes {
			bytes[k] += v
			files[k] += src.files[k]
			page += v
		}
		pageBytes = append(pageBytes, page)
	}
	if pages == 0 {
		t.Fatal("no dev transcript has 1,500 words")
	}
	all := 0
	for _, k := range []byte("mshgcrx") {
		all += bytes[k]
		t.Logf("%c: %9d bytes in %7.1f files per article", k, bytes[k]/pages, float64(files[k])/float64(pages))
	}
	stored := 0
	filepath.Walk(dir, func(_ string, info os.FileInfo, err error) error {
		if err == nil && info.Mode().IsRegular() {
			stored++
		}
		return nil
	})
	t.Logf("all: %d bytes per article (%d pages), %d once decompressed; %d files stored; %d pages show what the whole index shows (%d highlights)",
		all/pages, pages, held/pages, stored, same, highlights)
	slices.Sort(pageBytes)
	t.Logf("bytes a page: median %d, largest %d; %d of %d pages over %d", pageBytes[len(pageBytes)/2], pageBytes[len(pageBytes)-1],
		len(pageBytes)-sort.SearchInts(pageBytes, target+1), len(pageBytes), target)
}

// memorySource is a corpus folder read once into memory, parts decompressed.
type memorySource map[string][]byte

func (m memorySource) Fetch(_ context.Context, name string) ([]byte, error) {
	b, ok := m[name]
	if !ok {
		return nil, os.ErrNotExist
	}
	return b, nil
}

// BenchmarkCheckArticleHeld is the Go time of a whole-article check on the
// sharded PolitiFact corpus with every part it needs at hand (what the
// widget's worker spends in Go once its fetches are done): the manifest
// opened, the parts added, the article checked: TestArticleBytes's first.
func BenchmarkCheckArticleHeld(b *testing.B) {
	dir, article := benchCorpus(b)
	held := memorySource{}
	r, err := shardio.Open(context.Background(), &recordingSource{src: shardio.Dir(dir), kept: held})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := r.CheckArticle(context.Background(), article, engine.Options{}); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		r, err := shardio.Open(context.Background(), held)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := r.CheckArticle(context.Background(), article, engine.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// recordingSource keeps, decompressed (the browser's DecompressionStream
// does that outside Go), what it reads from src.
type recordingSource struct {
	src  shardio.Source
	mu   sync.Mutex
	kept memorySource
}

func (r *recordingSource) Fetch(ctx context.Context, name string) ([]byte, error) {
	b, err := r.src.Fetch(ctx, name)
	if err != nil {
		return nil, err
	}
	if b, err = shardio.Decompress(b); err != nil {
		return nil, err
	}
	r.mu.Lock()
	r.kept[name] = b
	r.mu.Unlock()
	return b, nil
}

// BenchmarkCheckArticleAgain is what the scale bench's "check ms" times in
// the widget's worker: an article checked by a reader that has every part
// it needs, but not that check's first stage (the bench's page hands the
// widget the text its paragraphs make, the bench then the article itself).
func BenchmarkCheckArticleAgain(b *testing.B) {
	dir, article := benchCorpus(b)
	r, err := shardio.Open(context.Background(), shardio.Dir(dir))
	if err != nil {
		b.Fatal(err)
	}
	opt := engine.Options{Date: "2019-09-12"}
	texts := []string{article, article + "\n"} // two checks, the same parts
	for _, t := range texts {
		if _, err := r.CheckArticle(context.Background(), t, opt); err != nil {
			b.Fatal(err)
		}
	}
	i := 0
	for b.Loop() {
		i++
		if _, err := r.CheckArticle(context.Background(), texts[i%2], opt); err != nil {
			b.Fatal(err)
		}
	}
}

// benchCorpus writes the sharded PolitiFact corpus the article benchmarks
// read, and returns its folder and TestArticleBytes's first article.
func benchCorpus(b *testing.B) (dir, article string) {
	s := benchdata.Load(b, benchdata.Debates)
	dir = b.TempDir()
	if _, err := shardio.Write(dir, s.Index, exploreOptions()); err != nil {
		b.Fatal(err)
	}
	articles := s.DevArticles()
	if len(articles) == 0 {
		b.Fatal("no dev transcript has 1,500 words")
	}
	return dir, articles[0]
}

// TestSearchBytes prints the bytes and files a claims:search fetches from
// the sharded PolitiFact corpus (the first page of 10 results, a fresh
// reader each) for a few queries, for the layout of exploreOptions. A
// measurement: FACTCHECK_EXPLORE=1 runs it.
func TestSearchBytes(t *testing.T) {
	if os.Getenv("FACTCHECK_EXPLORE") == "" {
		t.Skip("set FACTCHECK_EXPLORE=1 to measure the bytes a search fetches")
	}
	s := benchdata.Load(t, benchdata.Debates)
	dir := t.TempDir()
	if _, err := shardio.Write(dir, s.Index, exploreOptions()); err != nil {
		t.Fatal(err)
	}
	all, files := int64(0), int64(0)
	queries := []string{"South Korea troops", "tax cut middle class", "border wall", "unemployment rate", "health care premiums", "climate change"}
	for _, q := range queries {
		r, err := shardio.Open(context.Background(), shardio.Dir(dir))
		if err != nil {
			t.Fatal(err)
		}
		_, total, err := r.Search(context.Background(), claimsearch.Filter{Query: q}, 0, 10)
		if err != nil {
			t.Fatal(err)
		}
		b, f := r.Fetched()
		t.Logf("%-22q %5d claims: %8d bytes in %5d files", q, total, b, f)
		all, files = all+b, files+f
	}
	t.Logf("all: %d bytes in %d files a search", all/int64(len(queries)), files/int64(len(queries)))
}
