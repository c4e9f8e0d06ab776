package audit

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/civickit/civickit/civic/network"
)

// CommunityReport is one community of a ward's network, as the Louvain
// method finds it: the people and organisations more tied to each other
// than to the rest of the ward.
type CommunityReport struct {
	// ID numbers the community within its ward, from 1, largest first.
	ID int `json:"id"`
	// Size counts its actors, citizens included.
	Size int `json:"size"`
	// Groups lists the ward's community groups in it, by id.
	Groups []string `json:"groups"`
	// Councillors lists the ward's councillors in it, by id.
	Councillors []string `json:"councillors"`
	// Others lists the other named actors in it (partners, council accounts, other wards' councillors and groups), by id.
	Others []string `json:"others"`
	// Citizens counts the citizens in it; they are never named.
	Citizens int `json:"citizens"`
}

// louvainSeed makes the communities the same from run to run.
const louvainSeed = 1

// communities finds the communities of ward w's network with the
// Louvain method. The network is the ward's councillors and groups, the
// named actors tied to them, and their ties, with two named actors also
// tied by the citizens they share (a weight of one per shared citizen,
// counted when one of the two is the ward's own): a community is named
// actors tied to each other or sharing followers and members. Each citizen tied to the ward then joins the community most of
// their ties go to. Clustering the named actors, not every citizen, keeps
// this to milliseconds on a council of a million ties. A community with
// none of the ward's groups or councillors is left out. It returns the
// communities, largest first, and the partition's modularity.
func (g *graph) communities(ctx context.Context, w string) ([]CommunityReport, float64, error) {
	if g.loc == nil {
		// Scratch, reset after each ward: a vertex's network index (-1:
		// none) and whether a citizen was seen.
		g.loc = make([]int32, len(g.ids))
		for i := range g.loc {
			g.loc[i] = -1
		}
		g.seen = make([]bool, len(g.ids))
		g.core = map[string][]int32{}
		for v := range g.ids {
			if g.kind[v] == KindCouncillor || g.kind[v] == KindGroup {
				g.core[g.ward[v]] = append(g.core[g.ward[v]], int32(v))
			}
		}
	}
	var members, citizens []int32
	defer func() {
		for _, v := range members {
			g.loc[v] = -1
		}
		for _, c := range citizens {
			g.seen[c] = false
		}
	}()
	add := func(v int32) {
		if g.loc[v] < 0 {
			g.loc[v] = int32(len(members))
			members = append(members, v)
		}
	}
	core := g.core[w]
	if len(core) == 0 {
		return []CommunityReport{}, 0, nil
	}
	for _, v := range core {
		add(v)
	}
	ncore := int32(len(members)) // the ward's own come first
	for _, v := range core {
		for _, x := range g.nbrs(v) {
			if public(g.kind[x]) {
				add(x)
			} else if !g.seen[x] {
				g.seen[x] = true
				citizens = append(citizens, x)
			}
		}
	}
	// Weights between named actors: their own ties, then shared citizens.
	weight := map[[2]int32]float64{}
	pair := func(a, b int32) [2]int32 {
		if a > b {
			a, b = b, a
		}
		return [2]int32{a, b}
	}
	for _, v := range members {
		for _, x := range g.nbrs(v) {
			if lx := g.loc[x]; lx >= 0 && x > v {
				weight[pair(g.loc[v], lx)]++
			}
		}
	}
	var near []int32
	for i, c := range citizens {
		if i%4096 == 0 && ctx.Err() != nil {
			return nil, 0, ctx.Err()
		}
		near = near[:0]
		for _, x := range g.nbrs(c) {
			if lx := g.loc[x]; lx >= 0 && !slices.Contains(near, lx) {
				near = append(near, lx)
			}
		}
		// Only pairs with one of the ward's own: citizens shared by two
		// outsiders say nothing of the ward.
		for i := range near {
			for j := i + 1; j < len(near); j++ {
				if near[i] < ncore || near[j] < ncore {
					weight[pair(near[i], near[j])]++
				}
			}
		}
	}
	net := network.NewNetwork(false)
	net.Weighted = true
	for _, v := range members {
		if err := net.AddActor(network.Actor{ID: g.ids[v]}); err != nil {
			return nil, 0, err
		}
	}
	keys := make([][2]int32, 0, len(weight))
	for k := range weight {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b [2]int32) int { return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1])) })
	for _, k := range keys {
		if err := net.AddTie(network.Tie{Source: g.ids[members[k[0]]], Target: g.ids[members[k[1]]], Weight: weight[k]}); err != nil {
			return nil, 0, err
		}
	}
	an := net.Analyze()
	an.Workers = 1
	parts, err := an.Louvain(ctx, network.LouvainOptions{Seed: louvainSeed})
	if err != nil {
		return nil, 0, err
	}
	byID := map[int]*CommunityReport{}
	get := func(c int) *CommunityReport {
		cr := byID[c]
		if cr == nil {
			cr = &CommunityReport{Groups: []string{}, Councillors: []string{}, Others: []string{}}
			byID[c] = cr
		}
		return cr
	}
	for i, c := range parts.Of {
		v := members[i] // the network's actors are in the order added
		cr := get(c)
		cr.Size++
		switch {
		case g.kind[v] == KindGroup && g.ward[v] == w:
			cr.Groups = append(cr.Groups, g.ids[v])
		case g.kind[v] == KindCouncillor && g.ward[v] == w:
			cr.Councillors = append(cr.Councillors, g.ids[v])
		default:
			cr.Others = append(cr.Others, g.ids[v])
		}
	}
	count := make([]int, len(members))
	for _, c := range citizens {
		best, most := -1, 0
		for _, x := range g.nbrs(c) {
			if lx := g.loc[x]; lx >= 0 {
				k := parts.Of[lx]
				count[k]++
				if n := count[k]; n > most || n == most && k < best {
					best, most = k, n
				}
			}
		}
		for _, x := range g.nbrs(c) {
			if lx := g.loc[x]; lx >= 0 {
				count[parts.Of[lx]] = 0
			}
		}
		if best >= 0 {
			cr := get(best)
			cr.Size++
			cr.Citizens++
		}
	}
	out := []CommunityReport{}
	for _, cr := range byID {
		if len(cr.Groups)+len(cr.Councillors) == 0 {
			continue
		}
		slices.Sort(cr.Groups)
		slices.Sort(cr.Councillors)
		slices.Sort(cr.Others)
		out = append(out, *cr)
	}
	slices.SortFunc(out, func(a, b CommunityReport) int {
		return cmp.Or(cmp.Compare(b.Size, a.Size), cmp.Compare(strings.Join(a.Groups, "\n")+"\t"+strings.Join(a.Councillors, "\n"), strings.Join(b.Groups, "\n")+"\t"+strings.Join(b.Councillors, "\n")))
	})
	for i := range out {
		out[i].ID = i + 1
	}
	return out, parts.Modularity, nil
}

// communityAdvice says which communities around the ward's groups no
// councillor of the ward belongs to, largest first, at most three.
func communityAdvice(cs []CommunityReport, name func(string) string) []string {
	var out []string
	for _, c := range cs {
		if len(c.Councillors) > 0 || len(c.Groups) == 0 || len(out) == 3 {
			continue
		}
		var gs []string
		for _, g := range c.Groups[:min(3, len(c.Groups))] {
			gs = append(gs, name(g))
		}
		more := ""
		if len(c.Groups) > 3 {
			more = fmt.Sprintf(" and %d more groups", len(c.Groups)-3)
		}
		out = append(out, fmt.Sprintf("No councillor of the ward is part of the community around %s%s (%d people and organisations): join its conversations or ask its members to introduce you.", strings.Join(gs, ", "), more, c.Size))
	}
	return out
}
