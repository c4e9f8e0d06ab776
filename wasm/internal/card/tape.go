package card

import "math"

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
//
// The integers are written by hand: encoding/binary would link reflect
// into the module.
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
	u := math.Float64bits(x)
	t.b = append(t.b, byte(u), byte(u>>8), byte(u>>16), byte(u>>24), byte(u>>32), byte(u>>40), byte(u>>48), byte(u>>56))
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
	n := uint(len(s))
	for n >= 0x80 {
		t.b = append(t.b, byte(n)|0x80)
		n >>= 7
	}
	t.b = append(t.b, byte(n))
	t.b = append(t.b, s...)
}
