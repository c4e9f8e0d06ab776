package network

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// WriteGEXF writes the network as GEXF 1.3 for Gephi: actors with their
// label and kind and ward as attributes, ties with their weight and kind.
func (n *Network) WriteGEXF(w io.Writer) error {
	bw := bufio.NewWriter(w)
	esc := func(s string) string {
		var b strings.Builder
		_ = xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	dir := "undirected"
	if n.Directed() {
		dir = "directed"
	}
	fmt.Fprint(bw, `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
  <meta><creator>civickit</creator></meta>
`)
	fmt.Fprintf(bw, "  <graph defaultedgetype=\"%s\" mode=\"static\">\n", dir)
	fmt.Fprint(bw, `    <attributes class="node">
      <attribute id="kind" title="kind" type="string"/>
      <attribute id="ward" title="ward" type="string"/>
    </attributes>
    <attributes class="edge">
      <attribute id="kind" title="kind" type="string"/>
    </attributes>
    <nodes>
`)
	for _, a := range n.vals {
		label := a.Label
		if label == "" {
			label = a.ID
		}
		fmt.Fprintf(bw, "      <node id=\"%s\" label=\"%s\">", esc(a.ID), esc(label))
		if a.Kind != "" || a.Ward != "" {
			fmt.Fprint(bw, "<attvalues>")
			if a.Kind != "" {
				fmt.Fprintf(bw, "<attvalue for=\"kind\" value=\"%s\"/>", esc(string(a.Kind)))
			}
			if a.Ward != "" {
				fmt.Fprintf(bw, "<attvalue for=\"ward\" value=\"%s\"/>", esc(a.Ward))
			}
			fmt.Fprint(bw, "</attvalues>")
		}
		fmt.Fprint(bw, "</node>\n")
	}
	fmt.Fprint(bw, "    </nodes>\n    <edges>\n")
	for i, t := range n.Ties() {
		fmt.Fprintf(bw, "      <edge id=\"%d\" source=\"%s\" target=\"%s\" weight=\"%s\">", i, esc(t.Source), esc(t.Target), strconv.FormatFloat(t.Weight, 'g', -1, 64))
		if t.Kind != "" {
			fmt.Fprintf(bw, "<attvalues><attvalue for=\"kind\" value=\"%s\"/></attvalues>", esc(string(t.Kind)))
		}
		fmt.Fprint(bw, "</edge>\n")
	}
	fmt.Fprint(bw, "    </edges>\n  </graph>\n</gexf>\n")
	return bw.Flush()
}
