package audit

import (
	"bytes"
	"cmp"
	"embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"math"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	mhtml "github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/svg"
)

// WriteJSON writes the report as indented JSON.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// Ward returns a copy of the report restricted to one ward and its
// councillors, or false when there is no such ward.
func (r *Report) Ward(id string) (*Report, bool) {
	out := *r
	out.Wards, out.Councillors = nil, nil
	for _, w := range r.Wards {
		if w.ID == id {
			out.Wards = append(out.Wards, w)
		}
	}
	for _, c := range r.Councillors {
		if c.Ward == id {
			out.Councillors = append(out.Councillors, c)
		}
	}
	if out.Wards == nil {
		return nil, false
	}
	if out.Councillors == nil {
		out.Councillors = []CouncillorReport{}
	}
	return &out, true
}

// mdText escapes input-derived text for Markdown: no markup, links or raw
// HTML can come from a name or a post.
func mdText(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '(', ')', '#', '|', '!', '{', '}', '~':
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

// safeURL returns u when it is an http, https, mailto or tel address (or
// relative), and "" otherwise: javascript:, data: and the like are never
// links.
func safeURL(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || u == "" {
		return ""
	}
	switch strings.ToLower(p.Scheme) {
	case "http", "https", "mailto", "tel":
		return p.String()
	case "":
		if p.Host == "" && !strings.HasPrefix(u, "//") {
			return p.String()
		}
	}
	return ""
}

func day(t time.Time) string {
	if t.IsZero() {
		return "unknown"
	}
	return t.Format("2 January 2006")
}

func pct(f float64) string { return fmt.Sprintf("%.0f%%", 100*f) }

func signed(v float64) string {
	if v > 0 {
		return fmt.Sprintf("+%.0f", v)
	}
	return fmt.Sprintf("%.0f", v)
}

func orUnknown(p *int64) string {
	if p == nil {
		return "unknown"
	}
	return fmt.Sprint(*p)
}

// WriteMarkdown writes the report as Markdown: the overview, then each
// ward with its councillors.
func (r *Report) WriteMarkdown(w io.Writer) error {
	var b bytes.Buffer
	names := r.names()
	p := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	p("# Social media audit\n\nSnapshot %d, taken %s UTC. Read %d records: %d stored, %d rejected.\n\n",
		r.Snapshot.ID, r.Snapshot.TakenAt.UTC().Format("2 January 2006 15:04"), r.Snapshot.Read, r.Snapshot.Stored, r.Snapshot.Rejected)
	if r.Previous != nil {
		p("Changes are since snapshot %d, taken %s.\n\n", r.Previous.ID, day(r.Previous.TakenAt))
	}
	o := r.Overview
	p("## Overview\n\n- Wards: %d\n- Councillors: %d\n- Community groups reached: %d of %d\n- Mean connectivity score: %.0f out of 100\n\n",
		o.Wards, o.Councillors, o.GroupsReached, o.Groups, o.MeanScore)
	if len(o.Recommendations) > 0 {
		p("### What to do next\n\n")
		for _, s := range o.Recommendations {
			p("- %s\n", mdText(s))
		}
		p("\n")
	}
	if len(o.Platforms) > 0 {
		p("### Platforms\n\n| Platform | Councillors | Groups | Posts |\n|---|---:|---:|---:|\n")
		for _, pu := range o.Platforms {
			p("| %s | %d | %d | %d |\n", mdText(pu.Platform), pu.Councillors, pu.Groups, pu.Posts)
		}
		p("\n")
	}
	if m := o.Personas; m != nil {
		p("### Councillors' digital skills\n\nFrom the digital-skills survey: %d respondents; no figure rests on fewer than %d.\n\n", m.Respondents, m.MinSize)
		for _, n := range m.Notes {
			p("%s\n\n", mdText(n))
		}
		if len(m.Stages) > 0 {
			p("| Stage | Personas | Respondents | Share |\n|---|---:|---:|---:|\n")
			for _, st := range m.Stages {
				p("| %s | %d | %d | %s |\n", mdText(st.Stage), st.Personas, st.Respondents, pct(st.Share))
			}
			p("\n")
		}
		if len(m.Personas) > 0 {
			p("| Persona | Stage | Respondents | Next step | Learning |\n|---|---|---:|---|---|\n")
			for _, pn := range m.Personas {
				p("| %s | %s | %d | %s | %s |\n", mdText(pn.Name), mdText(pn.Stage), pn.Respondents, mdText(pn.Next), mdText(strings.Join(pn.Learning, "; ")))
			}
			p("\n")
		}
		if len(m.LearningNeeds) > 0 {
			p("Learning needs (topics at least 30%% of a persona want):\n\n")
			for _, n := range m.LearningNeeds {
				p("- %s: %s (%d respondents)\n", mdText(n.Topic), mdText(strings.Join(n.Personas, ", ")), n.Respondents)
			}
			p("\n")
		}
	}
	for _, wd := range r.Wards {
		p("## %s (%s)\n\nConnectivity score: %.0f out of 100", mdText(wd.Name), mdText(wd.ID), wd.Score)
		if wd.ScoreChange != nil {
			p(" (%s since the previous snapshot)", signed(*wd.ScoreChange))
		}
		p(".\n\n")
		for _, s := range wd.Recommendations {
			p("- %s\n", mdText(s))
		}
		if len(wd.Recommendations) > 0 {
			p("\n")
		}
		if len(wd.Groups) > 0 {
			p("| Group | Platforms | Members | Last active | Reached directly by | At two steps by |\n|---|---|---:|---|---|---|\n")
			for _, g := range wd.Groups {
				p("| %s | %s | %s | %s | %s | %s |\n", mdText(g.Name), mdText(strings.Join(g.Platforms, ", ")), orUnknown(g.Members), day(g.LastActive),
					mdText(joinNames(g.Direct, names)), mdText(joinNames(g.TwoSteps, names)))
			}
			p("\n")
		}
		if len(wd.Communities) > 0 {
			p("Communities of the ward's network (Louvain method; modularity %.2f):\n\n| # | People and organisations | Groups | Councillors | Others | Citizens |\n|---:|---:|---|---|---|---:|\n", *wd.Modularity)
			for _, c := range wd.Communities {
				p("| %d | %d | %s | %s | %s | %d |\n", c.ID, c.Size, mdText(joinNames(c.Groups, names)), mdText(cmp.Or(joinNames(c.Councillors, names), "none")),
					mdText(joinNames(c.Others, names)), c.Citizens)
			}
			p("\n")
		}
		for _, c := range r.Councillors {
			if c.Ward != wd.ID {
				continue
			}
			p("### %s\n\n- Followers: %d", mdText(c.Name), c.Followers)
			if c.FollowersChange != nil {
				p(" (%s)", signed(float64(*c.FollowersChange)))
			}
			p("\n- Posts in the last 30 days: %d\n- Groups reached: %d directly, %d at two steps (%s of the ward's groups)\n",
				c.RecentPosts, len(c.Direct), len(c.TwoSteps), pct(c.Share))
			if r.Previous != nil {
				p("- Since the previous snapshot: %d ties gained, %d lost", c.TiesGained, c.TiesLost)
				if len(c.NewlyReached) > 0 {
					p("; newly reached: %s", mdText(joinNames(c.NewlyReached, names)))
				}
				p("\n")
			}
			for _, t := range c.Tools {
				p("- %s: %s, followers %s, %d posts in 30 days, last active %s\n", mdText(t.Platform), mdText(cmp.Or(t.Handle, t.URL, "no handle")),
					orUnknown(t.Followers), t.RecentPosts, day(t.LastActive))
			}
			for _, post := range c.TopPosts {
				p("- Post on %s, %s: %s\n", mdText(post.Platform), day(post.Published), mdText(post.Text))
			}
			for _, s := range c.Recommendations {
				p("- Next: %s\n", mdText(s))
			}
			p("\n")
		}
	}
	if len(r.Rejects) > 0 {
		p("## Rejected rows\n\n| File | Line | Problem |\n|---|---:|---|\n")
		for _, rj := range r.Rejects {
			p("| %s | %d | %s |\n", mdText(rj.File), rj.Line, mdText(rj.Msg))
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

func joinNames(ids []string, names map[string]string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = cmp.Or(names[id], id)
	}
	return strings.Join(out, ", ")
}

// names maps the ids of councillors and groups to their names.
func (r *Report) names() map[string]string {
	m := map[string]string{}
	for _, w := range r.Wards {
		if w.Name != "" {
			m[w.ID] = w.Name
		}
		for _, g := range w.Groups {
			m[g.ID] = g.Name
		}
	}
	for _, c := range r.Councillors {
		m[c.ID] = c.Name
	}
	return m
}

// PageName returns the file name of the HTML page of a ward or councillor
// ("ward" or "councillor" and the id): letters, digits and hyphens kept,
// every other byte written as _ and two hex digits, so no id can name a
// path outside the site or collide with another.
func PageName(kind, id string) string {
	var b strings.Builder
	b.WriteString(kind + "-")
	for i := 0; i < len(id); i++ {
		c := id[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "_%02x", c)
		}
	}
	return b.String() + ".html"
}

// Page is one page of the HTML site.
type Page struct {
	Name string // file name, e.g. index.html
	HTML []byte
}

//go:embed templates/*.html
var templateFS embed.FS

// pageTemplates parses the report templates on first use, not at start-up:
// every civickit command pays for a package's initialisation.
var pageTemplates = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("").Funcs(template.FuncMap{
		"day":    day,
		"pct":    pct,
		"signed": signed,
		"known":  orUnknown,
		"url":    safeURL,
		"ward":   func(id string) string { return PageName("ward", id) },
		"cllr":   func(id string) string { return PageName("councillor", id) },
		"chart":  chart,
		"score":  func(f float64) string { return fmt.Sprintf("%.0f", f) },
		"tag": func(f float64) string {
			switch {
			case f >= 66:
				return "govuk-tag--green"
			case f >= 33:
				return "govuk-tag--yellow"
			}
			return "govuk-tag--red"
		},
		"derefi": func(p *int64) int64 { return *p },
		"derefs": func(p *float64) float64 { return *p },
		"signedi": func(p *int64) string {
			return signed(float64(*p))
		},
	}).ParseFS(templateFS, "templates/*.html"))
})

type pageData struct {
	R          *Report
	Names      map[string]string
	Ward       *WardReport
	Councillor *CouncillorReport
	Title      string
}

func (d pageData) Name(id string) string { return cmp.Or(d.Names[id], id) }

var minifier = sync.OnceValue(func() *minify.M {
	m := minify.New()
	m.Add("text/html", &mhtml.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	return m
})

func (r *Report) render(name string, d pageData) ([]byte, error) {
	var b bytes.Buffer
	if err := pageTemplates().ExecuteTemplate(&b, name, d); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := minifier().Minify("text/html", &out, &b); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// HTMLPages renders the self-contained HTML site: index.html (the
// overview), a page per ward and a page per councillor. Pages link to
// each other by relative names and load nothing from elsewhere.
func (r *Report) HTMLPages() ([]Page, error) {
	names := r.names()
	var pages []Page
	b, err := r.render("index.html", pageData{R: r, Names: names, Title: "Social media audit"})
	if err != nil {
		return nil, err
	}
	pages = append(pages, Page{"index.html", b})
	for i := range r.Wards {
		w := &r.Wards[i]
		b, err := r.render("ward.html", pageData{R: r, Names: names, Ward: w, Title: w.Name})
		if err != nil {
			return nil, err
		}
		pages = append(pages, Page{PageName("ward", w.ID), b})
	}
	for i := range r.Councillors {
		c := &r.Councillors[i]
		b, err := r.render("councillor.html", pageData{R: r, Names: names, Councillor: c, Title: c.Name})
		if err != nil {
			return nil, err
		}
		pages = append(pages, Page{PageName("councillor", c.ID), b})
	}
	return pages, nil
}

// WriteHTML writes the overview page.
func (r *Report) WriteHTML(w io.Writer) error {
	b, err := r.render("index.html", pageData{R: r, Names: r.names(), Title: "Social media audit"})
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// svgChart is an inline SVG line chart of a trend.
type svgChart struct {
	Points string
	Label  string
	Dots   []struct{ X, Y float64 }
	W, H   int
}

// chart draws a trend as an inline SVG polyline, scaled to its range; a
// trend of fewer than two points draws nothing.
func chart(points []TrendPoint, what string) *svgChart {
	if len(points) < 2 {
		return nil
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, p := range points {
		lo, hi = min(lo, p.Value), max(hi, p.Value)
	}
	if hi == lo {
		hi = lo + 1
	}
	c := &svgChart{W: 320, H: 80}
	var pts []string
	for i, p := range points {
		x := 10 + 300*float64(i)/float64(len(points)-1)
		y := 70 - 60*(p.Value-lo)/(hi-lo)
		pts = append(pts, fmt.Sprintf("%.1f,%.1f", x, y))
		c.Dots = append(c.Dots, struct{ X, Y float64 }{x, y})
	}
	c.Points = strings.Join(pts, " ")
	c.Label = fmt.Sprintf("%s over %d snapshots: from %.0f on %s to %.0f on %s", what, len(points),
		points[0].Value, day(points[0].TakenAt), points[len(points)-1].Value, day(points[len(points)-1].TakenAt))
	return c
}

// WriteDiff writes what changed between the previous snapshot and this
// one, as Markdown.
func (r *Report) WriteDiff(w io.Writer) error {
	var b bytes.Buffer
	names := r.names()
	p := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	if r.Previous == nil {
		p("# Snapshot %d\n\nNo earlier snapshot to compare with.\n", r.Snapshot.ID)
		_, err := w.Write(b.Bytes())
		return err
	}
	p("# Changes from snapshot %d (%s) to snapshot %d (%s)\n\n", r.Previous.ID, day(r.Previous.TakenAt), r.Snapshot.ID, day(r.Snapshot.TakenAt))
	p("| Ward | Score | Change | Newly reached |\n|---|---:|---:|---|\n")
	for _, wd := range r.Wards {
		change := "new"
		if wd.ScoreChange != nil {
			change = signed(*wd.ScoreChange)
		}
		p("| %s | %.0f | %s | %s |\n", mdText(wd.Name), wd.Score, change, mdText(joinNames(wd.NewlyReached, names)))
	}
	p("\n| Councillor | Followers | Change | Ties gained | Ties lost | Newly reached |\n|---|---:|---:|---:|---:|---|\n")
	for _, c := range r.Councillors {
		change := "new"
		if c.FollowersChange != nil {
			change = signed(float64(*c.FollowersChange))
		}
		p("| %s | %d | %s | %d | %d | %s |\n", mdText(c.Name), c.Followers, change, c.TiesGained, c.TiesLost, mdText(joinNames(c.NewlyReached, names)))
	}
	_, err := w.Write(b.Bytes())
	return err
}
