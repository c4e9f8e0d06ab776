package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/civickit/civickit/audit/content"
	"github.com/civickit/civickit/civic/journey"
	"github.com/civickit/civickit/civic/network"
	"github.com/civickit/civickit/persona"
)

var cmdDemo = &Command{
	Name:      "demo",
	UsageLine: "demo [--format text|json] [--out DIR [--serve] [--addr 127.0.0.1:8080]]",
	Short:     "run civickit on the embedded sample council, as a text tour or a website",
	Long: `
Demo runs civickit on a sample council at the scale of Kirklees, embedded
in the binary: the borough's 23 real wards, and 69 fictional councillors,
about 1,500 community groups, two social-media audit snapshots a month
apart, a 69-response digital-skills survey, learning pilots, 200 content
items and 41 decisions (see internal/sample/kirklees/README.md).

Without --out it prints a short text tour: the content standards and the
pages to fix first, where decisions are and which deadlines were missed,
how well each ward's councillors reach its community groups, the
councillors' personas and the learning pilots. --format json prints the
same as one object.

With --out DIR it runs every part and writes a static website to DIR: an
overview, a page per ward and per councillor, the social-media audit with
the change between its two snapshots, personas, learning options and the
pilots, content standards, the pages to fix first and journey coverage,
every decision with its journey, deadline checks and posts, and the
widgets (built when the go command and civickit's source are at hand).
Open DIR/index.html, or add --serve to serve it at --addr until
interrupted; the widgets run only when served.
`,
	SetFlags: func(fs *flag.FlagSet) {
		fs.StringVar(&demoFlags.format, "format", "text", "output `format` of the text tour: text or json")
		fs.StringVar(&demoFlags.out, "out", "", "write the demo website to `DIR`")
		fs.BoolVar(&demoFlags.serve, "serve", false, "serve the website written to --out")
		fs.StringVar(&demoFlags.addr, "addr", "127.0.0.1:8080", "the `address` --serve listens on")
		fs.BoolVar(&demoFlags.widgets, "widgets", true, "build the widgets into the website (needs the go command and civickit's source)")
	},
	Run: runDemo,
}

var demoFlags struct {
	format, out, addr string
	serve, widgets    bool
}

// demoReport is what the text tour shows, for --format json.
type demoReport struct {
	Council   string               `json:"council"`
	Wards     int                  `json:"wards"`
	Content   demoContentBrief     `json:"content"`
	Decisions []demoDecisionBrief  `json:"decisions"`
	Networks  []*network.WardView  `json:"wards_networks"`
	Personas  *persona.Report      `json:"personas"`
	Pilots    *persona.PilotReport `json:"pilots"`
}

// demoContentBrief is the content audit in brief.
type demoContentBrief struct {
	Total    content.Compliance `json:"total"`
	FixFirst []content.FixItem  `json:"fix_first"`
}

// demoDecisionBrief is a decision where it stands, and its missed
// deadlines.
type demoDecisionBrief struct {
	ID      string          `json:"id"`
	Title   string          `json:"title"`
	Current journey.StageID `json:"current"`
	Missed  []journey.Check `json:"missed,omitempty"`
}

func runDemo(ctx context.Context, env *Env, cmd *Command, args []string) error {
	rest, err := parseFlags(cmd, cmd.FlagSet(), args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef(cmd, "demo takes no arguments")
	}
	f := demoFlags
	if f.format != "text" && f.format != "json" {
		return usagef(cmd, "unknown --format %q (want text or json)", f.format)
	}
	if f.serve && f.out == "" {
		return usagef(cmd, "--serve needs --out DIR")
	}
	if f.out != "" {
		return runDemoSite(ctx, env, f.out, f.widgets, f.serve, f.addr)
	}
	c, err := demoLoad(ctx, false)
	if err != nil {
		return err
	}
	rep := demoReport{Council: c.Name, Wards: len(c.Wards), Networks: c.WardViews, Personas: c.Personas, Pilots: c.Pilots,
		Content: demoContentBrief{Total: c.Content.Total, FixFirst: c.Content.FixFirst}}
	for _, d := range c.Decisions {
		b := demoDecisionBrief{ID: d.D.ID, Title: d.D.Title, Current: d.Summary.Current}
		for _, ch := range d.Checks {
			if ch.Status == journey.CheckMissed {
				b.Missed = append(b.Missed, ch)
			}
		}
		rep.Decisions = append(rep.Decisions, b)
	}
	if f.format == "json" {
		return writeJSONValue(env.Stdout, rep)
	}
	return c.writeTour(env.Stdout)
}

// writeTour prints the short text tour.
func (c *demoCouncil) writeTour(w io.Writer) error {
	p := func(format string, a ...any) { fmt.Fprintf(w, format, a...) }
	p("civickit demo: %s\n", c.Name)
	p("%d wards, %d councillors, %d actors and %d ties online, %d content items, %d decisions, %d survey responses.\n",
		len(c.Wards), len(c.Persons), c.Actors, c.Ties, c.ContentItems, len(c.Decisions), c.Survey)

	p("\n== 1. Democratic content standards ==\n")
	t := c.Content.Total
	p("%d of %d items meet the pass mark of %.0f (%.1f%%); mean score %.1f.\n", t.Passed, t.Items, c.Content.PassMark, t.PassRate, t.MeanScore)
	p("Fix first (read most, furthest from the standards):\n")
	for i, f := range c.Content.FixFirst {
		if i == 5 {
			break
		}
		p("  %.0f/100, %d views: %s\n", f.Score, f.Views, f.Title)
	}

	p("\n== 2. Decisions and their deadlines (as of %s) ==\n", demoAsOf.Long())
	stages := map[string]int{}
	var late []demoDecision
	for _, d := range c.Decisions {
		stages[demoCurrentTitle(&d.Summary)]++
		if d.Missed > 0 {
			late = append(late, d)
		}
	}
	keys := make([]string, 0, len(stages))
	for k := range stages {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		return stages[keys[i]] > stages[keys[j]] || stages[keys[i]] == stages[keys[j]] && keys[i] < keys[j]
	})
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s %d", k, stages[k]))
	}
	p("Where the %d decisions are: %s.\n", len(c.Decisions), strings.Join(parts, "; "))
	p("%d decisions missed a deadline:\n", len(late))
	for _, d := range late {
		for _, ch := range d.Checks {
			if ch.Status == journey.CheckMissed {
				late := "missed"
				if ch.DaysLate > 0 {
					late = fmt.Sprintf("%d days late", ch.DaysLate)
				}
				p("  %s %s: %s, %s\n", d.D.ID, d.D.Title, ch.Label, late)
			}
		}
	}

	p("\n== 3. Ward networks: councillors and community groups online ==\n")
	views := append([]*network.WardView(nil), c.WardViews...)
	sort.SliceStable(views, func(i, j int) bool { return views[i].Score < views[j].Score })
	p("Mean over the wards' groups of 1 for a direct tie, 0.5 at two steps; lowest first:\n")
	for _, wv := range views {
		p("  %-24s %5.1f  %3d groups, %3d not reached\n", c.WardName[wv.Ward], wv.Score, len(wv.Groups), len(wv.Unreached))
	}
	if len(views) > 0 && len(views[0].Recommendations) > 0 {
		// the advice without its list of every group (the website has it)
		rec := views[0].Recommendations[0]
		if i := strings.LastIndex(rec, " ("); i > 0 && strings.HasSuffix(rec, ").") {
			rec = rec[:i] + "."
		}
		p("In %s: %s\n", c.WardName[views[0].Ward], rec)
	}

	p("\n== 4. Personas from the councillors' digital-skills survey ==\n")
	p("%d responses, %d personas (no persona names a councillor):\n", c.Personas.Respondents, len(c.Personas.Personas))
	for _, ps := range c.Personas.Personas {
		p("  %s (%s, %d): %s\n", ps.Name, ps.Stage, ps.Respondents, ps.Next)
	}

	p("\n== 5. Learning pilots ==\n")
	for _, a := range c.Pilots.Activities {
		p("  %s\n", demoActivityLine(a))
	}
	p("\nFor all of it as a website, with the social-media audit and the widgets:\n  civickit demo --out site --serve\n")
	return nil
}

// demoCurrentTitle is the title of the step a decision is at, or "not
// started".
func demoCurrentTitle(s *journey.Summary) string {
	for _, st := range s.Steps {
		if st.Status == journey.StepCurrent {
			return st.Title
		}
	}
	return "not started"
}

// demoActivityLine describes a pilot activity in a line: attendance,
// the change in confidence and the cost, as far as they may be shown.
func demoActivityLine(a persona.ActivityResult) string {
	s := a.Title
	if a.Invited != nil && a.Attended != nil {
		s += fmt.Sprintf(": %d of %d attended", *a.Attended, *a.Invited)
	}
	if a.Change != nil {
		s += fmt.Sprintf(", confidence %+.2f (%.2f to %.2f)", a.Change.Estimate, a.Change.Low, a.Change.High)
	}
	if a.CostPerParticipant != nil {
		s += fmt.Sprintf(", £%.0f a participant", *a.CostPerParticipant)
	}
	if a.Evidence {
		s += "; evidence it helps"
	}
	return s
}
