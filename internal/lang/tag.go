// Package lang reads texts in their own language: it resolves the language
// of a claim (its BCP 47 tag) and of a page (declared or detected), and
// applies the per-language analysis that compile learned from the corpus
// and stored in the index's "lang" section (stemming rules, stop words,
// script). It is linked into the widget, so it holds rules as data and no
// stemmer code: the stemmers themselves stay in the CLI (lang/learn).
package lang

import "strings"

// Base returns the primary language subtag of a BCP 47 tag, lower-cased:
// "pt-BR", "pt_BR" and "PT" give "pt". It returns "" for an empty tag, for
// "und" (undetermined), "mul" (several), "zxx" (no linguistic content),
// private-use tags and anything whose first subtag is not 2-3 letters.
func Base(tag string) string {
	tag = strings.TrimSpace(tag)
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	if len(tag) < 2 || len(tag) > 3 {
		return ""
	}
	for i := 0; i < len(tag); i++ {
		if c := tag[i] | 0x20; c < 'a' || c > 'z' {
			return ""
		}
	}
	tag = strings.ToLower(tag)
	switch tag {
	case "und", "mul", "zxx", "mis":
		return ""
	case "iw": // deprecated codes still found in feeds
		return "he"
	case "in":
		return "id"
	case "nb", "nn":
		return "no" // Norwegian Bokmål and Nynorsk share Snowball's stemmer
	}
	return tag
}
