package shardio

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"

	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/claimsearch"
	"github.com/factcheckwidget/factcheck/internal/engine"
	"github.com/factcheckwidget/factcheck/internal/index"
	"github.com/factcheckwidget/factcheck/internal/match"
	"github.com/factcheckwidget/factcheck/internal/shard"
)

// Source fetches a file of a sharded corpus by its name relative to the
// corpus folder ("manifest", "BUILD/s12"): the stored bytes, gzip or not.
// A missing file is an error wrapping fs.ErrNotExist.
type Source interface {
	Fetch(ctx context.Context, name string) ([]byte, error)
}

// Dir is a sharded corpus folder on disk.
type Dir string

// Fetch reads a file of the folder.
func (d Dir) Fetch(_ context.Context, name string) ([]byte, error) {
	return os.ReadFile(filepath.Join(string(d), filepath.FromSlash(name)))
}

// IsCorpusDir reports whether path is a folder holding a sharded corpus.
func IsCorpusDir(path string) bool {
	st, err := os.Stat(filepath.Join(path, shard.ManifestName))
	return err == nil && st.Mode().IsRegular()
}

// maxPartBytes bounds a decompressed part (a gzip bomb must not exhaust
// memory); the largest parts of a 300,000-claim corpus are a few MB.
const maxPartBytes = 256 << 20

// Decompress returns data gunzipped when it is gzip (a server may also
// have decompressed it already).
func Decompress(data []byte) ([]byte, error) {
	if !isGzip(data) {
		return data, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	out, err := io.ReadAll(io.LimitReader(zr, maxPartBytes+1))
	if err == nil && len(out) > maxPartBytes {
		err = errors.New("part larger than 256 MiB once decompressed")
	}
	return out, err
}

// isGzip reports whether data starts as gzip does (a part or manifest
// starts "FP" or "FCSM").
func isGzip(data []byte) bool { return len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b }

// Reader checks texts on a sharded corpus, fetching what each check needs
// from its Source (up to Parallel files at a time) and keeping it for the
// next checks. It is safe for concurrent use; checks take turns.
type Reader struct {
	src      Source
	mu       sync.Mutex
	c        *shard.Corpus
	Parallel int
	// MaxHeld bounds the parts kept between checks, in bytes decompressed
	// (DefaultMaxHeld; 0: no bound). Past it, the next check starts from
	// a fresh corpus; never during a check, which must end however much it
	// fetches.
	MaxHeld  int
	held     int            // bytes of parts c holds
	manifest []byte         // to open c afresh
	sections []byte         // the sections part, kept across a fresh start
	pool     int            // c.Pool, kept across a fresh start
	widen    shard.Widening // c.Widen, kept across a fresh start
	fetched  atomic.Int64   // bytes fetched, as stored
	parts    atomic.Int64
}

// DefaultMaxHeld is how many bytes of parts a Reader keeps for the checks
// after the one that fetched them: about 13 1,000-word articles on the
// 19,250 PolitiFact claims (1.25 MB of parts each, TestArticleBytes) or 7
// on 300,000 claims (2.35 MB compressed, hardly less decompressed), held
// in memory at several times their size (decoded postings, analysed
// claims). Without a bound a Worker isolate (128 MB) serving many pages,
// or a server checking many texts, would come to hold most of the corpus.
// (The widget, one page's reader, keeps what it fetched.)
const DefaultMaxHeld = 16 << 20

// Open fetches the manifest and returns a Reader.
func Open(ctx context.Context, src Source) (*Reader, error) {
	data, err := FetchManifest(ctx, src)
	if err != nil {
		return nil, err
	}
	return NewReader(src, data)
}

// FetchManifest fetches and decompresses the manifest.
func FetchManifest(ctx context.Context, src Source) ([]byte, error) {
	data, err := src.Fetch(ctx, shard.ManifestName)
	if err == nil {
		data, err = Decompress(data)
	}
	if err != nil {
		return nil, &shard.PartError{Name: shard.ManifestName, Err: err}
	}
	return data, nil
}

// NewReader returns a Reader of the corpus whose manifest (decompressed)
// src served.
func NewReader(src Source, manifest []byte) (*Reader, error) {
	c, err := shard.OpenForSearch(manifest)
	if err != nil {
		return nil, err
	}
	r := &Reader{src: src, c: c, Parallel: 8, MaxHeld: DefaultMaxHeld, manifest: manifest, pool: c.Pool, widen: c.Widen}
	r.fetched.Add(int64(len(manifest)))
	r.parts.Add(1)
	return r, nil
}

// Manifest returns the corpus's manifest.
func (r *Reader) Manifest() *shard.Manifest { return r.c.Manifest() }

// Fetched returns the bytes (as stored) and the number of files fetched so far.
func (r *Reader) Fetched() (bytes, files int64) { return r.fetched.Load(), r.parts.Load() }

// SetPool sets how many candidates per sentence are fetched (shard.Corpus.Pool).
func (r *Reader) SetPool(n int) {
	r.mu.Lock()
	r.c.Pool, r.pool = n, n
	r.mu.Unlock()
}

// SetWidening sets how an article's sentences fetch their candidates
// (shard.Corpus.Widen).
func (r *Reader) SetWidening(w shard.Widening) {
	r.mu.Lock()
	r.c.Widen, r.widen = w, w
	r.mu.Unlock()
}

// begin starts a check: past MaxHeld, from a fresh corpus that holds the
// sections part alone (the manifest says which part that is).
func (r *Reader) begin() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.MaxHeld <= 0 || r.held <= r.MaxHeld {
		return
	}
	c, err := shard.OpenForSearch(r.manifest)
	if err != nil { // it opened before
		return
	}
	c.Pool, c.Widen = r.pool, r.widen
	if r.sections != nil && c.Add(c.Manifest().SectionsPart(), r.sections) != nil {
		return
	}
	r.c, r.held = c, 0
}

func (r *Reader) fetch(ctx context.Context, name string) ([]byte, error) {
	data, err := r.src.Fetch(ctx, name)
	if err != nil {
		return nil, &shard.PartError{Name: name, Err: err}
	}
	r.fetched.Add(int64(len(data)))
	r.parts.Add(1)
	out, err := Decompress(data)
	if err != nil {
		return nil, &shard.PartError{Name: name, Err: err}
	}
	return out, nil
}

// run calls step with the corpus until it needs nothing more, fetching
// and adding what it names in between.
func (r *Reader) run(ctx context.Context, step func(*shard.Corpus) ([]string, error)) error {
	r.begin()
	for {
		r.mu.Lock()
		need, err := step(r.c)
		r.mu.Unlock()
		if err != nil || len(need) == 0 {
			return err
		}
		datas := make([][]byte, len(need))
		errs := make([]error, len(need))
		sem := make(chan struct{}, max(r.Parallel, 1))
		var wg sync.WaitGroup
		for i, name := range need {
			wg.Add(1)
			sem <- struct{}{}
			go func() {
				defer wg.Done()
				defer func() { <-sem }()
				datas[i], errs[i] = r.fetch(ctx, name)
			}()
		}
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			return err
		}
		r.mu.Lock()
		for i, name := range need {
			if err == nil {
				err = r.c.Add(name, datas[i])
			}
			if err != nil {
				break
			}
			if name == r.c.Manifest().SectionsPart() {
				r.sections = datas[i]
			} else {
				r.held += len(datas[i])
			}
		}
		r.mu.Unlock()
		if err != nil {
			return err
		}
	}
}

// CheckArticle is engine.Checker.CheckArticle on the sharded corpus.
func (r *Reader) CheckArticle(ctx context.Context, article string, opt engine.Options) ([]engine.Sentence, error) {
	var out []engine.Sentence
	err := r.run(ctx, func(c *shard.Corpus) (need []string, err error) {
		out, need, err = c.CheckArticle(article, opt)
		return need, err
	})
	return out, err
}

// CheckSentence is engine.Checker.CheckSentence on the sharded corpus.
func (r *Reader) CheckSentence(ctx context.Context, s string, opt engine.Options) ([]engine.Match, error) {
	var out []engine.Match
	err := r.run(ctx, func(c *shard.Corpus) (need []string, err error) {
		out, need, err = c.CheckSentence(s, opt)
		return need, err
	})
	return out, err
}

// Rank is shard.Corpus.Rank.
func (r *Reader) Rank(ctx context.Context, s, context string, k int) ([]match.Candidate, *index.Index, error) {
	var out []match.Candidate
	var x *index.Index
	err := r.run(ctx, func(c *shard.Corpus) (need []string, err error) {
		out, x, need, err = c.Rank(s, context, k)
		return need, err
	})
	return out, x, err
}

// Search is claimsearch.Searcher.Search on the sharded corpus: the claims
// from offset to offset+size of the result, and how many it found.
func (r *Reader) Search(ctx context.Context, f claimsearch.Filter, offset, size int) ([]*claim.Claim, int, error) {
	var page []*claim.Claim
	total := 0
	err := r.run(ctx, func(c *shard.Corpus) ([]string, error) {
		x, res, need, err := c.Search(f)
		if x != nil {
			total = len(res.Docs)
			for i := offset; i < total && i < offset+size; i++ {
				page = append(page, x.Claim(res.Docs[i]))
			}
		}
		return need, err
	})
	return page, total, err
}

// Held is how many bytes of parts (decompressed) the reader keeps, the
// sections part aside.
func (r *Reader) Held() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.held
}

// Info names the corpus and counts its claims.
func (r *Reader) Info() (string, int) { return r.c.Manifest().Meta["name"], r.c.Manifest().Claims }
