package lang

import "strings"

// WellFormed reports whether tag looks like a BCP 47 language tag: subtags
// of 1-8 letters or digits joined by "-" (or "_", as feeds write
// "en_US"), the first of 2-3 letters. It does not check the registry: an
// unknown language is still a language, read without stemming.
func WellFormed(tag string) bool {
	if len(tag) == 0 || len(tag) > 64 {
		return false
	}
	n := 0
	for i, sub := range strings.FieldsFunc(tag, func(r rune) bool { return r == '-' || r == '_' }) {
		if len(sub) > 8 || i == 0 && (len(sub) < 2 || len(sub) > 3) {
			return false
		}
		for j := 0; j < len(sub); j++ {
			c := sub[j] | 0x20
			if !(c >= 'a' && c <= 'z' || sub[j] >= '0' && sub[j] <= '9') || i == 0 && sub[j] <= '9' {
				return false
			}
		}
		n += len(sub) + 1
	}
	return n == len(tag)+1
}
