package network

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/civickit/civickit/civic"
)

// ReadGraphML reads a network from GraphML as NetworkX, Gephi and yEd
// write it. The graph's edgedefault decides direction. Node and edge data
// are matched by their key's attr.name, case-insensitively: kind (or type),
// ward and label (or name) for actors; weight, kind (or type or label),
// first_seen and last_seen for ties. A yEd node label (y:NodeLabel) is used
// when no label attribute is given. The network is weighted when a weight
// key for edges is declared. Edges may name nodes declared later, but a
// node never declared is an error, as are nested graphs and hyperedges.
// file names the input in errors, which are [*civic.ParseError] values.
func ReadGraphML(r io.Reader, file string) (*Network, error) {
	d := xml.NewDecoder(bufio.NewReader(r))
	d.Strict = true
	p := &graphmlParser{d: d, file: file, keys: map[string]graphmlKey{}}
	return p.parse()
}

type graphmlKey struct {
	for_ string
	name string
}

type graphmlEdge struct {
	tie          Tie
	line, column int
}

type graphmlParser struct {
	d        *xml.Decoder
	file     string
	keys     map[string]graphmlKey
	directed bool
	weighted bool
	actors   []Actor
	edges    []graphmlEdge
}

func (p *graphmlParser) errf(format string, args ...any) error {
	line, col := p.d.InputPos()
	return &civic.ParseError{File: p.file, Line: line, Column: col, Msg: fmt.Sprintf(format, args...)}
}

func attr(se xml.StartElement, name string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}

func (p *graphmlParser) parse() (*Network, error) {
	sawGraph := false
	depth := 0
	var cur *Actor
	var curEdge *graphmlEdge
	for {
		tok, err := p.d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return nil, &civic.ParseError{File: p.file, Line: se.Line, Msg: "bad XML", Err: errors.New(se.Msg)}
			}
			return nil, &civic.ParseError{File: p.file, Msg: "read failed", Err: err}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "key":
				id, _ := attr(t, "id")
				f, _ := attr(t, "for")
				name, _ := attr(t, "attr.name")
				if yt, ok := attr(t, "yfiles.type"); ok && yt == "nodegraphics" {
					name = "@nodegraphics"
				}
				p.keys[id] = graphmlKey{for_: f, name: strings.ToLower(name)}
				if (f == "edge" || f == "all") && strings.EqualFold(name, "weight") {
					p.weighted = true
				}
			case "graph":
				if depth > 0 {
					return nil, p.errf("nested graphs are not supported")
				}
				depth++
				sawGraph = true
				ed, _ := attr(t, "edgedefault")
				p.directed = ed == "directed"
			case "node":
				if cur != nil || curEdge != nil {
					return nil, p.errf("nested nodes are not supported")
				}
				id, ok := attr(t, "id")
				if !ok || id == "" {
					return nil, p.errf("node: missing id")
				}
				p.actors = append(p.actors, Actor{ID: id})
				cur = &p.actors[len(p.actors)-1]
			case "edge":
				if cur != nil || curEdge != nil {
					return nil, p.errf("edge inside a node or edge")
				}
				line, col := p.d.InputPos()
				s, ok1 := attr(t, "source")
				tg, ok2 := attr(t, "target")
				if !ok1 || !ok2 || s == "" || tg == "" {
					return nil, &civic.ParseError{File: p.file, Line: line, Column: col, Field: "edge", Msg: "missing source or target"}
				}
				p.edges = append(p.edges, graphmlEdge{tie: Tie{Source: s, Target: tg}, line: line, column: col})
				curEdge = &p.edges[len(p.edges)-1]
			case "hyperedge":
				return nil, p.errf("hyperedges are not supported")
			case "data":
				if err := p.data(t, cur, curEdge); err != nil {
					return nil, err
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "node":
				cur = nil
			case "edge":
				curEdge = nil
			case "graph":
				depth--
			}
		}
	}
	if !sawGraph {
		return nil, &civic.ParseError{File: p.file, Msg: "no <graph> element"}
	}
	net := NewNetwork(p.directed)
	net.Weighted = p.weighted
	for _, a := range p.actors {
		if _, dup := net.Actor(a.ID); dup {
			return nil, &civic.ParseError{File: p.file, Field: "node", Msg: "duplicate node id " + strconv.Quote(a.ID)}
		}
		if err := net.AddActor(a); err != nil {
			return nil, &civic.ParseError{File: p.file, Field: "node", Msg: "bad node", Err: err}
		}
	}
	for _, e := range p.edges {
		for _, id := range [2]string{e.tie.Source, e.tie.Target} {
			if _, ok := net.Actor(id); !ok {
				return nil, &civic.ParseError{File: p.file, Line: e.line, Column: e.column, Field: "edge", Msg: "node " + strconv.Quote(id) + " is not declared", Err: ErrUnknownActor}
			}
		}
		if err := net.AddTie(e.tie); err != nil {
			return nil, &civic.ParseError{File: p.file, Line: e.line, Column: e.column, Field: "edge", Msg: "bad edge", Err: err}
		}
	}
	return net, nil
}

// data reads one <data> element into the current node or edge.
func (p *graphmlParser) data(t xml.StartElement, node *Actor, edge *graphmlEdge) error {
	line, col := p.d.InputPos()
	keyID, _ := attr(t, "key")
	key := p.keys[keyID]
	var text strings.Builder
	yLabel := ""
	inLabel := false
	for depth := 1; depth > 0; {
		tok, err := p.d.Token()
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return &civic.ParseError{File: p.file, Line: se.Line, Msg: "bad XML", Err: errors.New(se.Msg)}
			}
			return p.errf("unexpected end of file in <data>")
		}
		switch tt := tok.(type) {
		case xml.StartElement:
			depth++
			inLabel = tt.Name.Local == "NodeLabel" && yLabel == ""
		case xml.EndElement:
			depth--
			inLabel = false
		case xml.CharData:
			if depth == 1 {
				text.Write(tt)
			} else if inLabel {
				yLabel += strings.TrimSpace(string(tt))
			}
		}
	}
	v := strings.TrimSpace(text.String())
	switch {
	case node != nil:
		switch key.name {
		case "kind", "type":
			node.Kind = ActorKind(v)
		case "ward":
			node.Ward = v
		case "label", "name":
			node.Label = v
		case "@nodegraphics":
			if node.Label == "" {
				node.Label = yLabel
			}
		}
	case edge != nil:
		switch key.name {
		case "weight":
			w, err := strconv.ParseFloat(v, 64)
			if err != nil || !(w > 0) || w > 1e300 {
				return &civic.ParseError{File: p.file, Line: line, Column: col, Field: "weight", Msg: "weight " + strconv.Quote(v) + " is not a number > 0"}
			}
			edge.tie.Weight = w
		case "kind", "type", "label":
			if edge.tie.Kind == "" {
				edge.tie.Kind = TieKind(v)
			}
		case "first_seen", "last_seen":
			tm, err := parseTime(v)
			if err != nil {
				return &civic.ParseError{File: p.file, Line: line, Column: col, Field: key.name, Msg: "bad date " + strconv.Quote(v)}
			}
			if key.name == "first_seen" {
				edge.tie.FirstSeen = tm
			} else {
				edge.tie.LastSeen = tm
			}
		}
	}
	return nil
}

// WriteGraphML writes the network as GraphML that NetworkX, Gephi and yEd
// read: actor kind, ward and label and tie weight, kind, first and last
// seen as declared keys.
func (n *Network) WriteGraphML(w io.Writer) error {
	bw := bufio.NewWriter(w)
	esc := func(s string) string {
		var b strings.Builder
		_ = xml.EscapeText(&b, []byte(s))
		return strings.ReplaceAll(b.String(), `"`, "&#34;")
	}
	dir := "undirected"
	if n.Directed() {
		dir = "directed"
	}
	fmt.Fprint(bw, `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="kind" for="node" attr.name="kind" attr.type="string"/>
  <key id="ward" for="node" attr.name="ward" attr.type="string"/>
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <key id="tkind" for="edge" attr.name="kind" attr.type="string"/>
  <key id="first_seen" for="edge" attr.name="first_seen" attr.type="string"/>
  <key id="last_seen" for="edge" attr.name="last_seen" attr.type="string"/>
`)
	if n.Weighted {
		fmt.Fprint(bw, `  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>`+"\n")
	}
	fmt.Fprintf(bw, "  <graph id=\"G\" edgedefault=\"%s\">\n", dir)
	for _, a := range n.store.vals {
		fmt.Fprintf(bw, "    <node id=\"%s\">", esc(a.ID))
		for _, kv := range [3][2]string{{"kind", string(a.Kind)}, {"ward", a.Ward}, {"label", a.Label}} {
			if kv[1] != "" {
				fmt.Fprintf(bw, "<data key=\"%s\">%s</data>", kv[0], esc(kv[1]))
			}
		}
		fmt.Fprint(bw, "</node>\n")
	}
	for _, t := range n.Ties() {
		fmt.Fprintf(bw, "    <edge source=\"%s\" target=\"%s\">", esc(t.Source), esc(t.Target))
		if n.Weighted {
			fmt.Fprintf(bw, "<data key=\"weight\">%s</data>", strconv.FormatFloat(t.Weight, 'g', -1, 64))
		}
		if t.Kind != "" {
			fmt.Fprintf(bw, "<data key=\"tkind\">%s</data>", esc(string(t.Kind)))
		}
		if !t.FirstSeen.IsZero() {
			fmt.Fprintf(bw, "<data key=\"first_seen\">%s</data>", t.FirstSeen.Format("2006-01-02T15:04:05Z07:00"))
		}
		if !t.LastSeen.IsZero() {
			fmt.Fprintf(bw, "<data key=\"last_seen\">%s</data>", t.LastSeen.Format("2006-01-02T15:04:05Z07:00"))
		}
		fmt.Fprint(bw, "</edge>\n")
	}
	fmt.Fprint(bw, "  </graph>\n</graphml>\n")
	return bw.Flush()
}
