package main

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestCheckGolden runs `factcheck check` on texts written for the test
// against the default corpus and compares the JSON with golden files: an
// article of true restatements, altered figures, dates and polarity, and
// sentences nobody checked; and a press briefing in the shape of a debate
// transcript, mostly greetings, questions and procedure, where only its
// few real claims may light up. Run with -update after a deliberate change
// to the matcher.
func TestCheckGolden(t *testing.T) {
	corpusPath := filepath.Join("..", "..", "internal", "defaultcorpus", "claims.jsonld")
	for _, name := range []string{"alliance-article", "press-briefing"} {
		t.Run(name, func(t *testing.T) {
			in := filepath.Join("testdata", "golden", name+".txt")
			golden := filepath.Join("testdata", "golden", name+".json")
			code, out, stderr := runFactcheck(t, "check", "--corpus", corpusPath, "--date", "2025-11-06", in)
			require.Equal(t, 0, code, stderr)
			if *update {
				require.NoError(t, os.WriteFile(golden, []byte(out), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run with -update to create %s", golden)
			assert.Equal(t, string(want), out)
		})
	}
}
