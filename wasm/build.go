package wasm

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/andybalholm/brotli"
	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	mhtml "github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
)

//go:embed assets
var assets embed.FS

// ContentSecurityPolicy is the strictest policy the widgets run under,
// the one the demo page and [Handler] send: scripts, styles, the worker
// and the wasm module come from the site itself ('self'), and
// 'wasm-unsafe-eval' lets the worker compile WebAssembly. A page whose
// policy lacks worker-src 'self' (or script-src 'self' when worker-src
// is not set) or 'wasm-unsafe-eval' gets the checker's message that it
// cannot run; the journey widget on a summary needs neither.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; " +
	"style-src 'self'; connect-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'"

// buildFlags and buildEnv are how the widget is built (see doc.go):
// -trimpath, so that the module is the same byte for byte whichever
// folder the source is in (without it the file paths in the position
// tables moved the brotli size by up to 1.7 KB from one folder to
// another); no
// inlining (-gcflags=all=-l) shrinks the position tables more than it
// grows the code; no bounds checks (-B) take about 21 KB off the
// readability module, and change no result that the same code, tested
// and fuzzed with its checks on, gives (see doc.go, "Bounds checks");
// and the runtime without the Green Tea collector
// (GOEXPERIMENT=nogreenteagc), which a single-threaded wasm program does
// not gain from, is about 10 KB smaller after brotli. checkedFlags are
// buildFlags with the bounds checks kept ([BuildOptions].BoundsChecks).
var (
	buildFlags   = []string{"-trimpath", "-ldflags=-s -w", "-gcflags=all=-l -B"}
	checkedFlags = []string{"-trimpath", "-ldflags=-s -w", "-gcflags=all=-l"}
	buildEnv     = []string{"GOEXPERIMENT=nogreenteagc"}
)

// BuildOptions configure [Build].
type BuildOptions struct {
	// Out is the folder to write; it is created if need be.
	Out string
	// Module is the root of the civickit module's source, which the
	// widgets' Go programs are compiled from; empty means the module
	// that holds the current folder.
	Module string
	// Go is the go command; empty means "go" on the PATH.
	Go string
	// Symbols keeps the function names and positions that the runtime's
	// tracebacks print in the modules; false (the default) blanks them
	// (see stripTables), about 59 KB brotli off the readability widget.
	Symbols bool
	// BoundsChecks keeps the compiler's index and slice bounds checks in
	// the modules, so that a bug panics with "index out of range" instead
	// of reading the wrong bytes; false (the default) leaves them out,
	// about 21 KB brotli off the readability widget (see doc.go).
	BoundsChecks bool
	// BrotliQuality is the brotli level of the .br files, 1 to 11; 0
	// means 11, the smallest files, which takes pure Go about 10 s for
	// the wasm module (and minutes under the race detector: tests ask
	// for less).
	BrotliQuality int
}

// File is one file written by [Build] with its sizes in bytes: as
// written, and its precompressed .gz and .br copies (0 when it has none).
type File struct {
	Name   string `json:"name"`
	Size   int    `json:"size"`
	Gzip   int    `json:"gzip,omitempty"`
	Brotli int    `json:"brotli,omitempty"`
}

// Build compiles the widgets to WebAssembly (GOOS=js GOARCH=wasm with
// the flags doc.go measures), minifies the JavaScript, CSS and HTML,
// names each asset by its content's hash so that it can be cached for
// ever, writes gzip and brotli copies next to each, and writes:
//
//	civickit.js     the loader: an ES module that defines <civic-readability> and <civic-journey>
//	journey.*.js    the rendering of <civic-journey>, loaded only by a page that has one
//	feedback.*.js   <civic-feedback>, loaded only by a page that has one
//	readability.*.wasm, readability-worker.*.js   the scorer, loaded on an editor's first focus
//	journey.*.wasm, journey-worker.*.js           loaded only for a raw decision, not a summary
//	embed.html      the two lines a page needs
//	index.html      a demo page
//
// It returns the files written, in order.
func Build(ctx context.Context, opt BuildOptions) ([]File, error) {
	if opt.Out == "" {
		return nil, errors.New("widgets: no output folder")
	}
	gocmd := opt.Go
	if gocmd == "" {
		gocmd = "go"
	}
	mod, err := moduleRoot(ctx, gocmd, opt.Module)
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "civickit-widgets")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	flags := buildFlags
	if opt.BoundsChecks {
		flags = checkedFlags
	}
	wasmBin, err := compile(ctx, gocmd, mod, "./wasm/readability", filepath.Join(tmp, "readability.wasm"), flags, !opt.Symbols)
	if err != nil {
		return nil, err
	}
	journeyBin, err := compile(ctx, gocmd, mod, "./wasm/journey", filepath.Join(tmp, "journey.wasm"), flags, !opt.Symbols)
	if err != nil {
		return nil, err
	}
	wasmExec, err := wasmExecJS(ctx, gocmd)
	if err != nil {
		return nil, err
	}
	m := minify.New()
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("text/javascript", js.Minify)
	m.Add("text/html", &mhtml.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true})
	min := func(mime string, b []byte) ([]byte, error) {
		out, err := m.Bytes(mime, b)
		if err != nil {
			return nil, fmt.Errorf("widgets: minifying %s: %w", mime, err)
		}
		return out, nil
	}
	asset := func(name string) []byte {
		b, err := assets.ReadFile("assets/" + name)
		if err != nil {
			panic(err) // embedded at compile time
		}
		return b
	}

	var out []outFile
	add := func(name string, b []byte, hashed bool) string {
		if hashed {
			name = hashName(name, b)
		}
		out = append(out, outFile{name, b})
		return name
	}
	wasmName := add("readability.wasm", wasmBin, true)
	worker := bytes.ReplaceAll(asset("readability-worker.js"), []byte("__CIVICKIT_WASM__"), []byte(wasmName))
	glue, err := runtimeGlue(wasmBin, wasmExec)
	if err != nil {
		return nil, err
	}
	worker, err = min("text/javascript", slices.Concat(glue, []byte("\n"), worker))
	if err != nil {
		return nil, err
	}
	workerName := add("readability-worker.js", worker, true)
	journeyName := add("journey.wasm", journeyBin, true)
	jworker := bytes.ReplaceAll(asset("journey-worker.js"), []byte("__CIVICKIT_WASM__"), []byte(journeyName))
	jglue, err := runtimeGlue(journeyBin, wasmExec)
	if err != nil {
		return nil, err
	}
	jworker, err = min("text/javascript", slices.Concat(jglue, []byte("\n"), jworker))
	if err != nil {
		return nil, err
	}
	jworkerName := add("journey-worker.js", jworker, true)
	cssMin, err := min("text/css", asset("civickit.css"))
	if err != nil {
		return nil, err
	}
	cssName := add("civickit.css", cssMin, true)
	feedback, err := min("text/javascript", []byte(strings.ReplaceAll(string(asset("feedback.js")), "__CIVICKIT_CSS__", cssName)))
	if err != nil {
		return nil, err
	}
	feedbackName := add("feedback.js", feedback, true)
	journey, err := min("text/javascript", bytes.ReplaceAll(asset("journey.js"), []byte("__CIVICKIT_JOURNEY_WORKER__"), []byte(jworkerName)))
	if err != nil {
		return nil, err
	}
	journeyJSName := add("journey.js", journey, true)
	loader := strings.NewReplacer("__CIVICKIT_CSS__", cssName, "__CIVICKIT_WORKER__", workerName, "__CIVICKIT_JOURNEY__", journeyJSName, "__CIVICKIT_FEEDBACK__", feedbackName).Replace(string(asset("civickit.js")))
	loaderMin, err := min("text/javascript", []byte(loader))
	if err != nil {
		return nil, err
	}
	add("civickit.js", loaderMin, false)
	demoCSS, err := min("text/css", asset("demo.css"))
	if err != nil {
		return nil, err
	}
	demoCSSName := add("demo.css", demoCSS, true)
	snippet := string(asset("embed.html"))
	add("embed.html", []byte(snippet), false)
	journeyJSON, err := compactJSON(asset("demo-journey.json"))
	if err != nil {
		return nil, err
	}
	demo := strings.NewReplacer(
		"__CIVICKIT_CSP__", html.EscapeString(ContentSecurityPolicy),
		"__CIVICKIT_DEMO_CSS__", demoCSSName,
		"__CIVICKIT_JS__", "civickit.js",
		"__CIVICKIT_JOURNEY_JSON__", journeyJSON,
		"__CIVICKIT_SNIPPET__", html.EscapeString(strings.TrimSpace(snippet)),
	).Replace(string(asset("demo.html")))
	demoMin, err := min("text/html", []byte(demo))
	if err != nil {
		return nil, err
	}
	add("index.html", demoMin, false)

	if err := os.MkdirAll(opt.Out, 0o755); err != nil {
		return nil, err
	}
	var files []File
	for _, f := range out {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		fi := File{Name: f.name, Size: len(f.data)}
		if err := os.WriteFile(filepath.Join(opt.Out, f.name), f.data, 0o644); err != nil {
			return nil, err
		}
		if f.name != "embed.html" {
			gz, err := gzipBytes(f.data)
			if err != nil {
				return nil, err
			}
			br, err := brotliBytes(f.data, opt.BrotliQuality)
			if err != nil {
				return nil, err
			}
			if err := os.WriteFile(filepath.Join(opt.Out, f.name+".gz"), gz, 0o644); err != nil {
				return nil, err
			}
			if err := os.WriteFile(filepath.Join(opt.Out, f.name+".br"), br, 0o644); err != nil {
				return nil, err
			}
			fi.Gzip, fi.Brotli = len(gz), len(br)
		}
		files = append(files, fi)
	}
	return files, nil
}

type outFile struct {
	name string
	data []byte
}

// hashName puts the first 10 hex digits of b's SHA-256 before name's
// extension: readability.wasm becomes readability.1a2b3c4d5e.wasm.
func hashName(name string, b []byte) string {
	sum := sha256.Sum256(b)
	ext := filepath.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext
}

// compactJSON compacts b for a <script type="application/json"> block,
// escaping <, > and & so that no "</script" can end the block early.
func compactJSON(b []byte) (string, error) {
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return "", err
	}
	out, err := json.Marshal(v)
	return string(out), err
}

// moduleRoot returns dir when set, else the root of the module holding
// the current folder, which must be civickit's.
func moduleRoot(ctx context.Context, gocmd, dir string) (string, error) {
	if dir == "" {
		b, err := exec.CommandContext(ctx, gocmd, "env", "GOMOD").Output()
		if err != nil {
			return "", fmt.Errorf("widgets: finding the module: %w", err)
		}
		gomod := strings.TrimSpace(string(b))
		if gomod == "" || gomod == os.DevNull {
			return "", errors.New("widgets: run this inside the civickit source tree, or name it with --module")
		}
		dir = filepath.Dir(gomod)
	}
	b, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		return "", fmt.Errorf("widgets: %w", err)
	}
	first, _, _ := strings.Cut(string(b), "\n")
	if strings.TrimSpace(first) != "module github.com/civickit/civickit" {
		return "", fmt.Errorf("widgets: %s is not the civickit module; name its source with --module", dir)
	}
	return dir, nil
}

// compile builds the js/wasm program pkg of the module in dir to out, as
// doc.go describes, blanks the traceback tables when strip is set, and
// returns the module's bytes.
func compile(ctx context.Context, gocmd, dir, pkg, out string, flags []string, strip bool) ([]byte, error) {
	args := append([]string{"build", "-trimpath", "-o", out}, flags...)
	cmd := exec.CommandContext(ctx, gocmd, append(args, pkg)...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0"), buildEnv...)
	if b, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("widgets: go build %s: %v\n%s", pkg, err, b)
	}
	b, err := os.ReadFile(out)
	if err != nil || !strip {
		return b, err
	}
	if err := stripTables(b); err != nil {
		return nil, fmt.Errorf("%w (build with the symbols kept to skip this step)", err)
	}
	return b, nil
}

// wasmExecJS reads the go command's wasm_exec.js, the glue between the
// browser and a GOOS=js program; it must match the compiler's version.
func wasmExecJS(ctx context.Context, gocmd string) ([]byte, error) {
	b, err := exec.CommandContext(ctx, gocmd, "env", "GOROOT").Output()
	if err != nil {
		return nil, fmt.Errorf("widgets: go env GOROOT: %w", err)
	}
	root := strings.TrimSpace(string(b))
	for _, p := range []string{"lib/wasm/wasm_exec.js", "misc/wasm/wasm_exec.js"} {
		if b, err := os.ReadFile(filepath.Join(root, p)); err == nil {
			return b, nil
		}
	}
	return nil, fmt.Errorf("widgets: no wasm_exec.js under %s", root)
}

func gzipBytes(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func brotliBytes(b []byte, quality int) ([]byte, error) {
	if quality <= 0 || quality > brotli.BestCompression {
		quality = brotli.BestCompression
	}
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, quality)
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
