// Fact-check widget loader. Embed with
//   <script src="https://host/factcheck/factcheck.js" defer></script>
// It checks <article data-factcheck> (or the elements matched by the script's
// data-factcheck-selector, or <fact-check-article>) in a Web Worker running
// the Go/wasm matcher, wraps matched sentences in <mark class="fc-hl"> and
// shows a card on hover, focus or tap. It fetches only its own assets and
// the corpus (data-corpus); page text never leaves the browser.
(() => {
  "use strict";
  // An injector (the browser extension, web/extension) has no script
  // element: it sets window.factcheckHost = {worker} first, a Worker-like
  // port to its own worker, and calls check() itself (no scan).
  const ext = window.factcheckHost, script = document.currentScript;
  if (!(ext || script) || window.factcheck) return; // a module or a second copy
  const t0 = performance.now();
  performance.mark("factcheck:start");
  const cfg = ext ? {} : script.dataset;
  const asset = (name) => new URL(name, script.src).href;
  const MAX_CHARS = 2 << 20; // the engine checks the first 2 MiB of an article

  // --- worker -----------------------------------------------------------
  const pending = new Map();
  let seq = 0, failure = null, readyResolve, readyReject;
  const ready = new Promise((res, rej) => { readyResolve = res; readyReject = rej; });
  ready.catch(() => {});
  const fail = (msg) => {
    failure = new Error("factcheck: " + msg);
    readyReject(failure);
    pending.forEach((p) => p.reject(failure));
    pending.clear();
  };
  let worker;
  try {
    worker = ext ? ext.worker : startWorker();
    // A worker script that fails to load (404, CSP) errors here, not by message.
    worker.onerror = (e) => { e.preventDefault(); fail("worker: " + (e.message || "failed to load")); };
    worker.onmessage = (e) => {
      const m = e.data;
      if (m.type === "ready") { performance.mark("factcheck:ready"); return readyResolve(m.info); }
      if (m.type === "error") return fail(m.error);
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (p) m.result.ok ? p.resolve(m.result) : p.reject(new Error("factcheck: " + m.result.error));
    };
  } catch (err) {
    fail("worker: " + err.message);
  }

  function startWorker() {
    let url = asset("factcheck-worker.js");
    // A worker script must be same-origin: from a CDN, start a blob shim
    // that imports it (classic workers may import cross-origin scripts).
    if (new URL(url).origin !== location.origin) {
      const src = "importScripts(" + JSON.stringify(url) + ")";
      url = URL.createObjectURL(new Blob([src], { type: "text/javascript" }));
    }
    const w = new Worker(url);
    const corpus = cfg.corpus ? new URL(cfg.corpus, document.baseURI).href : asset("default.fcx");
    w.postMessage({ type: "init", exec: asset("wasm_exec.js"), wasm: asset("factcheck.wasm"), corpus });
    return w;
  }

  function call(msg) {
    if (failure) return Promise.reject(failure);
    return new Promise((resolve, reject) => {
      msg.id = ++seq;
      pending.set(msg.id, { resolve, reject });
      worker.postMessage(msg);
    });
  }

  // Yield to the page every few ms so a huge article never blocks input.
  let deadline = 0;
  const tick = () => performance.now() > deadline ? new Promise((r) => setTimeout(r, 0)).then(() => { deadline = performance.now() + 8; }) : null;

  // --- text extraction ----------------------------------------------------
  const SKIP = new Set("SCRIPT STYLE NOSCRIPT TEMPLATE TEXTAREA SELECT OPTION BUTTON IFRAME OBJECT CANVAS SVG MATH".split(" "));
  const BLOCK = new Set(("ADDRESS ARTICLE ASIDE BLOCKQUOTE BR DD DETAILS DIV DL DT FIGCAPTION FIGURE FOOTER FORM " +
    "H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION SUMMARY TABLE TD TH TR UL FACT-CHECK-ARTICLE").split(" "));
  const isBlock = (n) => n.nodeType === 1 && BLOCK.has(n.tagName);

  // extract returns the article's text (blocks separated by "\n" so
  // sentences never run across paragraphs) and, for each text node, where
  // its data starts in that text. Line breaks inside a text node become
  // spaces (HTML source wrapping is not a sentence boundary); lengths are
  // unchanged so offsets map 1:1 back to the nodes.
  async function extract(root) {
    const nodes = [], starts = [], parts = [];
    let len = 0, brk = false, count = 0, n = root.firstChild;
    while (n && len < MAX_CHARS) {
      let down = false;
      if (n.nodeType === 3) {
        // White space between blocks is dropped; between inline elements
        // ("<em>a</em> <b>b</b>") it separates words and is kept.
        if (!brk || n.data.trim()) {
          if (brk && len) { parts.push("\n"); len++; }
          brk = false;
          nodes.push(n); starts.push(len);
          parts.push(n.data.replace(/[\n\r\t\f]/g, " "));
          len += n.data.length;
        }
      } else if (n.nodeType === 1 && !SKIP.has(n.tagName.toUpperCase()) && !n.hidden && n.getAttribute("aria-hidden") !== "true" && !n.classList.contains("fc-hl")) {
        if (BLOCK.has(n.tagName)) brk = true;
        down = !!n.firstChild;
      }
      if (down) n = n.firstChild;
      else {
        while (n !== root && !n.nextSibling) { n = n.parentNode; if (isBlock(n)) brk = true; }
        n = n === root ? null : n.nextSibling;
      }
      if (++count % 256 === 0) await tick();
    }
    return { text: parts.join(""), nodes, starts };
  }

  // --- highlighting -------------------------------------------------------
  const groups = new WeakMap(); // mark -> {s: sentence result, marks}

  // wrap puts the text of each matched sentence into <mark> pieces, one per
  // text node it covers, so links and emphasis around it stay intact. It
  // goes back to front so splitting a node never moves earlier offsets.
  async function wrap(ex, sentences) {
    for (let i = sentences.length - 1; i >= 0; i--) {
      const s = sentences[i], m = s.matches[0], g = { s, marks: [] };
      let lo = 0, hi = ex.starts.length; // first node starting after s.start
      while (lo < hi) { const mid = (lo + hi) >> 1; ex.starts[mid] <= s.start ? lo = mid + 1 : hi = mid; }
      const pieces = [];
      for (let k = Math.max(lo - 1, 0); k < ex.nodes.length && ex.starts[k] < s.end; k++) {
        const node = ex.nodes[k], a = Math.max(s.start - ex.starts[k], 0), b = Math.min(s.end - ex.starts[k], node.data.length);
        if (b > a) pieces.push([node, a, b]);
      }
      for (let j = pieces.length - 1; j >= 0; j--) {
        const [node, a, b] = pieces[j];
        if (b < node.data.length) node.splitText(b);
        const mid = a > 0 ? node.splitText(a) : node;
        const mk = document.createElement("mark");
        mk.className = "fc-hl";
        mk.dataset.fcId = m.id;
        mk.dataset.fcTier = m.tier;
        mk.dataset.fcVerdict = m.verdict;
        mid.parentNode.replaceChild(mk, mid);
        mk.appendChild(mid);
        g.marks.unshift(mk);
        groups.set(mk, g);
      }
      // One tab stop per sentence: its first piece is the button.
      const first = g.marks[0];
      if (first) {
        first.tabIndex = 0;
        first.setAttribute("role", "button");
        first.setAttribute("aria-haspopup", "dialog");
        first.setAttribute("aria-expanded", "false");
        first.setAttribute("aria-description", "Fact-checked: " + (m.rating || m.verdict));
      }
      await tick();
    }
  }

  function articleDate(el) {
    const iso = (s) => /^\d{4}-\d{2}-\d{2}/.test(s || "") ? s.slice(0, 10) : "";
    const time = (r) => r.querySelector("time[datetime]")?.getAttribute("datetime");
    const meta = document.querySelector('meta[property="article:published_time"]')?.content;
    return iso(el.dataset.date) || iso(cfg.date) || iso(time(el)) || iso(meta) || iso(time(document));
  }

  const seen = new WeakSet();
  async function check(el) {
    if (seen.has(el)) return null;
    seen.add(el);
    el.setAttribute("data-fc-state", "checking");
    try {
      deadline = performance.now() + 8;
      const ex = await extract(el);
      performance.mark("factcheck:extracted");
      const date = articleDate(el);
      el.setAttribute("data-fc-date", date);
      // The article's language: its data-lang, the script's, else the
      // lang attribute it inherits (<html lang>), as HTML defines it.
      const lang = el.dataset.lang || cfg.lang || el.closest("[lang]")?.lang || "";
      const res = await call({ type: "check", text: ex.text, date, lang });
      performance.mark("factcheck:checked");
      await wrap(ex, res.sentences);
      performance.mark("factcheck:highlighted");
      el.setAttribute("data-fc-state", "done");
      const detail = { matched: res.sentences.length, checkMs: res.ms, goMs: res.cpuMs, rounds: res.rounds, totalMs: performance.now() - t0 };
      el.dispatchEvent(new CustomEvent("factcheck:done", { bubbles: true, detail }));
      return detail;
    } catch (err) {
      el.setAttribute("data-fc-state", "error");
      console.warn(err);
      throw err;
    }
  }

  function scan() {
    const sel = cfg.factcheckSelector || "article[data-factcheck]";
    document.querySelectorAll(sel + ",fact-check-article").forEach((el) => check(el).catch(() => {}));
  }

  // --- card -----------------------------------------------------------------
  const COLORS = { true: "#1e7b34", "mostly-true": "#4d7c0f", mixed: "#a15c00", "mostly-false": "#c2410c", false: "#b3261e", unproven: "#5f6368", unknown: "#5f6368" };
  const FLAG_WORDS = { "numbers-differ": "Numbers differ", "date-differs": "Date differs", "entity-differs": "Names differ", negation: "Says the opposite", disputes: "Disputes this claim" };
  let host, ui, cur = null, pinned = false, hideTimer = 0, refocusing = false;

  // cardDOM makes a card's shadow DOM: the page's singleton (buildCard) or
  // a static one for factcheck.card (the extension's popup list).
  function cardDOM() {
    const h = document.createElement("div");
    h.setAttribute("data-fc-card", "");
    const root = h.attachShadow({ mode: "open" });
    // Static markup only: corpus text is set with textContent below.
    root.innerHTML = `<style>
:host{all:initial}
.card{position:fixed;z-index:2147483647;box-sizing:border-box;width:min(380px,calc(100vw - 16px));max-height:calc(100vh - 16px);overflow:auto;background:#fff;color:#1f1f1f;
border:1px solid #c9c9c9;border-radius:10px;box-shadow:0 8px 28px rgba(0,0,0,.2);padding:12px 14px;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
.card[hidden]{display:none}.top{display:flex;align-items:center;gap:8px}
.badge{padding:2px 10px;border-radius:999px;color:#fff;font-weight:700;font-size:13px;background:var(--c)}
.tier{font-size:12px;color:#555}.x{margin-left:auto;border:0;background:none;font-size:20px;line-height:1;cursor:pointer;color:#444;padding:2px 6px;border-radius:4px}
p{margin:8px 0}.sum{font-weight:600}.claim{padding-left:9px;border-left:3px solid var(--c)}
.meta,.more{font-size:13px;color:#555}.flags{margin:6px 0;padding-left:18px;font-size:13px;color:#8a3b00}.flags:empty{display:none}
.static{position:static;width:auto;max-height:none;box-shadow:none}a{color:#0b57d0}.x:focus-visible,a:focus-visible{outline:2px solid #0b57d0;outline-offset:2px}
</style><div class="card" role="dialog" aria-modal="false" aria-labelledby="sum" hidden>
<div class="top"><span class="badge"></span><span class="tier"></span><button class="x" type="button" aria-label="Close fact-check">×</button></div>
<p class="sum" id="sum"></p><p class="claim"></p><ul class="flags"></ul><p class="meta"></p>
<p><a class="link" target="_blank" rel="noopener noreferrer">Read the fact-check</a></p><div class="more"></div></div>`;
    const q = (c) => root.querySelector(c);
    return { h, root, card: q(".card"), badge: q(".badge"), tier: q(".tier"), x: q(".x"), sum: q(".sum"), claim: q(".claim"), flags: q(".flags"), meta: q(".meta"), link: q(".link"), more: q(".more") };
  }

  function buildCard() {
    ui = cardDOM();
    host = ui.h;
    const root = ui.root;
    ui.x.addEventListener("click", () => close(true));
    ui.card.addEventListener("mouseenter", () => clearTimeout(hideTimer));
    ui.card.addEventListener("mouseleave", () => pinned || later(close));
    ui.card.addEventListener("keydown", (e) => {
      if (e.key === "Escape") { e.stopPropagation(); close(true); }
      // Tabbing out of the card returns to its sentence, not to the page end.
      const f = [...root.querySelectorAll("a[href],button")].filter((x) => !x.closest("[hidden]"));
      if (e.key === "Tab" && (e.shiftKey ? root.activeElement === f[0] : root.activeElement === f[f.length - 1])) {
        e.preventDefault(); close(true);
      }
    });
    document.body.appendChild(host);
  }

  const safeURL = (u) => { try { const x = new URL(u); return /^https?:$/.test(x.protocol) ? x.href : ""; } catch { return ""; } };
  const text = (el, s) => { el.textContent = s || ""; el.hidden = !s; };

  function fill(ui, m, others) {
    ui.card.style.setProperty("--c", COLORS[m.verdict] || COLORS.unknown);
    ui.badge.textContent = m.rating || m.verdict;
    ui.tier.textContent = m.tier === "match" ? "Fact-checked claim" : "Related fact-check";
    ui.sum.textContent = m.summary;
    text(ui.claim, m.claim ? "Claim checked: “" + m.claim + "”" : "");
    ui.flags.replaceChildren(...m.flags.map((f) => {
      const li = document.createElement("li");
      li.textContent = (FLAG_WORDS[f.kind] || f.kind) + (f.kind === "disputes" ? (f.page ? ": “" + f.page + "”" : "") : f.page || f.claim ? ": page says " + f.page + ", fact-check says " + f.claim : "");
      return li;
    }));
    text(ui.meta, [m.publisher && "By " + m.publisher, m.reviewDate, m.claimant && "claim by " + m.claimant].filter(Boolean).join(" · "));
    const href = safeURL(m.url);
    ui.link.parentNode.hidden = !href;
    href ? ui.link.setAttribute("href", href) : ui.link.removeAttribute("href");
    ui.more.replaceChildren(...others.map((o) => {
      const p = document.createElement("p"), a = document.createElement(safeURL(o.url) ? "a" : "span");
      a.textContent = o.claim;
      if (a.tagName === "A") { a.href = safeURL(o.url); a.target = "_blank"; a.rel = "noopener noreferrer"; }
      p.append("Also checked (" + (o.rating || o.verdict) + "): ", a);
      return p;
    }));
  }

  // place puts the card below the sentence, or above when there is more
  // room there, kept inside the viewport (it scrolls when taller).
  function place() {
    if (!cur) return;
    const r = cur.marks[0].getBoundingClientRect(), c = ui.card, h = c.offsetHeight, w = c.offsetWidth;
    const top = innerHeight - r.bottom >= Math.min(h + 8, r.top) ? r.bottom + 8 : r.top - h - 8;
    c.style.top = Math.max(8, Math.min(top, innerHeight - h - 8)) + "px";
    c.style.left = Math.max(8, Math.min(r.left, innerWidth - w - 8)) + "px";
  }

  function open(g, pin) {
    if (!host) buildCard();
    clearTimeout(hideTimer);
    if (cur !== g) {
      close(false);
      cur = g;
      fill(ui, g.s.matches[0], g.s.matches.slice(1));
      g.marks.forEach((mk) => mk.classList.add("fc-active"));
      g.marks[0].setAttribute("aria-expanded", "true");
    }
    pinned = pinned || pin;
    ui.card.hidden = false;
    place();
  }

  function close(refocus) {
    clearTimeout(hideTimer);
    if (!cur) return;
    const g = cur;
    cur = null; pinned = false;
    ui.card.hidden = true;
    g.marks.forEach((mk) => mk.classList.remove("fc-active"));
    g.marks[0].setAttribute("aria-expanded", "false");
    if (refocus) { refocusing = true; g.marks[0].focus(); refocusing = false; } // no reopen on focusin
  }

  const later = (f) => { clearTimeout(hideTimer); hideTimer = setTimeout(f, 250); };
  const groupOf = (t) => t instanceof Element && groups.get(t.closest("mark.fc-hl"));

  document.addEventListener("mouseover", (e) => { const g = groupOf(e.target); if (g) open(g, false); });
  document.addEventListener("mouseout", (e) => { if (groupOf(e.target) && !pinned && e.relatedTarget !== host) later(() => close(false)); });
  document.addEventListener("focusin", (e) => { const g = groupOf(e.target); if (g && !refocusing) open(g, false); });
  document.addEventListener("focusout", (e) => { if (groupOf(e.target) && !pinned && e.relatedTarget !== host) later(() => close(false)); });
  document.addEventListener("click", (e) => {
    const g = groupOf(e.target);
    if (g) return g === cur && pinned && !e.target.closest("a") ? close(false) : open(g, true);
    if (cur && e.target !== host) close(false);
  });
  document.addEventListener("keydown", (e) => {
    const g = groupOf(e.target);
    if (g && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      open(g, true);
      (ui.link.parentNode.hidden ? ui.x : ui.link).focus();
    } else if (e.key === "Escape" && cur) close(g === cur || e.target === host);
  });
  addEventListener("scroll", place, { passive: true });
  addEventListener("resize", place, { passive: true });

  // Highlight styles live in the page (the marks do); :where() keeps them
  // easy for the page to override.
  const style = document.createElement("style");
  style.textContent = `:where(mark.fc-hl){background:rgba(255,210,0,.22);color:inherit;border-bottom:2px solid var(--fc-c,#5f6368);cursor:pointer;border-radius:2px}
:where(mark.fc-hl[data-fc-tier=related]){background:rgba(128,128,128,.12);border-bottom-style:dashed}
:where(mark.fc-hl.fc-active){background:rgba(255,210,0,.5)}:where(mark.fc-hl:focus-visible){outline:2px solid #0b57d0;outline-offset:1px}
` + Object.keys(COLORS).map((v) => `:where(mark.fc-hl[data-fc-verdict=${v}]){--fc-c:${COLORS[v]}}`).join("");
  document.head.appendChild(style);

  // --- start --------------------------------------------------------------
  if (window.customElements && !customElements.get("fact-check-article")) {
    customElements.define("fact-check-article", class extends HTMLElement {
      connectedCallback() {
        // Children are parsed after the element connects; wait for them.
        document.readyState === "loading" ? addEventListener("DOMContentLoaded", () => check(this).catch(() => {})) : check(this).catch(() => {});
      }
    });
  }
  if (!ext) document.readyState === "loading" ? addEventListener("DOMContentLoaded", scan) : scan();

  window.factcheck = {
    ready,
    check,
    // checkText runs the matcher on any text (offsets are UTF-16 indices).
    // lang is a BCP 47 tag ("pt-BR"); "" or none detects it from the text.
    checkText: (text, date, lang) => call({ type: "check", text: String(text), date: date || "", lang: lang || "" }),
    search: (q, k, lang) => call({ type: "search", text: String(q), k: k || 5, lang: lang || "" }).then((r) => r.matches),
    version: () => ready,
    // card renders a match (and the others for its sentence) as a static
    // card element, the look of the page's card.
    card: (m, others) => {
      const c = cardDOM();
      fill(c, m, others || []);
      c.card.classList.add("static");
      c.card.role = "article";
      c.card.hidden = false;
      c.x.hidden = true;
      return c.h;
    },
  };
})();
