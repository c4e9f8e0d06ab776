// Package wasm holds the WebAssembly widgets that any council site can
// embed. Each widget is a small Go main program built with GOOS=js
// GOARCH=wasm plus a custom element written in plain JavaScript.
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
//	-ldflags='-s -w'                        417.6 KB     569.0 KB
//	  + -gcflags=all=-l                     389.8 KB     535.7 KB
//	  + GOEXPERIMENT=nogreenteagc           381.8 KB     525.6 KB
//
// -gcflags=all=-l turns inlining off: the code grows, but the position
// tables the runtime keeps for each function shrink by more (inlined code
// carries its own file, line and inlining records), so the compressed
// module is about 34 KB smaller; the cost is speed, which the editor's
// few kilobytes of text do not notice. GOEXPERIMENT=nogreenteagc builds
// the runtime with the previous garbage collector, which a single-threaded
// wasm program loses nothing by, for about 10 KB more; Go plans to drop
// that opt-out, after which the figure rises by that much. -trimpath and
// -ldflags='-s -w' drop file paths and the symbol and debug tables. wasm-opt
// gains almost nothing after brotli.
//
// # Where the bytes go
//
// Of the scoring program's 525.6 KB, the Go runtime is 381.8 KB (the empty
// main). The scoring path adds about 144 KB: its code, about 68 KB; the
// syllable exception table, about 22 KB (6,925 CMUdict words the spelling
// rules miscount, which keep agreement with CMUdict above 97%); the rules'
// word lists, about 8 KB; the unicode package's tables and code, about
// 9 KB (letters, marks and case outside ASCII); and the runtime's
// per-function tables, strings and type data for all of it, the rest.
// Checker.Check, which also reads Markdown and HTML, adds about 42 KB more.
package wasm
