// Package wasm holds the WebAssembly widgets that any council site can
// embed. Each widget is a small Go main program built with GOOS=js
// GOARCH=wasm plus a custom element written in plain JavaScript.
// [Build] ("civickit widgets build --out DIR") compiles, minifies and
// compresses them into a folder; [Handler] ("civickit widgets serve")
// serves it.
//
// # Embedding
//
// Copy the built folder to the site, say as /civickit/, and add:
//
//	<script type="module" src="/civickit/civickit.js"></script>
//	<civic-readability for="ID-OF-A-TEXTAREA"></civic-readability>
//
// <civic-readability> attaches to the textarea, text input or
// contenteditable named by for="ID", or to the first one inside it. On
// the editor's first focus (or a pointer over it) it starts a Web Worker that fetches the scoring
// module with WebAssembly.instantiateStreaming; from then on it scores
// the text as it is typed (debounced: delay="200" milliseconds; one
// request in flight, the latest text next), and shows the reading age,
// Flesch reading ease, the overall score, each standard's pass or fail and
// the suggestions, each a button that selects its text in the editor. A
// polite ARIA live region announces each new score.
//
// It also marks the text in the editor itself, as the Hemingway editor
// does: long sentences, very long ones (half as long again as the limit),
// passive voice, words with a plainer alternative (plain English and
// jargon), and other findings underlined. Behind a textarea or a one-line
// text input it puts a mirror: a box with the editor's position, size,
// font, padding and wrapping width holding the same text with <mark>
// elements, under the editor made transparent (its inline styles are
// restored when the widget lets go); an input's mirror holds one line,
// centred in the box as the input centres its text, and scrolls sideways
// with it. Over a contenteditable it uses the CSS Custom Highlight API
// (CSS.highlights, one Highlight per kind, Range objects mapped from
// innerText's offsets onto the DOM, styled by a constructed style sheet,
// which a strict style-src allows); a browser without it shows the list
// alone. The marks are painted once a frame, without reading layout, so
// typing costs one update per frame. Findings give byte offsets; the
// worker turns them into UTF-16 code units, which the DOM counts. While the text is typed the marks move
// with their words until the next score. The marks are not focusable: the
// keyboard's way to them is the caret, and the panel says (politely) which
// finding the caret is in, with the plainer word; the suggestions' buttons
// select each finding's text; a toggle button (aria-pressed) or
// highlights="off" turns the marks off. Colours (--civic-hl-long,
// --civic-hl-hard, --civic-hl-passive, --civic-hl-plain, --civic-hl-other)
// keep the text's contrast above 4.5:1; their fade is left out under
// prefers-reduced-motion, and under forced colours the marks are
// underlined in Highlight. Attributes: preset
// (govuk, nhs or plain-english-campaign), name (the "file" of the
// scorecard, default "draft"), delay, max-length (characters, default
// 200,000: a longer text is not scored as it is typed, so a 5 MB paste
// costs the page nothing), max-findings (default 50), label (the panel's
// accessible name) and eager (score at once, without waiting for focus).
// After each score it dispatches a "civickit:score" event (bubbling,
// composed) whose detail is the object that "civickit check --format json
// --type text" prints for the same text: the same Go code, the same
// numbers, which the browser tests check in Chromium.
//
// <civic-journey src="summary.json"> (or with the JSON inline in a
// <script type="application/json"> child) shows a decision's journey in
// the GOV.UK step-by-step pattern from the summary that "civickit journey
// show --format json" prints, in plain JavaScript. Given a raw decision
// instead, it loads a second module built from the journey package alone
// (wasm/journey) that computes the same summary: 499.6 KB brotli as
// shipped (508.1 KB with bounds checks, the runtime 346.7 KB of it; see
// Bounds checks), 633.5 KB before the journey
// package's js build read the decision and wrote the summary with its
// hand-written codec (decision_decode.go, summary_encode.go) in place of
// encoding/json, which its tests and fuzz targets hold to the
// encoding/json reader and writer byte for byte, and left its CSV reader
// (encoding/csv) out. Put a link or the
// summary's HTML inside the element: it is what a browser without
// JavaScript shows.
//
// Both elements render into shadow DOM with textContent only (nothing
// from the text or a decision is parsed as HTML; links pass an allow-list
// of http, https, mailto, tel and relative URLs), are themed with CSS
// custom properties (--civic-text, --civic-bg, --civic-pass, --civic-fail,
// --civic-current, --civic-focus, --civic-font, ...), and need no
// external request. The assets must be served from the page's own origin
// (browsers start workers only from it). Under a Content-Security-Policy
// they need what [ContentSecurityPolicy] allows: script-src 'self'
// 'wasm-unsafe-eval', worker-src 'self', style-src 'self' and
// connect-src 'self'; without them the checker says it cannot run.
//
// The worker gets the scorecard from Go as one byte tape (see
// wasm/internal/card) and rebuilds the object in JavaScript: building it
// with a syscall/js call per field cost up to 180 ms on 2,000 words. The
// scoring program does not use syscall/js at all: it exports three
// functions with //go:wasmexport and the worker writes the text into, and
// reads the tape from, the module's memory (wasm/readability/main.go);
// syscall/js linked reflectcall, finalizers and the map iterator, about
// 17 KB brotli. Nor does the worker carry Go's wasm_exec.js: the eight
// functions the runtime imports and the program's start are in
// assets/wasm-runtime.js, 1.6 KB brotli smaller; [Build] uses it only for
// a module that imports nothing else, and TestLeanGlue runs a program
// under both in Node.js and compares what it prints.
//
// # Building a widget
//
// A widget that scores the editor's plain text reads it with
// [github.com/civickit/civickit/standards.ExtractText], not [github.com/civickit/civickit/standards.Extract], so that the Markdown
// and HTML readers are not linked in, and scores it with
// [github.com/civickit/civickit/standards.Checker.CheckDocument]:
//
//	doc, err := standards.ExtractText(src)
//	if err != nil { ... }
//	var c standards.Checker // the GOV.UK preset
//	card := c.CheckDocument("draft", doc)
//
// A widget that scores as the user types keeps a
// [github.com/civickit/civickit/standards.Draft] instead, which analyses
// again only the paragraphs changed since the last score (their tokens,
// sentences, counts and word ids) and gives the same scorecard. With it,
// and the rule set built from flat tables, re-scoring 2,000 words in
// Chromium on a two-CPU machine takes the worker a median 2.0-2.2 ms
// (the Go call 1.7-1.9 ms, the 95th percentile 3.2-3.7 ms), against
// 4.5 ms before; typed into the demo page, where laying out and marking
// the text after each score shares the two CPUs with the worker's next
// score, 3.0-3.9 ms (go test ./cmd/civickit -run TestWidgetsBrowser/speed
// -v). The Draft costs the module about 2 KB brotli.
//
// Build it with
//
//	GOOS=js GOARCH=wasm GOEXPERIMENT=nogreenteagc \
//		go build -trimpath -ldflags='-s -w' -gcflags='all=-l -B' -o widget.wasm ./widget
//	brotli -q 11 widget.wasm
//
// and then, as [Build] does, blank the runtime's traceback tables (see
// After the linker). Each flag is measured by TestWasmSize (go test ./wasm -run WasmSize
// -wasmsize -v; it needs the brotli command). With Go 1.26 the plain-text
// scoring program weighs, brotli -q 11:
//
//	flags                                   empty main   scoring path
//	-ldflags='-s -w'                        417.6 KB     561.2 KB
//	  + -gcflags=all=-l                     389.8 KB     528.2 KB
//	  + GOEXPERIMENT=nogreenteagc           381.8 KB     518.0 KB
//
// The figures are means of builds from four folder names: the main
// package's path is in the module, and brotli's output moves by up to
// about 1 KB either way with it. The scoring path has grown since (the
// editors' checks and the real-page precision work of issue 9): today
// 611.7 KB with -ldflags='-s -w' alone and 558.1 KB with all three.
//
// -gcflags=all=-l turns inlining off: the code grows, but the position
// tables the runtime keeps for each function shrink by more (inlined code
// carries its own file, line and inlining records), so the compressed
// module is about 33 KB smaller; the cost is speed, which the editor's
// few kilobytes of text do not notice (with the traceback tables blanked,
// below, inlining still costs 20 KB; inlining the standards package alone,
// 16 KB). GOEXPERIMENT=nogreenteagc builds the runtime with the previous
// garbage collector, which a single-threaded wasm program loses nothing
// by, for about 10 KB more; Go plans to drop that opt-out, after which the
// figure rises by that much. -trimpath and -ldflags='-s -w' drop file
// paths and the symbol and debug tables.
//
// # After the linker
//
// -ldflags='-s -w' leaves the runtime's own function table whole: for
// each function its name, its file and line tables, its first line and
// the layout of its arguments, which only a traceback prints. [Build]
// blanks those (zeroes them in the module's data, which brotli then
// packs to almost nothing; the addresses the program uses do not move)
// and keeps what the program runs on: the stack-pointer and stack-map
// tables the garbage collector and the stack unwinder read, each
// function's entry and argument size, the type data. A panic still stops
// the program and prints its message, with "?" for each frame
// (TestStripTables runs a program that grows stacks, collects garbage and
// panics, before and after, under Node.js). "civickit widgets build
// --symbols" keeps them. Brotli -q 11, with Go 1.26, built with bounds
// checks (without them, see Bounds checks):
//
//	readability module                     with tables   blanked
//	file and line tables                   561.9 KB      530.4 KB
//	  + function names                                   508.4 KB
//	  + unsafe points, argument liveness                 505.0 KB
//	  + argument layouts                                 502.1 KB
//	journey module (a raw decision)        577.1 KB      508.1 KB
//
// Binaryen's wasm-opt does not help after brotli: Debian's version 108
// (with --enable-bulk-memory --enable-sign-ext
// --enable-nontrapping-float-to-int --enable-mutable-globals) makes the
// readability module 569.7 KB at -Oz, 562.2 KB at -O2 and 562.1 KB at
// -O1, against 561.9 KB as Go writes it; on the blanked module -O2 gives
// 515.1 KB against 505.4 KB, and binaryen 132 512.6 KB (-O2) and 518.3 KB
// (-Oz). Its rewriting of Go's code section alone costs 53 KB brotli,
// which its optimisations only win back. GOWASM=satconv,signext saves
// 0.2 KB and is not used.
//
// # Where the bytes go
//
// The readability widget as a page downloads it, brotli -q 11: the
// module 482.7 KB, its worker (with wasm-runtime.js) 1.7 KB, the loader
// civickit.js 5.6 KB and the styles 1.3 KB, 491.2 KB in all, under the
// issue's 500 KB (512.2 KB with the bounds checks). The journey widget on a summary (the loader, journey.js
// and the styles) is 8.4 KB; the rendering of a journey is loaded only by
// a page that has one. Of the module, the Go runtime is 346.7 KB once
// blanked (an empty main; 381.6 KB with the tables); the rest is the
// scorer: about 92 KB of code and 79 KB of data (in the module as
// shipped, brotli per section: code 317 KB, data 190 KB). Before the
// blanking, Analyze (the tokeniser, sentences, syllables and formulas)
// added 72 KB and the rules, scores and plain-text reader 106 KB more. By
// section, the scoring path adds about 76 KB of code and 80 KB of data: of
// the data, about 41 KB is read-only (the tables below, strings and type
// data) and about 31 KB the runtime's per-function tables (names, PC
// tables and stack maps of some 500 more functions), which the blanking
// takes most of.
//
// # Bounds checks
//
// The modules are compiled without the index and slice bounds checks
// (-gcflags=all=-B): 21.0 KB brotli off the readability module (503.7 KB
// to 482.7 KB; 8.0 KB of it from the standard library, 13.0 KB from the
// scorer and the tape) and 8.2 KB off the journey module, which brings the
// readability widget's payload to 491.2 KB, under the 500 KB. A
// bounds check turns a bug into a panic; without it the bug reads or
// writes the wrong bytes of the module's own memory. That changes no
// result a council sees, because the checks still run everywhere the
// code is exercised: the same Go source, with the same 64-bit int, is
// tested, fuzzed and run by the civickit command with them on, so the
// module gives the command's numbers for every text the command scores
// without a panic (the browser tests compare the two on the sample texts
// and on hostile input). What a missing check could do is also bounded:
// a WebAssembly module reads and writes only its own linear memory, and
// the page shows the worker's answer with textContent alone. "civickit
// widgets build --bounds-checks" keeps them, for debugging.
//
// Within the scoring path: the syllable exception table, about 20 KB
// (6,925 CMUdict words the spelling rules miscount, which keep agreement
// with CMUdict above 99.5%; front-coded, it is as small under brotli as
// any layout tried: plain lines 24 KB, grouped by count 20 KB); the
// rules' word lists, about 10 KB; the unicode package's tables and code,
// about 5 KB (letters, marks and case outside ASCII; strings.ToLower and
// strings.Fields need its case and space tables whatever the rules use);
// and the code, strings, type data and per-function tables of the rest.
// Checker.Check, which also reads Markdown and HTML, adds about 45 KB
// more.
//
// What keeps it there: the scoring path does not range over a map (the
// runtime's map iterator is about 4 KB brotli) and avoids strings.Trim
// with a Unicode cut set and strings.ContainsRune (it does link package
// bytes, about 2 KB: Index, Count and the Buffer errors); the widget's
// tape writes its integers by hand (encoding/binary links reflect); its
// unexported structs are not comparable, so the binary carries no
// generated equality functions for them; the word lists are compiled in
// without their comment lines.
package wasm
