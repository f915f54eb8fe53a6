package engine

import (
	"time"

	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/index"
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
// cannot read learns them from its claims now, so every index is read with
// the names of its corpus.
func lexiconOf(x *index.Index) *trust.Lexicon {
	if b, ok := x.Sections[trust.LexiconSection]; ok {
		if lx, err := trust.DecodeLexicon(b); err == nil {
			return lx
		}
	}
	claims := make([]claim.Claim, x.NumClaims())
	for d := range claims {
		claims[d] = *x.Claim(d)
	}
	return trust.LearnLexicon(claims)
}

// comparer returns a comparer for one page, which knows the corpus's names
// and the page's own (text is the page, or the sentence with its context).
func (c *Checker) comparer(text string) *trust.Comparer {
	cmp := trust.NewComparer(c.names)
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
