// The rendering of <civic-journey>, which civickit.js defines and loads
// this module for: load(host) shows the host's decision (src="URL" or a
// <script type="application/json"> child) in host._box, the section in its
// shadow root. Nothing from a decision is written as HTML: every string
// goes through textContent, and links pass an allow-list.
const journeyWorkerURL = new URL("__CIVICKIT_JOURNEY_WORKER__", import.meta.url).href;

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

const STATUS = {
  done: "Done",
  current: "We are here",
  upcoming: "To come",
  skipped: "Skipped",
  "not-reached": "Not reached",
  "not-recorded": "Not recorded",
};

function longDate(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s || "");
  if (!m) return s || "";
  const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];
  return Number(m[3]) + " " + (months[Number(m[2]) - 1] || "") + " " + m[1];
}

// safeURL keeps http, https, mailto, tel and relative links; anything else
// (javascript:, data:, vbscript:) is dropped.
function safeURL(u) {
  if (typeof u !== "string" || !u) return "";
  const scheme = /^\s*([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(u);
  if (scheme && ["http", "https", "mailto", "tel"].indexOf(scheme[1].toLowerCase()) < 0) return "";
  if (/[\u0000-\u001f]/.test(u)) return "";
  return u;
}

let journeyWorker = null;
const journeyWaiting = new Map(); // request id -> element
let nextID = 1;

export function load(host) {
  const src = host.getAttribute("src");
  if (src) {
    const url = new URL(src, document.baseURI);
    fetch(url, { credentials: "same-origin" })
      .then((r) => { if (!r.ok) throw new Error("HTTP " + r.status); return r.text(); })
      .then((t) => data(host, t), (e) => error(host, "The decision could not be loaded (" + e.message + ")."));
    return;
  }
  const script = host.querySelector('script[type="application/json"]');
  if (script) data(host, script.textContent);
}

// data shows a summary at once; a raw decision (no steps) goes to the
// journey worker, which computes its summary with the Go journey code.
function data(host, text) {
  let j;
  try { j = JSON.parse(text); } catch (e) { error(host, "The decision's JSON is not valid."); return; }
  if (j && typeof j === "object" && !Array.isArray(j.steps) && (j.history || j.journey || j.council)) {
    explain(host, text);
    return;
  }
  show(host, j);
}

function explain(host, text) {
  let w;
  try {
    w = journeyWorker || (journeyWorker = new Worker(journeyWorkerURL));
  } catch (e) {
    error(host, "This decision cannot be shown here: the site's Content-Security-Policy must allow worker-src 'self'.");
    return;
  }
  const id = nextID++;
  journeyWaiting.set(id, host);
  w.onmessage = (ev) => {
    const m = ev.data || {};
    const h = journeyWaiting.get(m.id);
    journeyWaiting.delete(m.id);
    if (!h) return;
    if (m.error === "blocked") error(h, "This decision cannot be shown here: the site's Content-Security-Policy must allow 'wasm-unsafe-eval'.");
    else if (m.error) error(h, "The decision could not be read: " + m.error);
    else show(h, JSON.parse(m.summary));
  };
  w.postMessage({ id, decision: text });
}

function error(host, msg) {
  const p = el("p", "error", msg);
  p.setAttribute("role", "alert");
  host._box.replaceChildren(p);
}

function show(host, s) {
  if (!s || !Array.isArray(s.steps)) {
    error(host, "This is not a decision summary: give the output of civickit journey show --format json.");
    return;
  }
  host.summary = s;
  const box = host._box;
  box.replaceChildren();
  box.setAttribute("aria-label", "Decision journey: " + String(s.title || ""));
  const h = el(host.getAttribute("heading") || "h2", "title", String(s.title || ""));
  box.append(h);
  if (s.summary) box.append(el("p", "lede", String(s.summary)));
  const cur = s.steps.find((st) => st.status === "current");
  const facts = el("dl", "facts");
  if (cur) facts.append(el("dt", "", "We are here"), el("dd", "", String(cur.title) + (s.since ? " (since " + longDate(s.since) + ")" : "")));
  const next = s.steps.filter((st) => st.status === "upcoming");
  if (next.length) facts.append(el("dt", "", "This is next"), el("dd", "", String(next[0].title) + (next[0].due ? " (" + (next[0].due_label || "by") + " " + longDate(next[0].due) + ")" : "")));
  if (s.have_your_say) facts.append(el("dt", "", "Have your say"), el("dd", "", String(s.have_your_say)));
  box.append(facts);
  const ol = el("ol", "steps");
  for (const st of s.steps) {
    const li = el("li", "step " + String(st.status || ""));
    if (st.status === "current") li.setAttribute("aria-current", "step");
    const head = el("div", "step-head");
    head.append(el("span", "num", st.logic ? String(st.logic) : String(st.number)),
      el("span", "step-title", String(st.title || "")),
      el("span", "status", STATUS[st.status] || String(st.status || "")));
    li.append(head);
    if (st.date) li.append(el("p", "when", "On " + longDate(st.date)));
    if (st.due) li.append(el("p", "due", String(st.due_label || "Deadline") + ": " + longDate(st.due)));
    if (st.description) li.append(el("p", "desc", String(st.description)));
    if (st.status === "current" && st.have_your_say) li.append(el("p", "say", String(st.have_your_say)));
    ol.append(li);
  }
  box.append(ol);
  const more = el("p", "more");
  if (s.contact) more.append(el("span", "contact", "Contact: " + String(s.contact) + " "));
  const href = safeURL(s.url);
  if (href) {
    const a = el("a", "", "Read the decision");
    a.href = href;
    more.append(a);
  }
  if (more.childNodes.length) box.append(more);
}
