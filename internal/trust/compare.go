package trust

import (
	"strings"
	"time"

	"github.com/factcheckwidget/factcheck/internal/text"
)

// Flag kinds.
const (
	NumbersDiffer = "numbers-differ"
	DateDiffers   = "date-differs"
	EntityDiffers = "entity-differs"
	Negation      = "negation"
	// Disputes: the page reports the claim and calls it false ("it is
	// false that ...", "the post claims ... It doesn't"); unlike the other
	// kinds it does not say the page states something else.
	Disputes = "disputes"
)

// Flag is a consistency problem between a page sentence and a claim.
type Flag struct {
	Kind  string
	Page  string // what the page says
	Claim string // what the claim says
	Start int    // byte offsets of Page in the page sentence
	End   int
}

// Tolerances of the comparisons.
const (
	// numberTol: two figures agree within 5% (ratio of the larger to the
	// smaller), about the rounding of a figure to two significant digits
	// that news copy does ("28,500" vs "28,000" is 1.8%).
	numberTol = 1.05
	// approxTol: 10% when either figure is hedged ("about", "some"), the
	// loosest reading of "about" that still tells 450,000 from 500,000
	// (ratio 1.11).
	approxTol = 1.10
	// minSharedStems: when the page is several sentences, the one closest
	// to the claim must share this many content words with it, or it is
	// about the claim's topic rather than a restatement, and its details
	// cannot contradict the claim (a one-word overlap such as
	// "tweet" was the most common false flag on the CheckThat! dev tweets).
	minSharedStems = 2
	// factorTol: trend factors agree within 25%: wide enough for the
	// rounding in "more than doubled" (2.0-2.4) or "nearly tripled"
	// (2.7-3.0), narrow enough that "doubled" and "tripled" (1.5) or
	// "doubled" and "rose 10%" (1.8) differ. Percentages of two "rose N%"
	// are also compared as figures, at numberTol.
	factorTol = 1.25
)

// Compare checks a page sentence against the claim it matched (already
// known to be about the same thing) and returns the inconsistencies, in the
// order numbers, dates, entities, negation. ref is the article date and
// claimRef the claim's date, for relative dates; either may be zero. It
// knows no corpus names: see NewComparer.
func Compare(page, claim string, ref, claimRef time.Time) []Flag {
	return NewComparer(nil).Compare(page, claim, ref, claimRef)
}

// Comparer is Compare with a corpus's names and with memory: it analyses
// each distinct text once, so checking one sentence against several
// claims, or one claim against several sentences of an article, does not
// lex and tag the same text again. Not safe for concurrent use; make one
// per article.
type Comparer struct {
	names namer
	sides map[string]*side
}

// NewComparer returns a Comparer that reads names with the corpus's
// lexicon lx (nil: only the page's own names and the core cues).
func NewComparer(lx *Lexicon) *Comparer { return &Comparer{names: namer{corpus: lx}} }

// SetUsedWords tells the comparer which words its corpus uses (used
// reports a lower-case word): a capitalised word the corpus never uses,
// even at a sentence's start, is read as a name ("Kamau with ...").
func (cm *Comparer) SetUsedWords(used func(w string) bool) {
	cm.names.used = used
	cm.sides = nil
}

// LearnPage adds the names of the page being checked (LearnPageNames) to
// what the comparer knows; call it before comparing the page's sentences.
func (cm *Comparer) LearnPage(page string) {
	cm.names.page = LearnPageNames(page)
	cm.sides = nil
}

func (cm *Comparer) side(s string) *side {
	if sd, ok := cm.sides[s]; ok {
		return sd
	}
	if cm.sides == nil {
		cm.sides = map[string]*side{}
	}
	sd := newSide(s, &cm.names)
	cm.sides[s] = sd
	return sd
}

// Compare is the package-level Compare, memoised.
func (cm *Comparer) Compare(page, claim string, ref, claimRef time.Time) []Flag {
	flags, _ := cm.Check(page, claim, ref, claimRef)
	return flags
}

// Agreement is a detail the page states as the claim does: a figure, a
// date or a name, which the widget underlines as evidence for the match.
type Agreement struct {
	Kind  string // "number", "date", "entity"
	Page  string // as the page writes it
	Claim string // as the claim writes it
	Start int    // byte offsets of Page in the page text
	End   int
}

// Check returns both the flags (as Compare) and the details the two sides
// agree on.
func (cm *Comparer) Check(page, claim string, ref, claimRef time.Time) ([]Flag, []Agreement) {
	focused, offset, picked := focus(page, claim)
	if picked && sharedStems(focused, claim) < minSharedStems {
		return nil, nil // the page does not restate the claim closely enough to contradict it
	}
	p, c := cm.side(focused), cm.side(claim)
	pd, cd := dateHits(p.s, p.toks, ref), dateHits(c.s, c.toks, claimRef)
	whole := p
	if picked {
		whole = cm.side(page)
	}
	var flags []Flag
	flags = compareNumbers(p, c, whole, flags)
	flags = compareDates(pd, cd, flags)
	flags = compareEntities(p, c, flags)
	flags = compareNegation(p, c, flags)
	if whole != p {
		if _, ok := disputeCue(whole, c); ok {
			for i := range flags {
				if flags[i].Kind == Negation { // "Fact check: ... NOT ... They are not official."
					flags[i].Kind = Disputes
				}
			}
		}
	}
	for i := range flags {
		flags[i].Start += offset
		flags[i].End += offset
	}
	agree := agreements(p, c, pd, cd)
	for i := range agree {
		agree[i].Start += offset
		agree[i].End += offset
	}
	return flags, agree
}

type side struct {
	s     string
	toks  []tok
	qs    []Quantity
	ents  []Entity
	names []name // the people and organisations of ents, with token ranges
	cues  []Cue
	nm    *namer
	head  int8 // headline case: 0 not computed, 1 no, 2 yes
}

// headline reports a text in headline case, whose capitals say nothing
// about names (headlineCase).
func (sd *side) headline() bool {
	if sd.head == 0 {
		sd.head = 1
		if headlineCase(sd.s) {
			sd.head = 2
		}
	}
	return sd.head == 2
}

func newSide(s string, nm *namer) *side {
	toks := lex(s)
	ents := entities(s, toks, nm)
	return &side{s: s, toks: toks, qs: quantities(s, toks, dateDayTokens(toks)), ents: ents, names: namesOf(ents, toks), cues: negCues(s, toks), nm: nm}
}

func sharedStems(a, b string) int {
	in := map[string]bool{}
	for _, t := range text.Terms(b) {
		in[t] = true
	}
	n := 0
	for _, t := range text.Terms(a) {
		if in[t] {
			in[t] = false
			n++
		}
	}
	return n
}

func ratio(a, b float64) float64 {
	if a < b {
		a, b = b, a
	}
	if b <= 0 {
		if a == b {
			return 1
		}
		return a + 2 // zero against non-zero never agrees
	}
	return a / b
}

func sameQuantity(a, b Quantity) bool {
	tol := numberTol
	if a.Approx || b.Approx {
		tol = approxTol
	}
	return ratio(a.Value, b.Value) <= tol+1e-9
}

// compareNumbers flags a page figure that agrees with none of the claim's
// figures of the same unit, when the claim has any; a claim without
// figures of that unit is not contradicted by one. Years are dates. When
// the page states all of the claim's figures of a unit, in the sentence
// compared or elsewhere in the page (whole), its other figures are other
// facts ("a poll of 25K people ... 250 from each party in all 50 states").
func compareNumbers(p, c, whole *side, flags []Flag) []Flag {
	for _, a := range p.qs {
		if a.Year || allMatched(c.qs, p.qs, a.Unit) || allMatched(c.qs, whole.qs, a.Unit) {
			continue
		}
		var near *Quantity
		matched := false
		for k := range c.qs {
			b := c.qs[k]
			if b.Year || b.Unit != a.Unit {
				continue
			}
			if sameQuantity(a, b) {
				matched = true
				break
			}
			if near == nil || ratio(a.Value, b.Value) < ratio(a.Value, near.Value) {
				near = &c.qs[k]
			}
		}
		if !matched && near != nil {
			flags = append(flags, Flag{Kind: NumbersDiffer, Page: a.Text, Claim: near.Text, Start: a.Start, End: a.End})
		}
	}
	pc, cc := changes(p.s, p.toks, p.qs), changes(c.s, c.toks, c.qs)
	if len(pc) == 0 || len(cc) == 0 {
		return flags
	}
	for _, a := range pc {
		agree := false
		for _, b := range cc {
			if a.Direction == b.Direction && (!a.HasFactor || !b.HasFactor || ratio(a.Factor, b.Factor) <= factorTol) {
				agree = true
				break
			}
		}
		if !agree {
			flags = append(flags, Flag{Kind: NumbersDiffer, Page: a.Text, Claim: cc[0].Text, Start: a.Start, End: a.End})
		}
	}
	return flags
}

// allMatched reports whether every non-year figure of `of` in unit u
// agrees with some figure of `in`: then a further page figure is another
// fact ("28,500 US troops ... a 450,000-strong army"), not a contradiction.
func allMatched(of, in []Quantity, u string) bool {
	any := false
	for _, b := range of {
		if b.Year || b.Unit != u {
			continue
		}
		any = true
		found := false
		for _, a := range in {
			if !a.Year && a.Unit == u && sameQuantity(a, b) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return any
}

func dateLabel(h dateHit) string {
	if !h.rel {
		return h.d.Text
	}
	return h.d.Text + " (" + isoDate(h.d) + ")"
}

// compareDates flags a page date that equals none of the claim's dates at
// the coarser precision of each pair, when the claim has dates.
func compareDates(pd, cd []dateHit, flags []Flag) []Flag {
	if len(cd) == 0 {
		return flags
	}
	for _, a := range pd {
		for _, b := range cd {
			if sameDate(a.d, b.d) {
				return flags // the page states the claim's date; others are other events
			}
		}
	}
	for _, a := range pd {
		matched := false
		for _, b := range cd {
			if sameDate(a.d, b.d) {
				matched = true
				break
			}
		}
		if !matched {
			flags = append(flags, Flag{Kind: DateDiffers, Page: dateLabel(a), Claim: dateLabel(cd[0]), Start: a.d.Start, End: a.d.End})
		}
	}
	return flags
}

// auxiliaries sit between a negator and the verb it negates.
var auxiliaries = wordSet("be|been|being|have|has|had|do|does|did|to|a|an|the|really|actually|ever|even|yet|also|any|was|is|are|were|longer")

// compareNegation flags when the polarities differ: the parity of the
// negation cues on each side that the other side does not match, flipped
// once for every antonym pair the two sides split ("backed" vs
// "opposed"). A negation both sides carry cancels out ("did not think it
// was accurate" vs "did not believe it was accurate"), and one that
// negates something else does not cancel another ("failed to renegotiate"
// on both sides leaves "has never been overrun" standing).
func compareNegation(p, c *side, flags []Flag) []Flag {
	pn, cn := unpaired(p.cues, p.toks, c.cues, c.toks)
	pn, cn = inScope(pn, p.toks, c.toks), inScope(cn, c.toks, p.toks)
	flip, pa, ca := antonymSplit(p.toks, c.toks)
	dispute, disputes := disputeCue(p, c)
	if (len(pn)+len(cn)+flip)%2 == 0 {
		if disputes { // "A fake photo shows ...": the page reports the claim and rejects it
			return append(flags, Flag{Kind: Disputes, Page: dispute.Text, Start: dispute.Start, End: dispute.End})
		}
		return flags
	}
	f := Flag{Kind: Negation}
	if disputes || len(pn)%2 == 1 && disputing(p, pn) {
		f.Kind = Disputes
	}
	switch {
	case len(pn)%2 == 1:
		cue := pn[0]
		f.Start, f.End = cue.Start, cue.End
		if k := verbAfter(p.toks, cue.End); k >= 0 && adverbCue(cue.Text) {
			f.End = p.toks[k].end
			if m := sameStem(c.toks, p.toks[k].low); m >= 0 {
				f.Claim = c.toks[m].s
			}
		}
		if f.Claim == "" && len(cn) > 0 {
			f.Claim = cn[0].Text
		}
	case flip == 1 && pa >= 0:
		f.Start, f.End = p.toks[pa].start, p.toks[pa].end
		f.Claim = c.toks[ca].s
	default:
		// Only the claim negates: the page contradicts it only where it
		// states what the claim denies ("Hegseth backed the transfer" for
		// "didn't back"). A page that reports the same fact in other words
		// ("Fox covering cheeseburger emojis" for "Fox didn't report the
		// indictment") does not.
		cue := cn[0]
		k := verbAfter(c.toks, cue.End)
		m := -1
		if k >= 0 && adverbCue(cue.Text) && !quantifiedNegation(p.toks, c.toks[k].low) {
			m = sameStem(p.toks, c.toks[k].low)
		}
		if m < 0 {
			if disputes {
				return append(flags, Flag{Kind: Disputes, Page: dispute.Text, Start: dispute.Start, End: dispute.End})
			}
			return flags
		}
		f.Claim = c.s[cue.Start:c.toks[k].end]
		f.Start, f.End = p.toks[m].start, p.toks[m].end
	}
	f.Page = p.s[f.Start:f.End]
	return append(flags, f)
}

// quantifiedNegation reports a page that negates w by a quantifier
// ("with no net neutrality" for "doesn't have net neutrality").
func quantifiedNegation(toks []tok, w string) bool {
	stem := text.Stem(w)
	for k, t := range toks {
		if t.low != "no" && t.low != "without" && t.low != "lack" && t.low != "lacks" && t.low != "zero" {
			continue
		}
		for n := k + 1; n < len(toks) && n <= k+3; n++ {
			if toks[n].kind == tWord && text.Stem(toks[n].low) == stem {
				return true
			}
		}
	}
	return false
}

// unpaired drops the negation cues of each side that pair with one of the
// other's: the same negator, or one negating a word the other's negates.
func unpaired(pn []Cue, pt []tok, cn []Cue, ct []tok) ([]Cue, []Cue) {
	paired, used := make([]bool, len(pn)), make([]bool, len(cn))
	// The best pair first: the same negator of a shared word ("can't
	// handle" with "can't handle"), then any negators of a shared word,
	// then the same negator.
	for {
		bi, bk, best := -1, -1, 0
		for i, a := range pn {
			as := stemSet(scopeWords(pt, a))
			for k, b := range cn {
				score := 0
				if overlaps(as, scopeWords(ct, b)) {
					score = 2
				}
				if sameCue(a.Text, b.Text) {
					score++
				}
				if !paired[i] && !used[k] && score > best {
					bi, bk, best = i, k, score
				}
			}
		}
		if bi < 0 {
			break
		}
		paired[bi], used[bk] = true, true
	}
	return unmarked(pn, paired), unmarked(cn, used)
}

func unmarked(cues []Cue, marked []bool) []Cue {
	var out []Cue
	for i, c := range cues {
		if !marked[i] {
			out = append(out, c)
		}
	}
	return out
}

// sameCue compares negators whatever their case and apostrophe
// ("wasn't", "wasn’t").
func sameCue(a, b string) bool {
	return strings.ToLower(strings.ReplaceAll(a, "\u2019", "'")) == strings.ToLower(strings.ReplaceAll(b, "\u2019", "'"))
}

func stemSet(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[text.Stem(w)] = true
	}
	return m
}

func overlaps(set map[string]bool, words []string) bool {
	for _, w := range words {
		if set[text.Stem(w)] {
			return true
		}
	}
	return false
}

// antonymSplit counts antonym groups where one side uses only side A and
// the other only side B, and returns the first such words.
func antonymSplit(pt, ct []tok) (int, int, int) {
	ph, ch := antonymHits(pt), antonymHits(ct)
	flips, pa, ca := 0, -1, -1
	for g, a := range ph {
		b := ch[g]
		if b == nil {
			continue
		}
		for side := 0; side < 2; side++ {
			if a.seen[side] && !a.seen[1-side] && b.seen[1-side] && !b.seen[side] {
				flips++
				if pa < 0 || a.tok[side] < pa {
					pa, ca = a.tok[side], b.tok[1-side]
				}
			}
		}
	}
	return flips, pa, ca
}

// verbAfter returns the first content word within four tokens after byte
// offset end, skipping auxiliaries ("did not *visit*", "is not *seeking*").
func verbAfter(toks []tok, end int) int {
	n := 0
	for k, t := range toks {
		if t.start < end {
			continue
		}
		if n++; n > 4 || t.kind != tWord {
			return -1
		}
		if !auxiliaries[t.low] {
			return k
		}
	}
	return -1
}

func sameStem(toks []tok, w string) int {
	stem := text.Stem(w)
	for k, t := range toks {
		if t.kind == tWord && (t.low == w || text.Stem(t.low) == stem) {
			return k
		}
	}
	return -1
}

// adverbCue reports a negator that negates the verb after it ("not",
// "never", "didn't") rather than being the verb ("denied", "ruled out").
func adverbCue(cue string) bool {
	w := strings.ToLower(cue)
	return w == "not" || w == "never" || w == "cannot" || strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n\u2019t")
}
