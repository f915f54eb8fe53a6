package claimsearch

import "strings"

// langKey is what the language filter compares of a BCP 47 tag: the
// language subtag and the script subtag, lower-cased. The region is left
// out because Google's claims.search ignores it ("we do not currently
// consider the region", its languageCode reference).
type langKey struct{ base, script string }

// parseLangKey reads "en", "en-GB", "en_US", "sr-Latn-RS"; "" gives the
// zero key. It does not validate: the API checks well-formedness first.
func parseLangKey(tag string) langKey {
	parts := strings.FieldsFunc(strings.ToLower(strings.TrimSpace(tag)), func(r rune) bool { return r == '-' || r == '_' })
	if len(parts) == 0 {
		return langKey{}
	}
	k := langKey{base: parts[0]}
	if len(parts) > 1 && len(parts[1]) == 4 && isLetters(parts[1]) {
		k.script = parts[1]
	}
	return k
}

// matches reports whether a claim in language have passes the filter k.
// Claims with no language count as "en", as the corpus readers do.
func (k langKey) matches(have langKey) bool {
	if have.base == "" {
		have.base = "en"
	}
	return k.base == have.base && (k.script == "" || have.script == "" || k.script == have.script)
}

func isLetters(s string) bool {
	for i := range len(s) {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}
