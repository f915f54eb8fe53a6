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
// claimRef the claim's date, for relative dates; either may be zero.
func Compare(page, claim string, ref, claimRef time.Time) []Flag {
	return (&Comparer{}).Compare(page, claim, ref, claimRef)
}

// Comparer is Compare with memory: it analyses each distinct text once, so
// checking one sentence against several claims, or one claim against
// several sentences of an article, does not lex and tag the same text
// again. Not safe for concurrent use; make one per article.
type Comparer struct {
	sides map[string]*side
}

func (cm *Comparer) side(s string) *side {
	if sd, ok := cm.sides[s]; ok {
		return sd
	}
	if cm.sides == nil {
		cm.sides = map[string]*side{}
	}
	sd := newSide(s)
	cm.sides[s] = sd
	return sd
}

// Compare is the package-level Compare, memoised.
func (cm *Comparer) Compare(page, claim string, ref, claimRef time.Time) []Flag {
	focused, offset, picked := focus(page, claim)
	if picked && sharedStems(focused, claim) < minSharedStems {
		return nil // the page does not restate the claim closely enough to contradict it
	}
	p, c := cm.side(focused), cm.side(claim)
	var flags []Flag
	flags = compareNumbers(p, c, flags)
	flags = compareDates(p, c, ref, claimRef, flags)
	flags = compareEntities(p, c, flags)
	flags = compareNegation(p, c, flags)
	for i := range flags {
		flags[i].Start += offset
		flags[i].End += offset
	}
	return flags
}

type side struct {
	s    string
	toks []tok
	qs   []Quantity
	ents []Entity
	cues []Cue
}

func newSide(s string) *side {
	toks := lex(s)
	return &side{s: s, toks: toks, qs: quantities(s, toks, dateDayTokens(toks)), ents: entities(s, toks), cues: negCues(s, toks)}
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
// figures of that unit is not contradicted by one. Years are dates.
func compareNumbers(p, c *side, flags []Flag) []Flag {
	for _, a := range p.qs {
		if a.Year || allMatched(c.qs, p.qs, a.Unit) {
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
func compareDates(p, c *side, ref, claimRef time.Time, flags []Flag) []Flag {
	cd := dateHits(c.s, c.toks, claimRef)
	if len(cd) == 0 {
		return flags
	}
	pd := dateHits(p.s, p.toks, ref)
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

var countryNorms, stateNorms = map[string]bool{}, map[string]bool{}

func init() {
	for _, line := range gazetteerLines {
		switch f := strings.SplitN(line, "|", 3); f[1] {
		case "country":
			countryNorms[f[0]] = true
		case "state":
			stateNorms[f[0]] = true
		}
	}
}

// countryCovered reports whether country n is named in `in`. A generic
// "Korea" covers either Korea, but covers "South Korea" only when `in`
// names no specific Korea itself: "the Korean War ... North Korea" does
// not cover "South Korea".
func countryCovered(n string, in []Entity) bool {
	generic := false
	for _, e := range in {
		switch {
		case e.Norm == n, parentCountry[e.Norm] == n:
			return true
		case parentCountry[n] != "" && parentCountry[n] == parentCountry[e.Norm]:
			return false // a sibling: North Korea is not South Korea
		case parentCountry[n] == e.Norm:
			generic = true
		}
	}
	return generic
}

// compareEntities flags when each side names a country (or a person) the
// other does not: the page moved the claim to someone or somewhere else.
// One side naming an extra one is not a contradiction ("US Defence
// Secretary Hegseth" vs "Hegseth").
func compareEntities(p, c *side, flags []Flag) []Flag {
	pe, ce := p.ents, c.ents
	var pc, cc, ps, cs, pp, cp []Entity
	for _, e := range pe {
		switch {
		case e.Kind == "place" && countryNorms[e.Norm]:
			pc = append(pc, e)
		case e.Kind == "place" && stateNorms[e.Norm]:
			ps = append(ps, e)
		case e.Kind == "person" && plausibleName(e):
			pp = append(pp, e)
		}
	}
	for _, e := range ce {
		switch {
		case e.Kind == "place" && countryNorms[e.Norm]:
			cc = append(cc, e)
		case e.Kind == "place" && stateNorms[e.Norm]:
			cs = append(cs, e)
		case e.Kind == "person":
			cp = append(cp, e)
		}
	}
	if a, b := extraCountry(pc, cc), extraCountry(cc, pc); a != nil && b != nil {
		flags = append(flags, Flag{Kind: EntityDiffers, Page: a.Text, Claim: b.Text, Start: a.Start, End: a.End})
	} else if a, b := extraCountry(ps, cs), extraCountry(cs, ps); a != nil && b != nil {
		flags = append(flags, Flag{Kind: EntityDiffers, Page: a.Text, Claim: b.Text, Start: a.Start, End: a.End})
	} else if a, b := extraCity(pc, cc), extraCity(cc, pc); a != nil && b != nil {
		flags = append(flags, Flag{Kind: EntityDiffers, Page: a.Text, Claim: b.Text, Start: a.Start, End: a.End})
	}
	// People: only a one-for-one swap. A page naming several people names
	// witnesses, authors and bystanders the claim leaves out.
	if len(pp) == 1 && len(cp) == 1 {
		if a, b := extraPerson(pp, c.toks), extraPerson(cp, p.toks); a != nil && b != nil {
			flags = append(flags, Flag{Kind: EntityDiffers, Page: a.Text, Claim: b.Text, Start: a.Start, End: a.End})
		}
	} else if len(pp) == 0 && len(cp) == 1 && extraPerson(cp, p.toks) != nil {
		if k := slotSwap(p, c, cp[0]); k >= 0 {
			t := p.toks[k]
			flags = append(flags, Flag{Kind: EntityDiffers, Page: t.s, Claim: cp[0].Text, Start: t.start, End: t.end})
		}
	}
	return flags
}

// slotSwap finds a page word standing where the claim names person e: a
// capitalised word inside a sentence, unknown to the claim and to the
// gazetteer, whose neighbouring word (or its stem) is the neighbour of the
// person's name in the claim ("President Biden met …" vs "President Donald
// Trump was …", "photos of Biden crashing" vs "Donald Trump 'crashed'").
// Requiring the shared neighbour keeps bylines and passing mentions from
// reading as a swap. Returns the page token index or -1.
func slotSwap(p, c *side, e Entity) int {
	before, after := "", ""
	for k, t := range c.toks {
		if t.end <= e.Start && t.kind == tWord {
			before = t.low
		}
		if t.start >= e.End && t.kind == tWord {
			after = c.toks[k].low
			break
		}
	}
	found := -1
	for k, t := range p.toks {
		if t.kind != tWord || !t.capitalised() || t.allCaps() || len(t.s) < 3 || sentenceStart(p.toks, k) || k == 0 {
			continue
		}
		if mentionedCapitalised(t.low, c.toks) || months[t.low] != 0 || titles[t.low] {
			continue
		}
		if _, ok := weekdays[t.low]; ok {
			continue
		}
		if _, ok := gazetteer[t.low]; ok {
			continue
		}
		pb, pa := wordAt(p.toks, k-1), wordAt(p.toks, k+1)
		if (before != "" && sameWord(pb, before)) || (after != "" && sameWord(pa, after)) {
			if found >= 0 {
				return -1 // two candidates: no one-for-one swap
			}
			found = k
		}
	}
	return found
}

func sameWord(a, b string) bool {
	return a != "" && (a == b || text.Stem(a) == text.Stem(b))
}

func mentionedCapitalised(w string, toks []tok) bool {
	for _, t := range toks {
		if t.kind == tWord && t.low == w && t.capitalised() {
			return true
		}
	}
	return false
}

// plausibleName drops runs that only look like names: a capitalised run
// opening the page sentence without a title ("Former Gitmo detainee") and
// runs with one-letter parts ("E. Coli O157").
func plausibleName(e Entity) bool {
	if e.Start == 0 {
		return false
	}
	for _, part := range strings.Fields(e.Text) {
		if len(strings.Trim(part, ".")) < 2 {
			return false
		}
	}
	return true
}

func extraCountry(of, in []Entity) *Entity {
	for k := range of {
		if !countryCovered(of[k].Norm, in) {
			return &of[k]
		}
	}
	return nil
}

// extraCity returns the first capital city of `of` that `in` does not name,
// when `in` names a capital at all: a venue moved from Seoul to Tokyo is a
// different claim even though "Seoul" also stands for South Korea, which
// both sides may name.
func extraCity(of, in []Entity) *Entity {
	for k := range of {
		c := strings.ToLower(of[k].Text)
		if !cities[c] {
			continue
		}
		named, found := false, false
		for _, e := range in {
			if o := strings.ToLower(e.Text); cities[o] {
				named = true
				found = found || e.Norm == of[k].Norm // "Kiev" is "Kyiv"
			}
		}
		if named && !found {
			return &of[k]
		}
	}
	return nil
}

// extraPerson returns the first person of `of` none of whose name parts the
// other side writes capitalised anywhere: "Pete Hegseth" is the "Hegseth"
// of a claim even where the claim's sentence-initial "Hegseth" was not
// recognised as a name, and "Ahn" is "Ahn Gyu-back".
func extraPerson(of []Entity, other []tok) *Entity {
	for k := range of {
		found := false
		for _, part := range strings.FieldsFunc(of[k].Norm, func(r rune) bool { return r == ' ' || r == '-' }) {
			if len(part) < 2 || titles[part] {
				continue
			}
			for _, t := range other {
				if t.kind == tWord && t.low == part && t.capitalised() {
					found = true
					break
				}
			}
			if found {
				break
			}
		}
		if !found {
			return &of[k]
		}
	}
	return nil
}

// auxiliaries sit between a negator and the verb it negates.
var auxiliaries = wordSet("be|been|being|have|has|had|do|does|did|to|a|an|the|really|actually|ever|even|yet|also|any|was|is|are|were|longer")

// compareNegation flags when the polarities differ: the parity of the
// negation cues on each side, flipped once for every antonym pair the two
// sides split ("backed" vs "opposed"). Parity discounts negations both
// sides carry ("did not think it was accurate" vs "did not believe it was
// accurate").
func compareNegation(p, c *side, flags []Flag) []Flag {
	pn, cn := p.cues, c.cues
	flip, pa, ca := antonymSplit(p.toks, c.toks)
	if (len(pn)+len(cn)+flip)%2 == 0 {
		return flags
	}
	f := Flag{Kind: Negation}
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
		cue := cn[0]
		f.Claim = cue.Text
		f.Start, f.End = 0, len(p.s)
		if k := verbAfter(c.toks, cue.End); k >= 0 && adverbCue(cue.Text) {
			f.Claim = c.s[cue.Start:c.toks[k].end]
			if m := sameStem(p.toks, c.toks[k].low); m >= 0 {
				f.Start, f.End = p.toks[m].start, p.toks[m].end
			}
		}
	}
	f.Page = p.s[f.Start:f.End]
	return append(flags, f)
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
