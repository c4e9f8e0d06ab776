//go:build js && wasm

// Command readability is the scoring program of the <civic-readability>
// widget. It runs in a Web Worker: it defines the global function
//
//	civickitScore(text, preset, name) -> {card, spans} | {error}
//
// and then waits. card is the object that "civickit check --format json
// --type text" prints for text, built by package card; spans holds each
// finding's start and end in UTF-16 code units, for the page's selection.
package main

import (
	"syscall/js"

	"github.com/civickit/civickit/standards"
	"github.com/civickit/civickit/wasm/internal/card"
)

func main() {
	object := js.Global().Get("Object")
	array := js.Global().Get("Array")
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
	fail := func(msg string) any {
		r := object.New()
		r.Set("error", msg)
		return r
	}
	score := js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) < 3 {
			return fail("civickitScore(text, preset, name)")
		}
		text := args[0].String()
		c, err := checker(args[1].String())
		if err != nil {
			return fail(err.Error())
		}
		doc, err := standards.ExtractText([]byte(text))
		if err != nil {
			return fail(err.Error())
		}
		sc := c.CheckDocument(args[2].String(), doc)
		e := &encoder{object: object, array: array}
		card.Scorecard(e, sc)
		r := object.New()
		r.Set("card", e.root)
		spans := card.UTF16Spans(text, sc.Findings)
		a := array.New(len(spans))
		for i, s := range spans {
			a.SetIndex(i, s)
		}
		r.Set("spans", a)
		return r
	})
	js.Global().Set("civickitScore", score)
	if ready := js.Global().Get("civickitReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {}
}

// encoder builds JavaScript objects and arrays with syscall/js.
type encoder struct {
	object, array js.Value
	root          js.Value
	stack         []frame
	key           string
}

// frame is an open object or array; n counts an array's elements.
type frame struct {
	v     js.Value
	n     int
	isArr bool
}

func (e *encoder) put(v any) {
	if len(e.stack) == 0 {
		e.root = js.ValueOf(v)
		return
	}
	f := &e.stack[len(e.stack)-1]
	if f.isArr {
		f.v.SetIndex(f.n, v)
		f.n++
		return
	}
	f.v.Set(e.key, v)
}

func (e *encoder) open(v js.Value, isArr bool) {
	e.put(v)
	e.stack = append(e.stack, frame{v: v, isArr: isArr})
}

func (e *encoder) BeginObject()     { e.open(e.object.New(), false) }
func (e *encoder) EndObject()       { e.stack = e.stack[:len(e.stack)-1] }
func (e *encoder) BeginArray()      { e.open(e.array.New(), true) }
func (e *encoder) EndArray()        { e.stack = e.stack[:len(e.stack)-1] }
func (e *encoder) Key(k string)     { e.key = k }
func (e *encoder) String(s string)  { e.put(s) }
func (e *encoder) Number(x float64) { e.put(x) }
func (e *encoder) Bool(b bool)      { e.put(b) }
func (e *encoder) Null()            { e.put(nil) }
