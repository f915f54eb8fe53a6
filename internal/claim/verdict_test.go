package claim

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// Labels as fact-checkers print them, in their languages and spellings, as
// slugs and as sentences. Each row is what a reader of that publisher would
// call the verdict.
func TestVerdictOfText(t *testing.T) {
	tests := []struct {
		rating string
		want   Verdict
	}{
		// English: PolitiFact, Snopes, AFP, Full Fact, Washington Post.
		{"True", VerdictTrue},
		{"TRUE", VerdictTrue},
		{"Correct", VerdictTrue},
		{"Accurate", VerdictTrue},
		{"Correct Attribution", VerdictTrue},
		{"No Flip", VerdictTrue},
		{"Geppetto Checkmark", VerdictTrue},
		{"Mostly True", VerdictMostlyTrue},
		{"Mostly Correct", VerdictMostlyTrue},
		{"Largely true", VerdictMostlyTrue},
		{"One Pinocchio", VerdictMostlyTrue},
		{"Half True", VerdictMixed},
		{"Half-True", VerdictMixed},
		{"half-true", VerdictMixed},
		{"Half", VerdictMixed},
		{"Mixture", VerdictMixed},
		{"Partly false", VerdictMixed},
		{"Partially True", VerdictMixed},
		{"Partly accurate", VerdictMixed},
		{"Half Flip", VerdictMixed},
		{"Full Flop", VerdictMixed},
		{"Two Pinocchios", VerdictMixed},
		{"Mostly False", VerdictMostlyFalse},
		{"Barely True", VerdictMostlyFalse},
		{"Misleading", VerdictMostlyFalse},
		{"Missing Context", VerdictMostlyFalse},
		{"Miscaptioned", VerdictMostlyFalse},
		{"Exaggerated", VerdictMostlyFalse},
		{"Out of context", VerdictMostlyFalse},
		{"Distorts the facts", VerdictMostlyFalse},
		{"Three Pinocchios", VerdictMostlyFalse},
		{"Pinocchio", VerdictMostlyFalse},
		{"False", VerdictFalse},
		{"FALSE.", VerdictFalse},
		{"Pants on Fire", VerdictFalse},
		{"Pants on Fire!", VerdictFalse},
		{"pants-fire", VerdictFalse},
		{"Fake", VerdictFalse},
		{"Not true", VerdictFalse},
		{"Not accurate", VerdictFalse},
		{"Inaccurate", VerdictFalse},
		{"Not correct", VerdictFalse},
		{"Incorrect", VerdictFalse},
		{"Wrong", VerdictFalse},
		{"Hoax", VerdictFalse},
		{"Scam", VerdictFalse},
		{"Labeled Satire", VerdictFalse},
		{"Fabricated", VerdictFalse},
		{"Misattributed", VerdictFalse},
		{"Legend", VerdictFalse},
		{"Altered photo", VerdictFalse},
		{"Four Pinocchios", VerdictFalse},
		{"4 Pinocchios", VerdictFalse},
		{"Bottomless Pinocchio", VerdictFalse},
		{"Unproven", VerdictUnproven},
		{"Unverified", VerdictUnproven},
		{"No evidence", VerdictUnproven},
		{"Research In Progress", VerdictUnproven},
		{"Unsupported", VerdictUnproven},
		{"Undetermined", VerdictUnproven},
		// Slugs and whole sentences.
		{"really_false", VerdictFalse},
		{"mostly_false", VerdictMostlyFalse},
		{"MISSING_CONTEXT", VerdictMostlyFalse},
		{"The claim is misleading because the photo was taken in 2015.", VerdictMostlyFalse},
		{"Misleading: the video is real but ten years old", VerdictMostlyFalse},
		{"This is false: no such law was passed.", VerdictFalse},
		{"The figure is correct, but it leaves out inflation", VerdictMostlyTrue},
		{"The post is not true\r", VerdictFalse},
		// Portuguese: Lupa, Aos Fatos, Fato ou Fake, Estadão Verifica, AFP Checamos.
		{"Falso", VerdictFalse},
		{"FALSO", VerdictFalse},
		{"É falso", VerdictFalse},
		{"É FAKE", VerdictFalse},
		{"É FATO", VerdictTrue},
		{"Verdadeiro", VerdictTrue},
		{"Verdadeiro, mas", VerdictMostlyTrue},
		{"Enganoso", VerdictMostlyFalse},
		{"não_é_bem_assim", VerdictMostlyFalse},
		{"NÃO É BEM ASSIM", VerdictMostlyFalse},
		{"Exagerado", VerdictMostlyFalse},
		{"Impreciso", VerdictMostlyFalse},
		{"Distorcido", VerdictMostlyFalse},
		{"Sem contexto", VerdictMostlyFalse},
		{"Insustentável", VerdictUnproven},
		{"Ainda é cedo para dizer", VerdictUnproven},
		{"Contraditório", VerdictMixed},
		{"De olho", VerdictUnknown},
		// Spanish: Chequeado, Maldita, Newtral, AFP Factual, Colombiacheck.
		{"Falsa", VerdictFalse},
		{"Engañoso", VerdictMostlyFalse},
		{"ENGAÑOSO", VerdictMostlyFalse},
		{"Sin evidencia", VerdictUnproven},
		{"Inchequeable", VerdictUnproven},
		{"Verdadero, pero…", VerdictMostlyTrue},
		{"Discutible", VerdictMixed},
		{"Bulo", VerdictFalse},
		{"No es cierto", VerdictFalse},
		{"Sacado de contexto", VerdictMostlyFalse},
		{"Verdad a medias", VerdictMixed},
		// French: AFP Factuel, Les Décodeurs, 20 Minutes.
		{"Faux", VerdictFalse},
		{"FAUX", VerdictFalse},
		{"Vrai", VerdictTrue},
		{"Plutôt vrai", VerdictMostlyTrue},
		{"Trompeur", VerdictMostlyFalse},
		{"Manque de contexte", VerdictMostlyFalse},
		{"C'est plus compliqué", VerdictMixed},
		{"Infondé", VerdictFalse},
		{"Photo détournée", VerdictMostlyFalse},
		{"C'est juste une rumeur", VerdictUnknown},
		// German: CORRECTIV, dpa, AFP Faktencheck, BR24.
		{"Falsch", VerdictFalse},
		{"Größtenteils falsch", VerdictMostlyFalse},
		{"GRÖSSTENTEILS FALSCH", VerdictMostlyFalse},
		{"Irreführend", VerdictMostlyFalse},
		{"Fehlender Kontext", VerdictMostlyFalse},
		{"Teilweise falsch", VerdictMixed},
		{"Frei erfunden", VerdictFalse},
		{"Unbelegt", VerdictUnproven},
		{"Richtig", VerdictTrue},
		{"Stimmt nicht", VerdictFalse},
		// Italian: Pagella Politica, Facta, Open.
		{"Fuori contesto", VerdictMostlyFalse},
		{"Fuorviante", VerdictMostlyFalse},
		{"Pinocchio andante", VerdictMostlyFalse},
		{"Panzana pazzesca", VerdictFalse},
		{"C'eri quasi", VerdictMostlyTrue},
		{"Nì", VerdictMixed},
		{"Vero", VerdictTrue},
		{"Bufala", VerdictFalse},
		{"Non è vero", VerdictFalse},
		// Dutch, Polish, Czech, Russian, Ukrainian.
		{"Onwaar", VerdictFalse},
		{"Niet waar", VerdictFalse},
		{"Grotendeels waar", VerdictMostlyTrue},
		{"Misleidend", VerdictMostlyFalse},
		{"Fałsz", VerdictFalse},
		{"FAŁSZ", VerdictFalse},
		{"Manipulacja", VerdictMostlyFalse},
		{"Nieweryfikowalne", VerdictUnproven},
		{"Zavádějící", VerdictMostlyFalse},
		{"Неправда", VerdictFalse},
		{"Правда", VerdictTrue},
		{"Маніпуляція", VerdictMostlyFalse},
		{"Фейк", VerdictFalse},
		// Turkish: Teyit, Doğruluk Payı.
		{"Yanlış", VerdictFalse},
		{"YANLIŞ", VerdictFalse},
		{"Doğru", VerdictTrue},
		{"Doğru değil", VerdictFalse},
		{"Kısmen doğru", VerdictMixed},
		{"Yanıltıcı", VerdictMostlyFalse},
		{"Karma", VerdictMixed},
		// Indonesian, Filipino, Vietnamese.
		{"Salah", VerdictFalse},
		{"[HOAKS]", VerdictFalse},
		{"Tidak benar", VerdictFalse},
		{"Konteks yang Salah", VerdictMostlyFalse},
		{"Menyesatkan", VerdictMostlyFalse},
		{"Benar", VerdictTrue},
		{"Hindi totoo", VerdictFalse},
		{"Sai sự thật", VerdictFalse},
		// Hindi, Bengali, Urdu: BOOM, Vishvas News, Factly, Rumor Scanner.
		{"गलत", VerdictFalse},
		{"ग़लत", VerdictFalse},
		{"फर्जी", VerdictFalse},
		{"भ्रामक", VerdictMostlyFalse},
		{"आंशिक रूप से सच", VerdictMixed},
		{"सच", VerdictTrue},
		{"सच नहीं", VerdictFalse},
		{"असत्य", VerdictFalse},
		{"মিথ্যা", VerdictFalse},
		{"ভুয়া", VerdictFalse},
		{"বিভ্রান্তিকর", VerdictMostlyFalse},
		{"আংশিক সত্য", VerdictMixed},
		{"সত্য", VerdictTrue},
		{"گمراہ کن", VerdictMostlyFalse},
		// Arabic: Fatabyyano, Misbar, AFP.
		{"زائف", VerdictFalse},
		{"زائف جزئياً", VerdictMixed},
		{"مضلل", VerdictMostlyFalse},
		{"عنوان مضلل", VerdictMostlyFalse},
		{"صحيح", VerdictTrue},
		{"غير صحيح", VerdictFalse},
		{"ساخر", VerdictFalse},
		// Chinese, Japanese, Korean, Thai: TFC, MyGoPen, JFC, SNU FactCheck, Cofact.
		{"錯誤", VerdictFalse},
		{"错误", VerdictFalse},
		{"部分錯誤", VerdictMixed},
		{"正確", VerdictTrue},
		{"不正確", VerdictFalse},
		{"事實釐清", VerdictUnknown},
		{"易生誤解", VerdictMostlyFalse},
		{"證據不足", VerdictUnproven},
		{"假", VerdictFalse},
		{"假期", VerdictUnknown},
		{"誤り", VerdictFalse},
		{"ミスリード", VerdictMostlyFalse},
		{"根拠不明", VerdictUnproven},
		{"ほぼ正確", VerdictMostlyTrue},
		{"사실", VerdictTrue},
		{"대체로 사실", VerdictMostlyTrue},
		{"절반의 사실", VerdictMixed},
		{"대체로 사실 아님", VerdictMostlyFalse},
		{"사실 아님", VerdictFalse},
		{"판단 유보", VerdictUnproven},
		{"ข่าวปลอม", VerdictFalse},
		{"ไม่จริง", VerdictFalse},
		// Words that are not verdicts, and parts of words that would be.
		{"", VerdictUnknown},
		{"*", VerdictUnknown},
		{"Realistic", VerdictUnknown},
		{"Falsely attributed?", VerdictUnknown},
		{"Outdated", VerdictUnknown},
		{"Explainer", VerdictUnknown},
		{"Karma police", VerdictUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.rating, func(t *testing.T) {
			assert.Equal(t, tt.want, VerdictOfText(tt.rating), "%q -> %s", tt.rating, VerdictOfText(tt.rating))
			assert.Equal(t, tt.want, VerdictOf(tt.rating, -1, -1, -1), "no scale: the words decide")
		})
	}
}

func TestVerdictOfScale(t *testing.T) {
	tests := []struct {
		value, best, worst float64
		want               Verdict
	}{
		{1, 5, 1, VerdictFalse},
		{2, 5, 1, VerdictMostlyFalse},
		{3, 5, 1, VerdictMixed},
		{4, 5, 1, VerdictMostlyTrue},
		{5, 5, 1, VerdictTrue},
		{0, 10, 0, VerdictFalse},
		{10, 10, 0, VerdictTrue},
		{9, 10, 0, VerdictTrue},
		{5, 10, 0, VerdictMixed},
		{1, 2, 1, VerdictFalse}, // two-point scales
		{2, 2, 1, VerdictTrue},
		{1, 6, 1, VerdictFalse}, // six-point scales
		{5, 6, 1, VerdictMostlyTrue},
		{0, 5, 0, VerdictFalse}, // zero-based
		{4, 7, 1, VerdictMixed}, // seven-point
		{7, 7, 1, VerdictTrue},
		{1, 1, 5, VerdictTrue}, // upside down: 1 is best
		{5, 1, 5, VerdictFalse},
		{0, 5, 1, VerdictUnknown},    // below worst
		{6, 5, 1, VerdictUnknown},    // above best
		{3, 3, 3, VerdictUnknown},    // an empty scale
		{-1, -1, -1, VerdictUnknown}, // "no scale"
		{-1, 5, 1, VerdictUnknown},   // no value
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, VerdictOfScale(tt.value, tt.best, tt.worst), "%v on %v..%v", tt.value, tt.worst, tt.best)
		assert.Equal(t, tt.want, VerdictOf("", tt.value, tt.best, tt.worst))
	}
	// Words win over numbers; unknown words fall back to the number.
	assert.Equal(t, VerdictTrue, VerdictOf("True", 1, 5, 1))
	assert.Equal(t, VerdictFalse, VerdictOf("Altered photo", 5, 5, 1))
	assert.Equal(t, VerdictMostlyTrue, VerdictOf("Selon nos informations", 4, 5, 1))
}

// The lexicon covers the big fact-checking languages with at least a false
// and a true label each, and no phrase folds to nothing.
func TestLexiconCoverage(t *testing.T) {
	has := map[string]map[Verdict]bool{}
	for _, e := range ratingLexicon {
		for _, lang := range strings.Fields(e.lang) {
			if has[lang] == nil {
				has[lang] = map[Verdict]bool{}
			}
			has[lang][e.verdict] = true
		}
		for _, p := range strings.Split(e.phrases, "|") {
			assert.NotEqual(t, " ", ratingWords(strings.Trim(p, "=*")), "%s phrase %q", e.lang, p)
		}
	}
	for _, lang := range []string{"en", "pt", "es", "fr", "de", "it", "nl", "pl", "ru", "tr", "id", "hi", "bn", "ar", "zh", "ja", "ko"} {
		assert.True(t, has[lang][VerdictFalse] && has[lang][VerdictTrue], "%s needs a true and a false label", lang)
	}
}

func TestRatingWords(t *testing.T) {
	assert.Equal(t, " nao e bem assim ", ratingWords("Não_é bem assim!"))
	assert.Equal(t, " yanlis ", ratingWords("YANLIŞ"))
	assert.Equal(t, " yanlis ", ratingWords("yanlış"))
	assert.Equal(t, " grosstenteils ", ratingWords("größtenteils"))
	assert.Equal(t, " 4 pinocchios ", ratingWords("4 Pinocchios\r\n"))
	assert.Equal(t, " ", ratingWords("--"))
}
