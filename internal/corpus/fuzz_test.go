package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzRead checks the reader's contract on arbitrary input: no panic, and
// either a non-empty list of usable claims or (nil, error).
func FuzzRead(f *testing.F) {
	for _, pattern := range []string{"testdata/*.json*", "testdata/*.html", "testdata/bad/*"} {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			if data, err := os.ReadFile(p); err == nil {
				f.Add(data)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		claims, err := Read("fuzz.json", data)
		if err != nil {
			if claims != nil {
				t.Fatalf("error %v with %d claims", err, len(claims))
			}
			return
		}
		if len(claims) == 0 {
			t.Fatal("no error and no claims")
		}
		for i, c := range claims {
			if c.ID == "" || c.Text == "" {
				t.Fatalf("claim %d has no id or text: %+v", i, c)
			}
			// Colon-free URLs are kept: CheckThat! rows carry site-relative
			// PolitiFact paths. Anything with a scheme must be http(s).
			if strings.Contains(c.URL, ":") && !isWebURL(c.URL) {
				t.Fatalf("claim %d has a non-web URL %q", i, c.URL)
			}
		}
	})
}
