package text

import (
	"sync"
	"sync/atomic"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/english"
)

// Stem reduces a folded English word to its Snowball (Porter2) stem, so
// "troops" and "troop", "stationed" and "stationing" meet. Numbers pass
// through unchanged.
func Stem(word string) string {
	if len(word) < 3 || isDigit(word[0]) {
		return word
	}
	if s, ok := stemCache.Load(word); ok {
		return s.(string)
	}
	env := snowballstem.NewEnv(word)
	english.Stem(env)
	s := env.Current()
	// A language has a few hundred thousand word forms; past that the
	// input is junk and is not worth remembering.
	if stemCacheSize.Add(1) <= maxStemCache {
		stemCache.Store(word, s)
	}
	return s
}

// Stemming costs more than the rest of tokenising a word, and articles,
// corpora and queries repeat the same words.
var (
	stemCache     sync.Map
	stemCacheSize atomic.Int64
)

const maxStemCache = 200_000

// Terms returns the stemmed content terms of s in order: stop words are
// dropped, numbers kept. This is what the word index stores and queries.
func Terms(s string) []string { return Analyze(s).Terms() }

// CharNGrams returns the character n-grams of the folded token stream of s,
// with single spaces between tokens and one space of padding at each end, so
// grams across a word boundary ("ar p" of "war plan") carry phrase evidence
// and grams of a word's start and end are marked. Character n-grams survive
// spelling variants, hashtags and stems the stemmer misses.
func CharNGrams(s string, n int) []string { return tokenNGrams(Tokenize(s), n) }

func tokenNGrams(toks []Token, n int) []string {
	if len(toks) == 0 {
		return nil
	}
	size := 1
	for _, t := range toks {
		size += len(t.Text) + 1
	}
	buf := make([]byte, 0, size)
	buf = append(buf, ' ')
	for _, t := range toks {
		buf = append(buf, t.Text...)
		buf = append(buf, ' ')
	}
	return byteNGrams(string(buf), n)
}

// byteNGrams slides over runes (not bytes) so multi-byte letters stay whole.
func byteNGrams(s string, n int) []string {
	starts := make([]int, 0, len(s)+1)
	for i := range s {
		starts = append(starts, i)
	}
	starts = append(starts, len(s))
	if len(starts)-1 < n {
		return []string{s}
	}
	out := make([]string, 0, len(starts)-n)
	for i := 0; i+n < len(starts); i++ {
		out = append(out, s[starts[i]:starts[i+n]])
	}
	return out
}
