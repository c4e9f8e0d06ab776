// Package network analyses a ward's civic network: the actors
// (councillors, community groups, council accounts, partners, citizens)
// and the ties between them (follows, memberships, mentions, replies).
//
// A [Network] is read from CSV edge and node lists ([ReadCSV]), GraphML
// ([ReadGraphML]) or JSON ([ReadJSON]); [Network.Graph] is its
// github.com/dominikbraun/graph form. [Network.Analyze] converts it once to
// compact arrays, where every metric is computed and checked against
// NetworkX: degree, exact and sampled betweenness, closeness, harmonic,
// PageRank, eigenvector, clustering, k-core, components, Louvain
// communities, Burt's constraint. A directed network gets NetworkX's
// DiGraph formulas for every one of them; see [Analysis.Metrics] for which
// use weights. [Network.Ward] turns them into a ward's picture: who reaches
// which groups, who nobody reaches, and whom to meet. Citizens are
// pseudonymised ([Pseudonymize]) before anything is written.
//
//	net, err := network.ReadCSV(edges, nodes, network.ReadOptions{EdgesFile: "edges.csv", NodesFile: "nodes.csv"})
//	if err != nil {
//		return err // a *civic.ParseError naming file, line and field
//	}
//	m := net.Analyze().Metrics(network.MetricsOptions{})
//	ward, err := net.Ward("E05990002", network.WardOptions{})
package network
