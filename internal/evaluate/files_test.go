package evaluate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
	return path
}

func TestReadQueries(t *testing.T) {
	// A third column is the text that precedes the query in its document.
	path := writeTemp(t, "q.tsv", "q1\tWind turbines kill more birds than cats.\r\n\n  \nq2\tThe city hired 28,500 teachers\twith a tab\n q3 \t\n")
	qs, err := ReadQueries(path)
	require.NoError(t, err)
	assert.Equal(t, []Query{
		{ID: "q1", Text: "Wind turbines kill more birds than cats."},
		{ID: "q2", Text: "The city hired 28,500 teachers", Context: "with a tab"},
		{ID: "q3", Text: ""},
	}, qs)
}

func TestReadQueriesErrors(t *testing.T) {
	tests := []struct {
		name, content, want string
	}{
		{"no tab", "q1\tfine\nq2 has no tab\n", ":2: expected id<TAB>text"},
		{"empty id", "q1\tfine\n\n\tno id\n", ":3: expected id<TAB>text"},
		{"duplicate id", "q1\tone\nq2\ttwo\nq1\tagain\n", `:3: duplicate query id "q1" (first on line 1)`},
		{"line too long", "q1\t" + strings.Repeat("x", 9<<20) + "\n", ":1: bufio.Scanner: token too long"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeTemp(t, "q.tsv", tt.content)
			qs, err := ReadQueries(path)
			require.Error(t, err)
			assert.Nil(t, qs)
			assert.Equal(t, path+tt.want, err.Error())
		})
	}
	_, err := ReadQueries(filepath.Join(t.TempDir(), "missing.tsv"))
	assert.ErrorIs(t, err, os.ErrNotExist)
}

func TestParseQueriesName(t *testing.T) {
	_, err := ParseQueries("stdin", strings.NewReader("nope\n"))
	require.EqualError(t, err, "stdin:1: expected id<TAB>text")
	qs, err := ParseQueries("stdin", strings.NewReader(""))
	require.NoError(t, err)
	assert.Empty(t, qs)
}

func TestReadQrels(t *testing.T) {
	path := writeTemp(t, "q.qrels", strings.Join([]string{
		"q1 0 claim-a 1",
		"q1\t0\tclaim-b\t2",
		"q1 0 claim-a 1", // duplicate: counted once
		"",
		"q2 0 claim-c 0", // not relevant, but the query is judged
		"q3 0 claim-d 1",
		"q3 0 claim-e 0",
	}, "\n")+"\n")
	q, err := ReadQrels(path)
	require.NoError(t, err)
	assert.Equal(t, Qrels{
		"q1": {"claim-a": true, "claim-b": true},
		"q2": {},
		"q3": {"claim-d": true},
	}, q)

	// Duplicates do not inflate the denominator; judged queries with no
	// relevant claim count as a query scoring 0.
	m := Score(q, Run{"q1": {"claim-a", "claim-b"}, "q3": {"claim-d"}})
	assert.Equal(t, 3, m.Queries)
	assert.InDelta(t, 2.0/3, m.MAP5, 1e-12)
}

func TestReadQrelsErrors(t *testing.T) {
	tests := []struct {
		name, content, want string
	}{
		{"three columns", "q1 0 claim-a 1\nq1 claim-b 1\n", ":2: expected 4 columns: query_id 0 claim_id relevance"},
		{"five columns", "q1 0 claim-a 1 extra\n", ":1: expected 4 columns"},
		{"relevance not a number", "q1 0 claim-a yes\n", ":1: relevance must be an integer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeTemp(t, "q.qrels", tt.content)
			q, err := ReadQrels(path)
			require.Error(t, err)
			assert.Nil(t, q)
			assert.True(t, strings.HasPrefix(err.Error(), path+tt.want), "%v", err)
		})
	}
	_, err := ReadQrels(filepath.Join(t.TempDir(), "missing.qrels"))
	assert.ErrorIs(t, err, os.ErrNotExist)
}
