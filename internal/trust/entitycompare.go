package trust

import (
	"strings"

	"github.com/factcheckwidget/factcheck/internal/text"
)

var countryNorms, partyNorms, regionNorms = map[string]bool{}, map[string]bool{}, map[string]bool{}

func init() {
	for _, line := range gazetteerLines {
		switch f := strings.SplitN(line, "|", 3); f[1] {
		case "country":
			countryNorms[f[0]] = true
		case "party":
			partyNorms[f[0]] = true
		case "region":
			regionNorms[f[0]] = true
		}
	}
}

// compareEntities flags when the page moved the claim to someone or
// somewhere else: each side names a country, place, capital, party,
// person or organisation that the other does not, and the two stand for
// each other. One side naming an extra one is not a contradiction ("US
// Defence Secretary Hegseth" vs "Hegseth"), and neither is a name the page
// mentions in passing: people and organisations must be a one-for-one
// swap or stand in the same slot of the sentence.
func compareEntities(p, c *side, flags []Flag) []Flag {
	if f, ok := placeSwap(p, c); ok {
		return append(flags, f)
	}
	if f, ok := nameSwap(p, c); ok {
		return append(flags, f)
	}
	return flags
}

// placeSwap finds a place of the page the claim does not name, standing
// for one of the claim's the page does not name: a country or capital of
// the gazetteer, or a place the lexicon knows or a locative marks ("in
// Kisumu", "in Texas"). A country stands for a country, another place for
// another place: a country and a town may be the same place at two
// scales ("in England", "in Shropshire"). Parties stand for parties.
func placeSwap(p, c *side) (Flag, bool) {
	pp, cp := ofNorms(p.ents, partyNorms), ofNorms(c.ents, partyNorms)
	if a, b := extraCountry(pp, cp), extraCountry(cp, pp); a != nil && b != nil {
		return entityFlag(*a, *b), true
	}
	pe, ce := placesOf(p), placesOf(c)
	for _, a := range pe {
		if placeCovered(a, ce, c) {
			continue
		}
		for _, b := range ce {
			if !placeCovered(b, pe, p) && countryNorms[a.Norm] == countryNorms[b.Norm] {
				return entityFlag(a, b), true
			}
		}
	}
	pc, cc := ofNorms(p.ents, countryNorms), ofNorms(c.ents, countryNorms)
	if a, b := extraCity(pc, cc), extraCity(cc, pc); a != nil && b != nil {
		return entityFlag(*a, *b), true
	}
	return Flag{}, false
}

// placesOf returns the places of a side that are compared: countries of
// the gazetteer and the places the lexicon or a locative marks
// (not regions, which are too broad to contradict a claim).
func placesOf(sd *side) []Entity {
	var out []Entity
	for _, e := range sd.ents {
		if e.Kind == "place" && !regionNorms[e.Norm] {
			out = append(out, e)
		}
	}
	return out
}

// placeCovered reports whether the other side names place a: the same
// country (countryCovered) or place, or a's name written inside one of its
// words or names ("Texas-based", "Kisumu County").
func placeCovered(a Entity, in []Entity, o *side) bool {
	if countryNorms[a.Norm] {
		if countryCovered(a.Norm, in) {
			return true
		}
	}
	for _, e := range in {
		if e.Norm == a.Norm {
			return true
		}
	}
	return strings.Contains(text.Fold(o.s), a.Norm) && !countryNorms[a.Norm]
}

func entityFlag(page, claim Entity) Flag {
	return Flag{Kind: EntityDiffers, Page: page.Text, Claim: claim.Text, Start: page.Start, End: page.End}
}

func ofNorms(es []Entity, class map[string]bool) []Entity {
	var out []Entity
	for _, e := range es {
		if e.Kind != "person" && class[e.Norm] {
			out = append(out, e)
		}
	}
	return out
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

// name is a person, organisation or other named thing of one side, with
// its token range.
type name struct {
	Entity
	i, j int
}

// namesOf returns the entities that name people and organisations (not
// places, parties or dates), with their token ranges in toks.
func namesOf(ents []Entity, toks []tok) []name {
	var out []name
	k := 0
	for _, e := range ents {
		if e.Kind == "place" || partyNorms[e.Norm] {
			continue
		}
		for k < len(toks) && toks[k].start < e.Start {
			k++
		}
		j := k
		for j < len(toks) && toks[j].end <= e.End {
			j++
		}
		if j > k {
			out = append(out, name{e, k, j})
		}
	}
	return out
}

// nameSwap finds a person or organisation of the page that the claim does
// not name, standing for one of the claim's that the page does not name:
// any two in the same slot (sharing a neighbouring word, or a generic word
// such as "Foundation"); a person with the claim person's given name and
// another surname ("Joe Trump" for "Joe Biden"); the only person on each
// side; or the first person each side names, its subject. A name the
// lexicon does not know counts as a person where it stands against one
// (personLike: "Wanjiru Kamau" for "Joe Biden"). (An unknown capitalised
// page word sharing a neighbour with the claim's person, the rule before
// names were learned, caught 4 more of 240 swapped people on the train
// tweets, and was dropped for the widget's size.)
func nameSwap(p, c *side) (Flag, bool) {
	pn, cn := p.names, c.names
	up, uc := uncovered(pn, c, false), uncovered(cn, p, false)
	// A claim name the page writes only as a hashtag or handle
	// ("#TrumpUKVisit") may still have been replaced in the sentence: the
	// slot and title rules look past such mentions.
	for _, a := range up {
		for _, b := range uncovered(cn, p, true) {
			if kindsMatch(a, b, p.nm) && (a.Kind != "other" || !p.headline()) && (sharedContext(p.toks, a, c.toks, b) || a.Kind == "person" && a.Title != "" && a.Title == b.Title) {
				return entityFlag(a.Entity, b.Entity), true
			}
		}
	}
	if len(uc) == 0 {
		return Flag{}, false
	}
	for _, a := range persons(up, nil) {
		for _, b := range persons(uc, nil) {
			if ap, bp := nameParts(a.Norm), nameParts(b.Norm); len(ap) >= 2 && len(bp) >= 2 && ap[0] == bp[0] && !p.headline() && !c.headline() { // not "Hillary Sold Weapons"
				return entityFlag(a.Entity, b.Entity), true
			}
		}
	}
	pp, cp := persons(up, p), persons(uc, c)
	if len(pp) == 1 && len(cp) == 1 && (strongPerson(pp[0], p) || strongPerson(cp[0], c)) {
		return entityFlag(pp[0].Entity, cp[0].Entity), true
	}
	if a, b, ok := firstPersons(p, c, up, uc); ok {
		return entityFlag(a.Entity, b.Entity), true
	}
	return Flag{}, false
}

// uncovered returns the names of ns that side o does not name (as a
// hashtag or handle either, unless inSentence).
func uncovered(ns []name, o *side, inSentence bool) []name {
	var out []name
	for _, a := range ns {
		if !nameCovered(a, o, inSentence) {
			out = append(out, a)
		}
	}
	return out
}

// firstPersons returns the first person (or person-like name) of each
// side when neither is named by the other side and one is known as a
// person: a claim is most often about its first person, and a sentence
// that names someone else there moved it to them.
// strongPerson reports a person known as one beyond a speech verb after
// the name ("Netflix announced"): titled, or named as the lexicon knows
// people.
func strongPerson(n name, sd *side) bool {
	if n.Kind != "person" {
		return false
	}
	if n.Title != "" {
		return true
	}
	if sd.nm.kind(n.Norm) == PersonName {
		return true
	}
	for _, w := range nameParts(n.Norm) {
		if sd.nm.personWord(w) || sd.nm.givenWord(w) {
			return true
		}
	}
	return false
}

func firstPersons(p, c *side, up, uc []name) (name, name, bool) {
	a, okA := firstPerson(p)
	b, okB := firstPerson(c)
	if !okA || !okB || !strongPerson(a, p) && !strongPerson(b, c) {
		return name{}, name{}, false
	}
	return a, b, contains(up, a) && contains(uc, b)
}

func firstPerson(sd *side) (name, bool) {
	for _, n := range sd.names {
		if n.Kind == "person" || personLike(n, sd) {
			return n, true
		}
	}
	return name{}, false
}

func contains(ns []name, n name) bool {
	for _, x := range ns {
		if x.Start == n.Start && x.End == n.End {
			return true
		}
	}
	return false
}

// kindsMatch: a person stands for a person, an organisation for an
// organisation, and a person for an organisation named after a person the
// lexicon knows ("Biden" for "Trump Administration").
func kindsMatch(a, b name, nm *namer) bool {
	if a.Kind == b.Kind {
		// Things other than people and organisations ("Satanic",
		// "Stoneman") stand for each other only as multi-word names, not
		// written in capitals ("13 YEAR OLD").
		return a.Kind != "other" || a.j-a.i > 1 && b.j-b.i > 1 && !allUpper(a.Text) && !allUpper(b.Text)
	}
	if a.Kind != "person" {
		a, b = b, a
	}
	if a.Kind != "person" {
		return false
	}
	for _, w := range nameParts(b.Norm) { // "Trump Tower", "Biden administration"
		if nm.personWord(w) {
			return true
		}
	}
	return false
}

func allUpper(s string) bool { return strings.ToUpper(s) == s }

// persons returns the people of ns and, when sd is not nil, the names of
// sd that read as people (personLike).
func persons(ns []name, sd *side) []name {
	var out []name
	for _, n := range ns {
		if n.Kind == "person" || sd != nil && personLike(n, sd) {
			out = append(out, n)
		}
	}
	return out
}

// personLike reports a name the lexicon does not know that is written as
// people's names are: two or three capitalised words in lower case
// otherwise ("Lucía Fernández"), none of them a word the lexicon knows
// for something else; or one such word used as people are, before a
// possessive or a verb of being or saying ("Kamau's plan", "Odhiambo
// said"). A lone capitalised word is as often a common noun written
// with a capital ("Women's Healthcare", "Labor camp").
func personLike(n name, sd *side) bool {
	if n.Kind != "other" || n.j-n.i > 3 || sd.headline() {
		return false
	}
	for k := n.i; k < n.j; k++ {
		t := sd.toks[k]
		if t.kind != tWord || !t.capitalised() || t.allCaps() || len(t.s) < 3 || contraction(t.low) || text.IsStopWord(t.low) || otherWords[t.low] || orgWords[t.low] ||
			sd.nm.kind(t.low) != NotAName && !sd.nm.givenWord(t.low) {
			return false
		}
	}
	if n.j-n.i == 1 {
		return sd.toks[n.i].poss || personVerbs[wordAt(sd.toks, n.j)] || speechVerbs[wordAt(sd.toks, n.j)] || sd.nm.unused(sd.toks[n.i].low)
	}
	return true
}

// personVerbs after a name say what a person is, has or does.
var personVerbs = wordSet("is|was|has|had|will|would|wants|wanted|did|does|plans|planned|called|calls")

// contraction reports "we're", "i've", "we’ll": a pronoun, not a name.
func contraction(w string) bool {
	rest := ""
	if i := strings.LastIndexByte(w, '\''); i >= 0 {
		rest = w[i+1:]
	} else if i := strings.LastIndex(w, "\u2019"); i >= 0 {
		rest = w[i+len("\u2019"):]
	} else {
		return false
	}
	return len(rest) <= 2
}

// nameParts splits a name into its lower-case words of two letters or
// more, titles left out: "Ahn Gyu-back" is ahn, gyu, back.
func nameParts(norm string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(norm, func(r rune) bool { return r == ' ' || r == '-' || r == '.' }) {
		// A generational suffix after two names is not the surname:
		// "George Stinney Jr" is George Stinney.
		if len(part) >= 2 && !titles[part] && !(len(out) >= 2 && nameSuffixes[part]) {
			out = append(out, part)
		}
	}
	return out
}

// distinctive drops the generic words of an organisation's name: "Clinton
// Foundation" is told apart from "Sanders Foundation" by its first word.
func distinctive(parts []string) []string {
	var out []string
	for _, w := range parts {
		if !orgWords[w] && !otherWords[w] && !text.IsStopWord(w) {
			out = append(out, w)
		}
	}
	return out
}

// nameWords are the words that tell a name apart: all parts of a
// person's name, the distinctive ones of an organisation's.
func nameWords(n name) []string {
	if n.Kind == "person" {
		return nameParts(n.Norm)
	}
	return distinctive(nameParts(n.Norm))
}

// nameCovered reports whether the other side names a: it has an entity of
// the same name, or writes one of a's name words capitalised or inside a
// handle ("@BarackObama"). A person sharing a first name with a different
// surname is someone else: "Joe Trump" does not cover "Joe Biden".
func nameCovered(a name, o *side, inSentence bool) bool {
	other, toks := o.names, o.toks
	parts := nameWords(a)
	if len(parts) == 0 {
		return true // nothing but generic words: "the Department"
	}
	for _, b := range other {
		if b.Norm == a.Norm {
			return true
		}
	}
	if a.Title != "" && bareTitle(toks, a.Title) {
		return true // "the Queen" for "Queen Elizabeth", "the President" for "President Trump"
	}
	for _, part := range parts {
		for k, t := range toks {
			if t.kind != tWord || !mentions(toks, k, part, a.Kind == "person", o.nm, inSentence) {
				continue
			}
			if a.Kind == "person" && len(parts) >= 2 && otherSurname(other, t.start, parts) {
				continue
			}
			return true
		}
	}
	return false
}

// bareTitle reports the title word, capitalised and not before a name: the
// text refers to someone by their office.
func bareTitle(toks []tok, title string) bool {
	for k, t := range toks {
		if t.kind == tWord && t.low == title && t.capitalised() && !(k+1 < len(toks) && toks[k+1].kind == tWord && toks[k+1].capitalised()) {
			return true
		}
	}
	return false
}

// mentions reports whether toks[k] writes part: capitalised (in any case
// for things other than people, whose names news copy often writes in
// lower case: "community colleges"), or inside a handle or hashtag.
func mentions(toks []tok, k int, part string, person bool, nm *namer, inSentence bool) bool {
	t := toks[k]
	// Parts are folded (normName): "Juarez" writes "Juárez".
	low := text.Fold(t.low)
	if (low == part || low == part+"s") && !(inSentence && mark(toks, k) != "") { // "President Trumps tariffs"
		// A surname the lexicon knows is a mention in lower case too:
		// "trump's 2020 campaign".
		return t.capitalised() || !person || nm.personWord(part)
	}
	if inSentence || k == 0 || len(part) < 4 || !adjacent(toks[k-1], t) || (toks[k-1].s != "@" && toks[k-1].s != "#") {
		return false
	}
	return strings.Contains(low, part)
}

// otherSurname reports whether the word at byte offset at belongs to a
// person of two or more name words whose last word differs from the last
// of parts: the shared word is a first name of someone else.
func otherSurname(other []name, at int, parts []string) bool {
	for _, b := range other {
		if b.Kind != "person" || at < b.Start || at >= b.End {
			continue
		}
		bp := nameParts(b.Norm)
		return len(bp) >= 2 && bp[len(bp)-1] != parts[len(parts)-1]
	}
	return false
}

// sharedContext reports whether a and b stand in the same slot: the
// nearest content word before or after each is the same word (by stem),
// or a generic word inside one name is beside or inside the other ("Biden
// administration" vs "Trump Administration").
func sharedContext(pt []tok, a name, ct []tok, b name) bool {
	ac, bc := slotWords(pt, a), slotWords(ct, b)
	for _, x := range ac {
		for _, y := range bc {
			if sameWord(x, y) {
				return true
			}
		}
	}
	return false
}

// slotWords are the nearest content word on each side of n within three
// tokens (stopping at clause punctuation) and the generic words inside it.
func slotWords(toks []tok, n name) []string {
	var out []string
	for k := n.i; k < n.j; k++ {
		if w := toks[k].low; orgWords[w] || otherWords[w] || titles[w] {
			out = append(out, w)
		}
	}
	for _, dir := range []int{-1, 1} {
		k := n.i - 1
		if dir > 0 {
			k = n.j
		}
		for steps := 0; steps < 3 && k >= 0 && k < len(toks); steps, k = steps+1, k+dir {
			t := toks[k]
			if t.kind == tPunct {
				if strings.ContainsAny(t.s, ".,;:!?()") {
					break
				}
				continue
			}
			if t.kind == tWord && !text.IsStopWord(t.low) {
				out = append(out, t.low)
				break
			}
		}
	}
	return out
}

func sameWord(a, b string) bool {
	return a != "" && (a == b || text.Stem(a) == text.Stem(b))
}
