// Package benchdata loads the CheckThat! benchmarks from ../shared/data
// for the learning and measuring tests (FACTCHECK_LEARN, FACTCHECK_EXPLORE
// and the like). The research data is never copied into the repository:
// tests that need it skip with a message when it is not beside it.
package benchdata

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/factcheckwidget/factcheck/internal/compile"
	"github.com/factcheckwidget/factcheck/internal/corpus"
	"github.com/factcheckwidget/factcheck/internal/evaluate"
	"github.com/factcheckwidget/factcheck/internal/index"
)

// Names of the benchmarks, tweets first.
var Names = []string{"checkthat-2020-2", "checkthat-2022-2a", "checkthat-2022-2b"}

// Debates is the benchmark of debate transcripts.
const Debates = "checkthat-2022-2b"

// ContextLines is how many preceding transcript lines a debate query is
// read with (the CheckThat! tasks and our acceptance data give three).
const ContextLines = 3

// FeedPage is how many posts a page of a tweet benchmark holds.
const FeedPage = 20

// Dir is the data folder: $FACTCHECK_DATA, else ../shared/data beside the
// repository.
func Dir() string {
	if d := os.Getenv("FACTCHECK_DATA"); d != "" {
		return d
	}
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "shared", "data")
}

// Set is one benchmark.
type Set struct {
	Name    string
	Index   *index.Index
	Queries map[string][]evaluate.Query // split -> queries (debate queries with their context)
	Qrels   map[string]evaluate.Qrels
	// Pages are the transcripts of each split as pages, or for tweets, the
	// queries as feeds of FeedPage posts.
	Pages map[string][]*evaluate.Page
	ids   map[string]int
}

// DevArticles are 1,000-word slices (words 500 to 1,500) of the dev
// pages that long, one each: the articles the sharded corpus's byte and
// time measurements check (a page's opening words are its least typical).
func (s *Set) DevArticles() []string {
	var out []string
	for _, p := range s.Pages["dev"] {
		if words := strings.Fields(p.Article); len(words) >= 1500 {
			out = append(out, strings.Join(words[500:1500], " "))
		}
	}
	return out
}

// Doc returns the index of the claim with id, or -1.
func (s *Set) Doc(id string) int {
	if d, ok := s.ids[id]; ok {
		return d
	}
	return -1
}

var (
	mu     sync.Mutex
	loaded = map[string]*Set{}
)

// Load returns the named benchmark, skipping t when the data is absent.
func Load(t testing.TB, name string) *Set {
	t.Helper()
	mu.Lock()
	defer mu.Unlock()
	if s, ok := loaded[name]; ok {
		return s
	}
	d := filepath.Join(Dir(), name)
	if _, err := os.Stat(d); err != nil {
		t.Skipf("skipping: CheckThat! data not found at %s (set FACTCHECK_DATA)", d)
	}
	claims, skipped, err := corpus.ReadFile(filepath.Join(d, "vclaims.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if len(skipped) > 0 { // the qrels name every claim: a skipped one would skew the figures
		t.Fatalf("%d claims skipped, the first: %s", len(skipped), skipped[0])
	}
	x, err := compile.Index(claims, nil)
	if err != nil {
		t.Fatal(err)
	}
	s := &Set{Name: name, Index: x, Queries: map[string][]evaluate.Query{}, Qrels: map[string]evaluate.Qrels{},
		Pages: map[string][]*evaluate.Page{}, ids: map[string]int{}}
	for i := 0; i < x.NumClaims(); i++ {
		s.ids[x.Claim(i).ID] = i
	}
	transcripts := filepath.Join(d, "transcripts")
	_, err = os.Stat(transcripts)
	hasTranscripts := err == nil
	for _, split := range []string{"train", "dev"} {
		q, err := evaluate.ReadQueries(filepath.Join(d, split+".queries.tsv"))
		if err != nil {
			t.Fatal(err)
		}
		qr, err := evaluate.ReadQrels(filepath.Join(d, split+".qrels"))
		if err != nil {
			t.Fatal(err)
		}
		if !hasTranscripts {
			// Tweets become feeds of twenty posts (evaluate.QueryPages).
			for _, tr := range evaluate.QueryPages(name+"-"+split, q, FeedPage) {
				s.Pages[split] = append(s.Pages[split], tr.Page())
			}
		}
		if hasTranscripts {
			if _, err := evaluate.AddTranscriptContext(q, transcripts, ContextLines); err != nil {
				t.Fatal(err)
			}
			ts, err := evaluate.TranscriptsFor(transcripts, qr)
			if err != nil {
				t.Fatal(err)
			}
			for _, tr := range ts {
				s.Pages[split] = append(s.Pages[split], tr.Page())
			}
		}
		s.Queries[split], s.Qrels[split] = q, qr
	}
	loaded[name] = s
	return s
}

// LoadAll loads every benchmark.
func LoadAll(t testing.TB) []*Set {
	var out []*Set
	for _, n := range Names {
		out = append(out, Load(t, n))
	}
	return out
}
