package engine

import (
	"time"

	"github.com/factcheckwidget/factcheck/internal/match"
	"github.com/factcheckwidget/factcheck/internal/text"
	"github.com/factcheckwidget/factcheck/internal/trust"
)

// Tier thresholds on the calibrated probability (match.Calibration).
// MatchThreshold is the smallest threshold whose top-1 precision is >= 0.90
// and whose wrong-match rate with the gold fact-check removed is <= 0.05 on
// the three CheckThat! train splits with a margin (the pooled rule is met
// from 0.44). With the calibration of weights.go it gives, on dev,
// precision / coverage / wrong-match 0.988/0.416/0.030 (2020-2),
// 0.978/0.452/0.046 (2022-2a), 0.944/0.151/0.017 (2022-2b)
// (TestFitCalibration in internal/match prints train and dev, and
// TestThresholdCurve the whole curve).
// RelatedThreshold admits variants worth showing: on train, most top
// results with a probability in [0.1, 0.5) are the right claim or a variant
// of it; on the demo article no unrelated sentence reaches the match tier
// and altered restatements ("500,000 troops" for 450,000) reach 0.13.
const (
	MatchThreshold   = 0.5
	RelatedThreshold = 0.1
	// MinMatchWords: a sentence with fewer content words ("He said so.",
	// "That's false.") is too vague to be the same claim as anything.
	MinMatchWords = 4
)

// TierFor is the tier of a candidate with calibrated probability p for a
// query of the given number of content words.
func TierFor(p float64, words int) Tier {
	switch {
	case p >= MatchThreshold && words >= MinMatchWords:
		return TierMatch
	case p >= RelatedThreshold && words >= 2:
		return TierRelated
	}
	return TierNone
}

// assess turns ranked candidates with their probabilities and tiers into
// matches: flags and evidence. Candidates in TierNone are dropped unless
// opt.All.
func (c *Checker) assess(q *match.Query, cands []match.Candidate, probs []float64, tiers []Tier, opt Options, cmp *trust.Comparer) []Match {
	var out []Match
	ref := parseDate(opt.Date)
	for i := range cands {
		cand := &cands[i]
		tier := tiers[i]
		if tier == TierNone && !opt.All {
			continue
		}
		cl := c.m.Index().Claim(cand.Doc)
		shared := c.explain(q.Analysis, cand.Doc)
		if !sharesTopic(q.Analysis, shared) {
			if !opt.All {
				continue
			}
			tier = TierNone
		}
		m := Match{Doc: cand.Doc, Claim: cl, Score: probs[i], Tier: tier}
		var details []Evidence
		m.Flags, details = consistency(cmp, q.Text, cl.Text, ref, parseDate(cl.ClaimDate))
		m.Evidence = append(shared, details...)
		out = append(out, m)
	}
	preferConsistent(out)
	return out
}

// sharesTopic reports whether the sentence shares a word with the claim
// other than figures and dates. A byline ("By Dana Whitfield · 5 November
// 2025") shares only its date with a claim made that day; that is no
// variant of the claim, however the score came out.
func sharesTopic(a *text.Analysis, shared []Evidence) bool {
	for _, e := range shared {
		for i, t := range a.Tokens {
			if t.Start >= e.Span.Start && t.End <= e.Span.End && t.Kind == text.Word && !a.Stop[i] && !trust.IsDateWord(t.Text) {
				return true
			}
		}
	}
	return false
}

// ConsistencyMargin: a match the sentence contradicts (it has flags) gives
// its place to a later one the sentence agrees with when their
// probabilities are within this margin. "Held in Seoul on Tuesday" should
// show the true "took place in Seoul" review before the false "held in
// Tokyo" one, though both share most words. 0.25 is about the spread of
// probabilities among the top three claims for the altered sentences of
// the demo article.
const ConsistencyMargin = 0.25

// preferConsistent moves a later match before a flagged one when the
// sentence agrees with it on the very detail the flag is about: the later
// claim states the page's figure, date or name ("in Seoul"), or, for a
// negation or a dispute, has no flag (it carries the sentence's polarity:
// "he did not think the report accurate" is better shown with "Hegseth
// said he did not believe the report" than with the "Hegseth confirmed
// the report" it disputes). A later
// claim that merely leaves the detail out is no better a match: a sentence
// that swaps "Trump" for "Biden" should show the Trump claim flagged, not
// an unrelated claim that names nobody.
func preferConsistent(ms []Match) {
	for i := 0; i < len(ms); i++ {
		if len(ms[i].Flags) == 0 {
			continue
		}
		for j := i + 1; j < len(ms); j++ {
			if len(ms[j].Flags) == 0 && ms[i].Score-ms[j].Score <= ConsistencyMargin && settles(ms[i].Flags, ms[j].Evidence) {
				agree := ms[j]
				copy(ms[i+1:j+1], ms[i:j])
				ms[i] = agree
				break
			}
		}
	}
}

// settles reports whether evidence of another match states what the page
// says where flags found a difference.
func settles(flags []Flag, evidence []Evidence) bool {
	for _, f := range flags {
		if f.Kind == trust.Negation || f.Kind == trust.Disputes {
			continue // settled by a match that takes the page's side
		}
		found := false
		for _, e := range evidence {
			if e.Span.Start < f.Span.End && f.Span.Start < e.Span.End && e.Kind != "term" && e.Kind != "phrase" {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// parseDate reads a YYYY-MM-DD date (zero when it is not one). It does not
// use time.Parse: the layout parser would add to the widget's download for
// one fixed format.
func parseDate(s string) time.Time {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return time.Time{}
	}
	y, ok1 := text.Digits(s[:4])
	m, ok2 := text.Digits(s[5:7])
	d, ok3 := text.Digits(s[8:])
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 {
		return time.Time{}
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{} // 31 April and the like
	}
	return t
}
