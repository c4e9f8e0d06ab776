// Package civic is the civickit domain model: people, organisations, wards
// and their social-media accounts (aligned with Popolo names), ward networks
// of actors and ties, and the journey a council decision takes from proposal
// to monitoring.
//
// civic imports no other civickit package. Everything in it is pure
// computation over values: readers take an [io.Reader] and return values and
// errors, so the package also compiles for GOOS=js GOARCH=wasm.
//
// # Ward networks
//
// A [Network] holds actors (councillors, community groups, council
// accounts, partners, citizens) and ties; [Network.Graph] is its
// github.com/dominikbraun/graph form. [Network.Analyze] converts it once to
// compact arrays, where every metric is computed and checked against
// NetworkX: degree, exact and sampled betweenness, closeness, harmonic,
// PageRank, eigenvector, clustering, k-core, components, Louvain
// communities, Burt's constraint. [Network.Ward] turns them into a ward's
// picture: who reaches which groups, who nobody reaches, and whom to meet.
//
//	net, err := civic.ReadCSV(edges, nodes, civic.ReadOptions{EdgesFile: "edges.csv", NodesFile: "nodes.csv"})
//	if err != nil {
//		return err // a *civic.ParseError naming file, line and field
//	}
//	m := net.Analyze().Metrics(civic.MetricsOptions{})
//	ward, err := net.Ward("E05990002", civic.WardOptions{})
package civic
