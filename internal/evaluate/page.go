package evaluate

import (
	"bufio"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// TranscriptLine is one line of a debate transcript: `line<TAB>speaker<TAB>text`.
type TranscriptLine struct{ ID, Speaker, Text string }

// Transcript is a whole debate or speech, read as one page.
type Transcript struct {
	Name  string // file name without .tsv; query ids are Name + "_" + line id
	Lines []TranscriptLine
}

// ReadTranscript reads a CheckThat! 2B transcript TSV. Lines that do not
// have three columns are skipped: a transcript is data nobody here wrote,
// and one odd line must not stop a measurement.
func ReadTranscript(path string) (*Transcript, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	t := &Transcript{Name: strings.TrimSuffix(filepath.Base(path), ".tsv")}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 4<<20)
	for sc.Scan() {
		cols := strings.SplitN(strings.TrimRight(sc.Text(), "\r"), "\t", 3)
		if len(cols) != 3 || strings.TrimSpace(cols[2]) == "" {
			continue
		}
		t.Lines = append(t.Lines, TranscriptLine{ID: cols[0], Speaker: cols[1], Text: cols[2]})
	}
	return t, sc.Err()
}

// Article is the transcript as a page: one paragraph per line, and the
// byte offset where each line starts.
func (t *Transcript) Article() (string, []int) {
	var b strings.Builder
	starts := make([]int, len(t.Lines))
	for i, l := range t.Lines {
		if i > 0 {
			b.WriteString("\n")
		}
		starts[i] = b.Len()
		b.WriteString(l.Text)
	}
	return b.String(), starts
}

// QueryID is the CheckThat! query id of line i.
func (t *Transcript) QueryID(i int) string { return t.Name + "_" + t.Lines[i].ID }

// TranscriptsFor reads, from dir, the transcripts that the qrels' query ids
// (`<transcript>_<line>`) name, in name order. The ids do not always spell
// the file name as it is ("Trumo_NRA" for "Trump_NRA", other case): a
// name is matched exactly, then ignoring case, then by its leading date
// token when exactly one file starts with it.
func TranscriptsFor(dir string, qrels Qrels) ([]*Transcript, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, e := range entries {
		if n, ok := strings.CutSuffix(e.Name(), ".tsv"); ok && !e.IsDir() {
			files = append(files, n)
		}
	}
	names := map[string]bool{}
	for q := range qrels {
		if i := strings.LastIndexByte(q, '_'); i > 0 {
			names[q[:i]] = true
		}
	}
	var sorted []string
	for n := range names {
		sorted = append(sorted, n)
	}
	sort.Strings(sorted)
	var out []*Transcript
	for _, n := range sorted {
		file := transcriptFile(files, n)
		if file == "" {
			continue
		}
		t, err := ReadTranscript(filepath.Join(dir, file+".tsv"))
		if err != nil {
			return nil, err
		}
		t.Name = n
		out = append(out, t)
	}
	return out, nil
}

func transcriptFile(files []string, name string) string {
	for _, f := range files {
		if f == name {
			return f
		}
	}
	for _, f := range files {
		if strings.EqualFold(f, name) {
			return f
		}
	}
	date, _, _ := strings.Cut(name, "_")
	found := ""
	for _, f := range files {
		if d, _, _ := strings.Cut(f, "_"); d == date {
			if found != "" {
				return ""
			}
			found = f
		}
	}
	return found
}

// PageSentence is what a reader sees for one sentence of a checked page:
// the line it belongs to and the claims shown for it, best first.
type PageSentence struct {
	Line  int      // index into the transcript's lines
	Shown []string // claim ids shown (highlighted), best first; empty: silent
	Match bool     // the first shown claim is in the match tier
}

// PageCounts are what a reader of whole pages experiences, as counts.
type PageCounts struct {
	Sentences   int // sentences on the pages
	Highlighted int // sentences with at least one shown claim
	Right       int // highlighted sentences whose first claim is a fact-check of their line
	MatchShown  int // sentences whose first claim is in the match tier
	MatchRight  int // of them, right
	// CheckedLines are lines with a fact-check in the qrels; Found, those
	// where some sentence shows one of the line's fact-checks.
	CheckedLines, Found int
}

// Add scores the sentences of one checked page. relevant maps a line to
// its fact-checked claim ids (nil: none); checked is the number of lines
// of the page that have one.
func (c *PageCounts) Add(sents []PageSentence, relevant func(line int) map[string]bool, checked int) {
	found := map[int]bool{}
	for _, s := range sents {
		c.Sentences++
		if len(s.Shown) == 0 {
			continue
		}
		c.Highlighted++
		rel := relevant(s.Line)
		right := rel[s.Shown[0]]
		if right {
			c.Right++
		}
		if s.Match {
			c.MatchShown++
			if right {
				c.MatchRight++
			}
		}
		for _, id := range s.Shown {
			if rel[id] {
				found[s.Line] = true
			}
		}
	}
	c.CheckedLines += checked
	c.Found += len(found)
}

// HighlightsPer100 is how many sentences in a hundred a reader sees marked.
func (c *PageCounts) HighlightsPer100() float64 { return 100 * ratio(c.Highlighted, c.Sentences) }

// Precision is the share of highlights whose first claim is right.
func (c *PageCounts) Precision() float64 { return ratio(c.Right, c.Highlighted) }

// MatchPrecision is the share of match-tier highlights that are right.
func (c *PageCounts) MatchPrecision() float64 { return ratio(c.MatchRight, c.MatchShown) }

// Recall is the share of fact-checked lines whose fact-check is shown.
func (c *PageCounts) Recall() float64 { return ratio(c.Found, c.CheckedLines) }
