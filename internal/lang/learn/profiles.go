package learn

import (
	"sort"
	"strings"

	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/lang"
	"github.com/factcheckwidget/factcheck/internal/text"
)

// Profiles learns the profile of every language of claims except English
// (which the widget reads with its built-in analyser): the script most of
// its claims are written in, its stop words, and, where Snowball has a
// stemmer for it, rules learned from Snowball's stems of the words of its
// claims.
func Profiles(claims []claim.Claim, opt Options) []*lang.Profile {
	vocab := map[string]*vocabulary{}
	for i := range claims {
		c := &claims[i]
		base := lang.ClaimBase(c.Language)
		if base == "en" {
			continue
		}
		v := vocab[base]
		if v == nil {
			v = &vocabulary{forms: map[string]map[string]int{}, scripts: map[string]int{}}
			vocab[base] = v
		}
		for _, s := range [...]string{c.Text, c.Title, c.Context} {
			v.add(s)
		}
	}
	out := make([]*lang.Profile, 0, len(vocab))
	for _, base := range sortedBases(vocab) {
		v := vocab[base]
		p := &lang.Profile{Tag: base, Script: v.script(), Stops: StopWords(base)}
		if HasSnowball(base) {
			p.Stemmer = Learn(v.pairs(base, p.Stops), opt)
		}
		out = append(out, p)
	}
	return out
}

// vocabulary is the words of one language's claims: each folded word with
// the spellings it was folded from, and the scripts of the claims.
type vocabulary struct {
	forms   map[string]map[string]int
	scripts map[string]int
}

func (v *vocabulary) add(s string) {
	if s == "" {
		return
	}
	if sc := text.Script(s); sc != "" {
		v.scripts[sc]++
	}
	for _, t := range text.Tokenize(s) {
		if t.Kind != text.Word {
			continue
		}
		// Snowball reads the word as written (accents matter to it); a
		// token the tokeniser rewrote beyond folding (a split camelCase
		// hump, a dropped apostrophe) is read in its folded form.
		form := strings.ToLower(s[t.Start:t.End])
		if text.Fold(form) != t.Text {
			form = t.Text
		}
		m := v.forms[t.Text]
		if m == nil {
			m = map[string]int{}
			v.forms[t.Text] = m
		}
		m[form]++
	}
}

func (v *vocabulary) script() string {
	best, n := "", 0
	for sc, c := range v.scripts {
		if c > n || c == n && sc < best {
			best, n = sc, c
		}
	}
	return best
}

// pairs are the content words with the folded Snowball stem of their most
// common spelling.
func (v *vocabulary) pairs(base string, stops map[string]bool) []Pair {
	out := make([]Pair, 0, len(v.forms))
	for w, forms := range v.forms {
		if stops[w] {
			continue
		}
		best, n := "", 0
		for f, c := range forms {
			if c > n || c == n && f < best {
				best, n = f, c
			}
		}
		out = append(out, Pair{Word: w, Stem: text.Fold(Snowball(base, best))})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Word < out[j].Word })
	return out
}

func sortedBases(m map[string]*vocabulary) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
