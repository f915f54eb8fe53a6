package shardio

import (
	"context"
	"errors"
	"io/fs"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// flaky fails the first failures reads of each file with err, then
// serves it.
type flaky struct {
	failures int
	err      error
	reads    map[string]int
}

func (f *flaky) Fetch(_ context.Context, name string) ([]byte, error) {
	f.reads[name]++
	if f.reads[name] <= f.failures {
		return nil, f.err
	}
	return []byte("part " + name), nil
}

func TestRetryReadsAgainAfterAFailure(t *testing.T) {
	unavailable := errors.New("object store: internal error")
	for _, tc := range []struct {
		name     string
		failures int
		err      error
		reads    int
		wantErr  error
	}{
		{"served at once", 0, unavailable, 1, nil},
		{"fails once", 1, unavailable, 2, nil},
		{"fails twice", 2, unavailable, 3, nil},
		{"fails every time it is read", 3, unavailable, 3, unavailable},
		{"missing is not read again", 3, fs.ErrNotExist, 1, fs.ErrNotExist},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := &flaky{failures: tc.failures, err: tc.err, reads: map[string]int{}}
			data, err := Retry(f, 3, time.Millisecond).Fetch(context.Background(), "b/s1")
			assert.Equal(t, tc.reads, f.reads["b/s1"], "reads")
			if tc.wantErr != nil {
				require.ErrorIs(t, err, tc.wantErr)
				assert.Nil(t, data)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, "part b/s1", string(data))
		})
	}
}

func TestRetryStopsWhenTheRequestEnds(t *testing.T) {
	f := &flaky{failures: 5, err: errors.New("object store: internal error"), reads: map[string]int{}}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Retry(f, 5, time.Hour).Fetch(ctx, "manifest")
	require.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, 1, f.reads["manifest"], "no read after the request ended")
}
