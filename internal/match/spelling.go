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
		if t.Kind != text.Word || a.Stop[i] || utf8.RuneCountInString(a.Stems[i]) < minRespellLen || fld.Lookup(a.Stems[i]) >= 0 {
			continue
		}
		r := m.nearestStem(a.Stems[i])
		if r == nil {
			r = m.splitStem(t.Text)
		}
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

// nearestStem returns the claim stem one edit away from s that is the
// likeliest slip: the cheapest edit (slipCost), then the most frequent
// stem. (Editing the word before stemming it as well, for "visitng" whose
// stem is two edits from "visit", won 0.001 of MAP@5 under typos on the
// train tweets and was left out.)
func (m *Matcher) nearestStem(s string) []string {
	fld := &m.x.Fields[index.FieldClaim]
	best, bestCost, bestDF := "", 0, 0
	r := []rune(s)
	buf := make([]byte, 0, len(s)+utf8.UTFMax)
	// try looks the candidate in buf up. It is viewed as a string without
	// a copy: Lookup only compares it, and a page's unknown words try some
	// three hundred candidates each, which as copies were a quarter of the
	// allocations of a whole article's check.
	try := func(cost int) {
		if best != "" && cost > bestCost || len(buf) == 0 {
			return
		}
		if id := fld.Lookup(unsafe.String(&buf[0], len(buf))); id >= 0 {
			if df := fld.DF(id); best == "" || cost < bestCost || df > bestDF {
				best, bestCost, bestDF = string(buf), cost, df
			}
		}
	}
	runes := func(rs ...[]rune) {
		buf = buf[:0]
		for _, part := range rs {
			for _, c := range part {
				buf = utf8.AppendRune(buf, c)
			}
		}
	}
	for i := range r {
		runes(r[:i], r[i+1:]) // dropped
		try(slipCost(dropped, r, i, 0))
		if i+1 < len(r) && r[i] != r[i+1] { // swapped with the next
			runes(r[:i], r[i+1:i+2], r[i:i+1], r[i+2:])
			try(slipCost(swapped, r, i, 0))
		}
	}
	var one [1]rune
	for i := 0; i <= len(r); i++ {
		for c := 'a'; c <= 'z'; c++ {
			one[0] = c
			if i < len(r) && c != r[i] { // changed
				runes(r[:i], one[:], r[i+1:])
				try(slipCost(changed, r, i, c))
			}
			runes(r[:i], one[:], r[i:]) // added
			try(slipCost(added, r, i, c))
		}
	}
	if best == "" {
		return nil
	}
	return []string{best}
}

const (
	dropped = iota
	swapped
	changed
	added
)

// slipCost ranks the edits that turn the corpus word into what was typed,
// as typing slips: two letters swapped, a doubled letter typed once (or a
// letter typed twice), or a key next to the right one, cost 1; another
// letter missing or extra, 2; another letter, 3. It is the usual noisy
// channel of spelling correction, cut down to ranks.
func slipCost(op int, r []rune, i int, c rune) int {
	switch op {
	case swapped:
		return 1
	case dropped: // typed r[i] too many
		if i > 0 && r[i-1] == r[i] || i+1 < len(r) && r[i+1] == r[i] {
			return 1
		}
		return 2
	case added: // c was missing before r[i]
		if i > 0 && r[i-1] == c || i < len(r) && r[i] == c {
			return 1
		}
		return 2
	}
	if r[i] < utf8.RuneSelf && strings.IndexRune(keyNeighbours[byte(r[i])|0x20], c) >= 0 {
		return 1
	}
	return 3
}

// keyNeighbours lists each letter's neighbours on a QWERTY keyboard.
var keyNeighbours = map[byte]string{
	'a': "qwsz", 'b': "vghn", 'c': "xdfv", 'd': "serfcx", 'e': "wsdr", 'f': "drtgvc", 'g': "ftyhbv", 'h': "gyujnb",
	'i': "ujko", 'j': "huikmn", 'k': "jiolm", 'l': "kop", 'm': "njk", 'n': "bhjm", 'o': "iklp", 'p': "ol",
	'q': "wa", 'r': "edft", 's': "awedxz", 't': "rfgy", 'u': "yhji", 'v': "cfgb", 'w': "qase", 'x': "zsdc",
	'y': "tghu", 'z': "asx",
}

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
