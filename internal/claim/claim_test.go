package claim

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestVerdictNames(t *testing.T) {
	for v := VerdictUnknown; v <= VerdictUnproven; v++ {
		assert.Equal(t, v, ParseVerdict(v.String()))
	}
	assert.Equal(t, "mostly-false", VerdictMostlyFalse.String())
	assert.Equal(t, "unknown", Verdict(200).String())
	assert.Equal(t, VerdictUnknown, ParseVerdict("nonsense"))
	assert.Equal(t, VerdictUnknown, ParseVerdict(""))
}
