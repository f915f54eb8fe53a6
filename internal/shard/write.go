package shard

import (
	"encoding/binary"
	"encoding/hex"
	"errors"
	"hash/fnv"
	"math"
	"runtime"
	"slices"
	"sort"
	"sync"

	"github.com/factcheckwidget/factcheck/internal/binfmt"
	"github.com/factcheckwidget/factcheck/internal/index"
	"github.com/factcheckwidget/factcheck/internal/match"
	"github.com/factcheckwidget/factcheck/internal/trust"
)

// Options of Cut.
type Options struct {
	// Keep is how many postings of a term each field keeps, best BM25
	// impact first; 0 keeps none (the term's document frequency only).
	Keep [index.NumFields]int
	// StemsPerBucket, GramsPerBucket and KeywordsPerBucket set the
	// bucket counts: the smallest power of two giving at most this many
	// terms per bucket on average. Fewer terms per bucket fetch fewer
	// unneeded lists, more make fewer requests and files.
	StemsPerBucket, GramsPerBucket, KeywordsPerBucket int
	// LengthBits is how many bits a posting of each field gives the
	// claim's length in the field, for the first stage's length
	// normalisation (0 to 8; 0: none).
	LengthBits [index.NumFields]int
	// GramPostingsShare: 4-grams in a larger share of the claims, and in
	// more claims than the 4-gram field keeps postings of, are common: the
	// first stage reads no postings of them, and their document
	// frequencies are in one part every check fetches. The matcher's own
	// share (match.Params.MaxDFShare) bounds it.
	GramPostingsShare float64
	// Chunk is how many claims a record chunk holds, CardChunk how many a
	// card chunk holds.
	Chunk, CardChunk int
	// Dictionary bounds the bytes of the dictionary records are packed
	// against (pack.go; 0: none).
	Dictionary int
	// GramHomeShare: only 4-grams in at least this share of the claims
	// are also stored at their home stem (homes.go).
	GramHomeShare float64
	// Reorder numbers claims that share words close together
	// (order.go) before the corpus is cut: smaller posting lists, the
	// same answers.
	Reorder bool
	// Progress, when not nil, is called with the parts made so far.
	Progress func(done, total int)
}

// DefaultOptions are the options `factcheck index --shards` uses. Where
// they come from (docs/scale.md; TestDevMAPSharded, TestArticleBytes and
// make bench):
//
//   - Keep 2500 claim-stem, 300 title-stem and 10 4-gram postings. The
//     claim-stem cut is what costs at 300,000 claims. With today's
//     format and 20 candidates a sentence, the 2022-2b train queries'
//     MAP@5 there (without / with context; whole index 0.321 / 0.335) is
//     0.310 / 0.325 with 2,000 claim-stem postings, 0.319 / 0.332 with
//     2,250, 0.320 / 0.334 with 2,500, 0.318 / 0.332 with 2,750, 0.317 /
//     0.330 with 3,000 and 0.318 / 0.332 with 3,500, for 697, 723, 747,
//     768, 788 and 824 kB an article (the 1,000-word dev slices); on dev
//     2,500 gives 0.211 / 0.250 against 0.209 / 0.249 with 3,000 (whole
//     0.221 / 0.258). At 19,250 claims 2,500 and 3,000 rank and show the
//     same. Before that (50 candidates, older formats): 2022-2b dev
//     MAP@5 with context, sharded against 0.256 whole, was 0.229 with
//     1,000 claim-stem postings, 0.230 with 2,000, 0.248 with 3,000,
//     0.237 with title lists uncut, 0.262 with both stem fields uncut,
//     and 0.258 with nothing cut; on train 0.308 with 1,000 and 0.330
//     with 3,000 against 0.334. The first stage barely needs 4-gram
//     postings (words find the candidates; the 4-grams weigh in when
//     ranking, from every claim's own record): on the train queries
//     MAP@5 at 19,250 claims (2020-2, 2022-2a, 2022-2b, 2022-2b with
//     context) is 0.870, 0.861, 0.507, 0.520 with 100, 0.870, 0.861,
//     0.505, 0.519 with 25, 0.871, 0.862, 0.504, 0.519 with 10 and
//     0.870, 0.861, 0.503, 0.517 with none; at 300,000 claims 0.332 with 10 against 0.330 with 100 (with
//     context). On dev, 10 gives 0.822, 0.833, 0.370, 0.423 against 100's
//     0.829, 0.833, 0.370, 0.423 (whole: 0.833, 0.841, 0.366, 0.419), and
//     0.249 at 300,000 claims against 0.248. An article fetches 0.42 MB
//     instead of 0.50 at 19,250 claims (TestArticleBytes; 0.45 with 50,
//     0.44 with 25, 0.38 with none) and 1.35 MB instead of 1.57 at
//     300,000, showing what it showed (19 of 19 slices as the whole index
//     at 19,250; on the train transcripts 286 highlighted, 103 right,
//     against the whole index's 285 and 101).
//   - 1 stem and 2 4-grams a bucket (stems: 2 until format version 5),
//     1 claim a record chunk: a 1,000-word
//     article touches ~330 stems, ~2,600 4-grams and ~1,100 candidate
//     claims, of which it shows a few. Over 1,000-word slices of the 19
//     dev debates (TestArticleBytes), 4 and 8 terms a bucket and 4 whole
//     claims a chunk fetched 2.45 MB in 3,219 files an article (4-gram
//     buckets 1.41 MB, chunks 0.80 MB); this layout with records and
//     cards apart and one-byte lengths fetches 1.27 MB in 3,538 files
//     (4-grams 0.82 MB, records 0.24 MB, stems 0.17 MB; 1.22 MB with gzip
//     wherever it shrinks a part, shardio.Compress), and shows the same.
//     1 term a bucket saves 8 % more for 63 % more stored files (105,870
//     against 64,910); 2 claims a record chunk cost 0.14 MB more.
//     Requests cost about 1 ms each in Chromium here. With version 5
//     (records packed, names spread, 4-grams homed from 0.05 %), 1 stem a
//     bucket instead of 2 fetches 312 kB instead of 330 at 19,250 claims
//     and 1.122 MB instead of 1.156 at 300,000 in 3 and 1 more files (a
//     page's stems rarely share a bucket either way; a bucket of 2 holds
//     a stem the page lacks), for 12 % and 7 % more stored files (74,908
//     and 484,959).
//   - Lengths in 4 bits in the stem lists and none in the 4-gram lists
//     (format version 3, bit-packed postings): the same slices fetch
//     0.82 MB (4-grams 0.41 MB, stems 0.13 MB, records 0.24 MB) and show
//     the same, with the dev MAP@5 above unchanged. Version 2's byte of
//     length everywhere fetched 1.27 MB, 6 bits everywhere 1.00 MB, 4 bits
//     0.93 MB, none 0.81 MB. The first stage's length normalisation of the
//     4-grams costs the 300,000-claim corpus candidates: its sharded MAP@5
//     with context is 0.219 with 6 bits everywhere, 0.224 with 4, 0.233
//     with 4 bits for stems only and 0.235 with none (whole: 0.256); at
//     19,250 claims none loses 0.005-0.009 on 2022-2b, 4 bits for stems
//     nothing.
//   - 4-grams homed in the stem buckets (homes.go, format version 4), and
//     postings only for those in at most 0.3 % of claims (or in no more
//     claims than a list keeps, 100 then; the matcher's own bound is
//     10 %): the slices fetch 0.59 MB in 1,675 files (4-gram buckets 321
//     files, 38 kB; stem buckets 241 kB; common 4-grams 20 kB) against
//     0.82 MB in 3,543 files, and show the same; TestDevPagesSharded's
//     18,223 sentences show the same. MAP@5: 0.829, 0.833, 0.370, 0.423
//     at 19k; 0.229 at 300k with 1,000 claim-stem postings (0.233 with
//     4-gram postings up to 10 %). Postings up
//     to 1 % fetch 0.68 MB in 1,857 files with the same pages, MAP@5
//     0.228 at 300k; up to 3 %, 0.82 MB in 2,244 files. The common
//     4-grams' part is ~80 kB (8,832 4-grams) at 300k with 0.3 %, 36 kB
//     with 1 %; it is bounded by the 4-grams a claim has over the share,
//     not by the corpus.
//   - 20 candidates a sentence (Corpus.Pool): 10 fetch 0.47 MB (records
//     0.13 MB in 581 files against 0.25 MB in 1,092) but lose 0.010 of
//     2022-2b MAP@5 with context at 19k, and 2 of the 18,223 dev
//     sentences show something else; 15: one slice of 19 shows something
//     else. At 300k (1,000 claim-stem postings), 10, 15 and 20 give
//     0.226, 0.232 and 0.229.
//   - 8 claims a card chunk: a check fetches the cards of the few claims
//     it shows (0.4 kB an article), but a search those of every claim
//     holding a query word. On PolitiFact, "South Korea troops" (211
//     claims) fetches 187 kB with 8 a chunk and 349 kB with 32, in about
//     as many files (407 and 381).
//   - 4 stems a keyword bucket: keyword buckets serve claims:search only.
//   - Records packed against a dictionary of 16 KiB (format version 5,
//     pack.go): over the same slices records fetch 104 kB instead of 162
//     at 19,250 claims, for 6.5 kB more in the sections part every page
//     fetches (372 kB an article instead of 423); 8 KiB and 32 KiB fetch
//     375 and 375 kB (learned from 10,000 records; from 4,000, 0.1 %
//     more). At 300,000 claims records fetch 201 kB instead of 287.
//     Packing is lossless: pages and MAP@5 are unchanged.
//   - The packed records in three prefix codes fitted to the sample
//     (format version 7, packcode.go): over the same slices records fetch
//     58 kB instead of 71 at 19,250 claims (an article 216 kB instead of
//     229, the largest 278 kB instead of 308), 90 kB instead of 110 at
//     300,000 (788 kB instead of 807, the largest 928 kB instead of 941),
//     for 0.4 kB more in the sections part. Lossless.
//   - 4-grams homed only from 0.05 % of claims (10 at 19,250): a stem
//     bucket carries the lists of every 4-gram homed at its stems, and a
//     page rarely has the rarest. Over the slices (with names spread,
//     names.go), homing all fetched 348 kB in 1,184 files an article at
//     19,250 claims and 1.195 MB in 1,736 at 300,000; from 0.05 %, 330 kB
//     with 47 more 4-gram bucket files and 1.156 MB with 45 more; from
//     0.1 %, 323 kB with 92 more and 1.149 MB with 83 more; homing none
//     (from 0.3 %) 312 kB with 222 more at 19,250 claims. A request costs
//     Chromium here about 1 ms (docs/scale.md): 0.05 % saves 0.4-0.9 kB
//     a request added, the step to 0.1 % 0.2 kB. Lossless: every page as
//     before.
//   - Claims reordered (order.go): over the slices, stem buckets fetch
//     120 kB instead of 125 at 19,250 claims and 651 kB instead of 707 at
//     300,000 (an article 263 kB instead of 269, 907 kB instead of 961),
//     with the same pages (19 of 19 slices as the whole index; 16 of 19 at
//     300,000, the same three otherwise as before), the same MAP@5 (0.822,
//     0.833, 0.370, 0.423 at 19,250; 0.249 with context at 300,000) and
//     the same dev transcripts as pages (19 highlighted, 7 right).
//     Ties of impact broken by the new numbers instead of the given order
//     fetched 7 kB more records at 300,000 claims (other cut lists, other
//     candidates). The order takes 7 s and the renumbering 5 s of the
//     300,000-claim build. A search fetches fewer parts too: six
//     PolitiFact queries (TestSearchBytes) 376 kB in 1,274 files each
//     instead of 497 kB in 1,529 ("South Korea troops" 125 kB instead of
//     141).
func DefaultOptions() Options {
	return Options{Keep: [index.NumFields]int{2500, 300, 10}, LengthBits: [index.NumFields]int{4, 4, 0}, GramPostingsShare: 0.003,
		GramHomeShare: 0.0005, StemsPerBucket: 1, GramsPerBucket: 2, KeywordsPerBucket: 4, Chunk: 1, CardChunk: 8, Dictionary: 16 << 10, Reorder: true}
}

// Part is a part made by Cut.
type Part struct {
	Name    string // relative to the build folder (s12, c3, x)
	Content []byte // not compressed
}

// Cut cuts x into the parts of a sharded corpus and returns its manifest.
// It calls emit for every part, from several goroutines at once, and
// stops at emit's first error. The manifest's Build is the hash of the
// parts' contents (BuildName); files and compression are the caller's
// (internal/shardio writes folders).
func Cut(x *index.Index, opt Options, emit func(Part) error) (*Manifest, error) {
	if x.NumClaims() == 0 {
		return nil, errors.New("shard: no claims")
	}
	if opt.Chunk <= 0 || opt.CardChunk <= 0 || opt.StemsPerBucket <= 0 || opt.GramsPerBucket <= 0 || opt.KeywordsPerBucket <= 0 {
		return nil, errors.New("shard: chunks and terms per bucket must be positive")
	}
	if opt.Dictionary < 0 {
		return nil, errors.New("shard: the records dictionary's size must not be negative")
	}
	if !(opt.GramHomeShare >= 0 && opt.GramHomeShare <= 1) {
		return nil, errors.New("shard: the share of claims of 4-grams homed must be within 0 and 1")
	}
	if !(opt.GramPostingsShare > 0 && opt.GramPostingsShare <= 1) {
		return nil, errors.New("shard: the share of claims of 4-grams with postings must be within 0 and 1")
	}
	for _, b := range opt.LengthBits {
		if b < 0 || b > maxLengthBits {
			return nil, errors.New("shard: length bits must be within 0 and 8")
		}
	}
	var origin []int
	if opt.Reorder {
		origin = similarOrder(x)
		y, err := index.Permuted(x, origin)
		if err != nil {
			return nil, err
		}
		x = y
	}
	p := match.DefaultParams()
	m := &Manifest{Meta: x.Meta, Claims: x.NumClaims(), Chunk: opt.Chunk, CardChunk: opt.CardChunk}
	// Lists no longer than the 4-gram field keeps are never cut, so the
	// share makes 4-grams common only where it would cut them anyway.
	n := float64(x.NumClaims())
	m.GramMaxDF = int(min(p.MaxDFShare*n, max(opt.GramPostingsShare*n, float64(opt.Keep[index.FieldClaimChars]))))
	for f := range m.Fields {
		m.Fields[f] = FieldInfo{Kind: index.Kind(f), AvgLen: x.Fields[f].AvgLen, K1: p.K1[f], B: p.B[f], Keep: opt.Keep[f], LengthBits: opt.LengthBits[f]}
		if opt.LengthBits[f] > 0 {
			m.Fields[f].LengthStep = lengthStepFor(opt.LengthBits[f])
		}
	}
	w := &writer{x: x, m: m, origin: origin}
	w.fitCodes()
	stems := w.stemVocabulary()
	m.StemBuckets = bucketsFor(len(stems), opt.StemsPerBucket)
	w.names = shardNames(x, m.StemBuckets)
	w.packRecords(opt.Dictionary)
	m.Sections = true // the records' codes at least
	chars := &x.Fields[index.FieldClaimChars]
	var rare, common []int
	for t := 0; t < chars.NumTerms(); t++ {
		if chars.DF(t) > m.GramMaxDF {
			common = append(common, t)
		} else {
			rare = append(rare, t)
		}
	}
	m.GramBuckets = bucketsFor(len(rare), opt.GramsPerBucket)
	m.KeywordBuckets = bucketsFor(len(stems), opt.KeywordsPerBucket)
	stemsIn := make([][]stemTerm, m.StemBuckets)
	keywordsIn := make([][]stemTerm, m.KeywordBuckets)
	for _, st := range stems {
		b := bucketOf(st.term, m.StemBuckets)
		stemsIn[b] = append(stemsIn[b], st)
		k := bucketOf(st.term, m.KeywordBuckets)
		keywordsIn[k] = append(keywordsIn[k], st)
	}
	// The buckets' jobs read gramsIn and homedIn when they run, after the
	// homes are learned below; the jobs are listed first so that the
	// progress line can start before that learning, which takes seconds.
	gramsIn, homedIn := make([][]int, m.GramBuckets), make([][]int, m.StemBuckets)
	jobs := []job{{kindCommon, 0, func() []byte { return w.commonGrams(common) }}}
	for b := range stemsIn {
		jobs = append(jobs, job{kindStems, b, func() []byte { return w.stemBucket(b, stemsIn[b], homedIn[b]) }})
	}
	for b := range keywordsIn {
		jobs = append(jobs, job{kindKeywords, b, func() []byte { return w.keywordBucket(b, keywordsIn[b]) }})
	}
	for b := range gramsIn {
		jobs = append(jobs, job{kindGrams, b, func() []byte { return w.gramBucket(b, gramsIn[b]) }})
	}
	for c := 0; c < m.Chunks(); c++ {
		jobs = append(jobs, job{kindChunk, c, func() []byte { return w.chunk(c) }})
	}
	for c := 0; c < m.CardChunks(); c++ {
		jobs = append(jobs, job{kindCards, c, func() []byte { return w.cards(c) }})
	}
	if m.Sections {
		jobs = append(jobs, job{kindSections, 0, w.sections})
	}
	if opt.Progress != nil {
		opt.Progress(0, len(jobs))
	}
	homes, claimStems := gramHomes(x, m.GramMaxDF), &x.Fields[index.FieldClaim]
	for _, t := range rare {
		b := bucketOf(chars.Term(t), m.GramBuckets)
		gramsIn[b] = append(gramsIn[b], t)
		if h := homes[t]; h != noHome && float64(chars.DF(t)) >= opt.GramHomeShare*n {
			b := bucketOf(claimStems.Term(int(h)), m.StemBuckets)
			homedIn[b] = append(homedIn[b], t)
		}
	}
	sums, err := runJobs(jobs, emit, opt.Progress)
	if err != nil {
		return nil, err
	}
	h := fnv.New64a()
	for i, j := range jobs {
		h.Write([]byte(partName("", j.kind, j.n)))
		h.Write(sums[i][:])
	}
	m.Build = hex.EncodeToString(h.Sum(nil))
	return m, nil
}

func bucketsFor(terms, perBucket int) int {
	n := 1
	for n*perBucket < terms {
		n *= 2
	}
	return n
}

// job makes one part.
type job struct {
	kind byte
	n    int
	make func() []byte
}

// runJobs makes the parts on every core, hands them to emit and returns
// the hash of each part's content.
func runJobs(jobs []job, emit func(Part) error, progress func(done, total int)) ([][8]byte, error) {
	sums := make([][8]byte, len(jobs))
	errs := make([]error, len(jobs))
	next := make(chan int)
	var mu sync.Mutex
	done, failed := 0, false
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				j := jobs[i]
				data := j.make()
				h := fnv.New64a()
				h.Write(data)
				binary.LittleEndian.PutUint64(sums[i][:], h.Sum64())
				errs[i] = emit(Part{Name: partName("", j.kind, j.n)[1:], Content: data})
				mu.Lock()
				done++
				failed = failed || errs[i] != nil
				if progress != nil {
					progress(done, len(jobs))
				}
				mu.Unlock()
			}
		}()
	}
	for i := range jobs {
		mu.Lock()
		stop := failed
		mu.Unlock()
		if stop {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	return sums, errors.Join(errs...)
}

type writer struct {
	x      *index.Index
	m      *Manifest
	codes  [index.NumFields][2][]uint32 // each field's posting symbols' codes, lists whole and cut (symbols.go)
	dict   []byte                       // the records dictionary (pack.go)
	packer *packer
	coder  *packCoder  // the packed records' codes (packcode.go)
	names  *nameShards // the lexicon's names spread over the parts (names.go); nil: kept whole
	origin []int       // origin[d]: claim d's place in the corpus as given (Options.Reorder); nil: d
}

// given is claim d's place in the corpus as given, which breaks ties
// between postings of equal impact as the whole index's order does.
func (w *writer) given(d int) int {
	if w.origin == nil {
		return d
	}
	return w.origin[d]
}

// stemTerm is a stem and its term ids in the claim and title fields (−1
// when the field lacks it).
type stemTerm struct {
	term   string
	claim  int
	titles int
}

// stemVocabulary merges the claim and title fields' sorted vocabularies.
func (w *writer) stemVocabulary() []stemTerm {
	a, b := &w.x.Fields[index.FieldClaim], &w.x.Fields[index.FieldTitle]
	var out []stemTerm
	i, j := 0, 0
	for i < a.NumTerms() || j < b.NumTerms() {
		switch {
		case j == b.NumTerms() || i < a.NumTerms() && a.Term(i) < b.Term(j):
			out = append(out, stemTerm{a.Term(i), i, -1})
			i++
		case i == a.NumTerms() || b.Term(j) < a.Term(i):
			out = append(out, stemTerm{b.Term(j), -1, j})
			j++
		default:
			out = append(out, stemTerm{a.Term(i), i, j})
			i++
			j++
		}
	}
	return out
}

// stemBucket is stem bucket n: its stems' lists, then those of the
// 4-grams homed there (homes.go).
func (w *writer) stemBucket(n int, terms []stemTerm, homed []int) []byte {
	b := binfmt.AppendUvarint(partHeader(), uint64(len(terms)))
	for _, st := range terms {
		b = binfmt.AppendString(b, st.term)
		b = w.appendList(b, index.FieldClaim, st.claim)
		b = w.appendList(b, index.FieldTitle, st.titles)
	}
	b = w.appendGrams(b, homed)
	var names []nameEntry
	if w.names != nil {
		names = w.names.inStems[n]
	}
	return sealPart(appendNames(b, names), kindStems, n)
}

// gramBucket is 4-gram bucket n.
func (w *writer) gramBucket(n int, terms []int) []byte {
	return sealPart(w.appendGrams(partHeader(), terms), kindGrams, n)
}

// commonGrams is the common 4-grams' part: terms (ascending ids: byte
// order) front-coded, then their document frequencies. Every page fetches
// it; over the dev slices at 19,250 claims it is 18.6 kB gzipped instead
// of 28.2 kB as a 4-gram bucket body (sorted 4-grams share most of their
// bytes with the one before, and the frequencies compress apart).
func (w *writer) commonGrams(terms []int) []byte {
	chars := &w.x.Fields[index.FieldClaimChars]
	b := binfmt.AppendUvarint(partHeader(), uint64(len(terms)))
	prev := ""
	for _, t := range terms {
		g := chars.Term(t)
		shared := 0
		for shared < min(len(g), len(prev), 255) && g[shared] == prev[shared] {
			shared++
		}
		b = binfmt.AppendString(append(b, byte(shared)), g[shared:])
		prev = g
	}
	for _, t := range terms {
		b = binfmt.AppendUvarint(b, uint64(chars.DF(t)))
	}
	return sealPart(b, kindCommon, 0)
}

// appendGrams writes the lists of 4-grams terms (ascending ids: byte
// order), with their count first.
func (w *writer) appendGrams(b []byte, terms []int) []byte {
	chars := &w.x.Fields[index.FieldClaimChars]
	b = binfmt.AppendUvarint(b, uint64(len(terms)))
	for _, t := range terms {
		b = w.appendList(binfmt.AppendString(b, chars.Term(t)), index.FieldClaimChars, t)
	}
	return b
}

// appendList writes term t's list in field f: its df and its best
// postings (doc.go), or an empty list for t < 0.
func (w *writer) appendList(b []byte, f, t int) []byte {
	if t < 0 {
		return append(b, 0, 0)
	}
	b = binfmt.AppendUvarint(b, uint64(w.x.Fields[f].DF(t)))
	ps := w.kept(f, t)
	b = binfmt.AppendUvarint(b, uint64(len(ps)))
	if len(ps) == 0 {
		return b
	}
	gaps := make([]uint64, len(ps))
	prev := -1
	for i, p := range ps {
		gaps[i] = uint64(p.doc - prev - 1)
		prev = p.doc
	}
	k := bestOrder(gaps)
	bw := bitWriter{b: make([]byte, 0, 3*len(ps))}
	bw.write(uint64(k), 5)
	cut := 0
	if len(ps) < w.x.Fields[f].DF(t) {
		cut = 1
	}
	lengths, code := w.m.Fields[f].Codes[cut], w.codes[f][cut]
	for i, p := range ps {
		bw.expGolomb(gaps[i], k)
		s := w.symbol(f, p)
		bw.write(uint64(code[s]), uint(lengths[s]))
		if p.tf > 1 {
			bw.expGolomb(uint64(p.tf-2), 0)
		}
	}
	block := bw.bytes()
	return append(binfmt.AppendUvarint(b, uint64(len(block))), block...)
}

// readByMatcher reports whether the matcher's first stage ever reads the
// postings of a term with document frequency df in field f: not those of
// idf 0 (in half the claims or more), nor 4-grams above its share.
func (w *writer) readByMatcher(f, df int) bool {
	n := float64(w.m.Claims)
	if math.Max(0, math.Log((n-float64(df)+0.5)/(float64(df)+0.5))) == 0 {
		return false
	}
	return f != index.FieldClaimChars || df <= w.m.GramMaxDF
}

func (w *writer) keywordBucket(n int, terms []stemTerm) []byte {
	b := binfmt.AppendUvarint(partHeader(), uint64(len(terms)))
	for _, st := range terms {
		var docs []int
		for f, t := range [...]int{index.FieldClaim: st.claim, index.FieldTitle: st.titles} {
			if t >= 0 {
				w.x.Fields[f].Postings(t, w.x.NumClaims(), func(doc, _ int) { docs = append(docs, doc) })
			}
		}
		sort.Ints(docs)
		docs = slices.Compact(docs) // in both fields
		b = binfmt.AppendString(b, st.term)
		b = binfmt.AppendUvarint(b, uint64(len(docs)))
		prev := -1
		for _, d := range docs {
			b = binfmt.AppendUvarint(b, uint64(d-prev-1))
			prev = d
		}
	}
	return sealPart(b, kindKeywords, n)
}

// recordSample bounds the records the dictionary is learned from: the
// dictionary's size, not the corpus's, bounds what it can hold. From
// 10,000 of PolitiFact's records instead, an article fetched 0.1 % fewer
// bytes, and building its shards peaked at 186-191 MB instead of 117-121
// (the phrase counts).
const recordSample = 4000

// packRecords learns the records dictionary and then the codes of the
// packed records from records spread over the corpus.
func (w *writer) packRecords(size int) {
	var sample [][]byte
	step := (w.m.Claims + recordSample - 1) / recordSample
	for c := 0; c < w.m.Chunks(); c += step {
		sample = append(sample, w.chunkBody(c))
	}
	if size > 0 {
		w.dict = trainDictionary(sample, size)
	}
	w.packer = newPacker(w.dict)
	for i, b := range sample {
		sample[i] = w.packer.pack(b)
	}
	w.coder = fitPackCoder(sample)
}

// chunkBody is a record chunk's body, unpacked.
func (w *writer) chunkBody(n int) []byte {
	first := n * w.m.Chunk
	last := min(first+w.m.Chunk, w.m.Claims)
	b := binfmt.AppendUvarint(nil, uint64(last-first))
	claims := &w.x.Fields[index.FieldClaim]
	for d := first; d < last; d++ {
		b = appendRecord(b, w.x.Claim(d))
		b = binfmt.AppendUvarint(b, uint64(d-int(w.x.Duplicates[d])))
		fwd := w.x.Forward(d)
		b = binfmt.AppendUvarint(b, uint64(len(fwd)))
		for _, id := range fwd {
			b = binfmt.AppendUvarint(b, uint64(claims.DF(int(id))))
		}
		var names []nameEntry
		if w.names != nil {
			names = w.names.within(w.x.Claim(d).Text)
		}
		b = appendNames(b, names)
	}
	return b
}

func (w *writer) chunk(n int) []byte {
	return sealPart(w.coder.encode(partHeader(), w.packer.pack(w.chunkBody(n))), kindChunk, n)
}

func (w *writer) cards(n int) []byte {
	first := n * w.m.CardChunk
	last := min(first+w.m.CardChunk, w.m.Claims)
	b := binfmt.AppendUvarint(partHeader(), uint64(last-first))
	for d := first; d < last; d++ {
		b = appendCard(b, w.x.Claim(d))
	}
	return sealPart(b, kindCards, n)
}

func (w *writer) sections() []byte {
	m := make(map[string]string, len(w.x.Sections)+1)
	for n, data := range w.x.Sections {
		m[n] = string(data)
	}
	if len(w.dict) > 0 {
		m[recordsDictionary] = string(w.dict)
	}
	m[recordsCodes] = string(w.coder.section())
	if w.names != nil { // the lexicon is spread over the parts; here, the names no stem bucket holds
		delete(m, trust.LexiconSection)
		m[namesSection] = string(appendNames(nil, w.names.rest))
	}
	return sealPart(binfmt.AppendStringMap(partHeader(), m), kindSections, 0)
}
