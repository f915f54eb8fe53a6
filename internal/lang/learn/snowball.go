// Package learn compiles what the widget needs to read a corpus's
// languages (internal/lang) at index time, where the full Snowball
// stemmers are available: per language, a compact stemmer learned from
// Snowball's own output on the corpus's words, the stop words, and the
// script. It is linked into the CLI, never into the widget.
package learn

import (
	"strings"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/arabic"
	"github.com/blevesearch/snowballstem/danish"
	"github.com/blevesearch/snowballstem/dutch"
	"github.com/blevesearch/snowballstem/english"
	"github.com/blevesearch/snowballstem/finnish"
	"github.com/blevesearch/snowballstem/french"
	"github.com/blevesearch/snowballstem/german"
	"github.com/blevesearch/snowballstem/hungarian"
	"github.com/blevesearch/snowballstem/irish"
	"github.com/blevesearch/snowballstem/italian"
	"github.com/blevesearch/snowballstem/norwegian"
	"github.com/blevesearch/snowballstem/portuguese"
	"github.com/blevesearch/snowballstem/romanian"
	"github.com/blevesearch/snowballstem/russian"
	"github.com/blevesearch/snowballstem/spanish"
	"github.com/blevesearch/snowballstem/swedish"
	"github.com/blevesearch/snowballstem/tamil"
	"github.com/blevesearch/snowballstem/turkish"
	"golang.org/x/text/unicode/norm"
)

// snowball holds the Snowball stemmers github.com/blevesearch/snowballstem
// generates, by primary subtag (Norwegian's "nb"/"nn" arrive as "no").
var snowball = map[string]func(*snowballstem.Env) bool{
	"ar": arabic.Stem, "da": danish.Stem, "nl": dutch.Stem, "en": english.Stem, "fi": finnish.Stem,
	"fr": french.Stem, "de": german.Stem, "hu": hungarian.Stem, "ga": irish.Stem, "it": italian.Stem,
	"no": norwegian.Stem, "pt": portuguese.Stem, "ro": romanian.Stem, "ru": russian.Stem, "es": spanish.Stem,
	"sv": swedish.Stem, "ta": tamil.Stem, "tr": turkish.Stem,
}

// HasSnowball reports whether Snowball has a stemmer for a primary subtag.
func HasSnowball(base string) bool { return snowball[base] != nil }

// Snowball stems one word with the Snowball stemmer of base. The word is
// lower-cased and composed (NFC) first: Snowball's rules are written for
// accented lower-case text ("ações", not "acoes").
func Snowball(base, word string) string {
	stem := snowball[base]
	if stem == nil {
		return word
	}
	env := snowballstem.NewEnv(norm.NFC.String(strings.ToLower(word)))
	stem(env)
	return env.Current()
}
