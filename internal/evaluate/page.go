package evaluate

import (
	"bufio"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/factcheckwidget/factcheck/internal/text"
)

// TranscriptLine is one line of a debate transcript: `line<TAB>speaker<TAB>text`.
// QueryID, when set, is the line's query id (pages made of other queries
// than transcript lines); otherwise it is the transcript name and line id.
type TranscriptLine struct{ ID, Speaker, Text, QueryID string }

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
func (t *Transcript) QueryID(i int) string {
	if q := t.Lines[i].QueryID; q != "" {
		return q
	}
	return t.Name + "_" + t.Lines[i].ID
}

// MixedPages lays posts out as pages that alternate n posts with n
// consecutive lines of the filler transcripts (a different stretch for
// every page): pages where half the lines state a checked claim and half
// are talk around it, as in an article written about checked claims.
func MixedPages(name string, posts []Query, filler []*Transcript, n int) []*Transcript {
	var out []*Transcript
	f, line := 0, 0
	for i, page := range QueryPages(name, posts, n) {
		if len(filler) == 0 {
			out = append(out, page)
			continue
		}
		t := &Transcript{Name: name + "-mixed-" + strconv.Itoa(i)}
		for k, post := range page.Lines {
			for line >= len(filler[f].Lines) {
				f, line = (f+1)%len(filler), 0
			}
			fl := filler[f].Lines[line]
			fl.QueryID = filler[f].QueryID(line)
			line++
			if k%2 == 0 {
				t.Lines = append(t.Lines, post, fl)
			} else {
				t.Lines = append(t.Lines, fl, post)
			}
		}
		out = append(out, t)
	}
	return out
}

// QueryPages lays queries out as pages of n lines each, in file order: a
// feed of posts read one after another, where (unlike a debate) every
// line states a claim that was checked.
func QueryPages(name string, queries []Query, n int) []*Transcript {
	var out []*Transcript
	for i := 0; i < len(queries); i += n {
		t := &Transcript{Name: name + "-" + strconv.Itoa(i/n)}
		for _, q := range queries[i:min(i+n, len(queries))] {
			// A post's own line breaks would split it into several lines.
			text := strings.Join(strings.Fields(q.Text), " ")
			t.Lines = append(t.Lines, TranscriptLine{ID: q.ID, Text: text, QueryID: q.ID})
		}
		out = append(out, t)
	}
	return out
}

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

// Context is the text of up to n lines before line i, oldest first: what
// a reader has just read when reaching line i.
func (t *Transcript) Context(i, n int) string {
	var parts []string
	for j := max(0, i-n); j < i; j++ {
		parts = append(parts, t.Lines[j].Text)
	}
	return strings.Join(parts, " ")
}

// AddTranscriptContext sets, on every query whose id names a transcript
// line (`<transcript>_<line>`) in dir, the text of the n lines before it:
// the third column `factcheck rank` accepts. It returns how many queries
// got a context.
func AddTranscriptContext(queries []Query, dir string, n int) (int, error) {
	qrels := Qrels{}
	for _, q := range queries {
		qrels[q.ID] = nil
	}
	ts, err := TranscriptsFor(dir, qrels)
	if err != nil {
		return 0, err
	}
	lineOf := map[string]string{}
	for _, t := range ts {
		for i := range t.Lines {
			lineOf[t.QueryID(i)] = t.Context(i, n)
		}
	}
	added := 0
	for i := range queries {
		if c, ok := lineOf[queries[i].ID]; ok {
			queries[i].Context = c
			added++
		}
	}
	return added, nil
}

// Page is a transcript as the widget reads it: the article text, its
// sentences (as text.Sentences splits it) and the line of each.
type Page struct {
	Transcript *Transcript
	Article    string
	Spans      []text.Span
	Lines      []int // Lines[i] is the transcript line of sentence i
}

// Page splits the transcript's article into sentences.
func (t *Transcript) Page() *Page {
	article, starts := t.Article()
	p := &Page{Transcript: t, Article: article, Spans: text.Sentences(article)}
	p.Lines = make([]int, len(p.Spans))
	for i, sp := range p.Spans {
		p.Lines[i] = sort.SearchInts(starts, sp.Start+1) - 1
	}
	return p
}

// ClaimSentences marks, for every fact-checked line, the sentence of the
// line that states its claim: the one sharing the most content words with
// one of the line's fact-checked claims (claimText gives their texts). A
// line such as "Thank you. We have the lowest unemployment in 50 years."
// has one checkable sentence, not two.
func (p *Page) ClaimSentences(qrels Qrels, claimText func(id string) string) []bool {
	out := make([]bool, len(p.Spans))
	best := map[int]int{} // line -> best overlap so far
	overlap := make([]int, len(p.Spans))
	for i, sp := range p.Spans {
		rel := qrels[p.Transcript.QueryID(p.Lines[i])]
		if len(rel) == 0 {
			continue
		}
		words := map[string]bool{}
		for _, w := range text.Terms(p.Article[sp.Start:sp.End]) {
			words[w] = true
		}
		for id := range rel {
			n := 0
			seen := map[string]bool{}
			for _, w := range text.Terms(claimText(id)) {
				if words[w] && !seen[w] {
					seen[w] = true
					n++
				}
			}
			overlap[i] = max(overlap[i], n)
		}
		if o, ok := best[p.Lines[i]]; !ok || overlap[i] > o {
			best[p.Lines[i]] = overlap[i]
		}
	}
	for i := range p.Spans {
		if o, ok := best[p.Lines[i]]; ok && overlap[i] == o {
			out[i] = true
		}
	}
	return out
}
