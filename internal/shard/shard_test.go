package shard

import (
	"flag"
	"html"
	"math"
	"math/rand/v2"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/binfmt"
	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/claimsearch"
	"github.com/factcheckwidget/factcheck/internal/compile"
	"github.com/factcheckwidget/factcheck/internal/defaultcorpus"
	"github.com/factcheckwidget/factcheck/internal/engine"
	"github.com/factcheckwidget/factcheck/internal/index"
	"github.com/factcheckwidget/factcheck/internal/match"
)

var update = flag.Bool("update", false, "rewrite golden files")

// cut cuts the default corpus into parts held in memory.
func cut(t *testing.T, opt Options) (*index.Index, *Manifest, map[string][]byte) {
	t.Helper()
	x, err := defaultcorpus.Index()
	require.NoError(t, err)
	return cutIndex(t, x, opt)
}

func cutIndex(t *testing.T, x *index.Index, opt Options) (*index.Index, *Manifest, map[string][]byte) {
	t.Helper()
	parts := map[string][]byte{}
	var mu sync.Mutex
	m, err := Cut(x, opt, func(p Part) error {
		mu.Lock()
		defer mu.Unlock()
		parts[p.Name] = p.Content
		return nil
	})
	require.NoError(t, err)
	return x, m, parts
}

// drive answers call's needs from parts until it has its answer.
func drive(t *testing.T, c *Corpus, m *Manifest, parts map[string][]byte, call func() ([]string, error)) (fetched int, err error) {
	t.Helper()
	for range 7 {
		need, err := call()
		if err != nil || len(need) == 0 {
			return fetched, err
		}
		for _, name := range need {
			data, ok := parts[name[len(m.Build)+1:]]
			if !ok {
				return fetched, &PartError{Name: name, Err: os.ErrNotExist}
			}
			fetched++
			if err := c.Add(name, data); err != nil {
				return fetched, err
			}
		}
	}
	t.Fatal("a check still needed parts after seven rounds")
	return 0, nil
}

func open(t *testing.T, m *Manifest) *Corpus {
	c, err := OpenForSearch(m.Encode())
	require.NoError(t, err)
	return c
}

// On a corpus no list of which is cut (the default corpus's 61 claims
// hold no term in more than Keep claims), a sharded check is the check:
// same sentences, same claims in the same order, same probabilities.
func TestShardedCheckIsTheCheck(t *testing.T) {
	x, m, parts := cut(t, DefaultOptions())
	c := open(t, m)
	article := articleText()
	var got []engine.Sentence
	_, err := drive(t, c, m, parts, func() (need []string, err error) {
		got, need, err = c.CheckArticle(article, engine.Options{Date: "2025-11-05"})
		return need, err
	})
	require.NoError(t, err)
	want := engine.New(x).CheckArticle(article, engine.Options{Date: "2025-11-05"})
	require.Len(t, got, len(want))
	shown := 0
	for i := range want {
		require.Len(t, got[i].Matches, len(want[i].Matches), "sentence %d: %s", i, want[i].Text)
		for j, w := range want[i].Matches {
			g := got[i].Matches[j]
			assert.Equal(t, *w.Claim, *g.Claim, "sentence %d: the card a reader sees", i)
			assert.InDelta(t, w.Score, g.Score, 1e-9)
			assert.Equal(t, w.Tier, g.Tier)
			assert.Equal(t, w.Flags, g.Flags)
			shown++
		}
	}
	assert.Greater(t, shown, 20, "the demo article shows many of its claims")

	for _, q := range []string{"28,500 US troops are stationed in South Korea", "Peacetime control was handed back to Seoul in 1994."} {
		var ms []engine.Match
		_, err := drive(t, c, m, parts, func() (need []string, err error) {
			ms, need, err = c.CheckSentence(q, engine.Options{})
			return need, err
		})
		require.NoError(t, err)
		wantMs := engine.New(x).CheckSentence(q, engine.Options{})
		require.Len(t, ms, len(wantMs), q)
		for j := range wantMs {
			assert.Equal(t, wantMs[j].Claim.ID, ms[j].Claim.ID)
		}
	}
}

// A claim's card (id, rating, publisher, link) is fetched only for the
// claims a check returns: ranking reads the records alone.
func TestCheckFetchesOnlyTheCardsItShows(t *testing.T) {
	opt := DefaultOptions()
	opt.CardChunk = 1
	_, m, parts := cut(t, opt)
	c := open(t, m)
	fetched := map[string]bool{}
	var got []engine.Sentence
	for range 7 {
		var need []string
		var err error
		got, need, err = c.CheckArticle("Around 28,500 American service members are based in South Korea. It rained in Seoul.", engine.Options{})
		require.NoError(t, err)
		if len(need) == 0 {
			break
		}
		for _, name := range need {
			fetched[name] = true
			require.NoError(t, c.Add(name, parts[name[len(m.Build)+1:]]))
		}
	}
	require.NotNil(t, got)
	shown := map[string]bool{}
	for _, s := range got {
		for _, mt := range s.Matches {
			shown[m.Build+"/r"+itoa(mt.Doc)] = true
			assert.NotEmpty(t, mt.Claim.URL, "a shown claim has its link")
		}
	}
	require.NotEmpty(t, shown)
	records, cards := 0, map[string]bool{}
	for name := range fetched {
		switch name[len(m.Build)+1] {
		case 'c':
			records++
		case 'r':
			cards[name] = true
		}
	}
	assert.Greater(t, records, len(cards), "records are fetched for every candidate")
	assert.Equal(t, shown, cards)
}

// A corpus in two languages, sharded, reads a Portuguese page as the
// whole index does: in Portuguese (the languages come with the sections,
// before any term is fetched), against the Portuguese claims.
func TestShardedCheckReadsThePageInItsLanguage(t *testing.T) {
	claims := []claim.Claim{
		{ID: "pt-1", Language: "pt-BR", Text: "O governo federal cortou pela metade as verbas das universidades públicas em 2019."},
		{ID: "pt-2", Language: "pt-BR", Text: "A vacina contra a gripe provoca a doença em adultos saudáveis."},
		{ID: "pt-3", Language: "pt-BR", Text: "O desmatamento na Amazônia dobrou nos últimos dois anos, segundo o instituto."},
		{ID: "pt-4", Language: "pt-BR", Text: "Os professores das escolas estaduais receberam um reajuste de 30 por cento."},
		{ID: "en-1", Language: "en", Text: "The federal government halved public university funding in 2019."},
		{ID: "en-2", Language: "en", Text: "The flu vaccine gives healthy adults the flu."},
	}
	x, err := compile.Index(claims, nil)
	require.NoError(t, err)
	_, m, parts := cutIndex(t, x, DefaultOptions())
	page := "Segundo a reportagem, o governo federal cortou pela metade as verbas das universidades públicas em 2019.\n" +
		"Especialistas dizem que o desmatamento na Amazônia dobrou nos últimos dois anos."
	for _, declared := range []string{"pt-BR", ""} {
		c := open(t, m)
		var got []engine.Sentence
		_, err := drive(t, c, m, parts, func() (need []string, err error) {
			got, need, err = c.CheckArticle(page, engine.Options{Lang: declared})
			return need, err
		})
		require.NoError(t, err)
		want := engine.New(x).CheckArticle(page, engine.Options{Lang: declared})
		require.Len(t, got, len(want))
		var ids []string
		for i := range want {
			require.Len(t, got[i].Matches, len(want[i].Matches), "sentence %d", i)
			for j := range want[i].Matches {
				assert.Equal(t, want[i].Matches[j].Claim.ID, got[i].Matches[j].Claim.ID)
				ids = append(ids, got[i].Matches[j].Claim.ID)
			}
		}
		assert.Contains(t, ids, "pt-1", "declared %q", declared)
		assert.NotContains(t, ids, "en-1", "a Portuguese page is compared with the Portuguese claims")
	}
}

// A corpus with more than 255 claims in a language, sharded, keeps its
// languages: its language section once failed to decode, and the sharded
// reader, falling back to an index without languages, panicked.
func TestShardedLargeCorpusKeepsItsLanguages(t *testing.T) {
	claims := []claim.Claim{
		{ID: "pt-cut", Language: "pt-BR", Text: "O governo federal cortou pela metade as verbas das universidades públicas em 2019."},
		{ID: "en-cut", Language: "en", Text: "The federal government halved public university funding in 2019."},
	}
	for i := range 300 {
		claims = append(claims, claim.Claim{ID: "pt-" + strconv.Itoa(i), Language: "pt-BR",
			Text: "O município número " + strconv.Itoa(i+1) + " recebeu novas verbas para as escolas estaduais."})
	}
	x, err := compile.Index(claims, nil)
	require.NoError(t, err)
	_, m, parts := cutIndex(t, x, DefaultOptions())
	page := "Segundo a reportagem, o governo federal cortou pela metade as verbas das universidades públicas em 2019."
	c := open(t, m)
	var got []engine.Sentence
	_, err = drive(t, c, m, parts, func() (need []string, err error) {
		got, need, err = c.CheckArticle(page, engine.Options{})
		return need, err
	})
	require.NoError(t, err)
	want := engine.New(x).CheckArticle(page, engine.Options{})
	require.Len(t, got, 1)
	require.NotEmpty(t, got[0].Matches)
	assert.Equal(t, "pt-cut", got[0].Matches[0].Claim.ID)
	assert.Equal(t, len(want[0].Matches), len(got[0].Matches))
	for _, mt := range got[0].Matches {
		assert.NotEqual(t, "en-cut", mt.Claim.ID, "a Portuguese page is compared with the Portuguese claims")
	}
}

// The manifest's encoding is the documented format (doc.go): a change
// fails here until the golden file is rewritten with -update (and Version
// bumped if old readers cannot read it).
func TestGoldenManifest(t *testing.T) {
	_, m, parts := cut(t, DefaultOptions())
	data := m.Encode()
	const path = "testdata/default.manifest.golden"
	if *update {
		require.NoError(t, os.WriteFile(path, data, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run with -update to create it")
	require.Equal(t, want, data, "the manifest changed: rerun with -update if intended")
	back, err := DecodeManifest(want)
	require.NoError(t, err)
	assert.Equal(t, m, back)
	assert.Equal(t, "FCSM", string(want[:4]))
	assert.True(t, m.Sections, "the default corpus carries sections (languages, names)")
	assert.Len(t, parts, m.StemBuckets+m.KeywordBuckets+m.GramBuckets+m.Chunks()+m.CardChunks()+2,
		"stem, keyword and 4-gram buckets, record and card chunks, the common 4-grams and the sections")
}

// A build reports its progress from the start (before the 4-gram homes,
// which take seconds on a large corpus) to the last part, against the
// number of parts it writes.
func TestCutReportsProgress(t *testing.T) {
	opt := DefaultOptions()
	var calls [][2]int
	var mu sync.Mutex
	opt.Progress = func(done, total int) {
		mu.Lock()
		calls = append(calls, [2]int{done, total})
		mu.Unlock()
	}
	_, _, parts := cut(t, opt)
	require.NotEmpty(t, calls)
	assert.Equal(t, [2]int{0, len(parts)}, calls[0], "the first line, before any part")
	assert.Equal(t, [2]int{len(parts), len(parts)}, calls[len(calls)-1], "the last, after every part")
}

// Every part is checked before it is used: a flipped byte anywhere, a
// part under another part's name, or a part of another build is an error
// naming the part, never a different answer.
func TestEveryPartIsChecked(t *testing.T) {
	_, m, parts := cut(t, DefaultOptions())
	// Records are unpacked with the dictionary in the sections part, which
	// every check fetches first.
	opened := func() *Corpus {
		c := open(t, m)
		require.NoError(t, c.Add(m.SectionsPart(), parts["x"]))
		return c
	}
	for name, data := range parts {
		full := m.Build + "/" + name
		for _, pos := range []int{0, 1, 2, 3, len(data) / 2, len(data) - 1} {
			bad := append([]byte(nil), data...)
			bad[pos] ^= 0x20
			err := opened().Add(full, bad)
			var pe *PartError
			require.ErrorAs(t, err, &pe, "%s byte %d", name, pos)
			assert.Equal(t, full, pe.Name)
		}
		assert.Error(t, opened().Add(full, data[:len(data)-1]), "truncated %s", name)
		assert.NoError(t, opened().Add(full, data))
	}
	assert.ErrorContains(t, open(t, m).Add(m.Build+"/c0", parts["c0"]), "added before the sections part")
	c := open(t, m)
	assert.ErrorContains(t, c.Add(m.Build+"/c0", parts["s0"]), "not the part of that name")
	assert.ErrorContains(t, c.Add(m.Build+"/s1", parts["s0"]), "not the part of that name", "a part's number is checked though not stored")
	assert.ErrorContains(t, c.Add("0123456789abcdef/s0", parts["s0"]), "not the name of a part")
	assert.ErrorContains(t, c.Add(m.Build+"/s"+itoa(m.StemBuckets), parts["s0"]), "not the name of a part")
}

func itoa(n int) string { return strconv.Itoa(n) }

// The common 4-grams' part, front-coded, reads back every common 4-gram
// with its document frequency and none other; a 4-gram said to share more
// bytes than the one before has, or out of order, is an error.
func TestCommonGramsReadBack(t *testing.T) {
	x, m, parts := cut(t, DefaultOptions())
	c := open(t, m)
	require.NoError(t, c.Add(m.Build+"/h0", parts["h0"]))
	chars := &x.Fields[index.FieldClaimChars]
	common := 0
	for g := range chars.NumTerms() {
		l := c.lists[listKey(index.FieldClaimChars, chars.Term(g))]
		if chars.DF(g) <= m.GramMaxDF {
			assert.Nil(t, l, "%q has postings: not a common 4-gram", chars.Term(g))
			continue
		}
		common++
		require.NotNil(t, l, "%q", chars.Term(g))
		assert.EqualValues(t, chars.DF(g), l.df)
		assert.Empty(t, l.postings)
	}
	assert.Greater(t, common, 50, "common 4-grams read")
	part := func(first string, shared byte, second string) []byte {
		b := binfmt.AppendString(append(binfmt.AppendUvarint(partHeader(), 2), 0), first)
		b = binfmt.AppendString(append(b, shared), second)
		return sealPart(append(b, 1, 2), kindCommon, 0)
	}
	require.NoError(t, open(t, m).Add(m.Build+"/h0", part("abcd", 3, "x")), "abcx after abcd")
	// 4-grams share bytes, not runes: "café" after "cafè" shares half of "é".
	c = open(t, m)
	require.NoError(t, c.Add(m.Build+"/h0", part("cafè", 4, "\xa9")))
	assert.EqualValues(t, 2, c.lists[listKey(index.FieldClaimChars, "café")].df)
	assert.ErrorContains(t, open(t, m).Add(m.Build+"/h0", part("abcd", 5, "x")), errCorrupt.Error(), "5 bytes of abcd")
	assert.ErrorContains(t, open(t, m).Add(m.Build+"/h0", part("abcd", 2, "ba")), errCorrupt.Error(), "abba after abcd")
}

// A page's 4-grams are mostly found in the stem buckets of its own words
// or in the common 4-grams' part, so a check fetches far fewer 4-gram
// buckets than its 4-grams hash to, and still shows what the whole index
// shows (TestShardedCheckIsTheCheck). The page is made of the corpus's
// own claims, so that nearly all its 4-grams are in the corpus (one that
// is not is looked up in its bucket).
func TestHomedGramsSpareTheirBuckets(t *testing.T) {
	x, m, parts := cut(t, DefaultOptions())
	var lines []string
	for d := 0; d < x.NumClaims(); d += 6 {
		lines = append(lines, x.Claim(d).Text)
	}
	page := strings.Join(lines, "\n")
	c := open(t, m)
	grams := map[string]bool{}
	_, err := drive(t, c, m, parts, func() ([]string, error) {
		_, need, err := c.CheckArticle(page, engine.Options{})
		for _, name := range need {
			grams[name] = grams[name] || name[len(m.Build)+1] == kindGrams
		}
		return need, err
	})
	require.NoError(t, err)
	fetched := 0
	for _, g := range grams {
		if g {
			fetched++
		}
	}
	langs, _ := c.languages()
	_, all := termsOf(engine.ReadArticle(langs, page, engine.Options{}).Analyses())
	chars, hashed := &x.Fields[index.FieldClaimChars], map[int]bool{}
	for _, g := range all {
		if id := chars.Lookup(g); id < 0 || chars.DF(id) <= m.GramMaxDF {
			hashed[bucketOf(g, m.GramBuckets)] = true
		}
	}
	assert.True(t, c.got[partName(m.Build, kindCommon, 0)], "the common 4-grams are fetched")
	assert.Less(t, fetched, len(hashed)/2, "4-gram buckets fetched, of the %d the page's 4-grams with postings hash to", len(hashed))
}

// articleText is the demo article as the widget extracts it: one
// paragraph a line.
func articleText() string {
	tag := regexp.MustCompile(`<[^>]+>`)
	var lines []string
	for _, l := range strings.Split(defaultcorpus.ArticleHTML, "\n") {
		if l = strings.TrimSpace(html.UnescapeString(tag.ReplaceAllString(l, ""))); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

// A check whose part is missing fails with that part's name.
func TestMissingPartFails(t *testing.T) {
	_, m, parts := cut(t, DefaultOptions())
	c := open(t, m)
	delete(parts, "c0")
	_, err := drive(t, c, m, parts, func() (need []string, err error) {
		_, need, err = c.CheckArticle(articleText(), engine.Options{})
		return need, err
	})
	require.ErrorIs(t, err, os.ErrNotExist)
	assert.ErrorContains(t, err, m.Build+"/c0")
}

// A manifest that is not one, or damaged, is refused.
func TestManifestChecks(t *testing.T) {
	_, m, _ := cut(t, DefaultOptions())
	data := m.Encode()
	_, err := DecodeManifest([]byte("FCIX...."))
	assert.ErrorIs(t, err, ErrNotManifest)
	bad := append([]byte(nil), data...)
	bad[10] ^= 1
	_, err = DecodeManifest(bad)
	assert.ErrorContains(t, err, "checksum")
	// A corpus written by an older writer (version 1: 4-term buckets and
	// whole claims; version 2: postings as varints; version 3: every
	// 4-gram in its hash bucket; version 4: records as they are; version
	// 5: a posting's tf bit and length bits as they are, and 12-byte part
	// headers), checksum and all, is refused with what to do about it.
	for _, v := range []byte{1, 2, 3, 4, 5} {
		old := append([]byte(nil), data[:len(data)-4]...)
		old[4] = v
		_, err = DecodeManifest(binfmt.AppendChecksum(old))
		assert.ErrorContains(t, err, ErrVersion.Error()+" "+strconv.Itoa(int(v)))
		assert.ErrorContains(t, err, "build the corpus again")
	}
}

// claims:search on a sharded corpus lists the same claims in the same
// order as on the compiled index, with and without a query.
func TestShardedSearchIsTheSearch(t *testing.T) {
	x, m, parts := cut(t, DefaultOptions())
	c := open(t, m)
	// Searches reuse and grow one index of the claims fetched so far: a
	// search after others (and after one that needed every claim) finds
	// what it finds on its own.
	troops, budget := claimsearch.Filter{Query: "troops South Korea"}, claimsearch.Filter{Query: "budget"}
	for _, f := range []claimsearch.Filter{troops, budget, troops, {Query: "budget", Verdict: "false"}, {PublisherSite: "harborfactdesk.example"}, budget, troops} {
		var got *index.Index
		var res claimsearch.Result
		_, err := drive(t, c, m, parts, func() (need []string, err error) {
			got, res, need, err = c.Search(f)
			return need, err
		})
		require.NoError(t, err)
		want := claimsearch.New(x).Search(f)
		require.NotEmpty(t, want.Docs, "%+v", f)
		require.Len(t, res.Docs, len(want.Docs), "%+v", f)
		for i := range want.Docs {
			assert.Equal(t, x.Claim(want.Docs[i]).ID, got.Claim(res.Docs[i]).ID)
		}
		assert.Equal(t, want.AllWords, res.AllWords)
	}
}

// Rank (factcheck rank on DIR/) ranks as the matcher does on the index.
func TestShardedRankIsTheRank(t *testing.T) {
	x, m, parts := cut(t, DefaultOptions())
	c := open(t, m)
	mt := match.New(x)
	for _, q := range [][2]string{{"He signed it in 2019.", "The defence budget bill was debated."}, {"28,500 troops in Korea", ""}} {
		var got []match.Candidate
		var px *index.Index
		_, err := drive(t, c, m, parts, func() (need []string, err error) {
			got, px, need, err = c.Rank(q[0], q[1], 5)
			return need, err
		})
		require.NoError(t, err)
		want := mt.RankQuery(mt.PrepareContext(q[0], q[1]), 5)
		require.Len(t, got, len(want))
		for i := range want {
			assert.Equal(t, x.Claim(want[i].Doc).ID, px.Claim(got[i].Doc).ID)
			assert.InDelta(t, want[i].Score, got[i].Score, 1e-9)
		}
	}
}

// A posting gives the claim's length in a few bits relative to the
// field's average, within half a step (or 1) from 1/21 of the average to
// 21 times it; longer and shorter claims share the last and first codes.
// With no bits, every claim reads as of average length.
func TestLengthCode(t *testing.T) {
	for _, bits := range []int{2, 4, 6, 8} {
		step := lengthStepFor(bits)
		for _, avg := range []float64{11.7, 43.2, 212.5} {
			table := lengthTable(avg, step, bits)
			require.Len(t, table, 1<<bits)
			for n := uint32(max(1, avg/lengthSpan)); n <= uint32(avg*lengthSpan/step); n++ {
				got := float64(table[lengthCode(n, avg, step, bits)])
				require.InDelta(t, float64(n), got, max((math.Sqrt(step)-1)*float64(n), 1)+0.5, "length %d, average %v, %d bits", n, avg, bits)
			}
			assert.Equal(t, uint64(1<<bits-1), lengthCode(1<<20, avg, step, bits), "longer claims share the last code")
			assert.Equal(t, uint64(0), lengthCode(1, 1e6, step, bits), "shorter claims share the first code")
		}
	}
	assert.Equal(t, []uint32{43}, lengthTable(43.2, 0, 0))
}

// Exp-Golomb codes of any order read back what was written, and count
// their bits as expGolombBits says.
func TestExpGolomb(t *testing.T) {
	values := []uint64{0, 1, 2, 3, 7, 8, 190, 1 << 20, 1<<32 - 1, 5}
	for k := uint(0); k < 12; k++ {
		var w bitWriter
		for _, v := range values {
			w.expGolomb(v, k)
			w.write(v&0x3f, 6)
		}
		r := bitReader{b: w.bytes()}
		for _, v := range values {
			require.Equal(t, v, slowExpGolomb(&r, k), "order %d", k)
			require.Equal(t, v&0x3f, r.read(6))
		}
		require.False(t, r.bad)
	}
	var w bitWriter
	for _, v := range values {
		w.expGolomb(v, 3)
	}
	n := 0
	for _, v := range values {
		n += expGolombBits(v, 3)
	}
	assert.Equal(t, (n+7)/8, len(w.bytes()), "expGolombBits counts what is written")
	assert.Equal(t, uint(7), bestOrder([]uint64{150, 200, 90, 300, 120}), "gaps near 2^7 take order 7")
	assert.Equal(t, uint(0), bestOrder([]uint64{0, 0, 1, 0}), "dense lists take order 0")
}

// slowExpGolomb reads an Exp-Golomb code a bit at a time: the reference
// decodePostings's 64-bit reads are checked against.
func slowExpGolomb(r *bitReader, k uint) uint64 {
	z := uint(0)
	for r.read(1) == 0 {
		if z++; z+k > maxGolombBits || r.bad {
			r.bad = true
			return 0
		}
	}
	return (1<<(z+k) | r.read(z+k)) - 1<<k
}

// slowPostings is decodePostings a bit at a time, as the reader before it
// read: the reference for the tests and the fuzz target.
func slowPostings(block []byte, n, claims int, lengths []uint32, code *symbolCode) ([]uint32, bool) {
	br := bitReader{b: block}
	k := uint(br.read(5))
	var out []uint32
	doc := uint64(0)
	for range n {
		doc += slowExpGolomb(&br, k)
		sym := br.symbol(code)
		tf := uint64(1)
		if sym >= len(lengths) {
			tf = slowExpGolomb(&br, 0) + 2
		}
		if br.bad || doc >= uint64(claims) || tf > maxFieldLen {
			return nil, false
		}
		out = append(out, uint32(doc), uint32(tf), lengths[sym&(len(lengths)-1)])
		doc++
	}
	return out, br.pos+7 >= uint(len(block))*8
}

// testPostingCode is a posting code of 4 length codes (symbols 0-3: tf 1,
// 4-7: tf > 1) whose symbols take 1 to 6 bits but the last two 13, longer
// than fastBits, so both of decodePostings's symbol paths are read.
func testPostingCode(t testing.TB) ([]uint32, *symbolCode, []uint8) {
	lengths := []uint8{1, 2, 3, 4, 5, 6, 13, 13}
	code := newSymbolCode(lengths)
	require.NotNil(t, code)
	return []uint32{3, 9, 27, 81}, code, lengths
}

// writeTestPostings writes postings (claim id ascending, tf, symbol's
// length code) as the writer does, in order k.
func writeTestPostings(docs []int, tfs []int, lcodes []int, k uint, symLens []uint8) []byte {
	codes := canonicalCodes(symLens)
	bw := bitWriter{}
	bw.write(uint64(k), 5)
	prev := -1
	for i, d := range docs {
		bw.expGolomb(uint64(d-prev-1), k)
		prev = d
		s := lcodes[i]
		if tfs[i] > 1 {
			s += 4
		}
		bw.write(uint64(codes[s]), uint(symLens[s]))
		if tfs[i] > 1 {
			bw.expGolomb(uint64(tfs[i]-2), 0)
		}
	}
	return bw.bytes()
}

// Bit-packed postings read back what was written, for every order and
// both symbol paths; a block cut short, with bytes left over or naming a
// claim past the corpus is an error, never a wrong value; and the 64-bit
// reader agrees with the bit at a time one on every block.
func TestDecodePostings(t *testing.T) {
	lengths, code, symLens := testPostingCode(t)
	rng := rand.New(rand.NewPCG(7, 7))
	for k := uint(0); k < 20; k++ {
		n := 1 + rng.IntN(300)
		docs, tfs, lcodes := make([]int, n), make([]int, n), make([]int, n)
		doc := -1
		for i := range n {
			doc += 1 + rng.IntN(1<<k+1)
			docs[i], tfs[i], lcodes[i] = doc, 1, rng.IntN(4)
			if rng.IntN(5) == 0 {
				tfs[i] = 2 + rng.IntN(1000)
			}
		}
		claims := doc + 1
		block := writeTestPostings(docs, tfs, lcodes, k, symLens)
		got, ok := decodePostings(block, n, claims, lengths, code, nil)
		require.True(t, ok, "order %d", k)
		want := make([]uint32, 0, 3*n)
		for i := range n {
			want = append(want, uint32(docs[i]), uint32(tfs[i]), lengths[lcodes[i]])
		}
		require.Equal(t, want, got, "order %d", k)

		_, ok = decodePostings(block[:len(block)/2], n, claims, lengths, code, nil)
		assert.False(t, ok, "order %d: a block cut in half", k)
		_, ok = decodePostings(append(block, 0x80), n, claims, lengths, code, nil)
		assert.False(t, ok, "order %d: a byte left over", k)
		_, ok = decodePostings(block, n, claims-1, lengths, code, nil)
		assert.False(t, ok, "order %d: the last claim id is past the corpus", k)
		for range 50 { // damaged blocks: the same answer as the reference
			bad := append([]byte(nil), block...)
			bad[rng.IntN(len(bad))] ^= byte(1 << rng.IntN(8))
			g, gok := decodePostings(bad, n, claims, lengths, code, nil)
			w, wok := slowPostings(bad, n, claims, lengths, code)
			require.Equal(t, wok, gok, "order %d", k)
			if wok {
				require.Equal(t, w, g, "order %d", k)
			}
		}
	}
}

// The work of a warm request on a sharded corpus (every part at hand), as
// the Worker serves it from R2, against the same on the whole index.
func BenchmarkWarmSearch(b *testing.B) {
	x, err := defaultcorpus.Index()
	require.NoError(b, err)
	parts := map[string][]byte{}
	var mu sync.Mutex
	m, err := Cut(x, DefaultOptions(), func(p Part) error { mu.Lock(); parts[p.Name] = p.Content; mu.Unlock(); return nil })
	require.NoError(b, err)
	c, err := OpenForSearch(m.Encode())
	require.NoError(b, err)
	for name, data := range parts {
		require.NoError(b, c.Add(m.Build+"/"+name, data))
	}
	f := claimsearch.Filter{Query: "US troops South Korea"}
	b.Run("sharded", func(b *testing.B) {
		for b.Loop() {
			if _, _, need, err := c.Search(f); err != nil || len(need) > 0 {
				b.Fatal(err, need)
			}
		}
	})
	s := claimsearch.New(x)
	b.Run("whole", func(b *testing.B) {
		for b.Loop() {
			s.Search(f)
		}
	})
}

// An article's sentences fetch the records of their first candidates
// (Widening.Scout), and only those that may be highlighted, or that weigh
// in the page's density, fetch the rest: on a page where most sentences
// were never checked, far fewer records, and the page the whole index
// shows. Without widening, checking each sentence on its scouts alone
// would show another page.
func TestScoutingSparesRecords(t *testing.T) {
	x, err := defaultcorpus.Index()
	require.NoError(t, err)
	claims := make([]claim.Claim, x.NumClaims())
	for i := range claims {
		claims[i] = *x.Claim(i)
	}
	// Claims on local spending, whose words the page's unchecked sentences
	// share: each of those sentences has candidates, none a fact-check of it.
	who := []string{"The city council", "The school board", "The transit agency", "The county hospital", "The water utility", "The parks department", "The port authority", "The library trust"}
	did := []string{"spent", "cut", "borrowed", "lost", "raised"}
	what := []string{"on road repairs", "for new buses", "on teacher pay", "for flood defences", "on street lighting", "for the harbour wall", "on summer concerts", "for school meals", "on bridge inspections", "for ferry tickets"}
	for i := range 400 {
		claims = append(claims, claim.Claim{ID: "local-" + strconv.Itoa(i), Language: "en", URL: "https://example.org/local/" + strconv.Itoa(i),
			Text: who[i%len(who)] + " " + did[i/len(who)%len(did)] + " " + strconv.Itoa(2+i%37) + " million dollars " + what[i/(len(who)*len(did))%len(what)] + " in " + strconv.Itoa(2001+i%23) + "."})
	}
	x, err = compile.Index(claims, nil)
	require.NoError(t, err)
	_, m, parts := cutIndex(t, x, DefaultOptions())
	var page []string
	for i, w := range who {
		page = append(page, w+" met on Tuesday, and the meeting ran late into the evening.",
			"Residents asked questions about parking near the "+strings.Fields(what[(i+3)%len(what)])[2]+" and the weekend markets.")
	}
	demo := strings.Split(articleText(), "\n")
	page = append(page, demo[len(demo)/2:len(demo)/2+4]...)
	article := strings.Join(page, "\n")
	opt := engine.Options{Date: "2025-11-05"}
	want := engine.New(x).CheckArticle(article, opt)
	check := func(w Widening) (records int, got []engine.Sentence) {
		c := open(t, m)
		c.Widen = w
		_, err := drive(t, c, m, parts, func() (need []string, err error) {
			got, need, err = c.CheckArticle(article, opt)
			for _, name := range need {
				if name[len(m.Build)+1] == kindChunk {
					records++
				}
			}
			return need, err
		})
		require.NoError(t, err)
		return records, got
	}
	shown := func(ss []engine.Sentence) []string {
		var out []string
		for _, s := range ss {
			for _, mt := range s.Matches {
				out = append(out, s.Text+" -> "+mt.Claim.ID+" "+mt.Tier.String())
			}
		}
		return out
	}
	scouted, got := check(DefaultWidening)
	all, _ := check(Widening{Scout: DefaultPool, Page: math.Inf(1), Density: math.Inf(1)})
	t.Logf("records: %d scouted, %d without scouts; shown %q", scouted, all, shown(got))
	require.NotEmpty(t, shown(want), "the lines of the demo article are fact-checked")
	assert.Equal(t, shown(want), shown(got))
	assert.Less(t, scouted, all*2/3)
	_, alone := check(Widening{Scout: 1, Page: math.Inf(1), Density: math.Inf(1)})
	assert.NotEqual(t, shown(want), shown(alone), "the widening is what keeps the page")
}
