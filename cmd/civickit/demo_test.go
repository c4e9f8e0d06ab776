package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"golang.org/x/net/html"

	"github.com/civickit/civickit/audit"
	"github.com/civickit/civickit/audit/source"
	"github.com/civickit/civickit/audit/store"
	"github.com/civickit/civickit/civic"
	"github.com/civickit/civickit/internal/sample/kirklees"
)

// TestDemoTour runs the text tour and checks it against the sample's own
// files (testdata/script/demo.txtar checks the JSON).
func TestDemoTour(t *testing.T) {
	out, errs, code := runCLI(t, "", "demo")
	if code != 0 {
		t.Fatalf("demo: exit %d: %s", code, errs)
	}
	var areas []civic.Area
	b, err := kirklees.FS.ReadFile("council/areas.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &areas); err != nil {
		t.Fatal(err)
	}
	if len(areas) == 0 {
		t.Fatal("no wards in the sample")
	}
	for _, a := range areas {
		if !strings.Contains(out, a.Name) {
			t.Errorf("the tour does not show ward %s", a.Name)
		}
	}
	decisions, err := fs.Glob(kirklees.FS, "decisions/*.json")
	if err != nil {
		t.Fatal(err)
	}
	if want := "Where the " + strconv.Itoa(len(decisions)) + " decisions are"; !strings.Contains(out, want) {
		t.Errorf("the tour does not say %q", want)
	}
	for _, part := range []string{"content standards", "Decisions and their deadlines", "Ward networks", "Personas", "Learning pilots"} {
		if !strings.Contains(out, part) {
			t.Errorf("the tour has no part %q", part)
		}
	}
}

// TestDemoSite writes the demo website and checks that every page
// parses, every internal link resolves, every page is reachable from
// the overview, the figures come from the data, and, in Chromium,
// axe-core finds nothing on a sample of pages.
func TestDemoSite(t *testing.T) {
	if testing.Short() {
		t.Skip("writes the whole demo site")
	}
	dir := t.TempDir()
	start := time.Now()
	_, errs, code := runCLI(t, "", "demo", "--out", dir)
	if code != 0 {
		t.Fatalf("demo --out: exit %d: %s", code, errs)
	}
	t.Logf("demo --out took %s", time.Since(start).Round(time.Millisecond))
	if !strings.Contains(errs, "wrote") {
		t.Errorf("no summary on standard error: %q", errs)
	}
	if strings.Contains(errs, "widgets are not in the site") {
		t.Errorf("the widgets were not built: %s", errs)
	}

	pages := map[string]*html.Node{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if filepath.ToSlash(rel) == demoWidgetsDir+"/embed.html" {
			return nil // the lines to copy into a page, not a page
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if m := rawCitizen.Find(b); m != nil {
			t.Errorf("%s: a citizen's own id %q is shown", rel, m)
		}
		if m := rawContact.Find(b); m != nil {
			t.Errorf("%s: a resident's contact details %q are shown", rel, m)
		}
		if err := wellFormed(string(b)); err != nil {
			t.Errorf("%s: %v", rel, err)
		}
		doc, err := html.Parse(strings.NewReader(string(b)))
		if err != nil {
			t.Errorf("%s: %v", rel, err)
			return nil
		}
		pages[filepath.ToSlash(rel)] = doc
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	// residents' answers reach the content page and the full audit
	for _, name := range []string{"content.html", "content-audit.html"} {
		if doc := pages[name]; doc == nil || !strings.Contains(textOf(doc), "What ") || !strings.Contains(textOf(doc), "said") {
			t.Errorf("%s: no section on what residents said", name)
		}
	}

	// links: every internal href and src names a file of the site, and
	// every fragment an id of its page
	linked := map[string][]string{}
	for name, doc := range pages {
		ids := map[string]bool{}
		var refs []string
		walk(doc, func(n *html.Node) {
			for _, a := range n.Attr {
				switch a.Key {
				case "id":
					ids[a.Val] = true
				case "href", "src":
					refs = append(refs, a.Val)
				}
			}
		})
		for _, ref := range refs {
			u, err := url.Parse(ref)
			if err != nil {
				t.Errorf("%s: bad link %q: %v", name, ref, err)
				continue
			}
			if u.Scheme != "" || u.Host != "" {
				if !slices.Contains([]string{"http", "https", "mailto", "tel"}, u.Scheme) {
					t.Errorf("%s: link %q with scheme %q", name, ref, u.Scheme)
				}
				continue
			}
			if u.Path == "" {
				if u.Fragment != "" && !ids[u.Fragment] {
					t.Errorf("%s: link %q: no such id on the page", name, ref)
				}
				continue
			}
			target := path.Join(path.Dir(name), u.Path)
			if strings.HasPrefix(target, "../") || path.IsAbs(u.Path) {
				t.Errorf("%s: link %q leaves the site", name, ref)
				continue
			}
			if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(target))); err != nil {
				t.Errorf("%s: link %q: %v", name, ref, err)
				continue
			}
			linked[name] = append(linked[name], target)
		}
	}

	// every page but the widgets' own demo page can be reached from the
	// overview
	seen := map[string]bool{"index.html": true}
	queue := []string{"index.html"}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		for _, q := range linked[p] {
			if !seen[q] && pages[q] != nil {
				seen[q] = true
				queue = append(queue, q)
			}
		}
	}
	for name := range pages {
		if !seen[name] && !strings.HasPrefix(name, demoWidgetsDir+"/") {
			t.Errorf("%s cannot be reached from index.html", name)
		}
	}

	// a page per ward, per councillor and per decision
	var areas []civic.Area
	var persons []civic.Person
	for name, v := range map[string]any{"council/areas.json": &areas, "council/persons.json": &persons} {
		b, err := kirklees.FS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatal(err)
		}
	}
	decisions, err := fs.Glob(kirklees.FS, "decisions/*.json")
	if err != nil {
		t.Fatal(err)
	}
	count := func(prefix string) int {
		n := 0
		for name := range pages {
			if strings.HasPrefix(name, prefix) {
				n++
			}
		}
		return n
	}
	if n := count("ward-"); n != len(areas) {
		t.Errorf("%d ward pages, want %d", n, len(areas))
	}
	if n := count("audit/councillor-"); n != len(persons) {
		t.Errorf("%d councillor pages, want %d", n, len(persons))
	}
	if n := count("decision-"); n != len(decisions) {
		t.Errorf("%d decision pages, want %d", n, len(decisions))
	}

	// figures on the overview come from the data: its ward, councillor,
	// content and decision counts are those of the sample's files
	items := manifestRows(t)
	index := text(pages["index.html"])
	for _, want := range []string{
		strconv.Itoa(len(areas)) + " real wards", strconv.Itoa(len(persons)) + " fictional councillors",
		strconv.Itoa(items) + " items of democratic content", strconv.Itoa(len(decisions)) + " decisions",
		"on 2 November 2026 and 1 December 2026",
	} {
		if !strings.Contains(index, want) {
			t.Errorf("the overview does not say %q", want)
		}
	}

	// the audit's ward pages show the change between the two snapshots
	ward := text(pages["audit/ward-"+areas[0].ID+".html"])
	if !strings.Contains(ward, "2 November 2026") || !strings.Contains(ward, "1 December 2026") {
		t.Errorf("the audit's page of %s does not show both snapshots", areas[0].Name)
	}

	t.Run("axe-core", func(t *testing.T) { demoAxe(t, dir) })
}

// TestDemoTemplatesNoFigures checks that the demo's templates print no
// figure of their own: outside template actions and markup, their text
// holds no digit.
func TestDemoTemplatesNoFigures(t *testing.T) {
	actions := regexp.MustCompile(`(?s)\{\{.*?\}\}`)
	tags := regexp.MustCompile(`(?s)<[^>]*>`)
	s := tags.ReplaceAllString(actions.ReplaceAllString(demoTemplateText, " "), " ")
	if i := strings.IndexAny(s, "0123456789"); i >= 0 {
		t.Errorf("a figure in the demo's templates: %q", s[max(0, i-40):min(len(s), i+40)])
	}
	// the control: a figure in text is found
	if s := tags.ReplaceAllString(actions.ReplaceAllString(`<p>{{.N}} of 23 wards</p>`, " "), " "); !strings.ContainsAny(s, "0123456789") {
		t.Error("the check misses a figure in text")
	}
}

// rawCitizen matches a citizen's id as the sample's network names them;
// every output shows citizens only under pseudonyms.
var rawCitizen = regexp.MustCompile(`\bcit-[0-9a-f]{6}\b`)

// rawContact matches the contact details the sample's residents left in
// their answers (reserved addresses and the drama telephone range), which
// every page must show redacted.
var rawContact = regexp.MustCompile(`resident\d+@example\.org|01632 960\d{3}`)

// textOf is the text of n and its descendants.
func textOf(n *html.Node) string {
	var b strings.Builder
	walk(n, func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
	})
	return b.String()
}

// manifestRows counts the content items of the sample.
func manifestRows(t *testing.T) int {
	t.Helper()
	f, err := kirklees.FS.Open("content/manifest.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return len(recs) - 1
}

// walk calls f on n and every node below it.
func walk(n *html.Node, f func(*html.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

// text is the text of a document, with runs of space made one.
func text(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	walk(n, func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
	})
	return strings.Join(strings.Fields(b.String()), " ")
}

// voidElements have no end tag; optionalEnd may leave theirs out.
var (
	voidElements = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
		"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}
	optionalEnd = map[string]bool{"p": true, "li": true, "dt": true, "dd": true, "tr": true, "td": true, "th": true,
		"thead": true, "tbody": true, "tfoot": true, "option": true, "html": true, "head": true, "body": true}
)

// wellFormed checks that a page starts with a doctype, and that its
// elements close in order: an end tag closes the innermost open element
// of its name, and only elements whose end tag may be left out are
// closed implicitly. SVG's self-closing elements count as closed.
func wellFormed(src string) error {
	z := html.NewTokenizer(strings.NewReader(src))
	var stack []string
	first := true
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if err := z.Err(); err != io.EOF {
				return err
			}
			for _, open := range stack {
				if !optionalEnd[open] {
					return errors.New("<" + open + "> is never closed")
				}
			}
			return nil
		case html.DoctypeToken:
			first = false
		case html.StartTagToken:
			if first {
				return errors.New("no doctype")
			}
			name, _ := z.TagName()
			if !voidElements[string(name)] {
				stack = append(stack, string(name))
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			i := len(stack) - 1
			for i >= 0 && stack[i] != string(name) {
				if !optionalEnd[stack[i]] {
					return errors.New("</" + string(name) + "> closes <" + stack[i] + ">")
				}
				i--
			}
			if i < 0 {
				return errors.New("</" + string(name) + "> without a start tag")
			}
			stack = stack[:i]
		case html.TextToken:
			if first && strings.TrimSpace(string(z.Text())) != "" {
				return errors.New("text before the doctype")
			}
		}
	}
}

// demoAxePages are the pages axe-core checks: one of each kind.
var demoAxePages = []string{"index.html", "wards.html", "councillors.html", "personas.html", "pilots.html", "content.html",
	"content-audit.html", "decisions.html", "widgets.html", "audit/index.html"}

// demoAxe serves the site, runs axe-core in Chromium on a sample of
// pages, and, when CIVICKIT_SCREENSHOTS names a folder, takes the
// README's screenshots.
func demoAxe(t *testing.T, dir string) {
	exe := browserPath(t)
	axe := os.Getenv("CIVICKIT_AXE")
	if axe == "" {
		if os.Getenv("CIVICKIT_REQUIRE_BROWSER") != "" {
			t.Fatal("CIVICKIT_AXE is not set: npm install axe-core in a folder and set it to node_modules/axe-core/axe.min.js")
		}
		t.Skip("set CIVICKIT_AXE to axe-core's axe.min.js (npm install axe-core) to run the accessibility checks")
	}
	src := readFile(t, axe)
	srv := httptest.NewServer(demoHandler(dir))
	t.Cleanup(srv.Close)
	ctx := browser(t, exe)
	var ward, decision, cllr string
	for _, pat := range []struct {
		glob string
		to   *string
	}{{"ward-*.html", &ward}, {"decision-*.html", &decision}, {"audit/councillor-*.html", &cllr}} {
		m, err := filepath.Glob(filepath.Join(dir, pat.glob))
		if err != nil || len(m) == 0 {
			t.Fatalf("no page %s", pat.glob)
		}
		rel, _ := filepath.Rel(dir, m[0])
		*pat.to = filepath.ToSlash(rel)
	}
	check := append(slices.Clone(demoAxePages), ward, decision, cllr)
	for _, p := range check {
		do(t, ctx, chromedp.Navigate(srv.URL+"/"+p))
		if p == "widgets.html" {
			// with the checker's results on the page
			js[string](t, ctx, scoreJS+`(document.getElementById("draft").value)`)
		}
		js[bool](t, ctx, src+";true")
		v := js[string](t, ctx, `axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] }).then((r) =>
  JSON.stringify(r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }))))`)
		if v != "[]" {
			t.Errorf("%s: axe-core violations: %s", p, v)
		}
	}
	// the widgets run on the served page
	do(t, ctx, chromedp.Navigate(srv.URL+"/widgets.html"))
	steps := poll[int](t, ctx, `(() => { const e = document.querySelector("civic-journey"); const r = e && e.shadowRoot; const s = r && r.querySelectorAll(".step-title"); return s && s.length; })()`, 30*time.Second)
	if steps == 0 {
		t.Error("the journey widget shows no steps")
	}

	shots := os.Getenv("CIVICKIT_SCREENSHOTS")
	if shots == "" {
		return
	}
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, s := range []struct{ page, file string }{
		{"index.html", "demo-overview.png"}, {ward, "demo-ward.png"}, {cllr, "demo-councillor.png"},
		{"personas.html", "demo-personas.png"}, {"content.html", "demo-content.png"}, {decision, "demo-decision.png"},
		{"widgets.html", "demo-widgets.png"},
	} {
		do(t, ctx, chromedp.EmulateViewport(1000, 750), chromedp.Navigate(srv.URL+"/"+s.page), chromedp.Sleep(300*time.Millisecond))
		if s.page == "widgets.html" {
			// the checker's results on the sample draft, in view
			js[string](t, ctx, scoreJS+`(document.getElementById("draft").value)`)
			js[bool](t, ctx, `document.getElementById("check-heading").scrollIntoView(), true`)
		}
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(shots, s.file), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestDemoAuditMatchesStore checks that the demo's audit, which keeps its
// two snapshots in memory, is the audit the store gives for the same
// registers: on the rows of a few wards, so that it stays quick under the
// race detector.
func TestDemoAuditMatchesStore(t *testing.T) {
	ctx := context.Background()
	p, err := audit.NewPseudonymizer(demoPseudonymKey)
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "audit.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	keep := map[string]bool{}
	h := audit.History{Summaries: map[int64][]audit.Summary{}}
	var data []*audit.Data
	for i, sn := range demoSnapshots {
		b, err := kirklees.FS.ReadFile(sn.File)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.SplitAfter(string(b), "\n")
		sub := lines[0]
		for _, l := range lines[1:] {
			ward, _, _ := strings.Cut(l, ",")
			if len(keep) < 3 && ward != "" {
				keep[ward] = true
			}
			if keep[ward] {
				sub += l
			}
		}
		// a row the register reader rejects, kept as the store keeps it
		sub += "E05016501,Almondbury,Bad Row,groupp,bad-row,facebook,,,,,,\n"
		taken := sn.Day.Time().Add(9 * time.Hour)
		label := "register " + sn.Day.String()
		src := func() []audit.Source {
			return []audit.Source{&source.Register{R: strings.NewReader(sub), File: path.Base(sn.File)}}
		}
		if _, err := st.Ingest(ctx, label, taken, src(), p, nil); err != nil {
			t.Fatal(err)
		}
		d, err := demoIngest(ctx, int64(i+1), label, taken, src(), p)
		if err != nil {
			t.Fatal(err)
		}
		sums, err := audit.Summarize(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		h.Snapshots = append(h.Snapshots, d.Snapshot)
		h.Summaries[d.Snapshot.ID] = sums
		data = append(data, d)
	}
	mem, err := audit.Build(ctx, data[1], data[0], h)
	if err != nil {
		t.Fatal(err)
	}
	want, err := st.Report(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if err := mem.WriteJSON(&a); err != nil {
		t.Fatal(err)
	}
	if err := want.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	if len(mem.Wards) == 0 || len(mem.Rejects) == 0 || mem.Previous == nil {
		t.Fatalf("a report without wards, rejects or a previous snapshot: %s", a.String())
	}
	if a.String() != b.String() {
		t.Errorf("the demo's audit differs from the store's:\ndemo  %.2000s\nstore %.2000s", a.String(), b.String())
	}
}
