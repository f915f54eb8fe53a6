package engine

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/corpus"
	"github.com/factcheckwidget/factcheck/internal/defaultcorpus"
	"github.com/factcheckwidget/factcheck/internal/index"
	"github.com/factcheckwidget/factcheck/internal/match"
)

// The benchmarks run on the 19,250-claim PolitiFact corpus from
// ../shared/data when it is there (never copied into the repository), and
// on the default corpus otherwise; the corpus in use is logged.
var (
	benchOnce   sync.Once
	benchClaims []claim.Claim
	benchName   string
)

func benchCorpus(b *testing.B) []claim.Claim {
	benchOnce.Do(func() {
		dir := os.Getenv("FACTCHECK_DATA")
		if dir == "" {
			dir = filepath.Join("..", "..", "..", "shared", "data")
		}
		path := filepath.Join(dir, "checkthat-2022-2b", "vclaims.jsonl")
		if cs, _, err := corpus.ReadFile(path); err == nil {
			benchClaims, benchName = cs, "PolitiFact (checkthat-2022-2b, 19,250 claims)"
			return
		}
		cs, _, err := corpus.Read("claims.jsonld", defaultcorpus.ClaimReviewJSONLD)
		if err != nil {
			b.Fatal(err)
		}
		benchClaims, benchName = cs, "default corpus (../shared/data not found)"
	})
	b.Logf("corpus: %s", benchName)
	return benchClaims
}

var tags = regexp.MustCompile(`<[^>]+>`)

// thousandWordArticle is the demo article's text, continued with its own
// paragraphs until it has 1,000 words: a realistic mix of checkable and
// unchecked sentences.
func thousandWordArticle() string {
	body := tags.ReplaceAllString(defaultcorpus.ArticleHTML, "")
	words := strings.Fields(body)
	var b strings.Builder
	for n := 0; n < 1000; n++ {
		if n > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(words[n%len(words)])
	}
	return b.String()
}

func BenchmarkBuildIndex(b *testing.B) {
	claims := benchCorpus(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := index.Build(claims, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeIndex(b *testing.B) {
	x, err := index.Build(benchCorpus(b), nil)
	if err != nil {
		b.Fatal(err)
	}
	data := x.Encode()
	b.Logf("index: %d bytes, %d bytes/claim", len(data), len(data)/x.NumClaims())
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := index.Decode(data); err != nil {
			b.Fatal(err)
		}
	}
}

func benchChecker(b *testing.B) *Checker {
	x, err := index.Build(benchCorpus(b), nil)
	if err != nil {
		b.Fatal(err)
	}
	return New(x)
}

func BenchmarkCheckSentence(b *testing.B) {
	c := benchChecker(b)
	s := "The unemployment rate is the lowest it has been in 17 years, and wages are going up."
	b.ReportAllocs()
	for b.Loop() {
		c.CheckSentence(s, Options{})
	}
}

func BenchmarkCheckArticle1000Words(b *testing.B) {
	c := benchChecker(b)
	article := thousandWordArticle()
	b.ReportAllocs()
	for b.Loop() {
		c.CheckArticle(article, Options{Date: "2025-11-05"})
	}
}

// BenchmarkCheckArticle1000WordsNoContext is the article check with
// sentences read alone, to price the context (ContextSentences).
func BenchmarkCheckArticle1000WordsNoContext(b *testing.B) {
	x, err := index.Build(benchCorpus(b), nil)
	if err != nil {
		b.Fatal(err)
	}
	p := match.DefaultParams()
	p.ContextWeight = 0
	c := NewWithMatcher(match.NewWithParams(x, p))
	article := thousandWordArticle()
	b.ReportAllocs()
	for b.Loop() {
		c.CheckArticle(article, Options{Date: "2025-11-05"})
	}
}
