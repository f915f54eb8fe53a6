package text

// stopWords are English function words that carry no claim content. The
// list is the common core of the Snowball and Lucene English lists; negators
// ("not", "no", "never") are included here because retrieval should ignore
// them — the trust layer reads them from the raw tokens instead.
var stopWords = map[string]struct{}{}

func init() {
	for _, w := range []string{
		"a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at",
		"be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
		"can", "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further",
		"had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how",
		"i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself",
		"no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "ought", "our", "ours",
		"ourselves", "out", "over", "own", "same", "she", "should", "so", "some", "such",
		"than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they",
		"this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what",
		"when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your",
		"yours", "yourself", "yourselves", "also", "may", "might", "must", "shall", "s", "t", "d", "ll", "m",
		"re", "ve", "don", "dont", "didnt", "doesnt", "isnt", "wasnt", "arent", "werent", "im", "ive",
		"youre", "hes", "shes", "its", "were", "theyre", "thats", "theres", "via", "amp", "rt",
	} {
		stopWords[w] = struct{}{}
	}
}

// IsStopWord reports whether a folded word is an English function word.
func IsStopWord(w string) bool {
	_, ok := stopWords[w]
	return ok
}
