// The <civic-readability> scoring worker. At build time the JavaScript
// half of Go's runtime (assets/wasm-runtime.js, or Go's wasm_exec.js for a
// module that needs more: wasm/glue.go) is put in front of this file, so
// that its globals live in the worker and never on the page. The page posts {id, text, preset, name}; the worker
// answers {id, card, spans, ms, go} (ms: the whole request; go: the Go
// call alone) or {id, error}. The module is fetched on the first
// message, which the page sends on the editor's first focus, or earlier,
// {warm, preset}, when the pointer first moves over it.
// The Go program exports civickitIn, civickitScore and civickitOut and
// shares its memory (see wasm/readability/main.go): no syscall/js.
"use strict";
(() => {
  const wasmURL = new URL("__CIVICKIT_WASM__", self.location.href).href;
  let ready = null;
  let loadMs = 0; // fetching, compiling and starting the module, sent with the first score

  let wasm = null; // the module's exports: civickitIn, civickitScore, civickitOut, mem

  function start() {
    if (ready) return ready;
    const t0 = performance.now();
    ready = new Promise((resolve, reject) => {
      const go = new self.Go();
      const load = WebAssembly.instantiateStreaming
        ? WebAssembly.instantiateStreaming(fetch(wasmURL), go.importObject).catch(() =>
            // a server that does not send application/wasm
            fetch(wasmURL).then((r) => r.arrayBuffer()).then((b) => WebAssembly.instantiate(b, go.importObject)))
        : fetch(wasmURL).then((r) => r.arrayBuffer()).then((b) => WebAssembly.instantiate(b, go.importObject));
      load.then((m) => {
        // run returns once main blocks: the exports are ready
        go.run(m.instance);
        wasm = m.instance.exports;
        loadMs = performance.now() - t0;
        resolve();
      }, reject);
    });
    return ready;
  }

  // score writes text, preset and name into the module's input buffer,
  // scores, and returns the tape's bytes or an error message.
  const utf8in = new TextEncoder();
  let goMs = 0; // the last civickitScore call alone
  function score(text, preset, name) {
    const p = utf8in.encode(preset), m = utf8in.encode(name);
    // UTF-8 takes at most 3 bytes for each UTF-16 unit: the text is
    // encoded straight into the module's buffer, which Go keeps from one
    // call to the next
    const at = wasm.civickitIn(3 * text.length + p.length + m.length) >>> 0;
    const mem = new Uint8Array(wasm.mem.buffer); // after the call: it may grow the memory
    const t = utf8in.encodeInto(text, mem.subarray(at, at + 3 * text.length)).written;
    mem.set(p, at + t);
    mem.set(m, at + t + p.length);
    const t0 = performance.now();
    const n = wasm.civickitScore(t, p.length, m.length);
    goMs = performance.now() - t0;
    const out = wasm.civickitOut() >>> 0;
    const b = new Uint8Array(wasm.mem.buffer, out, n < 0 ? -n - 1 : n);
    return n < 0 ? utf8.decode(b) : b;
  }

  // decodeTape rebuilds the value tree that the Go program wrote as a
  // card.Tape (see wasm/internal/card/tape.go for the format).
  const utf8 = new TextDecoder();
  const keyCache = []; // by byte length: [bytes, key] pairs
  function decodeTape(b) {
    const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
    let i = 0;
    const len = () => {
      let n = 0, shift = 0, c;
      do { c = b[i++]; n += (c & 0x7f) * 2 ** shift; shift += 7; } while (c & 0x80);
      return n;
    };
    // most strings are short and ASCII: built here, they skip a
    // TextDecoder call each (about a third of the decoding time)
    const str = () => {
      const n = len(), e = i + n;
      let s = "";
      if (n < 48) {
        for (let k = i; k < e; k++) {
          const c = b[k];
          if (c >= 0x80) { s = utf8.decode(b.subarray(i, e)); break; }
          s += String.fromCharCode(c);
        }
      } else {
        s = utf8.decode(b.subarray(i, e));
      }
      i = e;
      return s;
    };
    // keys repeat (each finding has the same nine): each is decoded once
    // and found again by its bytes
    const keyStr = () => {
      const n = len(), e = i + n;
      const bucket = keyCache[n] || (keyCache[n] = []);
      next: for (const [kb, ks] of bucket) {
        for (let k = 0; k < n; k++) if (kb[k] !== b[i + k]) continue next;
        i = e;
        return ks;
      }
      const s = utf8.decode(b.subarray(i, e));
      bucket.push([b.slice(i, e), s]);
      i = e;
      return s;
    };
    const stack = [];
    let key = "", root;
    const put = (v) => {
      if (!stack.length) { root = v; return; }
      const top = stack[stack.length - 1];
      if (Array.isArray(top)) top.push(v); else top[key] = v;
    };
    while (i < b.length) {
      const op = b[i++];
      switch (op) {
        case 0x7b: { const o = {}; put(o); stack.push(o); break; } // {
        case 0x5b: { const a = []; put(a); stack.push(a); break; } // [
        case 0x7d: case 0x5d: stack.pop(); break;                   // } ]
        case 0x6b: key = keyStr(); break;                           // k
        case 0x73: put(str()); break;                               // s
        case 0x6e: put(dv.getFloat64(i, true)); i += 8; break;      // n
        case 0x74: put(true); break;                                // t
        case 0x66: put(false); break;                               // f
        case 0x7a: put(null); break;                                // z
        default: throw new Error("bad tape");
      }
    }
    return root;
  }

  self.onmessage = (ev) => {
    const msg = ev.data || {};
    if (msg.warm) {
      // the pointer is over an editor: load the module and build the
      // preset's rules (about 140 ms the first time) before the focus
      start().then(() => score("", String(msg.preset || ""), "draft")).catch(() => {});
      return;
    }
    start().then(() => {
      const t0 = performance.now();
      const out = score(String(msg.text), String(msg.preset || ""), String(msg.name || "draft"));
      if (typeof out === "string") {
        self.postMessage({ id: msg.id, error: out });
      } else {
        const r = decodeTape(out);
        const ms = performance.now() - t0;
        self.postMessage({ id: msg.id, card: r.card, spans: r.spans, ms: ms, go: goMs, load: loadMs });
        loadMs = 0;
      }
    }, (err) => {
      self.postMessage({ id: msg.id, error: "blocked", detail: String(err && err.message || err) });
    });
  };
})();
