//go:build !(js && wasm)

package main

import "os"

// main outside the browser only says how to build the widget, so that
// `go build ./...` and `go vet ./...` work on any platform.
func main() {
	os.Stderr.WriteString("wasm/widget runs in a browser: GOOS=js GOARCH=wasm go build ./wasm/widget (or make wasm)\n")
	os.Exit(2)
}
