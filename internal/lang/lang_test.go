package lang

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/text"
)

func TestBase(t *testing.T) {
	tests := map[string]string{
		"pt-BR": "pt", "pt_BR": "pt", "PT": "pt", "en_US": "en", "zh-Hant-TW": "zh", "fil": "fil",
		"nb-NO": "no", "iw": "he", "": "", "und": "", "mul": "", "x-private": "", "português": "", "e": "", "engl": "",
	}
	for in, want := range tests {
		assert.Equal(t, want, Base(in), in)
	}
}

func TestSectionRoundTrip(t *testing.T) {
	in := []*Profile{
		{Tag: "pt", Script: "Latn", Stops: map[string]bool{"de": true, "nao": true},
			Stemmer: &text.Stemmer{Suffixes: text.RuleTable{Rules: map[string]text.Rule{
				"s": {Strip: 1}, "coes": {Strip: 3, Add: "ao"}, "^mais": {}}, MaxRunes: 4}}},
		{Tag: "ar", Script: "Arab", Stops: map[string]bool{},
			Stemmer: &text.Stemmer{Prefixes: text.RuleTable{Rules: map[string]text.Rule{"ال": {Strip: len("ال")}}, MaxRunes: 2}}},
		{Tag: "zh", Script: "Hani", Stops: map[string]bool{}},
	}
	out, err := DecodeProfiles(EncodeProfiles(in))
	require.NoError(t, err)
	require.Len(t, out, 3)
	byTag := map[string]*Profile{}
	for _, p := range out {
		byTag[p.Tag] = p
	}
	assert.Equal(t, "acao", byTag["pt"].Stem("acoes"), "longest ending first")
	assert.Equal(t, "casa", byTag["pt"].Stem("casas"))
	assert.Equal(t, "mais", byTag["pt"].Stem("mais"), "a whole word's own rule beats its ending's")
	assert.True(t, byTag["pt"].IsStop("nao"))
	assert.Equal(t, "كتاب", byTag["ar"].Stem("الكتاب"), "prefix rule")
	assert.Nil(t, byTag["zh"].Stemmer, "no rules: no stemming")
	assert.Equal(t, "中国", byTag["zh"].Stem("中国"))

	for _, bad := range [][]byte{nil, {2}, {1, 5}, EncodeProfiles(in)[:20], append(EncodeProfiles(in), 0)} {
		_, err := DecodeProfiles(bad)
		assert.Error(t, err, "%v", bad)
	}
}

// corpusOf builds a corpus of claims in the given languages, with the
// profiles a compiled index would hold (scripts and a few stop words).
func corpusOf(t *testing.T, claimLangs ...string) *Corpus {
	profiles := []*Profile{
		{Tag: "pt", Script: "Latn", Stops: set("o", "a", "de", "que", "do", "da", "em", "um", "uma", "nao", "os", "no", "com", "para")},
		{Tag: "es", Script: "Latn", Stops: set("el", "la", "de", "que", "los", "las", "en", "un", "una", "no", "con", "para", "del")},
		{Tag: "zh", Script: "Hani", Stops: set()},
		{Tag: "ar", Script: "Arab", Stops: set("في", "من", "على")},
	}
	c, err := NewCorpus(EncodeProfiles(profiles), len(claimLangs), func(d int) string { return claimLangs[d] })
	require.NoError(t, err)
	return c
}

func set(words ...string) map[string]bool {
	m := map[string]bool{}
	for _, w := range words {
		m[w] = true
	}
	return m
}

func TestResolve(t *testing.T) {
	mixed := corpusOf(t, "en", "pt-BR", "es", "zh-CN", "ar", "pt")
	ptText := "O governo cortou as verbas das universidades federais, e a oposição disse que não vai aceitar o corte no orçamento da educação."
	esText := "El gobierno recortó los fondos de las universidades y la oposición dijo que no aceptará el recorte en la educación."
	enText := "The government cut the funding of the universities and the opposition said that it will not accept the cut."
	tests := []struct {
		name, declared, text string
		want                 Reading
	}{
		{"declared and written in Portuguese", "pt-BR", ptText, Reading{"pt", "pt"}},
		{"nothing declared: stop words decide", "", ptText, Reading{"pt", "pt"}},
		{"nothing declared, Spanish", "", esText, Reading{"es", "es"}},
		{"nothing declared, English", "", enText, Reading{"en", "en"}},
		{"a template's lang=en over a Portuguese page", "en", ptText, Reading{"pt", "pt"}},
		{"declared Spanish, English page: the text wins", "es", enText, Reading{"en", "en"}},
		{"nothing declared, Chinese script", "", "政府削减了大学经费", Reading{"zh", "zh"}},
		{"declared English over Arabic script", "en", "الحكومة خفضت تمويل الجامعات", Reading{"ar", "ar"}},
		{"declared language no claim is in", "it", "Il governo ha tagliato i fondi delle università.", Reading{"it", "it"}},
		{"too short to tell: every claim, likeliest stemming", "", "Bolsonaro 2022", Reading{"", "en"}},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, mixed.Resolve(tt.declared, tt.text), tt.name)
	}
	assert.Equal(t, NoLanguage, mixed.ID("it"))
	assert.Equal(t, AnyLanguage, mixed.ID(""))
	assert.Equal(t, mixed.DocLang(1), mixed.DocLang(5), "pt-BR and pt are one language")

	english := corpusOf(t, "en", "en-GB", "")
	assert.Equal(t, Reading{"en", "en"}, english.Resolve("", enText), "one language: the text is in it")
	assert.Equal(t, Reading{"pt", "pt"}, english.Resolve("pt", ptText), "a Portuguese page finds no English claim")

	legacy, err := NewCorpus(nil, 2, func(int) string { return "pt" })
	require.NoError(t, err)
	assert.Equal(t, AnyLanguage, legacy.ID("pt"), "an index without a language section compares everything")
	assert.Equal(t, text.English, legacy.Analyzer("pt"), "and reads everything as English, as it was built")
}

// A claim count is a value, not a count of the bytes that follow: a
// section for 19,250 English and 300 Portuguese claims must read back
// (it once failed for any count above 255, and readers silently fell back
// to treating every claim as English).
func TestSectionKeepsLargeClaimCounts(t *testing.T) {
	profiles := []*Profile{{Tag: "pt", Script: "Latn", Stops: set("de", "que")}}
	langs := []Language{{Tag: "en", Claims: 19250}, {Tag: "pt", Claims: 300}}
	gotProfiles, gotLangs, err := DecodeSection(EncodeSection(profiles, langs))
	require.NoError(t, err)
	assert.Equal(t, langs, gotLangs)
	require.Len(t, gotProfiles, 1)
	assert.True(t, gotProfiles[0].IsStop("que"))

	c, err := NewCorpus(EncodeSection(profiles, langs), 19550, nil)
	require.NoError(t, err)
	assert.Equal(t, langs, c.Counts(), "a reader without claim records knows the languages")
	assert.Equal(t, NoLanguage, c.ID("it"))
}

// An index without a language section still counts its claims' languages
// once each (it gave every claim a language of its own).
func TestLegacyCorpusCountsLanguagesOnce(t *testing.T) {
	tags := []string{"en", "en", "pt", "en"}
	c, err := NewCorpus(nil, len(tags), func(d int) string { return tags[d] })
	require.NoError(t, err)
	assert.Equal(t, []Language{{Tag: "en", Claims: 3}, {Tag: "pt", Claims: 1}}, c.Counts())
	assert.Equal(t, c.DocLang(0), c.DocLang(3))
}

// A reader without claim records (a sharded corpus) of an index without a
// language section reads everything as English; it used to panic.
func TestLegacyCorpusWithoutClaimRecords(t *testing.T) {
	c, err := NewCorpus(nil, 19250, nil)
	require.NoError(t, err)
	assert.Equal(t, []Language{{Tag: "en", Claims: 19250}}, c.Counts())
	assert.Equal(t, AnyLanguage, c.ID("pt"))
	assert.Equal(t, text.English, c.Analyzer("pt"))
}
