package kirklees_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io/fs"
	"path"
	"slices"
	"strings"
	"testing"

	"github.com/civickit/civickit/civic"
	"github.com/civickit/civickit/civic/calendar"
	"github.com/civickit/civickit/civic/journey"
	"github.com/civickit/civickit/civic/network"
	"github.com/civickit/civickit/internal/sample/kirklees"
	"github.com/civickit/civickit/persona"
	"github.com/civickit/civickit/standards"
)

func read(t *testing.T, name string) []byte {
	t.Helper()
	b, err := fs.ReadFile(kirklees.FS, name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func readJSON(t *testing.T, name string, v any) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(read(t, name)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// asOf is the day the sample describes: the second audit snapshot.
var asOf = calendar.NewDate(2026, 12, 1)

func TestCouncil(t *testing.T) {
	var areas []civic.Area
	readJSON(t, "council/areas.json", &areas)
	if len(areas) != 23 {
		t.Fatalf("%d wards, want 23", len(areas))
	}
	seen := map[string]bool{}
	for _, a := range areas {
		if !civic.ValidGSS(a.GSS) || !strings.HasPrefix(a.GSS, "E050165") || a.ParentID != "E08000034" || a.Classification != "ward" || seen[a.GSS] {
			t.Errorf("bad ward %+v", a)
		}
		seen[a.GSS] = true
	}
	var persons []civic.Person
	readJSON(t, "council/persons.json", &persons)
	var posts []civic.Post
	readJSON(t, "council/posts.json", &posts)
	var members []civic.Membership
	readJSON(t, "council/memberships.json", &members)
	if len(persons) != 69 || len(posts) != 69 || len(members) != 69 {
		t.Fatalf("%d persons, %d posts, %d memberships; want 69 each", len(persons), len(posts), len(members))
	}
	perWard := map[string]int{}
	for _, p := range posts {
		perWard[p.AreaID]++
	}
	for _, a := range areas {
		if perWard[a.GSS] != 3 {
			t.Errorf("ward %s has %d seats, want 3", a.Name, perWard[a.GSS])
		}
	}
	names := map[string]bool{}
	for _, p := range persons {
		if names[p.Name] {
			t.Errorf("two councillors named %s", p.Name)
		}
		names[p.Name] = true
		if !strings.HasSuffix(p.Email, ".example") {
			t.Errorf("%s: email %s is not under an example domain", p.ID, p.Email)
		}
		for _, a := range p.Accounts {
			if !strings.Contains(a.Handle+a.URL, ".example") && !strings.Contains(a.Handle+a.URL, "example.social") {
				t.Errorf("%s: %s account %s %s is not under an example domain", p.ID, a.Platform, a.Handle, a.URL)
			}
		}
	}
}

func TestNetwork(t *testing.T) {
	net, err := network.ReadCSV(bytes.NewReader(read(t, "network/edges.csv")), bytes.NewReader(read(t, "network/nodes.csv")),
		network.ReadOptions{File: "edges.csv", NodesFile: "nodes.csv"})
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[network.ActorKind]int{}
	for _, a := range net.Actors() {
		kinds[a.Kind]++
	}
	t.Logf("actors by kind: %v; ties: %d", kinds, len(net.Ties()))
	if kinds[network.KindCouncillor] != 69 {
		t.Errorf("%d councillors, want 69", kinds[network.KindCouncillor])
	}
	if g := kinds[network.KindGroup]; g < 1400 || g > 1600 {
		t.Errorf("%d groups, want about 1,500", g)
	}
	// Councillors are connected unevenly: some champions, some barely
	// online. Some groups are brokers across three or more wards.
	actor := map[string]network.Actor{}
	for _, a := range net.Actors() {
		actor[a.ID] = a
	}
	degree := map[string]int{}
	wards := map[string]map[string]bool{}
	for _, tie := range net.Ties() {
		for _, e := range [][2]string{{tie.Source, tie.Target}, {tie.Target, tie.Source}} {
			a, b := actor[e[0]], actor[e[1]]
			if a.Kind == network.KindCouncillor && b.Kind == network.KindGroup {
				degree[a.ID]++
			}
			if a.Kind == network.KindGroup && b.Kind == network.KindGroup && b.Ward != a.Ward {
				if wards[a.ID] == nil {
					wards[a.ID] = map[string]bool{}
				}
				wards[a.ID][b.Ward] = true
			}
		}
	}
	var low, high, brokers int
	for _, a := range actor {
		if a.Kind != network.KindCouncillor {
			continue
		}
		switch d := degree[a.ID]; {
		case d <= 1:
			low++
		case d >= 20:
			high++
		}
	}
	for _, ws := range wards {
		if len(ws) >= 2 {
			brokers++
		}
	}
	t.Logf("councillors with at most one group: %d, with 20 or more: %d; groups tied into 3+ wards: %d", low, high, brokers)
	if low < 5 || high < 5 || brokers < 10 {
		t.Error("want at least five councillors barely online, five champions and ten cross-ward broker groups")
	}
}

func TestWardView(t *testing.T) {
	net, err := network.ReadCSV(bytes.NewReader(read(t, "network/edges.csv")), bytes.NewReader(read(t, "network/nodes.csv")), network.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	v, err := net.Ward(t.Context(), "E05016518", network.WardOptions{})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(v)
	if len(b) < 100 {
		t.Errorf("ward view too small: %s", b)
	}
}

func TestSurvey(t *testing.T) {
	s, err := persona.ReadSurveyCSV(bytes.NewReader(read(t, "survey/survey69.csv")), persona.SurveyOptions{File: "survey69.csv"})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Responses) != 69 {
		t.Fatalf("%d responses, want 69", len(s.Responses))
	}
	stages := map[persona.Stage]int{}
	for _, r := range s.Responses {
		var sum float64
		var n int
		for i := range persona.Tools {
			if a := r.Confidence[i]; a != persona.NoAnswer {
				sum += float64(a-1) / 4
				n++
			}
			if a := r.Use[i]; a != persona.NoAnswer {
				sum += float64(a) / 4
				n++
			}
		}
		stages[persona.StageOf(sum/float64(n))]++
	}
	t.Logf("stages: %v", stages)
	for _, st := range persona.Stages {
		if stages[st] < 8 {
			t.Errorf("only %d respondents at stage %s", stages[st], st)
		}
	}
	recs, err := persona.ReadPilots(bytes.NewReader(read(t, "survey/pilots.csv")), persona.ReadOptions{File: "pilots.csv"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := persona.EvaluatePilots(recs, persona.PilotOptions{}); err != nil {
		t.Fatal(err)
	}
}

func TestDecisions(t *testing.T) {
	names, err := fs.Glob(kirklees.FS, "decisions/*.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(names) < 35 || len(names) > 45 {
		t.Fatalf("%d decisions, want about 40", len(names))
	}
	c, err := journey.Profile("kirklees")
	if err != nil {
		t.Fatal(err)
	}
	stages := map[journey.StageID]int{}
	missed := 0
	for _, name := range names {
		d, err := journey.ReadDecisionJSON(bytes.NewReader(read(t, name)), journey.ReadOptions{File: path.Base(name)})
		if err != nil {
			t.Fatal(err)
		}
		if d.Council != "kirklees" {
			t.Errorf("%s: council %q, want kirklees", name, d.Council)
		}
		cur, _ := d.Current()
		stages[cur.Stage]++
		var late []string
		for _, ch := range d.Check(&c, asOf) {
			if ch.Status == journey.CheckMissed {
				late = append(late, ch.ID)
			}
		}
		if len(late) > 0 {
			missed++
			t.Logf("%s %s: missed %v", d.ID, d.Title, late)
		}
	}
	t.Logf("current stages: %v", stages)
	if len(stages) < 8 {
		t.Errorf("decisions stand at only %d stages", len(stages))
	}
	if missed < 5 || missed > len(names)/3 {
		t.Errorf("%d decisions missed a deadline; want a few (5 to a third)", missed)
	}
}

func TestContent(t *testing.T) {
	rows, err := csv.NewReader(bytes.NewReader(read(t, "content/manifest.csv"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"file", "url", "channel", "type", "format", "decision_id", "ward", "published", "views", "title"}
	if !slices.Equal(rows[0], want) {
		t.Fatalf("manifest header %v, want %v", rows[0], want)
	}
	rows = rows[1:]
	if len(rows) < 180 || len(rows) > 220 {
		t.Fatalf("%d content items, want about 200", len(rows))
	}
	decisions, _ := fs.Glob(kirklees.FS, "decisions/*.json")
	ids := map[string]bool{}
	for _, d := range decisions {
		ids[strings.ToUpper(strings.TrimSuffix(path.Base(d), ".json"))] = true
	}
	var c standards.Checker
	lo, hi := 100.0, 0.0
	formats := map[string]int{}
	for _, row := range rows {
		name := "content/" + row[0]
		if id := row[5]; id != "" && !ids[id] {
			t.Errorf("%s: decision %s has no journey file", row[0], id)
		}
		card, err := c.Check(name, read(t, name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if card.Format != row[4] {
			t.Errorf("%s: read as %s, manifest says %s", name, card.Format, row[4])
		}
		formats[card.Format]++
		lo, hi = min(lo, card.Score), max(hi, card.Score)
	}
	t.Logf("formats %v; scores from %.0f to %.0f", formats, lo, hi)
	if hi-lo < 25 {
		t.Errorf("scores span only %.0f to %.0f; want varied quality", lo, hi)
	}
}

func TestRegister(t *testing.T) {
	want := []string{"ward_id", "ward_name", "name", "kind", "actor_id", "platform", "handle", "url", "followers", "members", "last_active", "links"}
	names, _ := fs.Glob(kirklees.FS, "audit/register-*.csv")
	if len(names) != 2 {
		t.Fatalf("%d registers, want two snapshots", len(names))
	}
	nodes, err := csv.NewReader(bytes.NewReader(read(t, "network/nodes.csv"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, n := range nodes[1:] {
		known[n[0]] = true
	}
	groups := make([]map[string]bool, 2)
	for i, name := range names {
		rows, err := csv.NewReader(bytes.NewReader(read(t, name))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(rows[0], want) {
			t.Fatalf("%s: header %v, want %v", name, rows[0], want)
		}
		groups[i] = map[string]bool{}
		for _, r := range rows[1:] {
			switch r[3] {
			case "councillor", "group", "council_account", "partner":
			default:
				t.Fatalf("%s: kind %q", name, r[3])
			}
			if (r[3] == "councillor" || r[3] == "group") && r[0] == "" {
				t.Errorf("%s: %s without a ward", name, r[2])
			}
			if r[7] != "" && !strings.HasPrefix(r[7], "https://") {
				t.Errorf("%s: url %q", name, r[7])
			}
			if r[10] != "" {
				if _, err := calendar.ParseDate(r[10]); err != nil {
					t.Errorf("%s: last_active %q", name, r[10])
				}
			}
			if r[3] == "group" {
				groups[i][r[4]] = true
			}
			if i == 1 && !known[r[4]] {
				t.Errorf("%s: actor %s is not in the network", name, r[4])
			}
		}
	}
	closed, opened := 0, 0
	for g := range groups[0] {
		if !groups[1][g] {
			closed++
		}
	}
	for g := range groups[1] {
		if !groups[0][g] {
			opened++
		}
	}
	t.Logf("groups: %d then %d; %d closed, %d new", len(groups[0]), len(groups[1]), closed, opened)
	if closed == 0 || opened == 0 {
		t.Error("the snapshots should differ by some groups closing and opening")
	}
}
