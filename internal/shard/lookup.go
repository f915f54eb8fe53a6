package shard

import (
	"strconv"

	"github.com/factcheckwidget/factcheck/internal/claimsearch"
	"github.com/factcheckwidget/factcheck/internal/engine"
	"github.com/factcheckwidget/factcheck/internal/index"
	"github.com/factcheckwidget/factcheck/internal/match"
	"github.com/factcheckwidget/factcheck/internal/text"
)

// These calls serve the CLI and the API, not the widget (whose wasm does
// not link them).

// OpenForSearch is Open for a reader that also runs Search (the API's
// claims:search): it reads keyword buckets too.
func OpenForSearch(manifest []byte) (*Corpus, error) {
	c, err := Open(manifest)
	if err == nil {
		c.keywords = map[string][]int32{}
		c.readKeywords = func(r *reader) { r.keywords(c.m.Claims, c.keywords) }
	}
	return c, err
}

// Rank is match.Matcher.RankQuery of sentence s read after context (as
// `factcheck rank` and eval read queries) on the sharded corpus: up to k
// candidates, whose Doc are claims of the returned index, or the parts to
// fetch first.
func (c *Corpus) Rank(s, context string, k int) ([]match.Candidate, *index.Index, []string, error) {
	langs, need := c.languages()
	if need != nil {
		return nil, nil, need, nil
	}
	type ranked struct {
		cands []match.Candidate
		x     *index.Index
	}
	key := "r\x00" + context + "\x00" + s
	a, need, err := c.finish(key+"\x00"+strconv.Itoa(k), func() (any, []cardSlot, []string, error) {
		rd := c.read(key, func() (*engine.Article, []*text.Analysis) {
			return nil, engine.SentenceAnalyses(langs, s, engine.Options{Context: context})
		})
		x, ids, need, err := c.check(rd, func(ck *engine.Checker) [][]int {
			m := ck.Matcher()
			return [][]int{m.FirstStage(m.PrepareContext(s, context), c.Pool)}
		}, c.Pool)
		if x == nil {
			return nil, nil, need, err
		}
		m := match.New(x)
		cands := m.RankQuery(m.PrepareContext(s, context), k)
		slots := make([]cardSlot, len(cands))
		for i, cd := range cands {
			slots[i] = cardSlot{ids[cd.Doc], x.Claim(cd.Doc)}
		}
		return ranked{cands, x}, slots, nil, nil
	})
	if a == nil {
		return nil, nil, need, err
	}
	r := a.(ranked)
	return r.cands, r.x, nil, nil
}

// Search is claimsearch.Searcher.Search on the sharded corpus (opened
// with OpenForSearch): the result, whose Docs are claims of the returned
// index, or the parts to fetch first. It fetches every claim holding a
// word of the query (every claim without one), as the filters and the
// order need them.
func (c *Corpus) Search(f claimsearch.Filter) (*index.Index, claimsearch.Result, []string, error) {
	langs, need := c.languages()
	if need != nil {
		return nil, claimsearch.Result{}, need, errNoSearch(c.readKeywords != nil)
	}
	var words []string
	for _, alts := range claimsearch.QueryWords(langs, f.Query, f.Language) {
		words = append(words, alts...)
	}
	n := c.newNeeds()
	for _, w := range words {
		n.add(kindStems, bucketOf(w, c.m.StemBuckets))
		n.add(kindKeywords, bucketOf(w, c.m.KeywordBuckets))
	}
	if len(n.names) > 0 || c.readKeywords == nil {
		return nil, claimsearch.Result{}, n.names, errNoSearch(c.readKeywords != nil)
	}
	var ids []int32
	if len(words) == 0 {
		for i := range c.m.Claims {
			ids = append(ids, int32(i))
		}
	}
	for _, w := range words {
		ids = append(ids, c.keywords[w]...)
	}
	ids = sortedSet(ids)
	for _, id := range ids { // the filters and the order read the cards too
		n.add(kindChunk, int(id)/c.m.Chunk)
		n.add(kindCards, int(id)/c.m.CardChunk)
	}
	if len(n.names) > 0 {
		return nil, claimsearch.Result{}, n.names, nil
	}
	s, err := c.searcher(ids, words)
	if err != nil {
		return nil, claimsearch.Result{}, nil, err
	}
	return s.x, s.s.Search(f), nil, nil
}

// searchIndex is the keyword index of every claim a search has needed so
// far. A search finds only claims holding a word of its query (all of
// which it fetched) and scores them with the whole corpus's statistics,
// so the other claims an index holds change nothing: each search reuses
// the index, and it is built again only when a search needs a claim or a
// word it lacks. A warm Worker answers repeated searches without
// building an index each time.
type searchIndex struct {
	x     *index.Index
	s     *claimsearch.Searcher
	ids   []int32         // claim ids of x's documents, ascending
	words map[string]bool // the words whose corpus frequency x holds
}

// searcher returns a search index holding claims ids (ascending) and
// words, with their records and cards fetched.
func (c *Corpus) searcher(ids []int32, words []string) (*searchIndex, error) {
	s, _ := c.searchIx.(*searchIndex)
	if s != nil && s.covers(ids, words) {
		return s, nil
	}
	all := map[string]bool{}
	if s != nil {
		ids = sortedSet(append(append([]int32(nil), s.ids...), ids...))
		for w := range s.words {
			all[w] = true
		}
	}
	for _, w := range words {
		all[w] = true
	}
	list := make([]string, 0, len(all))
	for w := range all {
		list = append(list, w)
	}
	for _, id := range ids {
		c.cards[id].fill(&c.records[id].claim)
	}
	x, err := c.claimsIndex(ids, c.queryLists(list, nil), false)
	if err != nil {
		return nil, err
	}
	s = &searchIndex{x: x, s: claimsearch.New(x), ids: ids, words: all}
	c.searchIx = s
	return s, nil
}

// covers reports whether s holds claims ids (ascending) and words.
func (s *searchIndex) covers(ids []int32, words []string) bool {
	for _, w := range words {
		if !s.words[w] {
			return false
		}
	}
	j := 0
	for _, id := range ids {
		for j < len(s.ids) && s.ids[j] < id {
			j++
		}
		if j == len(s.ids) || s.ids[j] != id {
			return false
		}
	}
	return true
}

func errNoSearch(search bool) error {
	if search {
		return nil
	}
	return errSearch
}
