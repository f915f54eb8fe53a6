package lang

import "github.com/factcheckwidget/factcheck/internal/text"

// Detection reads at most this much of a page: its language is clear long
// before the end, and a check must stay cheap on a long article.
const maxDetectBytes = 8000

// Thresholds of detection, measured on the paraphrase set
// (internal/compile/testdata/paraphrase, README "Languages"):
//   - a text is detected in a language when its stop-word evidence is at
//     least minEvidence words and sureRatio times the runner-up's (a word
//     listed by k candidate languages counts 1/k for each);
//   - a declared language is overruled by the text when the detected
//     language's stop words are at least minStopShare of its words and
//     overrideRatio times the declared language's share: running text is
//     30-55% stop words of its own language, and 0-15% of another's.
const (
	minEvidence   = 1.5
	sureRatio     = 2.0
	minStopShare  = 0.25
	overrideRatio = 2.0
)

// Resolve says how a page is read, from its declared tag (<html lang>,
// data-lang, an API's lang) and a sample of its text:
//   - in the declared language, unless the text is plainly in another of
//     the corpus's languages (templates often say "en" whatever the page
//     says) or in another script;
//   - with nothing declared, in the corpus language the text is detected
//     in: the only corpus language of the text's script, or the one whose
//     stop words it clearly uses most;
//   - when nothing is declared and detection is unsure, compared with the
//     claims of every language and stemmed in the likeliest one.
func (c *Corpus) Resolve(declared, sample string) Reading {
	decl := Base(declared)
	if c.legacy {
		return Reading{Lang: decl, Analyze: "en"}
	}
	d := c.detect(sample, decl)
	page := decl
	switch {
	case decl == "":
		page = d.sure
	case d.best == "" || d.best == decl:
	case d.byScript || d.sure != "" && d.share[d.best] >= minStopShare && d.share[d.best] >= overrideRatio*d.share[decl]:
		page = d.best
	}
	analyze := page
	if analyze == "" {
		analyze = d.best
	}
	if analyze == "" {
		analyze = c.main()
	}
	return Reading{Lang: page, Analyze: analyze}
}

// scriptOf is the script of a corpus language ("" when unknown).
func (c *Corpus) scriptOf(base string) string {
	if base == "en" {
		return "Latn"
	}
	if p := c.profiles[base]; p != nil {
		return p.Script
	}
	return ""
}

type detection struct {
	best     string             // the likeliest corpus language ("" when none is written in the text's script)
	sure     string             // best, when the evidence is clear
	share    map[string]float64 // each candidate's stop words per word of the text
	byScript bool               // the declared language is written in another script than the text
}

// detect guesses which corpus language sample is written in.
func (c *Corpus) detect(sample, declared string) detection {
	if len(sample) > maxDetectBytes {
		sample = sample[:maxDetectBytes]
	}
	script := Script(sample)
	d := detection{share: map[string]float64{}}
	var cands []string
	for _, tag := range c.tags {
		if script != "" && c.scriptOf(tag) == script {
			cands = append(cands, tag)
		}
	}
	if declared != "" && c.scriptOf(declared) == "" {
		cands = appendUnique(cands, declared)
	}
	if len(cands) == 0 {
		return d
	}
	words := 0
	score := make([]float64, len(cands))
	hits := make([]int, len(cands))
	var listed []int
	for _, t := range text.Tokenize(sample) {
		if t.Kind != text.Word {
			continue
		}
		words++
		listed = listed[:0]
		for i, tag := range cands {
			if c.Analyzer(tag).IsStop(t.Text) {
				listed = append(listed, i)
				hits[i]++
			}
		}
		for _, i := range listed {
			score[i] += 1 / float64(len(listed))
		}
	}
	best, second := 0, -1
	for i := 1; i < len(cands); i++ {
		if score[i] > score[best] {
			best, second = i, best
		} else if second < 0 || score[i] > score[second] {
			second = i
		}
	}
	for i, tag := range cands {
		d.share[tag] = float64(hits[i]) / float64(max(words, 1))
	}
	d.best = cands[best]
	// A declared language written in another script is simply wrong.
	d.byScript = c.scriptOf(declared) != "" && c.scriptOf(declared) != script
	switch {
	case c.scriptOf(d.best) == "":
		d.best = "" // only the declared language, which no claim is in
	case len(cands) == 1 || score[best] >= minEvidence && score[best] >= sureRatio*score[second]:
		d.sure = d.best
	}
	return d
}

func appendUnique(s []string, v string) []string {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}
