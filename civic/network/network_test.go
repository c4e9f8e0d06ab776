package network

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// reference is one NAME.ref.json written by testdata/reference.py
// with NetworkX 2.8.8 (Debian python3-networkx).
type reference struct {
	Directed      bool               `json:"directed"`
	Nodes         []string           `json:"nodes"`
	Degree        map[string]int     `json:"degree"`
	Betweenness   map[string]float64 `json:"betweenness"`
	Closeness     map[string]float64 `json:"closeness"`
	Harmonic      map[string]float64 `json:"harmonic"`
	PageRank      map[string]float64 `json:"pagerank"`
	Eigenvector   map[string]float64 `json:"eigenvector"`
	Clustering    map[string]float64 `json:"clustering"`
	Core          map[string]int     `json:"core"`
	Constraint    map[string]float64 `json:"constraint"`
	EffectiveSize map[string]float64 `json:"effective_size"`
	Components    int                `json:"components"`
	LouvainQ      float64            `json:"louvain_modularity_best_of_10_seeds"`
	LouvainParts  [][]string         `json:"louvain_partition"`
}

// referenceGraphs are the graphs reference.py writes: four that NetworkX
// ships (lesmis weighted) and three directed ones (wdigraph weighted,
// with isolated actors and four weak components).
var referenceGraphs = []string{"karate", "davis", "florentine", "lesmis", "digraph", "karate_directed", "wdigraph"}

func loadReference(t testing.TB, name string) (*Network, *reference) {
	t.Helper()
	dir := filepath.Join("testdata")
	raw, err := os.ReadFile(filepath.Join(dir, name+".ref.json"))
	require.NoError(t, err)
	var ref reference
	require.NoError(t, json.Unmarshal(raw, &ref))
	edges, err := os.Open(filepath.Join(dir, name+".edges.csv"))
	require.NoError(t, err)
	defer edges.Close()
	nodes, err := os.Open(filepath.Join(dir, name+".nodes.csv"))
	require.NoError(t, err)
	defer nodes.Close()
	net, err := ReadCSV(edges, nodes, ReadOptions{Directed: ref.Directed, File: name + ".edges.csv", NodesFile: name + ".nodes.csv"})
	require.NoError(t, err)
	return net, &ref
}

func TestAgainstNetworkX(t *testing.T) {
	for _, name := range referenceGraphs {
		t.Run(name, func(t *testing.T) {
			net, ref := loadReference(t, name)
			a := net.Analyze()
			require.Equal(t, ref.Nodes, a.IDs(), "actor order follows the node list")
			floats := []struct {
				metric string
				want   map[string]float64
				got    func() []float64
				tol    float64
			}{
				{"betweenness", ref.Betweenness, func() []float64 { return must(a.Betweenness(bg)) }, 1e-9},
				{"closeness", ref.Closeness, func() []float64 { return must(a.Closeness(bg)) }, 1e-9},
				{"harmonic", ref.Harmonic, func() []float64 { return must(a.Harmonic(bg)) }, 1e-9},
				{"pagerank", ref.PageRank, func() []float64 { v, err := a.PageRank(0.85); require.NoError(t, err); return v }, 1e-6},
				{"eigenvector", ref.Eigenvector, func() []float64 { v, _ := a.Eigenvector(); return v }, 1e-6},
				{"clustering", ref.Clustering, a.Clustering, 1e-9},
				{"constraint", ref.Constraint, func() []float64 { return a.Brokerage().Constraint }, 1e-9},
				{"effective_size", ref.EffectiveSize, func() []float64 { return a.Brokerage().EffectiveSize }, 1e-9},
			}
			for _, f := range floats {
				require.NotNil(t, f.want, "reference.py writes %s for every graph", f.metric)
				got := f.got()
				checked := 0
				for i, id := range a.IDs() {
					want, ok := f.want[id]
					if !ok {
						// Only Burt's measures leave actors out: those
						// NetworkX leaves undefined (see reference.py).
						require.Contains(t, []string{"constraint", "effective_size"}, f.metric, "%s of %s missing", f.metric, id)
						continue
					}
					assert.InDelta(t, want, got[i], f.tol, "%s of %s", f.metric, id)
					checked++
				}
				assert.Greater(t, checked, len(a.IDs())/2, "%s: most actors checked", f.metric)
			}
			deg := a.Degree()
			core := a.CoreNumber()
			require.Len(t, ref.Core, len(a.IDs()))
			for i, id := range a.IDs() {
				assert.Equal(t, ref.Degree[id], deg[i], "degree of %s", id)
				assert.Equal(t, ref.Core[id], core[i], "core of %s", id)
			}
			_, nc := a.Components()
			assert.Equal(t, ref.Components, nc)

			// Modularity of NetworkX's own partition, by our formula.
			idx := map[string]int{}
			for i, id := range a.IDs() {
				idx[id] = i
			}
			of := make([]int, a.Len())
			for c, part := range ref.LouvainParts {
				for _, id := range part {
					of[idx[id]] = c
				}
			}
			assert.InDelta(t, ref.LouvainQ, a.Modularity(of), 1e-9, "modularity of NetworkX's partition")
			// Our Louvain must do at least as well as NetworkX's best of 10 seeds.
			got := must(a.Louvain(bg, LouvainOptions{Trials: 8}))
			assert.GreaterOrEqual(t, got.Modularity, ref.LouvainQ-1e-12)
			assert.InDelta(t, a.Modularity(got.Of), got.Modularity, 1e-12)
		})
	}
}

// TestMetricsJSONAgainstNetworkX checks the JSON contract of "civickit
// network metrics --format json" on every reference graph: field names and
// every value against NetworkX's defaults (reference.py), and modularity
// at least that of NetworkX's best Louvain partition of ten seeds.
func TestMetricsJSONAgainstNetworkX(t *testing.T) {
	for _, name := range referenceGraphs {
		t.Run(name, func(t *testing.T) {
			net, ref := loadReference(t, name)
			raw, err := json.Marshal(must(net.Analyze().Metrics(bg, MetricsOptions{})))
			require.NoError(t, err)
			var got struct {
				Nodes []struct {
					ID                                                                  string
					Degree, Core, Community                                             int
					Betweenness, Closeness, Harmonic, PageRank, Eigenvector, Clustering float64
				}
				Modularity float64
				Components int
			}
			require.NoError(t, json.Unmarshal(raw, &got))
			require.Len(t, got.Nodes, len(ref.Nodes))
			for i, r := range got.Nodes {
				id := ref.Nodes[i]
				require.Equal(t, id, r.ID)
				assert.Equal(t, ref.Degree[id], r.Degree, "degree of %s", id)
				assert.Equal(t, ref.Core[id], r.Core, "core of %s", id)
				assert.InDelta(t, ref.Betweenness[id], r.Betweenness, 1e-9, "betweenness of %s", id)
				assert.InDelta(t, ref.Closeness[id], r.Closeness, 1e-9, "closeness of %s", id)
				assert.InDelta(t, ref.Harmonic[id], r.Harmonic, 1e-9, "harmonic of %s", id)
				assert.InDelta(t, ref.PageRank[id], r.PageRank, 1e-6, "pagerank of %s", id)
				assert.InDelta(t, ref.Eigenvector[id], r.Eigenvector, 1e-6, "eigenvector of %s", id)
				assert.InDelta(t, ref.Clustering[id], r.Clustering, 1e-9, "clustering of %s", id)
			}
			assert.Equal(t, ref.Components, got.Components)
			assert.GreaterOrEqual(t, got.Modularity, ref.LouvainQ-1e-12)
		})
	}
}
