package shard

import (
	"runtime"
	"sync"

	"github.com/factcheckwidget/factcheck/internal/index"
	"github.com/factcheckwidget/factcheck/internal/lang"
	"github.com/factcheckwidget/factcheck/internal/text"
)

// A page's 4-grams come from its words, so a 4-gram's list is stored
// twice: in its hash bucket, and in the stem bucket of the word it most
// often comes from in the claims (its home). A page fetches the stem
// buckets of its words anyway; the 4-grams found there need no 4-gram
// bucket. Over 1,000-word slices of the dev debates (TestArticleBytes),
// the 4-gram buckets an article fetches fall from 2,200 to 321, and its
// bytes from 0.82 to about 0.6 MB, with the common 4-grams apart
// (Options.GramPostingsShare).

// noHome marks a 4-gram no content word of the claims makes (stop words
// only): it is read from its hash bucket alone.
const noHome = -1

// gramHomes returns, for each term of x's 4-gram field with postings
// (df ≤ maxDF), the claim-field term id of its home stem, or noHome. The
// home is the Boyer-Moore majority vote over the claims, in claim order,
// of the content words each occurrence of the 4-gram overlaps: the stem
// that makes most of its occurrences when one makes more than half, and
// otherwise one of the frequent ones. With postings up to 1 % of claims,
// the most frequent stem, counted exactly (memory per pair rather than
// per 4-gram), left an estimated 65 fewer 4-gram buckets to fetch an
// article (480 against 545, of ~2,300 4-grams) for 9 % more 4-gram
// bytes; the stem of highest document frequency 89 fewer for 46 % more.
func gramHomes(x *index.Index, maxDF int) []int32 {
	chars, stems := &x.Fields[index.FieldClaimChars], &x.Fields[index.FieldClaim]
	home := make([]int32, chars.NumTerms())
	votes := make([]int32, chars.NumTerms())
	for i := range home {
		home[i] = noHome
	}
	langs, err := lang.NewCorpus(x.Sections[lang.SectionName], x.NumClaims(), nil)
	if err != nil {
		langs, _ = lang.NewCorpus(nil, x.NumClaims(), nil)
	}
	// Claims are analysed in batches on every core; the votes are counted
	// in claim order, so the homes do not depend on the machine.
	const batch = 1024
	workers := runtime.GOMAXPROCS(0)
	for first := 0; first < x.NumClaims(); first += batch {
		last := min(first+batch, x.NumClaims())
		pairs := make([][]int32, last-first) // (4-gram id, stem id) of each claim's occurrences
		var wg sync.WaitGroup
		for w := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for d := first + w; d < last; d += workers {
					c := x.Claim(d)
					a := text.AnalyzeWith(c.Text, langs.Analyzer(lang.ClaimBase(c.Language)))
					pairs[d-first] = gramSources(a, chars, stems, maxDF, pairs[d-first])
				}
			}()
		}
		wg.Wait()
		for _, ps := range pairs {
			for i := 0; i < len(ps); i += 2 {
				g, s := ps[i], ps[i+1]
				switch {
				case votes[g] == 0:
					home[g], votes[g] = s, 1
				case home[g] == s:
					votes[g]++
				default:
					votes[g]--
				}
			}
		}
	}
	return home
}

// gramSources appends, for each 4-gram of a's text with postings, the
// (4-gram id, stem id) pair of each content word it overlaps. The 4-grams
// are those text.Analysis.CharNGrams makes: of the folded tokens joined
// by single spaces, with one space at each end.
func gramSources(a *text.Analysis, chars, stems *index.Field, maxDF int, out []int32) []int32 {
	var runes []rune
	var owner []int32 // the token each rune belongs to, −1 for spaces
	runes, owner = append(runes, ' '), append(owner, -1)
	for i, t := range a.Tokens {
		for _, r := range t.Text {
			runes, owner = append(runes, r), append(owner, int32(i))
		}
		runes, owner = append(runes, ' '), append(owner, -1)
	}
	stemID := make([]int32, len(a.Tokens))
	for i := range a.Tokens {
		stemID[i] = noHome
		if !a.Stop[i] {
			stemID[i] = int32(stems.Lookup(a.Stems[i]))
		}
	}
	for p := 0; p+4 <= len(runes); p++ {
		g := chars.Lookup(string(runes[p : p+4]))
		if g < 0 || chars.DF(g) > maxDF {
			continue
		}
		last := int32(-1)
		for q := p; q < p+4; q++ {
			if o := owner[q]; o >= 0 && o != last {
				last = o
				if s := stemID[o]; s >= 0 {
					out = append(out, int32(g), s)
				}
			}
		}
	}
	return out
}
