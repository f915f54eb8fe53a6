// Package compile turns a corpus into the index every front end reads: the
// inverted index (internal/index) and, in its sections, the knowledge the
// other layers learn from the corpus itself. Every place that builds an
// index from claims (the CLI, the default corpus, the Worker's corpus, the
// tests' corpora) goes through Index, so a corpus is compiled one way.
package compile

import (
	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/index"
	"github.com/factcheckwidget/factcheck/internal/lang"
	"github.com/factcheckwidget/factcheck/internal/lang/learn"
	"github.com/factcheckwidget/factcheck/internal/text"
	"github.com/factcheckwidget/factcheck/internal/trust"
)

// Index compiles claims. progress, when not nil, is called with the number
// of claims analysed so far. Sections:
//
//	lang           the claims' languages, learned stemming rules and stop
//	               words (lang.EncodeProfiles)
//	trust/lexicon  the names of the corpus and their kinds (trust.LearnLexicon;
//	               encoding in trust.LexiconVersion)
func Index(claims []claim.Claim, progress func(done, total int)) (*index.Index, error) {
	section, langs, err := languages(claims)
	if err != nil {
		return nil, err
	}
	x, err := index.BuildWith(claims, func(d int) text.Analyzer { return langs.Analyzer(lang.ClaimBase(claims[d].Language)) },
		progress)
	if err != nil {
		return nil, err
	}
	if x.Sections == nil {
		x.Sections = map[string][]byte{}
	}
	x.Sections[lang.SectionName] = section
	x.Sections[trust.LexiconSection] = trust.LearnLexicon(claims).Encode()
	return x, nil
}

// languages learns the profiles of the claims' languages and reads them
// back from their encoded section, so each claim is analysed here exactly
// as a reader of the index (the widget included) analyses a query.
func languages(claims []claim.Claim) ([]byte, *lang.Corpus, error) {
	profiles := learn.Profiles(claims, learn.DefaultOptions)
	langs, err := lang.NewCorpus(lang.EncodeProfiles(profiles), len(claims), func(d int) string { return claims[d].Language })
	if err != nil {
		return nil, nil, err
	}
	section := lang.EncodeSection(profiles, langs.Counts())
	// Readers that cannot decode the section fall back to reading every
	// claim as English (match.CorpusLanguages), so a section they could
	// not read would fail silently: refuse to write one.
	if _, err := lang.NewCorpus(section, len(claims), nil); err != nil {
		return nil, nil, err
	}
	return section, langs, nil
}
