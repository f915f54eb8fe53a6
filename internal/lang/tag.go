// Package lang reads texts in their own language: it resolves the language
// of a claim (its BCP 47 tag) and of a page (declared or detected), and
// applies the per-language analysis that compile learned from the corpus
// and stored in the index's "lang" section (stemming rules, stop words,
// script). It is linked into the widget, so it holds rules as data and no
// stemmer code: the stemmers themselves stay in the CLI (lang/learn).
package lang

// Base returns the primary language subtag of a BCP 47 tag, lower-cased:
// "pt-BR", "pt_BR" and "PT" give "pt". It returns "" for an empty tag, for
// "und" (undetermined), "mul" (several), "zxx" (no linguistic content),
// private-use tags and anything whose first subtag is not 2-3 letters.
func Base(tag string) string {
	var b [3]byte
	n := 0
	for ; n < len(tag) && tag[n] != '-' && tag[n] != '_'; n++ {
		c := tag[n] | 0x20
		if n == 3 || c < 'a' || c > 'z' {
			return ""
		}
		b[n] = c
	}
	switch s := string(b[:n]); {
	case n < 2, s == "und", s == "mul", s == "zxx", s == "mis":
		return ""
	case s == "nb", s == "nn":
		return "no" // Norwegian Bokmål and Nynorsk share Snowball's stemmer
	case s == "iw": // deprecated codes still found in feeds
		return "he"
	case s == "in":
		return "id"
	default:
		return s
	}
}
