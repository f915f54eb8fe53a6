package main

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/factcheckwidget/factcheck/internal/defaultcorpus"
	"github.com/factcheckwidget/factcheck/internal/engine"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// jsIndex is what JavaScript's s.indexOf(sub) would return: UTF-16 units.
func jsIndex(s, sub string) int {
	return len(utf16.Encode([]rune(s[:strings.Index(s, sub)])))
}

func TestUTF16Map(t *testing.T) {
	s := "aé€😀b" // 1, 2, 3 and 4 UTF-8 bytes; 1, 1, 1 and 2 UTF-16 units
	m := newUTF16Map(s, []int{len(s), 0, 1, 3, 6, 10, 6})
	for _, c := range []struct{ b, u int }{{0, 0}, {1, 1}, {3, 2}, {6, 3}, {10, 5}, {len(s), 6}} {
		assert.Equal(t, c.u, m.at(c.b), "byte %d", c.b)
	}
}

func TestUTF16MapInvalidUTF8(t *testing.T) {
	s := "a\xffb" // a JS string of these bytes holds U+FFFD: one unit
	m := newUTF16Map(s, []int{2, 3})
	assert.Equal(t, 2, m.at(2))
	assert.Equal(t, 3, m.at(3))
}

func TestUTF16MapOffsetInsideRune(t *testing.T) {
	m := newUTF16Map("é!", []int{1, 2})
	assert.Equal(t, 0, m.at(1), "an offset inside a rune maps to the rune's start")
	assert.Equal(t, 1, m.at(2))
}

// decode mirrors factcheck-worker.js's decode, for the tests.
func decode(s string) []any {
	var out []any
	var sent, m map[string]any
	num := func(f string) any {
		if n, err := strconv.Atoi(f); err == nil {
			return n
		}
		x, _ := strconv.ParseFloat(f, 64)
		return x
	}
	if s == "" {
		return []any{}
	}
	for _, r := range strings.Split(s, "\x1e") {
		f := strings.Split(r, "\x1f")
		switch f[0] {
		case "S":
			sent = map[string]any{"start": num(f[1]), "end": num(f[2]), "text": f[3], "matches": []any{}}
			out = append(out, sent)
		case "M":
			m = map[string]any{"flags": []any{}, "evidence": []any{}, "score": num(f[12])}
			for i, k := range []string{"id", "claim", "title", "rating", "verdict", "publisher", "site", "url", "reviewDate", "claimant", "claimDate"} {
				m[k] = f[i+1]
			}
			m["tier"], m["summary"] = f[13], f[14]
			if sent != nil {
				sent["matches"] = append(sent["matches"].([]any), m)
			} else {
				out = append(out, m)
			}
		case "F", "E":
			k, list := "flags", map[string]any{"kind": f[1], "page": f[2], "claim": f[3], "start": num(f[4]), "end": num(f[5])}
			if f[0] == "E" {
				k = "evidence"
				list["text"] = f[2]
				delete(list, "page")
			}
			m[k] = append(m[k].([]any), list)
		}
	}
	return out
}

func TestEncodeEscapesSeparators(t *testing.T) {
	e := &encoder{}
	e.rec('S')
	e.str("a\x1eb\x1fc")
	e.int(-3)
	assert.Equal(t, "S\x1fa b c\x1f-3", string(e.b))
}

func newChecker(t *testing.T) *engine.Checker {
	x, err := defaultcorpus.Index()
	require.NoError(t, err)
	return engine.New(x)
}

// utf16Slice is JavaScript's s.slice(a, b).
func utf16Slice(s string, a, b int) string {
	return string(utf16.Decode(utf16.Encode([]rune(s))[a:b]))
}

func TestEncodeOffsetsAreUTF16(t *testing.T) {
	// Non-ASCII before and inside sentences shifts byte offsets but not JS ones.
	lead := "Éditorial — “Séoul” 😀 notes.\n"
	sent := "Around 28,500 American service members are based in South Korea."
	article := lead + sent + "\nIt rained all day in the city, 😀 Séoul."
	out := decode(encodeArticle(article, newChecker(t).CheckArticle(article, engine.Options{Date: "2025-11-05"})))
	found := false
	for _, v := range out {
		s := v.(map[string]any)
		start, end := s["start"].(int), s["end"].(int)
		assert.Equal(t, s["text"], utf16Slice(article, start, end), "sentence offsets")
		for _, mv := range s["matches"].([]any) {
			m := mv.(map[string]any)
			for _, ev := range m["evidence"].([]any) {
				e := ev.(map[string]any)
				assert.Equal(t, e["text"], utf16Slice(article, e["start"].(int), e["end"].(int)), "evidence offsets")
			}
		}
		if s["text"] != sent {
			continue
		}
		found = true
		assert.Equal(t, jsIndex(article, sent), start)
		m := s["matches"].([]any)[0].(map[string]any)
		for _, k := range []string{"id", "claim", "rating", "verdict", "publisher", "url", "tier", "summary"} {
			assert.NotEmpty(t, m[k], k)
		}
		assert.Contains(t, []string{"match", "related"}, m["tier"])
		assert.IsType(t, []any{}, m["flags"])
	}
	assert.True(t, found, "the US troops sentence matches")
}

func TestEncodeNoMatches(t *testing.T) {
	assert.Empty(t, encodeArticle("x", nil))
	assert.Empty(t, encodeArticle("x", []engine.Sentence{{Text: "x", Span: engine.Span{End: 1}}}))
}

func TestEncodeEvidenceSpansAbsolute(t *testing.T) {
	article := "ü Sentence here." // "ü " is 3 bytes, 2 UTF-16 units
	sents := []engine.Sentence{{
		Span: engine.Span{Start: 3, End: len(article)}, Text: "Sentence here.",
		Matches: []engine.Match{{
			Claim:    newChecker(t).Index().Claim(0),
			Tier:     engine.TierMatch,
			Evidence: []engine.Evidence{{Kind: "term", Text: "Sentence", Span: engine.Span{Start: 0, End: 8}}},
			Flags:    []engine.Flag{{Kind: "numbers-differ", Page: "here", Claim: "there", Span: engine.Span{Start: 9, End: 13}}},
		}},
	}}
	s := decode(encodeArticle(article, sents))[0].(map[string]any)
	assert.Equal(t, 2, s["start"])
	m := s["matches"].([]any)[0].(map[string]any)
	ev := m["evidence"].([]any)[0].(map[string]any)
	assert.Equal(t, []any{2, 10}, []any{ev["start"], ev["end"]})
	fl := m["flags"].([]any)[0].(map[string]any)
	assert.Equal(t, []any{11, 15, "numbers-differ"}, []any{fl["start"], fl["end"], fl["kind"]})
	assert.Contains(t, m["summary"], "variant")
}

func TestMatchesOfSearch(t *testing.T) {
	c := newChecker(t)
	q := "Peacetime control was handed back to Seoul in 1994."
	out := decode(encodeMatches(q, c.CheckSentence(q, engine.Options{MaxMatches: 2})))
	require.NotEmpty(t, out)
	assert.LessOrEqual(t, len(out), 2)
	assert.NotEmpty(t, out[0].(map[string]any)["id"])
}

func TestAppendScore(t *testing.T) {
	for p, want := range map[float64]string{0: "0.0000", 1: "1.0000", 0.97314: "0.9731", 0.00005: "0.0001", 0.5: "0.5000", -0.2: "0.0000", 1.7: "1.0000"} {
		assert.Equal(t, want, string(appendScore(nil, p)), "%v", p)
	}
}
