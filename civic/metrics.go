package civic

import (
	"fmt"
	"sort"
	"sync"
)

// Clustering returns each actor's local clustering coefficient on the
// undirected view, as NetworkX's clustering for an undirected graph: the
// share of pairs of neighbours that are themselves tied; 0 below degree 2.
// Triangles are counted once each by ordering vertices by degree (the
// "forward" algorithm, M. Latapy, Theor. Comput. Sci. 407, 2008).
func (a *Analysis) Clustering() []float64 {
	n := a.g.n
	u := &a.g.und
	deg := func(v int32) int32 { return u.off[v+1] - u.off[v] }
	less := func(x, y int32) bool { dx, dy := deg(x), deg(y); return dx < dy || dx == dy && x < y }
	// Forward adjacency: neighbours ranked above v.
	foff := make([]int32, n+1)
	for v := int32(0); v < int32(n); v++ {
		c := int32(0)
		for _, w := range u.nbrs(v) {
			if less(v, w) {
				c++
			}
		}
		foff[v+1] = foff[v] + c
	}
	fadj := make([]int32, foff[n])
	for v := int32(0); v < int32(n); v++ {
		k := foff[v]
		for _, w := range u.nbrs(v) {
			if less(v, w) {
				fadj[k] = w
				k++
			}
		}
	}
	tri := make([]int64, n)
	mark := make([]bool, n)
	for v := 0; v < n; v++ {
		fv := fadj[foff[v]:foff[v+1]]
		for _, w := range fv {
			mark[w] = true
		}
		for _, w := range fv {
			for _, x := range fadj[foff[w]:foff[w+1]] {
				if mark[x] {
					tri[v]++
					tri[w]++
					tri[x]++
				}
			}
		}
		for _, w := range fv {
			mark[w] = false
		}
	}
	c := make([]float64, n)
	for v := range c {
		d := float64(deg(int32(v)))
		if d > 1 {
			c[v] = 2 * float64(tri[v]) / (d * (d - 1))
		}
	}
	return c
}

// CoreNumber returns each actor's k-core number on the undirected view,
// as NetworkX's core_number, by the O(m) algorithm of V. Batagelj and M.
// Zaversnik ("An O(m) algorithm for cores decomposition of networks",
// 2003).
func (a *Analysis) CoreNumber() []int {
	n := a.g.n
	u := &a.g.und
	deg := make([]int32, n)
	md := int32(0)
	for v := range deg {
		deg[v] = u.off[v+1] - u.off[v]
		md = max(md, deg[v])
	}
	bin := make([]int32, md+2)
	for _, d := range deg {
		bin[d+1]++
	}
	for d := int32(0); d <= md; d++ {
		bin[d+1] += bin[d]
	}
	pos := make([]int32, n)
	vert := make([]int32, n)
	next := append([]int32(nil), bin...)
	for v, d := range deg {
		pos[v] = next[d]
		vert[pos[v]] = int32(v)
		next[d]++
	}
	for i := 0; i < n; i++ {
		v := vert[i]
		for _, w := range u.nbrs(v) {
			if deg[w] > deg[v] {
				dw := deg[w]
				pw := pos[w]
				ps := bin[dw]
				s := vert[ps]
				if s != w {
					vert[pw], vert[ps] = s, w
					pos[w], pos[s] = ps, pw
				}
				bin[dw]++
				deg[w]--
			}
		}
	}
	core := make([]int, n)
	for v, d := range deg {
		core[v] = int(d)
	}
	return core
}

// Components returns each actor's connected component on the undirected
// view (weakly connected when directed), numbered in the order of each
// component's first actor, and the number of components.
func (a *Analysis) Components() (of []int, count int) {
	n := a.g.n
	u := &a.g.und
	of = make([]int, n)
	for i := range of {
		of[i] = -1
	}
	queue := make([]int32, 0, n)
	for s := 0; s < n; s++ {
		if of[s] >= 0 {
			continue
		}
		of[s] = count
		queue = append(queue[:0], int32(s))
		for h := 0; h < len(queue); h++ {
			for _, w := range u.nbrs(queue[h]) {
				if of[w] < 0 {
					of[w] = count
					queue = append(queue, w)
				}
			}
		}
		count++
	}
	return of, count
}

// Brokerage holds Burt's structural-hole measures (R. S. Burt, "Structural
// Holes", 1992) on the undirected view, computed as NetworkX's constraint
// and effective_size (unweighted). An isolated actor gets 0 for both
// (NetworkX gives NaN).
type Brokerage struct {
	Constraint    []float64 `json:"constraint" jsonschema:"description=Burt's constraint per actor; low values mark brokers"`
	EffectiveSize []float64 `json:"effective_size" jsonschema:"description=Burt's effective size per actor; high values mark brokers"`
}

// Brokerage returns Burt's constraint and effective size for every actor.
func (a *Analysis) Brokerage() Brokerage {
	n := a.g.n
	u := &a.g.und
	deg := func(v int32) float64 { return float64(u.off[v+1] - u.off[v]) }
	b := Brokerage{Constraint: make([]float64, n), EffectiveSize: make([]float64, n)}
	mark := make([]bool, n)
	for v := int32(0); v < int32(n); v++ {
		nv := u.nbrs(v)
		if len(nv) == 0 {
			continue
		}
		for _, w := range nv {
			mark[w] = true
		}
		dv := deg(v)
		ties := 0 // ties among v's neighbours, each counted twice
		cons := 0.0
		for _, w := range nv {
			// p(v,x) = 1/deg(v) for every neighbour x; p(x,w) = 1/deg(x).
			indirect := 0.0
			for _, x := range u.nbrs(w) {
				if mark[x] {
					ties++
					indirect += 1 / deg(x)
				}
			}
			local := 1/dv + indirect/dv
			cons += local * local
		}
		for _, w := range nv {
			mark[w] = false
		}
		b.Constraint[v] = cons
		b.EffectiveSize[v] = dv - float64(ties)/dv
	}
	return b
}

// Ego returns the ego network of the actor id: the actors within radius
// ties of it (either direction when directed) and the ties among them, in
// the network's order.
func (n *Network) Ego(id string, radius int) (*Network, error) {
	src, ok := n.store.idx[id]
	if !ok {
		return nil, fmt.Errorf("%w %q", ErrUnknownActor, id)
	}
	u := n.csr().und
	dist := map[int32]int{src: 0}
	queue := []int32{src}
	for h := 0; h < len(queue); h++ {
		v := queue[h]
		if dist[v] == radius {
			continue
		}
		for _, w := range u.nbrs(v) {
			if _, seen := dist[w]; !seen {
				dist[w] = dist[v] + 1
				queue = append(queue, w)
			}
		}
	}
	keep := make([]int, 0, len(queue))
	for _, v := range queue {
		keep = append(keep, int(v))
	}
	sort.Ints(keep)
	out := NewNetwork(n.Directed())
	out.Weighted = n.Weighted
	for _, v := range keep {
		if err := out.AddActor(n.store.vals[v]); err != nil {
			return nil, err
		}
	}
	for i := range n.store.edges {
		if n.store.mirror[i] {
			continue
		}
		_, a := dist[n.store.src[i]]
		_, b := dist[n.store.dst[i]]
		if a && b {
			if err := out.AddTie(n.tieAt(i)); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// NodeMetrics is one actor's row of [Metrics].
type NodeMetrics struct {
	ID          string  `json:"id" jsonschema:"description=Actor id exactly as in the input"`
	Degree      int     `json:"degree" jsonschema:"description=Number of neighbours (in plus out when directed)"`
	Betweenness float64 `json:"betweenness" jsonschema:"description=Betweenness centrality normalised as NetworkX"`
	Closeness   float64 `json:"closeness" jsonschema:"description=Closeness centrality (Wasserman-Faust) as NetworkX"`
	Harmonic    float64 `json:"harmonic" jsonschema:"description=Harmonic centrality as NetworkX (not normalised)"`
	PageRank    float64 `json:"pagerank" jsonschema:"description=PageRank with alpha 0.85"`
	Eigenvector float64 `json:"eigenvector" jsonschema:"description=Eigenvector centrality as NetworkX"`
	Clustering  float64 `json:"clustering" jsonschema:"description=Local clustering coefficient"`
	Core        int     `json:"core" jsonschema:"description=k-core number"`
	Community   int     `json:"community" jsonschema:"description=Louvain community number"`
}

// Metrics is the table of every actor's metrics, with the partition's
// modularity and the number of connected components. Its JSON form is the
// contract of "civickit network metrics --format json".
type Metrics struct {
	Nodes      []NodeMetrics `json:"nodes" jsonschema:"description=One row per actor in input order"`
	Modularity float64       `json:"modularity" jsonschema:"description=Modularity of the Louvain communities"`
	Components int           `json:"components" jsonschema:"description=Number of connected components (weakly when directed)"`
	// Betweenness is "exact" or "sampled (k pivots, max std err x)".
	Betweenness string `json:"betweenness_method,omitempty" jsonschema:"description=How betweenness was computed"`
	// Warnings lists metrics that did not converge; their values are the
	// last iterate.
	Warnings []string `json:"warnings,omitempty" jsonschema:"description=Metrics that did not converge"`
}

// MetricsOptions configures [Analysis.Metrics]. The zero value computes
// exact betweenness and Louvain with seed 0 and the default trials.
type MetricsOptions struct {
	// Pivots, when > 0, estimates betweenness from that many pivots.
	Pivots int
	// Seed seeds pivot sampling and Louvain.
	Seed uint64
	// LouvainTrials is the number of Louvain runs kept best of; 0 means
	// 8, or 2 for networks of more than 250,000 ties, where each
	// run takes seconds and extra runs gain little modularity.
	LouvainTrials int
}

// Metrics computes every metric of the table.
func (a *Analysis) Metrics(opt MetricsOptions) *Metrics {
	n := a.g.n
	m := &Metrics{Nodes: make([]NodeMetrics, n), Betweenness: "exact"}
	var bc []float64
	if opt.Pivots > 0 && opt.Pivots < n {
		s := a.SampleBetweenness(opt.Pivots, opt.Seed)
		bc = s.Values
		worst := 0.0
		for _, e := range s.StdErr {
			worst = max(worst, e)
		}
		m.Betweenness = fmt.Sprintf("sampled (%d pivots, max std err %.3g)", s.K, worst)
	} else {
		bc = a.Betweenness()
	}
	clo, harm := a.ClosenessHarmonic()
	pr, err := a.PageRank(0.85)
	if err != nil {
		m.Warnings = append(m.Warnings, "pagerank: "+err.Error())
	}
	ev, err := a.Eigenvector()
	if err != nil {
		m.Warnings = append(m.Warnings, "eigenvector: "+err.Error())
	}
	trials := opt.LouvainTrials
	if trials == 0 {
		trials = a.defaultLouvainTrials()
	}
	comm := a.louvainTrials(opt.Seed, trials)
	m.Modularity = comm.Modularity
	_, m.Components = a.Components()
	deg, cl, core := a.Degree(), a.Clustering(), a.CoreNumber()
	for v := range m.Nodes {
		m.Nodes[v] = NodeMetrics{ID: a.ids[v], Degree: deg[v], Betweenness: bc[v], Closeness: clo[v], Harmonic: harm[v],
			PageRank: pr[v], Eigenvector: ev[v], Clustering: cl[v], Core: core[v], Community: comm.Of[v]}
	}
	return m
}

// bigNetworkTies is the size above which Metrics runs fewer Louvain trials
// by default.
const bigNetworkTies = 250_000

// defaultLouvainTrials is the number of Louvain trials Metrics runs when
// MetricsOptions.LouvainTrials is 0.
func (a *Analysis) defaultLouvainTrials() int {
	if len(a.g.und.adj)/2 > bigNetworkTies {
		return 2
	}
	return 8
}

// louvainTrials returns what a.Louvain(LouvainOptions{Seed: seed, Trials:
// trials}) returns, running the trials on all cores: trial t is Louvain
// with seed seed + t<<32, and the first trial of highest modularity wins.
func (a *Analysis) louvainTrials(seed uint64, trials int) Communities {
	res := make([]Communities, trials)
	next := make(chan int, trials)
	for t := range trials {
		next <- t
	}
	close(next)
	var wg sync.WaitGroup
	for range min(a.workers(), trials) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range next {
				res[t] = a.Louvain(LouvainOptions{Seed: seed + uint64(t)<<32})
			}
		}()
	}
	wg.Wait()
	best := res[0]
	for _, r := range res[1:] {
		if r.Modularity > best.Modularity {
			best = r
		}
	}
	return best
}
