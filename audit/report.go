package audit

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Report is the social-media audit of a council at one snapshot: each
// ward's community groups and how strongly its councillors reach them,
// each councillor's tools, activity and reach, and what changed since the
// previous snapshot.
type Report struct {
	// Snapshot is the snapshot the report describes, the latest complete one.
	Snapshot SnapshotInfo `json:"snapshot"`
	// Previous is the snapshot changes are measured against; absent for the first.
	Previous *SnapshotInfo `json:"previous,omitempty"`
	// Overview sums the council as a whole.
	Overview Overview `json:"overview"`
	// Wards has one report per ward, by ward id.
	Wards []WardReport `json:"wards"`
	// Councillors has one report per councillor, by ward then name.
	Councillors []CouncillorReport `json:"councillors"`
	// Rejects lists the first input rows the ingest could not use, with their positions.
	Rejects []RejectInfo `json:"rejects"`
	// ContentPage, when set, is the relative address of the content
	// audit's page in the same HTML site; every page links to it. It is
	// not part of the JSON.
	ContentPage string `json:"-"`
}

// SnapshotInfo describes a snapshot.
type SnapshotInfo struct {
	// ID is the snapshot's number in the store, rising with each ingest.
	ID int64 `json:"id"`
	// TakenAt is when the ingest ran.
	TakenAt time.Time `json:"taken_at"`
	// Label is the ingest's label, if any.
	Label string `json:"label,omitempty"`
	// Sources names each source the ingest read, such as register:wards.csv.
	Sources []string `json:"sources"`
	// Read counts the records and rows read; it equals Stored plus Rejected.
	Read int64 `json:"read"`
	// Stored counts the records stored.
	Stored int64 `json:"stored"`
	// Rejected counts the rows rejected.
	Rejected int64 `json:"rejected"`
}

// Overview sums the council.
type Overview struct {
	// Wards counts the wards with councillors or community groups.
	Wards int `json:"wards"`
	// Councillors counts the councillors.
	Councillors int `json:"councillors"`
	// Groups counts the community groups.
	Groups int `json:"groups"`
	// GroupsReached counts the groups some councillor of their ward reaches within two steps.
	GroupsReached int `json:"groups_reached"`
	// MeanScore is the mean of the wards' connectivity scores (0 to 100).
	MeanScore float64 `json:"mean_score"`
	// Platforms says which platforms councillors and groups use, most used first.
	Platforms []PlatformUse `json:"platforms"`
	// Recommendations are the council-wide next steps, in plain English.
	Recommendations []string `json:"recommendations"`
	// Personas is the councillors' stage mix and learning needs from the digital-skills survey, when one was given; every figure rests on at least its min_size respondents.
	Personas *PersonaMix `json:"personas,omitempty"`
}

// PlatformUse is how many councillors and groups use one platform.
type PlatformUse struct {
	// Platform is the platform's name, such as facebook or mastodon.
	Platform string `json:"platform"`
	// Councillors counts the councillors with an account there.
	Councillors int `json:"councillors"`
	// Groups counts the community groups with an account there.
	Groups int `json:"groups"`
	// Posts counts the posts read from the platform in this snapshot.
	Posts int64 `json:"posts"`
}

// WardReport is the audit of one ward.
type WardReport struct {
	// ID is the ward's id, such as a GSS code.
	ID string `json:"id"`
	// Name is the ward's name.
	Name string `json:"name"`
	// Score is the connectivity score from 0 to 100: the mean over the ward's groups of 1 when a councillor ties to the group directly, 0.5 at two steps, 0 otherwise.
	Score float64 `json:"score"`
	// ScoreChange is the change in Score since the previous snapshot; absent when the ward is new.
	ScoreChange *float64 `json:"score_change,omitempty"`
	// Councillors lists the ward's councillors' ids.
	Councillors []string `json:"councillors"`
	// Groups reports each of the ward's community groups.
	Groups []GroupReport `json:"groups"`
	// Unreached lists the ids of groups no councillor reaches within two steps.
	Unreached []string `json:"unreached"`
	// NewlyReached lists the ids of groups reached now and not at the previous snapshot.
	NewlyReached []string `json:"newly_reached"`
	// Recommendations are the ward's next steps, in plain English.
	Recommendations []string `json:"recommendations"`
	// Trend is the ward's score at each snapshot, oldest first.
	Trend []TrendPoint `json:"trend"`
	// Communities are the communities of the ward's network (its councillors, its groups, everyone tied to them) that hold one of its groups or councillors, found by the Louvain method, largest first.
	Communities []CommunityReport `json:"communities,omitempty"`
	// Modularity is the modularity of the ward's partition into communities (up to 1; higher is more clearly split); absent when the ward has no network.
	Modularity *float64 `json:"modularity,omitempty"`
}

// GroupReport is one community group of a ward.
type GroupReport struct {
	// ID is the group's actor id.
	ID string `json:"id"`
	// Name is the group's name.
	Name string `json:"name"`
	// Platforms lists the platforms the group uses.
	Platforms []string `json:"platforms"`
	// Members is the group's membership where known.
	Members *int64 `json:"members,omitempty"`
	// Followers sums the followers of the group's accounts where known.
	Followers *int64 `json:"followers,omitempty"`
	// LastActive is the group's latest post or activity where known.
	LastActive time.Time `json:"last_active,omitzero"`
	// RecentPosts counts the group's posts in the 30 days before the snapshot.
	RecentPosts int64 `json:"recent_posts"`
	// Direct lists the councillors tied to the group directly.
	Direct []string `json:"direct"`
	// TwoSteps lists the councillors who reach the group at two steps only.
	TwoSteps []string `json:"two_steps"`
}

// CouncillorReport is the audit of one councillor.
type CouncillorReport struct {
	// ID is the councillor's actor id.
	ID string `json:"id"`
	// Name is the councillor's name.
	Name string `json:"name"`
	// Ward is the id of the ward the councillor represents.
	Ward string `json:"ward"`
	// Tools reports each account the councillor uses.
	Tools []Tool `json:"tools"`
	// Followers sums the followers of the councillor's accounts where known.
	Followers int64 `json:"followers"`
	// FollowersChange is the change in Followers since the previous snapshot; absent for a new councillor.
	FollowersChange *int64 `json:"followers_change,omitempty"`
	// RecentPosts counts the councillor's posts in the 30 days before the snapshot.
	RecentPosts int64 `json:"recent_posts"`
	// Reach sums the people reached by the councillor's posts where the platform reports it.
	Reach int64 `json:"reach"`
	// Engagements sums the reactions, replies, shares and clicks on the councillor's posts.
	Engagements int64 `json:"engagements"`
	// Direct lists the ward's groups the councillor is tied to directly.
	Direct []string `json:"direct"`
	// TwoSteps lists the ward's groups the councillor reaches at exactly two steps.
	TwoSteps []string `json:"two_steps"`
	// Share is the share of the ward's groups reached within two steps, from 0 to 1.
	Share float64 `json:"share"`
	// Brokers are up to three actors linking groups the councillor does not reach.
	Brokers []BrokerReport `json:"brokers"`
	// TiesGained counts ties the councillor has now and did not have at the previous snapshot.
	TiesGained int `json:"ties_gained"`
	// TiesLost counts ties the councillor had at the previous snapshot and has no more.
	TiesLost int `json:"ties_lost"`
	// NewlyReached lists groups reached now and not at the previous snapshot.
	NewlyReached []string `json:"newly_reached"`
	// TopPosts are the councillor's most engaging posts, at most three.
	TopPosts []PostReport `json:"top_posts"`
	// Recommendations are the councillor's next steps, in plain English.
	Recommendations []string `json:"recommendations"`
	// Trend is the councillor's followers at each snapshot, oldest first.
	Trend []TrendPoint `json:"trend"`
}

// Tool is one account of a councillor.
type Tool struct {
	// Platform is the platform, such as facebook, x, mastodon or bluesky.
	Platform string `json:"platform"`
	// Handle is the account's handle, if any.
	Handle string `json:"handle,omitempty"`
	// URL is the account's address, if any (http or https only).
	URL string `json:"url,omitempty"`
	// Followers is the account's followers where known.
	Followers *int64 `json:"followers,omitempty"`
	// Posts counts the account's posts read in this snapshot.
	Posts int64 `json:"posts"`
	// RecentPosts counts the posts in the 30 days before the snapshot.
	RecentPosts int64 `json:"recent_posts"`
	// LastActive is the latest post or activity where known.
	LastActive time.Time `json:"last_active,omitzero"`
}

// BrokerReport is an actor that links groups someone does not reach yet.
type BrokerReport struct {
	// ID is the broker's actor id; a citizen's is a pseudonym.
	ID string `json:"id"`
	// Name is the broker's name; a citizen's is "Resident" and a pseudonym.
	Name string `json:"name"`
	// Kind is the broker's kind: councillor, group, council_account, partner or citizen.
	Kind string `json:"kind"`
	// Links lists the ids of the unreached groups the broker ties to.
	Links []string `json:"links"`
}

// PostReport is one post.
type PostReport struct {
	// Platform is where it was posted.
	Platform string `json:"platform"`
	// URL is the post's address, if any (http or https only).
	URL string `json:"url,omitempty"`
	// Text is the post's text, as plain text.
	Text string `json:"text"`
	// Published is when it was posted.
	Published time.Time `json:"published,omitzero"`
	// Engagements counts reactions, replies, shares and clicks where known.
	Engagements *int64 `json:"engagements,omitempty"`
	// Reach counts the people reached where the platform reports it.
	Reach *int64 `json:"reach,omitempty"`
}

// TrendPoint is one value at one snapshot.
type TrendPoint struct {
	// Snapshot is the snapshot's id.
	Snapshot int64 `json:"snapshot"`
	// TakenAt is when the snapshot was taken.
	TakenAt time.Time `json:"taken_at"`
	// Value is the value then.
	Value float64 `json:"value"`
}

// RejectInfo is an input row the ingest could not use.
type RejectInfo struct {
	// File names the input.
	File string `json:"file"`
	// Line is the row's line in the file.
	Line int `json:"line"`
	// Msg says what is wrong.
	Msg string `json:"msg"`
}

// History is what the report needs of earlier snapshots: each snapshot and
// its stored summaries, oldest first.
type History struct {
	Snapshots []Snapshot
	Summaries map[int64][]Summary
}

func known(n int64) *int64 {
	if n < 0 {
		return nil
	}
	return &n
}

func info(s Snapshot) SnapshotInfo {
	return SnapshotInfo{ID: s.ID, TakenAt: s.TakenAt, Label: s.Label, Sources: nonNil(s.Sources), Read: s.Read, Stored: s.Stored, Rejected: s.Rejected}
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// analysis is the connectivity picture of one snapshot.
type analysis struct {
	data   *Data
	actors map[string]Actor
	views  map[string]*wardView
	wards  []Ward
	// neighbours of each councillor: "kind platform direction other" keys.
	ties map[string]map[string]bool
	g    *graph
}

// analyze computes every ward's view of a snapshot.
func analyze(ctx context.Context, d *Data) (*analysis, error) {
	a := &analysis{data: d, views: map[string]*wardView{}}
	a.actors, a.ties = councillorTies(d)
	g, err := newGraph(ctx, d.Actors, d.Ties)
	if err != nil {
		return nil, err
	}
	a.g = g
	seen := map[string]bool{}
	for _, w := range d.Wards {
		seen[w.ID] = true
		a.wards = append(a.wards, w)
	}
	for _, act := range d.Actors {
		if act.Ward != "" && !seen[act.Ward] && (act.Kind == KindCouncillor || act.Kind == KindGroup) {
			seen[act.Ward] = true
			a.wards = append(a.wards, Ward{ID: act.Ward})
		}
	}
	slices.SortFunc(a.wards, func(x, y Ward) int { return cmp.Compare(x.ID, y.ID) })
	for _, w := range a.wards {
		v, err := g.view(ctx, w.ID)
		if err != nil {
			return nil, err
		}
		if v != nil {
			a.views[w.ID] = v
		}
	}
	return a, nil
}

// prevState is what a report needs of the previous snapshot.
type prevState struct {
	actors      map[string]Actor
	ties        map[string]map[string]bool // councillor → tie keys
	wardScore   map[string]float64
	wardReached map[string]map[string]bool // ward → groups reached by a councillor
	reached     map[string]map[string]bool // councillor → groups reached
}

// previous reads the previous snapshot's state: from its stored
// summaries when there are some (its data then need only the councillors'
// own ties), or else by analysing it again.
func previous(ctx context.Context, d *Data, sums []Summary) (*prevState, error) {
	p := &prevState{wardScore: map[string]float64{}, wardReached: map[string]map[string]bool{}, reached: map[string]map[string]bool{}}
	if len(sums) == 0 {
		a, err := analyze(ctx, d)
		if err != nil {
			return nil, err
		}
		p.actors, p.ties = a.actors, a.ties
		for id, v := range a.views {
			p.wardScore[id] = v.Score
			for _, c := range v.Councillors {
				sums = append(sums, Summary{Scope: "councillor", ID: c.ID, Ward: id, Detail: append(append([]string(nil), c.Reached1...), c.Reached2...)})
			}
		}
	} else {
		p.actors, p.ties = councillorTies(d)
		for _, sm := range sums {
			if sm.Scope == "ward" {
				p.wardScore[sm.ID] = sm.Score
			}
		}
	}
	for _, sm := range sums {
		if sm.Scope != "councillor" {
			continue
		}
		r := map[string]bool{}
		for _, g := range sm.Detail {
			r[g] = true
			if p.wardReached[sm.Ward] == nil {
				p.wardReached[sm.Ward] = map[string]bool{}
			}
			p.wardReached[sm.Ward][g] = true
		}
		p.reached[sm.ID] = r
	}
	return p, nil
}

// councillorTies indexes the actors and each councillor's ties.
func councillorTies(d *Data) (map[string]Actor, map[string]map[string]bool) {
	actors := make(map[string]Actor, len(d.Actors))
	ties := map[string]map[string]bool{}
	for _, act := range d.Actors {
		actors[act.ID] = act
		if act.Kind == KindCouncillor {
			ties[act.ID] = map[string]bool{}
		}
	}
	for _, t := range d.Ties {
		if m, ok := ties[t.Source]; ok {
			m[t.Kind+" "+t.Platform+" > "+t.Target] = true
		}
		if m, ok := ties[t.Target]; ok {
			m[t.Kind+" "+t.Platform+" < "+t.Source] = true
		}
	}
	return actors, ties
}

// Build makes the report of cur, comparing it with prev (nil for the
// first snapshot) and drawing trends from h.
func Build(ctx context.Context, cur, prev *Data, h History) (*Report, error) {
	a, err := analyze(ctx, cur)
	if err != nil {
		return nil, err
	}
	var p *prevState
	if prev != nil {
		if p, err = previous(ctx, prev, h.Summaries[prev.Snapshot.ID]); err != nil {
			return nil, err
		}
	}
	r := &Report{Snapshot: info(cur.Snapshot), Wards: []WardReport{}, Councillors: []CouncillorReport{}, Rejects: []RejectInfo{}}
	if prev != nil {
		pi := info(prev.Snapshot)
		r.Previous = &pi
	}
	for _, rj := range cur.Rejects {
		r.Rejects = append(r.Rejects, RejectInfo(rj))
	}
	accounts := map[string][]Account{}
	for _, acc := range mergeAccounts(cur.Accounts) {
		accounts[acc.Actor] = append(accounts[acc.Actor], acc)
	}
	activity := map[string][]Activity{}
	for _, ac := range cur.Activity {
		activity[ac.Actor] = append(activity[ac.Actor], ac)
	}
	trend := trends(h)
	name := func(id string) string {
		if act, ok := a.actors[id]; ok && act.Label != "" {
			return act.Label
		}
		return id
	}
	platforms := map[string]*PlatformUse{}
	use := func(p string) *PlatformUse {
		if platforms[p] == nil {
			platforms[p] = &PlatformUse{Platform: p}
		}
		return platforms[p]
	}
	for _, ac := range cur.Activity {
		use(ac.Platform).Posts += ac.Posts
	}
	comms, err := a.g.communities(ctx)
	if err != nil {
		return nil, err
	}
	now := cur.Snapshot.TakenAt
	scoreSum := 0.0
	for _, w := range a.wards {
		v := a.views[w.ID]
		if v == nil {
			continue
		}
		wr := WardReport{ID: w.ID, Name: cmp.Or(w.Name, w.ID), Score: v.Score, Councillors: []string{}, Groups: []GroupReport{},
			Unreached: nonNil(v.Unreached), NewlyReached: []string{},
			Recommendations: append([]string{}, v.Advice...), Trend: nonNil(trend["ward "+w.ID])}
		scoreSum += v.Score
		if wc := comms[w.ID]; len(wc.list) > 0 {
			mod := wc.modularity
			wr.Communities, wr.Modularity = wc.list, &mod
			wr.Recommendations = append(wr.Recommendations, communityAdvice(wc.list, name)...)
		}
		if p != nil {
			if ps, ok := p.wardScore[w.ID]; ok {
				d := v.Score - ps
				wr.ScoreChange = &d
			}
		}
		direct, two := map[string][]string{}, map[string][]string{}
		for _, c := range v.Councillors {
			for _, g := range c.Reached1 {
				direct[g] = append(direct[g], c.ID)
			}
			for _, g := range c.Reached2 {
				two[g] = append(two[g], c.ID)
			}
		}
		prevReached := map[string]bool{}
		if p != nil {
			prevReached = p.wardReached[w.ID]
		}
		for _, g := range v.Groups {
			gr := GroupReport{ID: g, Name: name(g), Platforms: []string{}, Direct: nonNil(direct[g]), TwoSteps: nonNil(two[g])}
			var members, followers int64 = -1, -1
			for _, acc := range accounts[g] {
				if !slices.Contains(gr.Platforms, acc.Platform) && acc.Platform != "none" {
					gr.Platforms = append(gr.Platforms, acc.Platform)
					use(acc.Platform).Groups++
				}
				members = max(members, acc.Members)
				if acc.Followers >= 0 {
					followers = max(followers, 0) + acc.Followers
				}
				if acc.LastActive.After(gr.LastActive) {
					gr.LastActive = acc.LastActive
				}
			}
			for _, ac := range activity[g] {
				gr.RecentPosts += ac.Recent
				if ac.Last.After(gr.LastActive) {
					gr.LastActive = ac.Last
				}
			}
			gr.Members, gr.Followers = known(members), known(followers)
			if (len(direct[g]) > 0 || len(two[g]) > 0) && p != nil && !prevReached[g] {
				wr.NewlyReached = append(wr.NewlyReached, g)
			}
			if !gr.LastActive.IsZero() && now.Sub(gr.LastActive) > 90*24*time.Hour {
				wr.Recommendations = append(wr.Recommendations, fmt.Sprintf("%s has not been active online since %s: check it still meets, and whether it has moved to another platform.", gr.Name, gr.LastActive.Format("2 January 2006")))
			}
			wr.Groups = append(wr.Groups, gr)
			if len(direct[g]) > 0 || len(two[g]) > 0 {
				r.Overview.GroupsReached++
			}
		}
		r.Overview.Groups += len(v.Groups)
		for _, c := range v.Councillors {
			wr.Councillors = append(wr.Councillors, c.ID)
			cr := CouncillorReport{ID: c.ID, Name: name(c.ID), Ward: w.ID, Tools: []Tool{}, Direct: nonNil(c.Reached1), TwoSteps: nonNil(c.Reached2),
				Share: c.Share, Brokers: []BrokerReport{}, NewlyReached: []string{}, TopPosts: []PostReport{}, Recommendations: []string{},
				Trend: nonNil(trend["councillor "+c.ID])}
			for _, b := range c.Brokers {
				cr.Brokers = append(cr.Brokers, BrokerReport{ID: b.ID, Name: name(b.ID), Kind: a.actors[b.ID].Kind, Links: nonNil(b.Links)})
			}
			byPlatform := map[string]Activity{}
			for _, ac := range activity[c.ID] {
				byPlatform[ac.Platform] = ac
				cr.RecentPosts += ac.Recent
				cr.Reach += ac.Reach
				cr.Engagements += ac.Engagements
			}
			counted := map[string]bool{}
			for _, acc := range accounts[c.ID] {
				if acc.Platform == "none" {
					continue
				}
				ac := byPlatform[acc.Platform]
				t := Tool{Platform: acc.Platform, Handle: acc.Handle, URL: acc.URL, Followers: known(acc.Followers), LastActive: acc.LastActive}
				if !counted[acc.Platform] {
					counted[acc.Platform] = true
					t.Posts, t.RecentPosts = ac.Posts, ac.Recent
					if ac.Last.After(t.LastActive) {
						t.LastActive = ac.Last
					}
					use(acc.Platform).Councillors++
				}
				cr.Followers += max(acc.Followers, 0)
				cr.Tools = append(cr.Tools, t)
			}
			for plat, ac := range byPlatform {
				if !counted[plat] {
					cr.Tools = append(cr.Tools, Tool{Platform: plat, Posts: ac.Posts, RecentPosts: ac.Recent, LastActive: ac.Last})
					use(plat).Councillors++
				}
			}
			slices.SortFunc(cr.Tools, func(x, y Tool) int { return cmp.Compare(x.Platform, y.Platform) })
			for _, it := range cur.TopItems[c.ID] {
				cr.TopPosts = append(cr.TopPosts, PostReport{Platform: it.Platform, URL: it.URL, Text: it.Text, Published: it.Published,
					Engagements: known(it.Engagements), Reach: known(it.Reach)})
			}
			if p != nil {
				if _, was := p.actors[c.ID]; was {
					var before int64
					for _, acc := range mergeAccounts(prev.Accounts) {
						if acc.Actor == c.ID {
							before += max(acc.Followers, 0)
						}
					}
					d := cr.Followers - before
					cr.FollowersChange = &d
					old := p.ties[c.ID]
					for k := range a.ties[c.ID] {
						if !old[k] {
							cr.TiesGained++
						}
					}
					for k := range old {
						if !a.ties[c.ID][k] {
							cr.TiesLost++
						}
					}
					pr := p.reached[c.ID]
					for _, g := range append(append([]string(nil), c.Reached1...), c.Reached2...) {
						if !pr[g] {
							cr.NewlyReached = append(cr.NewlyReached, g)
						}
					}
				}
			}
			cr.Recommendations = councillorAdvice(cr, name, now)
			r.Councillors = append(r.Councillors, cr)
		}
		r.Wards = append(r.Wards, wr)
	}
	r.Overview.Wards = len(r.Wards)
	r.Overview.Councillors = len(r.Councillors)
	if len(r.Wards) > 0 {
		r.Overview.MeanScore = scoreSum / float64(len(r.Wards))
	}
	r.Overview.Platforms = []PlatformUse{}
	for _, pu := range platforms {
		r.Overview.Platforms = append(r.Overview.Platforms, *pu)
	}
	slices.SortFunc(r.Overview.Platforms, func(x, y PlatformUse) int {
		return cmp.Or(cmp.Compare(y.Councillors+y.Groups, x.Councillors+x.Groups), cmp.Compare(x.Platform, y.Platform))
	})
	r.Overview.Recommendations = overviewAdvice(r)
	return r, nil
}

func councillorAdvice(cr CouncillorReport, name func(string) string, now time.Time) []string {
	var out []string
	if len(cr.Tools) == 0 {
		out = append(out, fmt.Sprintf("%s has no social media account on record: add their accounts to the ward register, or agree one channel to start with.", cr.Name))
	}
	for _, t := range cr.Tools {
		if !t.LastActive.IsZero() && now.Sub(t.LastActive) > 30*24*time.Hour {
			out = append(out, fmt.Sprintf("%s has not posted on %s since %s: post at least weekly, or close the account and say where to find them instead.", cr.Name, t.Platform, t.LastActive.Format("2 January 2006")))
		}
	}
	if len(cr.Brokers) > 0 {
		b := cr.Brokers[0]
		names := make([]string, len(b.Links))
		for i, l := range b.Links {
			names[i] = name(l)
		}
		out = append(out, fmt.Sprintf("%s could reach %s through %s.", cr.Name, strings.Join(names, ", "), b.Name))
	}
	if cr.Share == 0 && len(cr.Direct) == 0 {
		out = append(out, fmt.Sprintf("%s is not connected to any of the ward's community groups: follow them, and ask to attend a meeting.", cr.Name))
	}
	if cr.TiesLost > cr.TiesGained && cr.TiesLost > 0 {
		out = append(out, fmt.Sprintf("%s lost %d ties and gained %d since the previous snapshot.", cr.Name, cr.TiesLost, cr.TiesGained))
	}
	if out == nil {
		out = []string{}
	}
	return out
}

func overviewAdvice(r *Report) []string {
	out := []string{}
	if r.Overview.Groups > 0 {
		un := r.Overview.Groups - r.Overview.GroupsReached
		if un > 0 {
			out = append(out, fmt.Sprintf("%d of %d community groups are not reached by any of their ward's councillors: see each ward's page for who could introduce them.", un, r.Overview.Groups))
		}
	}
	silent := 0
	for _, c := range r.Councillors {
		if c.RecentPosts == 0 {
			silent++
		}
	}
	if silent > 0 {
		out = append(out, fmt.Sprintf("%d of %d councillors posted nothing in the last 30 days that the audit could read.", silent, len(r.Councillors)))
	}
	if r.Snapshot.Rejected > 0 {
		out = append(out, fmt.Sprintf("%d input rows were rejected: fix them at the source (listed at the end) so the next audit counts them.", r.Snapshot.Rejected))
	}
	return out
}

// trends turns stored summaries into series keyed "ward ID" and
// "councillor ID".
func trends(h History) map[string][]TrendPoint {
	out := map[string][]TrendPoint{}
	for _, sn := range h.Snapshots {
		for _, sm := range h.Summaries[sn.ID] {
			v := sm.Score
			if sm.Scope == "councillor" {
				v = float64(sm.Followers)
			}
			k := sm.Scope + " " + sm.ID
			out[k] = append(out[k], TrendPoint{Snapshot: sn.ID, TakenAt: sn.TakenAt, Value: v})
		}
	}
	return out
}

// Summarize returns the summaries kept with a snapshot for trends.
func Summarize(ctx context.Context, d *Data) ([]Summary, error) {
	r, err := Build(ctx, d, nil, History{})
	if err != nil {
		return nil, err
	}
	var out []Summary
	for _, w := range r.Wards {
		reached := 0
		for _, g := range w.Groups {
			if len(g.Direct)+len(g.TwoSteps) > 0 {
				reached++
			}
		}
		out = append(out, Summary{Scope: "ward", ID: w.ID, Ward: w.ID, Score: w.Score, Reached: int64(reached), Groups: int64(len(w.Groups))})
	}
	for _, c := range r.Councillors {
		out = append(out, Summary{Scope: "councillor", ID: c.ID, Ward: c.Ward, Score: 100 * c.Share, Followers: c.Followers,
			Posts: c.RecentPosts, Reached: int64(len(c.Direct) + len(c.TwoSteps)), Detail: append(append([]string{}, c.Direct...), c.TwoSteps...)})
	}
	return out, nil
}

// mergeAccounts merges the records of one account read from several
// sources (the register's row and the platform's own figures): one
// account per actor, platform and handle (case and a leading @ ignored),
// a later source's known values over an earlier's. Accounts without a
// handle stay apart unless their addresses match.
func mergeAccounts(in []Account) []Account {
	var out []Account
	at := map[string]int{}
	for _, a := range in {
		h := strings.ToLower(strings.TrimPrefix(strings.TrimSpace(a.Handle), "@"))
		k := a.Actor + "\x00" + a.Platform + "\x00" + h
		if h == "" {
			k += "\x00" + a.URL
		}
		i, ok := at[k]
		if !ok {
			at[k] = len(out)
			out = append(out, a)
			continue
		}
		o := &out[i]
		o.Handle, o.URL = cmp.Or(a.Handle, o.Handle), cmp.Or(a.URL, o.URL)
		for _, f := range []struct {
			dst *int64
			src int64
		}{{&o.Followers, a.Followers}, {&o.Following, a.Following}, {&o.Posts, a.Posts}, {&o.Members, a.Members}} {
			if f.src >= 0 {
				*f.dst = f.src
			}
		}
		if a.LastActive.After(o.LastActive) {
			o.LastActive = a.LastActive
		}
	}
	return out
}
