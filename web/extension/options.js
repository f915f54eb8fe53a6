// Options: the bundled corpus or a compiled index file loaded from disk. A
// file is checked by loading it in the widget's worker before it is kept.
"use strict";

const $ = (id) => document.getElementById(id);

function status(msg, error) {
  $("status").textContent = msg;
  $("status").className = error ? "error" : "";
  document.body.dataset.state = error ? "error" : "done";
}

// probe loads an index in a fresh worker (the widget's worker protocol:
// init, then ready or error) and resolves to its info.
function probe(url) {
  return new Promise((resolve, reject) => {
    const w = new Worker("factcheck-worker.js");
    const end = (f, v) => { w.terminate(); f(v); };
    w.onmessage = (e) => e.data.type === "ready" ? end(resolve, e.data.info) : end(reject, new Error(e.data.error));
    w.onerror = (e) => { e.preventDefault(); end(reject, new Error(e.message || "the worker failed")); };
    w.postMessage({ type: "init", exec: "wasm_exec.js", wasm: "factcheck.wasm", corpus: url });
  });
}

const describe = (info) => "“" + (info.corpus || "unnamed") + "”, " + info.claims + " claims";

async function show() {
  const c = await corpusStore.get();
  $(c.custom ? "custom" : "bundled").checked = true;
  try {
    status("In use: " + describe(await probe(c.custom ? c.url : "default.fcx")) + (c.custom ? " (from a file)" : " (bundled)") + ".");
  } catch (e) {
    status("The stored index does not load (" + e.message + "); choose another file or the bundled corpus.", true);
  }
}

$("bundled").addEventListener("change", async () => { await corpusStore.setBundled(); await show(); });
$("custom").addEventListener("change", () => $("file").click());
$("file").addEventListener("change", async () => {
  const f = $("file").files[0];
  if (!f) return;
  document.body.dataset.state = "loading";
  status("Loading " + f.name + "…");
  const bytes = new Uint8Array(await f.arrayBuffer());
  const url = URL.createObjectURL(new Blob([bytes]));
  try {
    const info = await probe(url);
    await corpusStore.setCustom(bytes, info);
    await show();
  } catch (e) {
    // chrome.storage.local holds 10 MB (about 7.5 MB of index as base64).
    status(f.name + " was not loaded: " + e.message, true);
    const c = await corpusStore.get();
    $(c.custom ? "custom" : "bundled").checked = true;
  } finally {
    URL.revokeObjectURL(url);
  }
});

show();
