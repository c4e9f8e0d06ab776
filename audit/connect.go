package audit

import (
	"cmp"
	"context"
	"slices"
)

// The connectivity of a ward is computed here on compact arrays with the
// definitions of the civic network's ward view (network.Network.Ward):
// reach on the undirected ties, a group reached directly or at exactly two
// steps, the score 100 × mean(1 direct, 0.5 two steps, 0 otherwise), and
// brokers as the public actors tied to most groups someone does not reach.
// TestParityWithNetworkWard checks the two agree. Building a
// network.Network costs microseconds per tie (its graph library's
// bookkeeping and a Louvain run), too slow for a council-sized snapshot
// of a million ties, so the audit keeps its own arrays.

// wardView is one ward's connectivity.
type wardView struct {
	Groups      []string
	Councillors []councillorView
	Unreached   []string
	Score       float64
	Advice      []string
}

type councillorView struct {
	ID       string
	Reached1 []string
	Reached2 []string
	Share    float64
	Brokers  []broker
}

type broker struct {
	ID    string
	Links []string
}

// graph is an undirected adjacency in compressed rows.
type graph struct {
	ids    []string
	idx    map[string]int32
	kind   []string
	ward   []string
	label  []string
	off    []int32
	adj    []int32
	stamp1 []int32
	stamp2 []int32
	gen    int32
}

func newGraph(ctx context.Context, actors []Actor, ties []Tie) (*graph, error) {
	n := len(actors)
	g := &graph{ids: make([]string, n), idx: make(map[string]int32, n), kind: make([]string, n), ward: make([]string, n), label: make([]string, n),
		off: make([]int32, n+1), stamp1: make([]int32, n), stamp2: make([]int32, n)}
	for i, a := range actors {
		g.ids[i], g.kind[i], g.ward[i], g.label[i] = a.ID, a.Kind, a.Ward, a.Label
		g.idx[a.ID] = int32(i)
	}
	ends := make([][2]int32, 0, len(ties))
	for i, t := range ties {
		if i%65536 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		s, ok1 := g.idx[t.Source]
		d, ok2 := g.idx[t.Target]
		if !ok1 || !ok2 || s == d {
			continue
		}
		ends = append(ends, [2]int32{s, d})
		g.off[s+1]++
		g.off[d+1]++
	}
	for i := 1; i <= n; i++ {
		g.off[i] += g.off[i-1]
	}
	g.adj = make([]int32, g.off[n])
	fill := append([]int32(nil), g.off[:n]...)
	for _, e := range ends {
		g.adj[fill[e[0]]] = e[1]
		fill[e[0]]++
		g.adj[fill[e[1]]] = e[0]
		fill[e[1]]++
	}
	return g, nil
}

func (g *graph) nbrs(v int32) []int32 { return g.adj[g.off[v]:g.off[v+1]] }

func (g *graph) name(v int32) string {
	if g.label[v] != "" {
		return g.label[v]
	}
	return g.ids[v]
}

func public(kind string) bool {
	switch kind {
	case KindCouncillor, KindGroup, KindCouncilAccount, KindPartner:
		return true
	}
	return false
}

// brokers returns up to limit public actors tied to most of targets,
// skipping skip, most links first, then input order.
func (g *graph) brokers(targets []int32, skip int32, limit int) []broker {
	isTarget := map[int32]bool{}
	for _, t := range targets {
		isTarget[t] = true
	}
	links := map[int32][]int32{}
	for _, t := range targets {
		for _, x := range g.nbrs(t) {
			if x == skip || isTarget[x] || !public(g.kind[x]) {
				continue
			}
			if l := links[x]; len(l) == 0 || l[len(l)-1] != t {
				links[x] = append(l, t)
			}
		}
	}
	cand := make([]int32, 0, len(links))
	for x := range links {
		cand = append(cand, x)
	}
	slices.SortFunc(cand, func(a, b int32) int { return cmp.Or(cmp.Compare(len(links[b]), len(links[a])), cmp.Compare(a, b)) })
	out := []broker{}
	for _, x := range cand[:min(limit, len(cand))] {
		ls := links[x]
		slices.Sort(ls)
		b := broker{ID: g.ids[x]}
		for _, l := range ls {
			b.Links = append(b.Links, g.ids[l])
		}
		out = append(out, b)
	}
	return out
}

// view returns the ward's connectivity, or nil when the ward has neither
// councillors nor groups.
func (g *graph) view(ctx context.Context, ward string) (*wardView, error) {
	var groups, cllrs []int32
	for v := range g.ids {
		if g.ward[v] != ward {
			continue
		}
		switch g.kind[v] {
		case KindGroup:
			groups = append(groups, int32(v))
		case KindCouncillor:
			cllrs = append(cllrs, int32(v))
		}
	}
	if len(groups)+len(cllrs) == 0 {
		return nil, nil
	}
	w := &wardView{Groups: []string{}, Unreached: []string{}, Advice: []string{}}
	for _, gr := range groups {
		w.Groups = append(w.Groups, g.ids[gr])
	}
	best := make(map[int32]float64, len(groups))
	for _, c := range cllrs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		g.gen++
		s := g.gen
		g.stamp1[c] = s
		for _, x := range g.nbrs(c) {
			g.stamp1[x] = s
		}
		for _, x := range g.nbrs(c) {
			for _, y := range g.nbrs(x) {
				if g.stamp1[y] != s {
					g.stamp2[y] = s
				}
			}
		}
		cv := councillorView{ID: g.ids[c], Reached1: []string{}, Reached2: []string{}}
		var unreached []int32
		for _, gr := range groups {
			switch {
			case g.stamp1[gr] == s && gr != c:
				cv.Reached1 = append(cv.Reached1, g.ids[gr])
				best[gr] = 1
			case g.stamp2[gr] == s:
				cv.Reached2 = append(cv.Reached2, g.ids[gr])
				best[gr] = max(best[gr], 0.5)
			default:
				unreached = append(unreached, gr)
			}
		}
		if len(groups) > 0 {
			cv.Share = float64(len(cv.Reached1)+len(cv.Reached2)) / float64(len(groups))
		}
		cv.Brokers = g.brokers(unreached, c, 3)
		w.Councillors = append(w.Councillors, cv)
	}
	var unreached []int32
	score := 0.0
	for _, gr := range groups {
		score += best[gr]
		if best[gr] == 0 {
			unreached = append(unreached, gr)
			w.Unreached = append(w.Unreached, g.ids[gr])
		}
	}
	if len(groups) > 0 {
		w.Score = 100 * score / float64(len(groups))
	}
	// A greedy cover of the unreached groups by brokers, then the groups
	// nobody links to.
	left := unreached
	for len(left) > 0 && len(w.Advice) < 3 {
		bs := g.brokers(left, -1, 1)
		if len(bs) == 0 {
			break
		}
		b := bs[0]
		names := make([]string, len(b.Links))
		covered := map[string]bool{}
		for i, l := range b.Links {
			names[i] = g.name(g.idx[l])
			covered[l] = true
		}
		w.Advice = append(w.Advice, "Ask "+g.name(g.idx[b.ID])+" to introduce a councillor to "+joinAnd(names)+": no councillor of the ward reaches "+them(len(names))+" yet.")
		k := 0
		for _, gr := range left {
			if !covered[g.ids[gr]] {
				left[k] = gr
				k++
			}
		}
		left = left[:k]
	}
	for _, gr := range left {
		w.Advice = append(w.Advice, "Nobody in the network links to "+g.name(gr)+": contact it directly.")
	}
	if len(cllrs) == 0 {
		w.Advice = append(w.Advice, "No councillor of this ward is in the audit: add their accounts to the ward register.")
	}
	return w, nil
}

func them(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

// joinAnd joins names as English does: "a", "a and b", "a, b and c".
func joinAnd(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	out := ""
	for i, n := range names[:len(names)-1] {
		if i > 0 {
			out += ", "
		}
		out += n
	}
	return out + " and " + names[len(names)-1]
}
