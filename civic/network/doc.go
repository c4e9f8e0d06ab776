// Package network analyses a ward's civic network: the actors
// (councillors, community groups, council accounts, partners, citizens)
// and the ties between them (follows, memberships, mentions, replies).
//
// A [Network] is read from CSV edge and node lists ([ReadCSV]), GraphML
// ([ReadGraphML]) or JSON ([ReadJSON]), each as ReadX(r, [ReadOptions]):
// input capped at ReadOptions.MaxBytes, a UTF-8 byte-order mark accepted,
// UTF-16 and Latin-1 named in the error, and every error a
// [*civic.ParseError] naming file, line, column and field. Actor kinds are
// matched case-insensitively and an unknown kind is an error (a warning
// with ReadOptions.Lenient); an actor whose kind is not given is a citizen
// unless ReadOptions.DefaultKind says otherwise. [Network.Pseudonymize]
// replaces every citizen's id and label (every actor not of a public kind)
// before anything is written.
//
// [Network.Analyze] converts the network once to compact arrays, where
// every metric is computed and checked against NetworkX: degree, exact and
// sampled betweenness, closeness, harmonic, PageRank, eigenvector,
// clustering, k-core, components, Louvain communities, Burt's constraint.
// A directed network gets NetworkX's DiGraph formulas for every one of
// them; see [Analysis.Metrics] for which use weights. [Network.Ward] turns
// them into a ward's picture: who reaches which groups, who nobody reaches,
// and whom to meet; every ward view of a network shares one Louvain run.
// Long computations take a [context.Context] and stop soon after it is
// cancelled. [Network.Graph] is a read-only
// github.com/dominikbraun/graph view.
//
// Outputs are methods next to their types: [Metrics.WriteJSON],
// [Metrics.WriteCSV], [Metrics.WriteText], [WardView.WriteText],
// [WardView.WriteJSON], [Network.WriteGraphML], [Network.WriteGEXF] and
// [Network.WriteJSON], each returning the first write error.
//
//	net, err := network.ReadCSV(edges, nodes, network.ReadOptions{File: "edges.csv", NodesFile: "nodes.csv"})
//	if err != nil {
//		return err // a *civic.ParseError naming file, line and field
//	}
//	if net, _, err = net.Pseudonymize(nil); err != nil {
//		return err
//	}
//	m, err := net.Analyze().Metrics(ctx, network.MetricsOptions{})
//	if err != nil {
//		return err
//	}
//	ward, err := net.Ward(ctx, "E05990002", network.WardOptions{})
package network
