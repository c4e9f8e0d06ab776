package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/civickit/civickit/persona"
)

var pilotsFlags struct {
	minSize   int
	format    string
	catalogue string
}

var pilotsCmd = &Command{
	Name:      "pilots",
	UsageLine: "pilots [--min-size N] [--format text|json] [--catalogue CATALOGUE.json] PILOTS.csv|-",
	Short:     "evaluate learning pilots and rank them into a menu per stage",
	Long: `Pilots reads a CSV file of learning pilots with the header

	activity,participant,stage,attended,before,after,cost

(one row per invited participant; before and after are confidence ratings
1-5; the activity's cost is the sum of its cost cells) and reports, for each
activity, attendance, the paired change in confidence with a 95% confidence
interval, and the cost per participant and per point of confidence gained.
It then ranks the activities into a menu of learning options for each stage
(reluctant, curious, practising, champion). Participant ids are never
printed; no figure rests on fewer than --min-size participants.`,
	SetFlags: func(fs *flag.FlagSet) {
		fs.IntVar(&pilotsFlags.minSize, "min-size", 5, "fewest participants a figure may rest on")
		fs.StringVar(&pilotsFlags.format, "format", "text", "output format: text or json")
		fs.StringVar(&pilotsFlags.catalogue, "catalogue", "", "JSON file with the council's own catalogue of learning options")
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
	if f.minSize < 1 {
		return usagef(cmd, "--min-size must be at least 1")
	}
	if f.format != "text" && f.format != "json" {
		return usagef(cmd, "--format %q: want text or json", f.format)
	}
	var cat []persona.LearningOption
	if f.catalogue != "" {
		cf, err := os.Open(f.catalogue)
		if err != nil {
			return err
		}
		cat, err = persona.ReadCatalogue(cf)
		cf.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", f.catalogue, err)
		}
	}
	recs, err := readParsed(env, args[0], func(r io.Reader) ([]persona.PilotRecord, error) { return persona.ReadPilots(r) })
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	rep := persona.EvaluatePilots(recs, cat, f.minSize)
	if f.format == "json" {
		return rep.JSON(env.Stdout)
	}
	return rep.Text(env.Stdout)
}
