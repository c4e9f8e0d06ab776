// civickit widget <civic-feedback>: asks "Is this page clear?" and, on
// "No", what was unclear, and posts the answer as JSON to the address the
// council sets in its action attribute ("civickit feedback serve" receives
// it). Progressive enhancement: the element wraps a plain HTML form that
// posts the same answer without JavaScript; with JavaScript the form is
// replaced by this one (the shadow root has no slot). No cookies are sent
// (credentials: "omit") and nothing is kept in the browser.
//
//   <civic-feedback action="https://feedback.council.example/">
//     <form method="post" action="https://feedback.council.example/"> ... </form>
//   </civic-feedback>
const cssURL = new URL("__CIVICKIT_CSS__", import.meta.url).href;
const MAX_TEXT = 2000;
let nextID = 1;

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

class CivicFeedback extends HTMLElement {
  connectedCallback() {
    if (this._root) return;
    const form = this.querySelector("form");
    const action = this.getAttribute("action") || (form && form.getAttribute("action")) || "";
    let url = null;
    try {
      url = new URL(action, document.baseURI);
    } catch (e) {
      url = null;
    }
    // without an http(s) address to post to, the plain form stays
    if (!action || !url || (url.protocol !== "https:" && url.protocol !== "http:")) return;
    this._action = url.href;
    const root = this.attachShadow({ mode: "open" });
    this._root = root;
    const link = el("link");
    link.rel = "stylesheet";
    link.href = cssURL;
    root.append(link);
    const id = "civic-feedback-" + nextID++;

    const box = el("section", "ck feedback");
    box.setAttribute("aria-labelledby", id + "-q");
    const q = el("h2", "feedback-q", this.getAttribute("question") || "Is this page clear?");
    q.id = id + "-q";
    const answers = el("div", "feedback-answers");
    const yes = el("button", "feedback-yes", "Yes");
    const no = el("button", "feedback-no", "No");
    yes.type = no.type = "button";
    answers.append(yes, no);

    const more = el("form", "feedback-more");
    more.hidden = true;
    const label = el("label", "", "What was unclear?");
    label.htmlFor = id + "-text";
    const hint = el("p", "feedback-hint", "Do not include personal details such as your name, address or reference numbers.");
    hint.id = id + "-hint";
    const text = el("textarea");
    text.id = id + "-text";
    text.name = "text";
    text.rows = 4;
    text.maxLength = MAX_TEXT;
    text.setAttribute("aria-describedby", hint.id);
    const send = el("button", "feedback-send", "Send");
    send.type = "submit";
    more.append(label, hint, text, send);

    const status = el("p", "feedback-status");
    status.setAttribute("role", "status");
    status.tabIndex = -1;

    box.append(q, answers, more, status);
    root.append(box);

    yes.addEventListener("click", () => this._send(true, ""));
    no.addEventListener("click", () => {
      answers.hidden = true;
      more.hidden = false;
      text.focus();
    });
    more.addEventListener("submit", (ev) => {
      ev.preventDefault();
      this._send(false, text.value.slice(0, MAX_TEXT));
    });
    this._parts = { answers, more, status, send };
  }

  async _send(clear, text) {
    const { answers, more, status, send } = this._parts;
    send.disabled = true;
    status.textContent = "";
    const page = this.getAttribute("page") || location.origin + location.pathname;
    let ok = false;
    try {
      const res = await fetch(this._action, {
        method: "POST",
        credentials: "omit",
        cache: "no-store",
        referrerPolicy: "no-referrer",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ page, clear, text }),
      });
      ok = res.ok;
      if (res.status === 429) {
        status.textContent = "Too many answers have come from your network just now. Please try again in a minute.";
      }
    } catch (e) {
      ok = false;
    }
    send.disabled = false;
    if (ok) {
      answers.hidden = true;
      more.hidden = true;
      status.textContent = "Thank you for your feedback.";
    } else if (!status.textContent) {
      status.textContent = "Sorry, your feedback could not be sent. Please try again later.";
    }
    status.focus();
  }
}

if (!customElements.get("civic-feedback")) customElements.define("civic-feedback", CivicFeedback);
