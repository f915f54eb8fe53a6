package assetsize

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestMeasureCompresses(t *testing.T) {
	data := []byte(strings.Repeat("fact-check widget ", 1000))
	s := Measure("a.js", data)
	assert.Equal(t, "a.js", s.Name)
	assert.Equal(t, len(data), s.Raw)
	assert.Less(t, s.Gzip, s.Raw/10)
	assert.Less(t, s.Brotli, s.Raw/10)
}
