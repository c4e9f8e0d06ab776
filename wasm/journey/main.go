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
// It links the journey package alone, not the readability scorer.
package main

import (
	"encoding/json"
	"strings"
	"syscall/js"

	"github.com/civickit/civickit/civic/journey"
)

func main() {
	explain := js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) < 1 {
			return "civickitJourney(decisionJSON)"
		}
		// These three calls are all this program uses of the journey
		// package: reading one decision, its council and its summary.
		d, err := journey.ReadDecisionJSON(strings.NewReader(args[0].String()), journey.ReadOptions{File: "decision"})
		if err != nil {
			return err.Error()
		}
		c := d.CouncilFor()
		s := d.Explain(&c)
		b, err := json.Marshal(s)
		if err != nil {
			return err.Error()
		}
		return string(b)
	})
	js.Global().Set("civickitJourney", explain)
	if ready := js.Global().Get("civickitReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {}
}
