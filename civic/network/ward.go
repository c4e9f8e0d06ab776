package network

import (
	"fmt"
	"sort"
	"strings"
)

// TieSummary is one of a councillor's ties, for [CouncillorView].
type TieSummary struct {
	ID     string    `json:"id" jsonschema:"description=The actor at the other end"`
	Label  string    `json:"label,omitempty" jsonschema:"description=Its display name"`
	Kind   ActorKind `json:"kind,omitempty" jsonschema:"description=Its kind"`
	Weight float64   `json:"weight" jsonschema:"description=Strength of the tie"`
}

// Broker is an actor that ties to community groups someone does not reach
// yet.
type Broker struct {
	ID    string    `json:"id" jsonschema:"description=The broker's actor id"`
	Label string    `json:"label,omitempty" jsonschema:"description=Its display name"`
	Kind  ActorKind `json:"kind,omitempty" jsonschema:"description=Its kind"`
	Links []string  `json:"links" jsonschema:"description=Unreached groups it ties to, in input order"`
}

// CouncillorView is a councillor's connectivity to the ward's community
// groups. Reach is measured on the undirected view.
type CouncillorView struct {
	ID            string       `json:"id" jsonschema:"description=The councillor's actor id"`
	Label         string       `json:"label,omitempty" jsonschema:"description=Display name"`
	Reached1      []string     `json:"reached_1" jsonschema:"description=Ward groups tied directly"`
	Reached2      []string     `json:"reached_2" jsonschema:"description=Ward groups reached at exactly two steps"`
	Share         float64      `json:"share" jsonschema:"description=Share of the ward's groups reached within two steps (0 to 1)"`
	StrongestTies []TieSummary `json:"strongest_ties" jsonschema:"description=Up to five strongest ties, strongest first"`
	Brokers       []Broker     `json:"brokers" jsonschema:"description=Up to three actors linking most groups the councillor does not reach"`
}

// WardView is the network picture of one ward.
type WardView struct {
	Ward        string           `json:"ward" jsonschema:"description=The ward id"`
	Groups      []string         `json:"groups" jsonschema:"description=The ward's community groups"`
	Councillors []CouncillorView `json:"councillors" jsonschema:"description=One view per councillor of the ward"`
	// Unreached lists groups no councillor of the ward reaches within two
	// steps.
	Unreached []string `json:"unreached" jsonschema:"description=Groups no councillor reaches within two steps"`
	// Communities are the Louvain communities of the whole network,
	// restricted to the ward's actors; each lists ids in input order.
	Communities [][]string `json:"communities" jsonschema:"description=Communities of the ward's actors"`
	// Score is 100 times the mean over the ward's groups of 1 when a
	// councillor ties to the group, 0.5 when one reaches it at two steps,
	// and 0 otherwise; 0 for a ward without groups.
	Score           float64  `json:"score" jsonschema:"description=Connectivity score from 0 to 100,minimum=0,maximum=100"`
	Recommendations []string `json:"recommendations" jsonschema:"description=Plain-English next steps"`
}

// WardOptions configures [Network.Ward]. The zero value is ready to use.
type WardOptions struct {
	// Seed seeds the Louvain communities.
	Seed uint64 `json:"seed,omitempty"`
}

// Ward returns the view of the ward with the given id: the actors whose
// Ward is id and whose kind is councillor or group. It is an error when the
// ward has neither.
func (n *Network) Ward(id string, opt WardOptions) (*WardView, error) {
	a := n.Analyze()
	u := &a.g.und
	vals := n.store.vals
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
		switch act.Kind {
		case KindGroup:
			groups = append(groups, int32(v))
			isGroup[v] = true
		case KindCouncillor:
			councillors = append(councillors, int32(v))
		}
	}
	if len(groups) == 0 && len(councillors) == 0 {
		return nil, fmt.Errorf("civic: ward %q has no councillors or community groups", id)
	}
	w := &WardView{Ward: id, Groups: idsOf(vals, groups), Unreached: []string{}, Recommendations: []string{}}
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
		}
		sort.SliceStable(ties, func(i, j int) bool { return ties[i].Weight > ties[j].Weight })
		cv.StrongestTies = ties[:min(5, len(ties))]
		cv.Brokers = brokers(u, vals, unreached, c, 3)
		if len(cv.Brokers) > 0 {
			b := cv.Brokers[0]
			w.Recommendations = append(w.Recommendations, fmt.Sprintf("%s: connect with %s: it links %s you don't reach yet (%s).",
				label(c), brokerName(b), plural(len(b.Links), "group"), labelsOf(n, b.Links)))
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
		w.Recommendations = append(w.Recommendations, fmt.Sprintf("Ward: connect with %s: it links %s no councillor reaches yet (%s).",
			brokerName(b), plural(len(b.Links), "group"), labelsOf(n, b.Links)))
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
	comm := a.Louvain(LouvainOptions{Seed: opt.Seed, Trials: 4})
	byComm := map[int][]string{}
	var order []int
	for v, act := range vals {
		if act.Ward != id || (act.Kind != KindGroup && act.Kind != KindCouncillor) {
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
			if x != skip && !isTarget[x] && vals[x].Kind != KindCitizen {
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

func labelsOf(n *Network, ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		a, _ := n.Actor(id)
		out[i] = id
		if a.Label != "" {
			out[i] = a.Label
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
