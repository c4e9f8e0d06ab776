package persona

import (
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"strings"
	"sync"

	"github.com/civickit/civickit/internal/safe"
)

// mdEscape makes text from input literal in Markdown: on one line, with
// the characters that start markup, links or HTML escaped.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range safe.Line(s) {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '(', ')', '#', '|', '!', '~':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// WriteJSON writes the report as indented JSON.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// conf formats a mean confidence, or "withheld" when too few answered.
func conf(v *float64) string {
	if v == nil {
		return "withheld"
	}
	return fmt.Sprintf("%.1f", *v)
}

// useText formats a median frequency, or "withheld".
func useText(s string) string {
	if s == "" {
		return "withheld"
	}
	return s
}

func shareList(fs []ShareFigure) string {
	if len(fs) == 0 {
		return "none reported by 30% or more"
	}
	var parts []string
	for _, f := range fs {
		parts = append(parts, fmt.Sprintf("%s (%s)", human(f.Item), percent(f.Share)))
	}
	return strings.Join(parts, ", ")
}

func (r *Report) method() string {
	s := fmt.Sprintf("%d respondents; %s, seed %d", r.Respondents, r.Method, r.Seed)
	if r.Auto {
		s += fmt.Sprintf(", k chosen automatically: %d", r.K)
	} else {
		s += fmt.Sprintf(", k = %d", r.K)
	}
	if r.Silhouette != nil {
		s += fmt.Sprintf("; silhouette on the answers %.3f", *r.Silhouette)
	}
	if r.Stability != nil {
		s += fmt.Sprintf("; bootstrap stability (adjusted Rand index) %.2f over %d resamples", r.Stability.ARI, r.Stability.Replicates)
	}
	return s + fmt.Sprintf("; no persona or figure rests on fewer than %d people.", r.MinSize)
}

// WriteText writes the report as plain text. Text from a council's own
// catalogue passes through [safe.Line], so no terminal control sequence
// reaches the terminal.
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Councillor personas\n%s\n", r.method())
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "Note: %s\n", safe.Line(n))
	}
	for i, p := range r.Personas {
		fmt.Fprintf(&b, "\n%d. %s (stage: %s, %d respondents)\n", i+1, p.Name, p.Stage, p.Respondents)
		fmt.Fprintf(&b, "   %s\n", p.Profile)
		fmt.Fprintf(&b, "   Next step: %s\n", p.Next)
		b.WriteString("   Confidence (1-5) and typical use:\n")
		for _, t := range p.Tools {
			fmt.Fprintf(&b, "     %-18s %-8s %s\n", human(t.Tool), conf(t.Confidence), useText(t.Use))
		}
		fmt.Fprintf(&b, "   Aims: %s\n   Barriers: %s\n   Wants to learn: %s\n", shareList(p.Aims), shareList(p.Barriers), shareList(p.WantsToLearn))
		b.WriteString("   Learning options:\n")
		for _, l := range p.Learning {
			fmt.Fprintf(&b, "     - %s: %s (%s)\n", safe.Line(l.Option.Title), safe.Line(l.Option.Description), safe.Line(l.Why))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteMarkdown writes the report as Markdown. Text from a council's own
// catalogue is escaped, so it cannot add HTML or links to the page a
// Markdown renderer makes of it.
func (r *Report) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# Councillor personas\n\n%s\n\n", r.method())
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "> %s\n>\n", safe.Line(n))
	}
	for _, p := range r.Personas {
		fmt.Fprintf(&b, "\n## %s\n\n*Stage: %s; %d respondents.*\n\n%s\n\n**Next step:** %s\n\n", p.Name, p.Stage, p.Respondents, p.Profile, p.Next)
		b.WriteString("| Tool | Confidence (1–5) | Typical use |\n|---|---|---|\n")
		for _, t := range p.Tools {
			fmt.Fprintf(&b, "| %s | %s | %s |\n", human(t.Tool), conf(t.Confidence), useText(t.Use))
		}
		fmt.Fprintf(&b, "\n- **Aims:** %s\n- **Barriers:** %s\n- **Wants to learn:** %s\n\n### Learning options\n\n", shareList(p.Aims), shareList(p.Barriers), shareList(p.WantsToLearn))
		for i, l := range p.Learning {
			fmt.Fprintf(&b, "%d. **%s**: %s *(%s)*\n", i+1, mdEscape(l.Option.Title), mdEscape(l.Option.Description), mdEscape(l.Why))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

var htmlTmpl = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report").Funcs(template.FuncMap{
		"human": human, "conf": conf, "use": useText, "shares": shareList,
		"bar": func(v *float64) float64 {
			if v == nil {
				return 0
			}
			return (*v - 1) / 4 * 200
		},
	}).Parse(`<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Councillor personas</title>
<style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
table{border-collapse:collapse}td,th{padding:.2rem .6rem;text-align:left;border-bottom:1px solid #ccc}
.persona{border-top:4px solid #1d70b8;margin-top:2rem}svg rect{fill:#1d70b8}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}</style>
</head>
<body>
<h1>Councillor personas</h1>
<p>{{.Method}}</p>
{{range .Notes}}<p class="note"><strong>Note:</strong> {{.}}</p>
{{end}}{{range .Personas}}<section class="persona">
<h2>{{.Name}}</h2>
<p><em>Stage: {{.Stage}}; {{.Respondents}} respondents.</em></p>
<p>{{.Profile}}</p>
<p><strong>Next step:</strong> {{.Next}}</p>
<table><caption>Confidence (1–5) and typical use</caption>
<thead><tr><th scope="col">Tool</th><th scope="col">Confidence</th><th scope="col"><span class="visually-hidden">Bar</span></th><th scope="col">Typical use</th></tr></thead>
<tbody>{{range .Tools}}<tr><td>{{human .Tool}}</td><td>{{conf .Confidence}}</td><td><svg width="200" height="12" role="img" aria-label="confidence {{conf .Confidence}}{{if .Confidence}} of 5{{end}}"><rect width="{{printf "%.0f" (bar .Confidence)}}" height="12"/></svg></td><td>{{use .Use}}</td></tr>
{{end}}</tbody></table>
<ul><li><strong>Aims:</strong> {{shares .Aims}}</li><li><strong>Barriers:</strong> {{shares .Barriers}}</li><li><strong>Wants to learn:</strong> {{shares .WantsToLearn}}</li></ul>
<h3>Learning options</h3>
<ol>{{range .Learning}}<li><strong>{{.Option.Title}}</strong>: {{.Option.Description}} <em>({{.Why}})</em></li>
{{end}}</ol>
</section>
{{end}}</body>
</html>
`))
})

// WriteHTML writes the report as a standalone HTML page with inline SVG
// bars, through html/template, so every string is escaped for its
// context. The page has no links.
func (r *Report) WriteHTML(w io.Writer) error {
	return htmlTmpl().Execute(w, struct {
		Method   string
		Notes    []string
		Personas []Persona
	}{r.method(), r.Notes, r.Personas})
}
