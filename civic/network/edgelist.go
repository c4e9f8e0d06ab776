package network

import (
	"bufio"
	"errors"
	"io"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/civickit/civickit/civic"
	"github.com/civickit/civickit/internal/input"
	"github.com/civickit/civickit/internal/safe"
	"github.com/civickit/civickit/internal/table"
)

// ReadOptions configures the network readers [ReadCSV], [ReadGraphML] and
// [ReadJSON]. The zero value reads an undirected network, caps each input
// at [input.DefaultMaxBytes] and refuses unknown actor kinds.
type ReadOptions struct {
	// Directed makes a CSV edge list's ties directed; GraphML and JSON
	// files say it themselves.
	Directed bool `json:"directed,omitempty"`
	// File names the edge list, GraphML or JSON input in errors.
	File string `json:"file,omitempty"`
	// NodesFile names the CSV node list in errors.
	NodesFile string `json:"nodes_file,omitempty"`
	// MaxBytes caps each input; 0 means input.DefaultMaxBytes (64 MiB).
	MaxBytes int64 `json:"max_bytes,omitempty"`
	// Lenient turns an unknown actor kind from an error into a warning
	// passed to Warn; the actor is then read as a citizen, so that it is
	// pseudonymised.
	Lenient bool `json:"lenient,omitempty"`
	// DefaultKind is the kind of an actor whose kind is not given: one
	// named only by a CSV edge list read without a node list, or one with
	// an empty kind. Empty means citizen, so that actors of unknown kind
	// are pseudonymised.
	DefaultKind ActorKind `json:"default_kind,omitempty"`
	// Warn, when not nil, receives each warning of a lenient read as a
	// *civic.ParseError naming the place.
	Warn func(error) `json:"-"`
}

// defaultKind returns the kind for actors whose kind is not given, or an
// error when DefaultKind is not a known kind.
func (o *ReadOptions) defaultKind() (ActorKind, error) {
	if o.DefaultKind == "" {
		return KindCitizen, nil
	}
	k, ok := ParseActorKind(string(o.DefaultKind))
	if !ok {
		return "", errors.New("civic: unknown default actor kind " + safe.Quote(string(o.DefaultKind)) + " (want councillor, group, council_account, partner or citizen)")
	}
	return k, nil
}

// kind resolves the kind s read at a place: a known kind matched
// case-insensitively, the default kind when s is empty, and for anything
// else an error, or with Lenient a warning and citizen.
func (o *ReadOptions) kind(s string, def ActorKind, place *civic.ParseError) (ActorKind, error) {
	if s == "" {
		return def, nil
	}
	k, ok := ParseActorKind(s)
	if ok {
		return k, nil
	}
	if place.Field == "" {
		place.Field = "kind"
	}
	place.Msg = "unknown actor kind " + safe.Quote(s) + " (want councillor, group, council_account, partner or citizen)"
	if !o.Lenient {
		return "", place
	}
	place.Msg += "; read as citizen"
	if o.Warn != nil {
		o.Warn(place)
	}
	return KindCitizen, nil
}

// ReadCSV reads a network from a CSV edge list and, when nodes is not nil,
// a CSV node list. Each input is capped at opt.MaxBytes; a UTF-8
// byte-order mark is skipped, and UTF-16 or Latin-1 input is an error that
// names the encoding.
//
// The edge list has a header naming its columns: source and target are
// required; weight (a number between [MinWeight] and [MaxWeight]), kind (a
// [TieKind]), first_seen and last_seen (RFC 3339 or YYYY-MM-DD) are
// optional; other columns are ignored. The network is weighted when a
// weight column is present.
//
// The node list has the header id[,kind][,ward][,label]. Kinds are matched
// case-insensitively; an unknown kind is an error (see
// [ReadOptions.Lenient]), an empty one reads as [ReadOptions.DefaultKind].
// With a node list, an edge naming an id not in it is an error; without
// one, actors are added from the edge list in order of first appearance,
// with the default kind: citizen unless told otherwise, so that they are
// pseudonymised. Errors are [*civic.ParseError] values naming the file,
// line, column and field.
func ReadCSV(edges, nodes io.Reader, opt ReadOptions) (*Network, error) {
	def, err := opt.defaultKind()
	if err != nil {
		return nil, err
	}
	net := NewNetwork(opt.Directed)
	if nodes != nil {
		if err := readNodeCSV(net, nodes, &opt, def); err != nil {
			return nil, err
		}
	}
	if err := readEdgeCSV(net, edges, &opt, nodes == nil, def); err != nil {
		return nil, err
	}
	return net, nil
}

// openInput applies the input policy to r for a streaming reader.
// An encoding error in the first 4 KiB is reported with its line and
// column.
func openInput(r io.Reader, file string, max int64) (io.Reader, error) {
	br := bufio.NewReaderSize(r, 4096)
	head, _ := br.Peek(4096)
	in, err := input.Reader(br, max)
	if err != nil {
		pe := &civic.ParseError{File: file, Msg: "cannot read", Err: err}
		var ee *input.EncodingError
		if errors.As(err, &ee) && ee.Offset > 0 && ee.Offset <= int64(len(head)) {
			pe.Line, pe.Column = lineCol(head, ee.Offset)
			pe.Offset = ee.Offset
		}
		return nil, pe
	}
	return in, nil
}

// readErr turns a read error into a *civic.ParseError naming file; one
// that already is one is returned as it is.
func readErr(file string, err error) error {
	var pe *civic.ParseError
	if errors.As(err, &pe) {
		return err
	}
	return &civic.ParseError{File: file, Msg: "cannot read", Err: err}
}

// checkUTF8 reports a field that is not UTF-8 (Latin-1 past the start of
// the file, which the input check does not see) at its place.
func checkUTF8(tr *table.Reader, rec []string) error {
	for i, f := range rec {
		if utf8.ValidString(f) {
			continue
		}
		name := ""
		if i < len(tr.Header) {
			name = table.Name(tr.Header[i])
		}
		_, line, col := tr.Field(rec, name)
		off := 0
		for off < len(f) {
			r, n := utf8.DecodeRuneInString(f[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		return &civic.ParseError{File: tr.File, Line: line, Column: col, Field: name, Msg: "cannot read",
			Err: &input.EncodingError{Encoding: "Latin-1 or Windows-1252", Offset: int64(off)}}
	}
	return nil
}

func readNodeCSV(net *Network, r io.Reader, opt *ReadOptions, def ActorKind) error {
	in, err := openInput(r, opt.NodesFile, opt.MaxBytes)
	if err != nil {
		return err
	}
	tr := table.NewReader(in, opt.NodesFile)
	if err := tr.ReadHeader([]string{"id"}, []string{"kind", "ward", "label"}, false); err != nil {
		return readErr(opt.NodesFile, err)
	}
	for {
		rec, err := tr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return readErr(opt.NodesFile, err)
		}
		if err := checkUTF8(tr, rec); err != nil {
			return err
		}
		id, line, column := tr.Field(rec, "id")
		if id == "" {
			return tr.Error(rec, "id", "empty id")
		}
		if _, dup := net.Actor(id); dup {
			return tr.Error(rec, "id", "duplicate id "+safe.Quote(id))
		}
		ks, kline, kcol := tr.Field(rec, "kind")
		kind, err := opt.kind(ks, def, &civic.ParseError{File: opt.NodesFile, Line: kline, Column: kcol})
		if err != nil {
			return err
		}
		ward, _, _ := tr.Field(rec, "ward")
		label, _, _ := tr.Field(rec, "label")
		if err := net.AddActor(Actor{ID: id, Kind: kind, Ward: ward, Label: label}); err != nil {
			return &civic.ParseError{File: opt.NodesFile, Line: line, Column: column, Field: "id", Msg: "cannot add actor", Err: err}
		}
	}
}

func readEdgeCSV(net *Network, r io.Reader, opt *ReadOptions, addActors bool, def ActorKind) error {
	file := opt.File
	in, err := openInput(r, file, opt.MaxBytes)
	if err != nil {
		return err
	}
	tr := table.NewReader(in, file)
	if err := tr.ReadHeader([]string{"source", "target"}, []string{"weight", "kind", "first_seen", "last_seen"}, false); err != nil {
		return readErr(file, err)
	}
	net.Weighted = tr.Has("weight")
	for {
		rec, err := tr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return readErr(file, err)
		}
		if err := checkUTF8(tr, rec); err != nil {
			return err
		}
		var t Tie
		for _, f := range [2]string{"source", "target"} {
			id, line, column := tr.Field(rec, f)
			if id == "" {
				return tr.Error(rec, f, "empty "+f)
			}
			if _, ok := net.Actor(id); !ok {
				if !addActors {
					return &civic.ParseError{File: file, Line: line, Column: column, Field: f, Msg: "unknown actor " + safe.Quote(id) + " (not in the node list)", Err: ErrUnknownActor}
				}
				if err := net.AddActor(Actor{ID: id, Kind: def}); err != nil {
					return &civic.ParseError{File: file, Line: line, Column: column, Field: f, Msg: "cannot add actor", Err: err}
				}
			}
			if f == "source" {
				t.Source = id
			} else {
				t.Target = id
			}
		}
		if net.Weighted {
			s, _, _ := tr.Field(rec, "weight")
			w, err := parseWeight(s)
			if err != nil {
				return tr.Error(rec, "weight", err.Error())
			}
			t.Weight = w
		}
		k, _, _ := tr.Field(rec, "kind")
		t.Kind, _ = ParseTieKind(k)
		for _, f := range [2]string{"first_seen", "last_seen"} {
			s, _, _ := tr.Field(rec, f)
			if s == "" {
				continue
			}
			tm, err := parseTime(s)
			if err != nil {
				return tr.Error(rec, f, "bad date "+safe.Quote(s)+" (want YYYY-MM-DD or RFC 3339)")
			}
			if f == "first_seen" {
				t.FirstSeen = tm
			} else {
				t.LastSeen = tm
			}
		}
		if err := net.AddTie(t); err != nil {
			_, line, _ := tr.Field(rec, "source")
			return &civic.ParseError{File: file, Line: line, Msg: "cannot add tie", Err: err}
		}
	}
}

// parseWeight reads a tie weight: a number between MinWeight and
// MaxWeight. Numbers that overflow (1e400) or underflow (1e-400, or a
// subnormal such as 1e-310) are refused rather than read as +Inf or 0.
func parseWeight(s string) (float64, error) {
	w, err := strconv.ParseFloat(s, 64)
	if err != nil || checkWeight(w) != nil {
		return 0, errors.New(safe.Quote(s) + " is not a number between 1e-300 and 1e300")
	}
	return w, nil
}

func parseTime(s string) (time.Time, error) {
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	return time.Parse(time.RFC3339, s)
}
