package main

import (
	"bytes"
	"cmp"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/civickit/civickit/audit"
	"github.com/civickit/civickit/audit/content"
	"github.com/civickit/civickit/audit/source"
	"github.com/civickit/civickit/civic"
	"github.com/civickit/civickit/civic/calendar"
	"github.com/civickit/civickit/civic/journey"
	"github.com/civickit/civickit/civic/journey/compose"
	"github.com/civickit/civickit/civic/network"
	"github.com/civickit/civickit/internal/sample/kirklees"
	"github.com/civickit/civickit/persona"
)

// The sample council's two audit snapshots: the register has no date
// column, so the demo dates each file's snapshot from its name.
var demoSnapshots = []struct {
	File string
	Day  calendar.Date
}{
	{"audit/register-2026-11-02.csv", calendar.NewDate(2026, time.November, 2)},
	{"audit/register-2026-12-01.csv", calendar.NewDate(2026, time.December, 1)},
}

// demoAsOf is the day the sample council's data describe.
var demoAsOf = calendar.NewDate(2026, time.December, 1)

// demoPseudonymKey pseudonymises the sample's citizens in the demo's
// audit. The data are invented, so the key need not be secret; a council
// keeps its own key out of the code (see civickit audit ingest).
var demoPseudonymKey = []byte("civickit-demo-key: the sample council is fictional")

// demoCouncil is everything the demo computes from the sample council.
type demoCouncil struct {
	Name      string
	Wards     []civic.Area
	WardName  map[string]string
	Persons   []civic.Person
	PersonOf  map[string]civic.Person
	WardOf    map[string]string   // person id to ward id
	Members   map[string][]string // ward id to person ids, in file order
	Actors    int                 // actors in the network
	ActorKind map[network.ActorKind]int
	Ties      int
	WardViews []*network.WardView // by ward id

	Audit      *audit.Report // the later snapshot compared with the earlier
	AuditPages []audit.Page

	Survey   int // responses
	Personas *persona.Report
	Pilots   *persona.PilotReport

	ContentItems int
	Content      *content.Report
	// Feedback is residents' answers to "Is this page clear?".
	Feedback content.Feedback

	Decisions []demoDecision
}

// demoDecision is one decision with what the demo makes of it.
type demoDecision struct {
	File    string
	D       *journey.Decision
	Summary journey.Summary
	Checks  []journey.Check
	Missed  int
	Posts   *compose.Result
}

// demoReadJSON decodes one of the sample's JSON files.
func demoReadJSON(name string, v any) error {
	b, err := kirklees.FS.ReadFile(name)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// demoLoad runs every part of civickit on the sample council. Parts that
// do not depend on each other run at once. The social-media audit and the
// posts for every decision are made only when full is true (the site
// shows them; the text tour does not).
func demoLoad(ctx context.Context, full bool) (*demoCouncil, error) {
	c := &demoCouncil{Name: "Kirklees Council (a sample council)"}
	if err := c.loadCouncil(); err != nil {
		return nil, err
	}
	parts := []func(context.Context) error{c.loadNetwork, c.loadPersonas, c.loadDecisionsAndContent}
	if full {
		parts = append(parts, c.loadAudit)
	}
	var wg sync.WaitGroup
	errs := make([]error, len(parts))
	for i, p := range parts {
		wg.Go(func() { errs[i] = p(ctx) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if full {
		for i := range c.Decisions {
			d := &c.Decisions[i]
			r, err := compose.Compose(ctx, d.D, compose.Options{})
			if err != nil {
				return nil, fmt.Errorf("composing posts for %s: %w", d.File, err)
			}
			d.Posts = r
		}
	}
	return c, nil
}

// loadCouncil reads the wards, councillors and their seats.
func (c *demoCouncil) loadCouncil() error {
	if err := demoReadJSON("council/areas.json", &c.Wards); err != nil {
		return err
	}
	if err := demoReadJSON("council/persons.json", &c.Persons); err != nil {
		return err
	}
	var posts []civic.Post
	if err := demoReadJSON("council/posts.json", &posts); err != nil {
		return err
	}
	var mems []civic.Membership
	if err := demoReadJSON("council/memberships.json", &mems); err != nil {
		return err
	}
	sort.Slice(c.Wards, func(i, j int) bool { return c.Wards[i].Name < c.Wards[j].Name })
	c.WardName = map[string]string{}
	for _, w := range c.Wards {
		c.WardName[w.ID] = w.Name
	}
	c.PersonOf = map[string]civic.Person{}
	for _, p := range c.Persons {
		c.PersonOf[p.ID] = p
	}
	area := map[string]string{}
	for _, p := range posts {
		area[p.ID] = p.AreaID
	}
	c.WardOf, c.Members = map[string]string{}, map[string][]string{}
	for _, m := range mems {
		w := area[m.PostID]
		c.WardOf[m.PersonID] = w
		c.Members[w] = append(c.Members[w], m.PersonID)
	}
	return nil
}

// loadNetwork reads the ward network, pseudonymises its citizens and
// views every ward.
func (c *demoCouncil) loadNetwork(ctx context.Context) error {
	edges, err := kirklees.FS.ReadFile("network/edges.csv")
	if err != nil {
		return err
	}
	nodes, err := kirklees.FS.ReadFile("network/nodes.csv")
	if err != nil {
		return err
	}
	net, err := network.ReadCSV(bytes.NewReader(edges), bytes.NewReader(nodes),
		network.ReadOptions{File: "network/edges.csv", NodesFile: "network/nodes.csv"})
	if err != nil {
		return err
	}
	if net, _, err = net.Pseudonymize(nil); err != nil {
		return err
	}
	c.Actors, c.Ties = net.Len(), len(net.Ties())
	c.ActorKind = map[network.ActorKind]int{}
	for _, a := range net.Actors() {
		c.ActorKind[a.Kind]++
	}
	an := net.Analyze()
	for _, w := range c.Wards {
		wv, err := an.Ward(ctx, w.ID, network.WardOptions{})
		if err != nil {
			return err
		}
		c.WardViews = append(c.WardViews, wv)
	}
	return nil
}

// loadAudit ingests the two register snapshots, dated from their file
// names, and builds the audit of the later against the earlier. The
// snapshots are kept in memory (see demoSnapshot): the audit store adds
// nothing a demo needs, and its SQLite would take most of the demo's time.
func (c *demoCouncil) loadAudit(ctx context.Context) error {
	p, err := audit.NewPseudonymizer(demoPseudonymKey)
	if err != nil {
		return err
	}
	h := audit.History{Summaries: map[int64][]audit.Summary{}}
	var data []*audit.Data
	for i, sn := range demoSnapshots {
		b, err := kirklees.FS.ReadFile(sn.File)
		if err != nil {
			return err
		}
		src := &source.Register{R: bytes.NewReader(b), File: path.Base(sn.File)}
		d, err := demoIngest(ctx, int64(i+1), "register "+sn.Day.String(), sn.Day.Time().Add(9*time.Hour), []audit.Source{src}, p)
		if err != nil {
			return fmt.Errorf("audit ingest of %s: %w", sn.File, err)
		}
		sums, err := audit.Summarize(ctx, d)
		if err != nil {
			return err
		}
		h.Snapshots = append(h.Snapshots, d.Snapshot)
		h.Summaries[d.Snapshot.ID] = sums
		data = append(data, d)
	}
	if c.Audit, err = audit.Build(ctx, data[len(data)-1], data[len(data)-2], h); err != nil {
		return err
	}
	c.AuditPages, err = c.Audit.HTMLPages()
	return err
}

// demoIngest reads sources into a snapshot held in memory, as the audit
// store's ingest would store it.
func demoIngest(ctx context.Context, id int64, label string, taken time.Time, sources []audit.Source, p *audit.Pseudonymizer) (*audit.Data, error) {
	s := &demoSnapshot{wards: map[string]int{}, actors: map[string]int{}}
	s.d.Snapshot = audit.Snapshot{ID: id, Label: label, TakenAt: taken.UTC()}
	if err := audit.Ingest(ctx, s, sources, p); err != nil {
		return nil, err
	}
	d := &s.d
	sort.SliceStable(d.Wards, func(i, j int) bool { return d.Wards[i].ID < d.Wards[j].ID })
	sort.SliceStable(d.Actors, func(i, j int) bool { return d.Actors[i].ID < d.Actors[j].ID })
	sort.SliceStable(d.Rejects, func(i, j int) bool {
		a, b := d.Rejects[i], d.Rejects[j]
		return a.File < b.File || a.File == b.File && a.Line < b.Line
	})
	d.Rejects = d.Rejects[:min(len(d.Rejects), 100)]
	d.TopItems = map[string][]audit.Item{}
	return d, nil
}

// demoSnapshot is an [audit.SnapshotSink] in memory that keeps what the
// audit store keeps of a ward register: wards and actors merged by id as
// the store merges them, accounts and ties in order, rejected rows. A
// register has no posts, so it refuses them rather than keep them
// differently from the store.
type demoSnapshot struct {
	d      audit.Data
	wards  map[string]int
	actors map[string]int
}

// SetSource implements [audit.SnapshotSink].
func (s *demoSnapshot) SetSource(name string) {
	s.d.Snapshot.Sources = append(s.d.Snapshot.Sources, name)
}

// Ward implements [audit.Sink]: a ward named twice keeps the first
// non-empty name.
func (s *demoSnapshot) Ward(w audit.Ward) error {
	if i, ok := s.wards[w.ID]; ok {
		if s.d.Wards[i].Name == "" {
			s.d.Wards[i] = w
		}
		return nil
	}
	s.wards[w.ID] = len(s.d.Wards)
	s.d.Wards = append(s.d.Wards, w)
	return nil
}

// Actor implements [audit.Sink]: later non-empty kind, ward and label
// fill the blanks of an actor named before.
func (s *demoSnapshot) Actor(a audit.Actor) error {
	if i, ok := s.actors[a.ID]; ok {
		old := &s.d.Actors[i]
		if old.Kind == "" || old.Kind == audit.KindCitizen && a.Kind != "" {
			old.Kind = a.Kind
		}
		old.Ward, old.Label = cmp.Or(old.Ward, a.Ward), cmp.Or(old.Label, a.Label)
		return nil
	}
	s.actors[a.ID] = len(s.d.Actors)
	s.d.Actors = append(s.d.Actors, a)
	return nil
}

// Account implements [audit.Sink].
func (s *demoSnapshot) Account(a audit.Account) error {
	s.d.Snapshot.Read++
	s.d.Snapshot.Stored++
	s.d.Accounts = append(s.d.Accounts, a)
	return nil
}

// Tie implements [audit.Sink]; a tie without a usable weight weighs 1.
func (s *demoSnapshot) Tie(t audit.Tie) error {
	s.d.Snapshot.Read++
	s.d.Snapshot.Stored++
	if t.Weight == 0 || math.IsNaN(t.Weight) || math.IsInf(t.Weight, 0) {
		t.Weight = 1
	}
	s.d.Ties = append(s.d.Ties, t)
	return nil
}

// Item implements [audit.Sink]: the demo's register has no posts.
func (s *demoSnapshot) Item(audit.Item) error {
	return errors.New("demo: posts are not kept in memory; use the audit store")
}

// Reject implements [audit.Sink].
func (s *demoSnapshot) Reject(r audit.Reject) error {
	s.d.Snapshot.Read++
	s.d.Snapshot.Rejected++
	s.d.Rejects = append(s.d.Rejects, r)
	return nil
}

// loadPersonas builds personas from the survey and evaluates the pilots.
func (c *demoCouncil) loadPersonas(ctx context.Context) error {
	raw, err := kirklees.FS.ReadFile("survey/survey69.csv")
	if err != nil {
		return err
	}
	survey, err := persona.ReadSurveyCSV(bytes.NewReader(raw), persona.SurveyOptions{File: "survey69.csv"})
	if err != nil {
		return err
	}
	if c.Personas, err = persona.Build(ctx, survey, persona.Options{}); err != nil {
		return err
	}
	c.Survey = c.Personas.Respondents
	raw, err = kirklees.FS.ReadFile("survey/pilots.csv")
	if err != nil {
		return err
	}
	recs, err := persona.ReadPilots(bytes.NewReader(raw), persona.ReadOptions{File: "pilots.csv"})
	if err != nil {
		return err
	}
	c.Pilots, err = persona.EvaluatePilots(recs, persona.PilotOptions{})
	return err
}

// loadDecisionsAndContent explains and checks every decision, then
// audits the content items against the standards and the decisions'
// journeys.
func (c *demoCouncil) loadDecisionsAndContent(ctx context.Context) error {
	names, err := fs.Glob(kirklees.FS, "decisions/*.json")
	if err != nil {
		return err
	}
	sort.Strings(names)
	var decs []journey.Decision
	for _, name := range names {
		src, err := kirklees.FS.ReadFile(name)
		if err != nil {
			return err
		}
		d, err := journey.ReadDecisionJSON(bytes.NewReader(src), journey.ReadOptions{File: name})
		if err != nil {
			return err
		}
		council := d.CouncilFor()
		dd := demoDecision{File: name, D: d, Summary: d.Explain(&council), Checks: d.Check(&council, demoAsOf)}
		for _, ch := range dd.Checks {
			if ch.Status == journey.CheckMissed {
				dd.Missed++
			}
		}
		c.Decisions = append(c.Decisions, dd)
		decs = append(decs, *d)
	}
	items, views, err := demoContentItems()
	if err != nil {
		return err
	}
	c.ContentItems = len(items)
	taken := demoAsOf.Time().Add(9 * time.Hour)
	fb, err := demoFeedback()
	if err != nil {
		return err
	}
	c.Feedback = fb
	snap := content.Snapshot{ID: "1", Taken: taken, Items: items, Views: views}
	c.Content, err = content.AuditSnapshots(ctx, &content.Scorer{Feedback: fb}, &snap, nil, decs, 20)
	return err
}

// demoFeedback reads the sample's answers to "Is this page clear?", as
// "feedback serve" would have stored them, into the content audit's
// form: counts by page and what was unclear, newest first.
func demoFeedback() (content.Feedback, error) {
	data, err := kirklees.FS.ReadFile("content/feedback.csv")
	if err != nil {
		return nil, err
	}
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("content/feedback.csv: %w", err)
	}
	if len(recs) == 0 || strings.Join(recs[0], ",") != "received,page,clear,text" {
		return nil, fmt.Errorf("content/feedback.csv: want the header received,page,clear,text")
	}
	recs = recs[1:]
	// RFC 3339 times in UTC sort as text: newest first.
	sort.SliceStable(recs, func(i, j int) bool { return recs[i][0] > recs[j][0] })
	fb := content.Feedback{}
	for i, rec := range recs {
		clear, err := strconv.ParseBool(rec[2])
		if err != nil {
			return nil, fmt.Errorf("content/feedback.csv:%d: clear %q: want true or false", i+2, rec[2])
		}
		if clear {
			fb.Add(rec[1], 1, 0)
			continue
		}
		fb.Add(rec[1], 0, 1)
		fb.AddSaid(rec[1], rec[3])
	}
	return fb, nil
}

// demoChannels maps the manifest's channels to the content audit's.
var demoChannels = map[string]content.Channel{
	"website":          content.ChannelWeb,
	"democracy portal": content.ChannelModernGov,
	"email":            content.ChannelFeed,
}

// demoContentItems reads the content manifest and the items' text.
func demoContentItems() ([]content.Item, content.Views, error) {
	f, err := kirklees.FS.Open("content/manifest.csv")
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	head, err := r.Read()
	if err != nil {
		return nil, nil, err
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	for _, want := range []string{"file", "url", "channel", "format", "decision_id", "published", "views", "title"} {
		if _, ok := col[want]; !ok {
			return nil, nil, fmt.Errorf("content/manifest.csv: no %s column", want)
		}
	}
	var items []content.Item
	views := content.Views{}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, err
		}
		body, err := kirklees.FS.ReadFile("content/" + rec[col["file"]])
		if err != nil {
			return nil, nil, err
		}
		ch, ok := demoChannels[rec[col["channel"]]]
		if !ok {
			ch = content.ChannelSocial
		}
		ctype := "text/plain"
		switch rec[col["format"]] {
		case "html":
			ctype = "text/html"
		case "markdown":
			ctype = "text/markdown"
		}
		it := content.Item{URL: rec[col["url"]], Channel: ch, Title: rec[col["title"]], ContentType: ctype,
			Body: body, DecisionID: rec[col["decision_id"]]}
		if p := rec[col["published"]]; p != "" {
			it.Published = p + "T00:00:00Z"
		}
		items = append(items, it)
		n, err := strconv.ParseInt(rec[col["views"]], 10, 64)
		if err != nil {
			return nil, nil, fmt.Errorf("content/manifest.csv: views %q: %w", rec[col["views"]], err)
		}
		views.Add(it.URL, n)
	}
	return items, views, nil
}

// wardViewOf returns the network view of ward id.
func (c *demoCouncil) wardViewOf(id string) *network.WardView {
	for _, wv := range c.WardViews {
		if wv.Ward == id {
			return wv
		}
	}
	return nil
}

// auditWard returns the audit's report of ward id.
func (c *demoCouncil) auditWard(id string) *audit.WardReport {
	for i := range c.Audit.Wards {
		if c.Audit.Wards[i].ID == id {
			return &c.Audit.Wards[i]
		}
	}
	return nil
}

// councillorName is a person's name, or the id when unknown.
func (c *demoCouncil) councillorName(id string) string {
	if p, ok := c.PersonOf[id]; ok {
		return p.Name
	}
	return strings.TrimPrefix(id, "cllr-")
}
