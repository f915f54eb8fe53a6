package shard

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factcheckwidget/factcheck/internal/binfmt"
	"github.com/factcheckwidget/factcheck/internal/index"
	"github.com/factcheckwidget/factcheck/internal/lang"
	"github.com/factcheckwidget/factcheck/internal/text"
	"github.com/factcheckwidget/factcheck/internal/trust"
)

// The corpus's names (its trust.Lexicon, which the trust layer asks what
// a name in a page or a claim stands for) grow with the corpus: a tenth of
// what a page fetched at 19,250 claims was the lexicon, whole, in the
// sections part. A check asks it only about names made of the words of
// the page and of the claims it compares, so the writer spreads it out
// (doc.go): each claim's record carries the names made of its own
// words, and each name sits in the stem bucket of its rarest stem, which a
// page that writes the name fetches anyway. Names without a stem (stop
// words alone) stay in the sections part. The reader gathers what its
// parts carry into the lexicon the check runs with.

// namesSection is the sections-part entry of the names no stem bucket
// holds; the lexicon's own section is left out.
const namesSection = "shard/names"

// nameEntry is a name of the lexicon and its kind.
type nameEntry struct {
	name string
	kind trust.NameKind
}

func appendNames(b []byte, es []nameEntry) []byte {
	b = binfmt.AppendUvarint(b, uint64(len(es)))
	for _, e := range es {
		b = append(binfmt.AppendString(b, e.name), byte(e.kind))
	}
	return b
}

// readNames reads a list of names into names.
func (r *reader) readNames(names *trust.Lexicon) {
	for i, n := 0, r.Count(2); i < n && r.Err() == nil; i++ {
		name := r.Str()
		if k := trust.NameKind(r.Byte()); k > trust.NotAName && k <= trust.OrgName {
			names.Set(name, k)
		} else {
			r.Corrupt()
		}
	}
}

// --- writing ----------------------------------------------------------------

// nameShards is where the writer puts the lexicon's names.
type nameShards struct {
	byFirst map[string][]nameEntry // by first word
	inStems [][]nameEntry          // by stem bucket, sorted
	rest    []nameEntry            // sorted
}

// shardNames spreads the lexicon of x (nil when it has none, or one this
// build cannot read: the sections part then keeps the section as it is).
func shardNames(x *index.Index, stemBuckets int) *nameShards {
	lx, err := trust.DecodeLexicon(x.Sections[trust.LexiconSection])
	if err != nil || lx == nil {
		return nil
	}
	langs, err := lang.NewCorpus(x.Sections[lang.SectionName], x.NumClaims(), nil)
	if err != nil {
		langs, _ = lang.NewCorpus(nil, x.NumClaims(), nil)
	}
	// A page is stemmed in its language, which may be any of the corpus's
	// or none of them (no stemming): a name sits under its rarest stem in
	// each.
	analyzers := []text.Analyzer{&lang.Profile{}}
	for _, l := range langs.Languages() {
		analyzers = append(analyzers, langs.Analyzer(l))
	}
	ns := &nameShards{byFirst: map[string][]nameEntry{}, inStems: make([][]nameEntry, stemBuckets)}
	for k := trust.NameKind(1); k.String() != ""; k++ {
		for _, name := range lx.Names(k) {
			e := nameEntry{name, k}
			first, _, _ := strings.Cut(name, " ")
			ns.byFirst[first] = append(ns.byFirst[first], e)
			homed := map[int]bool{}
			for _, an := range analyzers {
				if stem, ok := rarestStem(x, index.QueryTerms(text.AnalyzeWith(name, an))[index.FieldClaim]); ok {
					homed[bucketOf(stem, stemBuckets)] = true
				}
			}
			for b := range homed {
				ns.inStems[b] = append(ns.inStems[b], e)
			}
			if len(homed) == 0 {
				ns.rest = append(ns.rest, e)
			}
		}
	}
	for _, es := range ns.inStems {
		sortNames(es)
	}
	sortNames(ns.rest)
	return ns
}

// rarestStem is the stem of stems in the fewest claims: a name homed there
// is fetched by the pages that write it and few others (at its first stem,
// the buckets of common given names held hundreds of names).
func rarestStem(x *index.Index, stems []string) (string, bool) {
	f := &x.Fields[index.FieldClaim]
	best, bestDF := "", -1
	for _, s := range stems {
		df := 0
		if t := f.Lookup(s); t >= 0 {
			df = f.DF(t)
		}
		if bestDF < 0 || df < bestDF {
			best, bestDF = s, df
		}
	}
	return best, bestDF >= 0
}

func sortNames(es []nameEntry) {
	sort.Slice(es, func(i, j int) bool { return es[i].name < es[j].name })
}

// within returns the names of the lexicon a check can ask about when it
// reads s: the trust layer's keys are folded spans of its tokens that
// start at a capitalised one (a name, a run after a title, a gazetteer
// entry), so each word of such a name is a unit of s and the first is
// written capitalised there.
func (ns *nameShards) within(s string) []nameEntry {
	units := nameUnits(s)
	var out []nameEntry
	seen := map[string]bool{}
	for u, capitalised := range units {
		if !capitalised {
			continue
		}
		for _, e := range ns.byFirst[u] {
			if seen[e.name] {
				continue
			}
			all := true
			for _, w := range strings.Fields(e.name) {
				_, ok := units[w]
				all = all && ok
			}
			if all {
				seen[e.name] = true
				out = append(out, e)
			}
		}
	}
	sortNames(out)
	return out
}

// maxNamePieces bounds the pieces of a unit (a URL's chunk has hundreds);
// a name's word has a few ("o'brien", "u.s.").
const maxNamePieces = 12

// nameUnits returns, folded, every piece of the whitespace-separated
// chunks of s that starts and ends where a letter run, a digit run or
// another rune starts or ends (the trust layer's tokens start and end
// there, so any word of a name it reads in s is one of them), and whether
// the piece is somewhere written capitalised.
func nameUnits(s string) map[string]bool {
	units := map[string]bool{}
	for _, chunk := range strings.Fields(s) {
		cuts := []int{0}
		prev := -1
		for i, r := range chunk {
			class := 2
			if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
				class = 0
			} else if unicode.IsDigit(r) {
				class = 1
			}
			if i > 0 && (class != prev || class == 2) {
				cuts = append(cuts, i)
			}
			prev = class
		}
		cuts = append(cuts, len(chunk))
		for a := 0; a < len(cuts); a++ {
			r, _ := utf8.DecodeRuneInString(chunk[cuts[a]:])
			for b := a + 1; b < len(cuts) && b <= a+maxNamePieces; b++ {
				u := text.Fold(chunk[cuts[a]:cuts[b]])
				units[u] = units[u] || unicode.IsUpper(r)
			}
		}
	}
	return units
}
