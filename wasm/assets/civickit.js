// civickit widgets: <civic-readability>, <civic-journey> and <civic-feedback>.
// A page embeds them with one script tag:
//   <script type="module" src="/civickit/civickit.js"></script>
// Nothing here writes text from the page or a decision into HTML: every
// string goes through textContent, and links pass an allow-list.
const base = import.meta.url;
const cssURL = new URL("__CIVICKIT_CSS__", base).href;
const workerURL = new URL("__CIVICKIT_WORKER__", base).href;
const journeyURL = new URL("__CIVICKIT_JOURNEY__", base).href;

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


// ---- highlights in the editor ----------------------------------------------
//
// Hemingway-style marks in the editor itself: long and very long sentences,
// passive voice and plain-English words (with their alternatives at the
// caret). A textarea or a one-line text input gets a mirror behind it: a
// box with the same geometry, font and wrapping (one line, scrolled with
// the input's own scroll), holding the same text with <mark> elements,
// under the editor made transparent. A contenteditable gets CSS Custom Highlights
// (CSS.highlights, Range objects) where the browser has them; elsewhere the
// list of suggestions is the only view. Offsets are UTF-16 code units (the
// worker's spans), as the DOM counts.

const KINDS = ["long", "hard", "passive", "plain", "other"];

// kindOf is the highlight a finding gets, or "" for none: paragraph length
// and findings about the whole text are not marked.
function kindOf(f) {
  switch (f.rule) {
    case "sentence-length": {
      // "sentence has 38 words: keep sentences to 25 words or fewer"
      const n = /(\d+) words\D+(\d+) words/.exec(f.message || "");
      return n && Number(n[1]) >= 1.5 * Number(n[2]) ? "hard" : "long";
    }
    case "passive-voice": return "passive";
    case "plain-english": case "jargon": return "plain";
    case "paragraph-length": return "";
    default: return "other";
  }
}

const MIRRORED = ["font-family", "font-size", "font-weight", "font-style", "font-variant", "font-stretch",
  "font-kerning", "font-feature-settings", "line-height", "letter-spacing", "word-spacing", "text-indent",
  "text-transform", "text-align", "direction", "tab-size", "white-space", "word-break", "overflow-wrap",
  "hyphens", "writing-mode", "padding-top", "padding-right", "padding-bottom", "padding-left",
  "border-top-width", "border-right-width", "border-bottom-width", "border-left-width",
  "border-top-style", "border-right-style", "border-bottom-style", "border-left-style"];

// Mirror is the layer behind a textarea or a one-line text input.
class Mirror {
  constructor(ta) {
    this.ta = ta;
    this.line = ta.localName === "input"; // one line, scrolled sideways
    this.host = document.createElement("div");
    this.host.setAttribute("aria-hidden", "true");
    this.host.dataset.civickitMirror = "";
    const root = this.host.attachShadow({ mode: "open" });
    const link = el("link");
    link.rel = "stylesheet";
    link.href = cssURL;
    this.box = el("div", "mirror");
    root.append(link, this.box);
    // the textarea's own inline styles, restored by remove()
    this.saved = ["position", "z-index", "background-color", "background-image"].map((k) => [k, ta.style.getPropertyValue(k), ta.style.getPropertyPriority(k)]);
    const cs = getComputedStyle(ta);
    this.bg = cs.backgroundColor;
    this.bgImage = cs.backgroundImage;
    if (cs.position === "static") ta.style.setProperty("position", "relative");
    if (cs.zIndex === "auto") ta.style.setProperty("z-index", "1");
    ta.style.setProperty("background-color", "transparent", "important");
    ta.style.setProperty("background-image", "none", "important");
    ta.before(this.host);
    this.onScroll = () => { this.box.scrollTop = ta.scrollTop; this.box.scrollLeft = ta.scrollLeft; };
    this.onLayout = () => this.layout();
    ta.addEventListener("scroll", this.onScroll);
    window.addEventListener("resize", this.onLayout);
    if (typeof ResizeObserver === "function") {
      this.ro = new ResizeObserver(this.onLayout);
      this.ro.observe(ta);
    }
    this.layout();
  }

  // layout puts the mirror over the textarea's box, with its font, padding,
  // borders (transparent) and wrapping width.
  layout() {
    const ta = this.ta, h = this.host, b = this.box;
    const cs = getComputedStyle(ta);
    const st = h.style;
    // the page's own rules for div must not move it
    for (const [k, v] of [["position", "absolute"], ["margin", "0"], ["padding", "0"], ["border", "0"],
      ["width", "auto"], ["height", "auto"], ["transform", "none"], ["float", "none"], ["background", "none"],
      ["overflow", "visible"]]) st.setProperty(k, v, "important");
    st.setProperty("z-index", "0", "important");
    st.setProperty("pointer-events", "none", "important");
    st.setProperty("left", ta.offsetLeft + "px", "important");
    st.setProperty("top", ta.offsetTop + "px", "important");
    st.setProperty("display", cs.display === "none" ? "none" : "block", "important");
    const bs = b.style;
    for (const k of MIRRORED) bs.setProperty(k, cs.getPropertyValue(k));
    bs.setProperty("border-color", "transparent");
    bs.setProperty("box-sizing", "content-box");
    bs.setProperty("background-color", this.bg);
    bs.setProperty("background-image", this.bgImage);
    const px = (k) => parseFloat(cs.getPropertyValue(k)) || 0;
    // clientWidth leaves out a scrollbar, which narrows the lines
    bs.setProperty("width", Math.max(0, ta.clientWidth - px("padding-left") - px("padding-right")) + "px");
    const height = Math.max(0, ta.clientHeight - px("padding-top") - px("padding-bottom"));
    bs.setProperty("height", height + "px");
    if (this.line) {
      // an input keeps its text on one line, centred in its box
      bs.setProperty("white-space", "pre");
      bs.setProperty("overflow-wrap", "normal");
      bs.setProperty("word-break", "normal");
      bs.setProperty("line-height", height + "px");
    }
    bs.setProperty("padding-right", px("padding-right") + (ta.offsetWidth - ta.clientWidth - px("border-left-width") - px("border-right-width")) + "px");
    this.onScroll();
  }

  // show writes text with marks; marks are [start, end, kind, findingIndex].
  show(text, marks) {
    const b = this.box;
    const frag = document.createDocumentFragment();
    // cut the text at every mark's edge; each piece is marked with the
    // kinds of the findings over it (one sweep: marks sorted by start,
    // the ones open at each cut kept in a list)
    const cuts = new Set([0, text.length]);
    for (const m of marks) { cuts.add(m[0]); cuts.add(m[1]); }
    const at = Array.from(cuts).filter((x) => x >= 0 && x <= text.length).sort((x, y) => x - y);
    const byStart = marks.slice().sort((x, y) => x[0] - y[0]);
    let next = 0, open = [];
    for (let i = 0; i + 1 < at.length; i++) {
      const s = at[i], e = at[i + 1];
      open = open.filter((m) => m[1] > s);
      while (next < byStart.length && byStart[next][0] <= s) {
        if (byStart[next][1] > s) open.push(byStart[next]);
        next++;
      }
      const piece = text.slice(s, e);
      if (!open.length) { frag.append(piece); continue; }
      const kinds = KINDS.filter((k) => open.some((m) => m[2] === k));
      const mk = el("mark", "hl " + kinds.join(" "), piece);
      mk.dataset.f = open.map((m) => m[3]).sort((x, y) => x - y).join(" ");
      frag.append(mk);
    }
    // a final newline needs a line of its own to scroll to
    if (!this.line) frag.append("\n\u200b");
    // no layout is read here, so the browser lays the text out once, when
    // it paints; the textarea's scroll events keep the scroll in step
    b.replaceChildren(frag);
  }

  remove() {
    this.ta.removeEventListener("scroll", this.onScroll);
    window.removeEventListener("resize", this.onLayout);
    if (this.ro) this.ro.disconnect();
    for (const [k, v, pr] of this.saved) {
      if (v) this.ta.style.setProperty(k, v, pr); else this.ta.style.removeProperty(k);
    }
    this.host.remove();
  }
}

// The contenteditable's highlights: one Highlight per kind, shared by every
// checker on the page, each adding and removing its own ranges.
let hlSheet = null;
function highlightsSupported() {
  return typeof CSS !== "undefined" && CSS.highlights && typeof Highlight === "function";
}
function highlightFor(kind) {
  if (!hlSheet && "adoptedStyleSheets" in document) {
    // a constructed sheet: allowed under style-src 'self', unlike <style>
    hlSheet = new CSSStyleSheet();
    hlSheet.replaceSync(
      "::highlight(civic-long){background-color:var(--civic-hl-long,#fff2a8);color:inherit}" +
      "::highlight(civic-hard){background-color:var(--civic-hl-hard,#f9cccc);color:inherit}" +
      "::highlight(civic-passive){background-color:var(--civic-hl-passive,#cdebd6);color:inherit}" +
      "::highlight(civic-plain){background-color:var(--civic-hl-plain,#e6d8f5);color:inherit}" +
      "::highlight(civic-other){text-decoration:underline dotted var(--civic-hl-other,#505a5f) 2px}");
    document.adoptedStyleSheets = document.adoptedStyleSheets.concat([hlSheet]);
  }
  const name = "civic-" + kind;
  let h = CSS.highlights.get(name);
  if (!h) {
    h = new Highlight();
    // sentence marks under word marks, plainer words on top (as the
    // mirror's style sheet orders them)
    h.priority = { long: 0, hard: 0, passive: 1, plain: 2, other: 3 }[kind] || 0;
    CSS.highlights.set(name, h);
  }
  return h;
}

// textPositions maps each UTF-16 offset of innerText onto the DOM under
// root: innerText adds line breaks between blocks and collapses white
// space that the DOM holds, so the two are walked side by side.
function textPositions(root, text) {
  const chars = []; // [node, offset] per DOM character; offset -1 for a <br>
  const data = [];
  const tw = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let n = tw.nextNode(); n; n = tw.nextNode()) {
    if (n.nodeType === 3) {
      for (let k = 0; k < n.data.length; k++) { chars.push([n, k]); data.push(n.data.charCodeAt(k)); }
    } else if (n.nodeName === "BR") { chars.push([n, -1]); data.push(10); }
  }
  const ws = (c) => c === 32 || c === 9 || c === 10 || c === 13 || c === 160;
  const map = new Array(text.length + 1);
  let j = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (j < data.length && (data[j] === c || (ws(c) && ws(data[j]) && c !== 10))) { map[i] = j++; continue; }
    if (c === 10 || c === 9) { map[i] = j; continue; } // added by innerText between blocks
    let k = j;
    while (k < data.length && ws(data[k])) k++; // white space innerText collapsed
    if (k < data.length && data[k] === c) { map[i] = k; j = k + 1; } else map[i] = j;
  }
  map[text.length] = j;
  return { chars, map };
}

function rangeOf(pos, s, e) {
  const { chars, map } = pos;
  if (s >= e) return null;
  const a = chars[map[s]], z = chars[map[e - 1]];
  if (!a || !z) return null;
  const r = document.createRange();
  if (a[1] < 0) r.setStartBefore(a[0]); else r.setStart(a[0], a[1]);
  if (z[1] < 0) r.setEndAfter(z[0]); else r.setEnd(z[0], Math.min(z[1] + 1, z[0].data.length));
  return r;
}

// shiftMarks moves marks over an edit from before to after: marks before
// the change stay, marks after it move with it, marks across it go.
function shiftMarks(marks, before, after) {
  let p = 0;
  const n = Math.min(before.length, after.length);
  while (p < n && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let q = 0;
  while (q < n - p && before.charCodeAt(before.length - 1 - q) === after.charCodeAt(after.length - 1 - q)) q++;
  const endOld = before.length - q, d = after.length - before.length;
  const out = [];
  for (const m of marks) {
    if (m[1] <= p) out.push(m);
    else if (m[0] >= endOld) out.push([m[0] + d, m[1] + d, m[2], m[3]]);
  }
  return out;
}

class CivicReadability extends HTMLElement {
  static get observedAttributes() { return ["preset", "for", "highlights"]; }

  constructor() {
    super();
    this._busy = false;
    this._dirty = false;
    this._timer = 0;
    this._lastText = null;
    this._spans = [];
    this._marks = [];       // [start, end, kind, finding index] in UTF-16 units of _marksText
    this._marksText = "";
    this._ranges = [];      // [Highlight, Range] of a contenteditable
    this.highlights = [];   // what the editor shows: {kind, start, end, index}
    this._onInput = () => {
      const t0 = performance.now();
      this._follow();
      this._schedule();
      this.mainMs = Math.max(this.mainMs || 0, performance.now() - t0);
    };
    this._onCaret = () => this._hint();
    this._onFocus = () => this._schedule(0);
    // a pointer over the editor starts fetching the module, so that the
    // click that follows finds it (nearly) ready
    this._onHover = () => { const w = getWorker(); if (w) w.postMessage({ warm: true, preset: this.getAttribute("preset") || "" }); };
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
    // highlights in the editor: a toggle, a key and what is at the caret
    const tools = el("div", "tools");
    this._toggle = el("button", "toggle", "Highlights in the editor");
    this._toggle.type = "button";
    this._toggle.addEventListener("click", () =>
      this.setAttribute("highlights", this._highlightsOn() ? "off" : "on"));
    this._key = el("ul", "key");
    for (const [k, label] of [["long", "long sentence"], ["hard", "very long sentence"], ["passive", "passive voice"],
      ["plain", "plainer word exists"], ["other", "other suggestion"]]) {
      const li = el("li", "");
      li.append(el("span", "swatch " + k), el("span", "", label));
      this._key.append(li);
    }
    tools.append(this._toggle, this._key);
    this._caret = el("p", "caret");
    this._caret.setAttribute("aria-live", "polite");
    panel.append(this._status, this._summary, this._standards, tools, this._caret, this._findingsHead, this._findings);
    root.append(panel);
    this._attach();
  }

  disconnectedCallback() { this._detach(); }

  attributeChangedCallback(name) {
    if (!this._root) return;
    if (name === "highlights") { this._paint(); return; }
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
    for (const t of ["keyup", "click", "select"]) ed.addEventListener(t, this._onCaret);
    if (document.activeElement === ed || this.hasAttribute("eager")) this._schedule(0);
  }

  _detach() {
    if (!this._editor) return;
    this._editor.removeEventListener("input", this._onInput);
    this._editor.removeEventListener("focus", this._onFocus);
    this._editor.removeEventListener("pointerenter", this._onHover);
    for (const t of ["keyup", "click", "select"]) this._editor.removeEventListener(t, this._onCaret);
    this._clearHighlights();
    if (this._mirror) { this._mirror.remove(); this._mirror = null; }
    this._marks = [];
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
      this._marks = [];
      this._paint();
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
      this.lastGoMs = m.go;
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
    const marks = [];
    for (let i = 0; i < fs.length; i++) {
      const k = kindOf(fs[i]);
      if (k && spans[2 * i + 1] > spans[2 * i]) marks.push([spans[2 * i], spans[2 * i + 1], k, i]);
    }
    this._marks = marks;
    this._marksText = this._lastText || "";
    this._paint();
    const selectable = this._editor && (typeof this._editor.setSelectionRange === "function" || this._editor.isContentEditable);
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

  _highlightsOn() { return this.getAttribute("highlights") !== "off"; }

  // _follow keeps a textarea's or an input's marks on their words while the text is
  // typed, until the next score replaces them.
  _follow() {
    if (!this._mirror || !this._marks.length) return;
    const now = this._text();
    if (now.length > Number(this.getAttribute("max-length") || 200000)) { this._marks = []; this._paint(); return; }
    this._marks = shiftMarks(this._marks, this._marksText, now);
    this._marksText = now;
    this._paint();
  }

  // _paint shows the marks in the editor at the next frame: keystrokes
  // and scores between two frames cost one update.
  _paint() {
    if (this._paintPending) return;
    this._paintPending = true;
    requestAnimationFrame(() => {
      this._paintPending = false;
      const t0 = performance.now();
      this._paintNow();
      this.mainMs = Math.max(this.mainMs || 0, performance.now() - t0);
    });
  }

  // _paintNow shows the marks: in the mirror behind a textarea or a text
  // input, or as custom highlights over a contenteditable.
  _paintNow() {
    const ed = this._editor;
    const on = this._highlightsOn();
    this._toggle.setAttribute("aria-pressed", on ? "true" : "false");
    this._key.hidden = !on;
    this.highlights = [];
    if (!ed) return;
    if (ed.localName === "textarea" || ed.localName === "input") {
      if (!on) { if (this._mirror) { this._mirror.remove(); this._mirror = null; } return; }
      const text = this._text();
      // marks of another text (a score still on its way) wait for it
      const marks = text === this._marksText ? this._marks : [];
      if (!this._mirror) {
        if (!marks.length) return;
        this._mirror = new Mirror(ed);
      }
      this._mirror.show(text, marks);
      this.highlights = marks.map((m) => ({ kind: m[2], start: m[0], end: m[1], index: m[3] }));
      return;
    }
    this._clearHighlights();
    if (!on || !ed.isContentEditable || !highlightsSupported()) return;
    const text = this._text();
    if (text !== this._marksText || !this._marks.length) return;
    const pos = textPositions(ed, text);
    for (const m of this._marks) {
      const r = rangeOf(pos, m[0], m[1]);
      if (!r) continue;
      const h = highlightFor(m[2]);
      h.add(r);
      this._ranges.push([h, r, m]);
      this.highlights.push({ kind: m[2], start: m[0], end: m[1], index: m[3], text: r.toString() });
    }
  }

  _clearHighlights() {
    for (const [h, r] of this._ranges) h.delete(r);
    this._ranges = [];
  }

  // _hint says what the marks at the caret are, with the plainer word:
  // the keyboard's way to the highlights' meaning.
  _hint() {
    const ed = this._editor;
    if (!ed || !this.lastCard || !this._highlightsOn()) { this._caret.textContent = ""; return; }
    let at = [];
    if (typeof ed.selectionStart === "number" && this._mirror) {
      const c = ed.selectionStart;
      at = this._marks.filter((m) => m[0] <= c && c <= m[1]);
    } else {
      const sel = this.getRootNode().getSelection ? this.getRootNode().getSelection() : document.getSelection();
      if (sel && sel.rangeCount) {
        const n = sel.anchorNode, o = sel.anchorOffset;
        at = this._ranges.filter(([, r]) => r.isPointInRange(n, o)).map(([, , m]) => m);
      }
    }
    // the word before the sentence
    at.sort((a, b) => (a[1] - a[0]) - (b[1] - b[0]));
    const fs = this.lastCard.findings;
    const msg = at.slice(0, 2).map((m) => {
      const f = fs[m[3]];
      if (!f) return "";
      return (f.match ? "\u201c" + f.match.slice(0, 60) + "\u201d: " : "") + f.message +
        (f.suggestion ? (m[2] === "plain" ? ". Try: " : ". ") + f.suggestion : "");
    }).filter(Boolean).join(" ");
    if (this._caret.textContent !== msg) this._caret.textContent = msg;
  }

  // _select selects finding i's text in the editor and focuses it.
  _select(i) {
    const ed = this._editor;
    const s = this._spans[2 * i], e = this._spans[2 * i + 1];
    if (!ed || s === undefined) return;
    ed.focus();
    if (typeof ed.setSelectionRange === "function") { ed.setSelectionRange(s, e); return; }
    // a contenteditable: the scored text's offsets mapped onto its DOM
    const text = this._text();
    if (text !== this._lastText) return;
    const r = rangeOf(textPositions(ed, text), s, e);
    const sel = document.getSelection();
    if (r && sel) { sel.removeAllRanges(); sel.addRange(r); }
  }
}

// ---- <civic-journey> ------------------------------------------------------
//
// The element is defined here; the code that renders a journey (journey.js)
// is loaded only by a page that has one, so that the readability checker's
// payload does not carry it.

let journeyCode = null;

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
    (journeyCode || (journeyCode = import(journeyURL))).then((m) => m.load(this), () => {
      const p = el("p", "error", "The decision cannot be shown: its script did not load.");
      p.setAttribute("role", "alert");
      this._box.replaceChildren(p);
    });
  }
}

if (!customElements.get("civic-readability")) customElements.define("civic-readability", CivicReadability);
if (!customElements.get("civic-journey")) customElements.define("civic-journey", CivicJourney);
if (document.querySelector("civic-feedback")) import(new URL("__CIVICKIT_FEEDBACK__", base).href);
