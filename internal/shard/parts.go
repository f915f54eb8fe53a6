package shard

import (
	"github.com/factcheckwidget/factcheck/internal/binfmt"
	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/index"
	"github.com/factcheckwidget/factcheck/internal/trust"
)

// termList is a term's list in one field, as a bucket stores it: df and
// the kept postings as (claim id, tf, the claim's length in the field).
type termList struct {
	df       uint32
	postings []uint32 // 3 values per posting; claim ids ascending
}

// A claim is stored in two halves: its record, what ranking reads, fetched
// for every candidate; and its card, what a reader is shown, fetched only
// for the claims a check returns (doc.go).

// recordFields and cardFields are the claim's strings in each half, in
// stored order.
func recordFields(c *claim.Claim) [5]*string {
	return [...]*string{&c.Text, &c.Title, &c.Context, &c.ClaimDate, &c.Language}
}

func cardFields(c *claim.Claim) [7]*string {
	return [...]*string{&c.ID, &c.Rating, &c.Publisher, &c.PublisherSite, &c.URL, &c.ReviewDate, &c.Claimant}
}

func appendRecord(b []byte, c *claim.Claim) []byte {
	for _, s := range recordFields(c) {
		b = binfmt.AppendString(b, *s)
	}
	return b
}

func appendCard(b []byte, c *claim.Claim) []byte {
	for _, s := range cardFields(c) {
		b = binfmt.AppendString(b, *s)
	}
	return append(b, byte(c.Verdict))
}

// card is a fetched claim's card: its card fields and verdict.
type card struct{ c claim.Claim }

// fill copies the card into c.
func (k *card) fill(c *claim.Claim) {
	src := cardFields(&k.c)
	for i, dst := range cardFields(c) {
		*dst = *src[i]
	}
	c.Verdict = k.c.Verdict
}

// record is a fetched claim's record.
type record struct {
	claim claim.Claim
	dup   int32    // claim id of the first claim with the same text
	df    []uint32 // df of each of its claim-field stems, in text order
	terms *[3][]string
}

// listKey is the key of a term's list in field f.
func listKey(f int, term string) string { return string(rune('0'+f)) + term }

// maxFieldLen bounds a claim's length in a field (index.MaxClaimBytes of
// text gives far fewer terms).
const maxFieldLen = 1 << 20

// bucket reads a stem bucket (fields 0 and 1) or a 4-gram bucket (field 2)
// into lists; codes are the fields' posting codes.
func (r *reader) bucket(fields []int, claims int, codes *[index.NumFields]postingCode, lists map[string]*termList) {
	prev := ""
	for i, n := 0, r.Count(2); i < n && r.Err() == nil; i++ {
		t := r.Str()
		if i > 0 && t <= prev {
			r.Corrupt()
			return
		}
		prev = t
		for _, f := range fields {
			l := &termList{df: uint32(r.Int(claims))}
			if k := r.Int(int(l.df)); k > 0 {
				l.postings = r.postings(k, claims, &codes[f], k < int(l.df))
			}
			lists[listKey(f, t)] = l
		}
	}
}

// postings reads the bit-packed block of n postings (postings.go) as
// (claim id, tf, length) triples.
func (r *reader) postings(n, claims int, pc *postingCode, cut bool) []uint32 {
	block := r.Bytes()
	if r.Err() != nil {
		return nil
	}
	if len(block)*8 < 5+2*n { // the fewest bits n postings take
		r.Corrupt()
		return nil
	}
	code := pc.code[0]
	if cut {
		code = pc.code[1]
	}
	out, ok := decodePostings(block, n, claims, pc.lengths, code, make([]uint32, 0, 3*n))
	if !ok {
		r.Corrupt()
		return nil
	}
	return out
}

// chunk reads the claims of a chunk (claims first, first+1, ...).
func (r *reader) chunk(first, count, claims int, records map[int32]*record, names *trust.Lexicon) {
	if r.Count(7) != count {
		r.Corrupt()
	}
	for i := 0; i < count && r.Err() == nil; i++ {
		rec := &record{}
		for _, s := range recordFields(&rec.claim) {
			*s = r.Str()
		}
		d := first + i
		rec.dup = int32(d - r.Int(d))
		rec.df = make([]uint32, r.Count(1))
		for j := range rec.df {
			rec.df[j] = uint32(r.Int(claims))
		}
		r.readNames(names)
		records[int32(d)] = rec
	}
}

// cards reads the cards of a card chunk (claims first, first+1, ...).
func (r *reader) cards(first, count int, cards map[int32]*card) {
	if r.Count(8) != count {
		r.Corrupt()
	}
	for i := 0; i < count && r.Err() == nil; i++ {
		k := &card{}
		for _, s := range cardFields(&k.c) {
			*s = r.Str()
		}
		k.c.Verdict = claim.Verdict(r.Byte())
		cards[int32(first+i)] = k
	}
}

// sections reads the sections part.
func (r *reader) sections() map[string][]byte {
	out := map[string][]byte{}
	for i, n := 0, r.Count(2); i < n && r.Err() == nil; i++ {
		name := r.Str()
		out[name] = r.Bytes()
	}
	return out
}

// commonGrams reads the common 4-grams' part: front-coded 4-grams, then
// their document frequencies (no postings).
func (r *reader) commonGrams(claims int, lists map[string]*termList) {
	grams := make([]string, r.Count(2))
	prev := ""
	for i := range grams {
		shared := int(r.Byte())
		if shared > len(prev) {
			r.Corrupt()
		}
		if r.Err() != nil {
			return
		}
		t := prev[:shared] + r.Str()
		if i > 0 && t <= prev {
			r.Corrupt()
		}
		grams[i], prev = t, t
	}
	for _, t := range grams {
		lists[listKey(index.FieldClaimChars, t)] = &termList{df: uint32(r.Int(claims))}
	}
}

// keywords reads a keyword bucket into lists of claim ids.
func (r *reader) keywords(claims int, out map[string][]int32) {
	for i, n := 0, r.Count(2); i < n && r.Err() == nil; i++ {
		t := r.Str()
		docs := make([]int32, r.Count(1))
		doc := -1
		for j := range docs {
			if doc += r.Int(claims) + 1; doc >= claims {
				r.Corrupt()
			}
			docs[j] = int32(doc)
		}
		out[t] = docs
	}
}
