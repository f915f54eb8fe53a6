// Benchmark worker: the widget's own factcheck-worker.js, unmodified, plus
// one extra message ("mem") reporting the size of the Go wasm memory. The
// instance is captured by wrapping WebAssembly's instantiate functions,
// because the widget worker keeps it in a local variable.
"use strict";

let instance = null;
const keep = (p) => p.then((r) => { instance = r.instance || r; return r; });
const streaming = WebAssembly.instantiateStreaming, plain = WebAssembly.instantiate;
WebAssembly.instantiateStreaming = (...a) => keep(streaming.apply(WebAssembly, a));
WebAssembly.instantiate = (...a) => keep(plain.apply(WebAssembly, a));

importScripts("/fc/factcheck-worker.js");

const widget = self.onmessage;
self.onmessage = (e) => {
  if (e.data.type !== "mem") return widget(e);
  const mem = instance && instance.exports.mem;
  postMessage({ type: "result", id: e.data.id, result: { ok: true, bytes: mem ? mem.buffer.byteLength : -1 } });
};
