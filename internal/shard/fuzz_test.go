package shard

import (
	"bytes"
	"hash/crc32"
	"slices"
	"testing"
)

// Parts and manifests come from a server: any bytes must give an error or
// a part that decodes, never a panic or a huge allocation. Seeds are the
// default corpus's real parts; the fuzzer mostly mutates them with a valid
// checksum recomputed, so decoding past the CRC is exercised.
func FuzzAdd(f *testing.F) {
	_, m, parts := cut(&testing.T{}, DefaultOptions())
	names := []string{}
	for _, kind := range []string{"s", "g", "k", "c", "r"} { // the largest part of each kind
		best := ""
		for name := range parts {
			if name[:1] == kind && (best == "" || len(parts[name]) > len(parts[best])) {
				best = name
			}
		}
		names = append(names, best)
	}
	names = append(names, "x", "h0")
	for i, name := range names {
		f.Add(i, parts[name])
	}
	f.Fuzz(func(t *testing.T, which int, data []byte) {
		if which < 0 || which >= len(names) {
			return
		}
		c, err := Open(m.Encode())
		if err != nil {
			t.Fatal(err)
		}
		if names[which] != "x" { // records need the dictionary it holds
			if err := c.Add(m.SectionsPart(), parts["x"]); err != nil {
				t.Fatal(err)
			}
		}
		_ = c.Add(m.Build+"/"+names[which], data)
		if len(data) > 4 { // again, with the checksum made right
			body := append([]byte(nil), data[:len(data)-4]...)
			sum := crc32.ChecksumIEEE(body)
			_ = c.Add(m.Build+"/"+names[which], append(body, byte(sum), byte(sum>>8), byte(sum>>16), byte(sum>>24)))
		}
	})
}

// Packing is lossless for any bytes, against a dictionary learned from
// them or the default corpus's; unpacking any bytes errs or returns, never
// panics.
func FuzzPack(f *testing.F) {
	_, _, parts := cut(&testing.T{}, DefaultOptions())
	for _, name := range []string{"c0", "c1", "r0", "s0"} {
		f.Add(parts[name][partHeaderLen:], false)
	}
	f.Add([]byte("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), true)
	shared, uniform := newPacker(trainDictionary(nil, 0)), fitPackCoder(nil)
	code, _ := readPackCode(uniform.section())
	f.Fuzz(func(t *testing.T, src []byte, own bool) {
		p, c := shared, uniform
		if own {
			p = newPacker(trainDictionary([][]byte{src, src, src}, 1<<10))
			c = fitPackCoder([][]byte{p.pack(src)})
		}
		back, ok := codedUnpack(t, c, p.dict, p.pack(src))
		if !ok || !bytes.Equal(back, src) {
			t.Fatalf("unpack(pack(%q)) = %q, %v", src, back, ok)
		}
		if s, ok := openPacked(code, src); ok {
			unpack(p.dict, s)
		}
	})
}

func FuzzManifest(f *testing.F) {
	_, m, _ := cut(&testing.T{}, DefaultOptions())
	f.Add(m.Encode())
	f.Fuzz(func(t *testing.T, data []byte) {
		if back, err := DecodeManifest(data); err == nil {
			if _, err := DecodeManifest(back.Encode()); err != nil {
				t.Fatalf("re-encoded manifest does not decode: %v", err)
			}
		}
	})
}

// Any block gives the postings the bit at a time reader gives, or an
// error where it errs: the 64-bit reader changes the speed, not the
// answer.
func FuzzDecodePostings(f *testing.F) {
	lengths, code, symLens := testPostingCode(f)
	f.Add(writeTestPostings([]int{0, 5, 6, 900}, []int{1, 3, 1, 70}, []int{0, 1, 2, 3}, 4, symLens), 4, 1000)
	f.Add(writeTestPostings([]int{3, 1 << 20}, []int{1, 1}, []int{3, 3}, 19, symLens), 2, 1<<21)
	f.Add([]byte{0xff, 0, 0, 0, 0, 0, 0, 0, 0, 1}, 1, 1<<30)
	f.Fuzz(func(t *testing.T, block []byte, n, claims int) {
		if n < 0 || n > 1<<12 || claims <= 0 {
			return
		}
		got, ok := decodePostings(block, n, claims, lengths, code, nil)
		want, wantOK := slowPostings(block, n, claims, lengths, code)
		if ok != wantOK || ok && !slices.Equal(got, want) {
			t.Fatalf("decodePostings = %v, %v; bit at a time %v, %v", got, ok, want, wantOK)
		}
	})
}
