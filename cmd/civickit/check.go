package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/civickit/civickit/internal/input"
	"github.com/civickit/civickit/internal/input/decode"
	"github.com/civickit/civickit/internal/safe"
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
who decides and how to have your say) and citizen needs. It also runs the
checks editors know from Yoast SEO and the Hemingway editor, and from GOV.UK
guidance: subheadings, sentence-starts, hard-sentence, inclusive-language,
accessibility (images without alt text, skipped heading levels, tables
without header cells, document links without format and size, capitals,
colour alone) and govuk-style (dates, times, "&", "e.g." and "etc."); these
are scored but carry no weight in the overall score.

FILE may be HTML (main content only), Markdown or plain text; the type comes
from the file name or, for -, standard input, from its content. A directory
is checked file by file: every regular file below it with an extension the
standards package knows (.html, .htm, .xhtml, .shtml, .md, .markdown, .mdown,
.mkd, .txt, .text), skipping hidden ones. Each file must be UTF-8 (a
byte-order mark is fine) and at most --max-bytes long; text saved in
Windows-1252, as Word exports it, is read as such with a note on standard
error.

The text format reads like a compiler: file:line:col: severity: message
[rule], then each file's scorecard. The json format prints one object when
the command line names one file, and an array otherwise (a directory, or
several files, even if some fail to read). The sarif format is SARIF 2.1.0
for code-scanning tools.

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
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		defer collectLate(checkHeapFree, 400)()
	}
	if len(files) == 0 {
		return usagef(cmd, "no files to check (use - for standard input)")
	}
	stdin := 0
	for _, name := range files {
		if name == "-" {
			stdin++
		}
	}
	if stdin > 1 {
		return usagef(cmd, "- (standard input) given %d times; it can be read only once", stdin)
	}
	// JSON output is one object when the command line names one file,
	// and an array otherwise, whatever fails to read.
	oneFile := len(files) == 1 && !isDir(files[0])
	switch f.format {
	case "text", "json", "sarif":
	default:
		return usagef(cmd, "unknown --format %s (want text, json or sarif)", safe.Quote(f.format))
	}
	var failOn standards.Severity
	if f.failOn != "never" {
		s, ok := standards.ParseSeverity(f.failOn)
		if !ok {
			return usagef(cmd, "unknown --fail-on %s (want error, warning, suggestion or never)", safe.Quote(f.failOn))
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
	// build the rules (a few ms) while the first file is read; the
	// check waits for them, and reports a config's errors
	go checker.RuleSet()

	var report standards.Report
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
			errs = append(errs, checkInputError(display, err))
			continue
		}
		card, err := checker.CheckContext(ctx, display, src)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		report = append(report, card)
	}
	for _, err := range errs {
		fmt.Fprintf(env.Stderr, "civickit check: %v\n", err)
	}
	if len(report) == 0 && len(errs) > 0 {
		return errReported
	}

	switch f.format {
	case "json":
		if oneFile {
			err = report[0].WriteJSON(env.Stdout)
		} else {
			err = report.WriteJSON(env.Stdout)
		}
	case "sarif":
		err = report.WriteSARIF(env.Stdout)
	default:
		err = report.WriteText(env.Stdout)
	}
	if err != nil {
		return err
	}
	if len(errs) > 0 {
		return errReported
	}
	if failOn != 0 {
		for _, c := range report {
			for _, fd := range c.Findings {
				if fd.Severity >= failOn {
					return errFindings
				}
			}
		}
	}
	return nil
}

// checkHeapFree is the heap a check may fill before the collector first
// runs: a one-shot check of a page of up to several MB then never stops
// to collect at all.
const checkHeapFree = 256 << 20

// collectLate turns the garbage collector off until the heap reaches
// limit bytes, then sets it to collect at percent per cent of the live
// heap (the GOGC setting); the function it returns puts the old settings
// back. A check allocates about 20 bytes for each byte of text, most of
// it live until the report is written: collecting as it grows (twice on
// 1 MB with GOGC=400) costs several per cent of the run and frees
// little. Past the limit — a large folder, or a very large file — memory
// is bounded as before: the first collection, which the limit forces,
// switches the collector to percent.
func collectLate(limit int64, percent int) (restore func()) {
	oldPercent := debug.SetGCPercent(-1)
	oldLimit := debug.SetMemoryLimit(limit)
	var once sync.Once
	switchOver := func() {
		once.Do(func() {
			debug.SetMemoryLimit(oldLimit)
			debug.SetGCPercent(percent)
		})
	}
	// The sentinel becomes garbage at once; its cleanup runs after the
	// first collection.
	runtime.AddCleanup(new(gcSentinel), func(struct{}) { switchOver() }, struct{}{})
	return func() {
		switchOver()
		debug.SetGCPercent(oldPercent)
	}
}

// gcSentinel is an object too large for the tiny allocator, so that it is
// freed, and its cleanup run, by the first collection.
type gcSentinel struct {
	_ [4]*byte
}

// checkInputError names the file in an error reading it: the size cap
// with the flag that raises it, an encoding other than UTF-8, or the
// error as it is (os errors already name the file).
func checkInputError(display string, err error) error {
	var tl *input.TooLargeError
	var enc *input.EncodingError
	switch {
	case errors.As(err, &tl):
		return fmt.Errorf("%s: %w (--max-bytes)", safe.Line(display), err)
	case errors.As(err, &enc):
		return fmt.Errorf("%s: %w", safe.Line(display), err)
	}
	return err
}

// expandDirs replaces each directory among names by the files below it
// whose extension gives a content format ([standards.FormatFromName]:
// HTML, Markdown, text), in lexical order. Only regular files are taken
// (a FIFO or device in the folder would block or never end); hidden files
// and folders are skipped. Other names are kept as they are.
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
			if d.IsDir() || standards.FormatFromName(path) == standards.FormatAuto {
				return nil
			}
			typ := d.Type()
			if typ&fs.ModeSymlink != 0 {
				info, err := os.Stat(path)
				if err != nil {
					errs = append(errs, err)
					return nil
				}
				typ = info.Mode().Type()
			}
			if typ.IsRegular() {
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
// it passes max bytes (the default cap when max is 0) and when it is not
// UTF-8 (UTF-16, UTF-32, bytes that are not Windows-1252): an
// *input.EncodingError names the encoding. Text in Windows-1252, as Word
// saves it, is decoded to UTF-8 with a note on standard error
// ([decode.Text]). A UTF-8 byte-order mark is kept: the extractor skips
// it, so offsets stay true to the file.
func readInput(env *Env, name string, max int64) ([]byte, error) {
	r, _, err := openArg(env, name)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	src, err := readSized(r, max)
	if err != nil {
		return nil, err
	}
	src, note, err := decode.Text(src)
	if err != nil {
		return nil, err
	}
	if note != "" {
		display := name
		if name == "-" {
			display = "<stdin>"
		}
		fmt.Fprintf(env.Stderr, "civickit: %s: %s\n", safe.Line(display), note)
	}
	return src, nil
}

// readSized is [input.ReadAll] that, for a regular file, reads into one
// buffer of the file's size instead of growing one from 512 bytes: on a
// large page that saves copying it a dozen times and touching twice its
// size in new memory. A file that grows while it is read still stops at
// max bytes.
func readSized(r io.Reader, max int64) ([]byte, error) {
	f, ok := r.(*os.File)
	if !ok {
		return input.ReadAll(r, max)
	}
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() || info.Size() > input.Max(max) {
		return input.ReadAll(r, max)
	}
	// a new slice rather than Buffer.Grow, which clears the room it
	// adds: new memory is zero already, and left untouched, each page
	// is first touched (a page fault) by the read that fills it rather
	// than by a pass that clears it first
	b := bytes.NewBuffer(make([]byte, 0, int(info.Size())+bytes.MinRead))
	if _, err := b.ReadFrom(io.LimitReader(r, input.Max(max)+1)); err != nil {
		return nil, err
	}
	if int64(b.Len()) > input.Max(max) {
		return nil, &input.TooLargeError{Max: input.Max(max)}
	}
	return b.Bytes(), nil
}

// isDir reports whether name is a directory.
func isDir(name string) bool {
	info, err := os.Stat(name)
	return err == nil && info.IsDir()
}

// writeJSONValue prints v as indented JSON, leaving <, > and & as they
// are (the demo command's JSON).
func writeJSONValue(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
