package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzRead checks the reader's contract on arbitrary input: no panic;
// either usable claims with unique ids and http(s) links, or no claims and
// an error; every message on one line.
func FuzzRead(f *testing.F) {
	for _, pattern := range []string{"testdata/*.json*", "testdata/*.html", "testdata/*/*"} {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			if data, err := os.ReadFile(p); err == nil {
				f.Add(data)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		claims, warnings, err := Read("fuzz.json", data)
		for _, w := range warnings {
			if strings.Contains(w.String(), "\n") {
				t.Fatalf("warning on two lines: %q", w.String())
			}
		}
		if err != nil {
			if claims != nil {
				t.Fatalf("error %v with %d claims", err, len(claims))
			}
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("error on two lines: %q", err)
			}
			return
		}
		if len(claims) == 0 {
			t.Fatal("no error and no claims")
		}
		ids := map[string]bool{}
		for i, c := range claims {
			if c.ID == "" || c.Text == "" || c.Language == "" {
				t.Fatalf("claim %d has no id, text or language: %+v", i, c)
			}
			if ids[c.ID] {
				t.Fatalf("claim %d repeats id %q", i, c.ID)
			}
			ids[c.ID] = true
			// Colon-free URLs are kept: CheckThat! rows carry site-relative
			// PolitiFact paths. Anything with a scheme must be http(s).
			if strings.Contains(c.URL, ":") && !isWebURL(c.URL) {
				t.Fatalf("claim %d has a non-web URL %q", i, c.URL)
			}
		}
	})
}
