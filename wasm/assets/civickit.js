// civickit widgets: <civic-readability>, <civic-journey> and <civic-feedback>.
// A page embeds them with one script tag:
//   <script type="module" src="/civickit/civickit.js"></script>
// Nothing here writes text from the page or a decision into HTML: every
// string goes through textContent, and links pass an allow-list.
const base = import.meta.url;
const cssURL = new URL("__CIVICKIT_CSS__", base).href;
const workerURL = new URL("__CIVICKIT_WORKER__", base).href;
const journeyWorkerURL = new URL("__CIVICKIT_JOURNEY_WORKER__", base).href;

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function shadow(host) {
  const root = host.attachShadow({ mode: "open" });
  const link = el("link");
  link.rel = "stylesheet";
  link.href = cssURL;
  root.append(link);
  return root;
}

function fmt(x, d) {
  return typeof x === "number" && isFinite(x) ? x.toFixed(d) : "n/a";
}

// ---- <civic-readability> -------------------------------------------------

const PRESETS = ["govuk", "nhs", "plain-english-campaign"];
let worker = null;      // one worker serves every checker on the page
let workerFailed = "";
const waiting = new Map(); // request id -> element
let nextID = 1;

function getWorker() {
  if (worker || workerFailed) return worker;
  try {
    worker = new Worker(workerURL);
  } catch (e) {
    workerFailed = "worker";
    return null;
  }
  worker.onmessage = (ev) => {
    const m = ev.data || {};
    const host = waiting.get(m.id);
    waiting.delete(m.id);
    if (host) host._result(m);
  };
  worker.onerror = (ev) => {
    ev.preventDefault();
    workerFailed = "worker";
    for (const [, host] of waiting) host._result({ error: "blocked" });
    waiting.clear();
  };
  return worker;
}

class CivicReadability extends HTMLElement {
  static get observedAttributes() { return ["preset", "for"]; }

  constructor() {
    super();
    this._busy = false;
    this._dirty = false;
    this._timer = 0;
    this._lastText = null;
    this._spans = [];
    this._onInput = () => this._schedule();
    this._onFocus = () => this._schedule(0);
    // a pointer over the editor starts fetching the module, so that the
    // click that follows finds it (nearly) ready
    this._onHover = () => { const w = getWorker(); if (w) w.postMessage({ warm: true }); };
  }

  connectedCallback() {
    if (this._root) { this._attach(); return; }
    const root = (this._root = shadow(this));
    root.append(el("slot"));
    const panel = (this._panel = el("section", "ck"));
    panel.setAttribute("aria-label", this.getAttribute("label") || "Readability");
    panel.setAttribute("part", "panel");
    this._status = el("p", "status");
    this._status.setAttribute("role", "status");
    this._status.setAttribute("aria-live", "polite");
    this._status.textContent = "Start typing to check your text against the content standards.";
    this._summary = el("dl", "summary");
    this._standards = el("ul", "standards");
    this._findingsHead = el("h3", "findings-head");
    this._findings = el("ol", "findings");
    panel.append(this._status, this._summary, this._standards, this._findingsHead, this._findings);
    root.append(panel);
    this._attach();
  }

  disconnectedCallback() { this._detach(); }

  attributeChangedCallback(name) {
    if (!this._root) return;
    if (name === "for") this._attach();
    this._lastText = null;
    if (this._started) this._schedule(0);
  }

  // the editor: the element named by for="ID", else the first textarea,
  // input or contenteditable inside
  _editorElement() {
    const id = this.getAttribute("for");
    if (id) {
      const r = this.getRootNode();
      return (r.getElementById ? r.getElementById(id) : document.getElementById(id));
    }
    return this.querySelector("textarea, input[type=text], [contenteditable]:not([contenteditable=false])");
  }

  _attach() {
    const ed = this._editorElement();
    if (ed === this._editor) return;
    this._detach();
    this._editor = ed;
    if (!ed) return;
    ed.addEventListener("input", this._onInput);
    ed.addEventListener("focus", this._onFocus);
    ed.addEventListener("pointerenter", this._onHover, { once: true });
    if (document.activeElement === ed || this.hasAttribute("eager")) this._schedule(0);
  }

  _detach() {
    if (!this._editor) return;
    this._editor.removeEventListener("input", this._onInput);
    this._editor.removeEventListener("focus", this._onFocus);
    this._editor.removeEventListener("pointerenter", this._onHover);
    this._editor = null;
  }

  _text() {
    const ed = this._editor;
    if (!ed) return "";
    return "value" in ed && typeof ed.value === "string" ? ed.value : ed.innerText || "";
  }

  _schedule(delay) {
    this._started = true;
    clearTimeout(this._timer);
    const d = delay !== undefined ? delay : Number(this.getAttribute("delay") || 200);
    this._timer = setTimeout(() => this._send(), d);
  }

  _send() {
    if (this._busy) { this._dirty = true; return; }
    const text = this._text();
    const preset = this.getAttribute("preset") || "";
    if (text === this._lastText && preset === this._lastPreset) return;
    const max = Number(this.getAttribute("max-length") || 200000);
    if (text.length > max) {
      this._lastText = text;
      this._lastPreset = preset;
      this._say("The text is too long to check as you type: " + text.length.toLocaleString("en-GB") +
        " characters, over the limit of " + max.toLocaleString("en-GB") + ".");
      return;
    }
    if (preset && PRESETS.indexOf(preset) < 0) {
      this._say("Unknown preset " + JSON.stringify(preset.slice(0, 40)) + ": use govuk, nhs or plain-english-campaign.");
      return;
    }
    const w = getWorker();
    if (!w) { this._blocked(); return; }
    if (this._lastText === null) this._say("Loading the checker…");
    this._busy = true;
    this._dirty = false;
    this._lastText = text;
    this._lastPreset = preset;
    const id = nextID++;
    waiting.set(id, this);
    this._sentAt = performance.now();
    w.postMessage({ id, text, preset, name: this.getAttribute("name") || "draft" });
  }

  _result(m) {
    const t0 = performance.now();
    this._busy = false;
    if (m.error) {
      if (m.error === "blocked") this._blocked();
      else this._say("The text could not be checked: " + m.error);
    } else {
      this._render(m.card, m.spans || []);
      this.lastScoreMs = m.ms;
      if (m.load) this.loadMs = m.load;
      this.dispatchEvent(new CustomEvent("civickit:score", { detail: m.card, bubbles: true, composed: true }));
    }
    if (this._dirty) this._send();
    // the longest the widget has held the page's main thread, in ms
    this.mainMs = Math.max(this.mainMs || 0, performance.now() - t0);
  }

  _blocked() {
    this._say("The readability checker cannot run on this page: the site's Content-Security-Policy must allow " +
      "worker-src 'self' and script-src 'wasm-unsafe-eval'.");
  }

  _say(msg) {
    if (this._status.textContent !== msg) this._status.textContent = msg;
  }

  _render(card, spans) {
    this.lastCard = card;
    const r = card.readability;
    const passed = card.standards ? card.standards.filter((s) => s.passed).length : 0;
    const total = card.standards ? card.standards.length : 0;
    this._say("Reading age " + fmt(r.reading_age, 1) + ". " + passed + " of " + total +
      " standards met. " + card.findings.length + (card.findings.length === 1 ? " suggestion." : " suggestions."));
    const dl = this._summary;
    dl.replaceChildren();
    for (const [k, v] of [
      ["Reading age", fmt(r.reading_age, 1)],
      ["Flesch reading ease", fmt(r.flesch_reading_ease, 1)],
      ["Overall score", fmt(card.score, 0) + "/100"],
      ["Words", String(card.stats.words)],
    ]) dl.append(el("dt", "", k), el("dd", "", v));
    const ul = this._standards;
    ul.replaceChildren();
    for (const s of card.standards || []) {
      const li = el("li", s.passed ? "pass" : "fail");
      li.append(el("span", "mark", s.passed ? "Pass" : "Fail"), el("span", "name", s.name),
        el("span", "score", fmt(s.score, 0)));
      if (s.detail) li.title = s.detail;
      ul.append(li);
    }
    const max = Number(this.getAttribute("max-findings") || 50);
    const fs = card.findings;
    this._findingsHead.textContent = fs.length === 0 ? "No suggestions" :
      fs.length > max ? "Suggestions (first " + max + " of " + fs.length + ")" : "Suggestions (" + fs.length + ")";
    const ol = this._findings;
    ol.replaceChildren();
    this._spans = spans;
    const selectable = this._editor && typeof this._editor.setSelectionRange === "function";
    for (let i = 0; i < fs.length && i < max; i++) {
      const f = fs[i];
      const li = el("li", "finding " + f.severity + " " + f.rule);
      // a finding about the whole text (offset and length 0) has nothing to select
      const canSelect = selectable && spans[2 * i + 1] > spans[2 * i];
      const btn = el(canSelect ? "button" : "span", canSelect ? "go" : "whole");
      if (canSelect) {
        btn.type = "button";
        btn.addEventListener("click", () => this._select(i));
      }
      btn.append(el("span", "sev", f.severity), el("span", "msg", f.message));
      li.append(btn);
      if (f.suggestion) li.append(el("p", "suggestion", f.suggestion));
      ol.append(li);
    }
  }

  // _select selects finding i's text in the editor and focuses it.
  _select(i) {
    const ed = this._editor;
    const s = this._spans[2 * i], e = this._spans[2 * i + 1];
    if (!ed || s === undefined) return;
    ed.focus();
    ed.setSelectionRange(s, e);
  }
}

// ---- <civic-journey> ------------------------------------------------------

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
const journeyWaiting = new Map();

class CivicJourney extends HTMLElement {
  static get observedAttributes() { return ["src"]; }

  connectedCallback() {
    if (!this._root) {
      this._root = shadow(this);
      this._box = el("section", "ck journey");
      this._box.setAttribute("part", "panel");
      this._root.append(this._box);
    }
    this._load();
  }

  attributeChangedCallback() { if (this._root) this._load(); }

  _load() {
    const src = this.getAttribute("src");
    if (src) {
      const url = new URL(src, document.baseURI);
      fetch(url, { credentials: "same-origin" })
        .then((r) => { if (!r.ok) throw new Error("HTTP " + r.status); return r.text(); })
        .then((t) => this._data(t), (e) => this._error("The decision could not be loaded (" + e.message + ")."));
      return;
    }
    const script = this.querySelector('script[type="application/json"]');
    if (script) this._data(script.textContent);
  }

  // _data shows a summary at once; a raw decision (no steps) goes to the
  // journey worker, which computes its summary with the Go journey code.
  _data(text) {
    let j;
    try { j = JSON.parse(text); } catch (e) { this._error("The decision's JSON is not valid."); return; }
    if (j && typeof j === "object" && !Array.isArray(j.steps) && (j.history || j.journey || j.council)) {
      this._explain(text);
      return;
    }
    this._show(j);
  }

  _explain(text) {
    let w;
    try {
      w = journeyWorker || (journeyWorker = new Worker(journeyWorkerURL));
    } catch (e) {
      this._error("This decision cannot be shown here: the site's Content-Security-Policy must allow worker-src 'self'.");
      return;
    }
    const id = nextID++;
    journeyWaiting.set(id, this);
    w.onmessage = (ev) => {
      const m = ev.data || {};
      const host = journeyWaiting.get(m.id);
      journeyWaiting.delete(m.id);
      if (!host) return;
      if (m.error === "blocked") host._error("This decision cannot be shown here: the site's Content-Security-Policy must allow 'wasm-unsafe-eval'.");
      else if (m.error) host._error("The decision could not be read: " + m.error);
      else host._show(JSON.parse(m.summary));
    };
    w.postMessage({ id, decision: text });
  }

  _error(msg) {
    const p = el("p", "error", msg);
    p.setAttribute("role", "alert");
    this._box.replaceChildren(p);
  }

  _show(s) {
    if (!s || !Array.isArray(s.steps)) {
      this._error("This is not a decision summary: give the output of civickit journey show --format json.");
      return;
    }
    this.summary = s;
    const box = this._box;
    box.replaceChildren();
    box.setAttribute("aria-label", "Decision journey: " + String(s.title || ""));
    const h = el(this.getAttribute("heading") || "h2", "title", String(s.title || ""));
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
}

if (!customElements.get("civic-readability")) customElements.define("civic-readability", CivicReadability);
if (!customElements.get("civic-journey")) customElements.define("civic-journey", CivicJourney);
if (document.querySelector("civic-feedback")) import(new URL("__CIVICKIT_FEEDBACK__", base).href);
