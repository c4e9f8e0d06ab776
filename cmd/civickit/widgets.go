package main

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/civickit/civickit/wasm"
)

// widgetsCmd groups the commands for the embeddable web widgets.
var widgetsCmd = &Command{
	Name:      "widgets",
	UsageLine: "widgets <command> [arguments]",
	Short:     "build and serve the readability and journey widgets for council web pages",
	Long: `Widgets builds the web widgets any council site can embed with two lines
of HTML: <civic-readability>, which scores text against the content
standards as it is typed, in the browser, with the same Go code as
"civickit check"; and <civic-journey>, which shows where a decision is on
its journey from the JSON that "civickit journey show --format json"
prints.`,
	Sub: []*Command{widgetsBuildCmd, widgetsServeCmd},
}

var widgetsBuildFlags struct {
	out, module string
	symbols     bool
	checks      bool
}

var widgetsBuildCmd = &Command{
	Name:      "build",
	UsageLine: "widgets build --out DIR [--module DIR] [--symbols] [--bounds-checks]",
	Short:     "compile, minify and compress the widgets into a folder",
	Long: `Build compiles the widgets to WebAssembly (it needs the go command and
the civickit source: the current folder's module, or --module), minifies
their JavaScript, CSS and HTML, names each asset by its content's hash,
writes .br and .gz copies for servers that send precompressed files, and
prints each file's size in bytes. DIR then holds civickit.js (the loader),
embed.html (the lines to copy into a page) and index.html (a demo).

The WebAssembly modules ship without the function names and source
positions that Go's runtime keeps for its tracebacks (about 59 KB brotli of
the readability checker's module): a crash in the browser then prints "?"
for each frame. --symbols keeps them, for debugging. They are also
compiled without the index and slice bounds checks (about 21 KB brotli):
the same Go code runs with its checks on in civickit's tests and fuzzing
and in this command, so a module never gives a result the command would
not. --bounds-checks keeps them, so that a bug panics in the browser too.

Copy DIR to the site, say as /civickit/, and add to a page:

	<script type="module" src="/civickit/civickit.js"></script>
	<civic-readability for="ID-OF-A-TEXTAREA"></civic-readability>

The files must be served from the page's own origin (browsers start
workers only from it), with application/wasm for .wasm. Under a
Content-Security-Policy the checker needs script-src 'self'
'wasm-unsafe-eval' and worker-src 'self'; without them it says so.`,
	SetFlags: func(fs *flag.FlagSet) {
		fs.StringVar(&widgetsBuildFlags.out, "out", "", "the `folder` to write")
		fs.StringVar(&widgetsBuildFlags.module, "module", "", "the civickit source `folder` (default: the module holding the current folder)")
		fs.BoolVar(&widgetsBuildFlags.symbols, "symbols", false, "keep the function names and positions that tracebacks print in the modules")
		fs.BoolVar(&widgetsBuildFlags.checks, "bounds-checks", false, "keep the index and slice bounds checks in the modules (about 21 KB brotli more), for debugging")
	},
	Run: runWidgetsBuild,
}

func runWidgetsBuild(ctx context.Context, env *Env, cmd *Command, args []string) error {
	rest, err := parseFlags(cmd, cmd.FlagSet(), args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef(cmd, "unexpected argument %q", rest[0])
	}
	f := widgetsBuildFlags
	if f.out == "" {
		return usagef(cmd, "--out is required")
	}
	files, err := wasm.Build(ctx, wasm.BuildOptions{Out: f.out, Module: f.module, Symbols: f.symbols, BoundsChecks: f.checks})
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%-36s %10s %10s %10s\n", "file", "bytes", "gzip", "brotli")
	for _, file := range files {
		fmt.Fprintf(env.Stdout, "%-36s %10d %10s %10s\n", file.Name, file.Size, orDash(file.Gzip), orDash(file.Brotli))
	}
	return nil
}

func orDash(n int) string {
	if n == 0 {
		return "-"
	}
	return fmt.Sprint(n)
}

var widgetsServeFlags struct {
	dir, addr string
}

var widgetsServeCmd = &Command{
	Name:      "serve",
	UsageLine: "widgets serve [--dir DIR] [--addr 127.0.0.1:8080]",
	Short:     "serve a built widgets folder and its demo page",
	Long: `Serve serves a folder written by "civickit widgets build" over HTTP, with
each file's MIME type, its precompressed copy when the browser accepts
it, long-lived caching for hashed names, and the strict
Content-Security-Policy the widgets are built to run under. It runs until
interrupted.`,
	SetFlags: func(fs *flag.FlagSet) {
		fs.StringVar(&widgetsServeFlags.dir, "dir", "widgets", "the built `folder`")
		fs.StringVar(&widgetsServeFlags.addr, "addr", "127.0.0.1:8080", "the `address` to listen on")
	},
	Run: runWidgetsServe,
}

func runWidgetsServe(ctx context.Context, env *Env, cmd *Command, args []string) error {
	rest, err := parseFlags(cmd, cmd.FlagSet(), args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef(cmd, "unexpected argument %q", rest[0])
	}
	f := widgetsServeFlags
	if _, err := os.Stat(f.dir + "/civickit.js"); err != nil {
		return fmt.Errorf("%s is not a built widgets folder (run civickit widgets build --out %s): %w", f.dir, f.dir, err)
	}
	srv := &http.Server{Handler: wasm.Handler(f.dir), ReadHeaderTimeout: 10 * time.Second}
	return serveUntilDone(ctx, env, srv, f.addr, "civickit widgets: serving "+strings.ReplaceAll(f.dir, "%", "%%")+" at http://%s/")
}
