package network

import (
	"bytes"
	"encoding/xml"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/civickit/civickit/civic"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadNetworkXGraphML(t *testing.T) {
	// lesmis.graphml is NetworkX's write_graphml of the graph in
	// lesmis.edges.csv; PageRank must match NetworkX's weighted values.
	f, err := os.Open(filepath.Join("testdata", "lesmis.graphml"))
	require.NoError(t, err)
	defer f.Close()
	net, err := ReadGraphML(f, ReadOptions{File: "lesmis.graphml"})
	require.NoError(t, err)
	_, ref := loadReference(t, "lesmis")
	assert.True(t, net.Weighted)
	a := net.Analyze()
	pr, err := a.PageRank(0.85)
	require.NoError(t, err)
	for i, id := range a.IDs() {
		assert.InDelta(t, ref.PageRank[id], pr[i], 1e-6, id)
	}
}

func TestGraphMLRoundTrip(t *testing.T) {
	for _, name := range referenceGraphs {
		t.Run(name, func(t *testing.T) {
			net, _ := loadReference(t, name)
			var buf bytes.Buffer
			require.NoError(t, net.WriteGraphML(&buf))
			back, err := ReadGraphML(&buf, ReadOptions{File: name + ".graphml"})
			require.NoError(t, err)
			assert.Equal(t, net.Directed(), back.Directed())
			assert.Equal(t, net.Weighted, back.Weighted)
			assert.Equal(t, net.Actors(), back.Actors())
			assert.Equal(t, net.Ties(), back.Ties())
			var js bytes.Buffer
			require.NoError(t, net.WriteJSON(&js))
			fromJSON, err := ReadJSON(&js, ReadOptions{File: name + ".json"})
			require.NoError(t, err)
			assert.Equal(t, net.Ties(), fromJSON.Ties())
		})
	}
}

func TestReadGraphMLDialects(t *testing.T) {
	tests := []struct {
		name, in  string
		wantLabel string
		directed  bool
	}{
		{"gephi", `<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key attr.name="label" attr.type="string" for="node" id="label"/><key attr.name="Weight" attr.type="double" for="edge" id="weight"/>
<graph edgedefault="directed"><node id="0"><data key="label">Food bank</data></node><node id="1"><data key="label">Cllr A</data></node>
<edge id="0" source="1" target="0"><data key="weight">2.0</data></edge></graph></graphml>`, "Food bank", true},
		{"yed", `<?xml version="1.0" encoding="UTF-8"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
<key for="node" id="d6" yfiles.type="nodegraphics"/><graph edgedefault="undirected" id="G">
<node id="n0"><data key="d6"><y:ShapeNode><y:Geometry height="30" width="30"/><y:NodeLabel>Food bank</y:NodeLabel></y:ShapeNode></data></node>
<node id="n1"/><edge id="e0" source="n0" target="n1"/></graph></graphml>`, "Food bank", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			net, err := ReadGraphML(strings.NewReader(tt.in), ReadOptions{File: tt.name})
			require.NoError(t, err)
			assert.Equal(t, tt.directed, net.Directed())
			assert.Equal(t, tt.wantLabel, net.Actors()[0].Label)
			assert.Len(t, net.Ties(), 1)
		})
	}
}

func TestGEXFIsWellFormed(t *testing.T) {
	net, _ := loadReference(t, "lesmis")
	var buf bytes.Buffer
	require.NoError(t, net.WriteGEXF(&buf))
	var doc struct {
		Nodes []struct {
			ID string `xml:"id,attr"`
		} `xml:"graph>nodes>node"`
		Edges []struct {
			Weight float64 `xml:"weight,attr"`
		} `xml:"graph>edges>edge"`
	}
	require.NoError(t, xml.Unmarshal(buf.Bytes(), &doc))
	assert.Len(t, doc.Nodes, net.Len())
	assert.Len(t, doc.Edges, len(net.Ties()))
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, edges, nodes string
		graphml            bool
		line               int
		field, msg         string
	}{
		{"no header", "", "", false, 1, "", "want a header row"},
		{"missing target column", "source,weight\na,1\n", "", false, 1, "target", "missing column"},
		{"bad weight", "source,target,weight\na,b,1\nb,c,heavy\n", "", false, 3, "weight", `"heavy" is not a number`},
		{"negative weight", "source,target,weight\na,b,-1\n", "", false, 2, "weight", "not a number between"},
		{"empty target", "source,target\na,\n", "", false, 2, "target", "empty target"},
		{"unknown actor", "source,target\na,zed\n", "id\na\nb\n", false, 2, "target", `unknown actor "zed"`},
		{"bad date", "source,target,first_seen\na,b,yesterday\n", "", false, 2, "first_seen", "bad date"},
		{"bad quote", "source,target\n\"a,b\n", "", false, 2, "", "bad CSV"},
		{"duplicate node", "source,target\n", "id\na\na\n", false, 3, "id", "duplicate id"},
		// Ids that XML (GraphML, GEXF) cannot hold byte for byte; found by
		// FuzzReadCSV (testdata/fuzz/FuzzReadCSV/993905f3e3c855fd).
		{"invalid UTF-8 id", "source,target\na,\xd4\n", "", false, 2, "", "Latin-1"},
		{"control character in id", "source,target\n", "id\na\x01b\n", false, 2, "id", "control character"},
		{"graphml undeclared node", `<graphml><graph edgedefault="undirected"><node id="a"/>` + "\n" + `<edge source="a" target="b"/></graph></graphml>`, "", true, 2, "edge", `node "b" is not declared`},
		{"graphml bad xml", "<graphml><graph>\n<node id='a'></graph></graphml>", "", true, 2, "", "bad XML"},
		{"graphml bad weight", `<graphml><key id="w" for="edge" attr.name="weight"/><graph><node id="a"/><node id="b"/>` + "\n\n" + `<edge source="a" target="b"><data key="w">x</data></edge></graph></graphml>`, "", true, 3, "weight", "not a number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			if tt.graphml {
				_, err = ReadGraphML(strings.NewReader(tt.edges), ReadOptions{File: "in.graphml"})
			} else {
				var nodes *strings.Reader
				if tt.nodes != "" {
					nodes = strings.NewReader(tt.nodes)
				}
				if nodes != nil {
					_, err = ReadCSV(strings.NewReader(tt.edges), nodes, ReadOptions{File: "e.csv", NodesFile: "n.csv"})
				} else {
					_, err = ReadCSV(strings.NewReader(tt.edges), nil, ReadOptions{File: "e.csv"})
				}
			}
			var pe *civic.ParseError
			require.True(t, errors.As(err, &pe), "want a civic.ParseError, got %v", err)
			assert.NotEmpty(t, pe.File)
			assert.Equal(t, tt.line, pe.Line, pe.Error())
			assert.Equal(t, tt.field, pe.Field, pe.Error())
			assert.Contains(t, pe.Error(), tt.msg)
		})
	}
}

func TestEdgeCases(t *testing.T) {
	read := func(t *testing.T, edges, nodes string) *Analysis {
		var nr *strings.Reader
		if nodes != "" {
			nr = strings.NewReader(nodes)
		}
		var net *Network
		var err error
		if nr != nil {
			net, err = ReadCSV(strings.NewReader(edges), nr, ReadOptions{})
		} else {
			net, err = ReadCSV(strings.NewReader(edges), nil, ReadOptions{})
		}
		require.NoError(t, err)
		return net.Analyze()
	}
	t.Run("empty", func(t *testing.T) {
		m := must(read(t, "source,target\n", "").Metrics(bg, MetricsOptions{}))
		assert.Empty(t, m.Nodes)
		assert.Zero(t, m.Modularity)
		assert.Zero(t, m.Components)
	})
	t.Run("one node", func(t *testing.T) {
		// NetworkX on a one-node graph: betweenness, closeness, harmonic,
		// clustering 0; pagerank and eigenvector 1; core 0.
		m := must(read(t, "source,target\n", "id\nsolo\n").Metrics(bg, MetricsOptions{}))
		require.Len(t, m.Nodes, 1)
		assert.Equal(t, NodeMetrics{ID: "solo", PageRank: 1, Eigenvector: 1}, m.Nodes[0])
		assert.Equal(t, 1, m.Components)
	})
	t.Run("self-loop ignored", func(t *testing.T) {
		with := must(read(t, "source,target\na,b\nb,c\nb,b\n", "").Metrics(bg, MetricsOptions{}))
		without := must(read(t, "source,target\na,b\nb,c\n", "").Metrics(bg, MetricsOptions{}))
		assert.Equal(t, without, with)
	})
	t.Run("duplicates merge", func(t *testing.T) {
		net, err := ReadCSV(strings.NewReader("source,target,weight\na,b,1\nb,a,2\n"), nil, ReadOptions{})
		require.NoError(t, err)
		require.Len(t, net.Ties(), 1)
		assert.Equal(t, 3.0, net.Ties()[0].Weight)
		d, err := ReadCSV(strings.NewReader("source,target,weight\na,b,1\nb,a,2\n"), nil, ReadOptions{Directed: true})
		require.NoError(t, err)
		assert.Len(t, d.Ties(), 2, "directed: a->b and b->a are different ties")
	})
	t.Run("directed by hand", func(t *testing.T) {
		// a<->b, b->c, c->a, d->c, and a self-loop on d (ignored). Expected
		// values from NetworkX 2.8.8 on the DiGraph without the self-loop
		// (clustering, core_number, degree, weakly connected components,
		// modularity of {a,b},{c,d}), and by hand: S = A + Aᵀ has one
		// triangle a-b-c of multiplicity 2·1·1, so a gets 2/(3·2-2·1).
		net, err := ReadCSV(strings.NewReader("source,target\na,b\nb,a\nb,c\nc,a\nd,c\nd,d\n"), nil, ReadOptions{Directed: true})
		require.NoError(t, err)
		a := net.Analyze()
		m := must(a.Metrics(bg, MetricsOptions{}))
		tests := []struct {
			id         string
			degree     int
			clustering float64
			core       int
		}{
			{"a", 3, 0.5, 2},
			{"b", 3, 0.5, 2},
			{"c", 3, 1.0 / 3, 2},
			{"d", 1, 0, 1},
		}
		for i, tt := range tests {
			t.Run(tt.id, func(t *testing.T) {
				got := m.Nodes[i]
				require.Equal(t, tt.id, got.ID)
				assert.Equal(t, tt.degree, got.Degree)
				assert.InDelta(t, tt.clustering, got.Clustering, 1e-15)
				assert.Equal(t, tt.core, got.Core)
			})
		}
		assert.Equal(t, 1, m.Components)
		assert.InDelta(t, 0.08, a.Modularity([]int{0, 0, 1, 1}), 1e-15)
		// NetworkX constraint and effective_size, mutual weights 2 for a-b.
		br := a.Brokerage()
		assert.InDelta(t, 0.9135802469135801, br.Constraint[0], 1e-12)
		assert.InDelta(t, 0.7283950617283952, br.Constraint[2], 1e-12)
		assert.InDelta(t, 1.1666666666666667, br.EffectiveSize[0], 1e-12)
		assert.InDelta(t, 2.3333333333333335, br.EffectiveSize[2], 1e-12)
	})
	t.Run("disconnected", func(t *testing.T) {
		// Two separate edges and an isolate: NetworkX gives closeness
		// (1/1)*(1/3) = 1/3 to each endpoint, 0 to the isolate.
		m := must(read(t, "source,target\na,b\nc,d\n", "id\na\nb\nc\nd\ne\n").Metrics(bg, MetricsOptions{}))
		assert.Equal(t, 3, m.Components)
		assert.InDelta(t, 0.25, m.Nodes[0].Closeness, 1e-15)
		assert.Zero(t, m.Nodes[4].Closeness)
	})
}

func TestDeterministicAcrossWorkers(t *testing.T) {
	net := barabasiAlbert(600, 3, 1)
	a1 := net.Analyze()
	a1.Workers = 1
	a2 := net.Analyze()
	a2.Workers = 7
	assert.Equal(t, must(a1.Betweenness(bg)), must(a2.Betweenness(bg)))
	c1, h1 := must2(a1.ClosenessHarmonic(bg))
	c2, h2 := must2(a2.ClosenessHarmonic(bg))
	assert.Equal(t, c1, c2)
	assert.Equal(t, h1, h2)
	assert.Equal(t, must(a1.SampleBetweenness(bg, 50, 9)), must(a2.SampleBetweenness(bg, 50, 9)))
}

func TestDirectedDeterministicAcrossWorkers(t *testing.T) {
	// Every metric of a directed network, reciprocal ties included, is
	// bit-identical for any number of workers.
	net := directedBA(700, 3, 3)
	require.Len(t, net.Ties(), 4*3*(700-3)/3)
	a1 := net.Analyze()
	a1.Workers = 1
	a2 := net.Analyze()
	a2.Workers = 5
	m1 := must(a1.Metrics(bg, MetricsOptions{LouvainTrials: 3}))
	assert.Equal(t, m1, must(a2.Metrics(bg, MetricsOptions{LouvainTrials: 3})))
	assert.Equal(t, a1.Brokerage(), a2.Brokerage())
	assert.Positive(t, m1.Modularity)
}

func TestSampledBetweenness(t *testing.T) {
	net := barabasiAlbert(800, 3, 2)
	a := net.Analyze()
	exact := must(a.Betweenness(bg))
	s := must(a.SampleBetweenness(bg, 200, 1))
	// Dependencies are heavy-tailed, so the stated standard error is itself
	// an estimate: require that at least 80% of estimates lie within three
	// of them (plus a small floor for nodes almost never on a path).
	within := 0
	for v := range exact {
		if d := exact[v] - s.Values[v]; d <= 3*s.StdErr[v]+1e-4 && -d <= 3*s.StdErr[v]+1e-4 {
			within++
		}
	}
	assert.GreaterOrEqual(t, float64(within)/float64(len(exact)), 0.8)
	full := must(a.SampleBetweenness(bg, 800, 1))
	assert.Equal(t, exact, full.Values)
}
