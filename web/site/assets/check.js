// Progressive enhancement of /check: when the widget has loaded (it defines
// <fact-check-article>), the text is checked in this browser by handing it
// to the widget, and nothing is sent. Without the widget the form posts to
// the server as usual; on a static copy of the site there is no server, so
// the page says the widget is needed.
const form = document.getElementById("check-form");
const live = document.getElementById("check-live");
const status = document.getElementById("check-status");
form.setAttribute("data-enhanced", ""); // the script ran (tests rely on it)

form.addEventListener("submit", (e) => {
  const widget = customElements.get("fact-check-article");
  if (!widget && !form.hasAttribute("data-static")) return; // server renders
  e.preventDefault();
  if (!widget) {
    status.textContent = "The widget did not load, so this static page cannot check text.";
    status.hidden = false;
    return;
  }
  const old = document.getElementById("check-results");
  if (old) old.remove(); // server results of an earlier post
  const el = document.createElement("fact-check-article");
  const date = form.elements.date.value;
  if (date) el.setAttribute("data-date", date);
  // Paragraphs become <p>s; set as text, never as HTML.
  for (const para of form.elements.text.value.split(/\n\s*\n/)) {
    if (!para.trim()) continue;
    const p = document.createElement("p");
    p.textContent = para;
    el.append(p);
  }
  live.replaceChildren(el);
  live.hidden = false;
  status.textContent = "Checked in your browser: highlighted sentences match a fact-check.";
  status.hidden = false;
});
