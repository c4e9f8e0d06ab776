package persona

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/civickit/civickit/civic"
	"github.com/civickit/civickit/internal/input"
	"github.com/civickit/civickit/internal/safe"
)

// ReadOptions configures the readers of pilots, matrices, mappings and
// catalogues.
type ReadOptions struct {
	File     string `json:"file,omitempty"`      // names the input in errors
	MaxBytes int64  `json:"max_bytes,omitempty"` // refuse larger input; 0 means 64 MiB
}

// SurveyOptions configures [ReadSurveyCSV] and [ReadSurveyJSON].
type SurveyOptions struct {
	File     string   `json:"file,omitempty"`      // names the input in errors
	MaxBytes int64    `json:"max_bytes,omitempty"` // refuse larger input; 0 means 64 MiB
	Mapping  *Mapping `json:"mapping,omitempty"`   // the council's own column names and answer texts; nil for the documented header
}

// inputError turns a failure of internal/input (size cap, encoding) or of
// the underlying reader into a ParseError naming the file.
func inputError(file string, err error) error {
	var pe *civic.ParseError
	if errors.As(err, &pe) {
		if pe.File == "" {
			pe.File = file
		}
		return pe
	}
	var ee *input.EncodingError
	if errors.As(err, &ee) {
		return &civic.ParseError{File: file, Offset: ee.Offset, Msg: "bad encoding", Err: err}
	}
	return &civic.ParseError{File: file, Msg: "read failed", Err: err}
}

// csvInput prepares r for a CSV reader: size cap, BOM, encoding check,
// and the field separator found in the header line (comma, semicolon or
// tab: spreadsheets in many locales save with a semicolon).
func csvInput(r io.Reader, max int64) (io.Reader, rune, error) {
	in, err := input.Reader(r, max)
	if err != nil {
		return nil, 0, err
	}
	br := bufio.NewReaderSize(in, 64<<10)
	head, _ := br.Peek(64 << 10)
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	return br, sniffComma(head), nil
}

// sniffComma returns the separator of a header line: the most frequent of
// comma, semicolon and tab outside quotes, comma on a tie.
func sniffComma(line []byte) rune {
	var n [3]int
	quoted := false
	for _, c := range line {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == ',':
			n[0]++
		case c == ';':
			n[1]++
		case c == '\t':
			n[2]++
		}
	}
	switch {
	case n[1] > n[0] && n[1] >= n[2]:
		return ';'
	case n[2] > n[0] && n[2] > n[1]:
		return '\t'
	}
	return ','
}

// parseNumber reads a number as a spreadsheet writes it: an optional sign,
// digits with an optional decimal point, and an optional exponent. It
// refuses what strconv would otherwise take (hexadecimal, underscores,
// Inf, NaN) and values that overflow.
func parseNumber(s string) (float64, bool) {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
		digits++
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			digits++
		}
	}
	if digits == 0 {
		return 0, false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		e := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			e++
		}
		if e == 0 {
			return 0, false
		}
	}
	if i != len(s) {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, false // out of range
	}
	return v, true
}

// jnode is a JSON value with the byte offset where it starts, so readers
// can point at the place of a bad or unknown key.
type jnode struct {
	off    int64
	kind   byte // '{', '[', or 0 for a scalar
	fields []jfield
	elems  []*jnode
	val    any // scalar: string, json.Number, bool or nil
}

type jfield struct {
	key string
	off int64 // offset of the key
	val *jnode
}

// jdoc is a parsed JSON document.
type jdoc struct {
	file string
	raw  []byte // after the BOM
	bom  int64  // bytes of BOM removed
	root *jnode
}

// readJSONDoc reads and parses one JSON value through internal/input.
func readJSONDoc(r io.Reader, file string, max int64) (*jdoc, error) {
	raw, err := input.ReadAll(r, max)
	if err == nil {
		err = input.Check(raw, true)
	}
	if err != nil {
		return nil, inputError(file, err)
	}
	d := &jdoc{file: file}
	d.raw, _ = input.TrimBOM(raw)
	d.bom = int64(len(raw) - len(d.raw))
	dec := json.NewDecoder(bytes.NewReader(d.raw))
	dec.UseNumber()
	var err2 error
	d.root, err2 = d.parse(dec)
	err = err2
	if err != nil {
		return nil, d.syntax(dec, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, d.errAt(dec.InputOffset(), "", "want one JSON value, found more after it")
	}
	return d, nil
}

// start returns the offset of the next token after off, skipping space,
// commas and colons.
func (d *jdoc) start(off int64) int64 {
	for off < int64(len(d.raw)) {
		switch d.raw[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
			continue
		}
		break
	}
	return off
}

func (d *jdoc) parse(dec *json.Decoder) (*jnode, error) {
	off := d.start(dec.InputOffset())
	tok, err := dec.Token()
	if err != nil {
		if err == io.EOF {
			return nil, io.ErrUnexpectedEOF
		}
		return nil, err
	}
	n := &jnode{off: off}
	switch t := tok.(type) {
	case json.Delim:
		n.kind = byte(t)
		for dec.More() {
			if n.kind == '{' {
				koff := d.start(dec.InputOffset())
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				v, err := d.parse(dec)
				if err != nil {
					return nil, err
				}
				n.fields = append(n.fields, jfield{key: kt.(string), off: koff, val: v})
				continue
			}
			v, err := d.parse(dec)
			if err != nil {
				return nil, err
			}
			n.elems = append(n.elems, v)
		}
		if _, err := dec.Token(); err != nil { // the closing delimiter
			return nil, err
		}
	default:
		n.val = t
	}
	return n, nil
}

// syntax turns a decoding error into a ParseError at its place.
func (d *jdoc) syntax(dec *json.Decoder, err error) error {
	off := dec.InputOffset()
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off = se.Offset
	}
	msg := "bad JSON"
	if se == nil {
		msg = "bad value"
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		msg = "JSON ends too early"
	}
	return &civic.ParseError{File: d.file, Line: d.line(off), Column: d.col(off), Offset: d.bom + off, Msg: msg, Err: err}
}

// errAt is a ParseError at byte offset off (of the BOM-less text), on the
// key or path field.
func (d *jdoc) errAt(off int64, field, msg string) error {
	return &civic.ParseError{File: d.file, Line: d.line(off), Column: d.col(off), Offset: d.bom + off, Field: field, Msg: msg}
}

func (d *jdoc) line(off int64) int {
	off = min(max(off, 0), int64(len(d.raw)))
	return bytes.Count(d.raw[:off], []byte{'\n'}) + 1
}

func (d *jdoc) col(off int64) int {
	off = min(max(off, 0), int64(len(d.raw)))
	return utf8.RuneCount(d.raw[bytes.LastIndexByte(d.raw[:off], '\n')+1:off]) + 1
}

// checkKeys rejects the first object key that known does not accept,
// naming its path (such as "[2].titel"). known gets the path pattern of
// the object (array indexes written "[]") and the key.
func (d *jdoc) checkKeys(n *jnode, path, pattern string, known func(pattern, key string) bool) error {
	switch n.kind {
	case '{':
		for _, f := range n.fields {
			p := f.key
			if path != "" {
				p = path + "." + f.key
			}
			if !known(pattern, f.key) {
				return d.errAt(f.off, p, "unknown key")
			}
			pp := f.key
			if pattern != "" {
				pp = pattern + "." + f.key
			}
			if err := d.checkKeys(f.val, p, pp, known); err != nil {
				return err
			}
		}
	case '[':
		for i, e := range n.elems {
			if err := d.checkKeys(e, path+"["+strconv.Itoa(i)+"]", pattern+"[]", known); err != nil {
				return err
			}
		}
	}
	return nil
}

// decodeStrict checks every key of the document against the JSON names
// known at each path pattern, then decodes it into v, reporting type
// errors at their place.
func (d *jdoc) decodeStrict(v any, known map[string][]string) error {
	err := d.checkKeys(d.root, "", "", func(pattern, key string) bool {
		names, ok := known[pattern]
		if !ok {
			return true // a free-form map
		}
		for _, k := range names {
			if k == key {
				return true
			}
		}
		return false
	})
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(d.raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return d.errAt(d.start(te.Offset), te.Field, "want "+te.Type.String()+", found JSON "+te.Value)
		}
		return d.syntax(dec, err)
	}
	return nil
}

// ReadMapping reads a [Mapping] from JSON. Unknown keys are an error
// naming their path; so is a mapping of one documented column to two
// headers, or of an undocumented name.
func ReadMapping(r io.Reader, opt ReadOptions) (*Mapping, error) {
	d, err := readJSONDoc(r, opt.File, opt.MaxBytes)
	if err != nil {
		return nil, err
	}
	m := &Mapping{}
	if err := d.decodeStrict(m, map[string][]string{"": {"columns", "values", "missing", "separator"}, "missing": nil}); err != nil {
		return nil, err
	}
	documented := map[string]bool{}
	for _, c := range columns(";") {
		documented[c.name] = true
	}
	for _, f := range d.root.fields {
		if f.key != "columns" {
			continue
		}
		for _, c := range f.val.fields {
			if !documented[c.key] {
				return nil, d.errAt(c.off, "columns."+c.key, "not a documented survey column")
			}
		}
	}
	return m, nil
}

// fieldErr builds a ParseError for a CSV cell.
func fieldErr(file string, line, col int, field, msg string) error {
	return &civic.ParseError{File: file, Line: line, Column: col, Field: field, Msg: msg}
}

// quoteCell quotes a cell for an error message: a short, escaped excerpt.
func quoteCell(s string) string { return safe.Quote(s) }
