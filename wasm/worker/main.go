//go:build js && wasm

// Command worker is the fact-check API as a Cloudflare Worker: the same
// matcher and api.New handler as `factcheck serve`, on syumai/workers. Build
// it with `make worker`; glue/worker.mjs keeps this program alive across
// requests, so the corpus below is decoded once per isolate.
package main

import (
	"context"
	_ "embed"
	"io"
	"io/fs"
	"net/http"
	"syscall/js"
	"time"

	"github.com/syumai/workers"
	"github.com/syumai/workers/cloudflare"
	"github.com/syumai/workers/cloudflare/r2"

	"github.com/factcheckwidget/factcheck/internal/api"
	"github.com/factcheckwidget/factcheck/internal/engine"
	"github.com/factcheckwidget/factcheck/internal/index"
	"github.com/factcheckwidget/factcheck/internal/shardio"
	"github.com/factcheckwidget/factcheck/wasm/worker/edge"
)

// corpusFCX is written by `make worker` (corpusgen): the default corpus, or
// the compiled index WORKER_CORPUS names.
//
//go:embed corpus.fcx
var corpusFCX []byte

func main() {
	// Failing loudly beats serving a wrong configuration: the request that
	// started the instance gets an error and the next one retries.
	x, err := index.Decode(corpusFCX)
	if err != nil {
		panic("worker: embedded corpus: " + err.Error()) // corpusgen checked it, so unreachable
	}
	corpusFCX = nil // the index keeps what it needs
	opt, err := edge.Options(cloudflare.Getenv)
	if err != nil {
		panic("worker: " + err.Error())
	}
	h := api.New(engine.New(x), opt)
	// A sharded corpus in the R2 bucket bound as CORPUS (wrangler.toml)
	// replaces the embedded one whenever the bucket holds a manifest.
	if bucket, err := r2.NewBucket("CORPUS"); err == nil {
		every, err := edge.Refresh(cloudflare.Getenv)
		if err != nil {
			panic("worker: " + err.Error())
		}
		// A failed R2 read is tried twice more (after 50 and 100 ms)
		// before the request gets its 500.
		src := shardio.Retry(r2Source{bucket}, 3, 50*time.Millisecond)
		h = &edge.Sharded{Fallback: h, Src: src, Options: opt, Every: every}
	}
	workers.ServeNonBlock(edge.Buffered(h, sendRaw))
	workers.Ready()
	select {} // serve until the isolate goes; see edge.Buffered
}

// rawBodyWriter is implemented by syumai/workers' ResponseWriter: a body set
// this way becomes the JS Response body as is.
type rawBodyWriter interface{ WriteRawJSBody(body js.Value) }

var uint8Array = js.Global().Get("Uint8Array")

// sendRaw hands the finished body to the Response as a Uint8Array, so the
// library never reads its body pipe, whose Close would end the program.
func sendRaw(w http.ResponseWriter, body []byte) {
	rw, ok := w.(rawBodyWriter)
	if !ok {
		edge.WriteBody(w, body)
		return
	}
	b := uint8Array.New(len(body))
	js.CopyBytesToJS(b, body)
	rw.WriteRawJSBody(b)
}

// r2Source reads a sharded corpus from an R2 bucket: object keys are the
// corpus folder's file names ("manifest", "BUILD/s12").
type r2Source struct{ b *r2.Bucket }

func (s r2Source) Fetch(_ context.Context, name string) ([]byte, error) {
	o, err := s.b.Get(name)
	if err != nil {
		return nil, err
	}
	if o == nil || o.Body == nil {
		return nil, fs.ErrNotExist
	}
	return io.ReadAll(o.Body)
}
