package network

import (
	"context"
	"math"
	"math/rand/v2"
	"sync"
	"sync/atomic"
)

// Communities is a partition of a network's actors.
type Communities struct {
	// Of gives each actor's community, numbered 0, 1, ... in the order of
	// each community's first actor.
	Of []int `json:"of"`
	// Modularity is the partition's modularity as [Analysis.Modularity]
	// computes it (Leicht–Newman when the network is directed).
	Modularity float64 `json:"modularity"`
}

// LouvainOptions configures [Analysis.Louvain]. The zero value is ready to
// use: resolution 1, seed 0, one trial.
type LouvainOptions struct {
	// Resolution is the modularity resolution γ; 0 means 1.
	Resolution float64 `json:"resolution,omitempty"`
	// Seed seeds the order in which vertices are visited.
	Seed uint64 `json:"seed,omitempty"`
	// Trials runs Louvain with seeds Seed, Seed+1, ... and keeps the
	// partition of highest modularity (the first on a tie); 0 means 1.
	Trials int `json:"trials,omitempty"`
}

// Louvain finds communities with the Louvain method (V. D. Blondel et al.,
// "Fast unfolding of communities in large networks", J. Stat. Mech. 2008),
// weighted when the network is, maximising the modularity that
// [Analysis.Modularity] computes. For a directed network that is directed
// modularity (E. A. Leicht and M. E. J. Newman, Phys. Rev. Lett. 100,
// 2008), as NetworkX's louvain_communities of a DiGraph: a vertex moves to
// the community c that most raises w(v↔c) − γ(k⁺ᵥK⁻c + k⁻ᵥK⁺c)/m, where
// w(v↔c) counts ties both ways, k⁺ and k⁻ are out- and in-strength and m
// is the total tie weight. The result depends only on the network and the
// options: trials run on all cores, trial t with seed Seed + t<<32, and the
// first trial of highest modularity wins.
//
// The result is cached with the analysis: asking again with the same
// options, from [Analysis.Metrics] or any number of ward views, costs
// nothing. It returns ctx.Err() soon after ctx is cancelled.
func (a *Analysis) Louvain(ctx context.Context, opt LouvainOptions) (Communities, error) {
	if opt.Resolution == 0 {
		opt.Resolution = 1
	}
	return a.communities(ctx, opt.Seed, max(opt.Trials, 1), opt.Resolution)
}

// louvainRuns counts the Louvain computations that were not cached, for
// tests.
var louvainRuns atomic.Int64

type louvainKey struct {
	seed   uint64
	trials int
	gamma  float64
}

// louvainCache holds the communities an analysis computed.
type louvainCache struct {
	mu sync.Mutex
	m  map[louvainKey]Communities
}

// communities returns the cached communities for the key, computing them
// when they are not there yet.
func (a *Analysis) communities(ctx context.Context, seed uint64, trials int, gamma float64) (Communities, error) {
	key := louvainKey{seed, trials, gamma}
	c := a.louvain
	if c == nil {
		c = &louvainCache{}
		a.louvain = c
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if r, ok := c.m[key]; ok {
		return r, nil
	}
	r, err := a.louvainTrials(ctx, seed, trials, gamma)
	if err != nil {
		return Communities{}, err
	}
	louvainRuns.Add(1)
	if c.m == nil {
		c.m = map[louvainKey]Communities{}
	}
	c.m[key] = r
	return r, nil
}

// louvainTrials runs the trials on all cores: trial t is Louvain with seed
// seed + t<<32, and the first trial of highest modularity wins.
func (a *Analysis) louvainTrials(ctx context.Context, seed uint64, trials int, gamma float64) (Communities, error) {
	res := make([]Communities, trials)
	errs := make([]error, trials)
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
				res[t], errs[t] = a.louvainTrial(ctx, seed+uint64(t)<<32, gamma)
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return Communities{}, err
	}
	best := res[0]
	for _, r := range res[1:] {
		if r.Modularity > best.Modularity {
			best = r
		}
	}
	return best, nil
}

// louvainTrial runs one trial: Louvain, then restarts from the partition
// found while modularity rises.
func (a *Analysis) louvainTrial(ctx context.Context, seed uint64, gamma float64) (Communities, error) {
	of, err := a.louvainOnce(ctx, gamma, seed, nil)
	if err != nil {
		return Communities{}, err
	}
	q := a.modularity(of, gamma)
	// Iterate: restart Louvain from the partition found, which lets
	// single vertices leave communities that merged too early.
	for it := 1; it <= 8; it++ {
		of2, err := a.louvainOnce(ctx, gamma, seed+uint64(it), of)
		if err != nil {
			return Communities{}, err
		}
		q2 := a.modularity(of2, gamma)
		if q2 <= q+1e-12 {
			break
		}
		of, q = of2, q2
	}
	return Communities{Of: of, Modularity: q}, nil
}

// lgraph is one level of the Louvain hierarchy: a weighted undirected
// graph with self-loop weights. For a directed network the weight between
// two vertices is the sum of the arcs both ways, and kin and kout (nil when
// undirected) are each vertex's in- and out-strength, self-loops included.
type lgraph struct {
	off       []int32
	adj       []int32
	w         []float64
	self      []float64 // weight of the self-loop (counted once)
	k         []float64 // strength: sum of w plus twice the self-loop
	kin, kout []float64
}

// louvainOnce runs the Louvain levels once; when init is not nil, the first
// level starts from that partition instead of singletons.
func (a *Analysis) louvainOnce(ctx context.Context, gamma float64, seed uint64, init []int) ([]int, error) {
	n := a.g.n
	u := &a.g.und
	lg := &lgraph{off: u.off, adj: u.adj, self: make([]float64, n), k: make([]float64, n)}
	if u.w != nil {
		lg.w = u.w
		// Modularity does not change when every weight is scaled; scale
		// weights far from 1 by a power of two (exactly) so that sums
		// neither overflow nor fall below the gain threshold.
		sum := 0.0
		for _, w := range u.w {
			sum += w / float64(len(u.w))
		}
		if e := math.Ilogb(sum); e > 30 || e < -30 {
			lg.w = make([]float64, len(u.w))
			for i, w := range u.w {
				lg.w[i] = math.Ldexp(w, -e)
			}
		}
	} else {
		lg.w = make([]float64, len(u.adj))
		for i := range lg.w {
			lg.w[i] = float64(u.count(int32(i)))
		}
	}
	m2 := 0.0
	for v := 0; v < n; v++ {
		for i := lg.off[v]; i < lg.off[v+1]; i++ {
			lg.k[v] += lg.w[i]
		}
		m2 += lg.k[v]
	}
	if a.g.directed {
		lg.kin, lg.kout = make([]float64, n), make([]float64, n)
		for v := int32(0); v < int32(n); v++ {
			for i := a.g.out.off[v]; i < a.g.out.off[v+1]; i++ {
				lg.kout[v] += a.g.out.weight(i)
			}
			for i := a.g.in.off[v]; i < a.g.in.off[v+1]; i++ {
				lg.kin[v] += a.g.in.weight(i)
			}
		}
	}
	of := make([]int, n)
	for i := range of {
		of[i] = i
	}
	if m2 == 0 {
		return renumber(of), nil
	}
	rng := rand.New(rand.NewPCG(seed, 0x10071a1))
	for level := 0; ; level++ {
		var start []int
		if level == 0 {
			start = init
		}
		comm, moved, err := lg.moveNodes(ctx, gamma, m2, rng, start)
		if err != nil {
			return nil, err
		}
		if !moved {
			break
		}
		nc := 0
		for _, c := range comm {
			nc = max(nc, int(c)+1)
		}
		for i := range of {
			of[i] = int(comm[of[i]])
		}
		if nc == len(comm) {
			break
		}
		lg = lg.aggregate(comm, nc)
	}
	return renumber(of), nil
}

// moveNodes is Louvain's local-moving phase; it returns each vertex's
// community, numbered densely, and whether any vertex moved. m2 is the
// sum of all strengths: twice the total weight.
func (lg *lgraph) moveNodes(ctx context.Context, gamma, m2 float64, rng *rand.Rand, start []int) ([]int32, bool, error) {
	n := len(lg.k)
	comm := make([]int32, n)
	tot := make([]float64, n)
	directed := lg.kin != nil
	var totIn, totOut []float64
	if directed {
		totIn, totOut = make([]float64, n), make([]float64, n)
	}
	m := m2 / 2
	for v := range comm {
		comm[v] = int32(v)
		if start != nil {
			comm[v] = int32(start[v])
		}
		tot[comm[v]] += lg.k[v]
		if directed {
			totIn[comm[v]] += lg.kin[v]
			totOut[comm[v]] += lg.kout[v]
		}
	}
	movedAny := start != nil
	order := make([]int32, n)
	for i := range order {
		order[i] = int32(i)
	}
	rng.Shuffle(n, func(i, j int) { order[i], order[j] = order[j], order[i] })
	wto := make([]float64, n)
	for i := range wto {
		wto[i] = -1
	}
	touched := make([]int32, 0, 64)
	for {
		moves := 0
		for i, v := range order {
			if i&4095 == 0 && ctx.Err() != nil {
				return nil, false, ctx.Err()
			}
			cv := comm[v]
			kv := lg.k[v]
			touched = touched[:0]
			wto[cv] = 0
			touched = append(touched, cv)
			for i := lg.off[v]; i < lg.off[v+1]; i++ {
				c := comm[lg.adj[i]]
				if wto[c] < 0 {
					wto[c] = 0
					touched = append(touched, c)
				}
				wto[c] += lg.w[i]
			}
			tot[cv] -= kv
			best := cv
			if directed {
				// Leicht–Newman: gain of joining c, times m.
				kin, kout := lg.kin[v], lg.kout[v]
				totIn[cv] -= kin
				totOut[cv] -= kout
				bestGain := wto[cv] - gamma*(kout*totIn[cv]+kin*totOut[cv])/m
				for _, c := range touched {
					gain := wto[c] - gamma*(kout*totIn[c]+kin*totOut[c])/m
					if gain > bestGain+1e-12 {
						best, bestGain = c, gain
					}
				}
				totIn[best] += kin
				totOut[best] += kout
			} else {
				bestGain := wto[cv] - gamma*tot[cv]*kv/m2
				for _, c := range touched {
					gain := wto[c] - gamma*tot[c]*kv/m2
					if gain > bestGain+1e-12 {
						best, bestGain = c, gain
					}
				}
			}
			for _, c := range touched {
				wto[c] = -1
			}
			tot[best] += kv
			if best != cv {
				comm[v] = best
				moves++
			}
		}
		if moves == 0 {
			break
		}
		movedAny = true
	}
	// Renumber densely in vertex order.
	id := make([]int32, n)
	for i := range id {
		id[i] = -1
	}
	k := int32(0)
	for v, c := range comm {
		if id[c] < 0 {
			id[c] = k
			k++
		}
		comm[v] = id[c]
	}
	return comm, movedAny, nil
}

// aggregate builds the next level: one vertex per community.
func (lg *lgraph) aggregate(comm []int32, nc int) *lgraph {
	n := len(comm)
	members := make([]int32, n)
	start := make([]int32, nc+1)
	for _, c := range comm {
		start[c+1]++
	}
	for i := 0; i < nc; i++ {
		start[i+1] += start[i]
	}
	pos := append([]int32(nil), start[:nc]...)
	for v, c := range comm {
		members[pos[c]] = int32(v)
		pos[c]++
	}
	ng := &lgraph{off: make([]int32, nc+1), self: make([]float64, nc), k: make([]float64, nc)}
	if lg.kin != nil {
		ng.kin, ng.kout = make([]float64, nc), make([]float64, nc)
		for v, c := range comm {
			ng.kin[c] += lg.kin[v]
			ng.kout[c] += lg.kout[v]
		}
	}
	wto := make([]float64, nc)
	for i := range wto {
		wto[i] = -1
	}
	var touched []int32
	for c := 0; c < nc; c++ {
		touched = touched[:0]
		for _, v := range members[start[c]:start[c+1]] {
			ng.self[c] += lg.self[v]
			ng.k[c] += lg.k[v]
			for i := lg.off[v]; i < lg.off[v+1]; i++ {
				d := comm[lg.adj[i]]
				if int(d) == c {
					ng.self[c] += lg.w[i] / 2
					continue
				}
				if wto[d] < 0 {
					wto[d] = 0
					touched = append(touched, d)
				}
				wto[d] += lg.w[i]
			}
		}
		for _, d := range touched {
			ng.adj = append(ng.adj, d)
			ng.w = append(ng.w, wto[d])
			wto[d] = -1
		}
		ng.off[c+1] = int32(len(ng.adj))
	}
	return ng
}

func renumber(of []int) []int {
	id := map[int]int{}
	out := make([]int, len(of))
	for v, c := range of {
		i, ok := id[c]
		if !ok {
			i = len(id)
			id[c] = i
		}
		out[v] = i
	}
	return out
}

// Modularity returns the modularity of a partition (one community number
// per actor) with resolution 1, weighted when the network is, as NetworkX's
// community.modularity: Newman–Girvan modularity when undirected, and when
// directed the Leicht–Newman modularity Σc (Lc/m − K⁺cK⁻c/m²), where Lc is
// the weight of the arcs inside c, K⁺c and K⁻c are its out- and
// in-strength and m is the total arc weight. Self-loops are ignored.
func (a *Analysis) Modularity(of []int) float64 { return a.modularity(of, 1) }

func (a *Analysis) modularity(of []int, gamma float64) float64 {
	nc := 0
	for _, c := range of {
		nc = max(nc, c+1)
	}
	if a.g.directed {
		return a.directedModularity(of, nc, gamma)
	}
	u := &a.g.und
	n := a.g.n
	in := make([]float64, nc)
	deg := make([]float64, nc)
	m2 := 0.0
	for v := 0; v < n; v++ {
		for i := u.off[v]; i < u.off[v+1]; i++ {
			w := u.weight(i)
			deg[of[v]] += w
			m2 += w
			if of[u.adj[i]] == of[v] {
				in[of[v]] += w
			}
		}
	}
	if m2 == 0 {
		return 0
	}
	q := 0.0
	for c := range in {
		q += in[c]/m2 - gamma*(deg[c]/m2)*(deg[c]/m2)
	}
	return q
}

func (a *Analysis) directedModularity(of []int, nc int, gamma float64) float64 {
	g := &a.g.out
	in := make([]float64, nc)
	kout := make([]float64, nc)
	kin := make([]float64, nc)
	m := 0.0
	for v := 0; v < a.g.n; v++ {
		for i := g.off[v]; i < g.off[v+1]; i++ {
			w := g.weight(i)
			x := g.adj[i]
			kout[of[v]] += w
			kin[of[x]] += w
			m += w
			if of[x] == of[v] {
				in[of[v]] += w
			}
		}
	}
	if m == 0 {
		return 0
	}
	q := 0.0
	for c := range in {
		q += in[c]/m - gamma*kout[c]*kin[c]/(m*m)
	}
	return q
}
