package network

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/civickit/civickit/internal/safe"
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
	// Constraint is Burt's constraint per actor; low values mark brokers.
	Constraint []float64 `json:"constraint"`
	// EffectiveSize is Burt's effective size per actor; high values mark brokers.
	EffectiveSize []float64 `json:"effective_size"`
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

// NodeMetrics is one actor's row of [Metrics]. [Analysis.Metrics] says how
// each value is computed.
type NodeMetrics struct {
	// ID is the actor id exactly as in the input.
	ID string `json:"id"`
	// Degree is the number of neighbours; in-degree plus out-degree when directed.
	Degree int `json:"degree"`
	// Betweenness is betweenness centrality normalised as NetworkX.
	Betweenness float64 `json:"betweenness"`
	// Closeness is closeness centrality (Wasserman and Faust) as NetworkX.
	Closeness float64 `json:"closeness"`
	// Harmonic is harmonic centrality as NetworkX (not normalised).
	Harmonic float64 `json:"harmonic"`
	// PageRank is PageRank with alpha 0.85 as NetworkX.
	PageRank float64 `json:"pagerank"`
	// Eigenvector is eigenvector centrality as NetworkX.
	Eigenvector float64 `json:"eigenvector"`
	// Clustering is the local clustering coefficient as NetworkX.
	Clustering float64 `json:"clustering"`
	// Core is the k-core number as NetworkX.
	Core int `json:"core"`
	// Community is the Louvain community number.
	Community int `json:"community"`
}

// MetricNames lists the metrics of [Metrics] by their JSON names, in the
// order of the table's columns.
var MetricNames = []string{"degree", "betweenness", "closeness", "harmonic", "pagerank", "eigenvector", "clustering", "core", "community"}

// Metrics is the table of every actor's metrics, with the partition's
// modularity and the number of connected components (weakly connected when
// directed). Its JSON form is the contract of "civickit network metrics
// --format json"; [Analysis.Metrics] says how each value is computed, on
// directed networks and with weights. When only some metrics were asked
// for, [Metrics.Computed] names them and every output leaves the others
// out.
type Metrics struct {
	// Nodes has one row per actor in input order.
	Nodes []NodeMetrics `json:"nodes"`
	// Modularity is the modularity of the Louvain communities as NetworkX
	// (directed modularity when directed).
	Modularity float64 `json:"modularity"`
	// Components is the number of connected components (weakly connected
	// when directed).
	Components int `json:"components"`
	// Betweenness is "exact" or "sampled (k pivots, max std err x)".
	Betweenness string `json:"betweenness_method,omitempty"`
	// Warnings lists metrics that did not converge (their values are the
	// last iterate) and values that were not finite (written as 0).
	Warnings []string `json:"warnings,omitempty"`
	// Computed names the metrics computed, in the order of MetricNames;
	// nil means all of them.
	Computed []string `json:"-"`
}

// ErrUnknownMetric reports a metric name that is not one of [MetricNames].
var ErrUnknownMetric = errors.New("civic: unknown metric")

// MetricsOptions configures [Analysis.Metrics]. The zero value computes
// every metric, exact betweenness and Louvain with seed 0 and the default
// trials.
type MetricsOptions struct {
	// Metrics names the metrics to compute, as [MetricNames] (the JSON
	// keys); empty means all. The number of components is always given,
	// the modularity with community.
	Metrics []string `json:"metrics,omitempty"`
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

// ParseMetricNames reads a comma-separated list of metric names (spaces
// and case ignored) and returns them in the order of [MetricNames]. An
// unknown name is an error wrapping [ErrUnknownMetric].
func ParseMetricNames(list string) ([]string, error) {
	want := map[string]bool{}
	for _, f := range strings.Split(list, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		if f == "" {
			continue
		}
		if !slices.Contains(MetricNames, f) {
			return nil, fmt.Errorf("%w %s (want %s)", ErrUnknownMetric, safe.Quote(f), strings.Join(MetricNames, ", "))
		}
		want[f] = true
	}
	var out []string
	for _, m := range MetricNames {
		if want[m] {
			out = append(out, m)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: the list is empty (want %s)", ErrUnknownMetric, strings.Join(MetricNames, ", "))
	}
	return out, nil
}

// Metrics computes the metrics of the table (all of them unless
// opt.Metrics names some), each as the NetworkX 2.8 default named below,
// on the Graph or, for a directed network, the DiGraph. Every value is
// checked against NetworkX on four undirected and three directed reference
// networks (testdata/reference.py).
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
//
// Every value is finite: should a computation give NaN or an infinity,
// the value is written as 0 and a warning says so. Metrics returns
// ctx.Err() soon after ctx is cancelled, and an error wrapping
// [ErrUnknownMetric] for a name not in MetricNames.
func (a *Analysis) Metrics(ctx context.Context, opt MetricsOptions) (*Metrics, error) {
	want := map[string]bool{}
	var computed []string
	if len(opt.Metrics) > 0 {
		names, err := ParseMetricNames(strings.Join(opt.Metrics, ","))
		if err != nil {
			return nil, err
		}
		for _, m := range names {
			want[m] = true
		}
		if len(names) < len(MetricNames) {
			computed = names
		}
	} else {
		for _, m := range MetricNames {
			want[m] = true
		}
	}
	n := a.g.n
	m := &Metrics{Nodes: make([]NodeMetrics, n), Computed: computed}
	type step struct {
		name string
		run  func() error
	}
	var steps []step
	if want["betweenness"] {
		steps = append(steps, step{"betweenness", func() error {
			var bc []float64
			if opt.Pivots > 0 && opt.Pivots < n {
				s, err := a.SampleBetweenness(ctx, opt.Pivots, opt.Seed)
				if err != nil {
					return err
				}
				bc = s.Values
				worst := 0.0
				for _, e := range s.StdErr {
					worst = max(worst, e)
				}
				m.Betweenness = fmt.Sprintf("sampled (%d pivots, max std err %.3g)", s.K, worst)
			} else {
				var err error
				if bc, err = a.Betweenness(ctx); err != nil {
					return err
				}
				m.Betweenness = "exact"
			}
			for v := range m.Nodes {
				m.Nodes[v].Betweenness = bc[v]
			}
			return nil
		}})
	}
	if want["closeness"] || want["harmonic"] {
		steps = append(steps, step{"closeness and harmonic", func() error {
			clo, harm, err := a.ClosenessHarmonic(ctx)
			if err != nil {
				return err
			}
			for v := range m.Nodes {
				m.Nodes[v].Closeness, m.Nodes[v].Harmonic = clo[v], harm[v]
			}
			return nil
		}})
	}
	if want["pagerank"] {
		steps = append(steps, step{"pagerank", func() error {
			pr, err := a.PageRank(0.85)
			if err != nil {
				m.Warnings = append(m.Warnings, "pagerank: "+err.Error())
			}
			for v := range m.Nodes {
				m.Nodes[v].PageRank = pr[v]
			}
			return ctx.Err()
		}})
	}
	if want["eigenvector"] {
		steps = append(steps, step{"eigenvector", func() error {
			ev, err := a.Eigenvector()
			if err != nil {
				m.Warnings = append(m.Warnings, "eigenvector: "+err.Error())
			}
			for v := range m.Nodes {
				m.Nodes[v].Eigenvector = ev[v]
			}
			return ctx.Err()
		}})
	}
	if want["community"] {
		steps = append(steps, step{"louvain communities", func() error {
			trials := opt.LouvainTrials
			if trials == 0 {
				trials = a.defaultLouvainTrials()
			}
			comm, err := a.communities(ctx, opt.Seed, trials, 1)
			if err != nil {
				return err
			}
			m.Modularity = comm.Modularity
			for v := range m.Nodes {
				m.Nodes[v].Community = comm.Of[v]
			}
			return nil
		}})
	}
	var rest []string
	for _, k := range []string{"degree", "clustering", "core"} {
		if want[k] {
			rest = append(rest, k)
		}
	}
	name := "components"
	switch len(rest) {
	case 1:
		name += " and " + rest[0]
	case 2:
		name += ", " + rest[0] + " and " + rest[1]
	case 3:
		name = "components, degree, clustering and cores"
	}
	steps = append(steps, step{name, func() error {
		_, m.Components = a.Components()
		if want["degree"] {
			for v, d := range a.Degree() {
				m.Nodes[v].Degree = d
			}
		}
		if want["clustering"] {
			for v, c := range a.Clustering() {
				m.Nodes[v].Clustering = c
			}
		}
		if want["core"] {
			for v, c := range a.CoreNumber() {
				m.Nodes[v].Core = c
			}
		}
		return ctx.Err()
	}})
	for v := range m.Nodes {
		m.Nodes[v].ID = a.ids[v]
	}
	for i, s := range steps {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if opt.Progress != nil {
			opt.Progress(s.name, i+1, len(steps))
		}
		if err := s.run(); err != nil {
			return nil, err
		}
	}
	m.finite()
	return m, nil
}

// finite replaces NaN and infinite values by 0, with a warning for each
// metric that had one, so that every output, JSON included, can carry them.
func (m *Metrics) finite() {
	bad := map[string]bool{}
	fix := func(name string, x *float64) {
		if math.IsNaN(*x) || math.IsInf(*x, 0) {
			*x = 0
			bad[name] = true
		}
	}
	for i := range m.Nodes {
		r := &m.Nodes[i]
		fix("betweenness", &r.Betweenness)
		fix("closeness", &r.Closeness)
		fix("harmonic", &r.Harmonic)
		fix("pagerank", &r.PageRank)
		fix("eigenvector", &r.Eigenvector)
		fix("clustering", &r.Clustering)
	}
	fix("modularity", &m.Modularity)
	for _, name := range append(slices.Clone(MetricNames), "modularity") {
		if bad[name] {
			m.Warnings = append(m.Warnings, name+": values that were not finite are written as 0")
		}
	}
}

// bigNetworkTies is the size above which Metrics runs fewer Louvain trials
// by default.
const bigNetworkTies = 250_000

// defaultLouvainTrials is the number of Louvain trials Metrics and ward
// views run when not told otherwise.
func (a *Analysis) defaultLouvainTrials() int {
	if len(a.g.und.adj)/2 > bigNetworkTies {
		return 2
	}
	return 8
}
