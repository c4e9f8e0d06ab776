//go:build js && wasm

// Command readability is the scoring program of the <civic-readability>
// widget. It runs in a Web Worker and talks to it through three exported
// WebAssembly functions and the module's memory, not syscall/js, whose
// reflection-based calls, finalizers and map iteration cost about 21 KB
// brotli:
//
//	civickitIn(n) -> ptr         room for n bytes of input; the worker
//	                             writes text, preset and name there, UTF-8
//	civickitScore(t, p, m) -> n  scores the first t bytes as text with
//	                             preset (the next p bytes) and name (the
//	                             next m); n >= 0 is the length of a
//	                             [card.Tape], n < 0 that of an error
//	                             message, -n-1 bytes
//	civickitOut() -> ptr         where the tape or the message is
//
// The tape holds {card, spans}: card is the object that "civickit check
// --format json --type text" prints for the text, and spans holds each
// finding's start and end in UTF-16 code units, for the page's selection.
// The worker must take fresh views of the memory after each call: scoring
// may grow it.
package main

import (
	"unsafe"

	"github.com/civickit/civickit/standards"
	"github.com/civickit/civickit/wasm/internal/card"
)

var (
	in     []byte
	tape   card.Tape
	errOut []byte
	out    []byte
	drafts []*standards.Draft
)

// checker returns the preset's draft: a standards.Draft analyses again
// only the paragraphs the editor changed since the last score (about a
// third less work on 2,000 words), with the scorecard a fresh check gives.
func checker(preset string) (*standards.Draft, error) {
	for _, d := range drafts {
		if d.Checker.Preset == preset {
			return d, nil
		}
	}
	c := &standards.Checker{Preset: preset, Format: standards.FormatText}
	if _, err := c.RuleSet(); err != nil {
		return nil, err
	}
	d := &standards.Draft{Checker: c}
	drafts = append(drafts, d)
	return d, nil
}

// addr is p's address in the module's memory.
func addr(p []byte) int32 { return int32(uintptr(unsafe.Pointer(unsafe.SliceData(p)))) }

//go:wasmexport civickitIn
//lint:ignore U1000 called by the worker: exported with go:wasmexport
func inBuffer(n int32) int32 {
	if n < 0 {
		n = 0
	}
	if int(n) > cap(in) {
		in = make([]byte, n)
	}
	in = in[:n]
	return addr(in)
}

//go:wasmexport civickitOut
//lint:ignore U1000 called by the worker: exported with go:wasmexport
func outBuffer() int32 { return addr(out) }

//go:wasmexport civickitScore
//lint:ignore U1000 called by the worker: exported with go:wasmexport
func score(textLen, presetLen, nameLen int32) int32 {
	t, p, m := int(textLen), int(presetLen), int(nameLen)
	if t < 0 || p < 0 || m < 0 || t+p+m > len(in) {
		return fail("civickitScore: lengths outside the input buffer")
	}
	text := string(in[:t])
	c, err := checker(string(in[t : t+p]))
	if err != nil {
		return fail(err.Error())
	}
	doc, err := standards.ExtractText([]byte(text)) // a copy: in is reused
	if err != nil {
		return fail(err.Error())
	}
	sc := c.Check(string(in[t+p:t+p+m]), doc)
	tape.Reset()
	tape.BeginObject()
	tape.Key("card")
	card.Scorecard(&tape, sc)
	tape.Key("spans")
	tape.BeginArray()
	for _, s := range card.UTF16Spans(text, sc.Findings) {
		tape.Number(float64(s))
	}
	tape.EndArray()
	tape.EndObject()
	out = tape.Bytes()
	return int32(len(out))
}

// fail puts msg where civickitOut points and returns its encoded length.
func fail(msg string) int32 {
	errOut = append(errOut[:0], msg...)
	out = errOut
	return -int32(len(out)) - 1
}

// main returns to JavaScript by blocking: the exported functions run on
// the worker's calls from then on.
func main() {
	select {}
}
