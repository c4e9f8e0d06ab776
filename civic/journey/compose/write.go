package compose

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/civickit/civickit/internal/safe"
)

// WriteText writes each post under a heading naming its channel, its
// length against the limit and whether it is ready, for a person to copy.
func (r *Result) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s — %s\n", safe.Line(r.Title), safe.Line(r.StageTitle))
	if a := r.TitleAdvice; a != nil {
		fmt.Fprintf(&b, "\nThe decision's title %q breaks a content standard (%s); the posts use %q.\n",
			safe.Line(a.Original), a.Findings[0].Message, safe.Line(a.Plainer))
	}
	if r.AltTextNeeded {
		b.WriteString("\nAn image is attached: write alt text that says what it shows (--alt-text).\n")
	}
	for _, p := range r.Posts {
		status := "ready"
		if !p.Ready {
			status = "needs work"
		}
		lang := ""
		if p.Language != "en" {
			lang = " (" + p.Language + ")"
		}
		fmt.Fprintf(&b, "\n== %s%s: %d/%d %s, reading age %.1f, %s\n", p.Channel, lang, p.Length, p.Limit.Max, p.Limit.Unit, p.ReadingAge, status)
		for _, l := range strings.Split(p.Text, "\n") {
			b.WriteString(safe.Line(l))
			b.WriteByte('\n')
		}
		for _, f := range p.Findings {
			fmt.Fprintf(&b, "  ! %s: %s\n", f.Rule, safe.Line(f.Message))
		}
	}
	b.WriteString("\n== web summary (Markdown)\n")
	b.WriteString(safe.Text(r.Web, 1<<20))
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteJSON writes the result as indented JSON: one object per channel
// and language in posts, each with its length by that channel's rule.
func (r *Result) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WriteMarkdown writes the posts as a Markdown document a comms team can
// review: each post in a fenced block, so nothing in it is read as
// Markdown or HTML.
func (r *Result) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# Posts: %s\n\nStage: %s\n", mdEscape(r.Title), mdEscape(r.StageTitle))
	if a := r.TitleAdvice; a != nil {
		fmt.Fprintf(&b, "\n> The decision's title \"%s\" breaks a content standard; the posts use \"%s\".\n", mdEscape(a.Original), mdEscape(a.Plainer))
	}
	for _, p := range r.Posts {
		status := "ready"
		if !p.Ready {
			status = "needs work"
		}
		fmt.Fprintf(&b, "\n## %s (%s)\n\n%d of %d %s · reading age %.1f · %s\n\n", p.Channel, p.Language, p.Length, p.Limit.Max, p.Limit.Unit, p.ReadingAge, status)
		fence := "```"
		for strings.Contains(p.Text, fence) {
			fence += "`"
		}
		fmt.Fprintf(&b, "%stext\n%s\n%s\n", fence, p.Text, fence)
		for _, f := range p.Findings {
			fmt.Fprintf(&b, "\n- %s: %s", f.Rule, mdEscape(f.Message))
		}
		if len(p.Findings) > 0 {
			b.WriteByte('\n')
		}
	}
	b.WriteString("\n## Web summary\n\n")
	b.WriteString(r.Web)
	_, err := io.WriteString(w, b.String())
	return err
}
