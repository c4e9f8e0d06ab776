package network

import (
	"fmt"
	"sort"
	"sync"
)

// Clustering returns each actor's local clustering coefficient as
// NetworkX's clustering (unweighted, its default). Undirected: the share of
// pairs of neighbours that are themselves tied; 0 below degree 2.
// Directed: the directed clustering of G. Fagiolo ("Clustering in complex
// directed networks", Phys. Rev. E 76, 2007), as NetworkX's clustering of
// a DiGraph: with S = A + Aᵀ, (S³)ᵥᵥ / 2(dᵥ(dᵥ-1) - 2dᵥ↔), where dᵥ is in-
// plus out-degree and dᵥ↔ the number of reciprocated ties; 0 when v is in
// no triangle. Triangles are counted once each by ordering vertices by
// degree (the "forward" algorithm, M. Latapy, Theor. Comput. Sci. 407,
// 2008); a triangle adds the product of its three multiplicities in S.
func (a *Analysis) Clustering() []float64 {
	n := a.g.n
	u := &a.g.und
	deg := func(v int32) int32 { return u.off[v+1] - u.off[v] }
	less := func(x, y int32) bool { dx, dy := deg(x), deg(y); return dx < dy || dx == dy && x < y }
	// Forward adjacency: neighbours ranked above v, with multiplicities.
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
	var fmul []uint8
	if u.mult != nil {
		fmul = make([]uint8, foff[n])
	}
	for v := int32(0); v < int32(n); v++ {
		k := foff[v]
		for i := u.off[v]; i < u.off[v+1]; i++ {
			if w := u.adj[i]; less(v, w) {
				fadj[k] = w
				if fmul != nil {
					fmul[k] = u.mult[i]
				}
				k++
			}
		}
	}
	mul := func(i int32) int64 {
		if fmul == nil {
			return 1
		}
		return int64(fmul[i])
	}
	tri := make([]int64, n)
	mark := make([]int64, n) // multiplicity of the tie to v, 0 if none
	for v := int32(0); v < int32(n); v++ {
		for i := foff[v]; i < foff[v+1]; i++ {
			mark[fadj[i]] = mul(i)
		}
		for i := foff[v]; i < foff[v+1]; i++ {
			w := fadj[i]
			svw := mul(i)
			for j := foff[w]; j < foff[w+1]; j++ {
				x := fadj[j]
				if mark[x] != 0 {
					p := svw * mul(j) * mark[x]
					tri[v] += p
					tri[w] += p
					tri[x] += p
				}
			}
		}
		for _, w := range fadj[foff[v]:foff[v+1]] {
			mark[w] = 0
		}
	}
	c := make([]float64, n)
	for v := range c {
		if tri[v] == 0 {
			continue
		}
		if !a.g.directed {
			d := float64(deg(int32(v)))
			c[v] = 2 * float64(tri[v]) / (d * (d - 1))
			continue
		}
		// (S³)ᵥᵥ counts each triangle twice, once each way round.
		var dt, db int64
		for i := u.off[v]; i < u.off[v+1]; i++ {
			m := u.count(i)
			dt += m
			if m == 2 {
				db++
			}
		}
		c[v] = float64(tri[v]) / float64(dt*(dt-1)-2*db)
	}
	return c
}

// CoreNumber returns each actor's k-core number as NetworkX's core_number,
// by the O(m) algorithm of V. Batagelj and M. Zaversnik ("An O(m)
// algorithm for cores decomposition of networks", 2003). For a directed
// network the degree is in- plus out-degree, as NetworkX's core_number of
// a DiGraph: a reciprocated tie counts twice.
func (a *Analysis) CoreNumber() []int {
	n := a.g.n
	lists := []*adjacency{&a.g.und}
	if a.g.directed {
		lists = []*adjacency{&a.g.in, &a.g.out}
	}
	deg := make([]int32, n)
	md := int32(0)
	for v := range deg {
		for _, l := range lists {
			deg[v] += l.off[v+1] - l.off[v]
		}
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
		for _, l := range lists {
			for _, w := range l.nbrs(v) {
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
	}
	core := make([]int, n)
	for v, d := range deg {
		core[v] = int(d)
	}
	return core
}

// Components returns each actor's connected component (weakly connected
// when directed, as NetworkX's weakly_connected_components: ties count
// either way round), numbered in the order of each component's first
// actor, and the number of components.
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
// Holes", 1992), computed as NetworkX's constraint and effective_size
// (unweighted, their default). The tie between two actors has strength 1,
// or for a directed network the number of arcs between them (1 or 2, the
// "mutual weight" NetworkX uses); an actor's proportional tie to a
// neighbour is that strength over the sum of its strengths. An isolated
// actor gets 0 for both (NetworkX gives NaN); so does NetworkX for an actor
// of a directed network with in-ties only, where civic computes the
// measures on the ties it has.
type Brokerage struct {
	Constraint    []float64 `json:"constraint" jsonschema:"description=Burt's constraint per actor; low values mark brokers"`
	EffectiveSize []float64 `json:"effective_size" jsonschema:"description=Burt's effective size per actor; high values mark brokers"`
}

// Brokerage returns Burt's constraint and effective size for every actor.
func (a *Analysis) Brokerage() Brokerage {
	n := a.g.n
	u := &a.g.und
	// str[v] is the sum of v's tie strengths, top[v] the largest.
	str := make([]float64, n)
	top := make([]float64, n)
	for v := 0; v < n; v++ {
		for i := u.off[v]; i < u.off[v+1]; i++ {
			s := float64(u.count(i))
			str[v] += s
			top[v] = max(top[v], s)
		}
	}
	b := Brokerage{Constraint: make([]float64, n), EffectiveSize: make([]float64, n)}
	mark := make([]float64, n) // strength of the tie to v, 0 if none
	for v := int32(0); v < int32(n); v++ {
		if u.off[v] == u.off[v+1] {
			continue
		}
		for i := u.off[v]; i < u.off[v+1]; i++ {
			mark[u.adj[i]] = float64(u.count(i))
		}
		sv := str[v]
		cons := 0.0
		red := 0.0 // redundancy times sv
		for i := u.off[v]; i < u.off[v+1]; i++ {
			w := u.adj[i]
			// Constraint: p(v,w) + sum over x of p(v,x)·p(x,w).
			indirect := 0.0 // sum of p(v,x)·p(x,w) times sv
			shared := 0.0   // sum of s(v,x)·s(w,x)
			for j := u.off[w]; j < u.off[w+1]; j++ {
				if x := u.adj[j]; mark[x] != 0 {
					s := float64(u.count(j))
					indirect += mark[x] * s / str[x]
					shared += mark[x] * s
				}
			}
			local := float64(u.count(i))/sv + indirect/sv
			cons += local * local
			// Effective size: w's redundancy is the sum of
			// p(v,x)·s(w,x)/max strength of w.
			red += shared / top[w]
		}
		for _, w := range u.nbrs(v) {
			mark[w] = 0
		}
		b.Constraint[v] = cons
		b.EffectiveSize[v] = float64(u.off[v+1]-u.off[v]) - red/sv
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
	Degree      int     `json:"degree" jsonschema:"description=Number of neighbours; in-degree plus out-degree when directed (NetworkX degree)"`
	Betweenness float64 `json:"betweenness" jsonschema:"description=Betweenness centrality normalised as NetworkX; unweighted; along tie direction when directed"`
	Closeness   float64 `json:"closeness" jsonschema:"description=Closeness centrality (Wasserman-Faust) as NetworkX; unweighted; incoming distances when directed"`
	Harmonic    float64 `json:"harmonic" jsonschema:"description=Harmonic centrality as NetworkX (not normalised); unweighted; incoming distances when directed"`
	PageRank    float64 `json:"pagerank" jsonschema:"description=PageRank with alpha 0.85 as NetworkX; weighted when the input has weights"`
	Eigenvector float64 `json:"eigenvector" jsonschema:"description=Eigenvector centrality as NetworkX; unweighted; of in-ties when directed"`
	Clustering  float64 `json:"clustering" jsonschema:"description=Local clustering coefficient as NetworkX; unweighted; Fagiolo's directed clustering when directed"`
	Core        int     `json:"core" jsonschema:"description=k-core number as NetworkX; on in-degree plus out-degree when directed"`
	Community   int     `json:"community" jsonschema:"description=Louvain community number; weighted when the input has weights; directed modularity when directed"`
}

// Metrics is the table of every actor's metrics, with the partition's
// modularity and the number of connected components (weakly connected when
// directed). Its JSON form is the contract of "civickit network metrics
// --format json"; [Analysis.Metrics] says how each value is computed, on
// directed networks and with weights.
type Metrics struct {
	Nodes      []NodeMetrics `json:"nodes" jsonschema:"description=One row per actor in input order"`
	Modularity float64       `json:"modularity" jsonschema:"description=Modularity of the Louvain communities as NetworkX (directed modularity when directed)"`
	Components int           `json:"components" jsonschema:"description=Number of connected components; weakly connected components when directed"`
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
	Pivots int `json:"pivots,omitempty"`
	// Seed seeds pivot sampling and Louvain.
	Seed uint64 `json:"seed,omitempty"`
	// LouvainTrials is the number of Louvain runs kept best of; 0 means
	// 8, or 2 for networks of more than 250,000 ties, where each
	// run takes seconds and extra runs gain little modularity.
	LouvainTrials int `json:"louvain_trials,omitempty"`
	// Progress, when not nil, is called before each step with its name
	// and its number of the steps, for long runs on big networks.
	Progress func(step string, i, n int) `json:"-"`
}

// Metrics computes every metric of the table, each as the NetworkX 2.8
// default named below, on the Graph or, for a directed network, the
// DiGraph. Every value is checked against NetworkX on four undirected and
// three directed reference networks (testdata/reference.py).
//
//   - degree: G.degree(); in- plus out-degree when directed, so a
//     reciprocated tie counts twice. Unweighted.
//   - betweenness: betweenness_centrality(normalized=True), shortest paths
//     along the ties' direction. Unweighted (ties have length 1).
//   - closeness: closeness_centrality(wf_improved=True), from distances
//     into the actor when directed. Unweighted.
//   - harmonic: harmonic_centrality, not normalised, distances into the
//     actor when directed. Unweighted.
//   - pagerank: pagerank(alpha=0.85). Weighted when the network is
//     (NetworkX's default weight="weight"): a tie's share of its source's
//     out-strength.
//   - eigenvector: eigenvector_centrality, of in-ties (the left
//     eigenvector) when directed. Unweighted (NetworkX's default
//     weight=None).
//   - clustering: clustering; Fagiolo's directed clustering when directed.
//     Unweighted.
//   - core: core_number, on in- plus out-degree when directed. Unweighted.
//   - community and modularity: Louvain communities (best of
//     MetricsOptions.LouvainTrials seeded runs) and their modularity, as
//     louvain_communities and modularity: weighted when the network is,
//     and directed (Leicht–Newman) modularity when directed. The result is
//     not NetworkX's partition but one of at least the modularity of
//     NetworkX's best of ten seeds on every reference network (14–19%
//     higher on the directed ones, by NetworkX's own modularity).
//   - components: number_connected_components, or when directed
//     number_weakly_connected_components.
//
// Weighted means the input had weights (a CSV weight column, GraphML or
// JSON weights); every metric not marked weighted ignores them. Unlike
// NetworkX, which keeps the last weight of a tie given twice, the weights
// of duplicate ties add up (see [Network]). Self-loops are ignored
// throughout (NetworkX's core_number refuses them).
func (a *Analysis) Metrics(opt MetricsOptions) *Metrics {
	n := a.g.n
	m := &Metrics{Nodes: make([]NodeMetrics, n), Betweenness: "exact"}
	progress := func(step string, i int) {
		if opt.Progress != nil {
			opt.Progress(step, i, 6)
		}
	}
	progress("betweenness", 1)
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
	progress("closeness and harmonic", 2)
	clo, harm := a.ClosenessHarmonic()
	progress("pagerank", 3)
	pr, err := a.PageRank(0.85)
	if err != nil {
		m.Warnings = append(m.Warnings, "pagerank: "+err.Error())
	}
	progress("eigenvector", 4)
	ev, err := a.Eigenvector()
	if err != nil {
		m.Warnings = append(m.Warnings, "eigenvector: "+err.Error())
	}
	progress("louvain communities", 5)
	trials := opt.LouvainTrials
	if trials == 0 {
		trials = a.defaultLouvainTrials()
	}
	comm := a.louvainTrials(opt.Seed, trials)
	m.Modularity = comm.Modularity
	progress("components, degree, clustering and cores", 6)
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
