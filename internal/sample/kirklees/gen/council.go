package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/civickit/civickit/civic/calendar"

	"github.com/civickit/civickit/civic"
)

func jsonFile(v any) ([]byte, error) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

func csvFile(rows [][]string) ([]byte, error) {
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	if err := cw.WriteAll(rows); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// councilFiles writes the Popolo files: the wards as areas, the
// councillors as persons with their accounts, their seats as posts and
// their memberships of the council.
func (w *world) councilFiles(files map[string][]byte) error {
	var areas []civic.Area
	for _, wd := range w.wards {
		areas = append(areas, civic.Area{ID: wd.GSS, Name: wd.Name, GSS: wd.GSS, Classification: "ward",
			ParentID: DistrictGSS, ValidFrom: WardsValidFrom})
	}
	var persons []civic.Person
	var posts []civic.Post
	var members []civic.Membership
	for i, c := range w.councillors {
		p := civic.Person{ID: c.ID, Name: c.Name(), Email: Slug(c.First) + "." + Slug(c.Last) + "@kirklees.example",
			Identifier: strconv.Itoa(1001 + i)}
		for _, a := range c.Accounts {
			p.Accounts = append(p.Accounts, civic.Account{Platform: a.Platform, Handle: a.Handle, URL: a.URL,
				Followers: a.Followers, OwnerID: c.ID})
		}
		persons = append(persons, p)
		wd := w.wards[c.Ward]
		post := civic.Post{ID: fmt.Sprintf("post-%s-%d", wd.GSS, c.Seat), Label: "Councillor for " + wd.Name,
			Role: "Councillor", OrganizationID: CouncilID, AreaID: wd.GSS}
		posts = append(posts, post)
		members = append(members, civic.Membership{ID: "m-" + c.ID, PersonID: c.ID, OrganizationID: CouncilID,
			PostID: post.ID, Role: "Councillor", StartDate: TermStart})
	}
	for name, v := range map[string]any{"council/areas.json": areas, "council/persons.json": persons,
		"council/posts.json": posts, "council/memberships.json": members} {
		b, err := jsonFile(v)
		if err != nil {
			return err
		}
		files[name] = b
	}
	return nil
}

// tieSet collects undirected ties once each, in the order first added.
type tieSet struct {
	seen map[[2]string]int
	rows [][]string
}

func (t *tieSet) add(a, b string, weight int, kind string) {
	if a == b {
		return
	}
	k := [2]string{a, b}
	if b < a {
		k = [2]string{b, a}
	}
	if t.seen == nil {
		t.seen = map[[2]string]int{}
	}
	if _, ok := t.seen[k]; ok {
		return
	}
	t.seen[k] = len(t.rows)
	t.rows = append(t.rows, []string{a, b, strconv.Itoa(weight), kind})
}

// networkFiles writes the borough's online network as the node and edge
// lists civic/network reads.
func (w *world) networkFiles(files map[string][]byte, r *rand.Rand) error {
	nodes := [][]string{{"id", "kind", "ward", "label"}}
	for _, c := range w.councillors {
		nodes = append(nodes, []string{c.ID, "councillor", w.wards[c.Ward].GSS, c.Label()})
	}
	var live []int // groups present in the latest snapshot
	for i, g := range w.groups {
		if g.Gone {
			continue
		}
		live = append(live, i)
		nodes = append(nodes, []string{g.ID, "group", w.wards[g.Ward].GSS, g.Name})
	}
	for _, a := range append(slices.Clone(w.council), w.partners...) {
		nodes = append(nodes, []string{a.ID, a.Kind, "", a.Label})
	}
	for _, a := range w.citizens {
		nodes = append(nodes, []string{a.ID, "citizen", w.wards[a.Ward].GSS, a.Label})
	}
	byWard := make([][]int, len(w.wards))
	for _, i := range live {
		byWard[w.groups[i].Ward] = append(byWard[w.groups[i].Ward], i)
	}
	var ts tieSet
	weight := func(mean float64) int { return max(1, min(9, int(math.Round(mean*math.Exp(r.NormFloat64()*0.5))))) }
	// Councillors: uneven reach into their ward's groups.
	for _, c := range w.councillors {
		share := [...]float64{0.01, 0.06, 0.2, 0.5}[c.Level]
		gs := byWard[c.Ward]
		for _, gi := range gs {
			if r.Float64() < share*(0.5+w.groups[gi].Vigour) {
				ts.add(c.ID, w.groups[gi].ID, weight([...]float64{1, 1.5, 2.5, 4}[c.Level]), "follows")
			}
		}
		for _, gi := range c.Committees {
			ts.add(c.ID, w.groups[gi].ID, weight(4), "member_of")
		}
		if c.Level > barely || r.Float64() < 0.3 {
			ts.add(c.ID, "council-main", 1, "follows")
		}
		if c.Level >= active {
			ts.add(c.ID, "council-democracy", 1, "follows")
		}
		// Champions reach a few groups in neighbouring wards of their region.
		if c.Level == champion {
			for _, wi := range w.regionWards(w.wards[c.Ward].Region) {
				if wi == c.Ward || len(byWard[wi]) == 0 {
					continue
				}
				gi := byWard[wi][r.IntN(len(byWard[wi]))]
				ts.add(c.ID, w.groups[gi].ID, weight(1.5), "follows")
			}
		}
	}
	// Ward colleagues work together; so do some across the borough.
	for i, a := range w.councillors {
		for _, b := range w.councillors[i+1:] {
			switch {
			case a.Ward == b.Ward && (a.Level > barely || b.Level > barely):
				ts.add(a.ID, b.ID, weight(3), "collaborates")
			case a.Ward != b.Ward && a.Level >= active && b.Level >= active && r.Float64() < 0.04:
				ts.add(a.ID, b.ID, weight(1), "follows")
			}
		}
	}
	// Groups: ties within the ward, more often within the same place.
	for wi, gs := range byWard {
		for _, gi := range gs {
			g := w.groups[gi]
			k := 2 + int(g.Vigour*5)
			for range k {
				hi := gs[r.IntN(len(gs))]
				h := w.groups[hi]
				if h.Place != g.Place && r.Float64() < 0.85 {
					continue
				}
				kind := "follows"
				if g.Type.Topic == h.Type.Topic {
					kind = "collaborates"
				}
				ts.add(g.ID, h.ID, weight(1.5), kind)
			}
			if r.Float64() < 0.2+0.5*g.Vigour {
				ts.add(g.ID, "council-main", 1, "follows")
			}
			switch g.Type.Topic {
			case "libraries":
				ts.add(g.ID, "council-libraries", 1, "follows")
			case "environment":
				if r.Float64() < 0.5 {
					ts.add(g.ID, "council-environment", 1, "follows")
				}
			case "young people":
				ts.add(g.ID, "council-youth", 1, "follows")
			}
		}
		_ = wi
	}
	// Brokers: cross-ward groups tie to groups in each ward of their
	// region; partners to groups across the borough.
	for _, g := range w.groups {
		if !g.Broker {
			continue
		}
		region := ""
		for _, b := range brokerGroups {
			if b.Name == g.Name {
				region = b.Region
			}
		}
		for _, wi := range w.regionWards(region) {
			gs := byWard[wi]
			k := 2 + r.IntN(3)
			if region == "" {
				k = 1
			}
			for range k {
				if len(gs) > 0 {
					ts.add(g.ID, w.groups[gs[r.IntN(len(gs))]].ID, weight(2), "collaborates")
				}
			}
		}
		ts.add(g.ID, "council-main", 1, "follows")
	}
	for _, p := range w.partners {
		for range 12 + r.IntN(20) {
			gi := live[r.IntN(len(live))]
			ts.add(p.ID, w.groups[gi].ID, weight(1.5), "follows")
		}
		ts.add(p.ID, "council-main", 1, "follows")
	}
	for _, a := range w.council[1:] {
		ts.add(a.ID, "council-main", 2, "collaborates")
	}
	// Citizens: members of one to three groups in their ward; one in
	// twenty also in a group elsewhere; some follow a councillor.
	cllrsByWard := make([][]*councillor, len(w.wards))
	for _, c := range w.councillors {
		cllrsByWard[c.Ward] = append(cllrsByWard[c.Ward], c)
	}
	for _, a := range w.citizens {
		gs := byWard[a.Ward]
		for range 1 + r.IntN(3) {
			ts.add(a.ID, w.groups[gs[r.IntN(len(gs))]].ID, weight(2), "member_of")
		}
		if r.Float64() < 0.05 {
			gi := live[r.IntN(len(live))]
			ts.add(a.ID, w.groups[gi].ID, weight(1), "member_of")
		}
		for _, c := range cllrsByWard[a.Ward] {
			if r.Float64() < [...]float64{0, 0.03, 0.1, 0.25}[c.Level] {
				ts.add(a.ID, c.ID, 1, "follows")
			}
		}
		if r.Float64() < 0.15 {
			ts.add(a.ID, "council-main", 1, "follows")
		}
	}
	w.registerLinks(ts.rows)
	edges := append([][]string{{"source", "target", "weight", "kind"}}, ts.rows...)
	var err error
	if files["network/nodes.csv"], err = csvFile(nodes); err != nil {
		return err
	}
	files["network/edges.csv"], err = csvFile(edges)
	return err
}

// registerLinks derives the register's links from the network's ties: a
// public actor's membership of a group, its collaboration with one, or a
// strong tie (weight 3 or more) to one; between two groups, on the first
// group's row.
func (w *world) registerLinks(rows [][]string) {
	kind := map[string]string{}
	for _, c := range w.councillors {
		kind[c.ID] = "councillor"
	}
	for _, g := range w.groups {
		kind[g.ID] = "group"
	}
	for _, a := range append(slices.Clone(w.council), w.partners...) {
		kind[a.ID] = a.Kind
	}
	w.links = map[string][]string{}
	for _, r := range rows {
		a, b, tk := r[0], r[1], r[3]
		weight, _ := strconv.Atoi(r[2])
		ka, kb := kind[a], kind[b]
		if ka == "" || kb == "" || ka != "group" && kb != "group" {
			continue // a citizen, or no group
		}
		if tk != "member_of" && tk != "collaborates" && weight < 3 {
			continue
		}
		if ka == "group" && kb != "group" {
			a, b = b, a
		}
		w.links[a] = append(w.links[a], b)
	}
}

// linksAt returns an actor's links at a snapshot. In the first, about one
// link in eight is not there yet (made during November), links to groups
// new in December are missing, and councillors still link to groups in
// their ward that closed before the second.
func (w *world) linksAt(id string, ward int, first bool) []string {
	var out []string
	for _, l := range w.links[id] {
		if first && (unit(id+"->"+l) < 0.125 || w.isNew(l)) {
			continue
		}
		out = append(out, l)
	}
	if first && strings.HasPrefix(id, "cllr-") {
		for _, g := range w.groups {
			if g.Gone && g.Ward == ward && unit(id+"->"+g.ID) < 0.5 {
				out = append(out, g.ID)
			}
		}
	}
	return out
}

// RegisterHeader is the ward register's header, the columns of the audit
// package's register source (audit/source RegisterColumns).
var RegisterHeader = []string{"ward_id", "ward_name", "name", "kind", "actor_id", "platform", "handle", "url", "followers", "members", "last_active", "links"}

// registerFiles writes the ward register as the council's officers would
// keep it, at two snapshots a month apart. Each account's numbers come
// from a hash of its actor and platform, so that the second snapshot is
// the first a month on: follower counts grow, last activity moves on (or
// stands still for a dormant account), a few groups close, a few are new
// and one councillor opens an account.
func (w *world) registerFiles(files map[string][]byte) error {
	for _, first := range []bool{true, false} {
		at := Snapshot2
		if first {
			at = Snapshot1
		}
		name := "audit/register-" + at.String() + ".csv"
		rows := [][]string{RegisterHeader}
		row := func(wardIdx int, label, kind, id string, a account, members int, monthlyGrowth float64, links []string) {
			wid, wname := "", ""
			if wardIdx >= 0 {
				wid, wname = w.wards[wardIdx].GSS, w.wards[wardIdx].Name
			}
			u := unit(id + "/" + a.Platform)
			growth := 1 + monthlyGrowth*(0.5+u)
			f := ""
			if a.Followers > 0 {
				v := a.Followers
				if first {
					v = int(float64(v) / growth)
				}
				f = strconv.Itoa(v)
			}
			m := ""
			if members > 0 {
				if first {
					members = int(float64(members) / growth)
				}
				m = strconv.Itoa(members)
			}
			last := ""
			if a.Activity > 0 {
				last = lastActive(at, a.Activity, id+"/"+a.Platform).String()
			}
			rows = append(rows, []string{wid, wname, label, kind, id, a.Platform, a.Handle, a.URL, f, m, last, strings.Join(links, ";")})
		}
		for _, c := range w.councillors {
			links := w.linksAt(c.ID, c.Ward, first)
			accs := c.Accounts
			if !first && c == w.newAccountHolder() {
				h, u := handle("bluesky", "cllr-"+Slug(c.First+" "+c.Last))
				accs = append(slices.Clone(accs), account{Platform: "bluesky", Handle: h, URL: u, Followers: 35, Activity: 6})
			}
			if len(accs) == 0 {
				row(c.Ward, c.Label(), "councillor", c.ID, account{}, 0, 0, links)
				continue
			}
			for _, a := range accs {
				row(c.Ward, c.Label(), "councillor", c.ID, a, 0, [...]float64{0, 0.005, 0.02, 0.04}[c.Level], links)
				links = nil
			}
		}
		for _, g := range w.groups {
			if first && g.New || !first && g.Gone {
				continue
			}
			members := g.Members
			links := w.linksAt(g.ID, g.Ward, first)
			for _, a := range g.Accounts {
				row(g.Ward, g.Name, "group", g.ID, a, members, 0.03*g.Vigour, links)
				members, links = 0, nil
			}
			if len(g.Accounts) == 0 {
				row(g.Ward, g.Name, "group", g.ID, account{}, g.Members, 0, links)
			}
		}
		for _, a := range append(slices.Clone(w.council), w.partners...) {
			links := w.linksAt(a.ID, -1, first)
			for _, acc := range a.Accounts {
				row(-1, a.Label, a.Kind, a.ID, acc, 0, 0.01, links)
				links = nil
			}
		}
		var err error
		if files[name], err = csvFile(rows); err != nil {
			return err
		}
	}
	return nil
}

// isNew reports whether id is a group first seen in the second snapshot.
func (w *world) isNew(id string) bool {
	if w.newIDs == nil {
		w.newIDs = map[string]bool{}
		for _, g := range w.groups {
			if g.New {
				w.newIDs[g.ID] = true
			}
		}
	}
	return w.newIDs[id]
}

// newAccountHolder is the councillor who opens a Bluesky account between
// the snapshots: the first active councillor without one.
func (w *world) newAccountHolder() *councillor {
	for _, c := range w.councillors {
		if c.Level != active {
			continue
		}
		has := false
		for _, a := range c.Accounts {
			has = has || a.Platform == "bluesky"
		}
		if !has {
			return c
		}
	}
	return nil
}

// unit maps a key to a number in [0, 1), the same on every run.
func unit(key string) float64 {
	h := fnv.New64a()
	h.Write([]byte(key))
	return float64(h.Sum64()>>11) / (1 << 53)
}

// lastActive is the day of an account's last post on or before day at,
// for an account that posts every `every` days with a phase of its own;
// one account in eight fell silent in the spring.
func lastActive(at calendar.Date, every int, key string) calendar.Date {
	stop := calendar.NewDate(2026, time.April, 1).AddDays(int(unit(key+"#stop") * 60))
	if unit(key+"#dormant") < 0.125 && stop.Before(at) {
		at = stop
	}
	phase := int(unit(key) * float64(every))
	epoch := calendar.NewDate(2026, time.January, 1)
	d := epoch.DaysUntil(at) + phase
	return at.AddDays(-(d % every))
}
