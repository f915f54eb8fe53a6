package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCompileDefault(t *testing.T) {
	data, x, err := compile("")
	require.NoError(t, err)
	assert.Equal(t, 61, x.NumClaims())
	assert.Equal(t, "default", x.Meta["name"])

	// Deterministic, so rebuilding the Worker does not change the bundle.
	again, _, err := compile("")
	require.NoError(t, err)
	assert.Equal(t, data, again)
}

func TestCompileFromFile(t *testing.T) {
	data, _, err := compile("")
	require.NoError(t, err)
	dir := t.TempDir()
	good := filepath.Join(dir, "good.fcx")
	require.NoError(t, os.WriteFile(good, data, 0o644))
	got, x, err := compile(good)
	require.NoError(t, err)
	assert.Equal(t, data, got)
	assert.Equal(t, 61, x.NumClaims())
}

func TestCompileRejectsBadFiles(t *testing.T) {
	dir := t.TempDir()
	_, _, err := compile(filepath.Join(dir, "missing.fcx"))
	assert.Error(t, err)

	notIndex := filepath.Join(dir, "claims.jsonld")
	require.NoError(t, os.WriteFile(notIndex, []byte(`{"@type":"DataFeed"}`), 0o644))
	_, _, err = compile(notIndex)
	assert.ErrorContains(t, err, "not a compiled index")

	data, _, err := compile("")
	require.NoError(t, err)
	data[len(data)/2] ^= 0xff // break the checksum
	corrupt := filepath.Join(dir, "corrupt.fcx")
	require.NoError(t, os.WriteFile(corrupt, data, 0o644))
	_, _, err = compile(corrupt)
	assert.Error(t, err)
}
