package wasm

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
)

// runtimeGlue is the JavaScript that starts a module in its worker: the
// lean assets/wasm-runtime.js when the module imports only the Go
// runtime's own "gojs" functions that it provides (the readability
// program, which uses no syscall/js: 1.6 KB brotli less than Go's
// wasm_exec.js), else wasm_exec.js itself (the journey program, whose
// os package links syscall/js).
func runtimeGlue(module, wasmExec []byte) ([]byte, error) {
	imports, err := moduleImports(module)
	if err != nil {
		return nil, fmt.Errorf("widgets: reading the module's imports: %w", err)
	}
	lean, err := assets.ReadFile("assets/wasm-runtime.js")
	if err != nil {
		return nil, err
	}
	have := glueFunctions(lean)
	for _, name := range imports {
		if !slices.Contains(have, name) {
			return wasmExec, nil
		}
	}
	return lean, nil
}

// glueFunctions lists the "gojs" functions a glue script defines.
func glueFunctions(js []byte) []string {
	var names []string
	for _, m := range regexp.MustCompile(`"(runtime\.[A-Za-z0-9_]+)"\s*:`).FindAllSubmatch(js, -1) {
		names = append(names, string(m[1]))
	}
	return names
}

// moduleImports lists a module's imports as "module.name" for the
// "gojs" module and "module name" for any other.
func moduleImports(b []byte) ([]string, error) {
	r, _, err := section(b, 2)
	if err != nil || r == nil {
		return nil, err
	}
	var out []string
	for range r.uleb() {
		mod := r.name()
		name := r.name()
		switch r.byte() {
		case 0: // a function: its type
			r.uleb()
		case 1: // a table: its type and limits
			r.byte()
			r.limits()
		case 2: // a memory
			r.limits()
		case 3: // a global: its type and mutability
			r.skip(2)
		default:
			return nil, errors.New("an import of an unknown kind")
		}
		if r.err != nil {
			return nil, r.err
		}
		if mod == "gojs" {
			out = append(out, name)
		} else {
			out = append(out, mod+" "+name)
		}
	}
	return out, r.err
}

// name reads a length-prefixed name.
func (r *wasmReader) name() string {
	n := r.uleb()
	if r.err != nil || r.i+n > len(r.b) {
		r.err = errors.New("a name overruns the module")
		return ""
	}
	s := string(r.b[r.i : r.i+n])
	r.i += n
	return s
}

// limits reads a table's or a memory's limits: a flag, a minimum, and a
// maximum when the flag's low bit is set.
func (r *wasmReader) limits() {
	if r.byte()&1 != 0 {
		r.uleb()
	}
	r.uleb()
}
