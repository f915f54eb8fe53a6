package evaluate

import (
	"strings"

	"github.com/factcheckwidget/factcheck/internal/text"
)

// The negations of the flag table, in the forms writers use: "not" or a
// contraction after the auxiliary ("is not", "isn't"), "never", do-support
// for a verb in the present ("doesn't show"), "never" before a verb in
// the past ("never signed") and an antonym ("opposed" for "supported").
// Each query gets at most one predicate negation (the form chosen by its
// seed among those that apply) and one antonym. A denial of the whole
// statement ("It is not true that ...") is a kind of its own: the page
// then disputes the claim rather than stating its opposite.

var auxiliaries = map[string]bool{"is": true, "are": true, "was": true, "were": true, "has": true, "have": true,
	"had": true, "will": true, "can": true, "could": true, "would": true, "should": true, "does": true, "did": true, "do": true}

// contracted forms of the auxiliaries with "not".
var contracted = map[string]string{"is": "isn't", "are": "aren't", "was": "wasn't", "were": "weren't", "has": "hasn't",
	"have": "haven't", "had": "hadn't", "will": "won't", "can": "can't", "could": "couldn't", "would": "wouldn't",
	"should": "shouldn't", "does": "doesn't", "did": "didn't", "do": "don't"}

var negators = map[string]bool{"not": true, "no": true, "never": true, "cannot": true, "cant": true, "wont": true}

// presentVerbs are verbs in the third person that claims often turn on;
// their base form is the word without its -s / -es ending.
var presentVerbs = wordList("shows|says|causes|contains|wants|plans|supports|allows|bans|requires|gives|pays|makes|" +
	"kills|cures|prevents|uses|costs|includes|means|gets|takes|owns|sells|receives|leads|spends|raises|protects|" +
	"provides|helps|creates|depicts|features|reveals|proves|lets|claims|states|reads|puts|keeps|needs|offers|" +
	"sends|votes|works|lives|knows|believes|thinks|tells|calls|asks|hides|pushes|blocks|funds|forces|eats|" +
	"drinks|earns|loses|wins|gains|kills|hurts|harms|destroys|protects|follows|joins")

// pastVerbs are irregular verbs in the past; regular ones end in -ed.
var pastVerbs = wordList("said|made|went|took|gave|got|came|saw|knew|told|found|thought|paid|sent|left|kept|held|" +
	"brought|bought|built|spent|lost|won|wrote|ran|met|led|fell|rose|shot|stole|threw|sold|became|began|broke|" +
	"drove|ate|grew|hid|caught|taught|fought|flew|drew|chose|forgot|forgave|hung|sang|spoke|stood|swore|wore|" +
	"understood|woke")

// antonymPairs are swapped one for the other; trend words ("rose",
// "fell") are left to the numbers, which compare trends.
var antonymPairs = [][2]string{
	{"supports", "opposes"}, {"supported", "opposed"}, {"support", "oppose"},
	{"approved", "rejected"}, {"approves", "rejects"}, {"accepted", "refused"},
	{"allowed", "banned"}, {"allows", "bans"}, {"legal", "illegal"},
	{"won", "lost"}, {"wins", "loses"}, {"confirmed", "denied"}, {"confirms", "denies"},
	{"true", "false"}, {"safe", "dangerous"}, {"included", "excluded"},
}

// negations returns the negation perturbations of query for claim.
func negations(query, claim string, seed uint64) []Perturbation {
	toks := text.Tokenize(query)
	for _, t := range toks {
		if negators[t.Text] || strings.HasSuffix(t.Text, "nt") && auxiliaries[strings.TrimSuffix(t.Text, "nt")] {
			return nil // already negated: a second negation would restore the claim
		}
	}
	inClaim := map[string]bool{}
	for _, t := range text.Terms(claim) {
		inClaim[t] = true
	}
	var out []Perturbation
	add := func(form, flag, p string) {
		out = append(out, Perturbation{Kind: "negation", Form: form, Flag: flag, Text: p})
	}
	if aux := claimAuxiliary(query, toks, inClaim); aux >= 0 {
		t := toks[aux]
		switch seed % 3 {
		case 0:
			add("not", "negation", query[:t.End]+" not"+query[t.End:])
		case 1:
			if c, ok := contracted[t.Text]; ok {
				add("n't", "negation", query[:t.Start]+matchCase(query[t.Start:t.End], c)+query[t.End:])
			}
		default:
			add("never", "negation", query[:t.End]+" never"+query[t.End:])
		}
	} else if v := claimVerb(query, toks, inClaim); v >= 0 {
		t := toks[v]
		if presentVerbs[t.Text] {
			neg := "does not "
			if seed%2 == 1 {
				neg = "doesn't "
			}
			add("does-not", "negation", query[:t.Start]+neg+baseOfPresent(query[t.Start:t.End])+query[t.End:])
		} else {
			add("never", "negation", query[:t.Start]+"never "+query[t.Start:])
		}
	}
	if p, ok := swapAntonym(query, claim); ok {
		add("antonym", "negation", p)
	}
	if sharesTerm(query, inClaim) {
		out = append(out, Perturbation{Kind: "denial", Form: "not-true", Flag: "disputes", Text: "It is not true that " + lowerFirst(query)})
	}
	return out
}

// claimAuxiliary is the auxiliary of the clause that states the claim (the
// one sharing most content words with it, the first on a tie), or -1.
func claimAuxiliary(query string, toks []text.Token, inClaim map[string]bool) int {
	best, bestShared := -1, 0
	for i, t := range toks {
		if !auxiliaries[t.Text] || i == 0 || toks[i-1].Kind != text.Word || !adjacentWords(query, toks[i-1], t) {
			continue // "Is our country ...?", "Would you like ...?": a question, not a statement to negate
		}
		if n := sharedInClause(query, toks, i, inClaim); n > bestShared {
			best, bestShared = i, n
		}
	}
	return best
}

// claimVerb is the first verb in the present (from presentVerbs) or the
// past (irregular, or a word of five letters or more ending in -ed) after
// a word of the clause that states the claim, or -1.
func claimVerb(query string, toks []text.Token, inClaim map[string]bool) int {
	best, bestShared := -1, 0
	for i, t := range toks {
		if i == 0 || toks[i-1].Kind != text.Word || !adjacentWords(query, toks[i-1], t) || text.IsStopWord(toks[i-1].Text) {
			continue
		}
		if !presentVerbs[t.Text] && !pastVerbs[t.Text] && !(len(t.Text) >= 5 && strings.HasSuffix(t.Text, "ed")) {
			continue
		}
		if query[t.Start] < 'a' || query[t.Start] > 'z' {
			continue // a capitalised word is a name ("Ted", "United")
		}
		if n := sharedInClause(query, toks, i, inClaim); n > bestShared {
			best, bestShared = i, n
		}
	}
	return best
}

func baseOfPresent(w string) string {
	switch {
	case w == "has":
		return "have"
	case w == "does":
		return "do"
	case strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "zes"):
		return w[:len(w)-2]
	}
	return strings.TrimSuffix(w, "s")
}

// swapAntonym replaces the first antonym-pair word the query shares with
// the claim by its opposite.
func swapAntonym(query, claim string) (string, bool) {
	for _, t := range text.Tokenize(query) {
		for _, pair := range antonymPairs {
			for i := 0; i < 2; i++ {
				if t.Text == pair[i] && wordIndex(strings.ToLower(claim), pair[i]) >= 0 && wordIndex(strings.ToLower(claim), pair[1-i]) < 0 {
					return query[:t.Start] + matchCase(query[t.Start:t.End], pair[1-i]) + query[t.End:], true
				}
			}
		}
	}
	return "", false
}

// matchCase writes w in the case of like: "Is" -> "Isn't", "IS" -> "ISN'T".
func matchCase(like, w string) string {
	switch {
	case strings.ToUpper(like) == like && len(like) > 1:
		return strings.ToUpper(w)
	case like != "" && like[0] >= 'A' && like[0] <= 'Z':
		return strings.ToUpper(w[:1]) + w[1:]
	}
	return w
}

// lowerFirst lower-cases the first letter of s when its first word is an
// ordinary word written capitalised only because it opens the sentence.
func lowerFirst(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return s
	}
	w := f[0]
	if len(w) > 1 && w[0] >= 'A' && w[0] <= 'Z' && w[1] >= 'a' && w[1] <= 'z' && text.IsStopWord(strings.ToLower(strings.Trim(w, ",.:;!?"))) {
		i := strings.Index(s, w)
		return s[:i] + strings.ToLower(w[:1]) + s[i+1:]
	}
	return s
}

func sharesTerm(s string, inClaim map[string]bool) bool {
	for _, t := range text.Terms(s) {
		if inClaim[t] {
			return true
		}
	}
	return false
}

// adjacentWords reports that only spaces separate a and b.
func adjacentWords(s string, a, b text.Token) bool {
	return strings.TrimSpace(s[a.End:b.Start]) == ""
}

// sharedInClause counts the claim's content words in the clause around
// toks[i]: between the punctuation marks that bound it.
func sharedInClause(s string, toks []text.Token, i int, inClaim map[string]bool) int {
	const bounds = ".,;:!?()"
	if len(toks) == 0 {
		return 0
	}
	lo, hi := toks[i].Start, toks[i].End
	for lo > 0 && !strings.ContainsRune(bounds, rune(s[lo-1])) {
		lo--
	}
	for hi < len(s) && !strings.ContainsRune(bounds, rune(s[hi])) {
		hi++
	}
	seen := map[string]bool{}
	for _, t := range text.Terms(s[lo:hi]) {
		if inClaim[t] {
			seen[t] = true
		}
	}
	return len(seen)
}
