package claimsearch

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/factcheckwidget/factcheck/internal/corpus"
	"github.com/factcheckwidget/factcheck/internal/index"
)

// The benchmarks search the 19,250-claim PolitiFact corpus of CheckThat!
// 2022 2b, read from ../shared/data (FACTCHECK_DATA overrides), never
// copied into the repository. Without it they skip.
var politifact = sync.OnceValues(func() (*Searcher, error) {
	dir := os.Getenv("FACTCHECK_DATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "data")
	}
	claims, _, err := corpus.ReadFile(filepath.Join(dir, "checkthat-2022-2b", "vclaims.jsonl"))
	if err != nil {
		return nil, err
	}
	x, err := index.Build(claims, nil)
	if err != nil {
		return nil, err
	}
	s := New(x)
	s.prepare()
	return s, nil
})

func BenchmarkSearchPolitiFact(b *testing.B) {
	s, err := politifact()
	if err != nil {
		b.Skipf("PolitiFact corpus not available (%v): set FACTCHECK_DATA to the shared data directory", err)
	}
	for _, bc := range []struct {
		name string
		f    Filter
	}{
		{"South_Korea", Filter{Query: "South Korea"}},
		{"says", Filter{Query: "says"}}, // in most PolitiFact claims
		{"Obama_health_care_law", Filter{Query: "Obama health care law"}},
		{"sentence", Filter{Query: "Donald Trump says he will release his tax returns after the audit is over"}},
		// The corpus has no publisher sites; language and age filter it.
		{"says+filters", Filter{Query: "says", Language: "en-US", MaxAgeDays: 3 * 365, Now: time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)}},
		{"no_query", Filter{}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			r := s.Search(bc.f)
			b.ReportAllocs()
			for b.Loop() {
				s.Search(bc.f)
			}
			b.ReportMetric(float64(len(r.Docs)), "claims")
			b.ReportMetric(float64(r.AllWords), "all-words")
		})
	}
}
