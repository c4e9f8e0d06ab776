package network

import (
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/civickit/civickit/civic"
)

// ReadOptions configures the network readers.
type ReadOptions struct {
	// Directed makes ties directed; GraphML and JSON files say it themselves.
	Directed bool `json:"directed,omitempty"`
	// EdgesFile and NodesFile name the inputs in error messages.
	EdgesFile, NodesFile string
}

// ReadCSV reads a network from a CSV edge list and, when nodes is not nil,
// a CSV node list.
//
// The edge list has a header naming its columns: source and target are
// required; weight (a number > 0), kind (a [TieKind]), first_seen and
// last_seen (RFC 3339 or YYYY-MM-DD) are optional; other columns are
// ignored. The network is weighted when a weight column is present.
//
// The node list has the header id[,kind][,ward][,label]. With a node list,
// an edge naming an id not in it is an error; without one, actors are
// added from the edge list in order of first appearance. Errors are
// [*civic.ParseError] values naming the file, line and field.
func ReadCSV(edges, nodes io.Reader, opt ReadOptions) (*Network, error) {
	net := NewNetwork(opt.Directed)
	if nodes != nil {
		if err := readNodeCSV(net, nodes, opt.NodesFile); err != nil {
			return nil, err
		}
	}
	return net, readEdgeCSV(net, edges, opt.EdgesFile, nodes == nil)
}

func newCSV(r io.Reader) *csv.Reader {
	c := csv.NewReader(r)
	c.FieldsPerRecord = -1
	c.ReuseRecord = true
	c.TrimLeadingSpace = true
	return c
}

// csvErr turns an encoding/csv error into a civic.ParseError.
func csvErr(file string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &civic.ParseError{File: file, Line: pe.Line, Column: pe.Column, Msg: "bad CSV", Err: pe.Err}
	}
	return &civic.ParseError{File: file, Msg: "read failed", Err: err}
}

// header reads the header row and returns the column of each wanted name
// (-1 when absent); names match case-insensitively.
func header(c *csv.Reader, file string, required []string, optional []string) (map[string]int, error) {
	rec, err := c.Read()
	if err == io.EOF {
		return nil, &civic.ParseError{File: file, Line: 1, Msg: "missing header (want " + strings.Join(required, ",") + ")"}
	}
	if err != nil {
		return nil, csvErr(file, err)
	}
	col := map[string]int{}
	for _, name := range append(append([]string(nil), required...), optional...) {
		col[name] = -1
	}
	for i, h := range rec {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if j, ok := col[h]; ok {
			if j >= 0 {
				return nil, &civic.ParseError{File: file, Line: 1, Column: i + 1, Field: h, Msg: "column appears twice"}
			}
			col[h] = i
		}
	}
	for _, name := range required {
		if col[name] < 0 {
			return nil, &civic.ParseError{File: file, Line: 1, Field: name, Msg: "missing column (header is " + strings.Join(rec, ",") + ")"}
		}
	}
	return col, nil
}

// field returns column name of rec, "" when the column is absent or the
// row short, with its line and column for errors.
func field(c *csv.Reader, rec []string, col map[string]int, name string) (string, int, int) {
	i := col[name]
	if i < 0 || i >= len(rec) {
		line, _ := c.FieldPos(0)
		return "", line, 0
	}
	line, column := c.FieldPos(i)
	return strings.TrimSpace(rec[i]), line, column
}

func readNodeCSV(net *Network, r io.Reader, file string) error {
	c := newCSV(r)
	col, err := header(c, file, []string{"id"}, []string{"kind", "ward", "label"})
	if err != nil {
		return err
	}
	for {
		rec, err := c.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return csvErr(file, err)
		}
		id, line, column := field(c, rec, col, "id")
		if id == "" {
			return &civic.ParseError{File: file, Line: line, Column: column, Field: "id", Msg: "empty id"}
		}
		if _, dup := net.Actor(id); dup {
			return &civic.ParseError{File: file, Line: line, Column: column, Field: "id", Msg: "duplicate id " + strconv.Quote(id)}
		}
		kind, _, _ := field(c, rec, col, "kind")
		ward, _, _ := field(c, rec, col, "ward")
		label, _, _ := field(c, rec, col, "label")
		if err := net.AddActor(Actor{ID: id, Kind: ActorKind(kind), Ward: ward, Label: label}); err != nil {
			return &civic.ParseError{File: file, Line: line, Column: column, Field: "id", Msg: "cannot add actor", Err: err}
		}
	}
}

func readEdgeCSV(net *Network, r io.Reader, file string, addActors bool) error {
	c := newCSV(r)
	col, err := header(c, file, []string{"source", "target"}, []string{"weight", "kind", "first_seen", "last_seen"})
	if err != nil {
		return err
	}
	net.Weighted = col["weight"] >= 0
	for {
		rec, err := c.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return csvErr(file, err)
		}
		var t Tie
		for _, f := range [2]string{"source", "target"} {
			id, line, column := field(c, rec, col, f)
			if id == "" {
				return &civic.ParseError{File: file, Line: line, Column: column, Field: f, Msg: "empty " + f}
			}
			if _, ok := net.Actor(id); !ok {
				if !addActors {
					return &civic.ParseError{File: file, Line: line, Column: column, Field: f, Msg: "unknown actor " + strconv.Quote(id) + " (not in the node list)", Err: ErrUnknownActor}
				}
				if err := net.AddActor(Actor{ID: id}); err != nil {
					return &civic.ParseError{File: file, Line: line, Column: column, Field: f, Msg: "cannot add actor", Err: err}
				}
			}
			if f == "source" {
				t.Source = id
			} else {
				t.Target = id
			}
		}
		if s, line, column := field(c, rec, col, "weight"); col["weight"] >= 0 {
			w, err := strconv.ParseFloat(s, 64)
			if err != nil || !(w > 0) || w > 1e300 {
				return &civic.ParseError{File: file, Line: line, Column: column, Field: "weight", Msg: "weight " + strconv.Quote(s) + " is not a number > 0"}
			}
			t.Weight = w
		}
		k, _, _ := field(c, rec, col, "kind")
		t.Kind = TieKind(k)
		for _, f := range [2]string{"first_seen", "last_seen"} {
			s, line, column := field(c, rec, col, f)
			if s == "" {
				continue
			}
			tm, err := parseTime(s)
			if err != nil {
				return &civic.ParseError{File: file, Line: line, Column: column, Field: f, Msg: "bad date " + strconv.Quote(s) + " (want YYYY-MM-DD or RFC 3339)"}
			}
			if f == "first_seen" {
				t.FirstSeen = tm
			} else {
				t.LastSeen = tm
			}
		}
		if err := net.AddTie(t); err != nil {
			line, _ := c.FieldPos(0)
			return &civic.ParseError{File: file, Line: line, Msg: "cannot add tie", Err: err}
		}
	}
}

func parseTime(s string) (time.Time, error) {
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	return time.Parse(time.RFC3339, s)
}
