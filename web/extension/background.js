// Service worker of the extension: the "Fact-check selection" context menu.
// It runs no matching itself (a service worker cannot start the Web Worker
// the wasm runs in); it hands the selection to the popup, which does.
"use strict";

const MENU_ID = "factcheck-selection";

chrome.runtime.onInstalled.addListener(() => {
  chrome.contextMenus.create({ id: MENU_ID, title: "Fact-check selection", contexts: ["selection"] });
});

// onMenuClick keeps the selection in session storage (memory only, never
// synced) for the popup, then opens the popup; where the browser refuses
// (no focused window, older Chrome), the popup opens in a small window of
// its own instead. Tests call it directly: a native menu cannot be clicked
// headlessly.
async function onMenuClick(info, tab) {
  if (info.menuItemId !== MENU_ID || !tab || !info.selectionText) return "";
  await chrome.storage.session.set({ pending: { text: info.selectionText, tabId: tab.id, at: Date.now() } });
  try {
    await chrome.action.openPopup({ windowId: tab.windowId });
    return "popup";
  } catch {
    await chrome.windows.create({ url: "popup.html?tab=" + tab.id, type: "popup", width: 440, height: 600 });
    return "window";
  }
}

chrome.contextMenus.onClicked.addListener((info, tab) => { onMenuClick(info, tab); });
self.onMenuClick = onMenuClick;
