package content

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"strings"
	"sync"

	"github.com/civickit/civickit/civic/journey"
	"github.com/civickit/civickit/internal/safe"
	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	mhtml "github.com/tdewolff/minify/v2/html"
)

// WriteJSON writes the report as indented JSON (schema content-report).
func (r *Report) WriteJSON(w io.Writer) error {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	b = append(b, '\n')
	_, err = w.Write(b)
	return err
}

// LinkURL returns u when a report may link to it: http and https URLs
// and relative references ([journey.SafeURL] without mailto and tel);
// otherwise "" and the report shows the address as text.
func LinkURL(u string) string {
	s, ok := journey.SafeURL(u)
	if !ok {
		return ""
	}
	if sch, _, found := strings.Cut(strings.ToLower(s), ":"); found && !strings.ContainsAny(sch, "/?#") && sch != "http" && sch != "https" {
		return ""
	}
	return s
}

// mdText escapes input-derived text for Markdown: control sequences go
// (safe.Line) and Markdown's punctuation is backslash-escaped, so a
// title cannot open a link, an image or raw HTML.
func mdText(s string) string {
	s = safe.Line(s)
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_{}[]()<>#+-.!|~&", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// mdLink writes [text](url) when the URL is allowed, else the escaped text
// and the escaped address.
func mdLink(text, u string) string {
	if text == "" {
		text = u
	}
	if l := LinkURL(u); l != "" && !strings.ContainsAny(l, "()<> ") {
		return "[" + mdText(text) + "](" + l + ")"
	}
	if text == u {
		return mdText(text)
	}
	return mdText(text) + " (" + mdText(u) + ")"
}

// WriteMarkdown writes the report as Markdown.
func (r *Report) WriteMarkdown(w io.Writer) error {
	var b bytes.Buffer
	p := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	p("# Democratic content audit\n\n")
	if r.Taken != "" {
		p("Snapshot taken %s. ", mdText(r.Taken))
	}
	p("%d items; %d pass the standards (pass mark %g), %.1f%%; mean score %.1f.\n\n", r.Total.Items, r.Total.Passed, r.PassMark, r.Total.PassRate, r.Total.MeanScore)
	table := func(title, col string, rows []Compliance, label func(Compliance) string) {
		p("## %s\n\n| %s | Items | Passed | Pass rate | Mean score | Views |\n|---|---:|---:|---:|---:|---:|\n", title, col)
		for _, c := range rows {
			p("| %s | %d | %d | %.1f%% | %.1f | %d |\n", label(c), c.Items, c.Passed, c.PassRate, c.MeanScore, c.Views)
		}
		p("\n")
	}
	table("Compliance by channel", "Channel", r.ByChannel, func(c Compliance) string { return string(c.Channel) })
	table("Compliance by type", "Type", r.ByType, func(c Compliance) string { return string(c.Type) })
	p("## Fix first\n\nThe most read pages with the furthest to go (views × (100 − score)).\n\n")
	if len(r.FixFirst) == 0 {
		p("No page with views falls short.\n\n")
	} else {
		p("| # | Page | Type | Views | Score | Priority | First findings |\n|---:|---|---|---:|---:|---:|---|\n")
		for i, f := range r.FixFirst {
			var fs []string
			for _, x := range f.Findings {
				pos := fmt.Sprintf("%d:%d", x.Line, x.Column)
				if x.Page > 0 {
					pos = fmt.Sprintf("p%d %s", x.Page, pos)
				}
				fs = append(fs, mdText(pos+" "+x.Rule))
			}
			p("| %d | %s | %s | %d | %.1f | %.0f | %s |\n", i+1, mdLink(f.Title, f.URL), f.Type, f.Views, f.Score, f.Priority, strings.Join(fs, "; "))
		}
		p("\n")
	}
	if len(r.Feedback) > 0 {
		p("## What citizens said\n\nAnswers to \"Is this page clear?\", the most \"no\" answers first, with the newest of what people said was unclear (email addresses, telephone numbers and handles removed).\n\n")
		p("| Page | Clear | Unclear | What was unclear |\n|---|---:|---:|---|\n")
		for _, f := range r.Feedback {
			said := make([]string, len(f.Said))
			for i, t := range f.Said {
				said[i] = "“" + mdText(t) + "”"
			}
			p("| %s | %d | %d | %s |\n", mdLink(f.Title, f.URL), f.Clear, f.Unclear, strings.Join(said, "<br>"))
		}
		p("\n")
	}
	p("## Journey coverage\n\nFor each decision, whether a citizen could read about each stage: ✓ readable, ~ hard to read, PDF only as a PDF, ✗ missing; – not expected.\n\n")
	p("| Decision |")
	for _, c := range CoverageStages {
		p(" %s |", c)
	}
	p("%s", "\n|---|"+strings.Repeat("---|", len(CoverageStages))+"\n")
	for _, j := range r.Journeys {
		label := j.DecisionID
		if j.Title != "" {
			label = j.Title + " (" + j.DecisionID + ")"
		}
		p("| %s |", mdText(label))
		for _, s := range j.Stages {
			p(" %s |", statusMark(s))
		}
		p("\n")
	}
	p("\n")
	p("## Published only as PDF or Word\n\n")
	if len(r.PDFOnly) == 0 {
		p("None.\n\n")
	}
	for _, d := range r.PDFOnly {
		p("- %s", mdLink(d.Title, d.URL))
		if d.DecisionID != "" {
			p(" (decision %s)", mdText(d.DecisionID))
		}
		p("\n")
	}
	if len(r.PDFOnly) > 0 {
		p("\n")
	}
	if c := r.Change; c != nil {
		p("## Since the previous snapshot\n\n%d added, %d removed, %d changed. Mean score %.1f → %.1f; pass rate %.1f%% → %.1f%%.\n\n", len(c.Added), len(c.Removed), len(c.Changed), c.MeanScoreBefore, c.MeanScoreAfter, c.PassRateBefore, c.PassRateAfter)
		for _, s := range c.Improved {
			p("- improved: %s %.1f → %.1f\n", mdLink("", s.URL), s.Before, s.After)
		}
		for _, s := range c.Worsened {
			p("- worse: %s %.1f → %.1f\n", mdLink("", s.URL), s.Before, s.After)
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

func statusMark(s StageCoverage) string {
	if !s.Expected {
		if s.Status == StatusMissing {
			return "–"
		}
		return "(" + statusMark(StageCoverage{Expected: true, Status: s.Status}) + ")"
	}
	switch s.Status {
	case StatusReadable:
		return "✓"
	case StatusHard:
		return "~"
	case StatusPDFOnly:
		return "PDF"
	}
	return "✗"
}

// htmlTmpl is parsed on first use, not at start-up: every civickit
// command links this package.
var htmlTmpl = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report").Funcs(template.FuncMap{
		"link":  LinkURL,
		"t":     safe.Line,
		"mark":  statusMark,
		"stage": func(c CoverageStage) string { return string(c) },
		"pct":   func(f float64) string { return fmt.Sprintf("%.1f%%", f) },
		"num":   func(f float64) string { return fmt.Sprintf("%.1f", f) },
		"int":   func(f float64) string { return fmt.Sprintf("%.0f", f) },
		"inc":   func(i int) int { return i + 1 },
		"pos": func(f Finding) string {
			if f.Page > 0 {
				return fmt.Sprintf("page %d, line %d:%d", f.Page, f.Line, f.Column)
			}
			return fmt.Sprintf("line %d:%d", f.Line, f.Column)
		},
		"stages": func() []CoverageStage { return CoverageStages },
		"tag": func(s StageCoverage) string {
			if !s.Expected {
				return "tag-grey"
			}
			switch s.Status {
			case StatusReadable:
				return "tag-green"
			case StatusHard:
				return "tag-yellow"
			case StatusPDFOnly:
				return "tag-orange"
			}
			return "tag-red"
		},
	}).Parse(`<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Democratic content audit</title>
<style>
body{font-family:arial,sans-serif;margin:0 auto;max-width:1100px;padding:1rem 2rem;color:#0b0c0c;line-height:1.4}
h1{font-size:2rem}h2{font-size:1.5rem;margin-top:2.5rem}
table{border-collapse:collapse;width:100%;margin-bottom:1rem}
th,td{border-bottom:1px solid #b1b4b6;padding:.4rem .6rem;text-align:left;vertical-align:top}
td.n,th.n{text-align:right}
.tag{display:inline-block;padding:.1rem .4rem;font-weight:700;font-size:.85rem}
.tag-green{background:#cce2d8;color:#005a30}.tag-yellow{background:#fff7bf;color:#594d00}
.tag-orange{background:#fcd6c3;color:#6e3619}.tag-red{background:#f4cdc6;color:#2a0b06}.tag-grey{background:#eeefef;color:#383f43}
.summary dt{font-weight:700;float:left;clear:left;width:14rem}.summary dd{margin-left:15rem}
small{color:#505a5f}
</style></head><body>
{{with .Home}}<p><a href="{{.}}">Social media audit</a></p>{{end}}
<h1>Democratic content audit</h1>
<dl class="summary">
{{if .Taken}}<dt>Snapshot</dt><dd>{{.Taken}}</dd>{{end}}
<dt>Items</dt><dd>{{.Total.Items}}</dd>
<dt>Pass the standards</dt><dd>{{.Total.Passed}} ({{pct .Total.PassRate}}; pass mark {{.PassMark}})</dd>
<dt>Mean score</dt><dd>{{num .Total.MeanScore}}</dd>
</dl>
<h2>Compliance by channel</h2>
<table><thead><tr><th>Channel</th><th class="n">Items</th><th class="n">Passed</th><th class="n">Pass rate</th><th class="n">Mean score</th><th class="n">Views</th></tr></thead><tbody>
{{range .ByChannel}}<tr><td>{{.Channel}}</td><td class="n">{{.Items}}</td><td class="n">{{.Passed}}</td><td class="n">{{pct .PassRate}}</td><td class="n">{{num .MeanScore}}</td><td class="n">{{.Views}}</td></tr>
{{end}}</tbody></table>
<h2>Compliance by type</h2>
<table><thead><tr><th>Type</th><th class="n">Items</th><th class="n">Passed</th><th class="n">Pass rate</th><th class="n">Mean score</th><th class="n">Views</th></tr></thead><tbody>
{{range .ByType}}<tr><td>{{.Type}}</td><td class="n">{{.Items}}</td><td class="n">{{.Passed}}</td><td class="n">{{pct .PassRate}}</td><td class="n">{{num .MeanScore}}</td><td class="n">{{.Views}}</td></tr>
{{end}}</tbody></table>
<h2>Fix first</h2>
<p>The most read pages with the furthest to go: views × (100 − score).</p>
{{if .FixFirst}}<table><thead><tr><th class="n">#</th><th>Page</th><th>Type</th><th class="n">Views</th><th class="n">Score</th><th class="n">Priority</th><th>First findings</th></tr></thead><tbody>
{{range $i, $f := .FixFirst}}<tr><td class="n">{{inc $i}}</td><td>{{with link $f.URL}}<a href="{{.}}">{{t (or $f.Title $f.URL)}}</a>{{else}}{{t (or $f.Title $f.URL)}} <small>{{t $f.URL}}</small>{{end}}</td><td>{{$f.Type}}</td><td class="n">{{$f.Views}}</td><td class="n">{{num $f.Score}}</td><td class="n">{{int $f.Priority}}</td><td>{{range $f.Findings}}<div>{{pos .}} {{.Message}} <small>{{.Rule}}</small></div>{{end}}{{with index $.Anchors $f.URL}}<div><a href="#{{.}}">All findings</a></div>{{end}}</td></tr>
{{end}}</tbody></table>{{else}}<p>No page with views falls short.</p>{{end}}
{{if .Feedback}}<h2>What citizens said</h2>
<p>Answers to “Is this page clear?”, the most “no” answers first, with the newest of what people said was unclear (email addresses, telephone numbers and handles removed).</p>
<table><thead><tr><th>Page</th><th class="n">Clear</th><th class="n">Unclear</th><th>What was unclear</th></tr></thead><tbody>
{{range .Feedback}}<tr><td>{{with link .URL}}<a href="{{.}}">{{end}}{{t (or .Title .URL)}}{{if link .URL}}</a>{{end}}</td><td class="n">{{.Clear}}</td><td class="n">{{.Unclear}}</td><td>{{range .Said}}<div>“{{t .}}”</div>{{end}}</td></tr>
{{end}}</tbody></table>{{end}}
<h2>Journey coverage</h2>
<p>For each decision, whether a citizen could read about each stage.</p>
<table><thead><tr><th>Decision</th>{{range stages}}<th>{{stage .}}</th>{{end}}</tr></thead><tbody>
{{range .Journeys}}<tr><td>{{t (or .Title .DecisionID)}} <small>{{t .DecisionID}}</small></td>{{range .Stages}}<td><span class="tag {{tag .}}">{{if .Expected}}{{.Status}}{{else}}not expected{{end}}</span>{{range .Items}}<div><small>{{with index $.Anchors .}}<a href="#{{.}}">findings</a>{{end}}{{with link .}} <a href="{{.}}">source</a>{{end}}</small></div>{{end}}</td>{{end}}</tr>
{{end}}</tbody></table>
<h2>Published only as PDF or Word</h2>
{{if .PDFOnly}}<ul>{{range .PDFOnly}}<li>{{with link .URL}}<a href="{{.}}">{{end}}{{t (or .Title .URL)}}{{if link .URL}}</a>{{end}}{{if .DecisionID}} <small>decision {{t .DecisionID}}</small>{{end}}</li>{{end}}</ul>{{else}}<p>None.</p>{{end}}
{{with .Change}}<h2>Since the previous snapshot</h2>
<p>{{len .Added}} added, {{len .Removed}} removed, {{len .Changed}} changed. Mean score {{num .MeanScoreBefore}} → {{num .MeanScoreAfter}}; pass rate {{pct .PassRateBefore}} → {{pct .PassRateAfter}}.</p>
{{if .Improved}}<h3>Improved</h3><ul>{{range .Improved}}<li>{{with link .URL}}<a href="{{.}}">{{.}}</a>{{else}}{{t .URL}}{{end}}: {{num .Before}} → {{num .After}}</li>{{end}}</ul>{{end}}
{{if .Worsened}}<h3>Worse</h3><ul>{{range .Worsened}}<li>{{with link .URL}}<a href="{{.}}">{{.}}</a>{{else}}{{t .URL}}{{end}}: {{num .Before}} → {{num .After}}</li>{{end}}</ul>{{end}}
{{end}}
<h2>Every item and its findings</h2>
<p>Each item's score and its first findings, with where each is: the page of a document, the line and the column.</p>
{{range $i, $it := .Items}}<section id="{{index $.Anchors $it.URL}}">
<h3>{{t (or $it.Title $it.URL)}}</h3>
<dl class="summary"><dt>Address</dt><dd>{{with link $it.URL}}<a href="{{.}}">{{t $it.URL}}</a>{{else}}{{t $it.URL}}{{end}}</dd>
<dt>Channel and type</dt><dd>{{$it.Channel}}, {{$it.Class.Type}}</dd>
<dt>Score</dt><dd><span class="tag {{if $it.Passed}}tag-green{{else}}tag-red{{end}}">{{num $it.Score}}</span>{{if $it.DecisionID}} <small>decision {{t $it.DecisionID}}</small>{{end}}</dd>
{{if $it.Error}}<dt>Not scored</dt><dd>{{t $it.Error}}</dd>{{end}}</dl>
{{if $it.Findings}}<table><thead><tr><th>Where</th><th>Finding</th><th>Rule</th></tr></thead><tbody>
{{range $it.Findings}}<tr><td>{{pos .}}</td><td>{{.Message}}</td><td><small>{{.Rule}}</small></td></tr>
{{end}}</tbody></table>{{if gt $it.FindingCount (len $it.Findings)}}<p><small>The first {{len $it.Findings}} of {{$it.FindingCount}} findings.</small></p>{{end}}{{else}}<p>No findings.</p>{{end}}
</section>
{{end}}</body></html>
`))
})

// WriteHTML writes the report as one self-contained, minified HTML page:
// no external assets, every input-derived string escaped, links only to
// http, https or relative addresses.
func (r *Report) WriteHTML(w io.Writer) error {
	return r.WriteHTMLPage(w, "")
}

// htmlData is the report with each item's anchor, so that the fix-first
// list and the journeys link to an item's findings.
type htmlData struct {
	*Report
	Anchors map[string]string
	Home    string
}

// WriteHTMLPage writes the report as [Report.WriteHTML] does, as a page of
// a site: home, when not empty, is the relative address of the site's
// overview, linked from the top of the page.
func (r *Report) WriteHTMLPage(w io.Writer, home string) error {
	d := htmlData{Report: r, Anchors: make(map[string]string, len(r.Items)), Home: LinkURL(home)}
	for i, it := range r.Items {
		if _, ok := d.Anchors[it.URL]; !ok {
			d.Anchors[it.URL] = fmt.Sprintf("item-%d", i+1)
		}
	}
	var b bytes.Buffer
	if err := htmlTmpl().Execute(&b, d); err != nil {
		return err
	}
	m := minify.New()
	m.AddFunc("text/css", css.Minify)
	m.Add("text/html", &mhtml.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true})
	out, err := m.Bytes("text/html", b.Bytes())
	if err != nil {
		return fmt.Errorf("content: minifying the report: %w", err)
	}
	_, err = w.Write(out)
	return err
}
