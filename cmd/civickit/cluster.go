package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/civickit/civickit/persona"
)

// silhouetteExactMax is the largest number of rows for which "cluster"
// computes the exact silhouette; above it, a seeded sample of this size.
const silhouetteExactMax = 10000

var clusterFlags struct {
	k        int
	seed     uint64
	restarts int
	format   string
}

var clusterCmd = &Command{
	Name:      "cluster",
	UsageLine: "cluster --k N [--seed S] [--restarts R] --format json DATA.csv|-",
	Short:     "cluster the rows of a numeric CSV file by k-means",
	Long: `Cluster reads a CSV file with a header line whose every other cell is a
number, and clusters its rows as they are (no scaling) by k-means++ with
restarts. It prints JSON:

	{"labels": [one cluster number per row], "inertia": ..., "silhouette": ..., "iterations": ...}

inertia is the sum of squared distances of rows to their cluster centre;
silhouette is the mean silhouette coefficient (exact up to 10,000 rows, else
over a seeded sample of 10,000 rows; null when k is 1); iterations counts the
Lloyd iterations of the winning restart. The same seed gives the same output
on any number of cores.`,
	SetFlags: func(fs *flag.FlagSet) {
		fs.IntVar(&clusterFlags.k, "k", 0, "number of clusters (required)")
		fs.Uint64Var(&clusterFlags.seed, "seed", 1, "random seed")
		fs.IntVar(&clusterFlags.restarts, "restarts", 10, "independent k-means++ restarts; the best inertia wins")
		fs.StringVar(&clusterFlags.format, "format", "json", "output format: json")
	},
	Run: runCluster,
}

func runCluster(ctx context.Context, env *Env, cmd *Command, args []string) error {
	args, err := parseFlags(cmd, cmd.FlagSet(), args)
	if err != nil {
		return err
	}
	f := clusterFlags
	if len(args) != 1 {
		return usagef(cmd, "want one DATA.csv file (or - for stdin)")
	}
	if f.k < 1 {
		return usagef(cmd, "--k must be at least 1")
	}
	if f.restarts < 1 {
		return usagef(cmd, "--restarts must be at least 1")
	}
	if f.format != "json" {
		return usagef(cmd, "--format %q: only json is supported", f.format)
	}
	x, err := readParsed(env, args[0], func(r io.Reader) (persona.Matrix, error) {
		m, _, err := persona.ReadMatrixCSV(r)
		return m, err
	})
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	res, err := persona.KMeans{K: f.k, Seed: f.seed, Restarts: f.restarts}.Fit(x)
	if err != nil {
		return fmt.Errorf("%s: %w", args[0], err)
	}
	out := struct {
		Labels     []int    `json:"labels"`
		Inertia    float64  `json:"inertia"`
		Silhouette *float64 `json:"silhouette"`
		Iterations int      `json:"iterations"`
	}{Labels: res.Labels, Inertia: res.Inertia, Iterations: res.Iterations}
	if f.k > 1 && x.Rows > f.k {
		s, err := persona.SilhouetteSample(x, res.Labels, silhouetteExactMax, f.seed)
		if err == nil {
			out.Silhouette = &s
		}
	}
	enc := json.NewEncoder(env.Stdout)
	return enc.Encode(out)
}

// readParsed opens name ("-" is stdin) and parses it with parse, putting the
// file name into any persona.ParseError.
func readParsed[T any](env *Env, name string, parse func(io.Reader) (T, error)) (T, error) {
	r, _, err := openArg(env, name)
	if err != nil {
		var zero T
		return zero, err
	}
	defer r.Close()
	v, err := parse(r)
	var pe *persona.ParseError
	if errors.As(err, &pe) && pe.File == "" {
		pe.File = name
	}
	return v, err
}
