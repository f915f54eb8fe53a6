package engine

import (
	"github.com/factcheckwidget/factcheck/internal/index"
	"github.com/factcheckwidget/factcheck/internal/text"
)

// explain lists the sentence's words that the claim shares, merging
// neighbours into phrases ("wartime operational control"), with byte
// offsets so the widget can underline them.
func (c *Checker) explain(sentence string, toks []stemmed, doc int) []Evidence {
	x := c.m.Index()
	field := &x.Fields[index.FieldClaim]
	claimTerms := map[string]bool{}
	for _, id := range x.Forward(doc) {
		claimTerms[field.Term(int(id))] = true
	}
	var out []Evidence
	var run []text.Token
	flush := func() {
		if len(run) == 0 {
			return
		}
		kind := "term"
		if len(run) > 1 {
			kind = "phrase"
		}
		a, b := run[0].Start, run[len(run)-1].End
		out = append(out, Evidence{Kind: kind, Text: sentence[a:b], Span: Span{a, b}})
		run = run[:0]
	}
	for _, st := range toks {
		if st.stop {
			continue // stop words neither break nor start a phrase
		}
		if claimTerms[st.stem] {
			run = append(run, st.Token)
			continue
		}
		flush()
	}
	flush()
	return out
}

// stemmed is a sentence token with its stem, computed once per sentence
// and shared by the explanations of all its matches.
type stemmed struct {
	text.Token
	stem string
	stop bool
}

func stemTokens(sentence string) []stemmed {
	toks := text.Tokenize(sentence)
	out := make([]stemmed, len(toks))
	for i, t := range toks {
		out[i] = stemmed{Token: t, stem: text.Stem(t.Text), stop: t.Kind == text.Word && text.IsStopWord(t.Text)}
	}
	return out
}
