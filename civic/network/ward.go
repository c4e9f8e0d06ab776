package network

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/civickit/civickit/internal/safe"
)

// TieSummary is one of a councillor's ties, for [CouncillorView].
type TieSummary struct {
	// ID is the actor at the other end.
	ID string `json:"id"`
	// Label is its display name.
	Label string `json:"label,omitempty"`
	// Kind is its kind.
	Kind ActorKind `json:"kind,omitempty"`
	// Weight is the strength of the tie.
	Weight float64 `json:"weight"`
}

// Broker is an actor that ties to community groups someone does not reach
// yet.
type Broker struct {
	// ID is the broker's actor id.
	ID string `json:"id"`
	// Label is its display name.
	Label string `json:"label,omitempty"`
	// Kind is its kind.
	Kind ActorKind `json:"kind,omitempty"`
	// Links are the unreached groups it ties to, in input order.
	Links []string `json:"links"`
}

// CouncillorView is a councillor's connectivity to the ward's community
// groups. Reach is measured on the undirected view.
type CouncillorView struct {
	// ID is the councillor's actor id.
	ID string `json:"id"`
	// Label is the display name.
	Label string `json:"label,omitempty"`
	// Reached1 are the ward's groups tied directly.
	Reached1 []string `json:"reached_1"`
	// Reached2 are the ward's groups reached at exactly two steps.
	Reached2 []string `json:"reached_2"`
	// Share is the share of the ward's groups reached within two steps.
	Share float64 `json:"share" jsonschema:"minimum=0,maximum=1"`
	// StrongestTies are up to five strongest ties, strongest first.
	StrongestTies []TieSummary `json:"strongest_ties"`
	// Brokers are up to three actors linking most groups the councillor
	// does not reach.
	Brokers []Broker `json:"brokers"`
}

// WardView is the network picture of one ward.
type WardView struct {
	// Ward is the ward id.
	Ward string `json:"ward"`
	// Groups are the ward's community groups.
	Groups []string `json:"groups"`
	// Councillors has one view per councillor of the ward.
	Councillors []CouncillorView `json:"councillors"`
	// Unreached lists groups no councillor of the ward reaches within two
	// steps.
	Unreached []string `json:"unreached"`
	// Communities are the Louvain communities of the whole network,
	// restricted to the ward's actors; each lists ids in input order.
	Communities [][]string `json:"communities"`
	// Score is 100 times the mean over the ward's groups of 1 when a
	// councillor ties to the group, 0.5 when one reaches it at two steps,
	// and 0 otherwise; 0 for a ward without groups.
	Score float64 `json:"score" jsonschema:"minimum=0,maximum=100"`
	// Recommendations are plain-English next steps.
	Recommendations []string `json:"recommendations"`

	// labels holds the display names of the actors the view names, for
	// WriteText.
	labels map[string]string
}

// WardOptions configures [Network.Ward]. The zero value is ready to use.
type WardOptions struct {
	// Seed seeds the Louvain communities.
	Seed uint64 `json:"seed,omitempty"`
}

// Ward returns the view of the ward with the given id: the actors whose
// Ward is id and whose kind is councillor or group. It is an error when the
// ward has neither. The network's analysis and its Louvain communities are
// computed once and shared by every ward view until the network changes;
// see [Analysis.Ward].
func (n *Network) Ward(ctx context.Context, id string, opt WardOptions) (*WardView, error) {
	return n.Analyze().Ward(ctx, id, opt)
}

// Ward returns the view of the ward with the given id as [Network.Ward]
// does. Every ward view of one analysis shares one Louvain run, the one
// [Analysis.Metrics] makes with the same seed and default trials. It
// returns ctx.Err() soon after ctx is cancelled.
func (a *Analysis) Ward(ctx context.Context, id string, opt WardOptions) (*WardView, error) {
	u := &a.g.und
	vals := a.vals
	label := func(v int32) string {
		if vals[v].Label != "" {
			return vals[v].Label
		}
		return vals[v].ID
	}
	var groups, councillors []int32
	isGroup := make([]bool, a.g.n)
	for v, act := range vals {
		if act.Ward != id {
			continue
		}
		switch k, _ := ParseActorKind(string(act.Kind)); k {
		case KindGroup:
			groups = append(groups, int32(v))
			isGroup[v] = true
		case KindCouncillor:
			councillors = append(councillors, int32(v))
		}
	}
	if len(groups) == 0 && len(councillors) == 0 {
		return nil, fmt.Errorf("civic: ward %s has no councillors or community groups", safe.Quote(id))
	}
	comm, err := a.communities(ctx, opt.Seed, a.defaultLouvainTrials(), 1)
	if err != nil {
		return nil, err
	}
	w := &WardView{Ward: id, Groups: idsOf(vals, groups), Unreached: []string{}, Recommendations: []string{}, labels: map[string]string{}}
	named := func(v int32) {
		if vals[v].Label != "" {
			w.labels[vals[v].ID] = vals[v].Label
		}
	}
	for _, v := range append(append([]int32(nil), groups...), councillors...) {
		named(v)
	}
	namedBrokers := func(bs []Broker) {
		for _, b := range bs {
			if b.Label != "" {
				w.labels[b.ID] = b.Label
			}
		}
	}
	best := make([]float64, a.g.n) // 1 direct, 0.5 two steps
	dist := make([]int8, a.g.n)
	for _, c := range councillors {
		// Reach within two steps.
		for i := range dist {
			dist[i] = -1
		}
		dist[c] = 0
		for _, x := range u.nbrs(c) {
			dist[x] = 1
		}
		for _, x := range u.nbrs(c) {
			for _, y := range u.nbrs(x) {
				if dist[y] < 0 {
					dist[y] = 2
				}
			}
		}
		cv := CouncillorView{ID: vals[c].ID, Label: vals[c].Label, Reached1: []string{}, Reached2: []string{}, Brokers: []Broker{}}
		var unreached []int32
		for _, g := range groups {
			switch dist[g] {
			case 1:
				cv.Reached1 = append(cv.Reached1, vals[g].ID)
				best[g] = 1
			case 2:
				cv.Reached2 = append(cv.Reached2, vals[g].ID)
				best[g] = max(best[g], 0.5)
			default:
				unreached = append(unreached, g)
			}
		}
		if len(groups) > 0 {
			cv.Share = float64(len(cv.Reached1)+len(cv.Reached2)) / float64(len(groups))
		}
		ties := make([]TieSummary, 0, u.off[c+1]-u.off[c])
		for i := u.off[c]; i < u.off[c+1]; i++ {
			x := u.adj[i]
			ties = append(ties, TieSummary{ID: vals[x].ID, Label: vals[x].Label, Kind: vals[x].Kind, Weight: u.weight(i)})
			named(x)
		}
		sort.SliceStable(ties, func(i, j int) bool { return ties[i].Weight > ties[j].Weight })
		cv.StrongestTies = ties[:min(5, len(ties))]
		cv.Brokers = brokers(u, vals, unreached, c, 3)
		namedBrokers(cv.Brokers)
		if len(cv.Brokers) > 0 {
			b := cv.Brokers[0]
			w.Recommendations = append(w.Recommendations, fmt.Sprintf("%s: connect with %s: it links %s you don't reach yet (%s).",
				label(c), brokerName(b), plural(len(b.Links), "group"), labelsOf(w.labels, b.Links)))
		}
		w.Councillors = append(w.Councillors, cv)
	}
	score := 0.0
	var unreached []int32
	for _, g := range groups {
		score += best[g]
		if best[g] == 0 {
			unreached = append(unreached, g)
			w.Unreached = append(w.Unreached, vals[g].ID)
		}
	}
	if len(groups) > 0 {
		w.Score = 100 * score / float64(len(groups))
	}
	// Greedy cover of the ward's unreached groups by brokers.
	left := append([]int32(nil), unreached...)
	for len(left) > 0 && len(w.Recommendations) < len(councillors)+3 {
		bs := brokers(u, vals, left, -1, 1)
		if len(bs) == 0 {
			break
		}
		b := bs[0]
		namedBrokers(bs)
		w.Recommendations = append(w.Recommendations, fmt.Sprintf("Ward: connect with %s: it links %s no councillor reaches yet (%s).",
			brokerName(b), plural(len(b.Links), "group"), labelsOf(w.labels, b.Links)))
		covered := map[string]bool{}
		for _, l := range b.Links {
			covered[l] = true
		}
		k := 0
		for _, g := range left {
			if !covered[vals[g].ID] {
				left[k] = g
				k++
			}
		}
		left = left[:k]
	}
	for _, g := range left {
		w.Recommendations = append(w.Recommendations, fmt.Sprintf("Ward: nobody in the network links to %s: contact it directly.", label(g)))
	}
	if len(councillors) == 0 {
		w.Recommendations = append(w.Recommendations, "Ward: no councillor of this ward is in the network: add their accounts.")
	}
	// Communities restricted to the ward's actors.
	byComm := map[int][]string{}
	var order []int
	for v, act := range vals {
		if k, _ := ParseActorKind(string(act.Kind)); act.Ward != id || (k != KindGroup && k != KindCouncillor) {
			continue
		}
		c := comm.Of[v]
		if _, ok := byComm[c]; !ok {
			order = append(order, c)
		}
		byComm[c] = append(byComm[c], act.ID)
	}
	w.Communities = [][]string{}
	for _, c := range order {
		w.Communities = append(w.Communities, byComm[c])
	}
	return w, nil
}

// brokers ranks actors other than skip and the targets themselves by how
// many target groups they tie to; ties in count go to the earlier actor.
// Citizens are never proposed as brokers: they are private individuals.
func brokers(u *adjacency, vals []Actor, targets []int32, skip int32, limit int) []Broker {
	links := map[int32][]int32{}
	isTarget := map[int32]bool{}
	for _, g := range targets {
		isTarget[g] = true
	}
	for _, g := range targets {
		for _, x := range u.nbrs(g) {
			if x != skip && !isTarget[x] && vals[x].Kind.Public() {
				links[x] = append(links[x], g)
			}
		}
	}
	cand := make([]int32, 0, len(links))
	for x := range links {
		cand = append(cand, x)
	}
	sort.Slice(cand, func(i, j int) bool {
		li, lj := len(links[cand[i]]), len(links[cand[j]])
		return li > lj || li == lj && cand[i] < cand[j]
	})
	out := []Broker{}
	for _, x := range cand[:min(limit, len(cand))] {
		ls := links[x]
		sort.Slice(ls, func(i, j int) bool { return ls[i] < ls[j] })
		out = append(out, Broker{ID: vals[x].ID, Label: vals[x].Label, Kind: vals[x].Kind, Links: idsOf(vals, ls)})
	}
	return out
}

func idsOf(vals []Actor, vs []int32) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = vals[v].ID
	}
	return out
}

func brokerName(b Broker) string {
	name := b.ID
	if b.Label != "" {
		name = b.Label
	}
	if b.Kind != "" {
		name += " (" + strings.ReplaceAll(string(b.Kind), "_", " ") + ")"
	}
	return name
}

func labelsOf(labels map[string]string, ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = id
		if l := labels[id]; l != "" {
			out[i] = l
		}
	}
	return strings.Join(out, ", ")
}

func plural(k int, word string) string {
	if k == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", k, word)
}
