package trust

import (
	"strings"

	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/text"
)

// How a lexicon is learned. A name is a run of capitalised words
// (runEnd) inside a sentence; what it names is read from how the corpus
// uses it, not from lists of names:
//
//   - the claimant of a claim (Claim.Claimant: a PolitiFact speaker, a
//     ClaimReview itemReviewed.author) written as two to four capitalised
//     words is a person; with an organisation word ("Republican Party of
//     Texas") an organisation; "Facebook posts" and "Viral image" name no
//     one;
//   - a title before a name of up to three words makes it a person
//     ("Governor Sakaja", "Presidente Lula"; not the headline "President
//     Trump Postpones Denmark Trip"), and so do speech verbs after it
//     ("Ruto said");
//   - a locative preposition before it makes it a place ("in Kisumu",
//     "from Recife"), unless the name is possessive ("in Trump's speech")
//     or also used as a person;
//   - a person's surname alone names the person ("Biden"), and the first
//     word of a person's name opens people's names ("Joe").
//
// The cue words (titles, speech verbs, locative prepositions) are the
// small language-neutral core: a few words per language, not names.

// locatives before a name make it a place: English, and the common ones
// of Portuguese, Spanish, French and Swahili corpora. Words that are also
// common English words ("no", "na", "de") are left out.
var locatives = wordSet("in|from|across|throughout|near|outside|inside|em|en|dans|katika|huko|mjini")

// nameParticles may stand in lower case inside a person's name ("Luiz
// Inácio Lula da Silva", "Ursula von der Leyen").
var nameParticles = wordSet("da|de|do|dos|das|del|della|di|du|la|le|van|von|der|den|bin|ibn|al|el|y")

// nameEvidence is what a learner saw of one name.
type nameEvidence struct {
	mentions  int // texts that mention it
	person    int // titles before, speech verbs after
	place     int // locatives before
	claimant  bool
	org       bool
	lastText  int
	sawPerson bool // used as a person in any text (title or claimant)
}

// learner gathers name evidence over texts.
type learner struct {
	names map[string]*nameEvidence
	texts int
}

func newLearner() *learner { return &learner{names: map[string]*nameEvidence{}} }

func (l *learner) evidence(name string) *nameEvidence {
	e := l.names[name]
	if e == nil {
		e = &nameEvidence{lastText: -1}
		l.names[name] = e
	}
	if e.lastText != l.texts {
		e.lastText = l.texts
		e.mentions++
	}
	return e
}

// LearnLexicon learns the names of a corpus from its claims: claimants,
// and the names in claim texts and (unless written in headline case, where
// every word is capitalised) review titles.
func LearnLexicon(claims []claim.Claim) *Lexicon {
	l := newLearner()
	for i := range claims {
		c := &claims[i]
		l.claimant(c.Claimant)
		l.text(c.Text)
		if !headlineCase(c.Title) {
			l.text(c.Title)
		}
	}
	return l.lexicon()
}

// LearnPageNames learns the names of one page: a name introduced once
// with a title ("Kenyan President William Ruto") is a person wherever the
// page writes it later ("Ruto's plan"), and so is its surname alone; a
// name after a locative ("in Eldoret") is a place. Unlike a corpus,
// a page is read in the reader's browser, so this is the cues alone, not
// the evidence counting of LearnLexicon.
func LearnPageNames(page string) *Lexicon {
	lx := &Lexicon{kinds: map[string]NameKind{}}
	for _, e := range entities(page, lex(page), &namer{}) {
		switch n := strings.Count(e.Norm, " "); {
		case e.Kind == "person" && e.Title != "" && n < 3:
			lx.kinds[e.Norm] = PersonName
			lx.kinds[e.Norm[strings.LastIndexByte(e.Norm, ' ')+1:]] = PersonName // the surname alone
		case e.Kind == "place" && e.Norm == normName(e.Text) && lx.kinds[e.Norm] == NotAName:
			lx.kinds[e.Norm] = PlaceName
		}
	}
	return lx
}

// claimant reads a claimant string.
func (l *learner) claimant(s string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return
	}
	l.texts++
	toks := lex(s)
	words := 0
	for _, t := range toks {
		switch {
		case t.kind != tWord:
			if t.s != "." && t.s != "-" && t.s != "'" && t.s != "\u2019" {
				return // "Facebook posts, blogs", "@handle"
			}
		case orgWords[t.low]:
			l.evidence(normName(s)).org = true
			return
		case otherWords[t.low] || contraction(t.low):
			return // "Multnomah County", "Let's Go"
		case nameParticles[t.low] && !t.capitalised():
			// "da" in "Lula da Silva"
		case !t.capitalised():
			return // "Viral image", "Facebook posts"
		case t.allCaps():
			return // acronyms and shouting
		default:
			words++
		}
	}
	if words < 2 || words > 4 {
		return // one word ("Madonna", "Facebook") could be anything
	}
	for k := range toks {
		if _, _, ok := gazAt(toks, k); ok {
			return // "Drug Free America", "Let America Work": a name of a campaign
		}
	}
	e := l.evidence(normName(s))
	e.claimant, e.sawPerson = true, true
}

// text reads the names of one text as the tagger finds them knowing no
// names (entities with an empty namer): a person by a title or a speech
// verb, a place by a locative or as the domain of an office ("Governor of
// Nakuru"), an organisation by its words; other names count as mentions.
// Gazetteer names and acronyms are not learned.
func (l *learner) text(s string) {
	l.texts++
	toks := lex(s)
	for _, e := range entities(s, toks, &namer{}) {
		one := !strings.Contains(e.Text, " ")
		if _, known := gazetteer[strings.ToLower(e.Text)]; known || one && (e.Kind == "org" || contraction(e.Norm) || nameSuffixes[e.Norm] || opensSentence(toks, e.Start)) {
			continue // gazetteer names, acronyms, "I've", and a word whose capital only opens a sentence ("Well, said ...")
		}
		ev := l.evidence(e.Norm)
		switch {
		case e.Kind == "person" && e.Title != "":
			if len(strings.Fields(e.Norm)) <= 3 { // not "President Trump Postpones Denmark Trip"
				ev.person += 2
				ev.sawPerson = true
			}
		case e.Kind == "person":
			ev.person++
		case e.Kind == "place":
			ev.place++
		case e.Kind == "org":
			ev.org = true
		}
	}
}

func opensSentence(toks []tok, start int) bool {
	for k, t := range toks {
		if t.start == start {
			return sentenceStart(toks, k)
		}
	}
	return false
}

// lexicon decides each name's kind from its evidence, and adds the
// surnames and given names of the people found. A title is enough for a
// person, one speech verb is not ("the CDC said"). A place needs
// locatives before a fifth of its mentions and three times as many as
// person cues: in the PolitiFact corpus "in Florida" stands before 174
// of 572 mentions, beside 7 speech verbs ("Florida said"); in the Snopes
// corpora, which have no claimants, before a fifth to a quarter of the
// mentions of US states.
func (l *learner) lexicon() *Lexicon {
	lx := &Lexicon{kinds: map[string]NameKind{}}
	var people []string
	for n, e := range l.names {
		switch {
		case e.org:
			lx.kinds[n] = OrgName
		case e.claimant || e.sawPerson || e.person >= 2 && e.person > e.place:
			lx.kinds[n] = PersonName
			people = append(people, n)
		case e.place > 0 && e.place >= 3*e.person && 5*e.place >= e.mentions:
			lx.kinds[n] = PlaceName
		}
	}
	for _, n := range people {
		parts := strings.Fields(n)
		if len(parts) < 2 || len(parts) > 5 {
			continue
		}
		last := parts[len(parts)-1]
		if _, known := lx.kinds[last]; !known && !nameParticles[last] && len(last) > 2 && !contraction(last) && !nameSuffixes[last] {
			lx.kinds[last] = PersonName
		}
	}
	opens := map[string]bool{} // first words of places and organisations ("new" of "New Orleans")
	for n, k := range lx.kinds {
		if k == PlaceName || k == OrgName {
			opens[strings.Fields(n)[0]] = true
		}
	}
	for _, n := range people { // after the surnames: "Lee" stays a surname
		parts := strings.Fields(n)
		if len(parts) < 2 || !l.names[n].sawPerson {
			continue
		}
		first := parts[0]
		if _, known := lx.kinds[first]; !known && !opens[first] && len(first) > 1 && !strings.HasSuffix(first, ".") && !text.IsStopWord(first) {
			lx.kinds[first] = GivenName
		}
	}
	return lx
}

// headlineCase reports a title in which three words in four of four
// letters or more are capitalised ("Did 122 Prisoners Return to the
// Battlefield?"): its capitals say nothing about names. (A sentence dense
// with names, "Priya Raghunathan's sister, Melissa, married George
// Soros' son", capitalises about half.)
func headlineCase(s string) bool { return headlineToks(lex(s)) }

func headlineToks(toks []tok) bool {
	long, caps := 0, 0
	for _, t := range toks {
		if t.kind == tWord && len(t.s) >= 4 {
			long++
			if t.capitalised() {
				caps++
			}
		}
	}
	return long >= 2 && 4*caps >= 3*long
}
