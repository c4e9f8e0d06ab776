// The JavaScript half of Go's js/wasm runtime for a module that does not
// use syscall/js: the eight "gojs" functions the runtime imports and the
// start of the program, in place of Go's wasm_exec.js (whose
// syscall/js bridge and file-system stand-ins such a module never calls).
// It follows wasm_exec.js of the go command that built the module; Build
// uses it only when the module imports nothing else (wasm/glue.go).
"use strict";
(() => {
  const timeOrigin = Date.now() - performance.now();
  const utf8 = new TextDecoder();
  self.Go = class {
    constructor() {
      this.exited = false;
      const timeouts = new Map();
      let nextTimeout = 1;
      let line = ["", ""]; // output to stdout and stderr, up to a newline
      const mem = () => this._mem;
      const i64 = (a) => mem().getUint32(a, true) + mem().getInt32(a + 4, true) * 4294967296;
      const set64 = (a, v) => { mem().setUint32(a, v, true); mem().setUint32(a + 4, Math.floor(v / 4294967296), true); };
      const bytes = (p, n) => new Uint8Array(this._inst.exports.mem.buffer, p, n);
      this.importObject = {
        gojs: {
          // each takes Go's stack pointer: the arguments from sp+8
          "runtime.wasmExit": (sp) => {
            sp >>>= 0;
            this.exited = true;
            const code = mem().getInt32(sp + 8, true);
            if (code !== 0) console.warn("exit code:", code);
          },
          "runtime.wasmWrite": (sp) => {
            sp >>>= 0;
            const fd = i64(sp + 8) === 2 ? 1 : 0;
            line[fd] += utf8.decode(bytes(i64(sp + 16), mem().getInt32(sp + 24, true)));
            const nl = line[fd].lastIndexOf("\n");
            if (nl >= 0) {
              (fd ? console.error : console.log)(line[fd].slice(0, nl));
              line[fd] = line[fd].slice(nl + 1);
            }
          },
          "runtime.resetMemoryDataView": () => { this._mem = new DataView(this._inst.exports.mem.buffer); },
          "runtime.nanotime1": (sp) => { set64((sp >>> 0) + 8, (timeOrigin + performance.now()) * 1000000); },
          "runtime.walltime": (sp) => {
            sp >>>= 0;
            const ms = Date.now();
            set64(sp + 8, ms / 1000);
            mem().setInt32(sp + 16, (ms % 1000) * 1000000, true);
          },
          "runtime.scheduleTimeoutEvent": (sp) => {
            sp >>>= 0;
            const id = nextTimeout++;
            timeouts.set(id, setTimeout(() => {
              this._resume();
              while (timeouts.has(id)) this._resume(); // as wasm_exec.js does (go.dev/issue/28975)
            }, i64(sp + 8)));
            mem().setInt32(sp + 16, id, true);
          },
          "runtime.clearTimeoutEvent": (sp) => {
            const id = mem().getInt32((sp >>> 0) + 8, true);
            clearTimeout(timeouts.get(id));
            timeouts.delete(id);
          },
          "runtime.getRandomData": (sp) => {
            sp >>>= 0;
            crypto.getRandomValues(bytes(i64(sp + 8), i64(sp + 16)));
          },
        },
      };
    }

    // run starts the program, as wasm_exec.js does, with argv ["js"] and
    // no environment, written at 4096 below the module's data; it returns
    // when main blocks or exits.
    run(instance) {
      this._inst = instance;
      this._mem = new DataView(instance.exports.mem.buffer);
      new Uint8Array(instance.exports.mem.buffer, 4096, 3).set([0x6a, 0x73, 0]); // "js\0"
      // argv at 4104: the "js" pointer, then the ends of argv and of the environment
      for (const [at, v] of [[4104, 4096], [4112, 0], [4120, 0]]) set64Plain(this._mem, at, v);
      instance.exports.run(1, 4104);
    }

    _resume() {
      if (this.exited) throw new Error("Go program has already exited");
      this._inst.exports.resume();
    }
  };
  function set64Plain(m, a, v) { m.setUint32(a, v, true); m.setUint32(a + 4, 0, true); }
})();
