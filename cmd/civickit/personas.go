package main

import (
	"context"
	"flag"
	"fmt"
	"io"
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
	small     bool
	maxBytes  sizeFlag
}

var personasCmd = &Command{
	Name:      "personas",
	UsageLine: "personas [--k auto|N] [--seed S] [--min-size N [--allow-small-groups]] [--format text|json|md|html] [--method kmeans|kprototypes|pam] [--map MAPPING.json] [--catalogue CATALOGUE.json] [--max-bytes SIZE] SURVEY.csv|SURVEY.json|-",
	Short:     "turn a councillor survey into anonymised personas with learning options",
	Long: `Personas reads a councillor digital-skills survey (CSV with the documented
header, or JSON; see the persona package), clusters the respondents and
describes each cluster as a persona at a stage of the progression route
(reluctant, curious, practising, champion), with its confidence profile,
tools, aims, barriers and the learning options that help it progress.

No persona, and no figure in one, rests on fewer than --min-size
respondents (default 10, after the ONS small-numbers practice): smaller
clusters are merged into the nearest one and the report says so. A
--min-size below 10 needs --allow-small-groups, and none below 3 is
accepted. No individual answers, respondent ids, wards or free text are
ever printed.

--map names a JSON file mapping the documented column names to a council's
own ({"columns": {"conf_email": "Email confidence"}, "values": {...}}).
The same seed gives the same output on any number of cores.`,
	SetFlags: func(fs *flag.FlagSet) {
		fs.StringVar(&personasFlags.k, "k", "auto", "number of clusters, or auto to choose by silhouette and bootstrap stability")
		fs.Uint64Var(&personasFlags.seed, "seed", 1, "random seed")
		fs.IntVar(&personasFlags.minSize, "min-size", persona.DefaultMinSize, "fewest respondents a persona or figure may rest on")
		fs.BoolVar(&personasFlags.small, "allow-small-groups", false, "allow a --min-size below the default (never below 3)")
		fs.StringVar(&personasFlags.format, "format", "text", "output format: text, json, md or html")
		fs.StringVar(&personasFlags.method, "method", "kmeans", "clustering method: kmeans, kprototypes or pam")
		fs.StringVar(&personasFlags.mapping, "map", "", "JSON file mapping documented columns to the survey's own")
		fs.StringVar(&personasFlags.catalogue, "catalogue", "", "JSON file with the council's own catalogue of learning options")
		maxBytesFlag(fs, &personasFlags.maxBytes)
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
	opts := persona.Options{Seed: f.seed, MinSize: f.minSize, AllowSmallGroups: f.small, Method: persona.Method(f.method)}
	if f.k != "auto" {
		k, err := strconv.Atoi(f.k)
		if err != nil || k < 1 {
			return usagef(cmd, "--k %q: want auto or a whole number from 1", f.k)
		}
		opts.K = k
	}
	if err := persona.CheckMinSize(f.minSize, persona.DefaultMinSize, f.small); err != nil {
		return usagef(cmd, "--min-size: %v", err)
	}
	switch opts.Method {
	case persona.MethodKMeans, persona.MethodKPrototypes, persona.MethodPAM:
	default:
		return usagef(cmd, "--method %q: want kmeans, kprototypes or pam", f.method)
	}
	render := map[string]func(*persona.Report, io.Writer) error{
		"text": (*persona.Report).WriteText, "json": (*persona.Report).WriteJSON,
		"md": (*persona.Report).WriteMarkdown, "markdown": (*persona.Report).WriteMarkdown, "html": (*persona.Report).WriteHTML,
	}[f.format]
	if render == nil {
		return usagef(cmd, "--format %q: want text, json, md or html", f.format)
	}
	var mapping *persona.Mapping
	if f.mapping != "" {
		if mapping, err = readJSONFile(f.mapping, f.maxBytes, persona.ReadMapping); err != nil {
			return err
		}
	}
	if f.catalogue != "" {
		if opts.Catalogue, err = readJSONFile(f.catalogue, f.maxBytes, persona.ReadCatalogue); err != nil {
			return err
		}
	}
	name := args[0]
	survey, err := readParsed(env, name, func(r io.Reader, file string) (*persona.Survey, error) {
		o := persona.SurveyOptions{File: file, MaxBytes: int64(f.maxBytes), Mapping: mapping}
		if strings.HasSuffix(strings.ToLower(name), ".json") {
			return persona.ReadSurveyJSON(r, o)
		}
		return persona.ReadSurveyCSV(r, o)
	})
	if err != nil {
		return err
	}
	rep, err := persona.Build(ctx, survey, opts)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return render(rep, env.Stdout)
}
