package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWriteReplacesWholeOrNotAtAll(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "corpus.fcx")
	require.NoError(t, WriteBytes(path, []byte("first")))
	failed := errors.New("disk full")
	err := Write(path, func(w io.Writer) error {
		w.Write([]byte("half of a sec"))
		return failed
	})
	assert.ErrorIs(t, err, failed)
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "first", string(got), "a failed write leaves the old file")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary file is left behind")
	require.NoError(t, WriteBytes(path, []byte("second")))
	got, _ = os.ReadFile(path)
	assert.Equal(t, "second", string(got))
	st, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o644), st.Mode().Perm())
}
