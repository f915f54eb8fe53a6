package match

import (
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/factcheckwidget/factcheck/internal/index"
	"github.com/factcheckwidget/factcheck/internal/text"
)

// Spelling: a query word no claim uses is often a word the corpus knows,
// misspelt ("goverment", "vdieo"), run together ("australianfires", a
// hashtag in lower or upper case) or respelt. respell looks such words up
// in the index's own vocabulary, so it needs no dictionary and speaks the
// corpus's language: an unknown stem is replaced by the claim stem one
// edit away (a letter dropped, added, changed, or two swapped) that is the
// likeliest slip, and an unknown run-together word by the two known stems
// it splits into. Character 4-grams already give typos partial credit;
// this gives them the word's own weight, phrase and coverage back.

// Limits of respelling, measured with evaluate.Rewrites on the CheckThat!
// train sets (2020-2 tweets, 2022-2b debates). Stems of four letters and
// up are respelt: from five, MAP@5 under typos drops 0.026 instead of
// 0.018 on the tweets, from six 0.037; from four, MAP@5 of the unedited
// tweets is 0.001 lower than from five. Splits need parts of three
// letters and up: with four, lower-case tweets lose 0.001 more, with five
// 0.008 more.
//
// A corpus must know enough words for a word it does not know to be
// likely a misspelling: the CheckThat! corpora know 11,000 to 14,000
// claim stems; the 61-claim demo corpus knows 250, most words of a page
// are new to it, and their respellings into its few words lit up an
// talks"). minRespellVocabulary is about a third of the smallest research
// vocabulary (a variable so tests on small corpora can lower it).
const (
	minRespellLen = 4
	minSplitPart  = 3
)

var minRespellVocabulary = 4000

// respell returns a with the stems of its unknown content words replaced
// by the corpus words they misspell, or a itself when there are none. The
// tokens, their offsets and the 4-grams are left as written; the two parts
// of a split word share its token.
func (m *Matcher) respell(a *text.Analysis) *text.Analysis {
	fld := &m.x.Fields[index.FieldClaim]
	if fld.NumTerms() < minRespellVocabulary {
		return a
	}
	var repl map[int][]string
	for i, t := range a.Tokens {
		if t.Kind != text.Word || a.Stop[i] || len(a.Stems[i]) < minRespellLen || fld.Lookup(a.Stems[i]) >= 0 {
			continue
		}
		r := m.respelt(a.Stems[i], t.Text)
		if r != nil {
			if repl == nil {
				repl = map[int][]string{}
			}
			repl[i] = r
		}
	}
	if repl == nil {
		return a
	}
	out := &text.Analysis{Text: a.Text}
	for i, t := range a.Tokens {
		stems, ok := repl[i]
		if !ok {
			stems = a.Stems[i : i+1]
		}
		for _, s := range stems {
			out.Tokens = append(out.Tokens, t)
			out.Stems = append(out.Stems, s)
			out.Stop = append(out.Stop, a.Stop[i])
		}
	}
	return out
}

// respelt returns what an unknown stem (of the folded word w) respells to,
// or nil. Each distinct word is looked up once per matcher: a page repeats
// its names and its slips ("Hegseth" twenty times), and each lookup tries
// some three hundred candidates.
func (m *Matcher) respelt(stem, w string) []string {
	key := stem + "\x00" + w
	if r, ok := m.respellings.Load(key); ok {
		return r.([]string)
	}
	r := m.nearestStem(stem)
	if r == nil {
		r = m.splitStem(w)
	}
	// Past this many the input is junk and not worth remembering.
	if m.respellingCount.Add(1) <= maxRespellings {
		m.respellings.Store(key, r)
	}
	return r
}

// maxRespellings bounds a matcher's memory of respelt words.
const maxRespellings = 100_000

// nearestStem returns the claim stem one edit away from s that is the
// likeliest slip: the cheapest edit (slipCost), then the most frequent
// stem; nil when there is none. Stems with letters beyond ASCII are left
// alone: the edits try the 26 letters of English. (Editing the word
// before stemming it as well, for "visitng" whose stem is two edits from
// "visit", won 0.001 of MAP@5 under typos on the train tweets and was
// left out.)
func (m *Matcher) nearestStem(s string) []string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return nil
		}
	}
	r := respelling{fld: &m.x.Fields[index.FieldClaim], cost: 4, known: m.knownStems()}
	b := make([]byte, len(s)+1)
	for i := 0; i <= len(s); i++ {
		if i+1 < len(s) && s[i] != s[i+1] { // swapped with the next
			copy(b, s)
			b[i], b[i+1] = s[i+1], s[i]
			r.try(b[:len(s)], 1)
		}
		// c typed in place of s[i] (drop = 1), or missing before it
		// (drop = 0); c == 0: s[i] typed too many.
		for c := byte(0); c <= 'z'; c++ {
			if c == 1 {
				c = 'a'
			}
			for drop := 0; drop <= 1; drop++ {
				if drop == 1 && i == len(s) || c == 0 && drop == 0 || drop == 1 && c == s[i] {
					continue
				}
				n := copy(b, s[:i])
				if c != 0 {
					b[n] = c
					n++
				}
				n += copy(b[n:], s[i+drop:])
				r.try(b[:n], slipCost(s, i, c, drop == 1))
			}
		}
	}
	if r.best == "" {
		return nil
	}
	return []string{r.best}
}

// respelling keeps the best candidate nearestStem has tried.
type respelling struct {
	fld      *index.Field
	known    *stemFilter
	best     string
	cost, df int
}

// try looks the candidate in b up. It is viewed as a string without a
// copy: Lookup only compares it, and a page's unknown words try some
// three hundred candidates each, which as copies were a quarter of the
// allocations of a whole article's check.
func (r *respelling) try(b []byte, cost int) {
	if cost > r.cost || len(b) == 0 || !r.known.mayHold(b) {
		return
	}
	if id := r.fld.Lookup(unsafe.String(&b[0], len(b))); id >= 0 {
		if df := r.fld.DF(id); cost < r.cost || df > r.df {
			r.best, r.cost, r.df = string(b), cost, df
		}
	}
}

// stemFilter answers "might this be a claim stem?" from one bit per hash
// of each stem, so the candidates nearestStem tries (nearly all of them
// not words) are turned away without a binary search of the vocabulary:
// that search was a tenth of a cold article check. Sixteen bits per stem
// let about one stranger in twelve through to the search.
type stemFilter struct {
	bits []uint64
	mask uint32
}

func newStemFilter(f *index.Field) *stemFilter {
	size := uint32(64)
	for size < uint32(16*f.NumTerms()) && size < 1<<30 {
		size <<= 1
	}
	sf := &stemFilter{bits: make([]uint64, size/64), mask: size - 1}
	for t := 0; t < f.NumTerms(); t++ {
		h := stemHash([]byte(f.Term(t))) & sf.mask
		sf.bits[h/64] |= 1 << (h % 64)
	}
	return sf
}

func (sf *stemFilter) mayHold(b []byte) bool {
	h := stemHash(b) & sf.mask
	return sf.bits[h/64]&(1<<(h%64)) != 0
}

// stemHash is FNV-1a.
func stemHash(b []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range b {
		h ^= uint32(c)
		h *= 16777619
	}
	return h
}

// knownStems builds the matcher's stem filter on first use: only corpora
// large enough to respell need it.
func (m *Matcher) knownStems() *stemFilter {
	m.stemFilterOnce.Do(func() { m.stemFilter = newStemFilter(&m.x.Fields[index.FieldClaim]) })
	return m.stemFilter
}

// slipCost ranks the edits that turn the corpus word into what was typed,
// as typing slips: two letters swapped (cost 1, in nearestStem), a doubled
// letter typed once or a letter typed twice, or a key next to the right
// one, cost 1; another letter missing or extra, 2; another letter, 3. It
// is the usual noisy channel of spelling correction, cut down to ranks.
// The edit is c typed for s[i] (replaced), c missing before s[i] (not
// replaced), or s[i] typed too many (c == 0).
func slipCost(s string, i int, c byte, replaced bool) int {
	switch {
	case replaced && c != 0:
		if l := s[i] | 0x20; l >= 'a' && l <= 'z' && strings.IndexByte(keyNeighbours[l-'a'], c) >= 0 {
			return 1
		}
		return 3
	case c == 0: // s[i] typed too many: a slip when it doubles a neighbour
		if i > 0 && s[i-1] == s[i] || i+1 < len(s) && s[i+1] == s[i] {
			return 1
		}
		return 2
	}
	if i > 0 && s[i-1] == c || i < len(s) && s[i] == c { // c missing: a slip when doubled
		return 1
	}
	return 2
}

// keyNeighbours lists each letter's neighbours on a QWERTY keyboard, a to
// z.
var keyNeighbours = [26]string{"qwsz", "vghn", "xdfv", "serfcx", "wsdr", "drtgvc", "ftyhbv", "gyujnb", "ujko", "huikmn",
	"jiolm", "kop", "njk", "bhjm", "iklp", "ol", "wa", "edft", "awedxz", "rfgy", "yhji", "cfgb", "qase", "zsdc", "tghu", "asx"}

// splitStem returns the stems of the two known words w is made of
// ("australianfires" -> australian, fire), preferring the split whose
// rarer part is most frequent.
func (m *Matcher) splitStem(w string) []string {
	fld := &m.x.Fields[index.FieldClaim]
	var best []string
	bestDF := 0
	for i := range w {
		if i < minSplitPart || len(w)-i < minSplitPart {
			continue
		}
		a, b := text.Stem(w[:i]), text.Stem(w[i:])
		ia, ib := fld.Lookup(a), fld.Lookup(b)
		if ia < 0 || ib < 0 || text.IsStopWord(w[:i]) || text.IsStopWord(w[i:]) {
			continue
		}
		if df := min(fld.DF(ia), fld.DF(ib)); df > bestDF {
			best, bestDF = []string{a, b}, df
		}
	}
	return best
}
