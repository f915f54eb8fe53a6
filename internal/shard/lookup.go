package shard

import (
	"sort"
	"strconv"

	"github.com/factcheckwidget/factcheck/internal/claimsearch"
	"github.com/factcheckwidget/factcheck/internal/engine"
	"github.com/factcheckwidget/factcheck/internal/index"
	"github.com/factcheckwidget/factcheck/internal/match"
)

// These calls serve the CLI and the API, not the widget (whose wasm does
// not link them).

// OpenForSearch is Open for a reader that also runs Search (the API's
// claims:search): it reads keyword buckets too.
func OpenForSearch(manifest []byte) (*Corpus, error) {
	c, err := Open(manifest)
	if err == nil {
		c.search, c.keywords = true, map[string][]int32{}
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
		as := engine.SentenceAnalyses(langs, s, engine.Options{Context: context})
		x, ids, need, err := c.check(key, as, func(ck *engine.Checker) []int {
			m := ck.Matcher()
			docs := m.FirstStage(m.PrepareContext(s, context), c.Pool)
			sort.Ints(docs)
			return docs
		})
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
		return nil, claimsearch.Result{}, need, errNoSearch(c.search)
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
	if len(n.names) > 0 || !c.search {
		return nil, claimsearch.Result{}, n.names, errNoSearch(c.search)
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
	for _, id := range ids {
		c.cards[id].fill(&c.records[id].claim)
	}
	x, err := c.claimsIndex(ids, c.queryLists(words, nil))
	if err != nil {
		return nil, claimsearch.Result{}, nil, err
	}
	return x, claimsearch.New(x).Search(f), nil, nil
}

func errNoSearch(search bool) error {
	if search {
		return nil
	}
	return errSearch
}
