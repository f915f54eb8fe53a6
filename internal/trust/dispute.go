package trust

import (
	"strings"

	"github.com/factcheckwidget/factcheck/internal/text"
)

// A page that reports a claim and calls it false ("It is false that ...",
// "Fact check: the Army is NOT texting anyone", a tweet debunking the post
// it quotes) does not say something else than the claim: it disputes it.
// Telling the reader "the page says the opposite" would be wrong twice:
// the page is about this very claim, and it agrees with a False rating.
// Such pages get a Disputes flag instead of Negation.

// disputeWords on the page, when the claim does not use them, call what
// the page reports false.
var disputeWords = wordSet("false|fake|hoax|myth|debunked|debunk|debunks|untrue|bogus|fabricated|doctored|photoshopped|misleading|misinformation|disinformation|satire|rumor|rumour")

// disputePhrases do so in two words.
var disputePhrases = wordSet("not true|isn't true|isn’t true|no evidence|fact check|contrary to|not real")

// disputeCue returns the first word or phrase of p that disputes what it
// reports, if the claim c does not use it too: "fake" in "fake news" is an
// epithet, and words inside hashtags and handles are labels.
func disputeCue(p, c *side) (Cue, bool) {
	inClaim := map[string]bool{}
	for _, t := range c.toks {
		if t.kind == tWord {
			inClaim[text.Stem(t.low)] = true
		}
	}
	for k, t := range p.toks {
		if t.kind != tWord || mark(p.toks, k) != "" {
			continue
		}
		if next := wordAt(p.toks, k+1); next != "" && disputePhrases[t.low+" "+next] && !inClaim[text.Stem(next)] {
			return Cue{Text: p.s[t.start:p.toks[k+1].end], Start: t.start, End: p.toks[k+1].end}, true
		}
		if disputeWords[t.low] && !inClaim[text.Stem(t.low)] && wordAt(p.toks, k+1) != "news" && !(k > 0 && p.toks[k-1].s == "-") {
			return Cue{Text: t.s, Start: t.start, End: t.end}, true
		}
	}
	return Cue{}, false
}

// disputing reports whether the page's own negation cues deny the claim
// as a statement rather than state its opposite: a negated truth word
// ("not true", "never happened"), "false that", a denial verb, or a
// negator written in capitals ("is NOT contacting anyone", "was NEVER
// one"), which writers use to rebut what they quote.
func disputing(p *side, cues []Cue) bool {
	for _, cue := range cues {
		w := strings.ToLower(cue.Text)
		if w == "false" || w == "deny" || w == "denies" || w == "denied" || deniesTruth(scopeWords(p.toks, cue)) {
			return true
		}
		if len(cue.Text) > 1 && strings.ToUpper(cue.Text) == cue.Text && strings.ToLower(cue.Text) != cue.Text {
			return true
		}
	}
	return false
}
