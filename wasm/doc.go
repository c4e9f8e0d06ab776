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
// polite ARIA live region announces each new score. Attributes: preset
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
// (wasm/journey) that computes the same summary. Put a link or the
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
// with a syscall/js call per field cost up to 180 ms on 2,000 words.
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
// Build it with
//
//	GOOS=js GOARCH=wasm GOEXPERIMENT=nogreenteagc \
//		go build -trimpath -ldflags='-s -w' -gcflags=all=-l -o widget.wasm ./widget
//	brotli -q 11 widget.wasm
//
// Each flag is measured by TestWasmSize (go test ./wasm -run WasmSize
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
// about 1 KB either way with it.
//
// -gcflags=all=-l turns inlining off: the code grows, but the position
// tables the runtime keeps for each function shrink by more (inlined code
// carries its own file, line and inlining records), so the compressed
// module is about 33 KB smaller; the cost is speed, which the editor's
// few kilobytes of text do not notice. GOEXPERIMENT=nogreenteagc builds
// the runtime with the previous garbage collector, which a single-threaded
// wasm program loses nothing by, for about 10 KB more; Go plans to drop
// that opt-out, after which the figure rises by that much. -trimpath and
// -ldflags='-s -w' drop file paths and the symbol and debug tables. wasm-opt
// gains almost nothing after brotli.
//
// # Where the bytes go
//
// Of the scoring program's 518.0 KB, the Go runtime is 381.8 KB (the empty
// main). The scoring path adds about 136 KB: its code; the syllable
// exception table, about 22 KB (6,925 CMUdict words the spelling rules
// miscount, which keep agreement with CMUdict above 99.5%); the rules'
// word lists, about 8 KB; the unicode package's tables and code, about
// 5 KB (letters, marks and case outside ASCII; strings.ToLower and
// strings.Fields need its case and space tables whatever the rules use);
// and the runtime's per-function tables, strings and type data for all
// of it, the rest. Checker.Check, which also reads Markdown and HTML,
// adds about 45 KB more.
//
// What keeps it there: the scoring path does not range over a map (the
// runtime's map iterator is about 4 KB brotli), does not import bytes
// (it searches a document's bytes with package strings), and avoids
// strings.Trim with a Unicode cut set and strings.ContainsRune; its
// unexported structs are not comparable, so the binary carries no
// generated equality functions for them; the word lists are compiled in
// without their comment lines.
package wasm
