//go:build !js

package journey

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strconv"
	"strings"

	"github.com/civickit/civickit/civic"
)

// jsonFieldLines walks the JSON in data and records the line of each
// field path ("title", "history[2].stage", "[1].title").
func jsonFieldLines(data []byte, li lineIndex) (map[string]int, []keyPos, error) {
	lines := map[string]int{}
	var keys []keyPos
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var walk func(path string, depth int) error
	walk = func(path string, depth int) error {
		if depth > maxJSONDepth {
			line, _ := li.pos(dec.InputOffset())
			return &civic.ParseError{Line: line, Msg: "nested too deeply"}
		}
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		if _, ok := lines[path]; !ok {
			lines[path], _ = li.pos(dec.InputOffset())
		}
		d, ok := tok.(json.Delim)
		if !ok {
			return nil
		}
		switch d {
		case '{':
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return err
				}
				key, _ := kt.(string)
				p := key
				if path != "" {
					p = path + "." + key
				}
				off := dec.InputOffset()
				line, col := li.pos(off)
				lines[p] = line
				keys = append(keys, keyPos{path: p, line: line, col: col, off: off})
				if err := walk(p, depth+1); err != nil {
					return err
				}
			}
		case '[':
			for i := 0; dec.More(); i++ {
				if err := walk(path+"["+strconv.Itoa(i)+"]", depth+1); err != nil {
					return err
				}
			}
		}
		_, err = dec.Token() // the closing delimiter
		return err
	}
	if err := walk("", 0); err != nil {
		return nil, nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		line, col := li.pos(dec.InputOffset())
		return nil, nil, &civic.ParseError{Line: line, Column: col, Msg: "unexpected data after the JSON value"}
	}
	return lines, keys, nil
}

// jsonSyntaxError converts a decoding error into a civic.ParseError at its place.
func jsonSyntaxError(file string, data []byte, li lineIndex, err error) error {
	var pe *civic.ParseError
	if errors.As(err, &pe) {
		pe.File = file
		return pe
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line, col := li.pos(se.Offset)
		return &civic.ParseError{File: file, Line: line, Column: col, Msg: "invalid JSON", Err: err}
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		line, col := li.pos(int64(len(data)))
		return &civic.ParseError{File: file, Line: line, Column: col, Msg: "unexpected end of JSON"}
	}
	return &civic.ParseError{File: file, Msg: "invalid JSON", Err: err}
}

// ReadDecisionsJSON reads decisions from JSON: one decision object, or an
// array of them, with the fields of [Decision]. The input passes the
// civickit input policy (size cap, UTF-8 with or without a byte-order
// mark). Unknown fields (reported with their path, such as
// "history[2].when", and line), bad dates, unknown stages, stages out of
// order and missing fields are reported as a [*civic.ParseError] naming
// the file, line and field.
func ReadDecisionsJSON(r io.Reader, opt ReadOptions) ([]*Decision, error) {
	file := opt.File
	data, bom, array, err := readDecisionsInput(r, opt)
	if err != nil {
		return nil, err
	}
	li := newLineIndex(data)
	lines, keys, err := jsonFieldLines(data, li)
	if err != nil {
		return nil, jsonSyntaxError(file, data, li, err)
	}
	if err := unknownField(keys, array, decisionFields); err != nil {
		err.File = file
		err.Offset += int64(bom)
		return nil, err
	}
	var raws []rawDecision
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if array {
		err = dec.Decode(&raws)
	} else {
		raws = make([]rawDecision, 1)
		err = dec.Decode(&raws[0])
	}
	if err != nil {
		return nil, jsonDecodeError(file, li, lines, err)
	}
	return finishDecisions(opt, data, lines, raws, array, wardFromJSON)
}

// jsonKeys returns the JSON names of the fields of struct type t.
func jsonKeys(t reflect.Type) map[string]bool {
	m := map[string]bool{}
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name != "" && name != "-" {
			m[name] = true
		}
	}
	return m
}

// decisionFields are the keys a decision document may hold.
var decisionFields = fieldSet{
	"":                 jsonKeys(reflect.TypeFor[rawDecision]()),
	"history[]":        jsonKeys(reflect.TypeFor[rawEvent]()),
	"wards_affected[]": jsonKeys(reflect.TypeFor[civic.Area]()),
}

// jsonTypeNames names the Go types a JSON value failed to decode into in
// words a person editing the file understands.
var jsonTypeNames = map[reflect.Type]string{
	reflect.TypeFor[[]rawEvent]():    "an array of stage events",
	reflect.TypeFor[rawEvent]():      "a stage event object",
	reflect.TypeFor[[]rawDecision](): "an array of decisions",
	reflect.TypeFor[rawDecision]():   "a decision object",
	reflect.TypeFor[[]string]():      "an array of strings",
	reflect.TypeFor[[]rawValue]():    "an array of wards",
	reflect.TypeFor[string]():        "a string",
	reflect.TypeFor[bool]():          "true or false",
	reflect.TypeFor[int]():           "a whole number",
	reflect.TypeFor[float64]():       "a number",
}

func jsonDecodeError(file string, li lineIndex, lines map[string]int, err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		line, col := li.pos(te.Offset)
		want, ok := jsonTypeNames[te.Type]
		if !ok {
			want = te.Type.String()
		}
		return &civic.ParseError{File: file, Line: line, Column: col, Field: te.Field, Msg: "want " + want + ", got JSON " + te.Value}
	}
	msg := err.Error()
	if k, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
		name, _ := strconv.Unquote(k)
		// The first path that ends in the unknown key.
		best, bestLine := "", 0
		for p, l := range lines {
			if p == name || strings.HasSuffix(p, "."+name) {
				if best == "" || l < bestLine {
					best, bestLine = p, l
				}
			}
		}
		if best == "" {
			best = name
		}
		return &civic.ParseError{File: file, Line: bestLine, Field: best, Msg: "unknown field"}
	}
	return &civic.ParseError{File: file, Msg: "invalid decision", Err: err}
}

// WriteJSON writes d as indented JSON that [ReadDecisionJSON] reads back.
func (d *Decision) WriteJSON(w io.Writer) error {
	b, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return &TransitionError{Msg: "encode decision", Err: err}
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// councilFields are the keys a council profile may hold.
var councilFields = func() fieldSet {
	period := jsonKeys(reflect.TypeFor[Period]())
	area := jsonKeys(reflect.TypeFor[civic.Area]())
	fs := fieldSet{"": jsonKeys(reflect.TypeFor[Council]()), "area": area, "wards[]": area}
	for _, id := range []PeriodID{PeriodAgenda, PeriodPrivateNotice, PeriodPrivateFinalNotice, PeriodKeyDecisionNotice,
		PeriodGeneralException, PeriodDecisionRecord, PeriodCallIn} {
		fs[string(id)] = period
	}
	return fs
}()

// ReadCouncilJSON reads a council profile from JSON: the fields of
// [Council], so that an officer can set the council's constitution (its
// periods, how their days are counted, when call-in starts, the
// key-decision test, its wards and closure days) in a file. The input
// passes the civickit input policy; unknown fields are reported with
// their path and line, and values outside a field's list (a nation, a
// counting, a governance) with the list allowed. Errors are
// [*civic.ParseError]s.
func ReadCouncilJSON(r io.Reader, opt ReadOptions) (Council, error) {
	file := opt.File
	data, bom, err := readJSON(r, opt)
	if err != nil {
		return Council{}, err
	}
	li := newLineIndex(data)
	if t := bytes.TrimSpace(data); len(t) == 0 || t[0] != '{' {
		return Council{}, &civic.ParseError{File: file, Line: 1, Msg: "want a council profile object"}
	}
	lines, keys, err := jsonFieldLines(data, li)
	if err != nil {
		return Council{}, jsonSyntaxError(file, data, li, err)
	}
	if pe := unknownField(keys, false, councilFields); pe != nil {
		pe.File = file
		pe.Offset += int64(bom)
		return Council{}, pe
	}
	var c Council
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return Council{}, jsonDecodeError(file, li, lines, err)
		}
		// An enum's UnmarshalText or a bad date: find the field by the
		// decoder's offset.
		line, col := li.pos(dec.InputOffset())
		return Council{}, &civic.ParseError{File: file, Line: line, Column: col, Msg: "invalid council profile", Err: err}
	}
	for _, f := range []struct {
		name string
		p    Period
	}{{"agenda", c.Agenda}, {"private_notice", c.PrivateNotice}, {"private_final_notice", c.PrivateFinalNotice},
		{"key_decision_notice", c.KeyDecisionNotice}, {"general_exception", c.GeneralException},
		{"decision_record", c.DecisionRecord}, {"call_in", c.CallIn}} {
		if f.p.Days < 0 || f.p.Days > 366 {
			return Council{}, &civic.ParseError{File: file, Line: lineOfPath(lines, f.name+".days"), Field: f.name + ".days", Msg: "want 0 (the default) to 366 days"}
		}
	}
	if c.KeyDecisionThresholdGBP < 0 || c.KeyDecisionWards < 0 {
		return Council{}, &civic.ParseError{File: file, Line: lineOfPath(lines, "key_decision_threshold_gbp"), Msg: "negative key-decision threshold"}
	}
	if strings.TrimSpace(c.Name) == "" {
		return Council{}, &civic.ParseError{File: file, Line: 1, Field: "name", Msg: "missing"}
	}
	if err := checkSchema("council", data, file); err != nil {
		return Council{}, err
	}
	return c, nil
}

// MarshalJSON writes each ward as a string (its name, or its code when it
// has no name) when it has only one of the two, so that a decision read
// from the string form writes back unchanged, and as an area object
// otherwise.
func (ws Wards) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('[')
	for i, w := range ws {
		if i > 0 {
			b.WriteByte(',')
		}
		var v any = w
		switch {
		case w.OCDID != "" || w.ParentID != "" || !w.ValidFrom.IsZero() || !w.ValidUntil.IsZero() || w.GSS != "" || w.Classification != "" && w.Classification != "ward":
		case w.ID == "":
			v = w.Name
		case w.Name == "":
			v = w.ID
		}
		e, err := json.Marshal(v)
		if err != nil {
			return nil, err
		}
		b.Write(e)
	}
	b.WriteByte(']')
	return b.Bytes(), nil
}

// wardFromJSON reads a ward given as a JSON string or area object.
func wardFromJSON(raw rawValue) (civic.Area, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) > 0 && raw[0] == '"' {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return civic.Area{}, err
		}
		if strings.TrimSpace(s) == "" {
			return civic.Area{}, errors.New("empty ward name")
		}
		return wardFromString(s), nil
	}
	if len(raw) == 0 || raw[0] != '{' {
		return civic.Area{}, errors.New("want a ward name, a GSS code or an area object")
	}
	var a civic.Area
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&a); err != nil {
		return civic.Area{}, errors.New("want an area object with id and name")
	}
	if a.ID == "" && a.Name == "" {
		return civic.Area{}, errors.New("a ward needs an id or a name")
	}
	if a.Classification == "" {
		a.Classification = "ward"
	}
	return a, nil
}

// WriteJSON writes the summary as indented JSON.
func (s *Summary) WriteJSON(w io.Writer) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		return &TransitionError{Msg: "encode summary", Err: err}
	}
	_, err := w.Write(buf.Bytes())
	return err
}
