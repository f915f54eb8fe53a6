package shardio

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/claimsearch"
	"github.com/factcheckwidget/factcheck/internal/defaultcorpus"
	"github.com/factcheckwidget/factcheck/internal/engine"
	"github.com/factcheckwidget/factcheck/internal/shard"
)

// A Reader keeps at most MaxHeld bytes of parts between checks: past it,
// the next check starts from a fresh corpus (a Worker isolate serving
// many pages must not come to hold the corpus), and answers, checks and
// searches alike, are those of a fresh reader.
func TestHeldPartsAreBounded(t *testing.T) {
	x, err := defaultcorpus.Index()
	require.NoError(t, err)
	dir := t.TempDir()
	_, err = Write(dir, x, shard.DefaultOptions())
	require.NoError(t, err)
	ctx := context.Background()
	open := func(maxHeld int) *Reader {
		r, err := Open(ctx, Dir(dir))
		require.NoError(t, err)
		r.MaxHeld = maxHeld
		return r
	}
	check := func(r *Reader, text string) string {
		ss, err := r.CheckArticle(ctx, text, engine.Options{Date: "2025-11-05"})
		require.NoError(t, err)
		var b strings.Builder
		for _, s := range ss {
			for _, m := range s.Matches {
				b.WriteString(s.Text + "\t" + m.Claim.ID + "\t" + m.Claim.URL + "\n")
			}
		}
		return b.String()
	}
	search := func(r *Reader, q string) []string {
		cs, _, err := r.Search(ctx, claimsearch.Filter{Query: q}, 0, 10)
		require.NoError(t, err)
		var ids []string
		for _, c := range cs {
			ids = append(ids, c.ID)
		}
		return ids
	}
	article := "Around 28,500 American service members are based in South Korea. Seoul will take wartime operational control by 2030.\n\nSouth Korea plans to increase its defence budget in 2026."
	short := "Hegseth visited the Demilitarised Zone while in South Korea."

	r := open(1) // every check holds more
	first := check(r, article)
	require.NotEmpty(t, first)
	afterArticle := r.Held()
	require.Greater(t, afterArticle, 1)
	assert.Equal(t, check(open(0), short), check(r, short), "a check after a fresh start answers as a fresh reader")
	assert.Less(t, r.Held(), afterArticle, "the article's parts were dropped before the next check")
	assert.Equal(t, first, check(r, article), "and the article again as the first time")
	assert.Equal(t, search(open(0), "budget"), search(r, "budget"))
	assert.Equal(t, search(open(0), "troops South Korea"), search(r, "troops South Korea"))

	unbounded := open(0)
	check(unbounded, article)
	held := unbounded.Held()
	check(unbounded, short)
	assert.Greater(t, unbounded.Held(), held, "without a bound every part is kept")
}
