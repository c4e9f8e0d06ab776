package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

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

// TestNetworkMetricsCancel cancels a long metrics run (exact betweenness on
// 20,000 actors takes minutes) and wants it to stop within a second, with
// the interrupted status and no output.
func TestNetworkMetricsCancel(t *testing.T) {
	var b strings.Builder
	b.WriteString("source,target\n")
	// A ring of 20,000 with chords: connected, and slow for Brandes.
	const n = 20000
	for i := range n {
		fmt.Fprintf(&b, "%d,%d\n%d,%d\n", i, (i+1)%n, i, (i*7919+13)%n)
	}
	file := filepath.Join(t.TempDir(), "big.csv")
	require.NoError(t, os.WriteFile(file, []byte(b.String()), 0o644))
	// Reading and the cheap metrics, which do not stop early, as a base.
	start := time.Now()
	_, stderr, code := runCLI(t, "", "network", "metrics", "--metrics", "degree", file)
	require.Equal(t, 0, code, stderr)
	base := time.Since(start)
	for _, only := range []string{"", "betweenness", "closeness", "community"} {
		args := []string{"network", "metrics", "--format", "csv", file}
		if only != "" {
			args = []string{"network", "metrics", "--format", "csv", "--metrics", only, file}
		}
		ctx, cancel := context.WithCancel(context.Background())
		var out bytes.Buffer
		// Cancelled as the first step starts, whatever the machine's
		// speed: closeness (0.3 s) and Louvain (0.1 s) finish before any
		// fixed delay on a quiet machine.
		errb := &cancelOnStep{cancel: cancel}
		start := time.Now()
		code := run(ctx, &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: errb}, args)
		took := time.Since(start)
		cancel()
		assert.Equal(t, exitInterrupted, code, "%s: %s", only, errb.String())
		assert.Empty(t, out.String(), only)
		// The bound leaves room for -race on a shared machine.
		assert.Less(t, took, 5*time.Second+base, "%s: took %v (reading takes %v)", only, took, base)
	}
}

// cancelOnStep is standard error that cancels once the command says a
// step of its work has started.
type cancelOnStep struct {
	bytes.Buffer
	cancel func()
}

func (w *cancelOnStep) Write(p []byte) (int, error) {
	if bytes.Contains(p, []byte("step 1 of")) {
		w.cancel()
	}
	return w.Buffer.Write(p)
}
