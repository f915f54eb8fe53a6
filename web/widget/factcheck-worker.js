// Web Worker of the fact-check widget: runs the Go/wasm matcher off the
// page's main thread. It fetches only the widget's own assets and the
// corpus; the article text arrives by postMessage and never leaves.
//
// The corpus is a compiled index (.fcx, fetched whole) or, when its URL
// ends with "/", a sharded corpus (internal/shard): the worker then runs
// factcheck-shards.wasm, fetches the manifest, and fetches the parts each
// check names (gzip, read with DecompressionStream), a few at a time,
// until the check has what it needs. The Go side keeps what it was given.
"use strict";

let ready = null; // Promise of the loaded globalThis.__factcheck
let shards = "";  // base URL of a sharded corpus
let fetched = 0;  // bytes of corpus fetched, as sent
let memory = null; // the wasm instance's memory

async function init(m) {
  const t = [performance.now()];
  if (m.corpus.endsWith("/")) shards = m.corpus;
  const wasmURL = shards ? m.wasm.replace(/factcheck\.wasm$/, "factcheck-shards.wasm") : m.wasm;
  const wasm = retrying(() => request(wasmURL, "wasm")); // start both downloads before the sync import
  const corpus = shards ? part("manifest") : fetchBytes(m.corpus, "corpus");
  importScripts(m.exec);
  const go = new Go();
  const r = await wasm;
  // Compile while downloading when the server sends the wasm MIME type
  // (instantiateStreaming rejects any other).
  const inst = /^application\/wasm/.test(r.headers.get("content-type") || "")
    ? (await WebAssembly.instantiateStreaming(r, go.importObject)).instance
    : (await WebAssembly.instantiate(await r.arrayBuffer(), go.importObject)).instance;
  t.push(performance.now());
  memory = inst.exports.mem;
  go.run(inst); // main() publishes __factcheck, then blocks: run returns
  const fc = self.__factcheck;
  const bytes = await corpus; // a Uint8Array (fetchBytes, part)
  t.push(performance.now());
  const res = shards ? fc.open(bytes) : fc.load(bytes);
  if (!res.ok) throw new Error(res.error);
  t.push(performance.now());
  // Where a cold start goes: download+compile, Go start (+ corpus wait), decode.
  const ms = { compileMs: t[1] - t[0], startMs: t[2] - t[1], loadMs: t[3] - t[2] };
  return { fc, info: Object.assign(fc.version(), ms) };
}

// A request that fails on the way (no answer, a connection cut mid-body) or
// that a busy or restarting server answers (408, 429, 5xx) is made again,
// twice at most, after 0.25 s and then 1 s: an article fetches ~1,000 parts,
// and on a phone's network one of them failing once must not cost the
// reader the page. Any other answer, a missing file (404) say, is final: it
// does not mend by waiting. Corpus parts never change, so asking again is
// safe.
const retryDelays = [250, 1000];

function transient(r) {
  return r.status === 408 || r.status === 429 || r.status >= 500;
}

function pause(ms) {
  return new Promise((done) => setTimeout(done, ms));
}

// retrying calls attempt until it returns, throws an error marked final,
// or has failed retryDelays.length + 1 times; it throws the last error.
async function retrying(attempt) {
  for (let i = 0; ; i++) {
    try {
      return await attempt();
    } catch (e) {
      if (e.final || i === retryDelays.length) throw e;
    }
    await pause(retryDelays[i]);
  }
}

// request fetches url once (through the HTTP cache unless cache says
// otherwise): its answer when that is a success, else an error naming
// what, marked final when asking again would not help.
async function request(url, what, cache = "default") {
  let r;
  try {
    r = await fetch(url, { cache });
  } catch (e) {
    throw new Error(what + ": network error (" + (e && e.message || e) + ") for " + url);
  }
  if (r.ok) return r;
  throw Object.assign(new Error(what + ": HTTP " + r.status + " for " + url), { final: !transient(r) });
}

// fetchBytes fetches url's body, again after a transient failure, the
// body cut short included.
function fetchBytes(url, what, cache) {
  return retrying(async () => {
    const r = await request(url, what, cache);
    try {
      return new Uint8Array(await r.arrayBuffer());
    } catch (e) {
      throw new Error(what + ": body cut short (" + (e && e.message || e) + ") for " + url);
    }
  });
}

// part fetches a file of the sharded corpus, gunzipped (unless the server
// already decoded it). Claim records (c) and 4-gram buckets (g), two
// thirds to three quarters of an article's ~1,000 requests, go past the
// HTTP cache: writing an entry for each took a fifth of a fresh
// Chromium's time a request (TestRequestCost, docs/scale.md), and a later
// page finds few of them there (38 % of their bytes over the dev debates
// read in turn, against 81 % of the stem buckets', which stay cached).
async function part(name) {
  const kind = name.charAt(name.indexOf("/") + 1);
  let b = await fetchBytes(shards + name, "corpus part " + name, kind === "c" || kind === "g" ? "no-store" : "default");
  fetched += b.length;
  if (b[0] === 0x1f && b[1] === 0x8b) {
    try {
      b = new Uint8Array(await new Response(new Blob([b]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
    } catch (e) {
      throw new Error("corpus part " + name + ": damaged gzip (" + e.message + ")");
    }
  }
  return b;
}

// run calls f until it answers rather than naming parts to fetch; it
// fetches them, up to 64 at a time, and hands them to the Go side. cpu
// sums the time spent in Go, and cpu.rounds says where a check's time
// went: each round's parts, its time from asking to having them all, and
// of that the time spent adding them in Go. An article needs ~1,000
// small parts in five rounds: over HTTP/2 with a 30 ms round trip, 16 in
// flight would take ~2 s; over HTTP/1.1 the browser queues what its 6
// connections cannot take, so more in flight costs nothing there.
async function run(fc, f, cpu) {
  for (;;) {
    const t0 = performance.now();
    const out = f();
    const t1 = performance.now();
    cpu.ms += t1 - t0;
    if (!out.ok || out.need === undefined) return out;
    const names = out.need.split("\n"), round = { parts: names.length, ms: 0, addMs: 0 };
    let i = 0, failed = false; // after a part fails for good, the check has failed: fetch no more
    const next = async () => {
      while (i < names.length && !failed) {
        try {
          const name = names[i++], b = await part(name);
          const t2 = performance.now(), res = fc.add(name, b);
          round.addMs += performance.now() - t2;
          if (!res.ok) throw new Error(res.error);
        } catch (e) {
          failed = true;
          throw e;
        }
      }
    };
    await Promise.all(Array.from({ length: 64 }, next));
    round.ms = performance.now() - t1;
    cpu.ms += round.addMs;
    cpu.rounds.push(round);
  }
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
    const t0 = performance.now(), cpu = { ms: 0, rounds: [] }, before = fetched;
    out = await run(fc, m.type === "check" ? () => fc.checkArticle(m.text, m.date || "", m.lang || "") : () => fc.search(m.text, m.k || 5, m.lang || ""), cpu);
    if (out.ok) {
      if (m.type === "check") out.sentences = decode(out.sentences);
      else out.matches = decode(out.matches);
    }
    // ms: the whole call; cpuMs: in Go; rounds: its fetches (run);
    // fetchedBytes: corpus parts it fetched; wasmBytes: the wasm memory
    // after it.
    Object.assign(out, { ms: performance.now() - t0, cpuMs: cpu.ms, rounds: cpu.rounds, fetchedBytes: fetched - before, wasmBytes: memory.buffer.byteLength });
  } catch (err) {
    out = { ok: false, error: String(err && err.message || err) };
  }
  postMessage({ type: "result", id: m.id, result: out });
};
