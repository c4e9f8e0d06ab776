package network

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/civickit/civickit/civic"
)

// NetworkFile is civickit's JSON form of a network.
type NetworkFile struct {
	Directed bool    `json:"directed" jsonschema:"description=Whether ties have a direction"`
	Weighted bool    `json:"weighted,omitempty" jsonschema:"description=Whether tie weights were measured"`
	Actors   []Actor `json:"actors" jsonschema:"description=The actors in order"`
	Ties     []Tie   `json:"ties" jsonschema:"description=The ties in order"`
}

// WriteJSON writes the network as a [NetworkFile].
func (n *Network) WriteJSON(w io.Writer) error {
	f := NetworkFile{Directed: n.Directed(), Weighted: n.Weighted, Actors: n.Actors(), Ties: n.Ties()}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(f)
}

// ReadJSON reads a [NetworkFile]. Errors are [*civic.ParseError] values naming
// the file, the line and the field, such as ties[3].target.
func ReadJSON(r io.Reader, file string) (*Network, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, &civic.ParseError{File: file, Msg: "read failed", Err: err}
	}
	var f NetworkFile
	if err := json.Unmarshal(raw, &f); err != nil {
		pe := &civic.ParseError{File: file, Msg: "bad JSON", Err: err}
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			pe.Line, pe.Column = lineCol(raw, se.Offset)
		case errors.As(err, &te):
			pe.Line, pe.Column = lineCol(raw, te.Offset)
			pe.Field = te.Field
		}
		return nil, pe
	}
	net := NewNetwork(f.Directed)
	net.Weighted = f.Weighted
	for i, a := range f.Actors {
		if _, dup := net.Actor(a.ID); dup || a.ID == "" {
			return nil, &civic.ParseError{File: file, Field: fmt.Sprintf("actors[%d].id", i), Msg: "empty or duplicate id " + strconv.Quote(a.ID)}
		}
		if err := net.AddActor(a); err != nil {
			return nil, &civic.ParseError{File: file, Field: fmt.Sprintf("actors[%d]", i), Msg: "bad actor", Err: err}
		}
	}
	for i, t := range f.Ties {
		for _, e := range [2][2]string{{"source", t.Source}, {"target", t.Target}} {
			if _, ok := net.Actor(e[1]); !ok {
				return nil, &civic.ParseError{File: file, Field: fmt.Sprintf("ties[%d].%s", i, e[0]), Msg: "unknown actor " + strconv.Quote(e[1]), Err: ErrUnknownActor}
			}
		}
		if err := net.AddTie(t); err != nil {
			return nil, &civic.ParseError{File: file, Field: fmt.Sprintf("ties[%d]", i), Msg: "bad tie", Err: err}
		}
	}
	return net, nil
}

// lineCol converts a byte offset to a 1-based line and column.
func lineCol(b []byte, off int64) (int, int) {
	off = min(max(off, 0), int64(len(b)))
	before := b[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	return line, int(off) - bytes.LastIndexByte(before, '\n')
}
