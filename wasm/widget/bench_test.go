package main

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/factcheckwidget/factcheck/internal/corpus"
	"github.com/factcheckwidget/factcheck/internal/defaultcorpus"
	"github.com/factcheckwidget/factcheck/internal/engine"
	"github.com/factcheckwidget/factcheck/internal/index"
)

// article1000 is the demo article's text cut or repeated to 1,000 words,
// one paragraph per line, the size the widget's budgets are stated for.
func article1000() string {
	txt := regexp.MustCompile(`<[^>]+>`).ReplaceAllString(defaultcorpus.ArticleHTML, "")
	var lines []string
	words := 0
	for words < 1000 {
		for _, l := range strings.Split(txt, "\n") {
			f := strings.Fields(l)
			if len(f) == 0 || words >= 1000 {
				continue
			}
			if words+len(f) > 1000 {
				f = f[:1000-words]
			}
			words += len(f)
			lines = append(lines, strings.Join(f, " "))
		}
	}
	return strings.Join(lines, "\n")
}

// BenchmarkCheckArticleNative is the native-Go reference for the in-browser
// figure (see web/widget's BenchmarkWorkerCheck).
func BenchmarkCheckArticleNative(b *testing.B) {
	b.Run("default", func(b *testing.B) {
		x, err := defaultcorpus.Index()
		if err != nil {
			b.Fatal(err)
		}
		benchCheck(b, x)
	})
	b.Run("politifact", func(b *testing.B) {
		path := "../../../shared/data/checkthat-2022-2b/vclaims.jsonl"
		if _, err := os.Stat(path); err != nil {
			b.Skip("CheckThat! 2022 2b data not present")
		}
		claims, _, err := corpus.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		x, err := index.Build(claims, nil)
		if err != nil {
			b.Fatal(err)
		}
		benchCheck(b, x)
	})
}

func benchCheck(b *testing.B, x *index.Index) {
	c, text := engine.New(x), article1000()
	b.ResetTimer()
	for b.Loop() {
		encodeArticle(text, c.CheckArticle(text, engine.Options{Date: "2025-11-05"}))
	}
}
