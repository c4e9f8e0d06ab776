package network

// csr is the compact form every analysis runs on: compressed sparse rows of
// int32 vertex indices, in the order actors were added. Self-loops are left
// out. For an undirected network out, in and und are the same arrays; for
// a directed one und.mult counts the arcs (1 or 2) behind each entry.
type csr struct {
	n        int
	directed bool
	weighted bool
	out      adjacency // successors (all neighbours when undirected)
	in       adjacency // predecessors
	und      adjacency // undirected view: union of both, weights summed
}

// adjacency is one CSR: the neighbours of v are adj[off[v]:off[v+1]],
// sorted by index, with weights w in step (w is nil when unweighted).
// When pairs were merged, mult[i] is how many were merged into entry i.
type adjacency struct {
	off  []int32
	adj  []int32
	w    []float64
	mult []uint8
}

// count returns how many ties entry i stands for: 1 unless merged.
func (a *adjacency) count(i int32) int64 {
	if a.mult == nil {
		return 1
	}
	return int64(a.mult[i])
}

func (a *adjacency) nbrs(v int32) []int32 { return a.adj[a.off[v]:a.off[v+1]] }

func (a *adjacency) weight(i int32) float64 {
	if a.w == nil {
		return 1
	}
	return a.w[i]
}

// csr builds the compact form in one pass over the ties.
func (n *Network) csr() *csr {
	g := &csr{n: len(n.ids), directed: n.directed, weighted: n.Weighted}
	m := 0
	for i := range n.src {
		if n.src[i] != n.dst[i] {
			m++
		}
	}
	src := make([]int32, 0, m)
	dst := make([]int32, 0, m)
	var w []float64
	if g.weighted {
		w = make([]float64, 0, m)
	}
	for i := range n.src {
		if n.src[i] == n.dst[i] {
			continue
		}
		src = append(src, n.src[i])
		dst = append(dst, n.dst[i])
		if g.weighted {
			w = append(w, n.w[i])
		}
	}
	if !g.directed {
		// Each tie once each way round.
		m := len(src)
		src = append(src, dst[:m]...)
		dst = append(dst, src[:m]...)
		if w != nil {
			w = append(w, w[:m]...)
		}
		g.out = buildAdjacency(g.n, src, dst, w, false)
		g.in, g.und = g.out, g.out
		return g
	}
	g.out = buildAdjacency(g.n, src, dst, w, false)
	g.in = buildAdjacency(g.n, dst, src, w, false)
	both := make([]int32, 0, 2*len(src))
	both2 := make([]int32, 0, 2*len(src))
	both = append(append(both, src...), dst...)
	both2 = append(append(both2, dst...), src...)
	var bw []float64
	if w != nil {
		bw = append(append(make([]float64, 0, 2*len(w)), w...), w...)
	}
	g.und = buildAdjacency(g.n, both, both2, bw, true)
	return g
}

// buildAdjacency sorts the pairs (src[i], dst[i]) by source, then target, with
// two stable counting sorts, and returns them as CSR. With merge, repeated
// pairs become one entry whose weight is the sum, and mult counts them
// (pairs repeat at most twice, one arc each way).
func buildAdjacency(n int, src, dst []int32, w []float64, merge bool) adjacency {
	m := len(src)
	// First pass: order edges by target.
	cnt := make([]int32, n+1)
	for _, d := range dst {
		cnt[d+1]++
	}
	for i := 0; i < n; i++ {
		cnt[i+1] += cnt[i]
	}
	byDst := make([]int32, m)
	for i, d := range dst {
		byDst[cnt[d]] = int32(i)
		cnt[d]++
	}
	// Second pass: stable by source.
	off := make([]int32, n+1)
	for _, s := range src {
		off[s+1]++
	}
	for i := 0; i < n; i++ {
		off[i+1] += off[i]
	}
	pos := append([]int32(nil), off[:n]...)
	adj := make([]int32, m)
	var aw []float64
	if w != nil {
		aw = make([]float64, m)
	}
	for _, e := range byDst {
		s := src[e]
		adj[pos[s]] = dst[e]
		if w != nil {
			aw[pos[s]] = w[e]
		}
		pos[s]++
	}
	if !merge {
		return adjacency{off: off, adj: adj, w: aw}
	}
	k := int32(0)
	noff := make([]int32, n+1)
	mult := make([]uint8, m)
	for v := 0; v < n; v++ {
		start := k
		for i := off[v]; i < off[v+1]; i++ {
			if k > start && adj[k-1] == adj[i] {
				if aw != nil {
					aw[k-1] += aw[i]
				}
				mult[k-1]++
				continue
			}
			adj[k] = adj[i]
			if aw != nil {
				aw[k] = aw[i]
			}
			mult[k] = 1
			k++
		}
		noff[v+1] = k
	}
	adj = adj[:k:k]
	if aw != nil {
		aw = aw[:k:k]
	}
	return adjacency{off: noff, adj: adj, w: aw, mult: mult[:k:k]}
}
