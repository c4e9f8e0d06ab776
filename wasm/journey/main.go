//go:build js && wasm

// Command journey is the program <civic-journey> loads when it is given
// a raw decision rather than a summary. It runs in a Web Worker: it
// defines the global function
//
//	civickitJourney(decisionJSON) -> string
//
// which returns the JSON of the citizen summary that "civickit journey
// show --format json" prints for the same decision (under the decision's
// own council profile), or an error message that does not start with "{".
// It links the journey package alone, not the readability scorer, and
// not encoding/json: in the js build the journey package reads the
// decision and writes the summary with its hand-written codec, which its
// tests hold to the encoding/json reader and writer byte for byte.
package main

import (
	"strings"
	"syscall/js"

	"github.com/civickit/civickit/civic/journey"
)

func main() {
	explain := js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) < 1 {
			return "civickitJourney(decisionJSON)"
		}
		// These four calls are all this program uses of the journey
		// package: reading one decision, its council and its summary, and
		// writing the summary as "civickit journey show --format json" does.
		d, err := journey.ReadDecisionJSON(strings.NewReader(args[0].String()), journey.ReadOptions{File: "decision"})
		if err != nil {
			return err.Error()
		}
		c := d.CouncilFor()
		s := d.Explain(&c)
		var b strings.Builder
		if err := s.WriteJSON(&b); err != nil {
			return err.Error()
		}
		return b.String()
	})
	js.Global().Set("civickitJourney", explain)
	if ready := js.Global().Get("civickitReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {}
}
