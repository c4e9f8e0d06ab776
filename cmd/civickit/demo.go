package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/civickit/civickit/civic/journey"
	"github.com/civickit/civickit/civic/network"
	"github.com/civickit/civickit/internal/sample"
	"github.com/civickit/civickit/persona"
	"github.com/civickit/civickit/standards"
)

var cmdDemo = &Command{
	Name:      "demo",
	UsageLine: "demo [--format text|json]",
	Short:     "run civickit on the embedded sample council",
	Long: `
Demo runs civickit on Millbrook Borough Council, a sample council embedded in
the binary:

  1. it checks the council's decision notice, consultation page, minutes and
     social post against the democratic content standards;
  2. it explains where the library decision is on its journey, what comes
     next and by when;
  3. it shows how strongly each ward's councillors are connected to the
     ward's community groups online, and whom to meet;
  4. it turns the councillors' digital-skills survey into anonymised
     personas, from reluctant to digital champion, with the learning
     options that help each progress;
  5. it evaluates the learning pilots into a menu of options.

The json format prints all of it as one object.
`,
	SetFlags: func(fs *flag.FlagSet) {
		fs.StringVar(&demoFlags.format, "format", "text", "output `format`: text or json")
	},
	Run: runDemo,
}

var demoFlags struct{ format string }

// demoReport is everything the demo computes, for --format json.
type demoReport struct {
	Council   string                 `json:"council"`
	Content   []*standards.Scorecard `json:"content"`
	Decisions []journey.Summary      `json:"decisions"`
	Wards     []*network.WardView    `json:"wards"`
	Personas  *persona.Report        `json:"personas"`
	Pilots    *persona.PilotReport   `json:"pilots"`
}

func runDemo(ctx context.Context, env *Env, cmd *Command, args []string) error {
	rest, err := parseFlags(cmd, cmd.FlagSet(), args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef(cmd, "demo takes no arguments")
	}
	if demoFlags.format != "text" && demoFlags.format != "json" {
		return usagef(cmd, "unknown --format %q (want text or json)", demoFlags.format)
	}
	rep := demoReport{Council: "Millbrook Borough Council (a sample council)"}
	if rep.Content, err = demoContent(ctx); err != nil {
		return err
	}
	if rep.Decisions, err = demoDecisions(); err != nil {
		return err
	}
	_, wards, err := demoWards(ctx)
	if err != nil {
		return err
	}
	rep.Wards = wards
	if rep.Personas, rep.Pilots, err = demoPersonas(ctx); err != nil {
		return err
	}
	if demoFlags.format == "json" {
		return writeJSONValue(env.Stdout, rep)
	}

	w := env.Stdout
	fmt.Fprintf(w, "civickit demo: %s\n", rep.Council)

	fmt.Fprintln(w, "\n== 1. Democratic content standards ==")
	fmt.Fprintln(w, "(civickit check FILE shows every finding; here, each file's score and first findings)")
	for _, c := range rep.Content {
		writeCardBrief(w, c, 3)
	}

	fmt.Fprintln(w, "\n== 2. Where decisions are on their journey ==")
	for _, s := range rep.Decisions {
		fmt.Fprintln(w)
		if err := s.WriteText(w); err != nil {
			return err
		}
	}

	fmt.Fprintln(w, "\n== 3. Ward networks: councillors and community groups online ==")
	for _, wv := range rep.Wards {
		fmt.Fprintf(w, "\n-- %s --\n", demoWardNames[wv.Ward])
		if err := wv.WriteText(w); err != nil {
			return err
		}
	}

	fmt.Fprintln(w, "\n== 4. Personas from the councillors' digital-skills survey ==")
	fmt.Fprintln(w)
	if err := rep.Personas.WriteText(w); err != nil {
		return err
	}

	fmt.Fprintln(w, "\n== 5. Learning pilots ==")
	fmt.Fprintln(w)
	return rep.Pilots.WriteText(w)
}

// writeCardBrief prints a scorecard in a few lines: the score, the
// standards it fails, and its n most serious findings.
func writeCardBrief(w io.Writer, c *standards.Scorecard, n int) {
	var failed []string
	for _, s := range c.Standards {
		if !s.Passed {
			failed = append(failed, fmt.Sprintf("%s %.0f", s.Name, s.Score))
		}
	}
	fmt.Fprintf(w, "\n%s: %.0f/100, reading age %.1f, %d findings\n", c.File, c.Score, c.Readability.ReadingAge, len(c.Findings))
	if len(failed) > 0 {
		fmt.Fprintf(w, "  below the %s standard: %s\n", c.Preset, strings.Join(failed, "; "))
	}
	// The most serious first; in source order within a severity.
	top := append([]standards.Finding(nil), c.Findings...)
	sort.SliceStable(top, func(i, j int) bool { return top[i].Severity > top[j].Severity })
	for i, f := range top {
		if i == n {
			fmt.Fprintf(w, "  … and %d more\n", len(top)-n)
			break
		}
		fmt.Fprintf(w, "  %d:%d: %s: %s [%s]\n", f.Line, f.Column, f.Severity, f.Message, f.Rule)
	}
}

// demoContent checks each of the sample council's content files.
func demoContent(ctx context.Context) ([]*standards.Scorecard, error) {
	names, err := fs.Glob(sample.FS, "content/*")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var checker standards.Checker
	var cards []*standards.Scorecard
	for _, name := range names {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		src, err := sample.FS.ReadFile(name)
		if err != nil {
			return nil, err
		}
		card, err := checker.Check(path.Base(name), src)
		if err != nil {
			return nil, err
		}
		cards = append(cards, card)
	}
	return cards, nil
}

// demoDecisions explains each of the sample council's decisions.
func demoDecisions() ([]journey.Summary, error) {
	names, err := fs.Glob(sample.FS, "decisions/*.json")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var out []journey.Summary
	for _, name := range names {
		src, err := sample.FS.ReadFile(name)
		if err != nil {
			return nil, err
		}
		d, err := journey.ReadDecisionJSON(bytes.NewReader(src), journey.ReadOptions{File: name})
		if err != nil {
			return nil, err
		}
		c := d.CouncilFor()
		out = append(out, d.Explain(&c))
	}
	return out, nil
}

// demoWardNames names the sample council's wards (see
// internal/sample/network/README.md).
var demoWardNames = map[string]string{
	"E05990001": "Millbrook Central",
	"E05990002": "Eastfield",
	"E05990003": "Northgate",
}

// demoWards analyses the sample council's ward network, ward by ward.
func demoWards(ctx context.Context) (*network.Network, []*network.WardView, error) {
	edges, err := sample.FS.ReadFile("network/edges.csv")
	if err != nil {
		return nil, nil, err
	}
	nodes, err := sample.FS.ReadFile("network/nodes.csv")
	if err != nil {
		return nil, nil, err
	}
	net, err := network.ReadCSV(bytes.NewReader(edges), bytes.NewReader(nodes),
		network.ReadOptions{File: "network/edges.csv", NodesFile: "network/nodes.csv"})
	if err != nil {
		return nil, nil, err
	}
	if net, _, err = net.Pseudonymize(nil); err != nil {
		return nil, nil, err
	}
	var views []*network.WardView
	for _, id := range []string{"E05990001", "E05990002", "E05990003"} { // in demoWardNames
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		wv, err := net.Ward(ctx, id, network.WardOptions{})
		if err != nil {
			return nil, nil, err
		}
		views = append(views, wv)
	}
	return net, views, nil
}

// demoPersonas builds personas from the sample survey and evaluates the
// sample learning pilots.
func demoPersonas(ctx context.Context) (*persona.Report, *persona.PilotReport, error) {
	raw, err := sample.FS.ReadFile("survey/survey69.csv")
	if err != nil {
		return nil, nil, err
	}
	survey, err := persona.ReadSurveyCSV(bytes.NewReader(raw), persona.SurveyOptions{File: "survey69.csv"})
	if err != nil {
		return nil, nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	rep, err := persona.Build(ctx, survey, persona.Options{})
	if err != nil {
		return nil, nil, err
	}
	raw, err = sample.FS.ReadFile("survey/pilots.csv")
	if err != nil {
		return nil, nil, err
	}
	recs, err := persona.ReadPilots(bytes.NewReader(raw), persona.ReadOptions{File: "pilots.csv"})
	if err != nil {
		return nil, nil, err
	}
	pilots, err := persona.EvaluatePilots(recs, persona.PilotOptions{})
	if err != nil {
		return nil, nil, err
	}
	return rep, pilots, nil
}
