// Package widget holds the widget's JavaScript (the factcheck.js loader and
// its Web Worker) as shipped, and the browser tests of the whole widget.
// `make wasm` writes the scripts with cmd/widgetjs; the tests use the same
// Scripts, so what is tested is what ships.
package widget

import (
	"bytes"
	_ "embed"
)

//go:embed factcheck.js
var loaderJS []byte

//go:embed factcheck-worker.js
var workerJS []byte

// Scripts returns the shipped scripts by file name.
func Scripts() map[string][]byte {
	return map[string][]byte{
		"factcheck.js":        Strip(loaderJS),
		"factcheck-worker.js": Strip(workerJS),
	}
}

// Strip drops indentation, blank lines and whole-line // comments: about a
// fifth of the loader, with no tool beyond Go. Line breaks are kept, so
// automatic semicolon insertion is unchanged. Our sources keep no line
// starting with // inside a string or template literal, which is the one
// case this would break.
func Strip(src []byte) []byte {
	var out []byte
	for line := range bytes.SplitSeq(src, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 || bytes.HasPrefix(line, []byte("//")) {
			continue
		}
		out = append(append(out, line...), '\n')
	}
	return out
}
