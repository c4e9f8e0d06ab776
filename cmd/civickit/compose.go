package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/civickit/civickit/civic/journey"
	"github.com/civickit/civickit/civic/journey/compose"
)

var composeFlags struct {
	format    string
	stage     string
	profile   string
	templates string
	hashtags  string
	handles   string
	channels  string
	altText   string
	image     bool
	welsh     bool
	maxBytes  sizeFlag
}

// cmdCompose writes ready-to-post texts for a decision.
var cmdCompose = &Command{
	Name:      "compose",
	UsageLine: "compose [--format text|json|md] [--stage ID] [--templates FILE] [--hashtags LIST] [--channels LIST] DECISION.json|DECISIONS.csv|-",
	Short:     "write posts that explain a decision at its stage, for each channel",
	Long: `Compose writes ready-to-post texts for a council decision at the stage it
has reached (or --stage, to preview a later one): for X, Bluesky, Mastodon,
Facebook and Nextdoor (a short and a long post each), WhatsApp and an email
newsletter, each within the channel's limit as that platform counts it, and
a web summary in the GOV.UK step-by-step shape. Each post says what the
decision is about, where it is now, what happens next and when, and how to
have a say by which date.

Every English post is checked against the content standards: reading age 9
or below, no plain-English, jargon or passive-voice finding. A decision
title that breaks a standard is replaced by a plainer one, and the output
says so. --templates lays a council's own wording (YAML or JSON, the shape
of the built-in templates) over civickit's; with a welsh: section, --welsh
writes each post in Welsh too.

Exit status is 1 when a post is not ready to publish.`,
	SetFlags: func(fs *flag.FlagSet) {
		fs.StringVar(&composeFlags.format, "format", "text", "output `format`: text, json or md")
		fs.StringVar(&composeFlags.stage, "stage", "", "preview the posts for this stage `ID` (see civickit journey stages)")
		fs.StringVar(&composeFlags.profile, "profile", "", "council profile: "+strings.Join(journey.ProfileNames(), ", ")+" (default: the decision's council)")
		fs.StringVar(&composeFlags.templates, "templates", "", "the council's own templates, YAML or JSON `file`")
		fs.StringVar(&composeFlags.hashtags, "hashtags", "", "the council's hashtags, comma-separated `LIST`")
		fs.StringVar(&composeFlags.handles, "handles", "", "the council's handles per channel, `LIST` of channel=handle")
		fs.StringVar(&composeFlags.channels, "channels", "", "write only these channels, comma-separated `LIST`")
		fs.BoolVar(&composeFlags.image, "image", false, "an image will be attached: ask for alt text")
		fs.StringVar(&composeFlags.altText, "alt-text", "", "the attached image's alt `text`")
		fs.BoolVar(&composeFlags.welsh, "welsh", false, "write each post in Welsh too, from the templates' welsh: section")
		maxBytesFlag(fs, &composeFlags.maxBytes)
	},
	Run: runCompose,
}

func runCompose(ctx context.Context, env *Env, cmd *Command, args []string) error {
	args, err := parseFlags(cmd, cmd.FlagSet(), args)
	if err != nil {
		return err
	}
	f := composeFlags
	if len(args) != 1 {
		return usagef(cmd, "want one decision file or -, got %d", len(args))
	}
	switch f.format {
	case "text", "json", "md":
	default:
		return usagef(cmd, "unknown --format %q (want text, json or md)", f.format)
	}
	opt := compose.Options{Stage: journey.StageID(f.stage), Image: f.image || f.altText != "", AltText: f.altText, Welsh: f.welsh}
	if f.stage != "" {
		if _, ok := journey.StageFor(opt.Stage); !ok {
			return usagef(cmd, "unknown --stage %q (see civickit journey stages)", f.stage)
		}
	}
	if f.profile != "" {
		c, err := journey.Profile(f.profile)
		if err != nil {
			return usagef(cmd, "%v", err)
		}
		opt.Council = &c
	}
	if f.templates != "" {
		tf, err := os.Open(f.templates)
		if err != nil {
			return err
		}
		opt.Templates, err = compose.ReadTemplates(tf, compose.ReadOptions{File: f.templates, MaxBytes: int64(f.maxBytes)})
		tf.Close()
		if err != nil {
			return err
		}
	}
	opt.Hashtags = splitList(f.hashtags)
	for _, c := range splitList(f.channels) {
		if _, ok := compose.LimitOf(compose.Channel(c)); !ok {
			return usagef(cmd, "unknown channel %q in --channels", c)
		}
		opt.Channels = append(opt.Channels, compose.Channel(c))
	}
	for _, h := range splitList(f.handles) {
		c, handle, ok := strings.Cut(h, "=")
		if _, known := compose.LimitOf(compose.Channel(c)); !ok || !known {
			return usagef(cmd, "--handles wants channel=handle pairs, got %q", h)
		}
		if opt.Handles == nil {
			opt.Handles = map[compose.Channel]string{}
		}
		opt.Handles[compose.Channel(c)] = handle
	}
	decisions, err := readDecisionsArg(env, args[0], int64(f.maxBytes))
	if err != nil {
		return err
	}
	var results []*compose.Result
	notReady := 0
	for _, d := range decisions {
		res, err := compose.Compose(ctx, d, opt)
		if err != nil {
			return fmt.Errorf("%s: %w", d.ID, err)
		}
		for _, p := range res.Posts {
			if !p.Ready {
				notReady++
			}
		}
		results = append(results, res)
	}
	if err := writeComposed(env.Stdout, f.format, results); err != nil {
		return err
	}
	if notReady > 0 {
		verb := "posts are"
		if notReady == 1 {
			verb = "post is"
		}
		fmt.Fprintf(env.Stderr, "%d %s not ready to publish: see the findings\n", notReady, verb)
		return errFindings
	}
	return nil
}

func writeComposed(w io.Writer, format string, results []*compose.Result) error {
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if len(results) == 1 {
			return enc.Encode(results[0])
		}
		return enc.Encode(results)
	}
	for i, r := range results {
		if i > 0 {
			if _, err := io.WriteString(w, "\n"); err != nil {
				return err
			}
		}
		var err error
		if format == "md" {
			err = r.WriteMarkdown(w)
		} else {
			err = r.WriteText(w)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// splitList splits a comma-separated flag value, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
