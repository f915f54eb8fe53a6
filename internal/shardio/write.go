// Package shardio keeps sharded corpora (internal/shard) in files: it
// writes a folder, and drives a shard.Corpus with a Source that fetches
// its parts (a folder here; the widget and the Worker fetch their own),
// several at a time. It is kept out of package shard so that the widget's
// wasm, which reads parts JavaScript fetched and decompressed, links
// neither gzip nor the file system.
package shardio

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"sync"

	"github.com/factcheckwidget/factcheck/internal/atomicfile"
	"github.com/factcheckwidget/factcheck/internal/index"
	"github.com/factcheckwidget/factcheck/internal/shard"
)

// Write writes x as a sharded corpus into dir (created if needed): a new
// build folder, then the manifest naming it. A build with the same
// content as one already in dir is reused. Earlier builds stay for readers
// still using them: delete them once no manifest names them.
func Write(dir string, x *index.Index, opt shard.Options) (*shard.Manifest, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(dir, ".build-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	m, err := shard.Cut(x, opt, func(p shard.Part) error {
		gz, err := Compress(p.Content)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(tmp, p.Name), gz, 0o644)
	})
	if err != nil {
		return nil, err
	}
	final := filepath.Join(dir, m.Build)
	if _, err := os.Stat(final); err != nil {
		if err := os.Rename(tmp, final); err != nil {
			return nil, err
		}
	}
	data, err := Compress(m.Encode())
	if err != nil {
		return nil, err
	}
	return m, atomicfile.WriteBytes(filepath.Join(dir, shard.ManifestName), data)
}

// gzipWriters keeps gzip writers for reuse: a writer at the best
// compression allocates ~1 MB of tables, and a corpus is cut into hundreds
// of thousands of parts.
var gzipWriters sync.Pool

// Compress gzips data at the best compression (parts are written once and
// fetched by every reader), or returns it as it is when gzip saves less
// than a fifth of it. Postings and short claim records hardly compress
// (4-gram buckets 4 %, claim records 11 %, stem buckets 13 % on
// PolitiFact), and a browser decompresses each gzipped part through a
// stream of its own: storing those as they are took a 1,000-word article
// from 7.4 to 4.4 s from script start to highlights, for 4 % more bytes
// (make bench, scale). Cards and the sections part still halve. Readers
// tell the two apart by the first bytes (Decompress).
func Compress(data []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw, _ := gzipWriters.Get().(*gzip.Writer)
	if zw == nil {
		var err error
		if zw, err = gzip.NewWriterLevel(&buf, gzip.BestCompression); err != nil {
			return nil, err
		}
	} else {
		zw.Reset(&buf)
	}
	defer gzipWriters.Put(zw)
	if _, err := zw.Write(data); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	if buf.Len()*5 > len(data)*4 && !isGzip(data) {
		return data, nil
	}
	return buf.Bytes(), nil
}
