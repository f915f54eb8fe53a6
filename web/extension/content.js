// Injected into the tab (isolated world) by the popup, with activeTab: reads
// the selection or the page's main text, and prepares in-page highlighting
// with the widget's own factcheck.js, injected after this file. The loader
// then talks to the popup's worker through a Worker-like port
// (window.factcheckHost, see web/widget/factcheck.js) instead of starting a
// worker in the page, so the page's CSP and origin do not matter and no
// extension file has to be web-accessible.
"use strict";

if (!window.__factcheckExt) {
  // main is the element whose text counts as the page's: the widget's
  // article if the page embeds it, else the only <article>, <main>, the
  // role=main element, or the body.
  const main = () => {
    const arts = document.querySelectorAll("article");
    return document.querySelector("article[data-factcheck],fact-check-article") ||
      (arts.length === 1 ? arts[0] : null) || document.querySelector("main,[role=main]") || document.body;
  };
  // date is the page's publication date when it states one (relative dates
  // such as "on Tuesday" are resolved against it).
  const date = (el) => {
    const d = el.getAttribute("data-date") || document.querySelector('meta[property="article:published_time"]')?.content ||
      (el.querySelector("time[datetime]") || document.querySelector("time[datetime]"))?.getAttribute("datetime") || "";
    return /^\d{4}-\d{2}-\d{2}/.test(d) ? d.slice(0, 10) : "";
  };

  const port = {
    onmessage: null,
    onerror: null,
    postMessage(msg) {
      const deliver = (data) => this.onmessage && this.onmessage({ data });
      chrome.runtime.sendMessage({ factcheck: msg }).then(
        (r) => deliver(r || { type: "error", error: "the popup was closed" }),
        (e) => deliver({ type: "error", error: String(e.message || e) }));
    },
  };
  window.factcheckHost = { worker: port };

  window.__factcheckExt = {
    grab() {
      const el = main();
      return {
        selection: String(getSelection() || "").trim(),
        text: (el.innerText || "").slice(0, 2 << 20),
        date: date(el),
        // The language the main element inherits (<html lang>), as HTML
        // defines it; the engine detects it from the text when missing.
        lang: el.getAttribute("data-lang") || el.closest("[lang]")?.lang || "",
        title: document.title,
      };
    },
    // highlight runs the widget on the main element (factcheck.js must be
    // injected by now) and returns the number of highlighted sentences.
    async highlight() {
      port.postMessage({ type: "info" });
      const el = main();
      await window.factcheck.check(el);
      return el.querySelectorAll("mark.fc-hl[role=button]").length;
    },
  };
}
