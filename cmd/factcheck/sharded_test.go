package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/index"
	"github.com/factcheckwidget/factcheck/internal/shard"
	"github.com/factcheckwidget/factcheck/internal/shardio"
)

// rank, check and check --queries on a sharded corpus (index --shards)
// print what they print on the compiled index; a damaged part is a
// one-line error naming it.
func TestShardedCorpusCommands(t *testing.T) {
	dir := t.TempDir()
	fcx, shards := filepath.Join(dir, "corpus.fcx"), filepath.Join(dir, "corpus")+"/"
	code, _, stderr := runFactcheck(t, "index", "-o", fcx, testCorpus)
	require.Equal(t, 0, code, stderr)
	code, _, stderr = runFactcheck(t, "index", "--shards", "-o", shards, testCorpus)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stderr, "wrote ")
	require.True(t, shardio.IsCorpusDir(shards))
	assert.Equal(t, shard.DefaultOptions().Keep[index.FieldClaim], manifestOf(t, shards).Fields[index.FieldClaim].Keep)

	// An operator may cut the claim-word lists shorter, for lighter pages.
	light := filepath.Join(dir, "light") + "/"
	code, _, stderr = runFactcheck(t, "index", "--shards", "--claim-postings", "500", "-o", light, testCorpus)
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, 500, manifestOf(t, light).Fields[index.FieldClaim].Keep)
	code, _, stderr = runFactcheck(t, "index", "--shards", "--claim-postings", "0", "-o", light, testCorpus)
	assert.Contains(t, requireOneLineError(t, 2, code, stderr), "--claim-postings must be at least 1")

	article := filepath.Join(dir, "article.txt")
	require.NoError(t, os.WriteFile(article, []byte(readQueriesText(t)), 0o644))
	for _, args := range [][]string{
		{"rank", "--queries", testQueries},
		{"check", "--queries", testQueries},
		{"check", "--date", "2020-06-01", article},
	} {
		code, want, stderr := runFactcheck(t, append([]string{args[0], "--corpus", fcx}, args[1:]...)...)
		require.Equal(t, 0, code, stderr)
		code, got, stderr := runFactcheck(t, append([]string{args[0], "--corpus", shards}, args[1:]...)...)
		require.Equal(t, 0, code, stderr)
		assert.NotEmpty(t, want)
		assert.Equal(t, want, got, "factcheck %v on the sharded corpus", args)
	}

	parts, err := filepath.Glob(filepath.Join(dir, "corpus", "*", "c*"))
	require.NoError(t, err)
	require.NotEmpty(t, parts)
	for _, p := range parts {
		require.NoError(t, os.WriteFile(p, []byte("not a part"), 0o644))
	}
	code, _, stderr = runFactcheck(t, "rank", "--queries", testQueries, "--corpus", shards)
	msg := requireOneLineError(t, 1, code, stderr)
	assert.Contains(t, msg, "sharded corpus part ")
	assert.Contains(t, msg, "/c")
}

// manifestOf reads the manifest of the sharded corpus in dir.
func manifestOf(t *testing.T, dir string) *shard.Manifest {
	data, err := shardio.Dir(dir).Fetch(context.Background(), shard.ManifestName)
	require.NoError(t, err)
	data, err = shardio.Decompress(data)
	require.NoError(t, err)
	m, err := shard.DecodeManifest(data)
	require.NoError(t, err)
	return m
}

// readQueriesText is the test queries' texts as one article.
func readQueriesText(t *testing.T) string {
	data, err := os.ReadFile(testQueries)
	require.NoError(t, err)
	var b strings.Builder
	for _, line := range strings.Split(string(data), "\n") {
		if _, text, ok := strings.Cut(line, "\t"); ok {
			b.WriteString(text + "\n")
		}
	}
	return b.String()
}
