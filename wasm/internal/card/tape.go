package card

import (
	"encoding/binary"
	"math"
)

// Tape holds a value tree as bytes, written depth first (inside an
// object, Key comes before each member's value), for the
// worker's JavaScript to rebuild as objects in one pass (decodeTape in
// wasm/assets/readability-worker.js): a single copy from the module's
// memory instead of a call across the wasm boundary for each field, which
// cost from 4 to over 100 ms on 2,000 words. Each value starts with an
// op byte:
//
//	'{' '}'      object start and end
//	'[' ']'      array start and end
//	'k' LEN UTF8 an object key; LEN is an unsigned LEB128 byte count
//	's' LEN UTF8 a string
//	'n' F64      a number, 8 bytes, IEEE 754 little-endian
//	't' 'f' 'z'  true, false, null
type Tape struct {
	b []byte
}

// Bytes returns the tape written so far.
func (t *Tape) Bytes() []byte { return t.b }

// Reset empties the tape, keeping its storage.
func (t *Tape) Reset() { t.b = t.b[:0] }

func (t *Tape) BeginObject()    { t.b = append(t.b, '{') }
func (t *Tape) EndObject()      { t.b = append(t.b, '}') }
func (t *Tape) BeginArray()     { t.b = append(t.b, '[') }
func (t *Tape) EndArray()       { t.b = append(t.b, ']') }
func (t *Tape) Key(k string)    { t.str('k', k) }
func (t *Tape) String(s string) { t.str('s', s) }
func (t *Tape) Number(x float64) {
	t.b = append(t.b, 'n')
	t.b = binary.LittleEndian.AppendUint64(t.b, math.Float64bits(x))
}

func (t *Tape) Bool(v bool) {
	if v {
		t.b = append(t.b, 't')
	} else {
		t.b = append(t.b, 'f')
	}
}

func (t *Tape) Null() { t.b = append(t.b, 'z') }

func (t *Tape) str(op byte, s string) {
	t.b = append(t.b, op)
	t.b = binary.AppendUvarint(t.b, uint64(len(s)))
	t.b = append(t.b, s...)
}
