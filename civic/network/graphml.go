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
	"github.com/civickit/civickit/internal/safe"
)

// ReadGraphML reads a network from GraphML as NetworkX, Gephi and yEd
// write it. The graph's edgedefault decides direction. Node and edge data
// are matched by their key's attr.name (or its id when it has no
// attr.name), case-insensitively: kind (or type), ward and label (or name)
// for actors; weight, kind (or type or label), first_seen and last_seen for
// ties. A yEd node label (y:NodeLabel) is used when no label attribute is
// given. Kinds, weights and the input are checked as [ReadCSV] checks them,
// with the same options; an actor without a kind reads as
// [ReadOptions.DefaultKind]. The network is weighted when a weight key for
// edges is declared. Edges may name nodes declared later, but a node never
// declared is an error, as are data for a key never declared, more than one
// graph, nodes or edges outside the graph, nested graphs and hyperedges.
// Errors are [*civic.ParseError] values naming opt.File.
func ReadGraphML(r io.Reader, opt ReadOptions) (*Network, error) {
	def, err := opt.defaultKind()
	if err != nil {
		return nil, err
	}
	in, err := openInput(r, opt.File, opt.MaxBytes)
	if err != nil {
		return nil, err
	}
	d := xml.NewDecoder(in)
	d.Strict = true
	p := &graphmlParser{d: d, file: opt.File, keys: map[string]graphmlKey{}, opt: &opt, def: def}
	return p.parse()
}

type graphmlKey struct {
	for_ string
	name string
}

type graphmlNode struct {
	actor          Actor
	kind           string
	line, column   int
	kline, kcolumn int
}

type graphmlEdge struct {
	tie          Tie
	line, column int
}

type graphmlParser struct {
	d        *xml.Decoder
	file     string
	opt      *ReadOptions
	def      ActorKind
	keys     map[string]graphmlKey
	directed bool
	weighted bool
	nodes    []graphmlNode
	edges    []graphmlEdge
}

func (p *graphmlParser) errf(format string, args ...any) error {
	line, col := p.d.InputPos()
	return &civic.ParseError{File: p.file, Line: line, Column: col, Offset: p.d.InputOffset(), Msg: fmt.Sprintf(format, args...)}
}

func (p *graphmlParser) xmlErr(err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return &civic.ParseError{File: p.file, Line: se.Line, Msg: "bad XML", Err: errors.New(se.Msg)}
	}
	return readErr(p.file, err)
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
	graphs := 0
	depth := 0
	var cur *graphmlNode
	var curEdge *graphmlEdge
	for {
		tok, err := p.d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, p.xmlErr(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "key":
				id, _ := attr(t, "id")
				f, _ := attr(t, "for")
				name, ok := attr(t, "attr.name")
				if !ok || name == "" {
					name = id
				}
				if yt, ok := attr(t, "yfiles.type"); ok && yt == "nodegraphics" {
					name = "@nodegraphics"
				}
				p.keys[id] = graphmlKey{for_: f, name: strings.ToLower(strings.TrimSpace(name))}
				if (f == "edge" || f == "all") && strings.EqualFold(name, "weight") {
					p.weighted = true
				}
			case "graph":
				if depth > 0 {
					return nil, p.errf("nested graphs are not supported")
				}
				if graphs > 0 {
					return nil, p.errf("a second <graph>: a file must hold one network")
				}
				depth++
				graphs++
				ed, _ := attr(t, "edgedefault")
				p.directed = ed == "directed"
			case "node":
				if depth == 0 {
					return nil, p.errf("<node> outside <graph>")
				}
				if cur != nil || curEdge != nil {
					return nil, p.errf("nested nodes are not supported")
				}
				id, ok := attr(t, "id")
				if !ok || id == "" {
					return nil, p.errf("node: missing id")
				}
				line, col := p.d.InputPos()
				p.nodes = append(p.nodes, graphmlNode{actor: Actor{ID: id}, line: line, column: col})
				cur = &p.nodes[len(p.nodes)-1]
			case "edge":
				if depth == 0 {
					return nil, p.errf("<edge> outside <graph>")
				}
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
	if graphs == 0 {
		return nil, &civic.ParseError{File: p.file, Msg: "no <graph> element"}
	}
	net := NewNetwork(p.directed)
	net.Weighted = p.weighted
	for _, nd := range p.nodes {
		a := nd.actor
		if _, dup := net.Actor(a.ID); dup {
			return nil, &civic.ParseError{File: p.file, Line: nd.line, Column: nd.column, Field: "node", Msg: "duplicate node id " + safe.Quote(a.ID)}
		}
		k, err := p.opt.kind(nd.kind, p.def, &civic.ParseError{File: p.file, Line: nd.kline, Column: nd.kcolumn})
		if err != nil {
			return nil, err
		}
		a.Kind = k
		if err := net.AddActor(a); err != nil {
			return nil, &civic.ParseError{File: p.file, Line: nd.line, Column: nd.column, Field: "node", Msg: "bad node", Err: err}
		}
	}
	for _, e := range p.edges {
		for _, id := range [2]string{e.tie.Source, e.tie.Target} {
			if _, ok := net.Actor(id); !ok {
				return nil, &civic.ParseError{File: p.file, Line: e.line, Column: e.column, Field: "edge", Msg: "node " + safe.Quote(id) + " is not declared", Err: ErrUnknownActor}
			}
		}
		if err := net.AddTie(e.tie); err != nil {
			return nil, &civic.ParseError{File: p.file, Line: e.line, Column: e.column, Field: "edge", Msg: "bad edge", Err: err}
		}
	}
	return net, nil
}

// data reads one <data> element into the current node or edge.
func (p *graphmlParser) data(t xml.StartElement, node *graphmlNode, edge *graphmlEdge) error {
	line, col := p.d.InputPos()
	keyID, _ := attr(t, "key")
	key, declared := p.keys[keyID]
	if !declared {
		return &civic.ParseError{File: p.file, Line: line, Column: col, Field: "data", Msg: "key " + safe.Quote(keyID) + " is not declared by a <key> element"}
	}
	var text strings.Builder
	yLabel := ""
	inLabel := false
	for depth := 1; depth > 0; {
		tok, err := p.d.Token()
		if err != nil {
			if err == io.EOF {
				return p.errf("unexpected end of file in <data>")
			}
			return p.xmlErr(err)
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
		a := &node.actor
		switch key.name {
		case "kind", "type":
			node.kind, node.kline, node.kcolumn = v, line, col
		case "ward":
			a.Ward = v
		case "label", "name":
			a.Label = v
		case "@nodegraphics":
			if a.Label == "" {
				a.Label = yLabel
			}
		}
	case edge != nil:
		switch key.name {
		case "weight":
			w, err := parseWeight(v)
			if err != nil {
				return &civic.ParseError{File: p.file, Line: line, Column: col, Field: "weight", Msg: err.Error()}
			}
			edge.tie.Weight = w
		case "kind", "type", "label":
			if edge.tie.Kind == "" {
				edge.tie.Kind, _ = ParseTieKind(v)
			}
		case "first_seen", "last_seen":
			tm, err := parseTime(v)
			if err != nil {
				return &civic.ParseError{File: p.file, Line: line, Column: col, Field: key.name, Msg: "bad date " + safe.Quote(v)}
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
