package index

import (
	"hash/crc32"
	"testing"
)

// FuzzDecode feeds arbitrary bytes to Decode. Each input is tried as is and
// with its last four bytes replaced by a valid checksum, so the fuzzer gets
// past the CRC and exercises the structural checks. Decoding may fail but
// must never panic, and an index it accepts must be safe to query.
func FuzzDecode(f *testing.F) {
	x, err := Build(smallClaims(), nil)
	if err != nil {
		f.Fatal(err)
	}
	x.Meta["name"] = "small"
	x.Meta["source"] = "index tests"
	f.Add(x.Encode())
	f.Fuzz(func(t *testing.T, data []byte) {
		if y, err := Decode(data); err == nil {
			exercise(t, y)
		}
		if len(data) >= headerLen+4 {
			sealed := append([]byte{}, data...)
			sum := crc32.ChecksumIEEE(sealed[:len(sealed)-4])
			sealed[len(sealed)-4], sealed[len(sealed)-3], sealed[len(sealed)-2], sealed[len(sealed)-1] =
				byte(sum), byte(sum>>8), byte(sum>>16), byte(sum>>24)
			if y, err := Decode(sealed); err == nil {
				exercise(t, y)
			}
		}
	})
}

// exercise calls every accessor on every claim and term of a decoded index.
func exercise(t testing.TB, x *Index) {
	n := x.NumClaims()
	for d := 0; d < n; d++ {
		c := x.Claim(d)
		_ = c.ID + c.Text
		for _, id := range x.Forward(d) {
			_ = x.Fields[FieldClaim].Term(int(id))
		}
		if dup := x.Duplicates[d]; dup < 0 || int(dup) > d {
			t.Fatalf("claim %d: duplicate of %d", d, dup)
		}
	}
	for fi := range x.Fields {
		f := &x.Fields[fi]
		if len(f.DocLen) != n {
			t.Fatalf("field %d: %d doc lengths for %d claims", fi, len(f.DocLen), n)
		}
		for i := 0; i < f.NumTerms(); i++ {
			term := f.Term(i)
			_ = f.Lookup(term)
			_ = f.DF(i)
			f.Postings(i, n, func(doc, tf int) {
				if doc < 0 || doc >= n {
					t.Fatalf("field %d term %d: posting for doc %d of %d", fi, i, doc, n)
				}
			})
		}
		_ = f.Lookup("")
		_ = f.Lookup("\xff\xff")
	}
	_ = x.Encode()
}
