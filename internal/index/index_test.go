package index

import (
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/text"
)

func TestBuildErrors(t *testing.T) {
	_, err := Build(nil, nil)
	require.Error(t, err)

	dup := []claim.Claim{{ID: "a", Text: "one claim"}, {ID: "a", Text: "another claim"}}
	_, err = Build(dup, nil)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "duplicate claim id a")
}

func TestBuildFields(t *testing.T) {
	x := buildSmall(t)
	require.Equal(t, 5, x.NumClaims())
	assert.Equal(t, smallClaims()[1], *x.Claim(1))

	claimField := &x.Fields[FieldClaim]
	assert.Equal(t, Stems, claimField.Kind)
	assert.Equal(t, Stems, x.Fields[FieldTitle].Kind)
	assert.Equal(t, Chars4, x.Fields[FieldClaimChars].Kind)
	assert.Equal(t, Stems, Kind(FieldClaim))
	assert.Equal(t, Chars4, Kind(FieldClaimChars))

	// Terms are sorted so Lookup is a binary search.
	terms := make([]string, claimField.NumTerms())
	for i := range terms {
		terms[i] = claimField.Term(i)
	}
	assert.True(t, sort.StringsAreSorted(terms), "terms %q", terms)

	// "turbin" is in claims 0, 2 and 4 once each.
	id := claimField.Lookup("turbin")
	require.GreaterOrEqual(t, id, 0)
	assert.Equal(t, 3, claimField.DF(id))
	assert.Equal(t, []posting2{{0, 1}, {2, 1}, {4, 1}}, postingsOf(claimField, id, x.NumClaims()))
	assert.Equal(t, -1, claimField.Lookup("the"), "stop words are not indexed")
	assert.Equal(t, -1, claimField.Lookup(""))
	assert.GreaterOrEqual(t, claimField.Lookup("28500"), 0, "numbers are indexed without separators")

	// Doc lengths count the field's terms.
	for d := 0; d < x.NumClaims(); d++ {
		c := x.Claim(d)
		assert.Equal(t, uint32(len(text.Terms(c.Text))), claimField.DocLen[d], "claim %d", d)
		assert.Equal(t, uint32(len(text.CharNGrams(c.Text+"\n"+c.Title, 4))), x.Fields[FieldClaimChars].DocLen[d], "claim %d grams", d)
	}
	// Claim 4 has no title or context: an empty title field.
	assert.Equal(t, uint32(0), x.Fields[FieldTitle].DocLen[4])

	// Forward lists the claim's stems by term id, in text order.
	for d := 0; d < x.NumClaims(); d++ {
		var got []string
		for _, tid := range x.Forward(d) {
			got = append(got, claimField.Term(int(tid)))
		}
		assert.Equal(t, text.Terms(x.Claim(d).Text), append([]string{}, got...), "claim %d", d)
	}

	// Claim 2 is claim 0 reworded; the others stand alone.
	assert.Equal(t, []int32{0, 1, 0, 3, 4}, x.Duplicates)
}

func TestBuildTermFrequency(t *testing.T) {
	x, err := Build([]claim.Claim{
		{ID: "a", Text: "Taxes, taxes and more taxes"},
		{ID: "b", Text: "No new taxes"},
	}, nil)
	require.NoError(t, err)
	f := &x.Fields[FieldClaim]
	id := f.Lookup("tax")
	require.GreaterOrEqual(t, id, 0)
	assert.Equal(t, []posting2{{0, 3}, {1, 1}}, postingsOf(f, id, 2))
	assert.Equal(t, 2, f.DF(id))
	// numDocs bounds the walk: postings past it are not reported.
	assert.Equal(t, []posting2{{0, 3}}, postingsOf(f, id, 1))
}

func TestBuildClipsLongText(t *testing.T) {
	long := strings.Repeat("é", MaxClaimBytes) // 2 bytes a rune: cut mid-rune must back off
	x, err := Build([]claim.Claim{{ID: "a", Text: "x" + long, Title: long, Context: long}}, nil)
	require.NoError(t, err)
	c := x.Claim(0)
	for _, s := range []string{c.Text, c.Title, c.Context} {
		assert.LessOrEqual(t, len(s), MaxClaimBytes)
		assert.Greater(t, len(s), MaxClaimBytes-4)
		assert.True(t, strings.HasSuffix(s, "é"), "cut on a rune boundary")
	}
}

func TestBuildProgress(t *testing.T) {
	claims := make([]claim.Claim, 2500)
	for i := range claims {
		claims[i] = claim.Claim{ID: strings.Repeat("x", i%7) + string(rune('a'+i%26)) + strings.Repeat("y", i/26), Text: "claim text"}
	}
	var calls [][2]int
	_, err := Build(claims, func(done, total int) { calls = append(calls, [2]int{done, total}) })
	require.NoError(t, err)
	assert.Equal(t, [][2]int{{1000, 2500}, {2000, 2500}, {2500, 2500}}, calls)
}

func TestRoundTrip(t *testing.T) {
	x := buildSmall(t)
	data := x.Encode()
	require.True(t, IsIndex(data))
	y, err := Decode(data)
	require.NoError(t, err)
	assertSameIndex(t, x, y)
	// Encoding is deterministic and a decoded index re-encodes identically.
	assert.Equal(t, data, x.Encode())
	assert.Equal(t, data, y.Encode())
}

func TestRoundTripEdgeCases(t *testing.T) {
	tests := []struct {
		name   string
		claims []claim.Claim
	}{
		{"one claim", []claim.Claim{{ID: "only", Text: "Only one claim here"}}},
		{"claim of stop words only", []claim.Claim{{ID: "a", Text: "it is not what they do"}, {ID: "b", Text: "Turbines"}}},
		{"punctuation-only claim", []claim.Claim{{ID: "p", Text: "?!"}}},
		{"unicode and long ids", []claim.Claim{{ID: strings.Repeat("é", 300), Text: "Grüße aus São Paulo", Language: "pt-BR"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x, err := Build(tt.claims, nil)
			require.NoError(t, err)
			y, err := Decode(x.Encode())
			require.NoError(t, err)
			assertSameIndex(t, x, y)
		})
	}
}
