package hostile_test

import (
	"net/url"
	"os"
	"testing"
)

// tempDirs are shared by the package's tests (the CLI and widget builds)
// and removed after them.
var tempDirs []string

func TestMain(m *testing.M) {
	code := m.Run()
	for _, d := range tempDirs {
		os.RemoveAll(d)
	}
	os.Exit(code)
}

func urlQuery(s string) string { return url.QueryEscape(s) }

func tempDir() (string, error) {
	d, err := os.MkdirTemp("", "factcheck-hostile-")
	if err == nil {
		tempDirs = append(tempDirs, d)
	}
	return d, err
}
