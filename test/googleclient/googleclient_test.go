//go:build unix

package googleclient

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/cmd/factcheck/serveproc"
	"github.com/factcheckwidget/factcheck/wasm/worker/devserver"
)

// TestGoogleClientAgainstServe points Google's Node client at a real
// `factcheck serve` (the built binary, default corpus, a free loopback
// port). The Worker gets the same check in wasm/worker/workertest.
func TestGoogleClientAgainstServe(t *testing.T) {
	Node(t) // skips (or fails under make test) before building anything
	root, err := devserver.Root()
	require.NoError(t, err)
	bin := filepath.Join(t.TempDir(), "factcheck")
	build := exec.Command("go", "build", "-o", bin, "./cmd/factcheck")
	build.Dir = root
	out, err := build.CombinedOutput()
	require.NoError(t, err, "go build: %s", out)
	srv, err := serveproc.Start(bin, "", os.Stderr)
	require.NoError(t, err)
	t.Cleanup(srv.Stop)
	Check(t, srv.URL)
}
