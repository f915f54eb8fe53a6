package claim

import (
	"strings"

	"github.com/factcheckwidget/factcheck/internal/text"
)

// verdictWords maps the textual ratings fact-checkers publish (Snopes,
// PolitiFact, AFP, Full Fact, IFCN members' common labels) onto Verdicts.
// Longer phrases are tried first so "mostly false" wins over "false".
var verdictWords = []struct {
	phrase  string
	verdict Verdict
}{
	{"pants on fire", VerdictFalse}, {"pants fire", VerdictFalse},
	{"mostly true", VerdictMostlyTrue}, {"mostly correct", VerdictMostlyTrue}, {"largely true", VerdictMostlyTrue},
	{"mostly false", VerdictMostlyFalse}, {"barely true", VerdictMostlyFalse}, {"largely false", VerdictMostlyFalse},
	{"half true", VerdictMixed}, {"partly true", VerdictMixed}, {"partly false", VerdictMixed},
	{"partially true", VerdictMixed}, {"partially false", VerdictMixed}, {"half flip", VerdictMixed},
	{"full flop", VerdictMixed}, {"no flip", VerdictTrue},
	{"not true", VerdictFalse}, {"not accurate", VerdictFalse}, {"not correct", VerdictFalse},
	{"not real", VerdictFalse}, {"inaccurate", VerdictFalse}, {"partly accurate", VerdictMixed},
	{"partially accurate", VerdictMixed}, {"no evidence", VerdictUnproven},
	{"misleading", VerdictMostlyFalse}, {"missing context", VerdictMostlyFalse}, {"miscaptioned", VerdictMostlyFalse},
	{"exaggerat*", VerdictMostlyFalse}, {"distort*", VerdictMostlyFalse}, {"out of context", VerdictMostlyFalse},
	{"mixture", VerdictMixed}, {"mixed", VerdictMixed}, {"half", VerdictMixed},
	{"unproven", VerdictUnproven}, {"unverified", VerdictUnproven}, {"unsupported", VerdictUnproven},
	{"undetermined", VerdictUnproven}, {"research in progress", VerdictUnproven}, {"unclear", VerdictUnproven},
	{"legend", VerdictFalse}, {"fake", VerdictFalse}, {"false", VerdictFalse}, {"incorrect", VerdictFalse},
	{"wrong", VerdictFalse}, {"hoax", VerdictFalse}, {"scam", VerdictFalse}, {"satire", VerdictFalse},
	{"labeled satire", VerdictFalse}, {"fabricated", VerdictFalse}, {"baseless", VerdictFalse},
	{"correct attribution", VerdictTrue}, {"misattributed", VerdictFalse},
	{"true", VerdictTrue}, {"correct", VerdictTrue}, {"accurate", VerdictTrue}, {"real", VerdictTrue},
}

// VerdictOf maps a textual rating, and when it is unknown a numeric one on
// [worst, best], to a Verdict.
func VerdictOf(rating string, value, best, worst float64) Verdict {
	r := " " + strings.Join(strings.FieldsFunc(text.Fold(rating), func(c rune) bool {
		return !(c >= 'a' && c <= 'z')
	}), " ") + " "
	for _, w := range verdictWords {
		// Whole words, so "realistic" is not "real"; a trailing * matches
		// any ending ("exaggerated", "exaggeration").
		phrase, prefix := strings.CutSuffix(w.phrase, "*")
		if !prefix {
			phrase += " "
		}
		if strings.Contains(r, " "+phrase) {
			return w.verdict
		}
	}
	if best > worst && value >= worst && value <= best {
		switch x := (value - worst) / (best - worst); {
		case x >= 0.9:
			return VerdictTrue
		case x >= 0.65:
			return VerdictMostlyTrue
		case x >= 0.35:
			return VerdictMixed
		case x >= 0.15:
			return VerdictMostlyFalse
		default:
			return VerdictFalse
		}
	}
	return VerdictUnknown
}
