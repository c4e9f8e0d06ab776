package network

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/civickit/civickit/civic"
)

// FuzzReadCSV checks that any edge and node list either reads or fails
// with a civic.ParseError, never panics, and that what reads survives a GraphML
// round trip and analysis.
func FuzzReadCSV(f *testing.F) {
	f.Add("source,target\na,b\nb,c\n", "")
	f.Add("source,target,weight,kind\na,b,2,follows\nb,a,1,mentions\na,a,1,\n", "id,kind,ward,label\na,councillor,W1,A\nb,group,W1,B\n")
	f.Add("\ufeffSource, Target ,first_seen\n\"x,y\",z,2024-01-02\n", "")
	f.Add("source,target,weight\na,b,NaN\n", "")
	f.Fuzz(func(t *testing.T, edges, nodes string) {
		for _, directed := range []bool{false, true} {
			var net *Network
			var err error
			if nodes == "" {
				net, err = ReadCSV(strings.NewReader(edges), nil, ReadOptions{File: "e.csv", Directed: directed})
			} else {
				net, err = ReadCSV(strings.NewReader(edges), strings.NewReader(nodes), ReadOptions{File: "e.csv", NodesFile: "n.csv", Directed: directed})
			}
			if err != nil {
				var pe *civic.ParseError
				if !errors.As(err, &pe) {
					t.Fatalf("error is not a civic.ParseError: %v", err)
				}
				return
			}
			checkNetwork(t, net)
		}
	})
}

// FuzzReadGraphML checks the GraphML reader the same way.
func FuzzReadGraphML(f *testing.F) {
	f.Add(`<graphml><key id="w" for="edge" attr.name="weight"/><graph edgedefault="undirected"><node id="a"><data key="l">A</data></node><node id="b"/><edge source="a" target="b"><data key="w">2</data></edge></graph></graphml>`)
	f.Add(`<graphml xmlns:y="http://www.yworks.com/xml/graphml"><key for="node" id="d6" yfiles.type="nodegraphics"/><graph edgedefault="directed"><node id="n0"><data key="d6"><y:ShapeNode><y:NodeLabel>x</y:NodeLabel></y:ShapeNode></data></node><edge source="n0" target="n0"/></graph></graphml>`)
	f.Add(`<graphml><graph><graph/></graph></graphml>`)
	f.Fuzz(func(t *testing.T, in string) {
		net, err := ReadGraphML(strings.NewReader(in), ReadOptions{File: "in.graphml"})
		if err != nil {
			var pe *civic.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error is not a civic.ParseError: %v", err)
			}
			return
		}
		checkNetwork(t, net)
	})
}

func checkNetwork(t *testing.T, net *Network) {
	t.Helper()
	var buf bytes.Buffer
	if err := net.WriteGraphML(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := ReadGraphML(&buf, ReadOptions{File: "round.graphml"})
	if err != nil {
		t.Fatalf("own GraphML does not read back: %v\n%s", err, buf.String())
	}
	if back.Len() != net.Len() || len(back.Ties()) != len(net.Ties()) {
		t.Fatalf("round trip changed size: %d/%d actors, %d/%d ties", back.Len(), net.Len(), len(back.Ties()), len(net.Ties()))
	}
	if net.Len() < 200 {
		m := must(net.Analyze().Metrics(bg, MetricsOptions{LouvainTrials: 1}))
		for _, r := range m.Nodes {
			// Clustering (Fagiolo's too) is a share; a k-core member has
			// at least k ties.
			if r.Clustering < 0 || r.Clustering > 1+1e-12 || r.Core > r.Degree || r.Core < 0 {
				t.Fatalf("directed=%v: %+v out of range", net.Directed(), r)
			}
		}
		if m.Modularity < -1 || m.Modularity > 1 {
			t.Fatalf("modularity %v out of range", m.Modularity)
		}
	}
}
