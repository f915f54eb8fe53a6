//go:build js && wasm

package main

import (
	"runtime"
	"strings"
	"syscall/js"
	"time"

	"github.com/factcheckwidget/factcheck/internal/engine"
)

// loadedCorpus is the loaded corpus: a whole compiled index (corpus_fcx.go, the
// default build) or a sharded corpus read part by part (corpus_shards.go,
// built with -tags shards into factcheck-shards.wasm). A sharded corpus
// answers a check it lacks parts for with their names instead.
type loadedCorpus interface {
	checkArticle(text string, opt engine.Options) ([]engine.Sentence, []string, error)
	checkSentence(text string, opt engine.Options) ([]engine.Match, []string, error)
}

var (
	loaded     loadedCorpus
	corpusName string // the loaded corpus's name
	claims     int
)

// main publishes globalThis.__factcheck and keeps the Go runtime alive for
// the worker's calls. Every function returns plain JS values.
func main() {
	api := js.Global().Get("Object").New()
	registerCorpus(api) // load, or open and add
	api.Set("checkArticle", js.FuncOf(checkArticle))
	api.Set("search", js.FuncOf(search))
	api.Set("version", js.FuncOf(version))
	js.Global().Set("__factcheck", api)
	select {}
}

func bytesArg(args []js.Value, i int) []byte {
	if i >= len(args) || args[i].Type() != js.TypeObject {
		return nil
	}
	buf := make([]byte, args[i].Get("length").Int())
	js.CopyBytesToGo(buf, args[i])
	return buf
}

// needs answers a call that still needs parts: {ok, need: "name\nname"}.
func needs(names []string) any {
	return map[string]any{"ok": true, "need": strings.Join(names, "\n")}
}

// checkArticle(text, date, lang) -> {ok, sentences}: the sentences that
// matched, with UTF-16 offsets into text, encoded as results.go describes;
// or {ok, need} from a sharded corpus that lacks parts. lang is the page's
// BCP 47 tag ("" when it declares none).
func checkArticle(_ js.Value, args []js.Value) any {
	if loaded == nil {
		return fail("checkArticle: no corpus loaded")
	}
	text, date, lang := arg(args, 0), arg(args, 1), arg(args, 2)
	t0 := time.Now()
	sents, need, err := loaded.checkArticle(text, engine.Options{Date: date, Lang: lang})
	if err != nil {
		return fail("checkArticle: " + err.Error())
	} else if need != nil {
		return needs(need)
	}
	t1 := time.Now()
	res := encodeArticle(text, sents)
	// Where the time goes: the engine vs encoding the results.
	return map[string]any{"ok": true, "sentences": res, "engineMs": ms(t1.Sub(t0)), "encodeMs": ms(time.Since(t1))}
}

// search(text, k, lang) -> {ok, matches}: the claims a free-text claim
// matches; lang as for checkArticle.
func search(_ js.Value, args []js.Value) any {
	if loaded == nil {
		return fail("search: no corpus loaded")
	}
	q, k := arg(args, 0), 0
	if len(args) > 1 && args[1].Type() == js.TypeNumber {
		k = args[1].Int()
	}
	ms, need, err := loaded.checkSentence(q, engine.Options{MaxMatches: k, Lang: arg(args, 2)})
	if err != nil {
		return fail("search: " + err.Error())
	} else if need != nil {
		return needs(need)
	}
	return map[string]any{"ok": true, "matches": encodeMatches(q, ms)}
}

// version() -> {widget, go, corpus, claims}.
func version(js.Value, []js.Value) any {
	return map[string]any{"widget": Version, "go": runtime.Version(), "corpus": corpusName, "claims": claims}
}

func arg(args []js.Value, i int) string {
	if i < len(args) && args[i].Type() == js.TypeString {
		return args[i].String()
	}
	return ""
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func fail(msg string) any { return map[string]any{"ok": false, "error": msg} }
