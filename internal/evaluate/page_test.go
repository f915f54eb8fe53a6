package evaluate

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func writeTranscript(t *testing.T, dir, name, content string) {
	t.Helper()
	require.NoError(t, os.WriteFile(filepath.Join(dir, name+".tsv"), []byte(content), 0o644))
}

// Query ids do not always spell the transcript's file name as it is:
// exact names win, then case-insensitive ones, then a unique date.
func TestTranscriptsForMatchesNamesAsTheQrelsSpellThem(t *testing.T) {
	dir := t.TempDir()
	writeTranscript(t, dir, "20180504_Trump_NRA", "1\tA\tFirst line.\n2\tA\tSecond line.\nbroken line\n")
	writeTranscript(t, dir, "20181112_trump_Pelosi", "1\tB\tHello.\n")
	writeTranscript(t, dir, "20190730_debate_1", "1\tC\tOne.\n")
	writeTranscript(t, dir, "20190730_debate_2", "1\tC\tTwo.\n")
	qrels := Qrels{
		"20180504_Trumo_NRA_2":     {"c1": true}, // misspelt: found by its date
		"20181112_trump_pelosi_1":  {"c2": true}, // other case
		"20190730_democratic_x_1":  {"c3": true}, // two files share the date: not guessed
		"19990101_no_such_thing_1": {"c4": true},
	}
	ts, err := TranscriptsFor(dir, qrels)
	require.NoError(t, err)
	require.Len(t, ts, 2)
	assert.Equal(t, "20180504_Trumo_NRA", ts[0].Name)
	assert.Len(t, ts[0].Lines, 2, "a line without three columns is skipped")
	assert.Equal(t, "20180504_Trumo_NRA_2", ts[0].QueryID(1))
	assert.Equal(t, "20181112_trump_pelosi", ts[1].Name)
}

func TestPageAndContext(t *testing.T) {
	tr := &Transcript{Name: "d", Lines: []TranscriptLine{
		{ID: "1", Text: "Thank you. The bridge cost two billion euros."},
		{ID: "2", Text: "That is not true."},
		{ID: "3", Text: "It cost one billion."},
	}}
	p := tr.Page()
	require.Len(t, p.Spans, 4)
	assert.Equal(t, []int{0, 0, 1, 2}, p.Lines)
	assert.Equal(t, "Thank you. The bridge cost two billion euros. That is not true.", tr.Context(2, 3))
	assert.Equal(t, "That is not true.", tr.Context(2, 1))
	claims := p.ClaimSentences(Qrels{"d_1": {"bridge": true}}, func(string) string { return "The new bridge cost two billion euros." })
	assert.Equal(t, []bool{false, true, false, false}, claims, "only the sentence that states the claim")

	qs := []Query{{ID: "d_3", Text: "It cost one billion."}, {ID: "tweet", Text: "x"}}
	dir := t.TempDir()
	writeTranscript(t, dir, "d", "1\tA\tThank you. The bridge cost two billion euros.\n2\tB\tThat is not true.\n3\tA\tIt cost one billion.\n")
	n, err := AddTranscriptContext(qs, dir, 2)
	require.NoError(t, err)
	assert.Equal(t, 1, n)
	assert.Equal(t, "Thank you. The bridge cost two billion euros. That is not true.", qs[0].Context)
	assert.Empty(t, qs[1].Context)
}

// What a reader sees is counted per sentence; a line counts as found when
// any of its sentences shows one of its fact-checks, in any position.
func TestPageCounts(t *testing.T) {
	rel := map[int]map[string]bool{1: {"a": true}, 3: {"b": true}}
	var c PageCounts
	c.Add([]PageSentence{
		{Line: 0},
		{Line: 1, Shown: []string{"a"}, Match: true},
		{Line: 1, Shown: []string{"x", "a"}},
		{Line: 2, Shown: []string{"y"}, Match: true},
		{Line: 3},
	}, func(l int) map[string]bool { return rel[l] }, 2)
	assert.Equal(t, PageCounts{Sentences: 5, Highlighted: 3, Right: 1, MatchShown: 2, MatchRight: 1, CheckedLines: 2, Found: 1}, c)
	assert.InDelta(t, 60.0, c.HighlightsPer100(), 1e-9)
	assert.InDelta(t, 1.0/3, c.Precision(), 1e-9)
	assert.InDelta(t, 0.5, c.MatchPrecision(), 1e-9)
	assert.InDelta(t, 0.5, c.Recall(), 1e-9)
}

func TestMixedPagesAlternatePostsAndTalk(t *testing.T) {
	posts := []Query{{ID: "p1", Text: "Post\none."}, {ID: "p2", Text: "Post two."}, {ID: "p3", Text: "Post three."}}
	talk := []*Transcript{{Name: "t", Lines: []TranscriptLine{{ID: "1", Text: "Hello."}, {ID: "2", Text: "Thanks."}}}}
	pages := MixedPages("feed", posts, talk, 2)
	require.Len(t, pages, 2)
	var ids []string
	for i := range pages[0].Lines {
		ids = append(ids, pages[0].QueryID(i))
	}
	assert.Equal(t, []string{"p1", "t_1", "t_2", "p2"}, ids)
	assert.Equal(t, "Post one.", pages[0].Lines[0].Text, "a post is one line")
	assert.Equal(t, "t_1", pages[1].QueryID(1), "the talk wraps round")
}
