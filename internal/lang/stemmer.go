package lang

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
	MaxRunes int // the longest key, in runes
}

// WholeWord starts the key of a rule for one whole word.
const WholeWord = "^"

// Stem applies the prefix rules, then the suffix rules, to a folded word.
func (s *Stemmer) Stem(w string) string {
	if s == nil || w == "" {
		return w
	}
	if r, ok := s.Prefixes.find(w, false); ok && r.Strip < len(w) && utf8.RuneStart(w[r.Strip]) {
		w = w[r.Strip:]
	}
	r, ok := s.Suffixes.find(w, true)
	if !ok || r.Strip > len(w) || r.Strip == len(w) && r.Add == "" {
		return w
	}
	if cut := len(w) - r.Strip; cut < len(w) && !utf8.RuneStart(w[cut]) {
		return w // a rule learned on other words that would split a letter
	}
	return w[:len(w)-r.Strip] + r.Add
}

// find returns the rule of the longest key that w ends (suffix) or starts
// (prefix) with; the whole word's own rule comes first.
func (t *RuleTable) find(w string, suffix bool) (Rule, bool) {
	if len(t.Rules) == 0 {
		return Rule{}, false
	}
	n := utf8.RuneCountInString(w)
	if n <= t.MaxRunes {
		if r, ok := t.Rules[WholeWord+w]; ok {
			return r, true
		}
	}
	// Cut points of the affixes of 1..MaxRunes runes, longest first.
	k := min(n, t.MaxRunes)
	for ; k > 0; k-- {
		var key string
		if suffix {
			key = w[runeOffsetFromEnd(w, k):]
		} else {
			key = w[:runeOffset(w, k)]
		}
		if r, ok := t.Rules[key]; ok {
			return r, true
		}
	}
	return Rule{}, false
}

// runeOffset is the byte offset of rune k of w.
func runeOffset(w string, k int) int {
	i := 0
	for ; k > 0 && i < len(w); k-- {
		_, size := utf8.DecodeRuneInString(w[i:])
		i += size
	}
	return i
}

// runeOffsetFromEnd is the byte offset where the last k runes of w start.
func runeOffsetFromEnd(w string, k int) int {
	i := len(w)
	for ; k > 0 && i > 0; k-- {
		_, size := utf8.DecodeLastRuneInString(w[:i])
		i -= size
	}
	return i
}
