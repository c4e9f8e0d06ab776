package wasm

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// stripProgram exercises what the blanked tables must not break: stack
// growth and copying (deep recursion), garbage collection that scans
// stacks while pointers live in many frames, goroutines, panics
// recovered with their values, and a final panic, whose message must
// still be printed.
const stripProgram = `package main

import (
	"runtime"
	"strings"
)

type node struct {
	next *node
	s    string
}

func deep(n int, acc *node) *node {
	if n == 0 {
		runtime.GC()
		return acc
	}
	buf := make([]byte, 64)
	buf[0] = byte(n)
	r := deep(n-1, &node{acc, string(buf[:1])})
	if r == nil || buf[0] != byte(n) {
		panic("stack corrupted")
	}
	return r
}

func recovered(i int) (msg string) {
	defer func() { msg = recover().(error).Error() }()
	// a division by zero, not an index out of range: the widgets are
	// built without bounds checks (-B), but not without this check
	return strings.Repeat("x", 10/(i-3))
}

func main() {
	n := 0
	for l := deep(5000, nil); l != nil; l = l.next {
		n++
	}
	done := make(chan int)
	for g := range 8 {
		go func() {
			var sb strings.Builder
			for i := range 2000 {
				sb.WriteString(strings.Repeat("ab", i%7))
			}
			done <- g + sb.Len()
		}()
	}
	sum := 0
	for range 8 {
		sum += <-done
	}
	println("nodes", n, "sum", sum, recovered(3))
	var m map[string]int
	m["boom"] = 1
}
`

// wasmTools returns the go command and node, and the folder of Go's
// wasm_exec files, or skips the test without them.
func wasmTools(t *testing.T) (gobin, node, libwasm string) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds a wasm program")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not available")
	}
	node, err = exec.LookPath("node")
	if err != nil {
		t.Skip("node not available: apt-get install -y nodejs")
	}
	b, err := exec.Command(gobin, "env", "GOROOT").Output()
	if err != nil {
		t.Fatal(err)
	}
	libwasm = filepath.Join(strings.TrimSpace(string(b)), "lib", "wasm")
	if _, err := os.Stat(filepath.Join(libwasm, "wasm_exec_node.js")); err != nil {
		t.Skip("no wasm_exec_node.js in GOROOT")
	}
	return gobin, node, libwasm
}

// buildProgram builds the main package src for js/wasm as the widgets
// are built, in dir, and returns the module's bytes.
func buildProgram(t *testing.T, gobin, dir, src string) []byte {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module prog\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "prog.wasm")
	cmd := exec.Command(gobin, append([]string{"build", "-trimpath", "-o", bin}, buildFlags...)...)
	cmd.Dir = dir
	cmd.Env = append(append(cmd.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0", "GOFLAGS=", "GOWORK=off"), buildEnv...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	b, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// runNode runs a module with node and a runner script, and returns its
// output; the program must fail (stripProgram panics at its end).
func runNode(t *testing.T, node, dir, name string, module []byte, runner ...string) string {
	t.Helper()
	p := filepath.Join(dir, name+".wasm")
	if err := os.WriteFile(p, module, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, append(runner, p)...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	if _, ok := err.(*exec.ExitError); !ok && err != nil {
		t.Fatalf("node: %v", err)
	}
	return out.String()
}

// TestStripTables builds stripProgram for js/wasm, blanks its tables and
// runs both modules with Node.js and Go's wasm_exec_node.js: the output
// before the traceback must be the same, and the stripped module's panic
// must still be reported. It needs the go command and node, and skips
// without them.
func TestStripTables(t *testing.T) {
	gobin, node, libwasm := wasmTools(t)
	dir := t.TempDir()
	orig := buildProgram(t, gobin, dir, stripProgram)
	stripped := bytes.Clone(orig)
	if err := stripTables(stripped); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(orig, stripped) {
		t.Fatal("stripTables changed nothing")
	}
	// the function names are gone
	if !bytes.Contains(orig, []byte("main.deep")) || bytes.Contains(stripped, []byte("main.deep")) {
		t.Error("the function name main.deep is not in the module before stripping, or still in it after")
	}
	runner := filepath.Join(libwasm, "wasm_exec_node.js")
	before, after := runNode(t, node, dir, "orig", orig, runner), runNode(t, node, dir, "stripped", stripped, runner)
	const want = "nodes 5000 sum"
	head := func(s string) string { h, _, _ := strings.Cut(s, "goroutine "); return h }
	if !strings.Contains(before, want) || head(before) != head(after) {
		t.Errorf("the stripped module's output differs:\nbefore: %s\nafter:  %s", before, after)
	}
	if !strings.Contains(after, "integer divide by zero") || !strings.Contains(after, "panic: assignment to entry in nil map") {
		t.Errorf("the stripped module's panics are not reported:\n%s", after)
	}
	t.Logf("the stripped module's output:\n%s", after)
}

// TestStripTablesBadInput: a module that is not Go's, or is cut short,
// is an error, never a panic.
func TestStripTablesBadInput(t *testing.T) {
	for name, b := range map[string][]byte{
		"empty":        nil,
		"not wasm":     []byte("hello, world"),
		"header only":  []byte("\x00asm\x01\x00\x00\x00"),
		"cut section":  []byte("\x00asm\x01\x00\x00\x00\x0b\x7f\x01"),
		"bad segment":  []byte("\x00asm\x01\x00\x00\x00\x0b\x05\x01\x02\x41\x00\x0b"),
		"huge address": []byte("\x00asm\x01\x00\x00\x00\x0b\x09\x01\x00\x41\xff\xff\xff\xff\x07\x0b\x00"),
		"no table":     []byte("\x00asm\x01\x00\x00\x00\x0b\x08\x01\x00\x41\x08\x0b\x02\x01\x02"),
	} {
		t.Run(name, func(t *testing.T) {
			if err := stripTables(bytes.Clone(b)); err == nil {
				t.Error("no error")
			}
		})
	}
}

// FuzzStripTables: no input panics stripTables.
func FuzzStripTables(f *testing.F) {
	f.Add([]byte("\x00asm\x01\x00\x00\x00\x0b\x08\x01\x00\x41\x08\x0b\x02\x01\x02"))
	var hdr [80]byte
	copy(hdr[:], "\xf1\xff\xff\xff\x00\x00\x01\x08\x01")
	f.Add(append([]byte("\x00asm\x01\x00\x00\x00\x0b\x56\x01\x00\x41\x00\x0b\x50"), hdr[:]...))
	f.Fuzz(func(t *testing.T, b []byte) {
		_ = stripTables(b)
	})
}
