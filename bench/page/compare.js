// The comparison page's logic. benchRun(cfg) loads one corpus into both
// engines, runs the same queries through both, one query at a time, and
// returns raw timings and ranked ids; the Go driver computes percentiles
// and MAP@5, so this file only measures.
import MiniSearch from "/vendor/minisearch/index.js";

// MiniSearch as its documentation sets it up: default tokenizer and term
// processing, prefix and fuzzy off (the defaults), OR of the query terms.
const MS_OPTIONS = { fields: ["text"], idField: "id" };
const MS_SEARCH = {};

const now = () => performance.now();
// gc is exposed by --js-flags=--expose-gc; without it the heap figures
// include garbage and are only indicative.
const collect = () => { if (typeof gc === "function") { gc(); gc(); } };
const heap = () => (performance.memory ? performance.memory.usedJSHeapSize : -1);

// ours drives the widget's worker (bench-worker.js wraps it unchanged).
function ours() {
  const w = new Worker("/bench/page/bench-worker.js");
  const pending = new Map();
  let seq = 0, onReady;
  const ready = new Promise((res, rej) => { onReady = { res, rej }; });
  w.onmessage = (e) => {
    const m = e.data;
    if (m.type === "ready") return onReady.res(m.info);
    if (m.type === "error") return onReady.rej(new Error(m.error));
    const p = pending.get(m.id);
    pending.delete(m.id);
    p(m.result);
  };
  w.onerror = (e) => onReady.rej(new Error("worker: " + e.message));
  const call = (msg) => new Promise((res) => {
    msg.id = ++seq;
    pending.set(msg.id, res);
    w.postMessage(msg);
  });
  return { w, ready, call };
}

async function json(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(url + ": HTTP " + r.status);
  return r.text();
}

window.benchRun = async (cfg) => {
  const out = { crossOriginIsolated: self.crossOriginIsolated, userAgent: navigator.userAgent,
    gc: typeof gc === "function", preciseMemory: !!performance.memory, minisearchOptions: MS_OPTIONS,
    minisearchSearchOptions: MS_SEARCH };
  const queries = JSON.parse(await json(cfg.queries));

  // --- ours: start the worker, wait for the index to be decoded ----------
  let t = now();
  const fc = ours();
  fc.w.postMessage({ type: "init", exec: "/fc/wasm_exec.js", wasm: "/fc/factcheck.wasm", corpus: cfg.corpus });
  window.__progress = "worker init";
  const info = await fc.ready;
  window.__progress = "minisearch build";
  out.ours = { readyMs: now() - t, info, wasmMemoryBytes: (await fc.call({ type: "mem" })).bytes };

  // --- MiniSearch: parse the documents, build, serialise, reload ---------
  collect();
  const heap0 = heap();
  t = now();
  const docs = JSON.parse(await json(cfg.docs));
  const fetchParseMs = now() - t;
  collect();
  const heap1 = heap();
  t = now();
  let ms = new MiniSearch(MS_OPTIONS);
  ms.addAll(docs);
  const buildMs = now() - t;
  collect();
  const heap2 = heap();
  t = now();
  const serial = JSON.stringify(ms);
  const serializeMs = now() - t;
  t = now();
  const reloaded = MiniSearch.loadJSON(serial, MS_OPTIONS);
  const loadJSONMs = now() - t;
  out.minisearch = { docs: docs.length, fetchParseMs, buildMs, serializeMs, loadJSONMs, serializedBytes: serial.length,
    heapDocsBytes: heap1 - heap0, heapIndexBytes: heap2 - heap1 };
  // The timed searches use the index built by addAll; the reloaded copy is
  // only timed, then dropped.
  void reloaded;

  // --- the same queries, one at a time, alternating engines --------------
  // Pass 0 warms both JITs (V8's for MiniSearch, Liftoff -> TurboFan for
  // the wasm) and is not timed; the ranked ids come from pass 1.
  const o = { inWorker: [], roundTrip: [], ids: {} }, m = { ms: [], ids: {} };
  for (let pass = 0; pass <= cfg.passes; pass++) {
    for (const [i, q] of queries.entries()) {
      window.__progress = "query pass " + pass + " #" + i;
      t = now();
      const r = await fc.call({ type: "search", text: q.text, k: 5 });
      const rtt = now() - t;
      if (!r.ok) throw new Error("search: " + r.error);
      t = now();
      const hits = ms.search(q.text, MS_SEARCH);
      const msT = now() - t;
      if (pass === 0) continue;
      o.inWorker.push(r.ms);
      o.roundTrip.push(rtt);
      m.ms.push(msT);
      if (pass === 1) {
        o.ids[q.id] = r.matches.map((x) => x.id);
        m.ids[q.id] = hits.slice(0, 5).map((x) => String(x.id));
      }
    }
  }
  out.ours.search = o;
  out.minisearch.search = m;

  // --- a 1,000-word article ----------------------------------------------
  // Ours: checkArticle (sentence split + match + encode). MiniSearch has no
  // article mode: split with Intl.Segmenter and search every sentence.
  const seg = new Intl.Segmenter("en", { granularity: "sentence" });
  const oa = { inWorker: [], engine: [], roundTrip: [], matched: 0 }, ma = { ms: [], sentences: 0 };
  for (let i = 0; i <= cfg.articleRuns; i++) {
    window.__progress = "article run " + i;
    t = now();
    const r = await fc.call({ type: "check", text: cfg.article, date: "2025-11-05" });
    const rtt = now() - t;
    if (!r.ok) throw new Error("check: " + r.error);
    t = now();
    let n = 0;
    for (const s of seg.segment(cfg.article)) {
      ms.search(s.segment, MS_SEARCH).slice(0, 5);
      n++;
    }
    const msT = now() - t;
    if (i === 0) { oa.first = r.ms; ma.first = msT; continue; }
    oa.inWorker.push(r.ms);
    oa.engine.push(r.engineMs);
    oa.roundTrip.push(rtt);
    oa.matched = r.sentences.length;
    ma.ms.push(msT);
    ma.sentences = n;
  }
  out.ours.article = oa;
  out.minisearch.article = ma;
  out.ours.wasmMemoryBytesAfter = (await fc.call({ type: "mem" })).bytes;
  fc.w.terminate();
  ms = null;
  document.getElementById("status").textContent = "done";
  return out;
};
window.benchReady = true;
document.getElementById("status").textContent = "ready";
