// Worker entry for the fact-check API. It replaces the worker.mjs that
// workers-assets-gen generates: that one starts a new Go instance for every
// request (11-30 ms each, decoding the corpus every time). This one starts the
// Go program once per isolate and sends every request to the same instance;
// main.go keeps the program running instead of exiting after one response.
//
// wasm_exec.js (Go's, patched by syumai/workers to pass a runtime context)
// and runtime.mjs (which imports app.wasm) come from workers-assets-gen.
import "./wasm_exec.js";
import { createRuntimeContext, loadModule } from "./runtime.mjs";

// syumai/workers' Go side calls this to turn JS exceptions into Go errors.
globalThis.tryCatch = (fn) => {
  try {
    return { result: fn() };
  } catch (e) {
    return { error: e };
  }
};

// The running instance: a promise of the binding object on which the Go
// program registers handleRequest. Reset when the program exits.
let instance;

// start runs the Go program and resolves to its binding once it is ready;
// gone is called if the program exits.
async function start(env, ctx, gone) {
  const mod = await loadModule();
  const go = new Go();
  const binding = {};
  let ready;
  const readyPromise = new Promise((resolve) => {
    ready = resolve;
  });
  const wasm = new WebAssembly.Instance(mod, {
    ...go.importObject,
    workers: { ready: () => ready() },
  });
  // env (Worker variables) is the same for every request of an isolate; ctx
  // is the first request's, and the Go side does not use it.
  const exited = go.run(wasm, createRuntimeContext({ env, ctx, binding }));
  // A Go program that exits (a fatal error) cannot serve again: forget it so
  // the next request starts a fresh one instead of failing forever.
  exited.then(gone, gone).then(() =>
    console.warn("factcheck worker: the Go program exited; the next request starts a new instance"),
  );
  const early = exited.then(() => {
    throw new Error("Go program exited before it was ready");
  });
  early.catch(() => {}); // only an error while waiting for ready below
  await Promise.race([readyPromise, early]);
  // One line per isolate (wrangler tail, logs); the integration test counts them.
  console.log("factcheck worker: Go instance ready");
  return binding;
}

async function fetch(req, env, ctx) {
  if (instance === undefined) {
    const p = start(env, ctx, () => {
      if (instance === p) instance = undefined;
    });
    p.catch(() => {
      if (instance === p) instance = undefined;
    });
    instance = p;
  }
  const binding = await instance;
  return binding.handleRequest(req);
}

export default { fetch };
