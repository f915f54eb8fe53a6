package corpus

import (
	"bytes"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/feedgen"
)

// A generated Data Commons-style feed streams through the reader: every
// ClaimReview is read or skipped with its path, MediaReview is counted as
// ignored, null items are nothing, and progress is reported as it goes.
func TestReadGeneratedFeed(t *testing.T) {
	const n = 12_000
	var feed bytes.Buffer
	require.NoError(t, feedgen.Write(&feed, n, 7))
	want := feedgen.Count(n)
	require.Positive(t, want.Skipped)
	require.Positive(t, want.Media)
	require.Positive(t, want.Nulls)

	var reports []Progress
	c := Collection{Progress: func(p Progress) { reports = append(reports, p) }}
	// A reader that returns a few bytes at a time, as a pipe would.
	require.NoError(t, c.ReadFrom("feed.jsonld", io.LimitReader(&trickle{r: &feed}, 1<<40), int64(feed.Len())))
	assert.Equal(t, want.Reviews, c.Items())
	assert.Len(t, c.Skipped, want.Skipped)
	assert.Equal(t, map[string]int{"MediaReview": want.Media}, c.Ignored)
	for _, w := range c.Skipped {
		assert.Regexp(t, `^feed\.jsonld:\$\.dataFeedElement\[\d+\]\.item\[0\]\.url: not an http\(s\) URL: javascript:`, w.String())
	}
	for _, cl := range c.Claims {
		require.True(t, isWebURL(cl.URL), cl.URL)
	}

	require.Len(t, reports, want.Reviews/progressEvery+1)
	last := reports[len(reports)-1]
	assert.True(t, last.Done)
	assert.Equal(t, want.Reviews, last.Items)
	assert.Equal(t, last.Size, last.Read)
	for i, p := range reports[:len(reports)-1] {
		assert.False(t, p.Done)
		assert.Equal(t, (i+1)*progressEvery, p.Items)
		assert.Less(t, p.Read, p.Size)
	}
}

// trickle returns at most 7 bytes per Read.
type trickle struct{ r io.Reader }

func (t *trickle) Read(p []byte) (int, error) { return t.r.Read(p[:min(len(p), 7)]) }
