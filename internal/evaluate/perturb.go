package evaluate

import (
	"hash/fnv"
	"strconv"
	"strings"

	"github.com/factcheckwidget/factcheck/internal/text"
	"github.com/factcheckwidget/factcheck/internal/trust"
)

// Perturbation is a query altered so that it no longer says what its gold
// fact-check says; Flag is the consistency flag the trust layer should raise.
type Perturbation struct {
	Kind string // "numbers", "dates", "entities", "negation"
	// Form says how: "scaled", "year", "month"; "country", "state",
	// "person"; "not", "n't", "never", "does-not", "antonym", "not-true".
	Form string
	Flag string // "numbers-differ", "date-differs", "entity-differs", "negation"
	Text string
}

// Perturb writes the perturbations of query that apply given its gold
// claim: a number, year or month, or entity is only changed when the claim
// states it too (otherwise nothing contradicts the claim), and negation is
// written into the clause that states the claim (perturb_negation.go).
// The choices that vary between queries (which person is swapped in, which
// form of negation) follow a hash of the query, so runs are repeatable.
//
// Only the part of the query that makes the claim is altered (its sentence
// closest to the claim, without embedded-post credit lines): changing the
// date in "— Name (@handle) June 4, 2019" does not change what is claimed.
func Perturb(query, claim string) []Perturbation {
	start, end := trust.Focus(query, claim)
	head, part, tail := query[:start], query[start:end], query[end:]
	seed := seedOf(query)
	var out []Perturbation
	if p, ok := scaleNumber(part, claim); ok {
		out = append(out, Perturbation{Kind: "numbers", Form: "scaled", Flag: "numbers-differ", Text: p})
	}
	if p, form, ok := shiftDate(part, claim); ok {
		out = append(out, Perturbation{Kind: "dates", Form: form, Flag: "date-differs", Text: p})
	}
	out = append(out, swapEntities(part, claim, seed)...)
	out = append(out, negations(part, claim, seed)...)
	for i := range out {
		out[i].Text = head + out[i].Text + tail
	}
	return out
}

// seedOf hashes s (FNV-1a) into the seed of its perturbations.
func seedOf(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

func tokenSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, t := range text.Tokenize(s) {
		set[t.Text] = true
	}
	return set
}

func isYear(t string) bool {
	n, err := strconv.Atoi(t)
	return err == nil && len(t) == 4 && n >= 1900 && n <= 2100
}

// scaleNumber triples the first non-year number shared with the claim,
// written the way the original was ("28,500" -> "85,500").
func scaleNumber(query, claim string) (string, bool) {
	inClaim := tokenSet(claim)
	for _, t := range text.Tokenize(query) {
		if t.Kind != text.Number || isYear(t.Text) || !inClaim[t.Text] || !standalone(query, t) {
			continue
		}
		v, err := strconv.ParseFloat(t.Text, 64)
		if err != nil || v == 0 {
			continue
		}
		scaled := strconv.FormatFloat(v*3, 'f', -1, 64)
		if strings.Contains(query[t.Start:t.End], ",") {
			scaled = groupThousands(scaled)
		}
		return query[:t.Start] + scaled + query[t.End:], true
	}
	return "", false
}

// standalone reports a number that states a quantity: not part of an
// ordinal or a name ("118th", "2nd", "Incredibles 2", "Air Force 1"), a
// date or a fraction ("9/11", "1/3"). Scaling those does not change a
// quantity the claim states.
func standalone(s string, t text.Token) bool {
	if t.End < len(s) && (isWordByte(s[t.End]) || s[t.End] == '/') {
		return false
	}
	if t.Start > 0 && s[t.Start-1] == '/' {
		return false
	}
	// A capitalised word before the number names a title, unless it
	// opens the sentence ("Around 28,500 troops").
	before := strings.Fields(s[:t.Start])
	if len(before) == 0 {
		return true
	}
	prev := before[len(before)-1]
	capital := prev[0] >= 'A' && prev[0] <= 'Z' && isWordByte(prev[len(prev)-1])
	opens := len(before) == 1
	if !opens {
		w := before[len(before)-2]
		opens = strings.ContainsAny(w[len(w)-1:], ".!?:") // a sentence ends before prev
	}
	return !capital || opens
}

func groupThousands(s string) string {
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if hasFrac {
		return b.String() + "." + frac
	}
	return b.String()
}

var months = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// shiftDate moves a year shared with the claim three years later, or a
// month name shared with it five months on.
func shiftDate(query, claim string) (string, string, bool) {
	inClaim := tokenSet(claim)
	for _, t := range text.Tokenize(query) {
		if t.Kind == text.Number && isYear(t.Text) && inClaim[t.Text] {
			y, _ := strconv.Atoi(t.Text)
			return query[:t.Start] + strconv.Itoa(y+3) + query[t.End:], "year", true
		}
	}
	toks := text.Tokenize(query)
	for k, t := range toks {
		for i, m := range months {
			if t.Text == strings.ToLower(m) && inClaim[t.Text] && query[t.Start:t.End] == m && monthContext(query, toks, k) {
				return query[:t.Start] + months[(i+5)%12] + query[t.End:], "month", true
			}
		}
	}
	return "", "", false
}

// monthContext reports a month name used as a date: beside a number ("March
// 2018", "4 March") or after a word that introduces a date ("in March"),
// not inside a name or hashtag ("Imperial March", "#WomensMarch").
func monthContext(s string, toks []text.Token, k int) bool {
	t := toks[k]
	if t.Start > 0 && isWordByte(s[t.Start-1]) {
		return false
	}
	if k+1 < len(toks) && toks[k+1].Kind == text.Number || k > 0 && toks[k-1].Kind == text.Number {
		return true
	}
	return k > 0 && dateIntro[toks[k-1].Text]
}

var dateIntro = wordList("in|since|until|by|during|early|late|mid|last|next|this|from|through|before|after|of")

// wordIndex finds name in s as whole words, or -1.
func wordIndex(s, name string) int {
	for from := 0; ; {
		i := strings.Index(s[from:], name)
		if i < 0 {
			return -1
		}
		i += from
		end := i + len(name)
		if (i == 0 || !isWordByte(s[i-1])) && (end == len(s) || !isWordByte(s[end])) {
			return i
		}
		from = i + 1
	}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
