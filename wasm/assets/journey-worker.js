// The <civic-journey> worker for raw decisions. As for the readability
// worker, the JavaScript half of Go's runtime is put in front of this file
// at build time: Go's wasm_exec.js, since this program uses syscall/js
// (wasm/glue.go).
// The page posts {id, decision} (the decision's JSON text); the worker
// answers {id, summary} (the summary's JSON text) or {id, error}.
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
            fetch(wasmURL).then((r) => r.arrayBuffer()).then((b) => WebAssembly.instantiate(b, go.importObject)))
        : fetch(wasmURL).then((r) => r.arrayBuffer()).then((b) => WebAssembly.instantiate(b, go.importObject));
      load.then((m) => { go.run(m.instance); }, reject);
    });
    return ready;
  }

  self.onmessage = (ev) => {
    const msg = ev.data || {};
    start().then(() => {
      const out = self.civickitJourney(String(msg.decision));
      if (out.charAt(0) === "{") self.postMessage({ id: msg.id, summary: out });
      else self.postMessage({ id: msg.id, error: out });
    }, (err) => {
      self.postMessage({ id: msg.id, error: "blocked", detail: String(err && err.message || err) });
    });
  };
})();
