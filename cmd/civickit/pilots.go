package main

import (
	"context"
	"flag"
	"io"

	"github.com/civickit/civickit/persona"
)

var pilotsFlags struct {
	minSize   int
	small     bool
	format    string
	catalogue string
	maxBytes  sizeFlag
}

var pilotsCmd = &Command{
	Name:      "pilots",
	UsageLine: "pilots [--min-size N [--allow-small-groups]] [--format text|json|html] [--catalogue CATALOGUE.json] [--max-bytes SIZE] PILOTS.csv|-",
	Short:     "evaluate learning pilots and rank them into a menu per stage",
	Long: `Pilots reads a CSV file of learning pilots with the header

	activity,participant,stage,attended,before,after,cost

(one row per invited participant; before and after are confidence ratings
1-5; the activity's cost is the sum of its cost cells) and reports, for each
activity, attendance, the paired change in confidence with a 95% confidence
interval, and the cost per participant and per point of confidence gained.
It then ranks the activities into a menu of learning options for each stage
(reluctant, curious, practising, champion). Participant ids are never
printed; no figure rests on fewer than --min-size participants (default 5;
below it needs --allow-small-groups, and none below 3 is accepted).`,
	SetFlags: func(fs *flag.FlagSet) {
		fs.IntVar(&pilotsFlags.minSize, "min-size", persona.DefaultPilotMinSize, "fewest participants a figure may rest on")
		fs.BoolVar(&pilotsFlags.small, "allow-small-groups", false, "allow a --min-size below the default (never below 3)")
		fs.StringVar(&pilotsFlags.format, "format", "text", "output format: text, json or html")
		fs.StringVar(&pilotsFlags.catalogue, "catalogue", "", "JSON file with the council's own catalogue of learning options")
		maxBytesFlag(fs, &pilotsFlags.maxBytes)
	},
	Run: runPilots,
}

func runPilots(ctx context.Context, env *Env, cmd *Command, args []string) error {
	args, err := parseFlags(cmd, cmd.FlagSet(), args)
	if err != nil {
		return err
	}
	f := pilotsFlags
	if len(args) != 1 {
		return usagef(cmd, "want one PILOTS.csv file (or - for stdin)")
	}
	if err := persona.CheckMinSize(f.minSize, persona.DefaultPilotMinSize, f.small); err != nil {
		return usagef(cmd, "--min-size: %v", err)
	}
	render := map[string]func(*persona.PilotReport, io.Writer) error{
		"text": (*persona.PilotReport).WriteText, "json": (*persona.PilotReport).WriteJSON, "html": (*persona.PilotReport).WriteHTML,
	}[f.format]
	if render == nil {
		return usagef(cmd, "--format %q: want text, json or html", f.format)
	}
	opts := persona.PilotOptions{MinSize: f.minSize, AllowSmallGroups: f.small}
	if f.catalogue != "" {
		if opts.Catalogue, err = readJSONFile(f.catalogue, f.maxBytes, persona.ReadCatalogue); err != nil {
			return err
		}
	}
	recs, err := readParsed(env, args[0], func(r io.Reader, file string) ([]persona.PilotRecord, error) {
		return persona.ReadPilots(r, persona.ReadOptions{File: file, MaxBytes: int64(f.maxBytes)})
	})
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	rep, err := persona.EvaluatePilots(recs, opts)
	if err != nil {
		return err
	}
	return render(rep, env.Stdout)
}
