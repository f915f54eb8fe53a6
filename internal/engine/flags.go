package engine

import (
	"strings"
	"time"

	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/index"
	"github.com/factcheckwidget/factcheck/internal/match"
	"github.com/factcheckwidget/factcheck/internal/text"
	"github.com/factcheckwidget/factcheck/internal/trust"
)

// Flag kinds (Flag.Kind).
const (
	FlagNumbers  = trust.NumbersDiffer // "numbers-differ": the page's figure or trend is not the claim's
	FlagDate     = trust.DateDiffers   // "date-differs"
	FlagEntity   = trust.EntityDiffers // "entity-differs": another person, place or organisation
	FlagNegation = trust.Negation      // "negation": the page states the opposite
	FlagDisputes = trust.Disputes      // "disputes": the page reports the claim and disputes it
)

// lexiconOf reads the corpus's names from the index section the compiler
// wrote (internal/compile). An index without it (built by index.Build
// alone, or by a version without the section) or with a section this build
// cannot read is checked with the page's own names and the core cues
// only: learning the corpus's names at load would put the corpus learner
// into the widget.
func lexiconOf(x *index.Index) *trust.Lexicon {
	lx, err := trust.DecodeLexicon(x.Sections[trust.LexiconSection])
	if err != nil {
		return nil
	}
	return lx
}

// comparer returns a comparer for one page, which knows the corpus's names
// and the page's own (text is the page, or the sentence with its context).
func (c *Checker) comparer(text string) *trust.Comparer {
	cmp := trust.NewComparer(c.names)
	cmp.SetUsedWords(c.usedWord)
	cmp.LearnPage(text)
	return cmp
}

// consistency compares a page sentence with the claim it matched, with a
// comparer made for its page. It returns the flags and, as evidence, the
// figures, dates and names both state.
func consistency(cmp *trust.Comparer, page, claimText string, ref, claimRef time.Time) ([]Flag, []Evidence) {
	fs, agree := cmp.Check(page, claimText, ref, claimRef)
	var flags []Flag
	if len(fs) > 0 {
		flags = make([]Flag, len(fs))
		for i, f := range fs {
			flags[i] = Flag{Kind: f.Kind, Page: f.Page, Claim: f.Claim, Span: Span{f.Start, f.End}}
		}
	}
	var ev []Evidence
	for _, a := range agree {
		ev = append(ev, Evidence{Kind: a.Kind, Text: a.Page, Span: Span{a.Start, a.End}, Claim: a.Claim})
	}
	return flags, ev
}

// Compare returns the consistency flags of a page sentence against claim
// cl, as they would appear on a match; evaluation uses it directly.
func (c *Checker) Compare(page string, cl *claim.Claim, opt Options) []Flag {
	fs, _ := consistency(c.comparer(opt.Context+"\n"+page), page, cl.Text, parseDate(opt.Date), parseDate(cl.ClaimDate))
	return fs
}

// keepVariant keeps the claim a sentence states with one figure, date or
// name changed. Such a change often takes the claim's rarest word out of
// the sentence ("Wanjiru Kamau owns the largest mansion in his state" for
// "Joe Biden owns ..."): the claim is still the best candidate, but below
// the related threshold. So when the best candidate is not shown and the
// sentence contradicts it in exactly one such detail, the claim's detail
// is put back into the sentence and the candidate scored again; if it is
// then at least a related match, it is shown as one, with the flag that
// names the difference.
//
// Only the best candidate is considered: putting a claim's rare name into
// a sentence makes that claim rank first by itself, so restoring the
// details of lower candidates too showed an unrelated variant for one
// train tweet in eight (94 in 800) and one debate sentence in six; with
// the best candidate alone, 4 in 800 and 10 in 472, while the gold claims
// kept after a swapped name rose from 0.79 to 0.82 (tweets) and 0.81 to
// 0.84 (debates), after a scaled figure from 0.89 to 0.96 and 0.87 to
// 0.91. Not for whole pages: what a page shows is the page model's
// decision (page.go).
func (c *Checker) keepVariant(s string, opt Options, cands []match.Candidate, tiers []Tier, cmp *trust.Comparer) {
	if len(cands) == 0 || tiers[0] != TierNone {
		return
	}
	cl := c.m.Index().Claim(cands[0].Doc)
	fs, _ := cmp.Check(s, cl.Text, parseDate(opt.Date), parseDate(cl.ClaimDate))
	restored, ok := restore(s, fs)
	if !ok {
		return
	}
	rq := c.m.PrepareContext(restored, opt.Context)
	for _, rc := range c.m.RankQuery(rq, maxMatches(opt)) {
		if rc.Doc == cands[0].Doc {
			if TierFor(rc.Prob, rq.Words()) != TierNone {
				tiers[0] = TierRelated
			}
			return
		}
	}
}

// restore writes the claim's detail back into the sentence when the flags
// are exactly one changed figure, date or name.
func restore(s string, fs []trust.Flag) (string, bool) {
	if len(fs) != 1 {
		return "", false
	}
	f := fs[0]
	switch f.Kind {
	case trust.NumbersDiffer, trust.DateDiffers, trust.EntityDiffers:
	default:
		return "", false
	}
	claim := f.Claim
	if i := strings.Index(claim, " ("); i > 0 && f.Kind == trust.DateDiffers {
		claim = claim[:i] // "yesterday (2025-11-06)": the date as the claim writes it
	}
	if claim == "" || f.Start < 0 || f.End > len(s) || f.Start >= f.End {
		return "", false
	}
	return s[:f.Start] + claim + s[f.End:], true
}

// usedWord reports whether a claim or title of the corpus uses the word,
// stemmed as the index stores it in any of the corpus's languages.
func (c *Checker) usedWord(w string) bool {
	x, langs := c.m.Index(), c.m.Languages()
	w = text.Fold(w)
	for _, tag := range langs.Languages() {
		st := langs.Analyzer(tag).Stem(w)
		if x.Fields[index.FieldClaim].Lookup(st) >= 0 || x.Fields[index.FieldTitle].Lookup(st) >= 0 {
			return true
		}
	}
	return false
}
