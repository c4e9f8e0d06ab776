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

// wardCommunities is one ward's communities and their modularity.
type wardCommunities struct {
	list       []CommunityReport
	modularity float64
}

// communities finds each ward's communities with the Louvain method. A
// ward's network is its councillors and groups (its own), the named
// actors tied to them, and their ties, with two of its own also tied by
// the citizens they share (a weight of one per shared citizen): a
// community is named actors tied to each other or sharing followers and
// members. Each citizen tied to a ward's own then joins the community of
// that ward most of those ties go to. Clustering the named actors, and
// sweeping the citizens twice for all wards at once, keeps this to a
// fraction of a second on a council of a million ties. A community with
// none of the ward's own is left out; the communities are largest first.
func (g *graph) communities(ctx context.Context) (map[string]wardCommunities, error) {
	// ownWard numbers the ward each ward's own (councillors and groups)
	// belongs to, -1 for everyone else: the sweeps compare numbers, not
	// strings. public marks the named actors.
	ownWard := make([]int32, len(g.ids))
	isPublic := make([]bool, len(g.ids))
	wardNum := map[string]int32{}
	core := map[string][]int32{}
	var wards []string
	for v := range g.ids {
		ownWard[v] = -1
		isPublic[v] = public(g.kind[v])
		if g.ward[v] != "" && (g.kind[v] == KindCouncillor || g.kind[v] == KindGroup) {
			w := g.ward[v]
			n, ok := wardNum[w]
			if !ok {
				n = int32(len(wards))
				wardNum[w] = n
				wards = append(wards, w)
			}
			ownWard[v] = n
			core[w] = append(core[w], int32(v))
		}
	}
	own := func(v int32) bool { return ownWard[v] >= 0 }
	wardName := slices.Clone(wards) // by number
	slices.Sort(wards)
	type pairKey [2]int32
	pair := func(a, b int32) pairKey {
		if a > b {
			a, b = b, a
		}
		return pairKey{a, b}
	}
	// Shared citizens, between two of one ward's own.
	shared := map[pairKey]float64{}
	var near []int32
	for c := range g.ids {
		if c%65536 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if isPublic[c] {
			continue
		}
		near = near[:0]
		for _, x := range g.nbrs(int32(c)) {
			if own(x) && !slices.Contains(near, x) {
				near = append(near, x)
			}
		}
		for i := range near {
			for j := i + 1; j < len(near); j++ {
				if ownWard[near[i]] == ownWard[near[j]] {
					shared[pair(near[i], near[j])]++
				}
			}
		}
	}
	sharedKeys := make([]pairKey, 0, len(shared))
	for k := range shared {
		sharedKeys = append(sharedKeys, k)
	}
	slices.SortFunc(sharedKeys, func(a, b pairKey) int { return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1])) })
	byWard := map[string][]pairKey{}
	for _, k := range sharedKeys {
		w := g.ward[k[0]]
		byWard[w] = append(byWard[w], k)
	}
	// Louvain per ward; comm gives each of a ward's own its community.
	comm := make([]int32, len(g.ids))
	reports := map[string]map[int]*CommunityReport{}
	out := map[string]wardCommunities{}
	for _, w := range wards {
		local := map[int32]int{}
		var members []int32
		add := func(v int32) {
			if _, ok := local[v]; !ok {
				local[v] = len(members)
				members = append(members, v)
			}
		}
		weight := map[pairKey]float64{}
		for _, v := range core[w] {
			add(v)
		}
		for _, v := range core[w] {
			for _, x := range g.nbrs(v) {
				if !public(g.kind[x]) || x == v {
					continue
				}
				if own(x) && g.ward[x] == w && x < v {
					continue // the same tie, seen from x
				}
				add(x)
				weight[pair(v, x)]++
			}
		}
		for _, k := range byWard[w] {
			weight[k] += shared[k]
		}
		keys := make([]pairKey, 0, len(weight))
		for k := range weight {
			keys = append(keys, k)
		}
		slices.SortFunc(keys, func(a, b pairKey) int { return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1])) })
		net := network.NewNetwork(false)
		net.Weighted = true
		for _, v := range members {
			if err := net.AddActor(network.Actor{ID: g.ids[v]}); err != nil {
				return nil, err
			}
		}
		for _, k := range keys {
			if err := net.AddTie(network.Tie{Source: g.ids[k[0]], Target: g.ids[k[1]], Weight: weight[k]}); err != nil {
				return nil, err
			}
		}
		an := net.Analyze()
		an.Workers = 1
		parts, err := an.Louvain(ctx, network.LouvainOptions{Seed: louvainSeed})
		if err != nil {
			return nil, err
		}
		rs := map[int]*CommunityReport{}
		for i, c := range parts.Of {
			v := members[i] // the network's actors are in the order added
			cr := rs[c]
			if cr == nil {
				cr = &CommunityReport{Groups: []string{}, Councillors: []string{}, Others: []string{}}
				rs[c] = cr
			}
			cr.Size++
			switch {
			case own(v) && g.ward[v] == w && g.kind[v] == KindGroup:
				cr.Groups = append(cr.Groups, g.ids[v])
				comm[v] = int32(c)
			case own(v) && g.ward[v] == w:
				cr.Councillors = append(cr.Councillors, g.ids[v])
				comm[v] = int32(c)
			default:
				cr.Others = append(cr.Others, g.ids[v])
			}
		}
		reports[w] = rs
		out[w] = wardCommunities{modularity: parts.Modularity}
	}
	// Each citizen joins, in each ward it is tied to, the community most
	// of its ties to that ward's own go to (the lowest number on a tie).
	type vote struct {
		ward, comm int32
		num        int
	}
	var votes []vote
	for c := range g.ids {
		if c%65536 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if isPublic[c] {
			continue
		}
		votes = votes[:0]
		for _, x := range g.nbrs(int32(c)) {
			w := ownWard[x]
			if w < 0 {
				continue
			}
			k, found := comm[x], false
			for i := range votes {
				if votes[i].ward == w && votes[i].comm == k {
					votes[i].num++
					found = true
					break
				}
			}
			if !found {
				votes = append(votes, vote{w, k, 1})
			}
		}
		for i, v := range votes {
			best := true
			for j, o := range votes {
				if j != i && o.ward == v.ward && (o.num > v.num || o.num == v.num && o.comm < v.comm) {
					best = false
					break
				}
			}
			if best {
				cr := reports[wardName[v.ward]][int(v.comm)]
				cr.Size++
				cr.Citizens++
			}
		}
	}
	for _, w := range wards {
		list := []CommunityReport{}
		for _, cr := range reports[w] {
			if len(cr.Groups)+len(cr.Councillors) == 0 {
				continue
			}
			slices.Sort(cr.Groups)
			slices.Sort(cr.Councillors)
			slices.Sort(cr.Others)
			list = append(list, *cr)
		}
		slices.SortFunc(list, func(a, b CommunityReport) int {
			return cmp.Or(cmp.Compare(b.Size, a.Size), cmp.Compare(strings.Join(a.Groups, "\n")+"\t"+strings.Join(a.Councillors, "\n"), strings.Join(b.Groups, "\n")+"\t"+strings.Join(b.Councillors, "\n")))
		})
		for i := range list {
			list[i].ID = i + 1
		}
		wc := out[w]
		wc.list = list
		out[w] = wc
	}
	return out, nil
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
