package corpus

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/claim"
)

// seen is what a reader of a card sees of a claim, for the shape tests.
type seen struct {
	URL, Text, Rating string
	Verdict           claim.Verdict
	Publisher         string
	Claimant          string
	Language          string
}

func seenOf(c claim.Claim) seen {
	return seen{c.URL, c.Text, c.Rating, c.Verdict, c.Publisher, c.Claimant, c.Language}
}

// Real-world shapes of ClaimReview and Fact Check Tools JSON, each in a
// fixture of ours (invented reviews on .example domains) shaped like what
// publishers and aggregators ship. Every one indexes, with nothing skipped.
func TestReadShapes(t *testing.T) {
	const (
		F  = claim.VerdictFalse
		MF = claim.VerdictMostlyFalse
		MX = claim.VerdictMixed
		MT = claim.VerdictMostlyTrue
		U  = claim.VerdictUnknown
		UP = claim.VerdictUnproven
	)
	tests := []struct {
		file, shape string
		want        []seen
		ignored     map[string]int
	}{
		{"datacommons_feed.json", "a Data Commons DataFeed: http://schema.org context, string numbers, an `\"item\": null` element, " +
			"a MediaReview among the ClaimReviews, a relative review URL resolved against the publisher's site, inLanguage pt_BR",
			[]seen{
				{"https://agencia.example/checagem/2024/05/vacina-ima/", "Vacinas deixam o braço magnetizado.", "Falso", F, "Agência Exemplo", "Postagens em redes sociais", "en"},
				{"https://www.jornal.example/checagem/2024/05/ponte-fechada/", "A ponte ficará fechada por cinco anos.", "Enganoso", MF, "Jornal Exemplo", "", "pt-BR"},
			}, map[string]int{"MediaReview": 1}},
		{"relative_url_canonical.html", "a page whose JSON-LD gives a path as the review URL, resolved against <link rel=canonical>; " +
			"<script type=application/ld+json> without quotes; the page's <html lang> as the language",
			[]seen{{"https://verifica.example/2024/05/puente-cerrado/#veredicto", "El puente estará cerrado cinco años.", "Engañoso", MF, "Verifica Ejemplo", "", "es-AR"}}, nil},
		{"schemeless_url.json", "a review URL without a scheme (host/path) gets https://; a snake_case Portuguese rating",
			[]seen{{"https://fatos.example/noticias/2024/05/onda-de-calor/", "A onda de calor foi causada por um satélite.", "não_é_bem_assim", MF, "Fatos Exemplo", "", "en"}}, nil},
		{"type_variants.json", "@type as an array, lower-case types (claimreview, creativeWork, person, rating), a full schema.org IRI as @type, " +
			"the review's URL given only as its @id",
			[]seen{
				{"https://types.example/array", "The @type of this review is an array.", "False", F, "types.example", "", "en"},
				{"https://types.example/lower-case", "This review's types are written in lower case.", "Mostly true", MT, "types.example", "A blog", "en"},
				{"https://types.example/full-iri", "This review names its type by its full IRI.", "Half true", MX, "types.example", "", "en"},
				{"https://types.example/id-only#claimreview", "This review gives its URL as its @id only.", "Unproven", UP, "types.example", "", "en"},
			}, nil},
		{"wrapped_blocks.html", "JSON-LD blocks in an HTML comment, in CDATA with a raw line break inside a string and a trailing " +
			"semicolon, with a charset parameter; a @graph-like array whose WebPage resolves a fragment URL",
			[]seen{
				{"https://blocchi.example/1", "Un blocco dentro un commento HTML.", "Fuori contesto", MF, "blocchi.example", "", "it"},
				{"https://blocchi.example/2", "Un blocco CDATA con un a capo dentro la stringa.", "Falso", F, "blocchi.example", "", "it"},
				{"https://blocchi.example/pagina#3", "Un @graph la cui pagina risolve l'URL.", "Nì", MX, "blocchi.example", "", "it"},
			}, nil},
		{"authors.json", "author is a list holding e-mail addresses, a Person with only an e-mail and the Organization; " +
			"the claimant's name is a list",
			[]seen{{"https://desk.example/checks/two-ministers", "Two ministers said the dam would be finished in 2025.", "Misleading", MF,
				"Desk Example", "Minister Ana Lima, Minister Rui Costa", "en"}}, nil},
		{"languages.json", "inLanguage as en_US, pt-br, a Language object, ZH-hant-tw, a name that is no tag, and missing",
			[]seen{
				{"https://lang.example/1", "Underscore region.", "False", F, "lang.example", "", "en-US"},
				{"https://lang.example/2", "Lower-case region.", "Falso", F, "lang.example", "", "pt-BR"},
				{"https://lang.example/3", "A Language object.", "Falso", F, "lang.example", "", "es"},
				{"https://lang.example/4", "Script and region.", "錯誤", F, "lang.example", "", "zh-Hant-TW"},
				{"https://lang.example/5", "Not a language tag.", "False", F, "lang.example", "", "en"},
				{"https://lang.example/6", "No language at all.", "False", F, "lang.example", "", "en"},
			}, nil},
		{"ratings.json", "ratings without ratingValue, with empty strings, missing, on scales of 1-2, 1-6, 0-5 and 1-7, the -1/-1/-1 " +
			"no-scale marker, a sentence, a slug, the label in name, unknown words with a number",
			[]seen{
				{"https://ratings.example/text-only", "Text, no ratingValue.", "Falso", F, "ratings.example", "", "en"},
				{"https://ratings.example/empty-strings", "Every rating field is an empty string.", "", U, "ratings.example", "", "en"},
				{"https://ratings.example/no-rating", "No reviewRating at all.", "", U, "ratings.example", "", "en"},
				{"https://ratings.example/bare-rating", "A rating with only a best value.", "", U, "ratings.example", "", "en"},
				{"https://ratings.example/two-point", "Two-point scale, the low end.", "", F, "ratings.example", "", "en"},
				{"https://ratings.example/six-point", "Six-point scale, 5.", "", MT, "ratings.example", "", "en"},
				{"https://ratings.example/zero-based", "Zero-based scale, 0.", "", F, "ratings.example", "", "en"},
				{"https://ratings.example/seven-point", "Seven-point scale, 4.", "", MX, "ratings.example", "", "en"},
				{"https://ratings.example/no-scale", "The -1/-1/-1 no-scale marker with a label.", "Enganoso", MF, "ratings.example", "", "en"},
				{"https://ratings.example/no-scale-no-text", "The no-scale marker alone.", "", U, "ratings.example", "", "en"},
				{"https://ratings.example/sentence", "The rating is a sentence.", "The claim is false: the figures come from a 2009 survey.", F, "ratings.example", "", "en"},
				{"https://ratings.example/snake", "The rating is a slug.", "really_false", F, "ratings.example", "", "en"},
				{"https://ratings.example/name", "The label is in name.", "Sin evidencia", UP, "ratings.example", "", "en"},
				{"https://ratings.example/unknown-words", "Unknown words, a number on the scale.", "Selon nos informations", MT, "ratings.example", "", "en"},
			}, nil},
		{"trailing_cr.json", "CRLF line ends and a trailing \\r in every value, the @type and the URL included",
			[]seen{{"https://crlf.example/checks/1", "Every value of this file ends in a carriage return.", "False", F, "CRLF Example", "", "en"}}, nil},
		{"claim_with_reviews.json", "a Claim with three reviews (Claim.review[]) that do not repeat its text: one claim per review",
			[]seen{
				{"https://first.example/rainwater", "A new law makes it illegal to collect rainwater.", "False", F, "First Checks", "Viral post", "en"},
				{"https://second.example/agua-de-chuva", "A new law makes it illegal to collect rainwater.", "Falso", F, "Segunda Checagem", "Viral post", "pt"},
				{"https://third.example/regenwasser", "A new law makes it illegal to collect rainwater.", "Falsch", F, "Dritter Check", "Viral post", "de"},
			}, nil},
		{"text_in_name.json", "no claimReviewed: the claim text in itemReviewed.name, in the review's name, in its description",
			[]seen{
				{"https://names.example/item-name", "The claim is the name of the item reviewed.", "False", F, "names.example", "", "en"},
				{"https://names.example/review-name", "The claim is the name of the review.", "False", F, "names.example", "", "en"},
				{"https://names.example/description", "The claim is the description of the review.", "False", F, "names.example", "", "en"},
			}, nil},
		{"webpage_mainentity.json", "a ClaimReview nested in WebPage.mainEntity.review, its URL a fragment of the page's; a sentence as the rating",
			[]seen{{"https://page.example/fact-check/2024/05/solar-farm#review", "The new solar farm covers half of the county.",
				"The claim is misleading because the farm covers 2% of the county.", MF, "Page Example", "", "en"}}, nil},
		{"microdata.html", "schema.org microdata instead of JSON-LD: nested Claim, Person, Organization and Rating items, a link as the URL",
			[]seen{{"https://verif.example/2024/velos", "La mairie a interdit les vélos dans le centre-ville.", "Faux", F, "Vérif Exemple", "Une publication Facebook", "fr"}}, nil},
		{"one_page_many_claims.html", "one article reviewing two claims, both reviews with the article's URL",
			[]seen{
				{"https://debate.example/2024/leaders-debate", "Unemployment has halved since 2010.", "Mostly false", MF, "Debate Example", "", "en-GB"},
				{"https://debate.example/2024/leaders-debate", "The NHS budget doubled in ten years.", "Half true", MX, "Debate Example", "", "en-GB"},
			}, nil},
		{"fct_bare_array.json", "Fact Check Tools claims saved as a bare array; a publisher with only a site; a scheme-less URL; languageCode pt_BR",
			[]seen{
				{"https://fatos.example/noticias/2024/05/poupanca/", "O governo vai confiscar a poupança em junho.", "Falso", F, "fatos.example", "Mensagens de WhatsApp", "pt-BR"},
				{"https://verif.example/2024/pain", "Le pain coûtera 5 euros en septembre.", "Trompeur", MF, "Vérif Exemple", "", "fr"},
			}, nil},
		{"fct_single_claim.json", "one Fact Check Tools claim object with three reviews; a relative URL resolved against the publisher's site",
			[]seen{
				{"https://healthcheck.example/seawater", "Drinking seawater cures dehydration.", "False", F, "Health Check Example", "A wellness blog", "en"},
				{"https://salud.example/verificaciones/agua-de-mar", "Drinking seawater cures dehydration.", "Falso", F, "salud.example", "A wellness blog", "es"},
				{"https://gesund.example/meerwasser", "Drinking seawater cures dehydration.", "Falsch", F, "Gesund Check", "A wellness blog", "de"},
			}, nil},
	}
	files, err := filepath.Glob(filepath.Join("testdata", "shapes", "*"))
	require.NoError(t, err)
	require.Len(t, tests, len(files), "every shape fixture has a row")
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			var c Collection
			require.NoError(t, c.ReadFile(filepath.Join("testdata", "shapes", tt.file)), tt.shape)
			assert.Empty(t, c.Skipped, tt.shape)
			var got []seen
			ids := map[string]bool{}
			for _, cl := range c.Claims {
				got = append(got, seenOf(cl))
				assert.False(t, ids[cl.ID], "ids are unique: %s", cl.ID)
				ids[cl.ID] = true
			}
			assert.Equal(t, tt.want, got, tt.shape)
			assert.Equal(t, tt.ignored, c.Ignored)
		})
	}
}

// Review URLs as publishers write them, resolved against the page's
// canonical URL or the publisher's site, or refused with the reason.
func TestWebURL(t *testing.T) {
	tests := []struct {
		raw   string
		bases []string
		want  string // "" with err: refused
		err   string
	}{
		{"https://checks.example/a?b=1#c", nil, "https://checks.example/a?b=1#c", ""},
		{"  HTTP://Checks.Example/A  ", nil, "HTTP://Checks.Example/A", ""},
		{"https://checks.example/a\r", nil, "https://checks.example/a", ""},
		{"https://checks.example/long\n/path", nil, "https://checks.example/long/path", ""},
		{"", []string{"https://x.example"}, "", ""},
		{"aosfatos.example/noticias/x/", nil, "https://aosfatos.example/noticias/x/", ""},
		{"www.checks.example", nil, "https://www.checks.example", ""},
		{"checks.example:8080/a", nil, "https://checks.example:8080/a", ""},
		{"xn--80ak6aa92e.xn--p1ai/a", nil, "https://xn--80ak6aa92e.xn--p1ai/a", ""},
		{"//cdn.checks.example/a", nil, "https://cdn.checks.example/a", ""},
		{"/estadao-like/2024/x/", []string{"", "https://www.jornal.example/"}, "https://www.jornal.example/estadao-like/2024/x/", ""},
		{"/a/b", []string{"https://page.example/x/y", "https://site.example"}, "https://page.example/a/b", ""},
		{"b", []string{"https://page.example/x/y"}, "https://page.example/x/b", ""},
		{"#review", []string{"https://page.example/x"}, "https://page.example/x#review", ""},
		{"/a", []string{"jornal.example"}, "https://jornal.example/a", ""},
		{"page.html", []string{"https://site.example/dir/"}, "https://site.example/dir/page.html", ""},
		{"v1.2/notes", []string{"https://site.example/"}, "https://site.example/v1.2/notes", ""},
		{"/a", []string{"javascript:alert(1)", "/also-relative"}, "", "relative URL with no page or publisher URL to resolve it against: /a"},
		{"/a", nil, "", "relative URL with no page or publisher URL"},
		{"page.html", nil, "", "relative URL"},
		{"javascript:alert(1)", []string{"https://x.example"}, "", "not an http(s) URL: javascript:alert(1)"},
		{" JaVaScRiPt:alert(1)", nil, "", "not an http(s) URL"},
		{"java\nscript:alert(1)", nil, "", "not an http(s) URL"},
		{"data:text/html,<script>alert(1)</script>", nil, "", "not an http(s) URL"},
		{"vbscript:msgbox(1)", nil, "", "not an http(s) URL"},
		{"file:///etc/passwd", nil, "", "not an http(s) URL"},
		{"ftp://x.example/a", nil, "", "not an http(s) URL"},
		{"mailto:desk@x.example", nil, "", "not an http(s) URL"},
		{"https://", nil, "", "URL without a host"},
		{"https:///path", nil, "", "URL without a host"},
		{"https://exa mple.example/", nil, "", "not a URL"},
	}
	for _, tt := range tests {
		got, err := webURL(tt.raw, tt.bases...)
		if tt.err != "" {
			require.Error(t, err, "%q", tt.raw)
			assert.Contains(t, err.Error(), tt.err, "%q", tt.raw)
			continue
		}
		require.NoError(t, err, "%q", tt.raw)
		assert.Equal(t, tt.want, got, "%q against %q", tt.raw, tt.bases)
	}
}

func TestLanguageTag(t *testing.T) {
	for in, want := range map[string]string{
		"en": "en", "EN": "en", "en_US": "en-US", "en-us": "en-US", " pt_BR ": "pt-BR", "zh-hant-tw": "zh-Hant-TW",
		"es-419": "es-419", "iw": "he", "bn_BD": "bn-BD", "": "", "und": "", "English": "", "pt_BR.UTF-8": "",
	} {
		assert.Equal(t, want, languageTag(in), "%q", in)
	}
}
