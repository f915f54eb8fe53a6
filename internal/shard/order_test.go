package shard

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/compile"
	"github.com/factcheckwidget/factcheck/internal/index"
)

// topicClaims are n claims on four topics, listed in turn (as a feed
// lists claims by date, not by what they are about), each of six of its
// topic's twelve words.
func topicClaims(n int) []claim.Claim {
	topics := [4][]string{
		strings.Fields("wheat harvest farmers drought tractor grain barley orchard cattle fertilizer irrigation silo"),
		strings.Fields("senate ballot governor veto lobbyist caucus filibuster district senator primary turnout incumbent"),
		strings.Fields("vaccine clinic nurses hospital measles dosage surgeon pharmacy insulin outbreak patients therapy"),
		strings.Fields("tariff exports imports currency deficit inflation interest mortgage wages pension bonds shipping"),
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	out := make([]claim.Claim, n)
	for i := range out {
		words := topics[i%4]
		var text []string
		for _, j := range rnd.Perm(len(words))[:6] {
			text = append(text, words[j])
		}
		out[i] = claim.Claim{ID: fmt.Sprint("c", i), Text: strings.Join(text, " "), Language: "en"}
	}
	return out
}

// Reordering numbers claims on one topic together, so the stem lists a
// page fetches take fewer bytes; the build stays reproducible.
func TestReorderShrinksTheStemLists(t *testing.T) {
	x, err := compile.Index(topicClaims(400), nil)
	require.NoError(t, err)
	order := similarOrder(x)
	changes := 0
	for i := 1; i < len(order); i++ {
		if order[i]%4 != order[i-1]%4 {
			changes++
		}
	}
	assert.Less(t, changes, 40, "claims on one topic are numbered together (399 topic changes as given)")

	stemBytes := func(reorder bool) (int, string) {
		opt := DefaultOptions()
		opt.Reorder = reorder
		_, m, parts := cutIndex(t, x, opt)
		n := 0
		for name, p := range parts {
			if name[0] == kindStems {
				n += len(p)
			}
		}
		return n, m.Build
	}
	given, _ := stemBytes(false)
	reordered, build := stemBytes(true)
	t.Logf("stem buckets: %d bytes as given, %d reordered", given, reordered)
	assert.Less(t, float64(reordered), 0.95*float64(given), "the lists' share of these small buckets is small")
	_, again := stemBytes(true)
	assert.Equal(t, build, again, "the same corpus cuts to the same build")
}

// Results collapse a group of duplicates to its first claim: reordered,
// the group's first claim is still the one the corpus lists first, so a
// sharded corpus shows the card the whole index shows.
func TestReorderKeepsTheFirstOfDuplicatesFirst(t *testing.T) {
	claims := topicClaims(200)
	for i := 0; i < 200; i += 9 {
		claims[i+1].Text = claims[i].Text // a duplicate of claim i, on another topic's turn
	}
	x, err := compile.Index(claims, nil)
	require.NoError(t, err)
	y, err := index.Permuted(x, similarOrder(x))
	require.NoError(t, err)
	groups := 0
	for d := range y.NumClaims() {
		first := y.Claim(int(y.Duplicates[d]))
		if first.ID == y.Claim(d).ID {
			continue
		}
		groups++
		at := x.Duplicates[indexOf(t, x, y.Claim(d).ID)]
		assert.Equal(t, x.Claim(int(at)).ID, first.ID, "claim %s's group", y.Claim(d).ID)
	}
	want := 0
	for d := range x.NumClaims() {
		if int(x.Duplicates[d]) != d {
			want++
		}
	}
	assert.GreaterOrEqual(t, want, 23, "the duplicates made")
	assert.Equal(t, want, groups, "every duplicate is still one")
}

func indexOf(t *testing.T, x *index.Index, id string) int {
	for d := range x.NumClaims() {
		if x.Claim(d).ID == id {
			return d
		}
	}
	t.Fatalf("no claim %s", id)
	return -1
}
