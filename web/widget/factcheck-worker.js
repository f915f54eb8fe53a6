// Web Worker of the fact-check widget: runs the Go/wasm matcher off the
// page's main thread. It fetches only the widget's own assets and the
// corpus; the article text arrives by postMessage and never leaves.
"use strict";

let ready = null; // Promise of the loaded globalThis.__factcheck

async function init(m) {
  const t = [performance.now()];
  const wasm = fetch(m.wasm); // start both downloads before the sync import
  const corpus = fetch(m.corpus).then((r) => {
    if (!r.ok) throw new Error("corpus: HTTP " + r.status + " for " + m.corpus);
    return r.arrayBuffer();
  });
  importScripts(m.exec);
  const go = new Go();
  const r = await wasm;
  if (!r.ok) throw new Error("wasm: HTTP " + r.status + " for " + m.wasm);
  // Compile while downloading when the server sends the wasm MIME type
  // (instantiateStreaming rejects any other).
  const inst = /^application\/wasm/.test(r.headers.get("content-type") || "")
    ? (await WebAssembly.instantiateStreaming(r, go.importObject)).instance
    : (await WebAssembly.instantiate(await r.arrayBuffer(), go.importObject)).instance;
  t.push(performance.now());
  go.run(inst); // main() publishes __factcheck, then blocks: run returns
  const fc = self.__factcheck;
  const bytes = new Uint8Array(await corpus);
  t.push(performance.now());
  const res = fc.load(bytes);
  if (!res.ok) throw new Error(res.error);
  t.push(performance.now());
  // Where a cold start goes: download+compile, Go start (+ corpus wait), decode.
  const ms = { compileMs: t[1] - t[0], startMs: t[2] - t[1], loadMs: t[3] - t[2] };
  return { fc, info: Object.assign(fc.version(), ms) };
}

// decode turns the Go side's record string (see wasm/widget/results.go)
// into sentences, each with matches; a search's matches come out at the
// top level.
function decode(s) {
  const out = [];
  let sent = null, m = null;
  for (const r of s ? s.split("\x1e") : []) {
    const f = r.split("\x1f");
    const span = (o) => Object.assign(o, { start: +f[4], end: +f[5] });
    if (f[0] === "S") out.push(sent = { start: +f[1], end: +f[2], text: f[3], matches: [] });
    else if (f[0] === "M") {
      m = { id: f[1], claim: f[2], title: f[3], rating: f[4], verdict: f[5], publisher: f[6], site: f[7], url: f[8],
        reviewDate: f[9], claimant: f[10], claimDate: f[11], score: +f[12], tier: f[13], summary: f[14], flags: [], evidence: [] };
      (sent ? sent.matches : out).push(m);
    } else if (f[0] === "F") m.flags.push(span({ kind: f[1], page: f[2], claim: f[3] }));
    else if (f[0] === "E") m.evidence.push(span({ kind: f[1], text: f[2], claim: f[3] }));
  }
  return out;
}

self.onmessage = async (e) => {
  const m = e.data;
  if (m.type === "init") {
    ready = init(m);
    ready.then(
      (r) => postMessage({ type: "ready", info: r.info }),
      (err) => postMessage({ type: "error", error: String(err && err.message || err) })
    );
    return;
  }
  let out;
  try {
    const { fc } = await ready;
    const t0 = performance.now();
    out = m.type === "check" ? fc.checkArticle(m.text, m.date || "", m.lang || "") : fc.search(m.text, m.k || 5, m.lang || "");
    if (out.ok) {
      if (m.type === "check") out.sentences = decode(out.sentences);
      else out.matches = decode(out.matches);
    }
    out.ms = performance.now() - t0;
  } catch (err) {
    out = { ok: false, error: String(err && err.message || err) };
  }
  postMessage({ type: "result", id: m.id, result: out });
};
