// The <civic-journey> worker for raw decisions. As for the readability
// worker, the JavaScript half of Go's runtime is put in front of this file
// at build time: Go's wasm_exec.js, since the journey program's os package
// links syscall/js (wasm/glue.go).
// The page posts {id, decision} (the decision's JSON text); the worker
// answers {id, summary} (the summary's JSON text) or {id, error}. The Go
// program exports civickitIn, civickitJourney and civickitOut and shares
// its memory (see wasm/journey/main.go): no syscall/js.
(() => {
  const wasmURL = new URL("__CIVICKIT_WASM__", self.location.href).href;
  let ready = null;
  let wasm = null; // the module's exports

  function start() {
    if (ready) return ready;
    ready = new Promise((resolve, reject) => {
      const go = new self.Go();
      const load = WebAssembly.instantiateStreaming
        ? WebAssembly.instantiateStreaming(fetch(wasmURL), go.importObject).catch(() =>
            fetch(wasmURL).then((r) => r.arrayBuffer()).then((b) => WebAssembly.instantiate(b, go.importObject)))
        : fetch(wasmURL).then((r) => r.arrayBuffer()).then((b) => WebAssembly.instantiate(b, go.importObject));
      load.then((m) => {
        // run returns once main blocks: the exports are ready
        go.run(m.instance);
        wasm = m.instance.exports;
        resolve();
      }, reject);
    });
    return ready;
  }

  // explain writes the decision into the module's input buffer and
  // returns [summary JSON, error message], one of them empty.
  const enc = new TextEncoder(), dec = new TextDecoder();
  function explain(text) {
    const b = enc.encode(text);
    const at = wasm.civickitIn(b.length) >>> 0;
    new Uint8Array(wasm.mem.buffer).set(b, at); // after the call: it may grow the memory
    const n = wasm.civickitJourney(b.length);
    const out = wasm.civickitOut() >>> 0;
    const s = dec.decode(new Uint8Array(wasm.mem.buffer, out, n < 0 ? -n - 1 : n));
    return n < 0 ? ["", s] : [s, ""];
  }

  self.onmessage = (ev) => {
    const msg = ev.data || {};
    start().then(() => {
      const [summary, error] = explain(String(msg.decision));
      if (error) self.postMessage({ id: msg.id, error });
      else self.postMessage({ id: msg.id, summary });
    }, (err) => {
      self.postMessage({ id: msg.id, error: "blocked", detail: String(err && err.message || err) });
    });
  };
})();
