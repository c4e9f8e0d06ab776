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
// communities, Burt's constraint. A directed network gets NetworkX's
// DiGraph formulas for every one of them (directed clustering, k-core on
// in- plus out-degree, directed modularity, weakly connected components);
// see [Analysis.Metrics] for which use weights. [Network.Ward] turns them
// into a ward's picture: who reaches which groups, who nobody reaches, and
// whom to meet.
//
//	net, err := civic.ReadCSV(edges, nodes, civic.ReadOptions{EdgesFile: "edges.csv", NodesFile: "nodes.csv"})
//	if err != nil {
//		return err // a *civic.ParseError naming file, line and field
//	}
//	m := net.Analyze().Metrics(civic.MetricsOptions{})
//	ward, err := net.Ward("E05990002", civic.WardOptions{})
//
// # Decision journeys
//
// A council decision moves through stages ([JourneyStages]) that form a
// directed acyclic graph ([StageGraph], on github.com/dominikbraun/graph):
// proposal, consultation, a notice (28 clear days, general exception or
// special urgency), scrutiny, agenda, decision, publication, call-in and its
// outcomes, in effect and monitoring, with planning-application and budget
// side journeys. Each [Stage] has a stable kebab-case [StageID], a
// citizen-facing title and description, how to have your say, and its
// statutory basis. A [Council] profile sets the clear days, call-in period
// and key-decision test; [BankHolidays] gives the England and Wales bank
// holidays from rules plus the [BankHolidayChanges] table. A [Decision] keeps
// its stage history, rejects illegal moves, and explains itself:
//
//	dec, err := civic.ReadDecisionJSON(f, "decision.json")
//	if err != nil {
//		return err // a *civic.ParseError naming file, line and field
//	}
//	c := dec.CouncilFor() // or civic.CouncilProfile("kirklees")
//	now, _ := dec.Current()  // where it is now
//	next := dec.Next()       // what may come next
//	dls := dec.Deadlines(&c) // notice by, agenda by, call-in ends, in effect from
//	s := dec.Explain(&c)     // GOV.UK step-by-step shape
//	err = s.HTML(w)          // or s.Text(w), s.JSON(w)
//
// For a meeting alone, [Council.MeetingDeadlines] gives the agenda,
// key-decision and general-exception deadlines and the end of call-in.
package civic
