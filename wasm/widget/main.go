//go:build js && wasm

package main

import (
	"runtime"
	"syscall/js"
	"time"

	"github.com/factcheckwidget/factcheck/internal/engine"
	"github.com/factcheckwidget/factcheck/internal/index"
)

var (
	checker    *engine.Checker
	corpusName string // the loaded index's name
)

// main publishes globalThis.__factcheck and keeps the Go runtime alive for
// the worker's calls. Every function returns plain JS values.
func main() {
	api := js.Global().Get("Object").New()
	api.Set("load", js.FuncOf(load))
	api.Set("checkArticle", js.FuncOf(checkArticle))
	api.Set("search", js.FuncOf(search))
	api.Set("version", js.FuncOf(version))
	js.Global().Set("__factcheck", api)
	select {}
}

// load(bytes Uint8Array) -> {ok, claims, name} or {ok: false, error}.
func load(_ js.Value, args []js.Value) any {
	if len(args) < 1 || args[0].Type() != js.TypeObject {
		return fail("load: expected a Uint8Array")
	}
	buf := make([]byte, args[0].Get("length").Int())
	js.CopyBytesToGo(buf, args[0])
	x, err := index.Decode(buf)
	if err != nil {
		return fail("load: " + err.Error())
	}
	checker, corpusName = engine.New(x), x.Meta["name"]
	return map[string]any{"ok": true, "claims": x.NumClaims(), "name": corpusName}
}

// checkArticle(text, date, lang) -> {ok, sentences}: the sentences that
// matched, with UTF-16 offsets into text, encoded as results.go describes.
// lang is the page's BCP 47 tag ("" when it declares none).
func checkArticle(_ js.Value, args []js.Value) any {
	if checker == nil {
		return fail("checkArticle: no corpus loaded")
	}
	text, date, lang := arg(args, 0), arg(args, 1), arg(args, 2)
	t0 := time.Now()
	sents := checker.CheckArticle(text, engine.Options{Date: date, Lang: lang})
	t1 := time.Now()
	res := encodeArticle(text, sents)
	// Where the time goes: the engine vs encoding the results.
	return map[string]any{"ok": true, "sentences": res, "engineMs": ms(t1.Sub(t0)), "encodeMs": ms(time.Since(t1))}
}

// search(text, k, lang) -> {ok, matches}: the claims a free-text claim
// matches; lang as for checkArticle.
func search(_ js.Value, args []js.Value) any {
	if checker == nil {
		return fail("search: no corpus loaded")
	}
	q, k := arg(args, 0), 0
	if len(args) > 1 && args[1].Type() == js.TypeNumber {
		k = args[1].Int()
	}
	opt := engine.Options{MaxMatches: k, Lang: arg(args, 2)}
	return map[string]any{"ok": true, "matches": encodeMatches(q, checker.CheckSentence(q, opt))}
}

// version() -> {widget, go, corpus, claims}.
func version(js.Value, []js.Value) any {
	n := 0
	if checker != nil {
		n = checker.Index().NumClaims()
	}
	return map[string]any{"widget": Version, "go": runtime.Version(), "corpus": corpusName, "claims": n}
}

func arg(args []js.Value, i int) string {
	if i < len(args) && args[i].Type() == js.TypeString {
		return args[i].String()
	}
	return ""
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func fail(msg string) any { return map[string]any{"ok": false, "error": msg} }
