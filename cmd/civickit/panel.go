package main

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/civickit/civickit/civic/panel"
)

// Flags of the panel commands; a fresh flag set resets them.
var (
	panelPool     string
	panelQuotas   string
	panelSize     int
	panelReserves int
	panelSeed     string
	panelMethod   string
	panelFormat   string
	panelRuns     int
	panelCBC      string
	panelHouse    string
	panelSheet    string
	panelMax      sizeFlag
)

var panelCmd = &Command{
	Name:  "panel",
	Short: "draw a fair citizens' panel that meets quotas (LEXIMIN)",
	Long:  "Panel commands draw citizens' panels from a pool of volunteers and report how they were drawn.",
	Sub: []*Command{
		{
			Name:      "select",
			UsageLine: "panel select --pool FILE --quotas FILE --size N [--seed S] [--method leximin|greedy] [--format text|json|markdown|html]",
			Short:     "draw a panel and reserves, with every volunteer's chance under LEXIMIN and greedy",
			Long: `Select reads the pool (CSV, or an Excel workbook .xlsx read from its first
worksheet or --sheet: a pseudonymous id column, an optional household
column, and one column per feature) and the quotas (YAML or JSON: each
feature value's min and max, and optionally a task that requires or
prefers features), and draws a panel with reserves.

LEXIMIN (Flanigan et al., Nature 2021) makes the smallest chance any
volunteer has of being chosen as high as the quotas allow; it needs the
COIN-OR CBC solver (Debian: apt-get install coinor-cbc). The greedy method
is the one most councils use today; its chances are estimated from seeded
draws. Both are always reported when CBC is installed.

The draw is deterministic for a seed: publish the seed with the report so
anyone can re-run it. Without --seed a random seed is chosen and printed.
Quotas that no panel can meet are named in the error. Save the JSON
(--format json) to publish it with "civickit panel report".`,
			SetFlags: func(fs *flag.FlagSet) {
				fs.StringVar(&panelPool, "pool", "", "the pool of volunteers (`CSV or XLSX`)")
				fs.StringVar(&panelQuotas, "quotas", "", "the quotas (`YAML or JSON`)")
				fs.IntVar(&panelSize, "size", 0, "the panel size `N` (default: the quotas' size)")
				fs.IntVar(&panelReserves, "reserves", 0, "reserves to list (default: the quotas' number, or one in ten)")
				fs.StringVar(&panelSeed, "seed", "", "the seed `S` of the draw (0 to 2^53-1; default: random, printed)")
				fs.StringVar(&panelMethod, "method", "leximin", "how to draw: leximin or greedy")
				fs.StringVar(&panelFormat, "format", "text", "output `format`: text, json, markdown or html")
				fs.IntVar(&panelRuns, "greedy-runs", 10000, "seeded draws that estimate the greedy method's chances")
				fs.StringVar(&panelCBC, "cbc", "", "the CBC solver `program` (default: cbc on the PATH)")
				fs.StringVar(&panelHouse, "household", "household", "the pool's household or address-group `column`")
				fs.StringVar(&panelSheet, "sheet", "", "the worksheet of an Excel pool (`NAME`; default: the first)")
				maxBytesFlag(fs, &panelMax)
			},
			Run: runPanelSelect,
		},
		{
			Name:      "report",
			UsageLine: "panel report [--format markdown|html|json|text] FILE|-",
			Short:     "publish a panel draw: the quotas met, the chances, the fairness gain",
			Long: `Report reads the JSON written by "civickit panel select --format json" and
writes it as Markdown (the default), HTML, JSON or text: the quotas met,
every volunteer's chance under LEXIMIN and the greedy method, and LEXIMIN's
fairness gain over the greedy method.`,
			SetFlags: func(fs *flag.FlagSet) {
				fs.StringVar(&panelFormat, "format", "markdown", "output `format`: markdown, html, json or text")
				maxBytesFlag(fs, &panelMax)
			},
			Run: runPanelReport,
		},
	},
}

func runPanelSelect(ctx context.Context, env *Env, cmd *Command, args []string) error {
	args, err := parseFlags(cmd, cmd.FlagSet(), args)
	if err != nil {
		return err
	}
	if len(args) > 0 {
		return usagef(cmd, "unexpected argument %q", args[0])
	}
	if panelPool == "" || panelQuotas == "" {
		return usagef(cmd, "--pool and --quotas are required")
	}
	if err := checkPanelFormat(cmd, panelFormat); err != nil {
		return err
	}
	var method panel.Method
	if err := method.UnmarshalText([]byte(panelMethod)); err != nil {
		return usagef(cmd, "unknown --method %q (want leximin or greedy)", panelMethod)
	}
	if panelSize < 0 || panelReserves < 0 || panelRuns <= 0 {
		return usagef(cmd, "--size and --reserves must not be negative, --greedy-runs must be positive")
	}
	var seed uint64
	if panelSeed == "" {
		var b [8]byte
		if _, err := rand.Read(b[:]); err != nil {
			return err
		}
		seed = binary.LittleEndian.Uint64(b[:]) & panel.MaxSeed
		fmt.Fprintf(env.Stderr, "civickit panel select: seed %d (pass --seed %d to re-run this draw)\n", seed, seed)
	} else if _, err := fmt.Sscan(panelSeed, &seed); err != nil || seed > panel.MaxSeed || fmt.Sprint(seed) != panelSeed {
		return usagef(cmd, "--seed %q: want a whole number from 0 to %d", panelSeed, uint64(panel.MaxSeed))
	}
	r, name, err := openArg(env, panelPool)
	if err != nil {
		return err
	}
	popt := panel.PoolOptions{File: name, MaxBytes: int64(panelMax), Household: panelHouse, Sheet: panelSheet}
	var pool *panel.Pool
	if strings.HasSuffix(strings.ToLower(panelPool), ".xlsx") {
		pool, err = panel.ReadPoolXLSX(r, popt)
	} else if panelSheet != "" {
		r.Close()
		return usagef(cmd, "--sheet is for an Excel pool (.xlsx)")
	} else {
		pool, err = panel.ReadPool(r, popt)
	}
	r.Close()
	if err != nil {
		return err
	}
	r, name, err = openArg(env, panelQuotas)
	if err != nil {
		return err
	}
	quotas, err := panel.ReadQuotas(r, panel.QuotaOptions{File: name, MaxBytes: int64(panelMax)})
	r.Close()
	if err != nil {
		return err
	}
	if panelSize == 0 && quotas.Size == 0 {
		return usagef(cmd, "no panel size: give --size or size in the quotas")
	}
	res, err := panel.Select(ctx, pool, quotas, panel.Options{
		Size: panelSize, Reserves: panelReserves, Seed: seed, Method: method,
		GreedyRuns: panelRuns, Solver: panel.CBC{Path: panelCBC},
	})
	if errors.Is(err, panel.ErrNoSolver) {
		return fmt.Errorf("%w (LEXIMIN needs it)", err)
	}
	if err != nil {
		return err
	}
	return writePanel(env, res, panelFormat)
}

func checkPanelFormat(cmd *Command, f string) error {
	switch f {
	case "text", "json", "markdown", "html":
		return nil
	}
	return usagef(cmd, "unknown --format %q (want text, json, markdown or html)", f)
}

func writePanel(env *Env, res *panel.Result, format string) error {
	switch format {
	case "json":
		return res.WriteJSON(env.Stdout)
	case "markdown":
		return res.WriteMarkdown(env.Stdout)
	case "html":
		return res.WriteHTML(env.Stdout)
	}
	return res.WriteText(env.Stdout)
}

func runPanelReport(ctx context.Context, env *Env, cmd *Command, args []string) error {
	args, err := parseFlags(cmd, cmd.FlagSet(), args)
	if err != nil {
		return err
	}
	if len(args) != 1 {
		return usagef(cmd, "want one result file, got %d", len(args))
	}
	if err := checkPanelFormat(cmd, panelFormat); err != nil {
		return err
	}
	r, name, err := openArg(env, args[0])
	if err != nil {
		return err
	}
	defer r.Close()
	res, err := panel.ReadResult(r, panel.ResultOptions{File: name, MaxBytes: int64(panelMax)})
	if err != nil {
		return err
	}
	return writePanel(env, res, panelFormat)
}
