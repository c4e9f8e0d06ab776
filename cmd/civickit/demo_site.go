package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"html/template"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/civickit/civickit/audit"
	"github.com/civickit/civickit/audit/content"
	"github.com/civickit/civickit/civic/journey"
	"github.com/civickit/civickit/civic/network"
	"github.com/civickit/civickit/wasm"
)

// demoWidgetsDir is the widgets' folder within the demo site.
const demoWidgetsDir = "widgets"

// runDemoSite runs every part on the sample council, writes the website
// to dir and, with serve, serves it at addr until ctx ends.
func runDemoSite(ctx context.Context, env *Env, dir string, widgets, serve bool, addr string) error {
	start := time.Now()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	// The widgets compile while the rest runs.
	type built struct {
		files []wasm.File
		err   error
	}
	wch := make(chan built, 1)
	if widgets {
		wdir := filepath.Join(dir, demoWidgetsDir)
		// A build from an earlier run goes, so that its hashed files do
		// not pile up.
		if _, err := os.Stat(filepath.Join(wdir, "civickit.js")); err == nil {
			if err := os.RemoveAll(wdir); err != nil {
				return err
			}
		}
		go func() {
			files, err := wasm.Build(ctx, wasm.BuildOptions{Out: wdir, BrotliQuality: 1})
			wch <- built{files, err}
		}()
	} else {
		wch <- built{err: errors.New("not built (--widgets=false)")}
	}
	c, err := demoLoad(ctx, true)
	if err != nil {
		return err
	}
	w := <-wch
	if w.err != nil {
		fmt.Fprintf(env.Stderr, "civickit demo: the widgets are not in the site: %v\n", w.err)
	}
	s := &demoSite{c: c, dir: dir, widgets: w.files, widgetsErr: w.err}
	n, err := s.write()
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "civickit demo: wrote %d pages to %s in %.1f s; open %s\n", n, dir,
		time.Since(start).Seconds(), filepath.Join(dir, "index.html"))
	if !serve {
		return nil
	}
	return demoServe(ctx, env, dir, addr)
}

// demoHandler serves the demo site: the widgets' folder as the widgets
// need it (wasm's MIME type, precompressed copies, their policy), the
// rest as static files, each page carrying its own policy.
func demoHandler(dir string) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/"+demoWidgetsDir+"/", wasm.Handler(dir))
	files := http.FileServer(http.Dir(dir))
	mux.Handle("/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Cache-Control", "no-cache")
		files.ServeHTTP(w, r)
	}))
	return mux
}

// demoServe serves dir at addr until ctx ends.
func demoServe(ctx context.Context, env *Env, dir, addr string) error {
	srv := &http.Server{Handler: demoHandler(dir), ReadHeaderTimeout: 10 * time.Second}
	err := serveUntilDone(ctx, env, srv, addr, "civickit demo: serving "+strings.ReplaceAll(dir, "%", "%%")+" at http://%s/ (interrupt to stop)")
	if ctx.Err() != nil {
		return nil // an interrupt ends the demo's server cleanly
	}
	return err
}

// demoSite writes the demo website.
type demoSite struct {
	c          *demoCouncil
	dir        string
	widgets    []wasm.File
	widgetsErr error
	pages      int
}

// The policies of the site's pages: no scripts but on the widgets page,
// which loads the widgets from the site itself.
const (
	demoCSP        = "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'"
	demoWidgetsCSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; style-src 'self' 'unsafe-inline'; " +
		"img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'"
)

// demoPage is what the layout needs of a page.
type demoPage struct {
	Root    string // the way back to the site's root: "" or "../"
	Style   template.CSS
	Title   string
	Section string // the navigation item to mark as current
	CSP     string
	Scripts []string
	Council string
	AsOf    string
	Body    template.HTML
}

// demoNav is the site's navigation, in order.
var demoNav = []struct{ Href, Text string }{
	{"index.html", "Overview"},
	{"wards.html", "Wards"},
	{"councillors.html", "Councillors"},
	{"audit/index.html", "Social media audit"},
	{"personas.html", "Personas"},
	{"pilots.html", "Learning pilots"},
	{"content.html", "Content"},
	{"decisions.html", "Decisions"},
	{"widgets.html", "Widgets"},
}

// write writes every page and returns how many.
func (s *demoSite) write() (int, error) {
	if err := s.file("site.css", []byte(demoCSS)); err != nil {
		return 0, err
	}
	steps := []func() error{s.index, s.wards, s.councillors, s.auditSite, s.personas, s.pilots, s.content, s.decisions, s.widgetsPage}
	for _, f := range steps {
		if err := f(); err != nil {
			return 0, err
		}
	}
	return s.pages, nil
}

// file writes one file of the site.
func (s *demoSite) file(name string, b []byte) error {
	p := filepath.Join(s.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	if strings.HasSuffix(name, ".html") {
		s.pages++
	}
	return os.WriteFile(p, b, 0o644)
}

// page renders the body template tmpl with data inside the layout and
// writes it as name.
func (s *demoSite) page(name, title, section, tmpl string, data any) error {
	var body bytes.Buffer
	if err := demoTemplates().ExecuteTemplate(&body, tmpl, data); err != nil {
		return fmt.Errorf("demo page %s: %w", name, err)
	}
	return s.layout(name, demoPage{Title: title, Section: section, Body: template.HTML(body.String())})
}

// layout writes a page whose body is already HTML.
func (s *demoSite) layout(name string, p demoPage) error {
	if p.CSP == "" {
		p.CSP = demoCSP
	}
	p.Council, p.AsOf = s.c.Name, demoAsOf.Long()
	var b bytes.Buffer
	if err := demoTemplates().ExecuteTemplate(&b, "layout", p); err != nil {
		return fmt.Errorf("demo page %s: %w", name, err)
	}
	return s.file(name, b.Bytes())
}

// spliced is the body of a standalone page written by one of
// civickit's html/template renderers, to be shown within the site's
// layout: that renderer has already escaped everything in it.
func spliced(write func(io.Writer) error) (template.HTML, error) {
	var b bytes.Buffer
	if err := write(&b); err != nil {
		return "", err
	}
	src := b.String()
	i := strings.Index(src, "<body")
	j := strings.LastIndex(src, "</body>")
	if i < 0 || j < i {
		return "", errors.New("demo: a report page without a body")
	}
	k := strings.IndexByte(src[i:], '>')
	return template.HTML(src[i+k+1 : j]), nil // #nosec: from html/template
}

// bar is one bar of a chart.
type bar struct {
	Label    string
	Value    float64
	Text     string  // the value as shown
	Prev     float64 // an earlier value, drawn as a thin bar, when HasPrev
	PrevText string
	HasPrev  bool
}

// svgBars is a horizontal bar chart drawn as inline SVG.
type svgBars struct {
	Title, Desc string
	Bars        []svgBar
	W, H        int
}

type svgBar struct {
	bar
	Y, W, PrevW, TextX float64
}

// barChart lays out bars against max (0: the largest value).
func barChart(title, desc string, bars []bar, max float64) *svgBars {
	for _, b := range bars {
		if max < b.Value {
			max = b.Value
		}
		if b.HasPrev && max < b.Prev {
			max = b.Prev
		}
	}
	if max == 0 {
		max = 1
	}
	const labelW, barW, row = 230.0, 420.0, 26.0
	c := &svgBars{Title: title, Desc: desc, W: int(labelW + barW + 90), H: int(row*float64(len(bars)) + 10)}
	for i, b := range bars {
		sb := svgBar{bar: b, Y: 5 + row*float64(i), W: barW * b.Value / max}
		if b.HasPrev {
			sb.PrevW = barW * b.Prev / max
		}
		sb.TextX = labelW + sb.W + 6
		c.Bars = append(c.Bars, sb)
	}
	return c
}

// index writes the overview.
func (s *demoSite) index() error {
	c := s.c
	var netMean float64
	for _, wv := range c.WardViews {
		netMean += wv.Score
	}
	if len(c.WardViews) > 0 {
		netMean /= float64(len(c.WardViews))
	}
	missed := 0
	for _, d := range c.Decisions {
		if d.Missed > 0 {
			missed++
		}
	}
	evidence := 0
	for _, a := range c.Pilots.Activities {
		if a.Evidence {
			evidence++
		}
	}
	var prevMean float64
	var hasPrev bool
	for _, w := range c.Audit.Wards {
		if len(w.Trend) > 1 {
			hasPrev = true
		}
	}
	if hasPrev {
		n := 0
		for _, w := range c.Audit.Wards {
			if len(w.Trend) > 1 {
				prevMean += w.Trend[len(w.Trend)-2].Value
				n++
			}
		}
		prevMean /= float64(n)
	}
	return s.page("index.html", "Overview", "index.html", "index", map[string]any{
		"C": c, "NetMean": netMean, "Missed": missed, "Evidence": evidence, "PrevMean": prevMean, "HasPrev": hasPrev,
		"Groups": c.ActorKind[network.KindGroup], "Citizens": c.ActorKind[network.KindCitizen],
		"Chart": s.wardChart(), "Widgets": len(s.widgets) > 0,
	})
}

// wardChart charts each ward's audit score now and at the snapshot
// before.
func (s *demoSite) wardChart() *svgBars {
	r := s.c.Audit
	var bars []bar
	for _, w := range r.Wards {
		b := bar{Label: w.Name, Value: w.Score, Text: fmt.Sprintf("%.0f", w.Score)}
		if n := len(w.Trend); n > 1 {
			b.Prev, b.HasPrev = w.Trend[n-2].Value, true
			b.PrevText = fmt.Sprintf("%.0f", b.Prev)
		}
		bars = append(bars, b)
	}
	desc := "Connectivity score of each ward"
	if r.Previous != nil {
		desc += fmt.Sprintf(" on %s (thick bar) and on %s (thin bar)", r.Snapshot.TakenAt.Format("2 January 2006"), r.Previous.TakenAt.Format("2 January 2006"))
	}
	return barChart("Ward connectivity scores", desc, bars, 100)
}

// demoWardRow is a ward in the wards table and page.
type demoWardRow struct {
	ID, Name, Page string
	Net            *network.WardView
	Audit          *audit.WardReport
	Councillors    []demoCllr
	Chart          *svgBars
}

type demoCllr struct {
	ID, Name, Page string
	Share          float64
}

// wards writes the wards table and a page per ward.
func (s *demoSite) wards() error {
	c := s.c
	var rows []demoWardRow
	for _, w := range c.Wards {
		row := demoWardRow{ID: w.ID, Name: w.Name, Page: audit.PageName("ward", w.ID), Net: c.wardViewOf(w.ID), Audit: c.auditWard(w.ID)}
		if row.Net == nil || row.Audit == nil {
			return fmt.Errorf("demo: ward %s missing from the network or the audit", w.ID)
		}
		var bars []bar
		for _, cv := range row.Net.Councillors {
			name := c.councillorName(cv.ID)
			row.Councillors = append(row.Councillors, demoCllr{ID: cv.ID, Name: name, Page: "audit/" + audit.PageName("councillor", cv.ID), Share: cv.Share})
			bars = append(bars, bar{Label: name, Value: 100 * cv.Share, Text: fmt.Sprintf("%.0f%%", 100*cv.Share)})
		}
		row.Chart = barChart("Groups each councillor reaches", "Share of the ward's community groups each councillor reaches within two steps", bars, 100)
		rows = append(rows, row)
	}
	for _, row := range rows {
		if err := s.page(row.Page, row.Name, "wards.html", "ward", map[string]any{"W": row, "C": c}); err != nil {
			return err
		}
	}
	return s.page("wards.html", "Wards", "wards.html", "wards", map[string]any{"Rows": rows, "C": c, "Chart": s.wardChart()})
}

// councillors writes the councillors' table; each links to the audit's
// page of the councillor.
func (s *demoSite) councillors() error {
	type row struct {
		audit.CouncillorReport
		WardName, WardPage, Page string
	}
	var rows []row
	for _, cr := range s.c.Audit.Councillors {
		rows = append(rows, row{CouncillorReport: cr, WardName: s.c.WardName[cr.Ward], WardPage: audit.PageName("ward", cr.Ward),
			Page: "audit/" + audit.PageName("councillor", cr.ID)})
	}
	return s.page("councillors.html", "Councillors", "councillors.html", "councillors", map[string]any{"Rows": rows, "C": s.c})
}

// auditSite writes the social-media audit's site under audit/: each page
// the audit renders (a page per ward and per councillor, and its
// overview), shown within the site's layout so that the site's
// navigation leads on from it.
func (s *demoSite) auditSite() error {
	for _, p := range s.c.AuditPages {
		pg, err := demoAuditPage(p.HTML)
		if err != nil {
			return fmt.Errorf("audit page %s: %w", p.Name, err)
		}
		pg.Section, pg.Root = "audit/index.html", "../"
		if err := s.layout("audit/"+p.Name, pg); err != nil {
			return err
		}
	}
	return nil
}

// demoAuditPage takes a page of the audit's HTML site apart: its title,
// its stylesheet, the content of its main element and its footer's
// note. The audit renders them with html/template, so they are already
// escaped.
func demoAuditPage(b []byte) (demoPage, error) {
	src := string(b)
	inner := func(tag string) (string, bool) {
		i := strings.Index(src, "<"+tag)
		if i < 0 {
			return "", false
		}
		k := strings.IndexByte(src[i:], '>')
		j := strings.Index(src[i:], "</"+tag+">")
		if k < 0 || j < k {
			return "", false
		}
		return src[i+k+1 : i+j], true
	}
	title, ok1 := inner("title")
	style, ok2 := inner("style")
	main, ok3 := inner("main")
	if !ok1 || !ok2 || !ok3 {
		return demoPage{}, errors.New("no title, style or main element")
	}
	foot, _ := inner("footer")
	title = html.UnescapeString(strings.TrimSuffix(title, " – social media audit"))
	body := main
	if foot != "" {
		body += `<div class="hint">` + foot + `</div>`
	}
	return demoPage{Title: title, Style: template.CSS(style), Body: template.HTML(body)}, nil // #nosec: from html/template
}

// personas writes the personas and their learning options.
func (s *demoSite) personas() error {
	body, err := spliced(s.c.Personas.WriteHTML)
	if err != nil {
		return err
	}
	return s.layout("personas.html", demoPage{Title: "Personas", Section: "personas.html", Body: body})
}

// pilots writes the pilots' evaluation.
func (s *demoSite) pilots() error {
	body, err := spliced(s.c.Pilots.WriteHTML)
	if err != nil {
		return err
	}
	return s.layout("pilots.html", demoPage{Title: "Learning pilots", Section: "pilots.html", Body: body})
}

// content writes the content overview and the full content audit.
func (s *demoSite) content() error {
	r := s.c.Content
	var bars []bar
	for _, ch := range r.ByChannel {
		bars = append(bars, bar{Label: string(ch.Channel), Value: ch.PassRate, Text: fmt.Sprintf("%.0f%% of %d", ch.PassRate, ch.Items)})
	}
	chart := barChart("Items meeting the standards, by channel", fmt.Sprintf("Share of each channel's items that reach the pass mark of %.0f", r.PassMark), bars, 100)
	var bars2 []bar
	for _, t := range r.ByType {
		bars2 = append(bars2, bar{Label: string(t.Type), Value: t.MeanScore, Text: fmt.Sprintf("%.0f", t.MeanScore)})
	}
	chart2 := barChart("Mean score by type of content", "Mean standards score of each type of content, out of 100", bars2, 100)
	gaps := map[content.CoverageStage]int{}
	for _, j := range r.Journeys {
		for _, g := range j.Gaps {
			gaps[g]++
		}
	}
	type gapRow struct {
		Stage content.CoverageStage
		N     int
	}
	var gapRows []gapRow
	for st, n := range gaps {
		gapRows = append(gapRows, gapRow{st, n})
	}
	sort.Slice(gapRows, func(i, j int) bool {
		return gapRows[i].N > gapRows[j].N || gapRows[i].N == gapRows[j].N && gapRows[i].Stage < gapRows[j].Stage
	})
	top := r.FixFirst
	if len(top) > 10 {
		top = top[:10]
	}
	var said struct{ Answers, No, Pages int }
	for _, p := range s.c.Feedback {
		said.Answers += p.Clear + p.Unclear
		said.No += p.Unclear
		said.Pages++
	}
	saidTop := r.Feedback
	if len(saidTop) > 5 {
		saidTop = saidTop[:5]
	}
	if err := s.page("content.html", "Content standards", "content.html", "content", map[string]any{
		"R": r, "Chart": chart, "Chart2": chart2, "Top": top, "Gaps": gapRows, "Decisions": s.decisionPages(),
		"Said": said, "SaidTop": saidTop,
	}); err != nil {
		return err
	}
	body, err := spliced(r.WriteHTML)
	if err != nil {
		return err
	}
	return s.layout("content-audit.html", demoPage{Title: "Democratic content audit", Section: "content.html", Body: body})
}

// decisionPages maps decision ids to their pages.
func (s *demoSite) decisionPages() map[string]string {
	m := map[string]string{}
	for _, d := range s.c.Decisions {
		m[d.D.ID] = audit.PageName("decision", d.D.ID)
	}
	return m
}

// decisions writes the decisions' table and a page per decision.
func (s *demoSite) decisions() error {
	cov := map[string]content.JourneyCoverage{}
	for _, j := range s.c.Content.Journeys {
		cov[j.DecisionID] = j
	}
	type row struct {
		demoDecision
		Page, Current string
		Coverage      *content.JourneyCoverage
		Journey       template.HTML
	}
	var rows []row
	for _, d := range s.c.Decisions {
		r := row{demoDecision: d, Page: audit.PageName("decision", d.D.ID), Current: demoCurrentTitle(&d.Summary)}
		if j, ok := cov[d.D.ID]; ok {
			r.Coverage = &j
		}
		var b bytes.Buffer
		if err := d.Summary.WriteHTML(&b); err != nil {
			return err
		}
		r.Journey = template.HTML(b.String()) // #nosec: journey.Summary.WriteHTML escapes
		rows = append(rows, r)
	}
	for _, r := range rows {
		if err := s.page(r.Page, r.D.ID+": "+r.D.Title, "decisions.html", "decision", r); err != nil {
			return err
		}
	}
	missed := 0
	for _, r := range rows {
		if r.Missed > 0 {
			missed++
		}
	}
	return s.page("decisions.html", "Decisions", "decisions.html", "decisions", map[string]any{"Rows": rows, "Missed": missed, "AsOf": demoAsOf.Long()})
}

// widgetsPage writes the widgets page: the readability checker on a
// draft, the journey widget on a few decisions, and the posts composed
// for them.
func (s *demoSite) widgetsPage() error {
	type jw struct {
		Page    string
		D       demoDecision
		Summary template.JS
	}
	var picks []jw
	seen := map[journey.StageID]bool{}
	for _, d := range s.c.Decisions {
		if len(picks) == 3 {
			break
		}
		if seen[d.Summary.Current] || d.Posts == nil || len(d.Posts.Posts) == 0 {
			continue
		}
		seen[d.Summary.Current] = true
		b, err := json.Marshal(d.Summary) // escapes <, > and &
		if err != nil {
			return err
		}
		picks = append(picks, jw{Page: audit.PageName("decision", d.D.ID), D: d, Summary: template.JS(b)})
	}
	draft := ""
	if len(s.c.Content.FixFirst) > 0 {
		draft = s.c.Content.FixFirst[0].Title
	}
	for _, f := range s.c.Content.FixFirst {
		if f.Channel == content.ChannelSocial {
			draft = demoPostText(f.URL)
			break
		}
	}
	var snippet string
	if b, err := os.ReadFile(filepath.Join(s.dir, demoWidgetsDir, "embed.html")); err == nil {
		snippet = strings.TrimSpace(string(b))
	}
	var body bytes.Buffer
	err := demoTemplates().ExecuteTemplate(&body, "widgets", map[string]any{
		"Built": len(s.widgets) > 0, "Err": s.widgetsErr, "Files": s.widgets, "Picks": picks, "Draft": draft, "Snippet": snippet,
	})
	if err != nil {
		return err
	}
	p := demoPage{Title: "Widgets", Section: "widgets.html", CSP: demoWidgetsCSP, Body: template.HTML(body.String())}
	if len(s.widgets) > 0 {
		p.Scripts = []string{demoWidgetsDir + "/civickit.js"}
	}
	return s.layout("widgets.html", p)
}

// demoPostText is the text of the content item at url, for the
// widgets' draft.
func demoPostText(url string) string {
	items, _, err := demoContentItems()
	if err != nil {
		return ""
	}
	for _, it := range items {
		if it.URL == url {
			return strings.TrimSpace(string(it.Body))
		}
	}
	return ""
}

// demoTemplates parses the demo site's templates on first use, not at
// the start of every command.
var demoTemplates = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("").Funcs(template.FuncMap{
		"nav":  func() any { return demoNav },
		"f0":   func(f float64) string { return fmt.Sprintf("%.0f", f) },
		"f1":   func(f float64) string { return fmt.Sprintf("%.1f", f) },
		"pct":  func(f float64) string { return fmt.Sprintf("%.0f%%", 100*f) },
		"pctv": func(f float64) string { return fmt.Sprintf("%.1f%%", f) },
		"day":  func(t time.Time) string { return t.Format("2 January 2006") },
		"signed": func(f float64) string {
			if f > 0 {
				return fmt.Sprintf("+%.1f", f)
			}
			return fmt.Sprintf("%.1f", f)
		},
		"derefs": func(p *float64) float64 { return *p },
		"inc":    func(i int) int { return i + 1 },
		"dpage":  func(m map[string]string, id string) string { return m[id] },
	}).Parse(demoTemplateText))
})
