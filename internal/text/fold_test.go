package text

import (
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/text/foldref"
)

// Fold is foldref.Fold (NFKC and NFD with golang.org/x/text) on every rune
// outside the blocks the generated table leaves out, alone and after an
// Indic letter (whose marks stay) and before a combining accent.
func TestFoldMatchesReference(t *testing.T) {
	checked := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF || foldref.Excluded(r) {
			continue
		}
		for _, s := range []string{string(r), "A" + string(r) + "\u0301", "\u0915" + string(r)} {
			if got, want := Fold(s), foldref.Fold(s); got != want {
				require.Equal(t, want, got, "Fold(%q) (U+%04X)", s, r)
			}
		}
		checked++
	}
	assert.Greater(t, checked, 1_000_000)
}

func TestFoldForms(t *testing.T) {
	for in, want := range map[string]string{
		"São Paulo": "sao paulo", "ﬁnal": "final", "ＡＢＣ１２": "abc12", "Ünïcödé": "unicode",
		"don’t": "don't", "ग़लत": "गलत", "के": "के", "ﻣﺮﺣﺒﺎ": "مرحبا", "Ωmega": "ωmega",
		"e\u0301te\u0301": "ete", "½": "1⁄2", "한국어": "한국어",
	} {
		assert.Equal(t, want, Fold(in), "%q", in)
	}
}
