//go:build js && wasm && !shards

package main

import (
	"syscall/js"

	"github.com/factcheckwidget/factcheck/internal/engine"
	"github.com/factcheckwidget/factcheck/internal/index"
)

// A whole compiled index (.fcx): everything is in memory after load.
type wholeIndex struct{ c *engine.Checker }

func (w wholeIndex) checkArticle(text string, opt engine.Options) ([]engine.Sentence, []string, error) {
	return w.c.CheckArticle(text, opt), nil, nil
}

func (w wholeIndex) checkSentence(text string, opt engine.Options) ([]engine.Match, []string, error) {
	return w.c.CheckSentence(text, opt), nil, nil
}

func registerCorpus(api js.Value) { api.Set("load", js.FuncOf(load)) }

// load(bytes Uint8Array) -> {ok, claims, name} or {ok: false, error}.
func load(_ js.Value, args []js.Value) any {
	if len(args) < 1 || args[0].Type() != js.TypeObject {
		return fail("load: expected a Uint8Array")
	}
	x, err := index.Decode(bytesArg(args, 0))
	if err != nil {
		return fail("load: " + err.Error())
	}
	loaded, corpusName, claims = wholeIndex{engine.New(x)}, x.Meta["name"], x.NumClaims()
	return map[string]any{"ok": true, "claims": claims, "name": corpusName}
}
