package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/civickit/civickit/civic/network"
)

// Flags of the network commands; a fresh flag set resets them.
var (
	netFormat   string
	netNodes    string
	netDirected bool
	netInput    string
	netPivots   int
	netSeed     uint64
	netWard     string
	netTo       string
	netReveal   bool
	netKey      string
	netProgress bool
)

func netInputFlags(fs *flag.FlagSet) {
	fs.StringVar(&netNodes, "nodes", "", "node `CSV` (id,kind,ward,label) for a CSV edge list")
	fs.BoolVar(&netDirected, "directed", false, "treat a CSV edge list as directed")
	fs.StringVar(&netInput, "input", "", "input format: csv, graphml or json (default: from the file extension)")
	fs.BoolVar(&netReveal, "reveal-citizens", false, "print citizens' ids and labels as given, not pseudonymised (personal data: do not publish)")
	fs.StringVar(&netKey, "pseudonym-key", "", "secret `key` for pseudonyms that stay the same across files and snapshots (default: citizens numbered in input order)")
}

var networkCmd = &Command{
	Name:  "network",
	Short: "analyse ward networks: metrics, ward views, export",
	Long:  "Network commands read a ward network from a CSV edge list (with --nodes), GraphML or civickit JSON.",
	Sub: []*Command{
		{
			Name:      "metrics",
			UsageLine: "network metrics [--format json|csv|text] [--nodes NODES.csv] FILE|-",
			Short:     "every actor's centrality, clustering, core and community",
			Long: `Metrics prints, for every actor in input order, degree, betweenness,
closeness, harmonic, PageRank, eigenvector, clustering, k-core and Louvain
community, with the modularity and the number of components. Values are
normalised as NetworkX's defaults; ties count unweighted unless the input has
weights (then PageRank and Louvain use them). --pivots N estimates
betweenness from N seeded pivots for big networks.`,
			SetFlags: func(fs *flag.FlagSet) {
				netInputFlags(fs)
				fs.StringVar(&netFormat, "format", "text", "output `format`: json, csv or text")
				fs.IntVar(&netPivots, "pivots", 0, "estimate betweenness from `N` pivots (0: exact)")
				fs.Uint64Var(&netSeed, "seed", 0, "seed for pivots and Louvain")
				fs.BoolVar(&netProgress, "progress", false, "report each step on standard error (always on for 20,000 actors or more)")
			},
			Run: runNetworkMetrics,
		},
		{
			Name:      "ward",
			UsageLine: "network ward --nodes NODES.csv --ward ID [--format text|json] FILE|-",
			Short:     "a ward's councillors' reach to community groups, gaps and advice",
			Long: `Ward shows, for the ward with the given id, each councillor's community
groups reached at one and two steps, the share reached, strongest ties and
brokers to unreached groups; then the groups nobody reaches, communities, a
connectivity score (0-100) and plain-English recommendations.`,
			SetFlags: func(fs *flag.FlagSet) {
				netInputFlags(fs)
				fs.StringVar(&netWard, "ward", "", "ward `ID` (as in the node list's ward column)")
				fs.StringVar(&netFormat, "format", "text", "output `format`: text or json")
				fs.Uint64Var(&netSeed, "seed", 0, "seed for Louvain")
			},
			Run: runNetworkWard,
		},
		{
			Name:      "export",
			UsageLine: "network export --to graphml|gexf|json [--nodes NODES.csv] FILE|-",
			Short:     "convert a network to GraphML, GEXF (Gephi) or civickit JSON",
			Long:      "Export writes the network to standard output in the chosen format.",
			SetFlags: func(fs *flag.FlagSet) {
				netInputFlags(fs)
				fs.StringVar(&netTo, "to", "graphml", "output `format`: graphml, gexf or json")
			},
			Run: runNetworkExport,
		},
	},
}

// loadNetwork reads the network named by the single positional argument
// and, unless --reveal-citizens is given, pseudonymises its citizens: their
// handles are personal data and never reach an output by default.
func loadNetwork(env *Env, cmd *Command, args []string) (*network.Network, error) {
	net, err := readNetworkArg(env, cmd, args)
	if err != nil || netReveal {
		return net, err
	}
	var key []byte
	if netKey != "" {
		key = []byte(netKey)
	}
	net, _, err = net.Pseudonymise(key)
	return net, err
}

// readNetworkArg reads the network named by the single positional argument.
func readNetworkArg(env *Env, cmd *Command, args []string) (*network.Network, error) {
	if len(args) != 1 {
		return nil, usagef(cmd, "want one network file, got %d", len(args))
	}
	name := args[0]
	format := netInput
	if format == "" {
		switch strings.ToLower(filepath.Ext(name)) {
		case ".graphml", ".xml":
			format = "graphml"
		case ".json":
			format = "json"
		default:
			format = "csv"
		}
	}
	r, name, err := openArg(env, name)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	switch format {
	case "graphml":
		return network.ReadGraphML(r, name)
	case "json":
		return network.ReadJSON(r, name)
	case "csv":
		var nodes io.Reader
		if netNodes != "" {
			f, err := os.Open(netNodes)
			if err != nil {
				return nil, err
			}
			defer f.Close()
			nodes = f
		}
		return network.ReadCSV(r, nodes, network.ReadOptions{Directed: netDirected, EdgesFile: name, NodesFile: netNodes})
	}
	return nil, usagef(cmd, "unknown --input %q (want csv, graphml or json)", format)
}

func runNetworkMetrics(ctx context.Context, env *Env, cmd *Command, args []string) error {
	args, err := parseFlags(cmd, cmd.FlagSet(), args)
	if err != nil {
		return err
	}
	if netFormat != "json" && netFormat != "csv" && netFormat != "text" {
		return usagef(cmd, "unknown --format %q (want json, csv or text)", netFormat)
	}
	net, err := loadNetwork(env, cmd, args)
	if err != nil {
		return err
	}
	opt := network.MetricsOptions{Pivots: netPivots, Seed: netSeed}
	if netProgress || net.Len() >= 20000 {
		start := time.Now()
		opt.Progress = func(step string, i, n int) {
			fmt.Fprintf(env.Stderr, "civickit network metrics: %.1fs: step %d of %d: %s\n", time.Since(start).Seconds(), i, n, step)
		}
	}
	m := net.Analyze().Metrics(opt)
	switch netFormat {
	case "json":
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(m)
	case "csv":
		w := csv.NewWriter(env.Stdout)
		_ = w.Write([]string{"id", "degree", "betweenness", "closeness", "harmonic", "pagerank", "eigenvector", "clustering", "core", "community"})
		f := func(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
		for _, n := range m.Nodes {
			_ = w.Write([]string{n.ID, strconv.Itoa(n.Degree), f(n.Betweenness), f(n.Closeness), f(n.Harmonic), f(n.PageRank),
				f(n.Eigenvector), f(n.Clustering), strconv.Itoa(n.Core), strconv.Itoa(n.Community)})
		}
		w.Flush()
		return w.Error()
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "id\tdegree\tbetweenness\tcloseness\tharmonic\tpagerank\teigenvector\tclustering\tcore\tcommunity\t")
	for _, n := range m.Nodes {
		fmt.Fprintf(tw, "%s\t%d\t%.4f\t%.4f\t%.2f\t%.4f\t%.4f\t%.4f\t%d\t%d\t\n", n.ID, n.Degree, n.Betweenness, n.Closeness,
			n.Harmonic, n.PageRank, n.Eigenvector, n.Clustering, n.Core, n.Community)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "\n%d actors, %d components, modularity %.4f, betweenness %s\n", len(m.Nodes), m.Components, m.Modularity, m.Betweenness)
	for _, w := range m.Warnings {
		fmt.Fprintln(env.Stdout, "warning:", w)
	}
	return nil
}

func runNetworkWard(ctx context.Context, env *Env, cmd *Command, args []string) error {
	args, err := parseFlags(cmd, cmd.FlagSet(), args)
	if err != nil {
		return err
	}
	if netWard == "" {
		return usagef(cmd, "--ward is required")
	}
	if netFormat != "json" && netFormat != "text" {
		return usagef(cmd, "unknown --format %q (want text or json)", netFormat)
	}
	net, err := loadNetwork(env, cmd, args)
	if err != nil {
		return err
	}
	w, err := net.Ward(netWard, network.WardOptions{Seed: netSeed})
	if err != nil {
		return err
	}
	if netFormat == "json" {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(w)
	}
	return writeWardText(env.Stdout, net, w)
}

func runNetworkExport(ctx context.Context, env *Env, cmd *Command, args []string) error {
	args, err := parseFlags(cmd, cmd.FlagSet(), args)
	if err != nil {
		return err
	}
	net, err := loadNetwork(env, cmd, args)
	if err != nil {
		return err
	}
	switch netTo {
	case "graphml":
		return net.WriteGraphML(env.Stdout)
	case "gexf":
		return net.WriteGEXF(env.Stdout)
	case "json":
		return net.WriteJSON(env.Stdout)
	}
	return usagef(cmd, "unknown --to %q (want graphml, gexf or json)", netTo)
}

// writeWardText prints a ward's view in plain English: each councillor's
// reach, the groups nobody reaches, communities and recommendations.
func writeWardText(out io.Writer, net *network.Network, w *network.WardView) error {
	name := func(id string) string {
		if a, ok := net.Actor(id); ok && a.Label != "" {
			return a.Label
		}
		return id
	}
	names := func(ids []string) string {
		if len(ids) == 0 {
			return "none"
		}
		s := make([]string, len(ids))
		for i, id := range ids {
			s[i] = name(id)
		}
		return strings.Join(s, ", ")
	}
	fmt.Fprintf(out, "Ward %s: %d community groups, connectivity score %.0f/100\n\n", w.Ward, len(w.Groups), w.Score)
	for _, c := range w.Councillors {
		fmt.Fprintf(out, "%s reaches %.0f%% of the ward's groups\n", name(c.ID), 100*c.Share)
		fmt.Fprintf(out, "  directly:      %s\n", names(c.Reached1))
		fmt.Fprintf(out, "  at two steps:  %s\n", names(c.Reached2))
		ties := make([]string, len(c.StrongestTies))
		for i, t := range c.StrongestTies {
			ties[i] = fmt.Sprintf("%s (%g)", name(t.ID), t.Weight)
		}
		fmt.Fprintf(out, "  strongest ties: %s\n", strings.Join(ties, ", "))
		for _, b := range c.Brokers {
			fmt.Fprintf(out, "  broker: %s links %s\n", name(b.ID), names(b.Links))
		}
		fmt.Fprintln(out)
	}
	fmt.Fprintf(out, "Groups no councillor reaches: %s\n", names(w.Unreached))
	fmt.Fprintln(out, "Communities:")
	for i, c := range w.Communities {
		fmt.Fprintf(out, "  %d. %s\n", i+1, names(c))
	}
	fmt.Fprintln(out, "\nRecommendations:")
	for _, r := range w.Recommendations {
		fmt.Fprintf(out, "  - %s\n", r)
	}
	return nil
}
