package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/civickit/civickit/internal/input"
	"github.com/civickit/civickit/standards"
	"github.com/civickit/civickit/standards/config"
)

var cmdCheck = &Command{
	Name:      "check",
	UsageLine: "check [--format text|json|sarif] [--preset NAME] [--config FILE] [--fail-on error|warning|suggestion|never] [--type auto|text|markdown|html] FILE...|-",
	Short:     "score content against the democratic content standards",
	Long: `
Check scores each web page, report or post against the democratic content
standards: clear language (readability, plain English, sentence and paragraph
length, passive voice, acronyms, link text), journey signposting (does
content about a decision say what stage it is at, what happens next and when,
who decides and how to have your say) and citizen needs.

FILE may be HTML (main content only), Markdown or plain text; the type comes
from the file name or, for -, standard input, from its content. A directory
is checked file by file: every .html, .htm, .md, .markdown and .txt file
below it, skipping hidden ones.

The text format reads like a compiler: file:line:col: severity: message
[rule], then each file's scorecard. The json format prints one object for one
file and an array for several. The sarif format is SARIF 2.1.0 for
code-scanning tools.

Presets: govuk (default), nhs, plain-english-campaign; --config adds a
council's own rules and thresholds (JSON or YAML).

Exit status is 1 when a finding is at or above --fail-on (default error).
`,
	SetFlags: func(fs *flag.FlagSet) {
		fs.StringVar(&checkFlags.format, "format", "text", "output `format`: text, json or sarif")
		fs.StringVar(&checkFlags.preset, "preset", "govuk", "standards `preset`: govuk, nhs or plain-english-campaign")
		fs.StringVar(&checkFlags.config, "config", "", "a council's rules and thresholds, JSON or YAML `file`")
		fs.StringVar(&checkFlags.failOn, "fail-on", "error", "exit 1 on findings at or above this `severity`: error, warning, suggestion or never")
		fs.StringVar(&checkFlags.typ, "type", "auto", "input `type`: auto, text, markdown or html")
		maxBytesFlag(fs, &checkFlags.maxBytes)
	},
	Run: runCheck,
}

var checkFlags struct {
	format, preset, config, failOn, typ string
	maxBytes                            sizeFlag
}

func runCheck(ctx context.Context, env *Env, cmd *Command, args []string) error {
	files, err := parseFlags(cmd, cmd.FlagSet(), args)
	if err != nil {
		return err
	}
	f := checkFlags
	if len(files) == 0 {
		return usagef(cmd, "no files to check (use - for standard input)")
	}
	switch f.format {
	case "text", "json", "sarif":
	default:
		return usagef(cmd, "unknown --format %q (want text, json or sarif)", f.format)
	}
	var failOn standards.Severity
	if f.failOn != "never" {
		s, ok := standards.ParseSeverity(f.failOn)
		if !ok {
			return usagef(cmd, "unknown --fail-on %q (want error, warning, suggestion or never)", f.failOn)
		}
		failOn = s
	}
	typ, err := standards.ParseFormat(f.typ)
	if err != nil {
		return usagef(cmd, "%v", err)
	}
	checker := standards.Checker{Preset: f.preset, Format: typ, Stemmer: config.Snowball{}}
	if f.config != "" {
		data, err := os.ReadFile(f.config)
		if err != nil {
			return err
		}
		cfg, err := config.Parse(f.config, data)
		if err != nil {
			return err
		}
		checker.Config = cfg
	}

	var cards []*standards.Scorecard
	files, errs := expandDirs(files)
	for _, name := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		display := name
		if name == "-" {
			display = "<stdin>"
		}
		src, err := readInput(env, name, int64(checkFlags.maxBytes))
		if err != nil {
			var tl *input.TooLargeError
			if errors.As(err, &tl) {
				err = fmt.Errorf("%s: %w (--max-bytes)", display, err)
			}
			errs = append(errs, err)
			continue
		}
		card, err := checker.Check(display, src)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		cards = append(cards, card)
	}
	for _, err := range errs {
		fmt.Fprintf(env.Stderr, "civickit check: %v\n", err)
	}
	if len(cards) == 0 && len(errs) > 0 {
		return errReported
	}

	switch f.format {
	case "json":
		err = writeJSON(env.Stdout, cards)
	case "sarif":
		err = writeSARIF(env.Stdout, cards)
	default:
		err = writeCheckText(env.Stdout, cards)
	}
	if err != nil {
		return err
	}
	if len(errs) > 0 {
		return errReported
	}
	if failOn != 0 {
		for _, c := range cards {
			for _, fd := range c.Findings {
				if fd.Severity >= failOn {
					return errFindings
				}
			}
		}
	}
	return nil
}

// contentExts are the file types a directory walk checks.
var contentExts = map[string]bool{".html": true, ".htm": true, ".md": true, ".markdown": true, ".txt": true}

// expandDirs replaces each directory among names by the HTML, Markdown and
// text files below it, in lexical order; hidden files and folders are
// skipped. Other names are kept as they are.
func expandDirs(names []string) ([]string, []error) {
	var out []string
	var errs []error
	for _, name := range names {
		if name == "-" {
			out = append(out, name)
			continue
		}
		info, err := os.Stat(name)
		if err != nil || !info.IsDir() {
			out = append(out, name) // reading it reports the error
			continue
		}
		err = filepath.WalkDir(name, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, err)
				return nil
			}
			if path != name && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.IsDir() && contentExts[strings.ToLower(filepath.Ext(path))] {
				out = append(out, path)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, err)
		}
	}
	return out, errs
}

// readInput reads a named file, or standard input for "-", failing once
// it passes max bytes (the default cap when max is 0).
func readInput(env *Env, name string, max int64) ([]byte, error) {
	r, _, err := openArg(env, name)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return input.ReadAll(r, max)
}

// writeJSON prints one scorecard as an object and several as an array.
func writeJSON(w io.Writer, cards []*standards.Scorecard) error {
	if len(cards) == 1 {
		return writeJSONValue(w, cards[0])
	}
	if cards == nil {
		cards = []*standards.Scorecard{}
	}
	return writeJSONValue(w, cards)
}

// writeJSONValue prints v as indented JSON, leaving <, > and & as they are.
func writeJSONValue(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func writeCheckText(w io.Writer, cards []*standards.Scorecard) error {
	var counts [4]int
	for _, c := range cards {
		for _, f := range c.Findings {
			fmt.Fprintf(w, "%s:%d:%d: %s: %s [%s]\n", c.File, f.Line, f.Column, f.Severity, f.Message, f.Rule)
			if f.Suggestion != "" {
				fmt.Fprintf(w, "\t%s\n", f.Suggestion)
			}
			if int(f.Severity) < len(counts) {
				counts[f.Severity]++
			}
		}
	}
	for _, c := range cards {
		r := c.Readability
		fmt.Fprintf(w, "\n%s: score %.0f/100 (%s preset)\n", c.File, c.Score, c.Preset)
		fmt.Fprintf(w, "  %d words, %d sentences; reading age %.1f, Flesch reading ease %.1f, grade %.1f\n",
			c.Stats.Words, c.Stats.Sentences, r.ReadingAge, r.FleschReadingEase, r.FleschKincaidGrade)
		fmt.Fprintf(w, "  Gunning fog %.1f, SMOG %.1f, Coleman-Liau %.1f, ARI %.1f\n", r.GunningFog, r.SMOG, r.ColemanLiau, r.ARI)
		for _, n := range r.Notes {
			fmt.Fprintf(w, "  note: %s\n", n)
		}
		for _, s := range c.Standards {
			mark := "pass"
			if !s.Passed {
				mark = "FAIL"
			}
			fmt.Fprintf(w, "  %-4s %3.0f  %s", mark, s.Score, s.Name)
			if s.Detail != "" {
				fmt.Fprintf(w, ": %s", s.Detail)
			}
			fmt.Fprintln(w)
		}
	}
	_, err := fmt.Fprintf(w, "\n%d %s checked: %d %s, %d %s, %d %s\n", len(cards), plural(len(cards), "file", "files"),
		counts[standards.SeverityError], plural(counts[standards.SeverityError], "error", "errors"),
		counts[standards.SeverityWarning], plural(counts[standards.SeverityWarning], "warning", "warnings"),
		counts[standards.SeveritySuggestion], plural(counts[standards.SeveritySuggestion], "suggestion", "suggestions"))
	return err
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// SARIF 2.1.0, the subset code-scanning tools read.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool       sarifTool     `json:"tool"`
	ColumnKind string        `json:"columnKind"`
	Results    []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID               string       `json:"id"`
	ShortDescription sarifMessage `json:"shortDescription"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	ByteOffset  int `json:"byteOffset"`
	ByteLength  int `json:"byteLength"`
}

func writeSARIF(w io.Writer, cards []*standards.Scorecard) error {
	run := sarifRun{Tool: sarifTool{Driver: sarifDriver{Name: "civickit", InformationURI: "https://github.com/civickit/civickit"}}, ColumnKind: "unicodeCodePoints", Results: []sarifResult{}}
	rules := map[string]bool{}
	for _, c := range cards {
		for _, f := range c.Findings {
			rules[f.Rule] = true
			level := "note"
			switch f.Severity {
			case standards.SeverityError:
				level = "error"
			case standards.SeverityWarning:
				level = "warning"
			}
			msg := f.Message
			if f.Suggestion != "" {
				msg += " " + f.Suggestion
			}
			run.Results = append(run.Results, sarifResult{
				RuleID: f.Rule, Level: level, Message: sarifMessage{Text: msg},
				Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
					ArtifactLocation: sarifArtifact{URI: c.File},
					Region:           sarifRegion{StartLine: f.Line, StartColumn: f.Column, ByteOffset: f.Offset, ByteLength: f.Length},
				}}},
			})
		}
	}
	ids := make([]string, 0, len(rules))
	for id := range rules {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	run.Tool.Driver.Rules = []sarifRule{}
	for _, id := range ids {
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{ID: id, ShortDescription: sarifMessage{Text: ruleTitle(id)}})
	}
	log := sarifLog{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0", Runs: []sarifRun{run}}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}

// ruleTitle returns a rule's name, such as "Plain English".
func ruleTitle(id string) string {
	for _, r := range standards.RuleInfos() {
		if r.ID == id {
			return r.Name
		}
	}
	return strings.ReplaceAll(id, "-", " ")
}
