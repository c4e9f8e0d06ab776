package main

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var sampleNetwork = filepath.Join("..", "..", "civic", "network", "testdata", "sample")

func TestNetworkMetricsJSONContract(t *testing.T) {
	out, stderr, code := runCLI(t, "", "network", "metrics", "--default-kind", "group", "--format", "json", filepath.Join("..", "..", "civic", "network", "testdata", "karate.edges.csv"))
	require.Equal(t, 0, code, stderr)
	var doc struct {
		Nodes      []map[string]any `json:"nodes"`
		Modularity float64          `json:"modularity"`
		Components int              `json:"components"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	require.Len(t, doc.Nodes, 34)
	for _, k := range []string{"id", "degree", "betweenness", "closeness", "harmonic", "pagerank", "eigenvector", "clustering", "core", "community"} {
		assert.Contains(t, doc.Nodes[0], k)
	}
	// Karate club node 0: NetworkX betweenness_centrality 0.43763528138528146
	// (civic/network/testdata/karate.ref.json).
	assert.Equal(t, "0", doc.Nodes[0]["id"])
	assert.InDelta(t, 0.43763528138528146, doc.Nodes[0]["betweenness"], 1e-9)
	assert.Equal(t, 1, doc.Components)
	assert.Greater(t, doc.Modularity, 0.41)
}

func TestNetworkCommands(t *testing.T) {
	nodes := filepath.Join(sampleNetwork, "nodes.csv")
	edges := filepath.Join(sampleNetwork, "edges.csv")
	tests := []struct {
		name  string
		stdin string
		args  []string
		code  int
		want  string
	}{
		{"ward text", "", []string{"network", "ward", "--nodes", nodes, "--ward", "E05990002", edges}, 0, "Groups no councillor reaches: Hillcrest Repair Cafe, Tamil Community Hillcrest"},
		{"ward json", "", []string{"network", "ward", "--nodes", nodes, "--ward", "E05990002", "--format", "json", edges}, 0, `"unreached": [`},
		{"ward missing flag", "", []string{"network", "ward", edges}, 2, "--ward is required"},
		{"metrics csv stdin", "source,target\na,b\n", []string{"network", "metrics", "--format", "csv", "-"}, 0, "id,degree,betweenness"},
		{"metrics text", "", []string{"network", "metrics", "--nodes", nodes, edges}, 0, "modularity"},
		{"export gexf", "", []string{"network", "export", "--to", "gexf", "--nodes", nodes, edges}, 0, "<gexf"},
		{"export graphml", "", []string{"network", "export", "--nodes", nodes, edges}, 0, "<graphml"},
		{"bad format", "", []string{"network", "export", "--to", "dot", edges}, 2, "unknown --to"},
		{"bad input", "source,target,weight\na,b,x\n", []string{"network", "metrics", "-"}, 2, "<stdin>:2:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, stderr, code := runCLI(t, tt.stdin, tt.args...)
			assert.Equal(t, tt.code, code, stderr)
			assert.Contains(t, out+stderr, tt.want)
		})
	}
}
