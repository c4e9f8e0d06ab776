package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

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
	maxBytes sizeFlag
}

// maxRestarts bounds --restarts: each restart keeps its own labels and
// centres, so an unbounded count runs out of memory.
const maxRestarts = 1000

var clusterCmd = &Command{
	Name:      "cluster",
	UsageLine: "cluster --k N [--seed S] [--restarts R] [--max-bytes SIZE] --format json DATA.csv|-",
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
		maxBytesFlag(fs, &clusterFlags.maxBytes)
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
	if f.restarts < 1 || f.restarts > maxRestarts {
		return usagef(cmd, "--restarts must be from 1 to %d", maxRestarts)
	}
	if f.format != "json" {
		return usagef(cmd, "--format %q: only json is supported", f.format)
	}
	x, err := readParsed(env, args[0], func(r io.Reader, file string) (persona.Matrix, error) {
		m, _, err := persona.ReadMatrixCSV(r, persona.ReadOptions{File: file, MaxBytes: int64(f.maxBytes)})
		return m, err
	})
	if err != nil {
		return err
	}
	if f.k > x.Rows {
		return fmt.Errorf("%s: %d rows cannot form %d clusters", args[0], x.Rows, f.k)
	}
	res, err := persona.KMeans{K: f.k, Seed: f.seed, Restarts: f.restarts}.Fit(ctx, x)
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

// readParsed opens name ("-" is stdin) and parses it with parse, which
// gets the name to show in errors.
func readParsed[T any](env *Env, name string, parse func(r io.Reader, file string) (T, error)) (T, error) {
	r, display, err := openArg(env, name)
	if err != nil {
		var zero T
		return zero, err
	}
	defer r.Close()
	return parse(r, display)
}

// readJSONFile reads a JSON side file (a mapping or a catalogue) with
// read, under the same size cap as the main input.
func readJSONFile[T any](name string, max sizeFlag, read func(io.Reader, persona.ReadOptions) (T, error)) (T, error) {
	var zero T
	f, err := os.Open(name)
	if err != nil {
		return zero, err
	}
	defer f.Close()
	return read(f, persona.ReadOptions{File: name, MaxBytes: int64(max)})
}
