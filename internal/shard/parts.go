package shard

import (
	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/index"
)

// termList is a term's list in one field, as a bucket stores it: df and
// the kept postings as (claim id, tf, the claim's length in the field).
type termList struct {
	df       uint32
	postings []uint32 // 3 values per posting; claim ids ascending
}

// record is a fetched claim.
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
			k := r.Count(3)
			if k > int(l.df) {
				r.Corrupt()
				return
			}
			l.postings = make([]uint32, 0, 3*k)
			doc := -1
			for j := 0; j < k && r.Err() == nil; j++ {
				if doc += r.Int(claims) + 1; doc >= claims {
					r.Corrupt()
				}
				l.postings = append(l.postings, uint32(doc), uint32(r.Int(maxFieldLen)), uint32(r.Int(maxFieldLen)))
			}
			lists[listKey(f, t)] = l
		}
	}
}

// chunk reads the claims of a chunk (claims first, first+1, ...).
func (r *reader) chunk(first, count, claims int, records map[int32]*record) {
	if r.Count(13) != count {
		r.Corrupt()
	}
	for i := 0; i < count && r.Err() == nil; i++ {
		rec := &record{}
		index.ReadClaim(&r.Reader, &rec.claim)
		d := first + i
		rec.dup = int32(d - r.Int(d))
		rec.df = make([]uint32, r.Count(1))
		for j := range rec.df {
			rec.df[j] = uint32(r.Int(claims))
		}
		records[int32(d)] = rec
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
