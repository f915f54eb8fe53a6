package corpus

import (
	"strings"

	"golang.org/x/text/language"
)

// defaultLanguage is the claim language when a review does not say.
const defaultLanguage = "en"

// languageTag returns s as a canonical BCP 47 tag ("en_US" -> "en-US",
// "PT-br" -> "pt-BR", "zh-hant-tw" -> "zh-Hant-TW"; region and script kept,
// deprecated codes replaced: "iw" -> "he"), or "" when s is not a tag.
func languageTag(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	tag, err := language.Parse(s)
	if err != nil || tag == language.Und {
		return ""
	}
	return tag.String()
}

// languageOf reads a schema.org inLanguage: a code, a Language object with
// the code as alternateName (or name), or a list of either (the first that
// is a tag).
func languageOf(n node) string {
	for _, e := range n.list() {
		for _, s := range []string{e.str(), e.key("alternateName").str()} {
			if tag := languageTag(s); tag != "" {
				return tag
			}
		}
	}
	return ""
}
