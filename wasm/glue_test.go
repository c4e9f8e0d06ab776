package wasm

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestGlueFunctions: the lean glue defines the eight functions of the Go
// runtime's "gojs" imports, each of which Go's own wasm_exec.js defines
// too (a Go release that renamed one would fail here, and Build would
// fall back to wasm_exec.js for a module that imports the new name).
func TestGlueFunctions(t *testing.T) {
	lean, err := assets.ReadFile("assets/wasm-runtime.js")
	if err != nil {
		t.Fatal(err)
	}
	got := glueFunctions(lean)
	want := []string{"runtime.wasmExit", "runtime.wasmWrite", "runtime.resetMemoryDataView", "runtime.nanotime1",
		"runtime.walltime", "runtime.scheduleTimeoutEvent", "runtime.clearTimeoutEvent", "runtime.getRandomData"}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("wasm-runtime.js defines %v, want %v", got, want)
	}
	if exec, err := wasmExecJS(t.Context(), "go"); err == nil {
		for _, name := range want {
			if !strings.Contains(string(exec), `"`+name+`"`) {
				t.Errorf("Go's wasm_exec.js has no %s", name)
			}
		}
	}
}

// TestLeanGlue runs stripProgram under Node.js twice, started by Go's
// wasm_exec.js and by the lean glue: the same output, panic included.
func TestLeanGlue(t *testing.T) {
	gobin, node, libwasm := wasmTools(t)
	dir := t.TempDir()
	module := buildProgram(t, gobin, dir, stripProgram)
	imports, err := moduleImports(module)
	if err != nil {
		t.Fatal(err)
	}
	lean, err := assets.ReadFile("assets/wasm-runtime.js")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range imports {
		if !slices.Contains(glueFunctions(lean), name) {
			t.Fatalf("the test program imports %s, which the lean glue lacks", name)
		}
	}
	// a runner for the lean glue: the worker's globals, then the module
	runner := filepath.Join(dir, "lean.js")
	src := `globalThis.self = globalThis;
const fs = require("fs");
(0, eval)(fs.readFileSync(` + jsQuote(filepath.Join(dir, "glue.js")) + `, "utf8"));
const go = new Go();
WebAssembly.instantiate(fs.readFileSync(process.argv[2]), go.importObject).then(({ instance }) => {
  go.run(instance);
  if (go.exited) process.exitCode = 2;
});
`
	if err := os.WriteFile(runner, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "glue.js"), lean, 0o644); err != nil {
		t.Fatal(err)
	}
	want := runNode(t, node, dir, "exec", module, filepath.Join(libwasm, "wasm_exec_node.js"))
	got := runNode(t, node, dir, "lean", module, runner)
	first := func(s string) string { // up to the traceback's frames
		h, _, _ := strings.Cut(s, "goroutine ")
		return strings.TrimSpace(h)
	}
	t.Logf("under the lean glue:\n%s", got)
	if first(got) != first(want) || !strings.Contains(got, "panic: assignment to entry in nil map") {
		t.Errorf("under the lean glue the program printed\n%s\nunder wasm_exec.js\n%s", got, want)
	}
}

func jsQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}
