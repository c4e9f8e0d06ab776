//go:build js && wasm

// Command readability is the scoring program of the <civic-readability>
// widget. It runs in a Web Worker: it defines the global function
//
//	civickitScore(text, preset, name) -> Uint8Array | string
//
// and then waits. The bytes are a [card.Tape] of {card, spans}: card is
// the object that "civickit check --format json --type text" prints for
// text, and spans holds each finding's start and end in UTF-16 code
// units, for the page's selection. A string is an error message.
package main

import (
	"syscall/js"

	"github.com/civickit/civickit/standards"
	"github.com/civickit/civickit/wasm/internal/card"
)

func main() {
	uint8Array := js.Global().Get("Uint8Array")
	var checkers []*standards.Checker
	checker := func(preset string) (*standards.Checker, error) {
		for _, c := range checkers {
			if c.Preset == preset {
				return c, nil
			}
		}
		c := &standards.Checker{Preset: preset, Format: standards.FormatText}
		if _, err := c.RuleSet(); err != nil {
			return nil, err
		}
		checkers = append(checkers, c)
		return c, nil
	}
	var tape card.Tape
	score := js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) < 3 {
			return "civickitScore(text, preset, name)"
		}
		text := args[0].String()
		c, err := checker(args[1].String())
		if err != nil {
			return err.Error()
		}
		doc, err := standards.ExtractText([]byte(text))
		if err != nil {
			return err.Error()
		}
		sc := c.CheckDocument(args[2].String(), doc)
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
		b := tape.Bytes()
		u8 := uint8Array.New(len(b))
		js.CopyBytesToJS(u8, b)
		return u8
	})
	js.Global().Set("civickitScore", score)
	if ready := js.Global().Get("civickitReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {}
}
