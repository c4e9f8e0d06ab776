package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/civickit/civickit/civic/network"
	"github.com/civickit/civickit/internal/input"
	"github.com/civickit/civickit/internal/safe"
)

// Flags of the network commands; a fresh flag set resets them.
var (
	netFormat      string
	netNodes       string
	netDirected    bool
	netInput       string
	netPivots      int
	netSeed        uint64
	netWard        string
	netTo          string
	netReveal      bool
	netKey         string
	netKeyFile     string
	netProgress    bool
	netLenient     bool
	netDefaultKind string
	netMetrics     string
	netMaxBytes    sizeFlag
)

// pseudonymKeyEnv is the environment variable that may hold the pseudonym
// key, so that it need not appear on the command line where ps shows it.
const pseudonymKeyEnv = "CIVICKIT_PSEUDONYM_KEY"

func netInputFlags(fs *flag.FlagSet) {
	fs.StringVar(&netNodes, "nodes", "", "node `CSV` (id,kind,ward,label) for a CSV edge list")
	fs.BoolVar(&netDirected, "directed", false, "treat a CSV edge list as directed")
	fs.StringVar(&netInput, "input", "", "input format: csv, graphml or json (default: from the file extension)")
	fs.BoolVar(&netReveal, "reveal-citizens", false, "print citizens' ids and labels as given, not pseudonymised (personal data: do not publish)")
	fs.StringVar(&netKey, "pseudonym-key", "", "secret `key` for pseudonyms that stay the same across files and snapshots (default: citizens numbered in input order; prefer --pseudonym-key-file or $"+pseudonymKeyEnv+", which ps does not show)")
	fs.StringVar(&netKeyFile, "pseudonym-key-file", "", "read the pseudonym key from `FILE` (surrounding space ignored)")
	fs.BoolVar(&netLenient, "lenient", false, "warn about unknown actor kinds and read those actors as citizens, instead of stopping")
	fs.StringVar(&netDefaultKind, "default-kind", "citizen", "`kind` of actors whose kind is not given (as in an edge list read without --nodes)")
	maxBytesFlag(fs, &netMaxBytes)
}

var networkCmd = &Command{
	Name:  "network",
	Short: "analyse ward networks: metrics, ward views, export",
	Long:  "Network commands read a ward network from a CSV edge list (with --nodes), GraphML or civickit JSON.",
	Sub: []*Command{
		{
			Name:      "metrics",
			UsageLine: "network metrics [--format json|csv|text] [--metrics LIST] [--nodes NODES.csv] FILE|-",
			Short:     "every actor's centrality, clustering, core and community",
			Long: `Metrics prints, for every actor in input order, degree, betweenness,
closeness, harmonic, PageRank, eigenvector, clustering, k-core and Louvain
community, with the modularity and the number of components. Values are
normalised as NetworkX's defaults; ties count unweighted unless the input has
weights (then PageRank and Louvain use them). --pivots N estimates
betweenness from N seeded pivots for big networks; --metrics computes only
the metrics named (degree, betweenness, closeness, harmonic, pagerank,
eigenvector, clustering, core, community).

Citizens are pseudonymised in every output unless --reveal-citizens is
given: an actor whose kind is citizen, or not given (every actor of an edge
list read without --nodes, unless --default-kind says otherwise). Kinds are
matched case-insensitively; an unknown kind is an error (a warning with
--lenient). The pseudonym key may come from --pseudonym-key-file or the
environment variable CIVICKIT_PSEUDONYM_KEY.`,
			SetFlags: func(fs *flag.FlagSet) {
				netInputFlags(fs)
				fs.StringVar(&netFormat, "format", "text", "output `format`: json, csv or text")
				fs.IntVar(&netPivots, "pivots", 0, "estimate betweenness from `N` pivots (0: exact)")
				fs.Uint64Var(&netSeed, "seed", 0, "seed for pivots and Louvain")
				fs.BoolVar(&netProgress, "progress", false, "report each step on standard error (always on for 20,000 actors or more)")
				fs.StringVar(&netMetrics, "metrics", "", "compute only the metrics in `LIST` (comma-separated: "+strings.Join(network.MetricNames, ",")+"; default all)")
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
	key, err := pseudonymKey(cmd)
	if err != nil {
		return nil, err
	}
	net, err := readNetworkArg(env, cmd, args)
	if err != nil || netReveal {
		return net, err
	}
	net, _, err = net.Pseudonymize(key)
	return net, err
}

// pseudonymKey returns the key from --pseudonym-key-file, --pseudonym-key
// or the environment, in that order; nil when none is given.
func pseudonymKey(cmd *Command) ([]byte, error) {
	if netKeyFile != "" && netKey != "" {
		return nil, usagef(cmd, "give --pseudonym-key or --pseudonym-key-file, not both")
	}
	if netKeyFile != "" {
		f, err := os.Open(netKeyFile)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		b, err := input.ReadAll(f, 1<<20)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", netKeyFile, err)
		}
		b = bytes.TrimSpace(b)
		if len(b) == 0 {
			return nil, fmt.Errorf("%s: the pseudonym key file is empty", netKeyFile)
		}
		return b, nil
	}
	if netKey != "" {
		return []byte(netKey), nil
	}
	if k := strings.TrimSpace(os.Getenv(pseudonymKeyEnv)); k != "" {
		return []byte(k), nil
	}
	return nil, nil
}

// readNetworkArg reads the network named by the single positional argument.
func readNetworkArg(env *Env, cmd *Command, args []string) (*network.Network, error) {
	if len(args) != 1 {
		return nil, usagef(cmd, "want one network file, got %d", len(args))
	}
	kind, ok := network.ParseActorKind(netDefaultKind)
	if !ok {
		return nil, usagef(cmd, "unknown --default-kind %s (want councillor, group, council_account, partner or citizen)", safe.Quote(netDefaultKind))
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
	if format != "graphml" && format != "json" && format != "csv" {
		return nil, usagef(cmd, "unknown --input %s (want csv, graphml or json)", safe.Quote(format))
	}
	r, name, err := openArg(env, name)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	opt := network.ReadOptions{Directed: netDirected, File: name, NodesFile: netNodes, MaxBytes: int64(netMaxBytes),
		Lenient: netLenient, DefaultKind: kind, Warn: func(err error) {
			fmt.Fprintf(env.Stderr, "civickit %s: warning: %s\n", cmd.Name, safe.Line(err.Error()))
		}}
	switch format {
	case "graphml":
		return network.ReadGraphML(r, opt)
	case "json":
		return network.ReadJSON(r, opt)
	}
	var nodes io.Reader
	if netNodes != "" {
		f, err := os.Open(netNodes)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		nodes = f
	}
	return network.ReadCSV(r, nodes, opt)
}

func runNetworkMetrics(ctx context.Context, env *Env, cmd *Command, args []string) error {
	args, err := parseFlags(cmd, cmd.FlagSet(), args)
	if err != nil {
		return err
	}
	if netFormat != "json" && netFormat != "csv" && netFormat != "text" {
		return usagef(cmd, "unknown --format %s (want json, csv or text)", safe.Quote(netFormat))
	}
	var metrics []string
	if netMetrics != "" {
		if metrics, err = network.ParseMetricNames(netMetrics); err != nil {
			return usagef(cmd, "--metrics: %s", strings.TrimPrefix(err.Error(), "civic: "))
		}
	}
	net, err := loadNetwork(env, cmd, args)
	if err != nil {
		return err
	}
	opt := network.MetricsOptions{Metrics: metrics, Pivots: netPivots, Seed: netSeed}
	if netProgress || net.Len() >= 20000 {
		start := time.Now()
		opt.Progress = func(step string, i, n int) {
			fmt.Fprintf(env.Stderr, "civickit network metrics: %.1fs: step %d of %d: %s\n", time.Since(start).Seconds(), i, n, step)
		}
	}
	m, err := net.Analyze().Metrics(ctx, opt)
	if err != nil {
		return err
	}
	switch netFormat {
	case "json":
		return m.WriteJSON(env.Stdout)
	case "csv":
		return m.WriteCSV(env.Stdout)
	}
	return m.WriteText(env.Stdout)
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
		return usagef(cmd, "unknown --format %s (want text or json)", safe.Quote(netFormat))
	}
	net, err := loadNetwork(env, cmd, args)
	if err != nil {
		return err
	}
	w, err := net.Ward(ctx, netWard, network.WardOptions{Seed: netSeed})
	if err != nil {
		return err
	}
	if netFormat == "json" {
		return w.WriteJSON(env.Stdout)
	}
	return w.WriteText(env.Stdout)
}

func runNetworkExport(ctx context.Context, env *Env, cmd *Command, args []string) error {
	args, err := parseFlags(cmd, cmd.FlagSet(), args)
	if err != nil {
		return err
	}
	if netTo != "graphml" && netTo != "gexf" && netTo != "json" {
		return usagef(cmd, "unknown --to %s (want graphml, gexf or json)", safe.Quote(netTo))
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
	}
	return net.WriteJSON(env.Stdout)
}
