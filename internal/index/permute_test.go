package index

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/claim"
)

// A permuted index is the index built from its claims in the new order:
// the same postings, lengths, forward terms and duplicates, byte for byte.
func TestPermutedIsTheIndexOfTheClaimsReordered(t *testing.T) {
	claims := smallClaims()
	// Two duplicates of the first claim (its text worded alike), so that
	// a group's first claim moves with the order.
	for _, id := range []string{"dup-a", "dup-b"} {
		c := claims[0]
		c.ID = id
		claims = append(claims, c)
	}
	x, err := Build(claims, nil)
	require.NoError(t, err)
	require.Equal(t, int32(0), x.Duplicates[len(claims)-1], "the corpus has a group of duplicates")
	n := len(claims)
	orders := map[string][]int{"reversed": make([]int, n), "rotated": make([]int, n), "same": make([]int, n)}
	for i := range n {
		orders["reversed"][i] = n - 1 - i
		orders["rotated"][i] = (i + 2) % n
		orders["same"][i] = i
	}
	for name, order := range orders {
		y, err := Permuted(x, order)
		require.NoError(t, err, name)
		reordered := make([]claim.Claim, n)
		for i, d := range order {
			reordered[i] = claims[d]
		}
		want, err := Build(reordered, nil)
		require.NoError(t, err, name)
		assert.Equal(t, want.Encode(), y.Encode(), name)
		for d := range n {
			assert.Equal(t, x.Claim(order[d]).ID, y.Claim(d).ID, name)
		}
	}
	y, err := Permuted(x, orders["reversed"])
	require.NoError(t, err)
	assert.Equal(t, "dup-b", y.Claim(int(y.Duplicates[0])).ID, "a group's first claim is its first in the new order")
}

func TestPermutedRefusesWhatIsNoPermutation(t *testing.T) {
	x := buildSmall(t)
	n := x.NumClaims()
	for name, order := range map[string][]int{
		"short":    make([]int, n-1),
		"repeated": make([]int, n),
		"outside":  append(make([]int, n-1), n),
		"negative": append(make([]int, n-1), -1),
	} {
		if name != "short" {
			for i := range n - 1 {
				order[i] = i
			}
			if name == "repeated" {
				order[n-1] = 0
			}
		}
		_, err := Permuted(x, order)
		assert.Error(t, err, name)
	}
}
