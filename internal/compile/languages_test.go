package compile

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/engine"
	"github.com/factcheckwidget/factcheck/internal/index"
	"github.com/factcheckwidget/factcheck/internal/lang"
	"github.com/factcheckwidget/factcheck/internal/lang/learn"
	"github.com/factcheckwidget/factcheck/internal/match"
	"github.com/factcheckwidget/factcheck/internal/text"
)

// The paraphrase set (testdata/paraphrase/<lang>.tsv, written for this
// project): the same 30 claims in every language, each with a sentence
// saying it in other words and other inflections, as a page would. A
// language's claims are its corpus; each paraphrase should find its claim.

type paraphrase struct{ claim, page string }

func readParaphrases(t testing.TB) map[string][]paraphrase {
	files, err := filepath.Glob("testdata/paraphrase/*.tsv")
	require.NoError(t, err)
	out := map[string][]paraphrase{}
	for _, f := range files {
		fh, err := os.Open(f)
		require.NoError(t, err)
		sc := bufio.NewScanner(fh)
		for sc.Scan() {
			claimText, page, ok := strings.Cut(sc.Text(), "\t")
			require.True(t, ok, "%s: %q has no tab", f, sc.Text())
			base := strings.TrimSuffix(filepath.Base(f), ".tsv")
			out[base] = append(out[base], paraphrase{claimText, page})
		}
		require.NoError(t, fh.Close())
	}
	return out
}

func claimsOf(base string, ps []paraphrase) []claim.Claim {
	out := make([]claim.Claim, len(ps))
	for i, p := range ps {
		out[i] = claim.Claim{ID: fmt.Sprintf("%s-%02d", base, i), Text: p.claim, Language: base}
	}
	return out
}

// scores are the share of paraphrases whose claim ranks first (MAP@1) and
// the mean reciprocal rank within the first five (MAP@5: one relevant
// claim per query).
type scores struct{ map1, map5, shown float64 }

func (s scores) String() string { return fmt.Sprintf("%.3f / %.3f", s.map1, s.map5) }

// rankScores ranks every paraphrase with rank (doc ids, best first) and
// expects paraphrase i to find doc first+i.
func rankScores(ps []paraphrase, first int, rank func(page string) []int) scores {
	var s scores
	for i, p := range ps {
		for r, d := range rank(p.page) {
			if r >= 5 {
				break
			}
			if d == first+i {
				if r == 0 {
					s.map1++
				}
				s.map5 += 1 / float64(r+1)
				break
			}
		}
	}
	n := float64(len(ps))
	return scores{map1: s.map1 / n, map5: s.map5 / n}
}

// coverage is the mean share of a claim's content terms that its
// paraphrase also has, both analysed by an: what stemming is for, and
// what the matcher's coverage features and calibration read.
func coverage(ps []paraphrase, an text.Analyzer) float64 {
	sum := 0.0
	for _, p := range ps {
		page := map[string]bool{}
		for _, w := range text.AnalyzeWith(p.page, an).Terms() {
			page[w] = true
		}
		claimTerms := map[string]bool{}
		for _, w := range text.AnalyzeWith(p.claim, an).Terms() {
			claimTerms[w] = true
		}
		met := 0
		for w := range claimTerms {
			if page[w] {
				met++
			}
		}
		sum += float64(met) / float64(max(len(claimTerms), 1))
	}
	return sum / float64(len(ps))
}

func docs(cands []match.Candidate) []int {
	out := make([]int, len(cands))
	for i, c := range cands {
		out[i] = c.Doc
	}
	return out
}

// withAnalyzer ranks with every claim and query analysed by an (the
// reference analysers the learned one is compared with).
func withAnalyzer(t testing.TB, claims []claim.Claim, an text.Analyzer) func(string) []int {
	x, err := index.BuildWith(claims, func(int) text.Analyzer { return an }, nil)
	require.NoError(t, err)
	m := match.New(x)
	return func(page string) []int {
		return docs(m.RankQuery(m.PrepareAnalysis(text.AnalyzeWith(page, an), nil), 5))
	}
}

type snowballAnalyzer struct {
	base  string
	stops map[string]bool
}

func (a snowballAnalyzer) Stem(w string) string { return text.Fold(learn.Snowball(a.base, w)) }
func (a snowballAnalyzer) IsStop(w string) bool { return a.stops[w] }

type noStem struct{ stops map[string]bool }

func (a noStem) Stem(w string) string { return w }
func (a noStem) IsStop(w string) bool { return a.stops[w] }

func stopsOf(base string) map[string]bool {
	if base == "en" {
		m := map[string]bool{}
		return m // English stop words are text.IsStopWord's; see noStemFor
	}
	return learn.StopWords(base)
}

type englishStops struct{}

func (englishStops) Stem(w string) string { return w }
func (englishStops) IsStop(w string) bool { return text.IsStopWord(w) }

func noStemFor(base string) text.Analyzer {
	if base == "en" {
		return englishStops{}
	}
	return noStem{stopsOf(base)}
}

// TestParaphrasesPerLanguage measures, per language, how well a page
// finds its claim when the corpus is in the page's language: with the
// stemmer learned from Snowball (what every front end runs), with Snowball
// itself, and with no stemming. FACTCHECK_LANG_REPORT=1 prints the table
// the README quotes.
func TestParaphrasesPerLanguage(t *testing.T) {
	sets := readParaphrases(t)
	var rows []string
	for _, base := range sortedKeys(sets) {
		ps := sets[base]
		claims := claimsOf(base, ps)
		x, err := Index(claims, nil)
		require.NoError(t, err)
		c := engine.New(x)
		learned := rankScores(ps, 0, func(page string) []int {
			return docs(c.Matcher().RankQuery(c.Matcher().PrepareContextIn(page, "", base), 5))
		})
		shown := 0
		for i, p := range ps {
			ms := c.CheckSentence(p.page, engine.Options{Lang: base})
			if len(ms) > 0 && ms[0].Doc == i && ms[0].Tier >= engine.TierRelated {
				shown++
			}
		}
		learned.shown = float64(shown) / float64(len(ps))
		none := rankScores(ps, 0, withAnalyzer(t, claims, noStemFor(base)))
		ref, refCov := "-", "-"
		if learn.HasSnowball(base) {
			an := text.Analyzer(snowballAnalyzer{base, stopsOf(base)})
			if base == "en" {
				an = text.English
			}
			ref = rankScores(ps, 0, withAnalyzer(t, claims, an)).String()
			refCov = fmt.Sprintf("%.3f", coverage(ps, an))
		}
		learnedCov := coverage(ps, c.Matcher().Languages().Analyzer(base))
		noneCov := coverage(ps, noStemFor(base))
		rules := 0
		if p := x.Sections[lang.SectionName]; p != nil {
			profiles, err := lang.DecodeProfiles(p)
			require.NoError(t, err)
			for _, pr := range profiles {
				if pr.Stemmer != nil {
					rules = len(pr.Stemmer.Prefixes.Rules) + len(pr.Stemmer.Suffixes.Rules)
				}
			}
		}
		rows = append(rows, fmt.Sprintf("| %s | %s | %.3f | %.3f | %s | %s | %s | %.3f | %d |", base, learned, learned.shown,
			learnedCov, ref, refCov, none, noneCov, rules))
		// Floors below the measured figures (README "Languages"): a
		// change that breaks a language's analysis fails here.
		assert.GreaterOrEqual(t, learned.map1, 0.8, "%s: MAP@1", base)
		assert.GreaterOrEqual(t, learned.map5, none.map5-0.02, "%s: learned stemming must not lose to no stemming", base)
		assert.GreaterOrEqual(t, learnedCov, noneCov, "%s: learned stemming must meet more words than none", base)
	}
	if os.Getenv("FACTCHECK_LANG_REPORT") != "" {
		fmt.Println("| lang | learned MAP@1 / MAP@5 | shown | coverage | Snowball MAP@1 / MAP@5 | coverage | no stemming | coverage | rules |")
		fmt.Println(strings.Join(rows, "\n"))
	}
}

// TestParaphrasesMixedCorpus puts every language's claims in one corpus:
// a page declared in its language, or not declared at all, must find its
// claim among the claims of all languages.
func TestParaphrasesMixedCorpus(t *testing.T) {
	sets := readParaphrases(t)
	var claims []claim.Claim
	first := map[string]int{}
	for _, base := range sortedKeys(sets) {
		first[base] = len(claims)
		claims = append(claims, claimsOf(base, sets[base])...)
	}
	x, err := Index(claims, nil)
	require.NoError(t, err)
	m := match.New(x)
	var rows []string
	for _, base := range sortedKeys(sets) {
		ps := sets[base]
		declared := rankScores(ps, first[base], func(page string) []int {
			return docs(m.RankQuery(m.PrepareContextIn(page, "", base), 5))
		})
		undeclared := rankScores(ps, first[base], func(page string) []int {
			return docs(m.RankQuery(m.PrepareContextIn(page, "", ""), 5))
		})
		detected := 0
		for _, p := range ps {
			if m.Languages().Resolve("", p.page).Lang == base {
				detected++
			}
		}
		rows = append(rows, fmt.Sprintf("| %s | %s | %s | %d/%d |", base, declared, undeclared, detected, len(ps)))
		assert.GreaterOrEqual(t, declared.map1, 0.8, "%s declared: MAP@1", base)
		assert.GreaterOrEqual(t, undeclared.map1, 0.8, "%s undeclared: MAP@1", base)
	}
	if os.Getenv("FACTCHECK_LANG_REPORT") != "" {
		fmt.Printf("mixed corpus: %d claims, index %d bytes, language section %d bytes\n", len(claims), len(x.Encode()),
			len(x.Sections[lang.SectionName]))
		fmt.Println("| lang | declared MAP@1 / MAP@5 | undeclared MAP@1 / MAP@5 | sentence language detected |")
		fmt.Println(strings.Join(rows, "\n"))
	}
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// A compiled corpus keeps its languages through the file a reader loads,
// at any size: a corpus with more than 255 claims in a language once
// wrote a language section its readers could not decode, and they fell
// back, silently, to reading every page and claim as English.
func TestCompiledCorpusKeepsItsLanguagesAtScale(t *testing.T) {
	var claims []claim.Claim
	for i := range 300 {
		claims = append(claims, claim.Claim{ID: fmt.Sprintf("pt-%d", i), Language: "pt-BR",
			Text: fmt.Sprintf("O governo cortou %d milhões de reais das universidades federais.", i+1)})
	}
	for i := range 20 {
		claims = append(claims, claim.Claim{ID: fmt.Sprintf("en-%d", i), Language: "en",
			Text: fmt.Sprintf("The senator voted %d times against the budget.", i+1)})
	}
	x, err := Index(claims, nil)
	require.NoError(t, err)
	read, err := index.Decode(x.Encode())
	require.NoError(t, err)

	langs := match.CorpusLanguages(read)
	assert.Equal(t, []lang.Language{{Tag: "pt", Claims: 300}, {Tag: "en", Claims: 20}}, langs.Counts())
	assert.Equal(t, lang.NoLanguage, langs.ID("it"), "a page in a language no claim is in is not compared")
	assert.NotEqual(t, langs.DocLang(0), langs.DocLang(300))

	section, _, err := lang.DecodeSection(read.Sections[lang.SectionName])
	require.NoError(t, err, "the section decodes on its own")
	assert.NotEmpty(t, section)
}

// A claim that declares no language (feeds often leave inLanguage out) is
// compared with pages of every language: a Portuguese page finds the
// undeclared Portuguese claim of a corpus that also has declared
// Portuguese and English claims.
func TestUndeclaredClaimsMeetPagesOfEveryLanguage(t *testing.T) {
	claims := []claim.Claim{
		{ID: "pt-1", Language: "pt-BR", Text: "A vacina contra a gripe provoca a doença em adultos saudáveis."},
		{ID: "pt-2", Language: "pt", Text: "O desmatamento na Amazônia dobrou nos últimos dois anos, segundo o instituto."},
		{ID: "en-1", Language: "en", Text: "The federal government halved public university funding in 2019."},
		{ID: "none", Text: "O governo federal cortou pela metade as verbas das universidades públicas em 2019."},
	}
	x, err := Index(claims, nil)
	require.NoError(t, err)
	read, err := index.Decode(x.Encode())
	require.NoError(t, err)
	c := engine.New(read)
	page := "O governo federal cortou pela metade as verbas das universidades públicas em 2019."
	for _, declared := range []string{"pt-BR", ""} {
		ms := c.CheckSentence(page, engine.Options{Lang: declared})
		require.NotEmpty(t, ms, "declared %q", declared)
		assert.Equal(t, "none", ms[0].Claim.ID, "declared %q", declared)
	}
	langs := match.CorpusLanguages(read)
	assert.Equal(t, lang.AnyLanguage, langs.DocLang(3))
	assert.Equal(t, []lang.Language{{Tag: "pt", Claims: 2}, {Tag: "en", Claims: 2}}, langs.Counts(), "an undeclared claim counts as English")
}
