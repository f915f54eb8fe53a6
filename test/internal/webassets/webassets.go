// Package webassets builds the widget as `make wasm` ships it (loader,
// worker, wasm_exec.js, wasm) into a directory, for the browser tests under
// test/ that must run what ships without an earlier make step.
package webassets

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"

	"github.com/factcheckwidget/factcheck/internal/index"
	"github.com/factcheckwidget/factcheck/web/widget"
)

// Build writes factcheck.js, factcheck-worker.js, wasm_exec.js,
// factcheck.wasm and, when corpus is not nil, default.fcx (its encoding)
// into dir. root is the module root, where `go build ./wasm/widget` runs.
func Build(root, dir string, corpus *index.Index) error {
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", filepath.Join(dir, "factcheck.wasm"), "./wasm/widget")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build wasm: %v\n%s", err, out)
	}
	files := widget.Scripts()
	execJS := filepath.Join(runtime.GOROOT(), "lib", "wasm", "wasm_exec.js")
	if _, err := os.Stat(execJS); err != nil {
		execJS = filepath.Join(runtime.GOROOT(), "misc", "wasm", "wasm_exec.js") // before Go 1.24
	}
	var err error
	if files["wasm_exec.js"], err = os.ReadFile(execJS); err != nil {
		return err
	}
	if corpus != nil {
		files["default.fcx"] = corpus.Encode()
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}
