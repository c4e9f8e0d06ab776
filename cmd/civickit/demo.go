package main

import (
	"context"
	"flag"
	"fmt"
	"io/fs"
	"path"
	"sort"

	"github.com/civickit/civickit/internal/sample"
	"github.com/civickit/civickit/standards"
)

var cmdDemo = &Command{
	Name:      "demo",
	UsageLine: "demo [--format text|json]",
	Short:     "run civickit on the embedded sample council",
	Long: `
Demo runs civickit on Millbrook Borough Council, a sample council embedded in
the binary: it checks the council's decision notice, consultation page,
minutes and social post against the democratic content standards and prints
their scorecards and findings.
`,
	SetFlags: func(fs *flag.FlagSet) {
		fs.StringVar(&demoFlags.format, "format", "text", "output `format`: text or json")
	},
	Run: runDemo,
}

var demoFlags struct{ format string }

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
	cards, err := demoContent(ctx)
	if err != nil {
		return err
	}
	if demoFlags.format == "json" {
		return writeJSON(env.Stdout, cards)
	}
	w := env.Stdout
	fmt.Fprintln(w, "civickit demo: Millbrook Borough Council (a sample council)")
	fmt.Fprintln(w, "\n== Democratic content standards ==")
	return writeCheckText(w, cards)
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
