package shard

import (
	"errors"
	"math/bits"
	"sort"
	"strconv"

	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/engine"
	"github.com/factcheckwidget/factcheck/internal/index"
	"github.com/factcheckwidget/factcheck/internal/lang"
	"github.com/factcheckwidget/factcheck/internal/text"
	"github.com/factcheckwidget/factcheck/internal/trust"
)

// DefaultPool is how many claims per sentence the first stage picks from
// the fetched lists to be fetched and ranked (Corpus.Pool). The matcher
// re-ranks 50 (match.Params.Candidates), but its dev MAP@5 on the three
// CheckThat! sets is the same from a sharded corpus whose first stage
// picked 20; docs/scale.md has the measurements.
const DefaultPool = 20

// Widening is how an article's check spares the records of claims no
// reader would see. Each sentence fetches the records of its first Scout
// candidates alone, and the page is checked on them
// (engine.Checker.ArticleLeads); then a sentence whose best candidate
// reaches page probability Page fetches all the candidates the matcher
// re-ranks (match.Params.Candidates, as on the whole index), one whose
// best candidate's sentence probability (what the page's density
// averages) reaches Density fetches its Pool, and the page is checked
// again on everything fetched. Most sentences of a page have no
// fact-check, and a third to two thirds of the records an article fetched
// were of their candidates (docs/scale.md).
type Widening struct {
	Scout         int
	Page, Density float64
}

// DefaultWidening was chosen on the 2022-2b train transcripts as pages
// (46,547 sentences; TestDevPagesSharded, FACTCHECK_SPLIT=train) against
// the whole index, which highlights 284 sentences, 101 rightly, with the
// matcher's 20 candidates (match.DefaultParams; 285 and 101 with 50):
//   - Scout 3, Page 0.02, Density 0.2: 286 highlighted (101 right), 12
//     sentences shown otherwise, 2,984 records a transcript. A sentence
//     widened for its page probability then fetches its Pool, as one
//     widened for its sentence probability does.
//
// With 30 candidates: 288 (101), 13, 3,259; Page 0.015: 287 (101), 14,
// 3,514; Page 0.01: 285 (102), 8, 4,019; Density 0.1: 283 (100), 12,
// 3,663.
//
// It was chosen when the matcher re-ranked 50 candidates:
//   - Scout 3, Page 0.02, Density 0.2: 285 highlighted (101 right), 8
//     sentences shown otherwise, 3,731 records a transcript (with 4-gram
//     lists of 10 postings, Options.Keep: 286 (103), 9, 3,787);
//   - fetching a Page sentence's Pool first and all only if its page
//     probability on those still reaches 0.01: 286 (103), 9, 3,751, and
//     over the dev slices 4-5 % fewer bytes, but one page check and one
//     round more, and the bench's two articles fetched the same bytes
//     with it (docs/scale.md); not done;
//   - without widening (20 of each sentence): 284 (102), 7, 6,105;
//   - Scout 5: 285 (101), 10, 3,848; Scout 8, Page 0.05: 282 (100), 11;
//   - Page 0.05: 283 (99), 12, 3,111; Page 0.01 (Scout 5): 281 (101), 14;
//   - Density 0.3 (Scout 5): 283 (102), 14;
//   - no density widening (Scout 5, Page 0.05), on the dev transcripts: 23
//     highlighted (8 right) against the whole index's 18 (7): a page's
//     density rose 5-9 % (a sentence short of its runner-up candidates
//     looks surer), and sentences the whole index leaves silent lit up;
//   - Page sentences widened to Pool alone (Scout 3): 277 (96), 16; to
//     Pool below 0.1 and to all from 0.1: 277 (96), 14.
//
// On the 2022-2b dev transcripts (18,223 sentences) it shows one sentence
// more than the whole index (19 highlighted, 7 right, against 18 and 7),
// with 20 candidates as with 50.
var DefaultWidening = Widening{Scout: 3, Page: 0.02, Density: 0.2}

// Corpus reads a sharded corpus. It holds the manifest and the parts added
// so far (memory grows with what was fetched, never with the corpus), and
// answers a check once it has every part the check needs; until then the
// check returns the names of the parts to fetch and Add. It is not safe
// for concurrent use.
type Corpus struct {
	m        *Manifest
	got      map[string]bool              // parts added
	lists    map[string]*termList         // by listKey
	codes    [index.NumFields]postingCode // how each field's postings are coded
	records  map[int32]*record            // fetched claims by claim id
	cards    map[int32]*card              // fetched cards by claim id
	sections map[string][]byte
	packCode *packCode          // from the sections: how record chunks are coded
	names    *trust.Lexicon     // the lexicon's names the fetched parts carry (names.go)
	langs    *lang.Corpus       // from the sections: how to read a page and analyse a claim
	keywords map[string][]int32 // keyword buckets (OpenForSearch)
	// readKeywords reads a keyword bucket; set by OpenForSearch (nil: the
	// corpus does not search), so that the widget's wasm, which never
	// searches, links none of it.
	readKeywords func(*reader)
	// searchIx is the *searchIndex searches reuse (lookup.go), held as any
	// so that the widget's wasm, which never searches, links none of it.
	searchIx any
	// Pool is how many candidates per sentence are fetched (DefaultPool).
	Pool int
	// Widen is how an article's sentences fetch their candidates
	// (DefaultWidening).
	Widen Widening
	// The last first-stage choice, so the calls of one check that wait for
	// parts do not repeat it: each sentence's candidates (best first), the
	// claims whose records the check reads, and whether its sentences were
	// widened.
	lastKey   string
	lastIDs   []int32 // the claim of each document of the lists' index (ascending)
	lastLists [][]int // each sentence's candidates, documents of that index
	picked    []bool  // by document: the check reads its claim's record
	lastPick  []int32 // the claims picked, ascending
	widened   bool
	// The last answer, kept while its claims' cards are fetched.
	pending *answered
	// What every round of the last check reads (reading).
	cur *reading
}

// reading is what every round of one check reads, analysed at its first:
// the check's key, its article (CheckArticle's; nil for a sentence) and
// the terms of its sentences.
type reading struct {
	key          string
	article      *engine.Article
	stems, grams []string
	// lists are the fetched lists of stems and grams, once every one is
	// at hand: each round after that reads them again (the second claims
	// index adds only the stems of the claims widening brings).
	lists *queryLists
}

// read returns the reading of the check key, which analyse gives (the
// article, if any, and the analysed sentences) at the check's first round.
func (c *Corpus) read(key string, analyse func() (*engine.Article, []*text.Analysis)) *reading {
	if c.cur == nil || c.cur.key != key {
		a, as := analyse()
		stems, grams := termsOf(as)
		c.cur = &reading{key: key, article: a, stems: stems, grams: grams}
	}
	return c.cur
}

// Open reads a manifest (decompressed).
func Open(manifest []byte) (*Corpus, error) {
	m, err := DecodeManifest(manifest)
	if err != nil {
		return nil, err
	}
	c := &Corpus{m: m, got: map[string]bool{}, lists: map[string]*termList{}, records: map[int32]*record{}, cards: map[int32]*card{}, names: trust.NewLexicon(), Pool: DefaultPool, Widen: DefaultWidening}
	for f := range c.codes {
		fi := &m.Fields[f]
		c.codes[f] = postingCode{lengthTable(fi.AvgLen, fi.LengthStep, fi.LengthBits), fi.codes}
	}
	return c, nil
}

// Manifest returns the corpus's manifest.
func (c *Corpus) Manifest() *Manifest { return c.m }

// Add checks and keeps a fetched part (decompressed), under the name the
// check that needed it gave.
func (c *Corpus) Add(name string, data []byte) error {
	if err := c.add(name, data); err != nil {
		return &PartError{Name: name, Err: err}
	}
	c.got[name] = true
	return nil
}

var (
	errName = errors.New("not the name of a part of this corpus")
	// Records are unpacked with the dictionary in the sections part.
	errRecordsFirst = errors.New("record part added before the sections part")
)

func (c *Corpus) add(name string, data []byte) error {
	b := c.m.Build
	if len(name) < len(b)+2 || name[:len(b)+1] != b+"/" {
		return errName
	}
	kind, n := name[len(b)+1], 0
	if kind != kindSections {
		var ok bool
		if n, ok = text.Digits(name[len(b)+2:]); !ok {
			return errName
		}
	}
	if name != partName(b, kind, n) || n >= c.parts(kind) {
		return errName
	}
	r, err := openPart(data, kind, n)
	if err != nil {
		return err
	}
	claims := c.m.Claims
	switch kind {
	case kindStems:
		r.bucket([]int{index.FieldClaim, index.FieldTitle}, claims, &c.codes, c.lists)
		r.bucket([]int{index.FieldClaimChars}, claims, &c.codes, c.lists) // the 4-grams homed here
		r.readNames(c.names)
	case kindGrams:
		r.bucket([]int{index.FieldClaimChars}, claims, &c.codes, c.lists)
	case kindCommon:
		r.commonGrams(claims, c.lists)
	case kindChunk:
		if c.packCode == nil {
			return errRecordsFirst
		}
		src, ok := openPacked(c.packCode, data[partHeaderLen:len(data)-4])
		if !ok {
			return errCorrupt
		}
		body, ok := unpack(c.sections[recordsDictionary], src)
		if !ok {
			return errCorrupt
		}
		r = newReader(body)
		first := n * c.m.Chunk
		r.chunk(first, min(c.m.Chunk, claims-first), claims, c.records, c.names)
	case kindCards:
		first := n * c.m.CardChunk
		r.cards(first, min(c.m.CardChunk, claims-first), c.cards)
	case kindSections:
		c.sections = r.sections()
		var ok bool
		if c.packCode, ok = readPackCode(c.sections[recordsCodes]); !ok {
			return errCorrupt
		}
		if b, ok := c.sections[namesSection]; ok {
			nr := newReader(b)
			nr.readNames(c.names)
			if err := nr.Done(); err != nil {
				return err
			}
		}
	case kindKeywords:
		c.readKeywords(r)
	}
	return r.Done()
}

// parts is how many parts of a kind the corpus has (0: none to read).
func (c *Corpus) parts(kind byte) int {
	switch kind {
	case kindStems:
		return c.m.StemBuckets
	case kindGrams:
		return c.m.GramBuckets
	case kindCommon:
		return 1
	case kindChunk:
		return c.m.Chunks()
	case kindCards:
		return c.m.CardChunks()
	case kindSections:
		if c.m.Sections {
			return 1
		}
	case kindKeywords:
		if c.readKeywords != nil {
			return c.m.KeywordBuckets
		}
	}
	return 0
}

// languages returns what the corpus knows of its languages, once the
// sections part (which carries the index's "lang" section) is here; until
// then, its name. A page is analysed in its language before the parts its
// words need can be named. A section that cannot be read is read as the
// index reads it: every text as English.
func (c *Corpus) languages() (*lang.Corpus, []string) {
	if name := partName(c.m.Build, kindSections, 0); c.m.Sections && !c.got[name] {
		return nil, []string{name}
	}
	if c.langs == nil {
		l, err := lang.NewCorpus(c.sections[lang.SectionName], c.m.Claims, nil)
		if err != nil {
			l, _ = lang.NewCorpus(nil, c.m.Claims, nil)
		}
		c.langs = l
	}
	return c.langs, nil
}

// needs collects the names of the parts a check lacks, once each.
type needs struct {
	c     *Corpus
	names []string
	seen  map[string]bool
}

func (c *Corpus) newNeeds() *needs {
	n := &needs{c: c, seen: map[string]bool{}}
	if c.m.Sections {
		n.add(kindSections, 0)
	}
	return n
}

func (n *needs) add(kind byte, i int) {
	if name := partName(n.c.m.Build, kind, i); !n.c.got[name] && !n.seen[name] {
		n.seen[name] = true
		n.names = append(n.names, name)
	}
}

// terms are the distinct terms of analysed sentences by field: stems (the
// claim and title fields look up the same) and 4-grams.
func termsOf(as []*text.Analysis) (stems, grams []string) {
	seen := map[string]bool{}
	for _, a := range as {
		qt := index.QueryTerms(a)
		for f, ts := range [][]string{qt[index.FieldClaim], qt[index.FieldClaimChars]} {
			for _, t := range ts {
				if k := listKey(f, t); !seen[k] {
					seen[k] = true
					if f == 0 {
						stems = append(stems, t)
					} else {
						grams = append(grams, t)
					}
				}
			}
		}
	}
	return stems, grams
}

// queryLists are the fetched lists of a check's terms, and the whole
// corpus's document frequencies of its terms.
type queryLists struct {
	keys []string // listKey of each known term
	df   [index.NumFields]map[string]uint32
}

func (c *Corpus) queryLists(stems, grams []string) *queryLists {
	q := &queryLists{keys: make([]string, 0, 2*len(stems)+len(grams))}
	for f, n := range [index.NumFields]int{index.FieldClaim: len(stems), index.FieldTitle: len(stems), index.FieldClaimChars: len(grams)} {
		q.df[f] = make(map[string]uint32, n)
	}
	add := func(f int, t string) {
		if l := c.lists[listKey(f, t)]; l != nil && l.df > 0 {
			q.keys = append(q.keys, listKey(f, t))
			q.df[f][t] = l.df
		}
	}
	for _, t := range stems {
		add(index.FieldClaim, t)
		add(index.FieldTitle, t)
	}
	for _, t := range grams {
		add(index.FieldClaimChars, t)
	}
	return q
}

// postingsIndex is the partial index of the fetched lists of a check's
// terms: what its first stage picks candidates from. ids maps its
// documents to claim ids.
func (c *Corpus) postingsIndex(q *queryLists) (*index.Index, []int32, error) {
	// The claims the lists name, as a bitmap over the corpus's claims (one
	// bit a claim; a sort of the ~200,000 postings of an article cost more
	// than the first stage), with each word's count of the claims before
	// it, so that a claim's document number is a count of bits.
	seen := make([]uint64, (c.m.Claims+63)/64)
	for _, k := range q.keys {
		ps := c.lists[k].postings
		for i := 0; i < len(ps); i += 3 {
			seen[ps[i]/64] |= 1 << (ps[i] % 64)
		}
	}
	before := make([]int32, len(seen))
	n := 0
	for _, w := range seen {
		n += bits.OnesCount64(w)
	}
	ids := make([]int32, 0, n)
	for w, bitsSet := range seen {
		before[w] = int32(len(ids))
		for b := bitsSet; b != 0; b &= b - 1 {
			ids = append(ids, int32(w*64+bits.TrailingZeros64(b)))
		}
	}
	docOf := func(id uint32) int32 {
		return before[id/64] + int32(bits.OnesCount64(seen[id/64]&(1<<(id%64)-1)))
	}
	var docLen [index.NumFields][]uint32
	var lists [index.NumFields][]index.TermList
	var perField [index.NumFields]int
	postings := 0
	for _, k := range q.keys {
		perField[k[0]-'0']++
		postings += len(c.lists[k].postings) / 3
	}
	for f := range docLen {
		docLen[f] = make([]uint32, len(ids))
		lists[f] = make([]index.TermList, 0, perField[f])
	}
	// Every list's documents and frequencies in one array each: a few
	// thousand lists, two allocations.
	docs, tfs := make([]int32, 0, postings), make([]uint32, 0, postings)
	for _, k := range q.keys {
		f, ps := int(k[0]-'0'), c.lists[k].postings
		l := index.TermList{Term: k[1:], DF: c.lists[k].df, Docs: docs[len(docs) : len(docs) : len(docs)+len(ps)/3], TFs: tfs[len(tfs) : len(tfs) : len(tfs)+len(ps)/3]}
		docs, tfs = docs[:len(docs)+len(ps)/3], tfs[:len(tfs)+len(ps)/3]
		for i := 0; i < len(ps); i += 3 {
			d := docOf(ps[i])
			l.Docs, l.TFs = append(l.Docs, d), append(l.TFs, ps[i+1])
			docLen[f][d] = ps[i+2]
		}
		lists[f] = append(lists[f], l)
	}
	x, err := index.FromPostings(c.m.Stats(), docLen, lists)
	if err == nil {
		x.Sections = c.sections // the first stage reads the page in the language round two will
	}
	return x, ids, err
}

var errAnalyser = errors.New("a claim's words differ from those the corpus was built with (built by another version?)")

// claimsIndex is the partial index of the fetched claims ids (sorted),
// scored with the whole corpus's statistics for them and q's terms. Its
// 4-gram field is empty unless grams (the keyword search reads words only,
// and the claims' 4-grams are most of the index's work).
func (c *Corpus) claimsIndex(ids []int32, q *queryLists, grams bool) (*index.Index, error) {
	docs := make([]index.PartialDoc, len(ids))
	firstOf := map[int32]int32{} // duplicate group -> its first claim here
	var kept []string            // the query's 4-grams of the claims, in arrays of 4,096 or more
	for i, id := range ids {
		rec := c.records[id]
		if rec.terms == nil {
			t := index.ClaimTerms(&rec.claim, c.langs.Analyzer(lang.ClaimBase(rec.claim.Language)))
			rec.terms = &t
		}
		stems := rec.terms[index.FieldClaim]
		if len(stems) != len(rec.df) {
			return nil, errAnalyser
		}
		for j, s := range stems {
			q.df[index.FieldClaim][s] = rec.df[j]
		}
		g, ok := firstOf[rec.dup]
		if !ok {
			g = int32(i)
			firstOf[rec.dup] = g
		}
		docs[i] = index.PartialDoc{Claim: &rec.claim, Terms: *rec.terms, Dup: g}
		// A claim's 4-grams count only where a query has them (BM25 sums
		// over the query's terms; nothing else reads the field), so the
		// index holds those alone, with the claim's length in the field
		// (a native article check: 64 -> 54 ms, a fifth fewer allocations).
		all := rec.terms[index.FieldClaimChars]
		docs[i].Terms[index.FieldClaimChars], docs[i].Len[index.FieldClaimChars] = nil, uint32(len(all))
		if grams {
			if cap(kept)-len(kept) < len(all) { // a new array: the claims before keep theirs
				kept = make([]string, 0, max(len(all), 4096))
			}
			start := len(kept)
			for _, t := range all {
				if _, ok := q.df[index.FieldClaimChars][t]; ok {
					kept = append(kept, t)
				}
			}
			docs[i].Terms[index.FieldClaimChars] = kept[start:len(kept):len(kept)]
		}
	}
	x, err := index.BuildPartial(docs, c.m.Stats(), q.df)
	if err != nil {
		return nil, err
	}
	for k, v := range c.m.Meta {
		x.Meta[k] = v
	}
	x.Sections = c.sections
	return x, nil
}

// check runs the first three rounds of the check rd reads: the stem
// buckets and the common 4-grams, then the buckets of the
// 4-grams not found in them (doc.go), then the records of the claims
// first ranks from the lists for each sentence: the first take of each
// sentence's candidates, and those widen added. Once it has them all, it
// returns the index to check on and the claim id of each of its
// documents; until then, the parts to fetch.
func (c *Corpus) check(rd *reading, first func(*engine.Checker) [][]int, take int) (*index.Index, []int32, []string, error) {
	key, stems, grams := rd.key, rd.stems, rd.grams
	n := c.newNeeds()
	for _, t := range stems {
		n.add(kindStems, bucketOf(t, c.m.StemBuckets))
	}
	n.add(kindCommon, 0)
	if len(n.names) > 0 {
		return nil, nil, n.names, nil
	}
	for _, t := range grams { // those neither common nor homed in the stems' buckets
		if c.lists[listKey(index.FieldClaimChars, t)] == nil {
			n.add(kindGrams, bucketOf(t, c.m.GramBuckets))
		}
	}
	if len(n.names) > 0 {
		return nil, nil, n.names, nil
	}
	if rd.lists == nil {
		rd.lists = c.queryLists(stems, grams)
	}
	if key != c.lastKey {
		x, ids, err := c.postingsIndex(rd.lists)
		if err != nil {
			return nil, nil, nil, err
		}
		c.lastIDs, c.lastLists = ids, first(c.engine(x))
		c.picked = make([]bool, len(ids))
		for _, docs := range c.lastLists {
			c.pick(docs[:min(len(docs), take)])
		}
		c.collect()
		c.lastKey, c.widened = key, false
	}
	for _, id := range c.lastPick {
		n.add(kindChunk, int(id)/c.m.Chunk)
	}
	if len(n.names) > 0 {
		return nil, nil, n.names, nil
	}
	x, err := c.claimsIndex(c.lastPick, rd.lists, true)
	return x, c.lastPick, nil, err
}

// engine is the one engine over an index of fetched parts, with the
// corpus's names those parts carry.
func (c *Corpus) engine(x *index.Index) *engine.Checker {
	return engine.NewWithNames(x, c.names)
}

// widen adds to the claims the last check reads the candidates its
// sentences' leads call for (Widening); it reports whether that adds any.
// A check widens once: its caller tests c.widened before computing the
// leads, a page check of its own.
func (c *Corpus) widen(leads []engine.Lead) bool {
	c.widened = true
	n := len(c.lastPick)
	for i, docs := range c.lastLists[:min(len(leads), len(c.lastLists))] {
		if l := leads[i]; l.Page >= c.Widen.Page {
			c.pick(docs)
		} else if l.Sentence >= c.Widen.Density {
			c.pick(docs[:min(len(docs), c.Pool)])
		}
	}
	c.collect()
	return len(c.lastPick) > n
}

// pick marks documents of the last check's lists: their claims' records
// are to be read.
func (c *Corpus) pick(docs []int) {
	for _, d := range docs {
		c.picked[d] = true
	}
}

// collect lists the claims of the marked documents, ascending.
func (c *Corpus) collect() {
	c.lastPick = c.lastPick[:0]
	for d, p := range c.picked {
		if p {
			c.lastPick = append(c.lastPick, c.lastIDs[d])
		}
	}
}

// cardSlot is a claim of an answer that its card fills: its claim id and
// where the answer holds it.
type cardSlot struct {
	id    int32
	claim *claim.Claim
}

// answered is an answer waiting for its claims' cards.
type answered struct {
	key    string
	answer any
	slots  []cardSlot
}

// finish runs the last round of a check: the answer, computed once by
// compute (which may still name parts to fetch first), then the cards of
// the claims it returns, filled in.
func (c *Corpus) finish(key string, compute func() (any, []cardSlot, []string, error)) (any, []string, error) {
	if c.pending == nil || c.pending.key != key {
		a, slots, need, err := compute()
		if a == nil || err != nil {
			return nil, need, err
		}
		c.pending = &answered{key, a, slots}
	}
	n := c.newNeeds()
	for _, s := range c.pending.slots {
		n.add(kindCards, int(s.id)/c.m.CardChunk)
	}
	if len(n.names) > 0 {
		return nil, n.names, nil
	}
	p := c.pending
	c.pending = nil
	for _, s := range p.slots {
		c.cards[s.id].fill(s.claim)
	}
	return p.answer, nil, nil
}

// optionsKey tells apart the options of two checks of the same text.
func optionsKey(opt engine.Options) string {
	all := "0"
	if opt.All {
		all = "1"
	}
	return opt.Lang + "\x00" + opt.Date + "\x00" + strconv.Itoa(opt.MaxMatches) + "\x00" + all + "\x00" + opt.Context
}

// CheckArticle is engine.Checker.CheckArticle on the sharded corpus: the
// sentences, or the parts to fetch first.
func (c *Corpus) CheckArticle(article string, opt engine.Options) ([]engine.Sentence, []string, error) {
	langs, need := c.languages()
	if need != nil {
		return nil, need, nil
	}
	key := "a\x00" + optionsKey(opt) + "\x00" + article // the options change the leads
	a, need, err := c.finish(key, func() (any, []cardSlot, []string, error) {
		rd := c.read(key, func() (*engine.Article, []*text.Analysis) {
			a := engine.ReadArticle(langs, article, opt)
			return a, a.Analyses()
		})
		read := rd.article
		first := func(ck *engine.Checker) [][]int {
			return ck.ArticleCandidates(read, max(c.Pool, ck.Matcher().Params().Candidates))
		}
		take := c.Pool
		if !opt.All { // with All every candidate is shown: no sentence is silent
			take = min(c.Widen.Scout, c.Pool)
		}
		x, ids, need, err := c.check(rd, first, take)
		if x != nil && !c.widened && c.widen(c.engine(x).ArticleLeads(read, opt)) {
			x, ids, need, err = c.check(rd, first, take)
		}
		if x == nil {
			return nil, nil, need, err
		}
		out := c.engine(x).CheckRead(read, opt)
		var slots []cardSlot
		for i := range out {
			slots = matchSlots(slots, out[i].Matches, ids)
		}
		return out, slots, nil, nil
	})
	if a == nil {
		return nil, need, err
	}
	return a.([]engine.Sentence), nil, nil
}

// CheckSentence is engine.Checker.CheckSentence on the sharded corpus.
func (c *Corpus) CheckSentence(s string, opt engine.Options) ([]engine.Match, []string, error) {
	langs, need := c.languages()
	if need != nil {
		return nil, need, nil
	}
	key := "s\x00" + opt.Lang + "\x00" + opt.Context + "\x00" + s
	a, need, err := c.finish(key+"\x00"+optionsKey(opt), func() (any, []cardSlot, []string, error) {
		rd := c.read(key, func() (*engine.Article, []*text.Analysis) { return nil, engine.SentenceAnalyses(langs, s, opt) })
		x, ids, need, err := c.check(rd, func(ck *engine.Checker) [][]int {
			return ck.SentenceCandidates(s, opt, c.Pool)
		}, c.Pool)
		if x == nil {
			return nil, nil, need, err
		}
		out := c.engine(x).CheckSentence(s, opt)
		return out, matchSlots(nil, out, ids), nil, nil
	})
	if a == nil {
		return nil, need, err
	}
	return a.([]engine.Match), nil, nil
}

// matchSlots appends the card slots of matches, whose Doc are documents
// of the index of claims ids, and makes each Doc the claim's id in the
// corpus, as on the whole index.
func matchSlots(slots []cardSlot, ms []engine.Match, ids []int32) []cardSlot {
	for i := range ms {
		ms[i].Doc = int(ids[ms[i].Doc])
		slots = append(slots, cardSlot{int32(ms[i].Doc), ms[i].Claim})
	}
	return slots
}

// sortedSet sorts ids and drops repeats, in place. (sort.Slice rather than
// the generic slices.Sort: each generic instantiation adds a sort's code to
// the widget's wasm.)
func sortedSet(ids []int32) []int32 {
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	out := ids[:0]
	for i, id := range ids {
		if i == 0 || id != ids[i-1] {
			out = append(out, id)
		}
	}
	return out
}
