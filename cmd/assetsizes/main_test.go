package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCheckBudgets(t *testing.T) {
	all := []Sizes{{Name: "f.wasm", Raw: 3000, Gzip: 900, Brotli: 700}}
	assert.Empty(t, Check(all, []Budget{{"f.wasm", "brotli", 700}, {"f.wasm", "raw", 3000}}))
	over := Check(all, []Budget{{"f.wasm", "gzip", 899}, {"missing.js", "raw", 1}})
	require.Len(t, over, 2)
	assert.Contains(t, over[0], "900 bytes gzip")
	assert.Contains(t, over[1], "no such asset")
}

func TestBudgetFlag(t *testing.T) {
	var b budgets
	require.NoError(t, b.Set("factcheck.js:raw:15000"))
	assert.Equal(t, Budget{"factcheck.js", "raw", 15000}, b[0])
	assert.Error(t, b.Set("x:zstd:1"))
	assert.Error(t, b.Set("x:raw:-1"))
	assert.Error(t, b.Set("x:raw"))
}

func TestPrint(t *testing.T) {
	var buf bytes.Buffer
	Print(&buf, []Sizes{{Name: "f.wasm", Raw: 2500000, Gzip: 800000, Brotli: 600000}})
	assert.Contains(t, buf.String(), "2500.0 kB")
	assert.Contains(t, buf.String(), "600.0 kB")
}
