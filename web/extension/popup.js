// The popup: checks the selection of the current tab, else the page's main
// text, or a pasted claim, with the widget's loader (factcheck.js, started
// in this page: its Web Worker runs the wasm) and lists the matches as the
// widget's cards (factcheck.card). It can also highlight the page in place.
//
// Test hook: popup.html?tab=ID checks tab ID instead of the active tab (a
// popup opened as a tab would otherwise find itself).
"use strict";

const $ = (id) => document.getElementById(id);
const state = (s, source) => { document.body.dataset.state = s; if (source) document.body.dataset.source = source; };
let tabId = null;

// startWidget loads factcheck.js with the chosen corpus and resolves to
// its corpus info.
async function startWidget() {
  const corpus = await corpusStore.get();
  const s = document.createElement("script");
  s.src = "factcheck.js";
  if (corpus.custom) s.dataset.corpus = corpus.url;
  await new Promise((resolve, reject) => {
    s.onload = resolve;
    s.onerror = () => reject(new Error("factcheck.js did not load"));
    document.head.append(s);
  });
  return window.factcheck.ready;
}

// inject runs content.js in the tab (once) and then func there.
async function inTab(func) {
  await chrome.scripting.executeScript({ target: { tabId }, files: ["content.js"] });
  const [r] = await chrome.scripting.executeScript({ target: { tabId }, func });
  return r && r.result;
}

function status(msg) { $("status").textContent = msg; }

// show lists each sentence with matches: the sentence, then its card.
function show(items, source) {
  $("results").replaceChildren(...items.map(({ text, matches }) => {
    const li = document.createElement("li"), q = document.createElement("p");
    li.dataset.fcId = matches[0].id;
    q.className = "sentence";
    q.textContent = "“" + text + "”";
    li.append(q, window.factcheck.card(matches[0], matches.slice(1)));
    return li;
  }));
  const n = items.length, what = { selection: "the selection", page: "this page", claim: "your claim" }[source];
  status(n ? n + (n === 1 ? " fact-checked claim" : " fact-checked claims") + " in " + what + "." : "No fact-checked claim found in " + what + ".");
  state("done", source);
}

async function checkText(text, date, lang, source) {
  state("checking", source);
  status("Checking…");
  const res = await window.factcheck.checkText(text, date, lang);
  show(res.sentences.filter((s) => s.matches.length), source);
}

// The in-page loader (factcheck.js injected by highlight) sends its worker
// messages here; they run on this page's worker.
chrome.runtime.onMessage.addListener((msg, sender, reply) => {
  const m = msg && msg.factcheck;
  if (!m || !sender.tab || sender.tab.id !== tabId) return false;
  const fc = window.factcheck;
  const res = (result) => ({ type: "result", id: m.id, result });
  const p = m.type === "info" ? fc.ready.then((info) => ({ type: "ready", info }))
    : m.type === "check" ? fc.checkText(m.text, m.date, m.lang).then(res)
    : fc.search(m.text, m.k, m.lang).then((matches) => res({ ok: true, matches }));
  p.catch((e) => m.type === "info" ? { type: "error", error: String(e.message) } : res({ ok: false, error: String(e.message) })).then(reply);
  return true;
});

async function highlight() {
  $("highlight").disabled = true;
  try {
    await chrome.scripting.executeScript({ target: { tabId }, files: ["factcheck.js"] });
    const n = await inTab(() => window.__factcheckExt.highlight());
    status("Highlighted " + n + (n === 1 ? " sentence" : " sentences") + " on the page.");
    document.body.dataset.highlighted = n;
  } catch (e) {
    status("Could not highlight this page: " + e.message);
  } finally {
    $("highlight").disabled = false;
  }
}

async function main() {
  const q = new URLSearchParams(location.search);
  // A context-menu selection is for the popup that the click opened, not
  // for one opened later on another tab.
  let { pending } = await chrome.storage.session.get("pending");
  if (pending) await chrome.storage.session.remove("pending");
  if (pending && !(Date.now() - pending.at < 60000)) pending = null;
  tabId = q.has("tab") ? +q.get("tab") : pending ? pending.tabId : (await chrome.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  const ready = startWidget();
  // activeTab lets the popup read the tab it was opened on; pages such as
  // chrome:// refuse, and then only the claim box works.
  const page = tabId == null ? null : await inTab(() => window.__factcheckExt.grab()).catch(() => null);
  try {
    const info = await ready;
    $("corpus").textContent = (info.corpus || "corpus") + ": " + info.claims + " claims";
  } catch (e) {
    status("The fact-check engine did not start: " + e.message);
    return state("error");
  }
  $("ask").addEventListener("submit", async (e) => {
    e.preventDefault();
    const text = $("claim").value.trim();
    if (!text) return;
    state("checking", "claim");
    const matches = await window.factcheck.search(text, 5, page ? page.lang : "");
    show(matches.length ? [{ text, matches }] : [], "claim");
  });
  $("highlight").hidden = !page;
  $("highlight").addEventListener("click", highlight);
  const sel = pending && pending.tabId === tabId ? pending.text : page && page.selection;
  if (sel) return checkText(sel, page ? page.date : "", page ? page.lang : "", "selection");
  if (page) return checkText(page.text, page.date, page.lang, "page");
  status("This page cannot be read; paste a claim above.");
  state("done");
}

main().catch((e) => { status("Error: " + e.message); state("error"); });
