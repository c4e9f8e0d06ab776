package civic

import "slices"

// ordered is the compact form renumbered for all-sources traversals: weak
// components occupy consecutive ranges of new indices, in the order of each
// component's first actor, and within a component actors run from the
// highest degree down (ties by original index). Neighbour lists are sorted
// by new index, so they start with the best-connected neighbours. The
// renumbering keeps the rows that most traversal steps read (the hubs')
// together in cache, and lets a traversal from a range of sources touch
// only the components those sources lie in.
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
	deg := func(v int32) int32 { return u.off[v+1] - u.off[v] }
	old := make([]int32, n)
	for i := range old {
		old[i] = int32(i)
	}
	slices.SortFunc(old, func(a, b int32) int {
		if comp[a] != comp[b] {
			return int(comp[a] - comp[b])
		}
		if da, db := deg(a), deg(b); da != db {
			return int(db - da)
		}
		return int(a - b)
	})
	o := &ordered{n: n, old: old, comp: make([]int32, n), cstart: make([]int32, nc+1)}
	nw := make([]int32, n)
	for v, x := range old {
		nw[x] = int32(v)
		o.comp[v] = comp[x]
	}
	for v := n - 1; v >= 0; v-- {
		o.cstart[o.comp[v]] = int32(v)
	}
	o.cstart[nc] = int32(n)
	o.fwd = renumberAdjacency(n, &g.out, nw)
	if g.directed {
		o.bwd = renumberAdjacency(n, &g.in, nw)
	} else {
		o.bwd = o.fwd
	}
	if bfsOrder {
		// Second pass: BFS within each component from its top hub, in the
		// degree numbering, so neighbours are visited hubs first.
		und := renumberAdjacency(n, &g.und, nw)
		bfs := make([]int32, 0, n)
		seen := make([]bool, n)
		for c := 0; c < len(o.cstart)-1; c++ {
			r := o.cstart[c]
			seen[r] = true
			h := len(bfs)
			bfs = append(bfs, r)
			for ; h < len(bfs); h++ {
				for _, w := range und.nbrs(bfs[h]) {
					if !seen[w] {
						seen[w] = true
						bfs = append(bfs, w)
					}
				}
			}
		}
		nw2 := make([]int32, n)
		old2 := make([]int32, n)
		for v, x := range bfs {
			nw2[x] = int32(v)
			old2[v] = old[x]
		}
		o.old = old2
		o.fwd = renumberAdjacency(n, &o.fwd, nw2)
		if g.directed {
			o.bwd = renumberAdjacency(n, &o.bwd, nw2)
		} else {
			o.bwd = o.fwd
		}
	}
	return o
}

var bfsOrder = true

// renumberAdjacency returns a with every vertex v renamed nw[v], lists sorted.
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
