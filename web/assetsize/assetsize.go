// Package assetsize measures shipped assets the way a static host serves
// them (raw, gzip -9, brotli 11). The size gate (cmd/assetsizes) and the
// benchmarks (bench/) share it, so both report the same numbers.
package assetsize

import (
	"bytes"
	"compress/gzip"

	"github.com/andybalholm/brotli"
)

// Sizes of one asset, in bytes.
type Sizes struct {
	Name   string `json:"name"`
	Raw    int    `json:"raw"`
	Gzip   int    `json:"gzip"`
	Brotli int    `json:"brotli"`
}

// Measure compresses data at the levels a static host would use and
// returns the sizes.
func Measure(name string, data []byte) Sizes {
	var gz, br bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(data)
	zw.Close()
	bw := brotli.NewWriterLevel(&br, brotli.BestCompression)
	bw.Write(data)
	bw.Close()
	return Sizes{Name: name, Raw: len(data), Gzip: gz.Len(), Brotli: br.Len()}
}
