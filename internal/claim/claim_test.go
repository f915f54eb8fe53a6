package claim

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestVerdictOfRatingText(t *testing.T) {
	tests := []struct {
		rating string
		want   Verdict
	}{
		{"True", VerdictTrue},
		{"TRUE", VerdictTrue},
		{"Not accurate", VerdictFalse},
		{"Inaccurate", VerdictFalse},
		{"Not correct", VerdictFalse},
		{"Partly accurate", VerdictMixed},
		{"Realistic", VerdictUnknown},
		{"Exaggerated", VerdictMostlyFalse},
		{"Correct", VerdictTrue},
		{"Accurate", VerdictTrue},
		{"Correct Attribution", VerdictTrue},
		{"No Flip", VerdictTrue},
		{"Mostly True", VerdictMostlyTrue},
		{"Mostly Correct", VerdictMostlyTrue},
		{"Largely true", VerdictMostlyTrue},
		{"Half True", VerdictMixed},
		{"Half-True", VerdictMixed},
		{"half-true", VerdictMixed},
		{"Mixture", VerdictMixed},
		{"Partly false", VerdictMixed},
		{"Partially True", VerdictMixed},
		{"Half Flip", VerdictMixed},
		{"Full Flop", VerdictMixed},
		{"Mostly False", VerdictMostlyFalse},
		{"Barely True", VerdictMostlyFalse},
		{"Misleading", VerdictMostlyFalse},
		{"Missing Context", VerdictMostlyFalse},
		{"Miscaptioned", VerdictMostlyFalse},
		{"Exaggerated", VerdictMostlyFalse},
		{"Out of context", VerdictMostlyFalse},
		{"Distorts the facts", VerdictMostlyFalse},
		{"False", VerdictFalse},
		{"FALSE.", VerdictFalse},
		{"Pants on Fire", VerdictFalse},
		{"Pants on Fire!", VerdictFalse},
		{"pants-fire", VerdictFalse},
		{"Fake", VerdictFalse},
		{"Not true", VerdictFalse},
		{"Incorrect", VerdictFalse},
		{"Wrong", VerdictFalse},
		{"Hoax", VerdictFalse},
		{"Scam", VerdictFalse},
		{"Labeled Satire", VerdictFalse},
		{"Fabricated", VerdictFalse},
		{"Misattributed", VerdictFalse},
		{"Legend", VerdictFalse},
		{"Unproven", VerdictUnproven},
		{"Unverified", VerdictUnproven},
		{"No evidence", VerdictUnproven},
		{"Research In Progress", VerdictUnproven},
		{"Unsupported", VerdictUnproven},
		{"Undetermined", VerdictUnproven},
		{"", VerdictUnknown},
		{"Four Pinocchios", VerdictUnknown},
		{"Outdated", VerdictUnknown},
		{"Falso", VerdictUnknown},
		{"Faux", VerdictUnknown},
		{"*", VerdictUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.rating, func(t *testing.T) {
			assert.Equal(t, tt.want, VerdictOf(tt.rating, -1, 0, 0), "%q -> %s", tt.rating, VerdictOf(tt.rating, -1, 0, 0))
		})
	}
}

func TestVerdictOfNumeric(t *testing.T) {
	tests := []struct {
		value, best, worst float64
		want               Verdict
	}{
		{1, 5, 1, VerdictFalse},
		{2, 5, 1, VerdictMostlyFalse},
		{3, 5, 1, VerdictMixed},
		{4, 5, 1, VerdictMostlyTrue},
		{5, 5, 1, VerdictTrue},
		{0, 10, 0, VerdictFalse},
		{10, 10, 0, VerdictTrue},
		{9, 10, 0, VerdictTrue},
		{5, 10, 0, VerdictMixed},
		{0, 5, 1, VerdictUnknown},  // below worst
		{6, 5, 1, VerdictUnknown},  // above best
		{3, 1, 5, VerdictUnknown},  // best below worst
		{3, 3, 3, VerdictUnknown},  // empty scale
		{-1, 5, 1, VerdictUnknown}, // no value
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, VerdictOf("", tt.value, tt.best, tt.worst), "%v on [%v, %v]", tt.value, tt.worst, tt.best)
	}
	// Words win over numbers; unknown words fall back to the number.
	assert.Equal(t, VerdictTrue, VerdictOf("True", 1, 5, 1))
	assert.Equal(t, VerdictFalse, VerdictOf("Four Pinocchios", 1, 5, 1))
}

func TestVerdictNames(t *testing.T) {
	for v := VerdictUnknown; v <= VerdictUnproven; v++ {
		assert.Equal(t, v, ParseVerdict(v.String()))
	}
	assert.Equal(t, "mostly-false", VerdictMostlyFalse.String())
	assert.Equal(t, "unknown", Verdict(200).String())
	assert.Equal(t, VerdictUnknown, ParseVerdict("nonsense"))
	assert.Equal(t, VerdictUnknown, ParseVerdict(""))
}
