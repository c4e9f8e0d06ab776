package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"text/tabwriter"

	"github.com/civickit/civickit/internal/input"
	"github.com/civickit/civickit/schema"
)

var schemaFlags struct {
	out string
}

// cmdSchema lists, prints or writes the JSON Schemas.
var cmdSchema = &Command{
	Name:      "schema",
	UsageLine: "schema [NAME] [--out DIR]",
	Short:     "list or print the JSON Schemas of every civickit document",
	Long: `Schema lists the JSON document types civickit reads and writes, one line
each. With NAME it prints that document's JSON Schema (Draft 2020-12);
with --out DIR it writes every schema to DIR as NAME.json, with index.json
listing them. Within v1 schemas only grow: a new optional field or a new
document, never a removed field or a new required one.`,
	SetFlags: func(fs *flag.FlagSet) {
		fs.StringVar(&schemaFlags.out, "out", "", "write every schema into `DIR`")
	},
	Run: runSchema,
}

func runSchema(ctx context.Context, env *Env, cmd *Command, args []string) error {
	args, err := parseFlags(cmd, cmd.FlagSet(), args)
	if err != nil {
		return err
	}
	switch {
	case schemaFlags.out != "":
		if len(args) > 0 {
			return usagef(cmd, "--out writes every schema; give no NAME")
		}
		return writeSchemas(env, schemaFlags.out)
	case len(args) == 1:
		b, err := schema.JSON(args[0])
		if err != nil {
			return err
		}
		_, err = env.Stdout.Write(b)
		return err
	case len(args) > 1:
		return usagef(cmd, "want at most one schema NAME, got %d", len(args))
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	for _, d := range schema.List() {
		dir := ""
		switch {
		case d.Input && d.Output:
			dir = "in, out"
		case d.Input:
			dir = "in"
		case d.Output:
			dir = "out"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", d.Name, dir, d.Title)
	}
	return tw.Flush()
}

// writeSchemas writes every schema and the index into dir.
func writeSchemas(env *Env, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	list := schema.List()
	for _, d := range list {
		b, err := schema.JSON(d.Name)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, d.Name+".json"), b, 0o644); err != nil {
			return err
		}
	}
	fmt.Fprintf(env.Stderr, "wrote %d schemas to %s\n", len(list), dir)
	return nil
}

var validateFlags struct {
	schema   string
	maxBytes sizeFlag
}

// cmdValidate checks JSON files against a schema.
var cmdValidate = &Command{
	Name:      "validate",
	UsageLine: "validate --schema NAME FILE...|-",
	Short:     "check JSON files against a civickit schema",
	Long: `Validate checks each JSON file against the schema NAME (see "civickit
schema" for the names) and prints every problem as
file:line:col: /json/pointer: reason. Exit status is 1 when a file does not
conform, 2 when a file cannot be read or is not JSON.`,
	SetFlags: func(fs *flag.FlagSet) {
		fs.StringVar(&validateFlags.schema, "schema", "", "the schema `NAME` to check against")
		maxBytesFlag(fs, &validateFlags.maxBytes)
	},
	Run: runValidate,
}

func runValidate(ctx context.Context, env *Env, cmd *Command, args []string) error {
	files, err := parseFlags(cmd, cmd.FlagSet(), args)
	if err != nil {
		return err
	}
	if validateFlags.schema == "" {
		return usagef(cmd, "--schema NAME is required")
	}
	if len(files) == 0 {
		return usagef(cmd, "want at least one FILE or -")
	}
	if _, err := schema.JSON(validateFlags.schema); err != nil {
		return usagef(cmd, "%v", err)
	}
	bad, broken := 0, 0
	for _, name := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		r, display, err := openArg(env, name)
		if err != nil {
			fmt.Fprintln(env.Stderr, err)
			broken++
			continue
		}
		b, err := input.ReadAll(r, int64(validateFlags.maxBytes))
		r.Close()
		if err != nil {
			fmt.Fprintf(env.Stderr, "%s: %v\n", display, err)
			broken++
			continue
		}
		err = schema.Validate(validateFlags.schema, b, display)
		var ve *schema.Error
		switch {
		case err == nil:
			fmt.Fprintf(env.Stdout, "%s: ok\n", display)
		case errors.As(err, &ve):
			fmt.Fprintln(env.Stdout, err)
			bad++
		default:
			fmt.Fprintln(env.Stderr, err)
			broken++
		}
	}
	switch {
	case broken > 0:
		return errReported
	case bad > 0:
		return errFindings
	}
	return nil
}
