package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/corpus"
	"github.com/factcheckwidget/factcheck/internal/index"
)

const (
	testCorpus  = "testdata/corpus.jsonl"
	testQueries = "testdata/queries.tsv"
	testQrels   = "testdata/queries.qrels"
	badCorpus   = "testdata/bad.jsonl"
)

// runFactcheck runs the CLI in-process and returns its exit status and
// output. A panic fails the test: bad input must give an error, not a trace.
func runFactcheck(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	func() {
		defer func() {
			if p := recover(); p != nil {
				t.Fatalf("factcheck %s panicked: %v", strings.Join(args, " "), p)
			}
		}()
		code = run(args, &out, &errOut)
	}()
	return code, out.String(), errOut.String()
}

// requireOneLineError asserts the failure shape every command shares: the
// exit status, and exactly one line on stderr starting "factcheck: ".
func requireOneLineError(t *testing.T, wantCode, code int, stderr string) string {
	t.Helper()
	require.Equal(t, wantCode, code, "stderr: %s", stderr)
	require.True(t, strings.HasPrefix(stderr, "factcheck: "), "stderr %q", stderr)
	require.True(t, strings.HasSuffix(stderr, "\n"), "stderr %q", stderr)
	require.Equal(t, 1, strings.Count(stderr, "\n"), "one line: %q", stderr)
	assert.NotContains(t, stderr, "goroutine")
	assert.NotContains(t, stderr, "panic")
	return stderr
}

func TestUsage(t *testing.T) {
	code, stdout, stderr := runFactcheck(t)
	assert.Equal(t, 2, code)
	assert.Empty(t, stdout)
	for _, cmd := range []string{"index", "rank", "check", "eval"} {
		assert.Contains(t, stderr, "factcheck "+cmd+" ")
	}

	for _, help := range []string{"help", "-h", "--help"} {
		code, _, stderr = runFactcheck(t, help)
		assert.Equal(t, 0, code, help)
		assert.Contains(t, stderr, "factcheck rank ")
	}

	code, stdout, stderr = runFactcheck(t, "frobnicate")
	requireOneLineError(t, 2, code, stderr)
	assert.Contains(t, stderr, `unknown command "frobnicate"`)
	assert.Empty(t, stdout)
}

func TestBadArguments(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"rank without --queries", []string{"rank", "--corpus", testCorpus}, "rank: --queries is required"},
		{"rank with k 0", []string{"rank", "--corpus", testCorpus, "--queries", testQueries, "--k", "0"}, "--k must be at least 1"},
		{"rank with k not a number", []string{"rank", "--k", "five"}, "rank: invalid value"},
		{"rank with unknown flag", []string{"rank", "--bogus"}, "rank: flag provided but not defined: -bogus"},
		{"rank without --corpus", []string{"rank", "--queries", testQueries}, "--corpus is required"},
		{"index without -o", []string{"index", testCorpus}, "index: -o FILE is required"},
		{"index without inputs", []string{"index", "-o", filepath.Join(dir, "x.fcx")}, "index: at least one INPUT"},
		{"check with a bad date", []string{"check", "--corpus", testCorpus, "--date", "notadate", "-"}, `check: --date must be YYYY-MM-DD, got "notadate"`},
		{"check with an impossible date", []string{"check", "--corpus", testCorpus, "--date", "2021-02-30", "-"}, "--date must be YYYY-MM-DD"},
		{"check with a bad language", []string{"check", "--corpus", testCorpus, "--lang", "português", "-"}, "--lang must be a BCP 47 language tag"},
		{"check with queries and a file", []string{"check", "--corpus", testCorpus, "--queries", testQueries, "article.txt"}, "either --queries or a TEXT-FILE"},
		{"check with two files", []string{"check", "--corpus", testCorpus, "a.txt", "b.txt"}, "at most one TEXT-FILE"},
		{"eval without --qrels", []string{"eval", "--corpus", testCorpus, "--queries", testQueries}, "eval: --queries and --qrels are required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runFactcheck(t, tt.args...)
			requireOneLineError(t, 2, code, stderr)
			assert.Contains(t, stderr, tt.want)
			assert.Empty(t, stdout)
		})
	}
}

func TestBadFiles(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.jsonl")
	truncated := filepath.Join(dir, "truncated.fcx")
	code, _, stderr := runFactcheck(t, "index", "-o", truncated, testCorpus)
	require.Equal(t, 0, code, stderr)
	data, err := os.ReadFile(truncated)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(truncated, data[:len(data)/2], 0o644))
	flipped := filepath.Join(dir, "flipped.fcx")
	data[len(data)/3] ^= 0x10
	require.NoError(t, os.WriteFile(flipped, data, 0o644))
	badQueries := filepath.Join(dir, "bad.tsv")
	require.NoError(t, os.WriteFile(badQueries, []byte("q1\tfine\nno tab here\n"), 0o644))
	badQrels := filepath.Join(dir, "bad.qrels")
	require.NoError(t, os.WriteFile(badQrels, []byte("q1 0 ct-wind\n"), 0o644))
	empty := filepath.Join(dir, "empty.json")
	require.NoError(t, os.WriteFile(empty, nil, 0o644))

	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"rank on a missing corpus", []string{"rank", "--corpus", missing, "--queries", testQueries},
			[]string{missing + ": no such file or directory"}},
		{"index of a missing input", []string{"index", "-o", filepath.Join(dir, "o.fcx"), missing},
			[]string{missing + ": no such file or directory"}},
		{"check on a missing article", []string{"check", "--corpus", testCorpus, filepath.Join(dir, "nope.txt")},
			[]string{"nope.txt: no such file or directory"}},
		{"rank on an empty corpus", []string{"rank", "--corpus", empty, "--queries", testQueries},
			[]string{empty + ":1: not a recognised corpus"}},
		{"index of an empty corpus", []string{"index", "-o", filepath.Join(dir, "o.fcx"), empty},
			[]string{"index: nothing to index: indexed 0 of 1 items; skipped 1: " + empty + ":1: not a recognised corpus"}},
		{"rank on a truncated index", []string{"rank", "--corpus", truncated, "--queries", testQueries},
			[]string{truncated + ": compiled index is"}},
		{"rank on a corrupted index", []string{"rank", "--corpus", flipped, "--queries", testQueries},
			[]string{flipped + ": compiled index is corrupted"}},
		{"rank with a missing queries file", []string{"rank", "--corpus", testCorpus, "--queries", missing},
			[]string{missing + ": no such file or directory"}},
		{"rank with a malformed queries file", []string{"rank", "--corpus", testCorpus, "--queries", badQueries},
			[]string{badQueries + ":2: expected id<TAB>text"}},
		{"check with a malformed queries file", []string{"check", "--corpus", testCorpus, "--queries", badQueries},
			[]string{badQueries + ":2:"}},
		{"eval with malformed qrels", []string{"eval", "--corpus", testCorpus, "--queries", testQueries, "--qrels", badQrels},
			[]string{badQrels + ":1: expected 4 columns"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runFactcheck(t, tt.args...)
			requireOneLineError(t, 1, code, stderr)
			for _, w := range tt.want {
				assert.Contains(t, stderr, w)
			}
			assert.Empty(t, stdout)
		})
	}
}

type trecLine struct {
	qid, claimID, tag string
	rank              int
	score             float64
}

func parseTREC(t *testing.T, out string) []trecLine {
	t.Helper()
	var lines []trecLine
	for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if l == "" {
			continue
		}
		f := strings.Split(l, " ")
		require.Len(t, f, 6, "TREC line %q", l)
		require.Equal(t, "Q0", f[1], "TREC line %q", l)
		rank, err := strconv.Atoi(f[3])
		require.NoError(t, err, "rank of %q", l)
		score, err := strconv.ParseFloat(f[4], 64)
		require.NoError(t, err, "score of %q", l)
		lines = append(lines, trecLine{qid: f[0], claimID: f[2], rank: rank, score: score, tag: f[5]})
	}
	return lines
}

func TestIndexThenRank(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "corpus.fcx")
	code, stdout, stderr := runFactcheck(t, "index", "-o", out, testCorpus)
	require.Equal(t, 0, code, stderr)
	assert.Empty(t, stdout)
	assert.Regexp(t, `^indexed 8 of 8 items \(read in .*\)\nwrote `+regexp.QuoteMeta(out)+`: 8 claims, \d+ bytes \(\d+ B/claim\), built in .*\n$`, stderr)

	data, err := os.ReadFile(out)
	require.NoError(t, err)
	x, err := index.Decode(data)
	require.NoError(t, err)
	assert.Equal(t, 8, x.NumClaims())
	assert.Equal(t, "corpus.fcx", x.Meta["name"], "the name defaults to the output's base name")
	assertOnlyFiles(t, dir, "corpus.fcx")
	if st, err := os.Stat(out); assert.NoError(t, err) {
		assert.Equal(t, os.FileMode(0o644), st.Mode().Perm())
	}

	for _, k := range []int{1, 2, 5} {
		t.Run("k="+strconv.Itoa(k), func(t *testing.T) {
			code, stdout, stderr := runFactcheck(t, "rank", "--corpus", out, "--queries", testQueries,
				"--k", strconv.Itoa(k), "--tag", "mytag")
			require.Equal(t, 0, code, stderr)
			lines := parseTREC(t, stdout)
			perQuery := map[string][]trecLine{}
			for _, l := range lines {
				assert.Equal(t, "mytag", l.tag)
				perQuery[l.qid] = append(perQuery[l.qid], l)
			}
			ids := make([]string, 0, len(perQuery))
			for q := range perQuery {
				ids = append(ids, q)
			}
			sort.Strings(ids)
			assert.Equal(t, []string{"q1", "q2", "q3", "q4"}, ids)
			for q, ls := range perQuery {
				require.LessOrEqual(t, len(ls), k, "query %s", q)
				seen := map[string]bool{}
				for i, l := range ls {
					assert.Equal(t, i+1, l.rank, "query %s ranks run 1..n", q)
					if i > 0 {
						assert.LessOrEqual(t, l.score, ls[i-1].score, "query %s scores descend", q)
					}
					assert.False(t, seen[l.claimID], "query %s lists %s twice", q, l.claimID)
					seen[l.claimID] = true
				}
			}
			// Obvious paraphrases find their claim first.
			want := map[string]string{"q1": "ct-wind", "q2": "ct-carrots", "q3": "ct-hotwater", "q4": "ct-schools"}
			for q, id := range want {
				assert.Equal(t, id, perQuery[q][0].claimID, "query %s", q)
			}
		})
	}

	// Ranking the source corpus directly gives the same run as its index.
	_, fromIndex, _ := runFactcheck(t, "rank", "--corpus", out, "--queries", testQueries)
	code, fromSource, stderr := runFactcheck(t, "rank", "--corpus", testCorpus, "--queries", testQueries)
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, fromIndex, fromSource)
	assert.Contains(t, fromSource, " factcheck\n", "default tag")
}

func TestIndexName(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "named.fcx")
	gz := filepath.Join(dir, "corpus.jsonl.gz")
	writeGzipFile(t, gz, testCorpus)
	code, _, stderr := runFactcheck(t, "index", "-o", out, "--name", "Example checks", gz)
	require.Equal(t, 0, code, stderr)
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	x, err := index.Decode(data)
	require.NoError(t, err)
	assert.Equal(t, "Example checks", x.Meta["name"])
	assert.NotEmpty(t, x.Meta["built"])

	// The same claims read twice are indexed once.
	code, _, stderr = runFactcheck(t, "index", "-o", out, testCorpus, gz)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stderr, "indexed 8 of 16 items; skipped 8: "+gz+":1: the same review as "+testCorpus+":1; ")
	assert.Contains(t, stderr, " and 3 more")
}

// A bad item is skipped and reported, and the rest is indexed; --strict
// turns any skip into a failure that writes nothing.
func TestIndexSkipsBadItems(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "corpus.fcx")
	code, _, stderr := runFactcheck(t, "index", "-o", out, testCorpus, badCorpus)
	require.Equal(t, 0, code, stderr)
	assert.True(t, strings.HasPrefix(stderr, "indexed 9 of 10 items; skipped 1: "+badCorpus+`:2: field "vclaim": missing (read in `), stderr)
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	x, err := index.Decode(data)
	require.NoError(t, err)
	assert.Equal(t, 9, x.NumClaims())

	code, _, stderr = runFactcheck(t, "index", "--strict", "-o", out, testCorpus, badCorpus)
	requireOneLineError(t, 1, code, stderr)
	assert.Equal(t, "factcheck: index --strict: indexed 9 of 10 items; skipped 1: "+badCorpus+`:2: field "vclaim": missing; nothing written`+"\n", stderr)
	after, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, data, after, "a --strict failure leaves the previous index")

	// An input that cannot be read at all is skipped whole.
	broken := filepath.Join(dir, "broken.json")
	require.NoError(t, os.WriteFile(broken, []byte("[\n{\"@type\": \"ClaimReview\",\n"), 0o644))
	code, _, stderr = runFactcheck(t, "index", "-o", out, testCorpus, broken)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stderr, "indexed 8 of 9 items; skipped 1: "+broken+":3:$[0]: invalid JSON: unexpected end of input (input not read)")

	// Commands that read a corpus say what they skipped, and go on.
	code, _, stderr = runFactcheck(t, "rank", "--corpus", badCorpus, "--queries", testQueries)
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, "factcheck: indexed 1 of 2 items; skipped 1: "+badCorpus+`:2: field "vclaim": missing`+"\n", stderr)
}

func TestIndexIsAtomic(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "corpus.fcx")
	old := []byte("previous index contents")
	require.NoError(t, os.WriteFile(out, old, 0o644))

	code, _, stderr := runFactcheck(t, "index", "--strict", "-o", out, testCorpus, badCorpus)
	requireOneLineError(t, 1, code, stderr)
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, old, got, "a failed build leaves the old output alone")
	assertOnlyFiles(t, dir, "corpus.fcx")

	// An output in a directory that does not exist fails cleanly too.
	code, _, stderr = runFactcheck(t, "index", "-o", filepath.Join(dir, "no", "such", "dir.fcx"), testCorpus)
	requireOneLineError(t, 1, code, stderr)
	assertOnlyFiles(t, dir, "corpus.fcx")

	// A build that fails at the final rename (the output is a directory)
	// removes its temporary file.
	sub := filepath.Join(dir, "sub")
	require.NoError(t, os.MkdirAll(filepath.Join(sub, "keep"), 0o755))
	code, _, stderr = runFactcheck(t, "index", "-o", sub, testCorpus)
	requireOneLineError(t, 1, code, stderr)
	assert.Contains(t, stderr, sub)
	assertOnlyFiles(t, dir, "corpus.fcx", "sub")
	require.NoError(t, os.RemoveAll(sub))

	// A successful build replaces the file and leaves no temporary behind.
	code, _, stderr = runFactcheck(t, "index", "-o", out, testCorpus)
	require.Equal(t, 0, code, stderr)
	got, err = os.ReadFile(out)
	require.NoError(t, err)
	assert.True(t, index.IsIndex(got))
	assertOnlyFiles(t, dir, "corpus.fcx")
}

func assertOnlyFiles(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	assert.ElementsMatch(t, names, got, "files in %s", dir)
}

func writeGzipFile(t *testing.T, dst, src string) {
	t.Helper()
	data, err := os.ReadFile(src)
	require.NoError(t, err)
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, err = zw.Write(data)
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	require.NoError(t, os.WriteFile(dst, buf.Bytes(), 0o644))
}

func TestCheckQueries(t *testing.T) {
	code, stdout, stderr := runFactcheck(t, "check", "--corpus", testCorpus, "--queries", testQueries)
	require.Equal(t, 0, code, stderr)
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	require.Len(t, lines, 4, "one JSON line per query")
	var ids []string
	for _, l := range lines {
		var raw map[string]json.RawMessage
		require.NoError(t, json.Unmarshal([]byte(l), &raw), "line %q", l)
		assert.Contains(t, raw, "id")
		assert.Contains(t, raw, "matches")
		var line struct {
			ID      string `json:"id"`
			Matches []struct {
				ID    string  `json:"id"`
				Score float64 `json:"score"`
				Tier  string  `json:"tier"`
				Flags []string
			} `json:"matches"`
		}
		require.NoError(t, json.Unmarshal([]byte(l), &line))
		ids = append(ids, line.ID)
		for _, m := range line.Matches {
			assert.NotEmpty(t, m.ID)
			assert.NotEmpty(t, m.Tier)
		}
		// Obvious paraphrases, when shown, show their claim first; a verbatim
		// restatement (q4) is always shown.
		want := map[string]string{"q1": "ct-wind", "q2": "ct-carrots", "q3": "ct-hotwater", "q4": "ct-schools"}[line.ID]
		if line.ID == "q4" {
			require.NotEmpty(t, line.Matches, "verbatim claim found")
		}
		if len(line.Matches) > 0 {
			assert.Equal(t, want, line.Matches[0].ID, "query %s", line.ID)
		}
	}
	assert.Equal(t, []string{"q1", "q2", "q3", "q4"}, ids, "in the order of the queries file")
}

func TestCheckArticle(t *testing.T) {
	article := filepath.Join(t.TempDir(), "article.txt")
	require.NoError(t, os.WriteFile(article, []byte("The governor cut school funding by 40 percent. The weather was nice.\n"), 0o644))
	code, stdout, stderr := runFactcheck(t, "check", "--corpus", testCorpus, "--date", "2020-01-02", article)
	require.Equal(t, 0, code, stderr)
	var got struct {
		Date      string `json:"date"`
		Sentences []struct {
			Text       string `json:"text"`
			Start, End int
			Matches    []json.RawMessage `json:"matches"`
		} `json:"sentences"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &got), stdout)
	assert.Equal(t, "2020-01-02", got.Date)
	require.NotEmpty(t, got.Sentences)
	assert.Equal(t, "The governor cut school funding by 40 percent.", got.Sentences[0].Text)
	assert.Equal(t, 0, got.Sentences[0].Start)
}

func TestEval(t *testing.T) {
	code, stdout, stderr := runFactcheck(t, "eval", "--corpus", testCorpus, "--queries", testQueries, "--qrels", testQrels)
	require.Equal(t, 0, code, stderr)
	var rows []string
	for _, l := range strings.Split(stdout, "\n") {
		if strings.HasPrefix(l, "plain BM25 ") || strings.HasPrefix(l, "factcheck ") {
			rows = append(rows, l)
			f := strings.Fields(strings.TrimPrefix(strings.TrimPrefix(l, "plain BM25"), "factcheck"))
			require.Len(t, f, 5, "five metrics in %q", l)
			for _, v := range f {
				x, err := strconv.ParseFloat(v, 64)
				require.NoError(t, err)
				assert.True(t, x >= 0 && x <= 1, "metric %v in [0,1]", x)
			}
		}
	}
	require.Len(t, rows, 2, "a plain BM25 row and a factcheck row in:\n%s", stdout)
	assert.Contains(t, stdout, "(4 queries, 8 claims)")
}

// A corpus given as a pipe is read once: rank must not find it empty.
func TestCorpusFromPipe(t *testing.T) {
	data, err := os.ReadFile(testCorpus)
	require.NoError(t, err)
	r, w, err := os.Pipe()
	require.NoError(t, err)
	go func() {
		w.Write(data)
		w.Close()
	}()
	defer r.Close()
	path := "/dev/fd/" + strconv.Itoa(int(r.Fd()))
	if _, err := os.Stat(path); err != nil {
		t.Skip("no /dev/fd on this system")
	}
	code, out, stderr := runFactcheck(t, "rank", "--corpus", path, "--queries", testQueries, "--k", "1")
	require.Equal(t, 0, code, stderr)
	assert.NotEmpty(t, out)
}

func TestQrelsLineTooLong(t *testing.T) {
	dir := t.TempDir()
	qrels := filepath.Join(dir, "long.qrels")
	require.NoError(t, os.WriteFile(qrels, []byte("q1 0 "+strings.Repeat("x", 2<<20)+" 1\n"), 0o644))
	code, _, stderr := runFactcheck(t, "eval", "--corpus", testCorpus, "--queries", testQueries, "--qrels", qrels)
	requireOneLineError(t, 1, code, stderr)
	assert.Contains(t, stderr, "long.qrels:1")
}

// On a terminal, reading redraws one progress line per input: items read
// and how far through the file.
func TestReadProgressLine(t *testing.T) {
	var b strings.Builder
	show := printReadProgress(&b)
	show(corpus.Progress{File: "feed.jsonld", Items: 1000, Read: 250, Size: 1000})
	show(corpus.Progress{File: "feed.jsonld", Items: 2000, Read: 1000, Size: 1000, Done: true})
	show(corpus.Progress{File: "-", Items: 3})
	assert.Equal(t, "\rreading feed.jsonld: 1000 items (25%)\rreading feed.jsonld: 2000 items (100%)\n\rreading -: 3 items", b.String())
	assert.Nil(t, readProgress(&b), "no progress lines where stderr is not a terminal")
}
