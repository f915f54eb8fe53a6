package text

import "unicode/utf8"

// Stemmer is a stemmer learned from a real one (lang/learn): decision
// lists of word endings (and, for languages that strip prefixes such as
// Arabic's "al-", word beginnings), longest first, each with what to do to
// a word that has it. It is data, so an index carries the stemmers of its
// languages and the widget needs no stemming code of its own; both the
// claims and every query are stemmed by it, so they always agree.
type Stemmer struct {
	Prefixes RuleTable // applied first: how many bytes of the beginning to drop
	Suffixes RuleTable // then: the ending to drop and what to put instead
}

// Rule rewrites one side of a word: Strip bytes are removed from that end
// and Add is appended (suffix rules only).
type Rule struct {
	Strip int
	Add   string
}

// RuleTable maps a word ending (or beginning) to its rule. A key starting
// with WholeWord holds the rule of that exact word: short words are where
// a real stemmer's exceptions live.
type RuleTable struct {
	Rules    map[string]Rule
	MaxRunes int // the longest key, in runes (at most MaxRuleRunes)
}

// WholeWord starts the key of a rule for one whole word.
const WholeWord = "^"

// MaxRuleRunes bounds the affixes a rule looks at.
const MaxRuleRunes = 12

// Stem applies the prefix rules, then the suffix rules, to a folded word.
// A rule that would cut inside a letter (learned on other words) or leave
// nothing is not applied.
func (s *Stemmer) Stem(w string) string {
	if s == nil {
		return w
	}
	if r, ok := s.Prefixes.find(w, false); ok && r.Strip < len(w) && utf8.RuneStart(w[r.Strip]) {
		w = w[r.Strip:]
	}
	r, ok := s.Suffixes.find(w, true)
	cut := len(w) - r.Strip
	if !ok || cut < 0 || cut == 0 && r.Add == "" || cut < len(w) && !utf8.RuneStart(w[cut]) {
		return w
	}
	return w[:cut] + r.Add
}

// find returns the rule of the longest key that w ends (suffix) or starts
// (prefix) with; the whole word's own rule comes first.
func (t *RuleTable) find(w string, suffix bool) (Rule, bool) {
	if len(t.Rules) == 0 {
		return Rule{}, false
	}
	// cuts[k-1] is where the affix of k runes ends (prefix) or starts.
	var cuts [MaxRuleRunes]int
	n := 0
	for i := 0; i < len(w) && n < t.MaxRunes+1 && n < MaxRuleRunes; n++ {
		var size int
		if suffix {
			_, size = utf8.DecodeLastRuneInString(w[:len(w)-i])
		} else {
			_, size = utf8.DecodeRuneInString(w[i:])
		}
		i += size
		cuts[n] = i
	}
	if n <= t.MaxRunes && cuts[max(n-1, 0)] == len(w) {
		if r, ok := t.Rules[WholeWord+w]; ok {
			return r, true
		}
	}
	for k := min(n, t.MaxRunes); k > 0; k-- {
		key := w[:cuts[k-1]]
		if suffix {
			key = w[len(w)-cuts[k-1]:]
		}
		if r, ok := t.Rules[key]; ok {
			return r, true
		}
	}
	return Rule{}, false
}
