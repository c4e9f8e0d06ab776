package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/civickit/civickit/persona"
)

var personasFlags struct {
	k         string
	seed      uint64
	minSize   int
	format    string
	method    string
	mapping   string
	catalogue string
}

var personasCmd = &Command{
	Name:      "personas",
	UsageLine: "personas [--k auto|N] [--seed S] [--min-size N] [--format text|json|md|html] [--method kmeans|kprototypes|pam] [--map MAPPING.json] [--catalogue CATALOGUE.json] SURVEY.csv|SURVEY.json|-",
	Short:     "turn a councillor survey into anonymised personas with learning options",
	Long: `Personas reads a councillor digital-skills survey (CSV with the documented
header, or JSON; see the persona package), clusters the respondents and
describes each cluster as a persona at a stage of the progression route
(reluctant, curious, practising, champion), with its confidence profile,
tools, aims, barriers and the learning options that help it progress.

No persona, and no figure in one, rests on fewer than --min-size
respondents (default 10, after the ONS small-numbers practice): smaller
clusters are merged into the nearest one and the report says so. No
individual answers, respondent ids, wards or free text are ever printed.

--map names a JSON file mapping the documented column names to a council's
own ({"columns": {"conf_email": "Email confidence"}, "values": {...}}).
The same seed gives the same output on any number of cores.`,
	SetFlags: func(fs *flag.FlagSet) {
		fs.StringVar(&personasFlags.k, "k", "auto", "number of clusters, or auto to choose by silhouette and bootstrap stability")
		fs.Uint64Var(&personasFlags.seed, "seed", 1, "random seed")
		fs.IntVar(&personasFlags.minSize, "min-size", 10, "fewest respondents a persona or figure may rest on")
		fs.StringVar(&personasFlags.format, "format", "text", "output format: text, json, md or html")
		fs.StringVar(&personasFlags.method, "method", "kmeans", "clustering method: kmeans, kprototypes or pam")
		fs.StringVar(&personasFlags.mapping, "map", "", "JSON file mapping documented columns to the survey's own")
		fs.StringVar(&personasFlags.catalogue, "catalogue", "", "JSON file with the council's own catalogue of learning options")
	},
	Run: runPersonas,
}

func runPersonas(ctx context.Context, env *Env, cmd *Command, args []string) error {
	args, err := parseFlags(cmd, cmd.FlagSet(), args)
	if err != nil {
		return err
	}
	f := personasFlags
	if len(args) != 1 {
		return usagef(cmd, "want one SURVEY file (or - for stdin)")
	}
	opts := persona.Options{Seed: f.seed, MinSize: f.minSize, Method: persona.Method(f.method)}
	if f.k != "auto" {
		k, err := strconv.Atoi(f.k)
		if err != nil || k < 1 {
			return usagef(cmd, "--k %q: want auto or a whole number from 1", f.k)
		}
		opts.K = k
	}
	if f.minSize < 1 {
		return usagef(cmd, "--min-size must be at least 1")
	}
	switch opts.Method {
	case persona.MethodKMeans, persona.MethodKPrototypes, persona.MethodPAM:
	default:
		return usagef(cmd, "--method %q: want kmeans, kprototypes or pam", f.method)
	}
	render := map[string]func(*persona.Report, io.Writer) error{
		"text": (*persona.Report).Text, "json": (*persona.Report).JSON,
		"md": (*persona.Report).Markdown, "markdown": (*persona.Report).Markdown, "html": (*persona.Report).HTML,
	}[f.format]
	if render == nil {
		return usagef(cmd, "--format %q: want text, json, md or html", f.format)
	}
	var mapping *persona.Mapping
	if f.mapping != "" {
		raw, err := os.ReadFile(f.mapping)
		if err != nil {
			return err
		}
		mapping = &persona.Mapping{}
		if err := json.Unmarshal(raw, mapping); err != nil {
			return fmt.Errorf("%s: %w", f.mapping, err)
		}
	}
	if f.catalogue != "" {
		cf, err := os.Open(f.catalogue)
		if err != nil {
			return err
		}
		opts.Catalogue, err = persona.ReadCatalogue(cf)
		cf.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", f.catalogue, err)
		}
	}
	name := args[0]
	survey, err := readParsed(env, name, func(r io.Reader) (*persona.Survey, error) {
		if strings.HasSuffix(strings.ToLower(name), ".json") {
			return persona.ReadJSON(r, mapping)
		}
		return persona.ReadCSV(r, mapping)
	})
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	rep, err := persona.Build(survey, opts)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return render(rep, env.Stdout)
}
