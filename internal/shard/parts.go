package shard

import (
	"math"

	"github.com/factcheckwidget/factcheck/internal/binfmt"
	"github.com/factcheckwidget/factcheck/internal/claim"
)

// termList is a term's list in one field, as a bucket stores it: df and
// the kept postings as (claim id, tf, the claim's length in the field).
type termList struct {
	df       uint32
	postings []uint32 // 3 values per posting; claim ids ascending
}

// A claim is stored in two halves: its record, what ranking reads, fetched
// for every candidate; and its card, what a reader is shown, fetched only
// for the claims a check returns (format.go).

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

// A posting stores the claim's length in the field (BM25's length
// normalisation in the first stage) in one byte: exactly below 128, and
// to within 2 % up to 5,400 above (a step of 3 %). Only the choice of
// candidates reads it; their ranking reads the claims' own records.
const (
	exactLengths = 128
	lengthStep   = 1.03
)

// lengthCode is the byte that stores length n.
func lengthCode(n uint32) byte {
	if n < exactLengths {
		return byte(n)
	}
	c := exactLengths + math.Round(math.Log(float64(n)/exactLengths)/math.Log(lengthStep))
	return byte(min(c, 255))
}

// lengthOf is the length a lengthCode stands for.
func lengthOf(c byte) uint32 {
	if c < exactLengths {
		return uint32(c)
	}
	return longLengths[c-exactLengths]
}

// longLengths are the lengths codes 128 to 255 stand for: 128·1.03^k,
// by multiplication (math.Pow would add its code to the widget's wasm).
var longLengths = func() (out [256 - exactLengths]uint32) {
	v := float64(exactLengths)
	for k := range out {
		out[k] = uint32(v + 0.5)
		v *= lengthStep
	}
	return out
}()

// maxFieldLen bounds a claim's length in a field (index.MaxClaimBytes of
// text gives far fewer terms).
const maxFieldLen = 1 << 20

// bucket reads a stem bucket (fields 0 and 1) or a 4-gram bucket (field 2)
// into lists.
func (r *reader) bucket(fields []int, claims int, lists map[string]*termList) {
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
			k := r.Count(2) // a posting takes two bytes at least
			if k > int(l.df) {
				r.Corrupt()
				return
			}
			l.postings = make([]uint32, 0, 3*k)
			doc := -1
			for j := 0; j < k && r.Err() == nil; j++ {
				v := r.Int(2*claims - 1)
				if doc += v>>1 + 1; doc >= claims {
					r.Corrupt()
				}
				tf := 1
				if v&1 == 1 {
					tf = r.Int(maxFieldLen) + 2
				}
				l.postings = append(l.postings, uint32(doc), uint32(tf), lengthOf(r.Byte()))
			}
			lists[listKey(f, t)] = l
		}
	}
}

// chunk reads the claims of a chunk (claims first, first+1, ...).
func (r *reader) chunk(first, count, claims int, records map[int32]*record) {
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
