// The corpus setting, shared by the popup and the options page. A loaded
// index file is kept in chrome.storage.local (base64: the storage holds JSON
// values only) and never leaves the browser.
"use strict";

const corpusStore = {
  // get returns {custom: false} or {custom: true, name, claims, size, url}
  // where url is a blob: URL of the index for the loader's data-corpus.
  async get() {
    const s = await chrome.storage.local.get(["corpus", "corpusName", "corpusClaims", "corpusData"]);
    if (s.corpus !== "custom" || !s.corpusData) return { custom: false };
    const bytes = Uint8Array.from(atob(s.corpusData), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: "application/octet-stream" }));
    return { custom: true, name: s.corpusName, claims: s.corpusClaims, size: bytes.length, url };
  },
  async setCustom(bytes, info) {
    // btoa takes a binary string; build it in chunks (argument count limits).
    let bin = "";
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    await chrome.storage.local.set({ corpus: "custom", corpusName: info.corpus || "", corpusClaims: info.claims, corpusData: btoa(bin) });
  },
  async setBundled() {
    await chrome.storage.local.set({ corpus: "bundled" });
    await chrome.storage.local.remove(["corpusName", "corpusClaims", "corpusData"]);
  },
};
