package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPercentile(t *testing.T) {
	ms := func(v ...int) []time.Duration {
		var out []time.Duration
		for _, x := range v {
			out = append(out, time.Duration(x)*time.Millisecond)
		}
		return out
	}
	hundred := make([]int, 100)
	for i := range hundred {
		hundred[i] = 100 - i // unsorted on purpose
	}
	for _, tc := range []struct {
		in   []time.Duration
		p    float64
		want time.Duration
	}{
		{nil, 99, 0},
		{ms(7), 50, 7 * time.Millisecond},
		{ms(hundred...), 50, 50 * time.Millisecond},
		{ms(hundred...), 99, 99 * time.Millisecond},
		{ms(hundred...), 100, 100 * time.Millisecond},
		{ms(3, 1, 2), 95, 3 * time.Millisecond},
	} {
		assert.Equal(t, tc.want, pct(tc.in, tc.p), "p%v of %v", tc.p, tc.in)
	}
}

func TestBounds(t *testing.T) {
	for _, c := range []config{
		{Duration: 61 * time.Second, Concurrency: 1},
		{Duration: 0, Concurrency: 1},
		{Duration: time.Second, Concurrency: 0},
	} {
		_, err := run(c, os.Stderr)
		assert.Error(t, err, "%+v", c)
	}
}

func TestArticleIsAboutAThousandWords(t *testing.T) {
	a := article([]string{"One claim sentence here."}, 1000)
	n := len(strings.Fields(a))
	assert.GreaterOrEqual(t, n, 1000)
	assert.Less(t, n, 1020)
}

// A short run against a real server: no errors, figures filled in, and
// the server is gone afterwards. About 4 s with the build cached.
func TestSmoke(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a server")
	}
	bin := filepath.Join(t.TempDir(), "factcheck")
	out, err := exec.Command("go", "build", "-o", bin, "../factcheck").CombinedOutput()
	require.NoError(t, err, "%s", out)
	c := config{Bin: bin, Duration: 2 * time.Second, Concurrency: 4, SearchShare: 0.5, MaxRSSGrowth: 64 << 10, Seed: 1}
	var pid int
	startHook = func(p int) { pid = p }
	t.Cleanup(func() { startHook = nil })
	r, err := run(c, os.Stderr)
	require.NoError(t, err)
	assert.Empty(t, verdict(c, r))
	assert.Positive(t, r.Checks)
	assert.Positive(t, r.Searches)
	assert.Positive(t, r.RSSWarm)
	assert.Positive(t, r.RSSEnd)
	assert.LessOrEqual(t, r.P50, r.P99)
	assert.Less(t, r.Elapsed, 3*time.Second, "the run stops by itself")
	require.NotZero(t, pid)
	assert.ErrorIs(t, syscall.Kill(pid, 0), syscall.ESRCH, "the server was stopped")
}
