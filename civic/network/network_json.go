package network

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/civickit/civickit/civic"
	"github.com/civickit/civickit/internal/input"
	"github.com/civickit/civickit/internal/safe"
)

// NetworkFile is civickit's JSON form of a network.
type NetworkFile struct {
	// Directed is whether ties have a direction.
	Directed bool `json:"directed"`
	// Weighted is whether tie weights were measured.
	Weighted bool `json:"weighted,omitempty"`
	// Actors are the actors in order.
	Actors []Actor `json:"actors"`
	// Ties are the ties in order.
	Ties []Tie `json:"ties"`
}

// WriteJSON writes the network as a [NetworkFile].
func (n *Network) WriteJSON(w io.Writer) error {
	f := NetworkFile{Directed: n.Directed(), Weighted: n.Weighted, Actors: n.Actors(), Ties: n.Ties()}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(f)
}

// jsonFields lists the fields a [NetworkFile] may have, by the path of
// the object holding them ("" for the top, "actors[]" and "ties[]" for
// their elements).
var jsonFields = map[string][]string{
	"":         {"directed", "weighted", "actors", "ties"},
	"actors[]": {"id", "kind", "ward", "label"},
	"ties[]":   {"source", "target", "kind", "weight", "first_seen", "last_seen"},
}

// ReadJSON reads a [NetworkFile], capped at opt.MaxBytes; a UTF-8
// byte-order mark is skipped, UTF-16 and Latin-1 input is an error naming
// the encoding, and a field a NetworkFile does not have is an error naming
// its path, such as actors[2].knid. Kinds are checked as [ReadCSV] checks
// them. Errors are [*civic.ParseError] values naming opt.File, the line
// and the field, such as ties[3].target.
func ReadJSON(r io.Reader, opt ReadOptions) (*Network, error) {
	file := opt.File
	def, err := opt.defaultKind()
	if err != nil {
		return nil, err
	}
	raw, err := input.ReadAll(r, opt.MaxBytes)
	if err == nil {
		err = input.Check(raw, true)
	}
	if err != nil {
		return nil, &civic.ParseError{File: file, Msg: "cannot read", Err: err}
	}
	raw, skip := input.TrimBOM(raw)
	lines, err := checkJSONFields(raw, file)
	if err != nil {
		return nil, err
	}
	var f NetworkFile
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		pe := &civic.ParseError{File: file, Msg: "bad JSON", Err: err}
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			pe.Line, pe.Column = lineCol(raw, se.Offset)
			pe.Offset = se.Offset + int64(skip)
		case errors.As(err, &te):
			pe.Line, pe.Column = lineCol(raw, te.Offset)
			pe.Offset = te.Offset + int64(skip)
			pe.Field = te.Field
		}
		return nil, pe
	}
	if dec.More() {
		off := dec.InputOffset()
		line, col := lineCol(raw, off)
		return nil, &civic.ParseError{File: file, Line: line, Column: col, Offset: off + int64(skip), Msg: "data after the network object"}
	}
	at := func(kind string, i int, field string) *civic.ParseError {
		p := kind + "[" + strconv.Itoa(i) + "]"
		if field != "" {
			p += "." + field
		}
		return &civic.ParseError{File: file, Line: lines.line(kind, i), Field: p}
	}
	net := NewNetwork(f.Directed)
	net.Weighted = f.Weighted
	for i, a := range f.Actors {
		if _, dup := net.Actor(a.ID); dup || a.ID == "" {
			e := at("actors", i, "id")
			e.Msg = "empty or duplicate id " + safe.Quote(a.ID)
			return nil, e
		}
		k, err := opt.kind(string(a.Kind), def, at("actors", i, "kind"))
		if err != nil {
			return nil, err
		}
		a.Kind = k
		if err := net.AddActor(a); err != nil {
			e := at("actors", i, "id")
			e.Msg, e.Err = "bad actor", err
			return nil, e
		}
	}
	for i, t := range f.Ties {
		for _, e := range [2][2]string{{"source", t.Source}, {"target", t.Target}} {
			if _, ok := net.Actor(e[1]); !ok {
				pe := at("ties", i, e[0])
				pe.Msg, pe.Err = "unknown actor "+safe.Quote(e[1]), ErrUnknownActor
				return nil, pe
			}
		}
		if t.Weight != 0 {
			if err := checkWeight(t.Weight); err != nil {
				pe := at("ties", i, "weight")
				pe.Msg = "weight " + strconv.FormatFloat(t.Weight, 'g', -1, 64) + " is not a number between 1e-300 and 1e300"
				return nil, pe
			}
		}
		if err := net.AddTie(t); err != nil {
			pe := at("ties", i, "")
			pe.Msg, pe.Err = "bad tie", err
			return nil, pe
		}
	}
	return net, nil
}

// jsonLines holds the line of each actor and tie of a JSON network.
type jsonLines struct {
	actors, ties []int
}

// line returns the line of the element a path such as "ties[3].target"
// names, or 0.
func (l *jsonLines) line(kind string, i int) int {
	s := l.actors
	if kind == "ties" {
		s = l.ties
	}
	if i < len(s) {
		return s[i]
	}
	return 0
}

// checkJSONFields walks the JSON tokens of raw and returns the line of
// every actor and tie, or a *civic.ParseError for the first field a
// [NetworkFile] does not have, naming its path and line. Syntax errors are
// left to the decoder that runs next.
func checkJSONFields(raw []byte, file string) (*jsonLines, error) {
	lines := &jsonLines{}
	dec := json.NewDecoder(bytes.NewReader(raw))
	// pos converts offsets, which only grow, to lines and columns.
	line, lineStart, last := 1, 0, 0
	pos := func(off int) (int, int) {
		for ; last < off && last < len(raw); last++ {
			if raw[last] == '\n' {
				line++
				lineStart = last + 1
			}
		}
		return line, off - lineStart + 1
	}
	type frame struct {
		schema string // its key in jsonFields, or "-" when not checked
		path   string // its path, for errors
		array  bool
		index  int
		key    string // the pending key of an object
	}
	var stack []frame
	for {
		off := int(dec.InputOffset())
		top := len(stack) - 1
		expectKey := top >= 0 && !stack[top].array && stack[top].key == ""
		// Skip separators and space so that off is the token's own.
		for off < len(raw) && (raw[off] == ',' || raw[off] == ':' || raw[off] == ' ' || raw[off] == '\t' || raw[off] == '\n' || raw[off] == '\r') {
			off++
		}
		tok, err := dec.Token()
		if err != nil {
			return lines, nil // EOF, or an error the decoder reports with its place
		}
		d, isDelim := tok.(json.Delim)
		if isDelim && (d == '}' || d == ']') {
			stack = stack[:top]
			continue
		}
		if expectKey {
			f := &stack[top]
			key, _ := tok.(string)
			if known, checked := jsonFields[f.schema]; checked && !slices.Contains(known, key) {
				path := key
				if f.path != "" {
					path = f.path + "." + key
				}
				l, c := pos(off)
				return nil, &civic.ParseError{File: file, Line: l, Column: c, Offset: int64(off), Field: path,
					Msg: "unknown field (want " + strings.Join(known, ", ") + ")"}
			}
			f.key = key
			continue
		}
		// A value: its schema, and the line of an actor or tie.
		schema, path := "", ""
		if top >= 0 {
			f := &stack[top]
			schema = "-"
			if f.array {
				if f.schema == "actors" || f.schema == "ties" {
					schema = f.schema + "[]"
					l, _ := pos(off)
					if f.schema == "actors" {
						lines.actors = append(lines.actors, l)
					} else {
						lines.ties = append(lines.ties, l)
					}
					path = f.schema + "[" + strconv.Itoa(f.index) + "]"
				}
				f.index++
			} else {
				if f.schema == "" && (f.key == "actors" || f.key == "ties") {
					schema = f.key
				}
				f.key = ""
			}
		}
		if isDelim {
			stack = append(stack, frame{schema: schema, path: path, array: d == '['})
		}
	}
}

// lineCol converts a byte offset to a 1-based line and column.
func lineCol(b []byte, off int64) (int, int) {
	off = min(max(off, 0), int64(len(b)))
	before := b[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	return line, int(off) - bytes.LastIndexByte(before, '\n')
}
