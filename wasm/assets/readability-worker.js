// The <civic-readability> scoring worker. At build time Go's wasm_exec.js
// is put in front of this file, so that its globals live in the worker and
// never on the page. The page posts {id, text, preset, name}; the worker
// answers {id, card, spans, ms} or {id, error}. The module is fetched on
// the first message, which the page sends on the editor's first focus.
"use strict";
(() => {
  const wasmURL = new URL("__CIVICKIT_WASM__", self.location.href).href;
  let ready = null;

  function start() {
    if (ready) return ready;
    ready = new Promise((resolve, reject) => {
      const go = new self.Go();
      self.civickitReady = resolve;
      const load = WebAssembly.instantiateStreaming
        ? WebAssembly.instantiateStreaming(fetch(wasmURL), go.importObject).catch(() =>
            // a server that does not send application/wasm
            fetch(wasmURL).then((r) => r.arrayBuffer()).then((b) => WebAssembly.instantiate(b, go.importObject)))
        : fetch(wasmURL).then((r) => r.arrayBuffer()).then((b) => WebAssembly.instantiate(b, go.importObject));
      load.then((m) => { go.run(m.instance); }, reject);
    });
    return ready;
  }

  self.onmessage = (ev) => {
    const msg = ev.data || {};
    start().then(() => {
      const t0 = performance.now();
      const r = self.civickitScore(String(msg.text), String(msg.preset || ""), String(msg.name || "draft"));
      const ms = performance.now() - t0;
      if (r.error) {
        self.postMessage({ id: msg.id, error: String(r.error) });
      } else {
        self.postMessage({ id: msg.id, card: r.card, spans: r.spans, ms: ms });
      }
    }, (err) => {
      self.postMessage({ id: msg.id, error: "blocked", detail: String(err && err.message || err) });
    });
  };
})();
