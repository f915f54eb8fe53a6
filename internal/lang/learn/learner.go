package learn

import (
	"sort"
	"unicode/utf8"

	"github.com/factcheckwidget/factcheck/internal/text"
)

// Pair is a folded word and the folded stem the real stemmer gives it.
type Pair struct{ Word, Stem string }

// Options of the rule learner.
type Options struct {
	// MaxRunes is the longest ending (or beginning) a rule looks at.
	MaxRunes int
	// MaxPrefixRunes is the longest beginning a word may lose (Arabic's
	// "وال"); 0 learns suffix rules only.
	MaxPrefixRunes int
	// MinGain is how many more training words a rule must stem right
	// than the rule it overrides: 1 memorises every exception, more
	// keeps only rules that generalise.
	MinGain int
}

// DefaultOptions were chosen on held-out words of the paraphrase set and
// of the English CheckThat! claims (learn_test.go, README "Languages"):
// endings of up to 7 characters cover the longest inflections Snowball
// removes in one step ("amente", "ización"), and a gain of 1 keeps the
// exceptions that make the learned stemmer agree with Snowball on the
// corpus's own words.
var DefaultOptions = Options{MaxRunes: 7, MaxPrefixRunes: 4, MinGain: 1}

// Learn returns the decision lists that reproduce pairs: a prefix table
// (only when some stem drops a beginning) and a suffix table.
func Learn(pairs []Pair, opt Options) *text.Stemmer {
	var prefixes, suffixes []example
	for _, p := range pairs {
		strip, rest, rule := split(p.Word, p.Stem, opt.MaxPrefixRunes)
		prefixes = append(prefixes, example{p.Word, text.Rule{Strip: strip}})
		suffixes = append(suffixes, example{rest, rule})
	}
	st := &text.Stemmer{Suffixes: learnTable(suffixes, true, opt)}
	if opt.MaxPrefixRunes > 0 {
		st.Prefixes = learnTable(prefixes, false, opt)
	}
	return st
}

type example struct {
	word string
	rule text.Rule
}

// split explains stem as word minus a beginning of strip bytes, then
// minus an ending, plus an addition: the beginning cut is the one (of at
// most maxPrefix runes) that leaves the longest common start with stem.
func split(word, stem string, maxPrefix int) (strip int, rest string, rule text.Rule) {
	bestP, bestC := 0, commonPrefix(word, stem)
	p := 0
	for k := 1; k <= maxPrefix && p < len(word); k++ {
		_, size := utf8.DecodeRuneInString(word[p:])
		p += size
		// Dropping a beginning must leave a real stem behind, not a
		// coincidental letter or two.
		if c := commonPrefix(word[p:], stem); c > bestC && utf8.RuneCountInString(stem[:c]) >= 2 {
			bestP, bestC = p, c
		}
	}
	rest = word[bestP:]
	return bestP, rest, text.Rule{Strip: len(rest) - bestC, Add: stem[bestC:]}
}

// commonPrefix is the byte length of the longest common start of a and
// b, cut to whole runes.
func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	for n > 0 && n < len(a) && !utf8.RuneStart(a[n]) {
		n--
	}
	return n
}

type node struct {
	key, parent string
	depth       int // affix length in runes; whole-word nodes come after every affix of their length
	whole       bool
	counts      map[text.Rule]int
}

// learnTable builds the decision list over word endings (suffix) or
// beginnings: every affix of up to MaxRunes runes of a training word is a
// node counting the rules of the words that have it; walking from short
// affixes to long ones, a node becomes a rule when its most common rule
// differs from the one it inherits and stems at least MinGain more words
// right.
func learnTable(examples []example, suffix bool, opt Options) text.RuleTable {
	nodes := map[string]*node{}
	add := func(key, parent string, depth int, whole bool, r text.Rule) {
		n := nodes[key]
		if n == nil {
			n = &node{key: key, parent: parent, depth: depth, whole: whole, counts: map[text.Rule]int{}}
			nodes[key] = n
		}
		n.counts[r]++
	}
	for _, ex := range examples {
		runes := utf8.RuneCountInString(ex.word)
		prev := ""
		for k := 1; k <= min(runes, opt.MaxRunes); k++ {
			key := affix(ex.word, k, suffix)
			add(key, prev, k, false, ex.rule)
			prev = key
		}
		if runes <= opt.MaxRunes {
			add(text.WholeWord+ex.word, prev, runes, true, ex.rule)
		}
	}
	order := make([]*node, 0, len(nodes))
	for _, n := range nodes {
		order = append(order, n)
	}
	sort.Slice(order, func(i, j int) bool {
		a, b := order[i], order[j]
		if a.depth != b.depth {
			return a.depth < b.depth
		}
		if a.whole != b.whole {
			return !a.whole
		}
		return a.key < b.key
	})
	chosen := map[string]text.Rule{"": {}}
	t := text.RuleTable{Rules: map[string]text.Rule{}}
	for _, n := range order {
		inherited := chosen[n.parent]
		best := majority(n.counts, inherited)
		if best != inherited && n.counts[best]-n.counts[inherited] >= opt.MinGain {
			t.Rules[n.key] = best
			t.MaxRunes = max(t.MaxRunes, n.depth)
			chosen[n.key] = best
		} else {
			chosen[n.key] = inherited
		}
	}
	return t
}

// majority is the most common rule, the inherited one on a tie, then the
// shortest change (deterministic whatever the map order).
func majority(counts map[text.Rule]int, inherited text.Rule) text.Rule {
	best, n := inherited, counts[inherited]
	for r, c := range counts {
		if c > n || c == n && r != best && best != inherited && less(r, best) {
			best, n = r, c
		}
	}
	return best
}

func less(a, b text.Rule) bool {
	if a.Strip != b.Strip {
		return a.Strip < b.Strip
	}
	return a.Add < b.Add
}

// affix is the last (suffix) or first k runes of w.
func affix(w string, k int, suffix bool) string {
	if suffix {
		i := len(w)
		for ; k > 0; k-- {
			_, size := utf8.DecodeLastRuneInString(w[:i])
			i -= size
		}
		return w[i:]
	}
	i := 0
	for ; k > 0; k-- {
		_, size := utf8.DecodeRuneInString(w[i:])
		i += size
	}
	return w[:i]
}
