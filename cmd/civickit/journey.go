package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/civickit/civickit/civic/calendar"
	"github.com/civickit/civickit/civic/journey"
	"github.com/civickit/civickit/internal/safe"
)

// journeyCmd groups the decision-journey commands.
var journeyCmd = &Command{
	Name:      "journey",
	UsageLine: "journey <command> [arguments]",
	Short:     "explain where a council decision is and compute its deadlines",
	Long: `Journey explains a council decision's journey from proposal to monitoring:
where it is now, what comes next, the statutory deadlines and how to have
your say.`,
	Sub: []*Command{journeyShowCmd, journeyDeadlinesCmd, journeyCheckCmd, journeyAdvanceCmd, journeyStagesCmd},
}

var journeyShowFlags struct {
	format      string
	profile     string
	id          string
	profileFile string
	maxBytes    sizeFlag
}

var journeyShowCmd = &Command{
	Name:      "show",
	UsageLine: "journey show [--format text|json|html] [--profile NAME | --profile-file FILE] [--id REF] [--max-bytes SIZE] DECISION.json|DECISIONS.csv|-",
	Short:     "explain a decision to a citizen",
	Long: `Show reads one decision (JSON, the fields of journey.Decision) or the
decisions of a ModernGov-style CSV export, and prints a citizen summary in
the shape of the GOV.UK step-by-step pattern: the numbered steps with the
current one marked, what comes next, the deadlines and how to have your
say. The council profile is the decision's "council" field unless
--profile is given. A CSV file with several decisions gives one summary
each (a JSON array with --format json) unless --id picks one.`,
	SetFlags: func(fs *flag.FlagSet) {
		fs.StringVar(&journeyShowFlags.format, "format", "text", "output format: text, json or html")
		fs.StringVar(&journeyShowFlags.profile, "profile", "", "council profile: "+strings.Join(journey.ProfileNames(), ", ")+" (default: the decision's council)")
		fs.StringVar(&journeyShowFlags.id, "id", "", "show only the decision with this id or reference")
		fs.StringVar(&journeyShowFlags.profileFile, "profile-file", "", "read the council profile from this JSON `FILE`")
		maxBytesFlag(fs, &journeyShowFlags.maxBytes)
	},
	Run: runJourneyShow,
}

func runJourneyShow(ctx context.Context, env *Env, cmd *Command, args []string) error {
	args, err := parseFlags(cmd, cmd.FlagSet(), args)
	if err != nil {
		return err
	}
	f := journeyShowFlags
	if len(args) != 1 {
		return usagef(cmd, "want one decision file, got %d arguments", len(args))
	}
	switch f.format {
	case "text", "json", "html":
	default:
		return usagef(cmd, "unknown format %q (want text, json or html)", f.format)
	}
	prof, err := loadProfile(env, cmd, f.profile, f.profileFile, "", int64(f.maxBytes))
	if err != nil {
		return err
	}
	ds, err := readDecisionsArg(env, args[0], int64(f.maxBytes))
	if err != nil {
		return err
	}
	if f.id != "" {
		var keep []*journey.Decision
		for _, d := range ds {
			if d.ID == f.id {
				keep = append(keep, d)
			}
		}
		if len(keep) == 0 {
			return usagef(cmd, "--id: no decision with id %q in %s", f.id, args[0])
		}
		ds = keep
	}
	ss := make([]journey.Summary, len(ds))
	for i, d := range ds {
		c := prof
		if c == nil {
			dc := d.CouncilFor()
			c = &dc
		}
		ss[i] = d.Explain(c)
	}
	if f.format == "json" && len(ss) != 1 {
		b, err := json.MarshalIndent(ss, "", "  ")
		if err != nil {
			return err
		}
		_, err = env.Stdout.Write(append(b, '\n'))
		return err
	}
	for i := range ss {
		if i > 0 && f.format == "text" {
			if _, err := io.WriteString(env.Stdout, "\n"); err != nil {
				return err
			}
		}
		var err error
		switch f.format {
		case "json":
			err = ss[i].WriteJSON(env.Stdout)
		case "html":
			err = ss[i].WriteHTML(env.Stdout)
		default:
			err = ss[i].WriteText(env.Stdout)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

var journeyDeadlinesFlags struct {
	meeting     string
	published   string
	profile     string
	profileFile string
	clearDays   string
	private     bool
	format      string
	maxBytes    sizeFlag
}

var journeyDeadlinesCmd = &Command{
	Name:      "deadlines",
	UsageLine: "journey deadlines --meeting DATE [--decision-published DATE] [--profile NAME | --profile-file FILE] [--clear-days calendar|working] [--private] [--format json|text]",
	Short:     "compute the statutory deadlines for a decision meeting",
	Long: `Deadlines computes, for an executive decision to be made at a meeting on
DATE, the last days to publish the agenda, the key-decision notice and the
general-exception notice (England), the notices of a private meeting with
--private (SI 2012/2089 reg 5), the day the decision record is due, and,
with --decision-published (or from the meeting where the council counts
call-in from it), the last day of call-in. Dates are YYYY-MM-DD, years
1900 to 2200.

Clear days exclude the day of publication and the day of the meeting. By
default the agenda, the general-exception notice and the final
private-meeting notice count working days only (not weekends or England
and Wales bank holidays: R v Swansea City Council ex p Elitestone, 1993),
and the 28-day notices count calendar days; --clear-days overrides every
clear-day period, and a profile file (--profile-file, the fields of
journey.Council) sets each period, its counting and the call-in start.

The JSON output has the keys meeting, agenda_publish_by,
key_decision_notice_by and general_exception_notice_by (England, executive
arrangements), private_notice_by and private_final_notice_by (with
--private), decision_record_by and call_in_ends; all ISO dates, a key left
out where the period does not apply.`,
	SetFlags: func(fs *flag.FlagSet) {
		fs.StringVar(&journeyDeadlinesFlags.meeting, "meeting", "", "the meeting date, YYYY-MM-DD (required)")
		fs.StringVar(&journeyDeadlinesFlags.published, "decision-published", "", "the date the decision was published, YYYY-MM-DD")
		fs.StringVar(&journeyDeadlinesFlags.profile, "profile", "england", "council profile: "+strings.Join(journey.ProfileNames(), ", "))
		fs.StringVar(&journeyDeadlinesFlags.profileFile, "profile-file", "", "read the council profile from this JSON `FILE` instead")
		fs.StringVar(&journeyDeadlinesFlags.clearDays, "clear-days", "", "count every clear-day period as calendar or working days (default: the profile's)")
		fs.BoolVar(&journeyDeadlinesFlags.private, "private", false, "the meeting is private: add the notices of SI 2012/2089 reg 5")
		fs.StringVar(&journeyDeadlinesFlags.format, "format", "json", "output format: json or text")
		maxBytesFlag(fs, &journeyDeadlinesFlags.maxBytes)
	},
	Run: runJourneyDeadlines,
}

// loadProfile returns the profile file's council, or the named built-in
// profile; nil when neither is given and def is "".
func loadProfile(env *Env, cmd *Command, name, file, def string, maxBytes int64) (*journey.Council, error) {
	if file != "" {
		if name != "" && name != def {
			return nil, usagef(cmd, "give --profile or --profile-file, not both")
		}
		r, display, err := openArg(env, file)
		if err != nil {
			return nil, err
		}
		defer r.Close()
		c, err := journey.ReadCouncilJSON(r, journey.ReadOptions{File: display, MaxBytes: maxBytes})
		if err != nil {
			return nil, err
		}
		return &c, nil
	}
	if name == "" {
		return nil, nil
	}
	c, err := journey.Profile(name)
	if err != nil {
		return nil, usagef(cmd, "--profile: %v", err)
	}
	return &c, nil
}

func runJourneyDeadlines(ctx context.Context, env *Env, cmd *Command, args []string) error {
	args, err := parseFlags(cmd, cmd.FlagSet(), args)
	if err != nil {
		return err
	}
	f := journeyDeadlinesFlags
	if len(args) != 0 {
		return usagef(cmd, "unexpected arguments: %s", strings.Join(args, " "))
	}
	if f.format != "json" && f.format != "text" {
		return usagef(cmd, "unknown format %q (want json or text)", f.format)
	}
	if f.meeting == "" {
		return usagef(cmd, "--meeting is required")
	}
	meeting, err := calendar.ParseDate(f.meeting)
	if err != nil {
		return usagef(cmd, "--meeting: %v", err)
	}
	var published calendar.Date
	if f.published != "" {
		if published, err = calendar.ParseDate(f.published); err != nil {
			return usagef(cmd, "--decision-published: %v", err)
		}
		if published.Before(meeting) {
			return usagef(cmd, "--decision-published %s is before --meeting %s", published, meeting)
		}
	}
	c, err := loadProfile(env, cmd, f.profile, f.profileFile, "england", int64(f.maxBytes))
	if err != nil {
		return err
	}
	if f.clearDays != "" {
		cd, ok := journey.ParseClearDayCounting(f.clearDays)
		if !ok {
			return usagef(cmd, "--clear-days: want calendar or working, got %q", f.clearDays)
		}
		c.ClearDays = cd
	}
	dl := c.MeetingDeadlines(meeting, published)
	if f.private {
		dl.PrivateNoticeBy, dl.PrivateFinalNoticeBy = c.PrivateMeetingDeadlines(meeting)
	}
	if f.format == "json" {
		b, err := json.MarshalIndent(dl, "", "  ")
		if err != nil {
			return err
		}
		_, err = env.Stdout.Write(append(b, '\n'))
		return err
	}
	var b strings.Builder
	line := func(label string, d calendar.Date) {
		if !d.IsZero() {
			b.WriteString(label + strings.Repeat(" ", max(1, 34-len(label))) + d.Long() + " (" + d.Weekday().String() + ")\n")
		}
	}
	b.WriteString("Council profile: " + safe.Line(c.Name) + "\n")
	line("Meeting:", dl.Meeting)
	line("Private-meeting notice by:", dl.PrivateNoticeBy)
	line("Key-decision notice by:", dl.KeyDecisionNoticeBy)
	line("Final private-meeting notice by:", dl.PrivateFinalNoticeBy)
	line("General exception notice by:", dl.GeneralExceptionNoticeBy)
	line("Agenda published by:", dl.AgendaPublishBy)
	line("Decision published by:", dl.DecisionRecordBy)
	line("Call-in ends:", dl.CallInEnds)
	b.WriteString("\nPeriods:\n")
	for _, id := range []journey.PeriodID{journey.PeriodAgenda, journey.PeriodPrivateNotice, journey.PeriodPrivateFinalNotice,
		journey.PeriodKeyDecisionNotice, journey.PeriodGeneralException, journey.PeriodDecisionRecord, journey.PeriodCallIn} {
		p, r, ok := c.Period(id)
		if !ok {
			continue
		}
		b.WriteString("  " + string(id) + ": " + strconv.Itoa(p.Days) + " " + string(p.Counting) + " days; " + r.Source + "\n")
	}
	_, err = io.WriteString(env.Stdout, b.String())
	return err
}

var journeyCheckFlags struct {
	profile     string
	profileFile string
	asOf        string
	format      string
	maxBytes    sizeFlag
}

var journeyCheckCmd = &Command{
	Name:      "check",
	UsageLine: "journey check [--profile NAME | --profile-file FILE] [--as-of DATE] [--format text|json] DECISION.json|DECISIONS.csv|-",
	Short:     "check a decision's published dates against its deadlines",
	Long: `Check compares the dates a council actually published things (the
decision's history: the key-decision or general-exception notice, the
agenda, the decision record, a call-in, the day it took effect; and the
private-meeting notices) with the deadlines under the council's profile,
and says which were met and which were missed, by how many days. A
decision that meets the key-decision test but was not treated as key is
reported too (SI 2012/2089 reg 18).

With --as-of (default: today), a deadline that has passed with nothing
recorded counts as missed. The exit status is 1 when a statutory deadline
was missed, 0 otherwise.`,
	SetFlags: func(fs *flag.FlagSet) {
		fs.StringVar(&journeyCheckFlags.profile, "profile", "", "council profile: "+strings.Join(journey.ProfileNames(), ", ")+" (default: the decision's council)")
		fs.StringVar(&journeyCheckFlags.profileFile, "profile-file", "", "read the council profile from this JSON `FILE`")
		fs.StringVar(&journeyCheckFlags.asOf, "as-of", "", "the day of the check, YYYY-MM-DD (default: today); \"none\" judges only what is recorded")
		fs.StringVar(&journeyCheckFlags.format, "format", "text", "output format: text or json")
		maxBytesFlag(fs, &journeyCheckFlags.maxBytes)
	},
	Run: runJourneyCheck,
}

func runJourneyCheck(ctx context.Context, env *Env, cmd *Command, args []string) error {
	args, err := parseFlags(cmd, cmd.FlagSet(), args)
	if err != nil {
		return err
	}
	f := journeyCheckFlags
	if len(args) != 1 {
		return usagef(cmd, "want one decision file, got %d arguments", len(args))
	}
	if f.format != "json" && f.format != "text" {
		return usagef(cmd, "unknown format %q (want text or json)", f.format)
	}
	var asOf calendar.Date
	switch f.asOf {
	case "none":
	case "":
		asOf = calendar.DateOf(time.Now())
	default:
		if asOf, err = calendar.ParseDate(f.asOf); err != nil {
			return usagef(cmd, "--as-of: %v", err)
		}
	}
	prof, err := loadProfile(env, cmd, f.profile, f.profileFile, "", int64(f.maxBytes))
	if err != nil {
		return err
	}
	ds, err := readDecisionsArg(env, args[0], int64(f.maxBytes))
	if err != nil {
		return err
	}
	type result struct {
		ID     string          `json:"id,omitempty"`
		Title  string          `json:"title"`
		Checks []journey.Check `json:"checks"`
	}
	var out []result
	missed := false
	for _, d := range ds {
		c := prof
		if c == nil {
			dc := d.CouncilFor()
			c = &dc
		}
		chs := d.Check(c, asOf)
		if chs == nil {
			chs = []journey.Check{}
		}
		missed = missed || journey.Missed(chs)
		out = append(out, result{ID: d.ID, Title: d.Title, Checks: chs})
	}
	if f.format == "json" {
		b, err := json.MarshalIndent(out, "", "  ")
		if err != nil {
			return err
		}
		if _, err := env.Stdout.Write(append(b, '\n')); err != nil {
			return err
		}
	} else {
		var b strings.Builder
		for i, r := range out {
			if i > 0 {
				b.WriteString("\n")
			}
			b.WriteString(safe.Line(r.Title) + "\n")
			if len(r.Checks) == 0 {
				b.WriteString("  no deadlines to check\n")
			}
			for _, ch := range r.Checks {
				mark := map[journey.CheckStatus]string{journey.CheckMet: "met", journey.CheckMissed: "MISSED",
					journey.CheckNotRecorded: "not recorded", journey.CheckPending: "pending"}[ch.Status]
				b.WriteString("  " + mark + ": " + ch.Label)
				if !ch.Due.IsZero() {
					b.WriteString(" " + ch.Due.Long())
				}
				if !ch.Done.IsZero() {
					b.WriteString("; done " + ch.Done.Long())
				}
				if ch.DaysLate > 0 {
					b.WriteString("; " + strconv.Itoa(ch.DaysLate) + " days late")
				}
				if !ch.Statutory && ch.Status == journey.CheckMissed {
					b.WriteString(" (the council's rule)")
				}
				b.WriteString("\n")
				if ch.Note != "" {
					b.WriteString("      " + ch.Note + "\n")
				}
				if ch.Basis != "" {
					b.WriteString("      " + ch.Basis + "\n")
				}
			}
		}
		if _, err := io.WriteString(env.Stdout, b.String()); err != nil {
			return err
		}
	}
	if missed {
		return errFindings
	}
	return nil
}

// readDecisionArg reads one JSON decision from the file name, or stdin
// for "-".
func readDecisionArg(env *Env, name string, maxBytes int64) (*journey.Decision, error) {
	r, display, err := openArg(env, name)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return journey.ReadDecisionJSON(r, journey.ReadOptions{File: display, MaxBytes: maxBytes})
}

// readDecisionsArg reads the decisions of a file, or stdin for "-": a
// JSON decision, or a ModernGov-style CSV export when the name ends in
// .csv or the content does not start like JSON.
func readDecisionsArg(env *Env, name string, maxBytes int64) ([]*journey.Decision, error) {
	r, display, err := openArg(env, name)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	br := bufio.NewReader(r)
	csvInput := strings.HasSuffix(strings.ToLower(name), ".csv")
	if !csvInput {
		head, _ := br.Peek(512)
		head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
		csvInput = len(head) > 0 && head[0] != '{' && head[0] != '['
		// A file that is mostly NUL bytes is UTF-16: let the JSON reader
		// name its encoding.
		csvInput = csvInput && bytes.IndexByte(head, 0) < 0 && head[0] != 0xff && head[0] != 0xfe
	}
	if csvInput {
		return journey.ReadDecisionsCSV(br, journey.CSVOptions{File: display, MaxBytes: maxBytes})
	}
	d, err := journey.ReadDecisionJSON(br, journey.ReadOptions{File: display, MaxBytes: maxBytes})
	if err != nil {
		return nil, err
	}
	return []*journey.Decision{d}, nil
}

var journeyAdvanceFlags struct {
	stage    string
	date     string
	source   string
	maxBytes sizeFlag
}

var journeyAdvanceCmd = &Command{
	Name:      "advance",
	UsageLine: "journey advance --stage ID --date DATE [--source URL] [--max-bytes SIZE] DECISION.json|-",
	Short:     "record that a decision reached its next stage",
	Long: `Advance reads one decision, records that it reached the stage --stage on
--date (YYYY-MM-DD), citing --source, and writes the updated decision as JSON
to standard output. A move the journey does not allow, or a date before the
last stage's, is an error that names both stages. Run "civickit journey
stages" for the stage ids.`,
	SetFlags: func(fs *flag.FlagSet) {
		fs.StringVar(&journeyAdvanceFlags.stage, "stage", "", "the stage id reached, e.g. decided (required)")
		fs.StringVar(&journeyAdvanceFlags.date, "date", "", "the date it was reached, YYYY-MM-DD (required)")
		fs.StringVar(&journeyAdvanceFlags.source, "source", "", "URL or document that records it")
		maxBytesFlag(fs, &journeyAdvanceFlags.maxBytes)
	},
	Run: runJourneyAdvance,
}

func runJourneyAdvance(ctx context.Context, env *Env, cmd *Command, args []string) error {
	args, err := parseFlags(cmd, cmd.FlagSet(), args)
	if err != nil {
		return err
	}
	f := journeyAdvanceFlags
	if len(args) != 1 {
		return usagef(cmd, "want one decision file, got %d arguments", len(args))
	}
	if f.stage == "" || f.date == "" {
		return usagef(cmd, "--stage and --date are required")
	}
	date, err := calendar.ParseDate(f.date)
	if err != nil {
		return usagef(cmd, "--date: %v", err)
	}
	d, err := readDecisionArg(env, args[0], int64(f.maxBytes))
	if err != nil {
		return err
	}
	if err := d.Advance(journey.StageID(f.stage), date, f.source); err != nil {
		return err
	}
	return d.WriteJSON(env.Stdout)
}

var journeyStagesCmd = &Command{
	Name:      "stages",
	UsageLine: "journey stages [--format text|json]",
	Short:     "list the journey stages with their titles and statutory basis",
	Long: `Stages lists every stage of the decision, planning and budget journeys: its
id, citizen-facing title, what happens, how to have your say, its statutory
basis and the stages that may follow it.`,
	SetFlags: func(fs *flag.FlagSet) {
		fs.StringVar(&journeyStagesFlags.format, "format", "text", "output format: text or json")
	},
	Run: runJourneyStages,
}

var journeyStagesFlags struct{ format string }

func runJourneyStages(ctx context.Context, env *Env, cmd *Command, args []string) error {
	args, err := parseFlags(cmd, cmd.FlagSet(), args)
	if err != nil {
		return err
	}
	if len(args) != 0 {
		return usagef(cmd, "unexpected arguments: %s", strings.Join(args, " "))
	}
	type stageOut struct {
		journey.Stage
		Next []journey.StageID `json:"next,omitempty"`
	}
	var out []stageOut
	for _, s := range journey.Stages() {
		out = append(out, stageOut{s, journey.Transitions(s.ID)})
	}
	switch journeyStagesFlags.format {
	case "json":
		b, err := json.MarshalIndent(out, "", "  ")
		if err != nil {
			return err
		}
		_, err = env.Stdout.Write(append(b, '\n'))
		return err
	case "text":
		var b strings.Builder
		for _, s := range out {
			b.WriteString(string(s.ID) + " (" + string(s.Journey) + "): " + s.Title + "\n")
			if s.StatutoryBasis != "" {
				b.WriteString("    law: " + s.StatutoryBasis + "\n")
			}
			if len(s.Next) > 0 {
				ns := make([]string, len(s.Next))
				for i, n := range s.Next {
					ns[i] = string(n)
				}
				b.WriteString("    next: " + strings.Join(ns, ", ") + "\n")
			}
		}
		_, err := io.WriteString(env.Stdout, b.String())
		return err
	}
	return usagef(cmd, "unknown format %q (want text or json)", journeyStagesFlags.format)
}
