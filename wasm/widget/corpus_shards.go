//go:build js && wasm && shards

package main

import (
	"syscall/js"

	"github.com/factcheckwidget/factcheck/internal/engine"
	"github.com/factcheckwidget/factcheck/internal/shard"
)

// A sharded corpus (internal/shard): the worker fetches the parts a call
// names, decompresses them and hands them over with add, then calls again.
// It is a build of its own (factcheck-shards.wasm): the reader does not
// fit in the whole-index build's size budget, and a page uses one or the
// other.
type shardedCorpus struct{ c *shard.Corpus }

func (s shardedCorpus) checkArticle(text string, opt engine.Options) ([]engine.Sentence, []string, error) {
	return s.c.CheckArticle(text, opt)
}

func (s shardedCorpus) checkSentence(text string, opt engine.Options) ([]engine.Match, []string, error) {
	return s.c.CheckSentence(text, opt)
}

var sharded *shard.Corpus

func registerCorpus(api js.Value) {
	api.Set("open", js.FuncOf(open))
	api.Set("add", js.FuncOf(add))
}

// open(manifest Uint8Array) -> {ok, claims, name}: the manifest,
// decompressed.
func open(_ js.Value, args []js.Value) any {
	c, err := shard.Open(bytesArg(args, 0))
	if err != nil {
		return fail("open: " + err.Error())
	}
	m := c.Manifest()
	sharded, loaded, corpusName, claims = c, shardedCorpus{c}, m.Meta["name"], m.Claims
	return map[string]any{"ok": true, "claims": claims, "name": corpusName}
}

// add(name, part Uint8Array) -> {ok}: a part, decompressed; it is checked
// before it is kept.
func add(_ js.Value, args []js.Value) any {
	if sharded == nil {
		return fail("add: no sharded corpus open")
	}
	if err := sharded.Add(arg(args, 0), bytesArg(args, 1)); err != nil {
		return fail(err.Error())
	}
	return map[string]any{"ok": true}
}
