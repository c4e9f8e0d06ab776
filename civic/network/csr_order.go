package network

import "slices"

// ordered is the compact form renumbered for all-sources traversals. Weak
// components occupy consecutive ranges of new indices, in the order of
// each component's first actor, so a traversal from a range of sources
// touches only the components those sources lie in. Within a component,
// actors are numbered in breadth-first order from its best-connected actor,
// each actor's neighbours taken best-connected first (in the spirit of
// Cuthill–McKee): consecutive sources are near one another, which makes
// their distances to everyone else alike, and the hubs, whose rows most
// traversal steps read, sit together at the front. Neighbour lists are
// sorted by new index, so they too start near the hub.
type ordered struct {
	n      int
	old    []int32   // old[v] is the original index of new vertex v
	fwd    adjacency // out-ties (every tie when undirected)
	bwd    adjacency // in-ties; the same arrays as fwd when undirected
	comp   []int32   // weak component of each new vertex
	cstart []int32   // component c is new vertices [cstart[c], cstart[c+1])
}

// order renumbers g as [ordered] describes. Weights are dropped.
func (g *csr) order() *ordered {
	n := g.n
	u := &g.und
	// Components, numbered in the order of their first actor.
	comp := make([]int32, n)
	for i := range comp {
		comp[i] = -1
	}
	queue := make([]int32, 0, n)
	nc := int32(0)
	for s := int32(0); s < int32(n); s++ {
		if comp[s] >= 0 {
			continue
		}
		comp[s] = nc
		queue = append(queue[:0], s)
		for h := 0; h < len(queue); h++ {
			for _, w := range u.nbrs(queue[h]) {
				if comp[w] < 0 {
					comp[w] = nc
					queue = append(queue, w)
				}
			}
		}
		nc++
	}
	// Rank by degree, highest first (ties by index); in rank numbering,
	// sorted neighbour lists run best-connected first.
	byDeg := make([]int32, n)
	for i := range byDeg {
		byDeg[i] = int32(i)
	}
	deg := func(v int32) int32 { return u.off[v+1] - u.off[v] }
	slices.SortFunc(byDeg, func(a, b int32) int {
		if da, db := deg(a), deg(b); da != db {
			return int(db - da)
		}
		return int(a - b)
	})
	rank := make([]int32, n)
	for r, v := range byDeg {
		rank[v] = int32(r)
	}
	root := make([]int32, nc) // best-connected actor of each component, as a rank
	for i := range root {
		root[i] = int32(n)
	}
	for v, c := range comp {
		root[c] = min(root[c], rank[v])
	}
	ur := renumberAdjacency(n, u, rank)
	o := &ordered{n: n, old: make([]int32, 0, n), comp: make([]int32, n), cstart: make([]int32, nc+1)}
	seen := make([]bool, n)
	for c, r := range root {
		o.cstart[c] = int32(len(o.old))
		seen[r] = true
		h := len(o.old)
		o.old = append(o.old, byDeg[r])
		for ; h < len(o.old); h++ {
			for _, w := range ur.nbrs(rank[o.old[h]]) {
				if !seen[w] {
					seen[w] = true
					o.old = append(o.old, byDeg[w])
				}
			}
		}
		for v := o.cstart[c]; v < int32(len(o.old)); v++ {
			o.comp[v] = int32(c)
		}
	}
	o.cstart[nc] = int32(n)
	nw := make([]int32, n)
	for v, x := range o.old {
		nw[x] = int32(v)
	}
	o.fwd = renumberAdjacency(n, &g.out, nw)
	if g.directed {
		o.bwd = renumberAdjacency(n, &g.in, nw)
	} else {
		o.bwd = o.fwd
	}
	return o
}

// renumberAdjacency returns a with every vertex v renamed nw[v], each list
// sorted by the new names.
func renumberAdjacency(n int, a *adjacency, nw []int32) adjacency {
	src := make([]int32, len(a.adj))
	dst := make([]int32, len(a.adj))
	for v := 0; v < n; v++ {
		for i := a.off[v]; i < a.off[v+1]; i++ {
			src[i] = nw[v]
			dst[i] = nw[a.adj[i]]
		}
	}
	return buildAdjacency(n, src, dst, nil, false)
}

// toOld returns x, indexed by new vertex, indexed by original vertex.
func (o *ordered) toOld(x []float64) []float64 {
	out := make([]float64, len(x))
	for v, old := range o.old {
		out[old] = x[v]
	}
	return out
}
