//go:build js && wasm

// Command journey is the program <civic-journey> loads when it is given
// a raw decision rather than a summary. It runs in a Web Worker and talks
// to it as the readability program does, through exported WebAssembly
// functions and the module's memory (wasm/internal/buffer), not
// syscall/js, which cost the module about 20 KB brotli:
//
//	civickitIn(n) -> ptr        room for n bytes of input: the decision's JSON
//	civickitJourney(n) -> m     reads the first n bytes as a decision; m >= 0
//	                            is the length of the summary's JSON, m < 0
//	                            that of an error message, -m-1 bytes
//	civickitOut() -> ptr        where the summary or the message is
//
// The summary is the JSON that "civickit journey show --format json"
// prints for the same decision (under the decision's own council
// profile). It links the journey package alone, not the readability
// scorer.
package main

import (
	"bytes"
	"encoding/json"

	"github.com/civickit/civickit/civic/journey"
	"github.com/civickit/civickit/wasm/internal/buffer"
)

//go:wasmexport civickitIn
//lint:ignore U1000 called by the worker: exported with go:wasmexport
func inBuffer(n int32) int32 { return buffer.In(n) }

//go:wasmexport civickitOut
//lint:ignore U1000 called by the worker: exported with go:wasmexport
func outBuffer() int32 { return buffer.OutAddr() }

//go:wasmexport civickitJourney
//lint:ignore U1000 called by the worker: exported with go:wasmexport
func explain(n int32) int32 {
	in := buffer.Input()
	if n < 0 || int(n) > len(in) {
		return buffer.Fail("civickitJourney: length outside the input buffer")
	}
	// These three calls are all this program uses of the journey
	// package: reading one decision, its council and its summary.
	d, err := journey.ReadDecisionJSON(bytes.NewReader(bytes.Clone(in[:n])), journey.ReadOptions{File: "decision"})
	if err != nil {
		return buffer.Fail(err.Error())
	}
	c := d.CouncilFor()
	s := d.Explain(&c)
	b, err := json.Marshal(s)
	if err != nil {
		return buffer.Fail(err.Error())
	}
	return buffer.Out(b)
}

// main returns to JavaScript by blocking: the exported functions run on
// the worker's calls from then on.
func main() {
	select {}
}
