package trust

import (
	"strings"

	"github.com/factcheckwidget/factcheck/internal/text"
)

// Cue is a word or phrase that negates what a sentence says.
type Cue struct {
	Text       string // as written, s[Start:End]
	Start, End int
}

// NegationCues returns the negators of s in order: "not" (but not "not
// only", "whether or not", "if not"), "n't", "cannot", "never", "no" as a
// determiner ("no evidence", not "No," or "no doubt"), "none", "nobody",
// "nothing", "nowhere", "neither" (with its "nor"), a lone "nor", "no
// longer", denial verbs ("denied"), refusal and failure ("refused to",
// "failed to"), "ruled out", "false that", and the negated adjectives
// "untrue", "inaccurate", "incorrect". "without" is left out: it negates a
// circumstance ("without delay") far more often than the claim.
func NegationCues(s string) []Cue { return negCues(s, lex(s)) }

var negWords = wordSet("never|none|nobody|nothing|nowhere|cannot|deny|denies|denied|denying|untrue|inaccurate|incorrect|refused|refuses|refuse|refusing")

func negCues(s string, toks []tok) []Cue {
	var out []Cue
	neither := false
	add := func(i, j int) {
		out = append(out, Cue{Text: s[toks[i].start:toks[j].end], Start: toks[i].start, End: toks[j].end})
	}
	for i, t := range toks {
		if t.kind != tWord {
			continue
		}
		w := t.low
		next := wordAt(toks, i+1)
		switch {
		case w == "not":
			if p := wordAt(toks, i-1); next == "only" || next == "the" && wordAt(toks, i+2) == "same" || p == "or" || p == "if" ||
				gerundPrepositions[p] && strings.HasSuffix(next, "ing") || contrastAfter(toks, i) || correction(toks, i) {
				continue // "not only", "not the same", "whether or not", "by not eating", "not X but Y", "X, not Y"
			}
			add(i, i)
		case strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n\u2019t"):
			if idiomAfter[next] {
				continue // "can't believe", "don't forget"
			}
			add(i, i)
		case w == "never":
			if idiomAfter[next] {
				continue // "never forget"
			}
			add(i, i)
		case w == "no":
			// Only "no longer" and "there is no" negate the predicate; "no"
			// before an object ("no water", "no regrets", "no more money")
			// quantifies it and rarely denies the claim itself.
			if p := wordAt(toks, i-1); next == "longer" || existential[p] && wordAt(toks, i-2) == "there" && next != "doubt" {
				add(i, i)
			}
		case w == "neither":
			neither = true
			add(i, i)
		case w == "nor":
			if !neither {
				add(i, i)
			}
		case negWords[w]:
			add(i, i)
		case (w == "failed" || w == "fails" || w == "fail") && next == "to":
			add(i, i)
		case (w == "ruled" || w == "rules" || w == "rule") && next == "out":
			add(i, i+1)
		case w == "false" && next == "that":
			add(i, i)
		}
	}
	return out
}

// antonyms are verb pairs that contradict without a negator ("supported"
// vs "opposed"). Each group lists the forms of side A, then side B. Kept
// small and unambiguous on purpose: "back" alone ("handed back") and
// "confirm"/"deny" (deny is already a cue) are not in it.
var antonyms = [][2][]string{
	{{"support", "supports", "supported", "supporting", "backed", "backs", "endorse", "endorses", "endorsed", "endorsing"},
		{"oppose", "opposes", "opposed", "opposing"}},
	{{"approve", "approves", "approved", "approving", "accept", "accepts", "accepted", "accepting"},
		{"reject", "rejects", "rejected", "rejecting", "veto", "vetoed", "vetoes"}},
	{{"win", "wins", "won", "winning"}, {"lose", "loses", "lost", "losing"}},
	{{"allow", "allows", "allowed", "allowing", "permit", "permits", "permitted"},
		{"ban", "bans", "banned", "banning", "prohibit", "prohibits", "prohibited", "forbid", "forbids", "forbade", "forbidden"}},
	{{"confirm", "confirms", "confirmed", "confirming"}, {"dismiss", "dismisses", "dismissed", "dismissing"}},
	{{"legal", "lawful", "legally", "lawfully"}, {"illegal", "unlawful", "illegally", "unlawfully"}},
	{{"strong", "stronger"}, {"weak", "weaker"}},
	{{"safe", "safer"}, {"unsafe", "dangerous"}},
	{{"possible"}, {"impossible"}},
	{{"able"}, {"unable"}},
	{{"fit"}, {"unfit"}},
}

var antonymSide = map[string][2]int{} // word -> {group, side}

func init() {
	for g, pair := range antonyms {
		for side, words := range pair {
			for _, w := range words {
				antonymSide[w] = [2]int{g, side}
			}
		}
	}
}

// antonymHit is the first word of a side of an antonym group in a text.
type antonymHit struct {
	seen [2]bool
	tok  [2]int
}

func antonymHits(toks []tok) map[int]*antonymHit {
	var m map[int]*antonymHit
	for i, t := range toks {
		gs, ok := antonymSide[t.low]
		if !ok || t.kind != tWord {
			continue
		}
		if m == nil {
			m = map[int]*antonymHit{}
		}
		h := m[gs[0]]
		if h == nil {
			h = &antonymHit{}
			m[gs[0]] = h
		}
		if !h.seen[gs[1]] {
			h.seen[gs[1]], h.tok[gs[1]] = true, i
		}
	}
	return m
}

// contrastAfter reports a "not X but Y" contrast within the next four
// words ("not a cabbage but a pagoda flower"): it corrects a detail and
// affirms the rest, so it does not negate the claim.
func contrastAfter(toks []tok, i int) bool {
	for k := i + 1; k < len(toks) && k <= i+4; k++ {
		if toks[k].kind == tWord && toks[k].low == "but" {
			return true
		}
	}
	return false
}

// correction reports a "not" that sets a name or a noun phrase against
// another rather than negating a verb: "body double Teresa Barnwell, not
// Clinton herself", or "Not Bob Barker." opening a sentence.
func correction(toks []tok, i int) bool {
	next := wordAt(toks, i+1)
	if next == "" {
		return false
	}
	name := toks[i+1].capitalised()
	switch {
	case i > 0 && toks[i-1].s == ",":
		return name || next == "the" || next == "a" || next == "an"
	case i > 0 && toks[i-1].kind == tWord && toks[i-1].capitalised() && !sentenceStart(toks, i-1):
		return name // "you said Russia not alQaida"
	}
	return name && sentenceStart(toks, i) && !auxiliaries[next]
}

// idiomAfter are words after a negator that make an idiom or an appeal, not
// a denial: "can't believe it", "never forget", "can't wait".
var idiomAfter = wordSet("believe|forget|wait")

// gerundPrepositions before "not" + gerund make an adverbial ("by not
// eating out"), which does not negate the sentence's claim.
var gerundPrepositions = wordSet("by|for|from|about|of|without")

// existential verbs of "there is no ...", which denies existence outright.
var existential = wordSet("is|are|was|were|s")

// inScope keeps the cues whose scope the other side speaks of: the words
// the cue negates (its first three content words up to the end of the
// clause) share a stem with the other side, or the cue stands in a main
// clause that does. "If you haven't seen this video" or "news the media
// didn't report" negate something the claim does not say; on the CheckThat!
// train tweets such out-of-scope negations were most of the negation flags
// raised on the gold claims of unaltered posts. A negated truth word is
// always in scope (deniesTruth). Adjectival cues
// ("incorrect", "untrue") negate what comes before them.
func inScope(cues []Cue, toks, other []tok) []Cue {
	if len(cues) == 0 {
		return cues
	}
	stems := map[string]bool{}
	for _, t := range other {
		if t.kind == tWord && !text.IsStopWord(t.low) {
			stems[text.Stem(t.low)] = true
		}
	}
	shares := func(words []string) bool {
		for _, w := range words {
			if stems[text.Stem(w)] {
				return true
			}
		}
		return false
	}
	out := cues[:0:0]
	for _, cue := range cues {
		if addressed(toks, cue) && !mentionsYou(other) {
			continue
		}
		before, subordinate := clauseBefore(toks, cue)
		scope := scopeWords(toks, cue)
		if shares(scope) || !subordinate && shares(before) || deniesTruth(scope) {
			out = append(out, cue)
		}
	}
	return out
}

// addressed reports a negation addressed to the reader rather than stated
// about the world: an imperative ("Don't touch the ant colonies", "please
// do not open any perfume bottle") or a generic "you" ("you can't eat soup
// while driving"). On the CheckThat! train tweets these were a tenth of the
// negation flags raised on unaltered posts; the rule costs as many
// negations written into posts as it saves flags on unaltered ones (3 in
// 350 and 3 in 607), and a wrong flag on an unaltered page is the worse
// error.
func addressed(toks []tok, cue Cue) bool {
	k := tokenAt(toks, cue.Start)
	prev := wordAt(toks, k-1)
	if addressees[prev] || (prev == "do" || modals[prev]) && addressees[wordAt(toks, k-2)] {
		return true // "you can't", "you will not", "please do not"
	}
	start := k
	switch w := wordAt(toks, k); {
	case w == "not" && prev == "do":
		start = k - 1
	case w != "don't" && w != "don\u2019t" && w != "dont":
		return false
	}
	return start == 0 || sentenceStart(toks, start) || isClauseBreak(toks[start-1])
}

var addressees = wordSet("you|u|ya|please")

// tokenAt returns the index of the first token starting at or after the
// byte offset at.
func tokenAt(toks []tok, at int) int {
	k := 0
	for k < len(toks) && toks[k].start < at {
		k++
	}
	return k
}

func mentionsYou(toks []tok) bool {
	for _, t := range toks {
		if t.low == "you" || t.low == "your" {
			return true
		}
	}
	return false
}

// reportingVerbs pass a negation on to the statement they introduce.
var reportingVerbs = wordSet("say|said|says|think|thought|believe|believed|conclude|concluded|know|knew|claim|claimed|mean|meant|find|found|show|shown|showed|prove|proved|proven")

// truthWords make a negation deny a statement made elsewhere in the
// sentence ("saying he did not think it was accurate", "that never
// happened"), so it is in scope whatever words it shares.
var truthWords = wordSet("true|accurate|correct|real|genuine|authentic|factual|happen|happened|happens|exist|exists|existed")

func deniesTruth(scope []string) bool {
	for _, w := range scope {
		if truthWords[w] {
			return true
		}
	}
	return false
}

// clauseWords end a negation's scope; those that open a subordinate
// clause ("if you haven't seen ...") mark it as one.
var clauseWords = wordSet("but|because|although|though|while|whereas|so|since|unless|until|if|when|that|which|who|whom|whose|where|after|before|whether")

// negatedAdjectives negate what precedes them ("the report was inaccurate").
var negatedAdjectives = wordSet("untrue|inaccurate|incorrect")

func isClauseBreak(t tok) bool {
	return t.kind == tPunct && strings.ContainsAny(t.s, ".,;:!?()\u2014")
}

// clauseBefore returns the content words of the cue's clause before it,
// and whether a subordinating word opens that clause.
func clauseBefore(toks []tok, cue Cue) ([]string, bool) {
	k := 0
	for k < len(toks) && toks[k].start < cue.Start {
		k++
	}
	var out []string
	for k--; k >= 0; k-- {
		t := toks[k]
		if isClauseBreak(t) {
			break
		}
		if t.kind != tWord {
			continue
		}
		if clauseWords[t.low] {
			// "but" and "so" join main clauses, and "that" opens the
			// reported statement ("you said that the party was not ..."),
			// which is what a claim usually is.
			return out, t.low != "but" && t.low != "so" && t.low != "that"
		}
		if !text.IsStopWord(t.low) && !auxiliaries[t.low] {
			out = append(out, t.low)
		}
	}
	return out, false
}

// scopeLen is how many content words a negation's scope runs to: on the
// CheckThat! train tweets 4 caught 2 more negations in 100 than 3, for one
// more flag on an unaltered post in 600; 5 added as many of each.
var scopeLen = 4

// scopeWords are the first scopeLen content words the cue negates.
func scopeWords(toks []tok, cue Cue) []string {
	var out []string
	dir, k := 1, 0
	for k < len(toks) && toks[k].start < cue.End {
		k++
	}
	if negatedAdjectives[strings.ToLower(cue.Text)] {
		dir = -1
		for k = len(toks) - 1; k >= 0 && toks[k].start >= cue.Start; k-- {
		}
	} else if wordAt(toks, k) == "that" {
		k++ // "false that ..."
	}
	for ; k >= 0 && k < len(toks) && len(out) < scopeLen; k += dir {
		t := toks[k]
		if isClauseBreak(t) {
			break
		}
		if t.kind != tWord {
			continue
		}
		if t.low == "that" && dir > 0 && len(out) == 1 && reportingVerbs[out[0]] {
			continue // "have not concluded that X": the negation reaches X
		}
		if clauseWords[t.low] && (dir > 0 || len(out) > 0) {
			break
		}
		if !text.IsStopWord(t.low) && !auxiliaries[t.low] {
			out = append(out, t.low)
		}
	}
	return out
}
