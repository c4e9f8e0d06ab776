package network

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"runtime"
	"sync"
)

// Analysis computes metrics of a [Network] on its compact form, built once by
// [Network.Analyze]. Every slice a method returns is indexed like
// [Analysis.IDs], which is the order actors were added. On a directed
// network every metric is NetworkX's DiGraph one: directed degree,
// betweenness, closeness, harmonic, PageRank, eigenvector, clustering,
// k-core, modularity and Burt's measures; components are weakly connected
// ones. Only [Network.Ego] and [Network.Ward] use the undirected view.
// [Analysis.Metrics] lists which metrics use weights. Self-loops are
// ignored throughout.
type Analysis struct {
	// Workers is the number of goroutines for betweenness, closeness and
	// harmonic centrality; 0 means runtime.GOMAXPROCS(0). Results do not
	// depend on it.
	Workers int `json:"workers,omitempty"`

	ids  []string
	vals []Actor
	g    *csr
	// louvain caches the communities of each (seed, trials), so that
	// Metrics and every ward view share one Louvain run.
	louvain *louvainCache
}

// Analyze converts the network to its compact form for analysis. Later
// changes to the network are not seen by the returned Analysis. The
// network keeps the compact form, and the Louvain communities computed on
// it, until it changes: calling Analyze again, or [Network.Ward] for many
// wards, costs no second conversion or Louvain run.
func (n *Network) Analyze() *Analysis {
	if n.analysis == nil || n.cachedAt != n.version {
		n.analysis = &Analysis{ids: append([]string(nil), n.store.ids...), vals: n.Actors(), g: n.csr(), louvain: &louvainCache{}}
		n.cachedAt = n.version
	}
	a := *n.analysis
	return &a
}

// IDs returns the actor ids in the order of every metric slice.
func (a *Analysis) IDs() []string { return a.ids }

// Len returns the number of actors.
func (a *Analysis) Len() int { return a.g.n }

func (a *Analysis) workers() int {
	if a.Workers > 0 {
		return a.Workers
	}
	return runtime.GOMAXPROCS(0)
}

// Degree returns each actor's number of distinct neighbours, not counting
// self-loops; for a directed network, in-degree plus out-degree (as
// NetworkX's DiGraph.degree).
func (a *Analysis) Degree() []int {
	d := make([]int, a.g.n)
	for v := range d {
		d[v] = int(a.g.out.off[v+1] - a.g.out.off[v])
		if a.g.directed {
			d[v] += int(a.g.in.off[v+1] - a.g.in.off[v])
		}
	}
	return d
}

// InDegree returns the number of ties into each actor (Degree when
// undirected).
func (a *Analysis) InDegree() []int {
	if !a.g.directed {
		return a.Degree()
	}
	d := make([]int, a.g.n)
	for v := range d {
		d[v] = int(a.g.in.off[v+1] - a.g.in.off[v])
	}
	return d
}

// OutDegree returns the number of ties out of each actor (Degree when
// undirected).
func (a *Analysis) OutDegree() []int {
	if !a.g.directed {
		return a.Degree()
	}
	d := make([]int, a.g.n)
	for v := range d {
		d[v] = int(a.g.out.off[v+1] - a.g.out.off[v])
	}
	return d
}

// numChunks is the fixed number of source ranges that parallel sums are
// split into. Each range is summed in source order into its own array and
// the arrays are added in range order, so results are bit-identical
// whatever the number of workers.
const numChunks = 64

// chunked runs work over the sources src in fixed chunks on up to workers
// goroutines. work gets a per-goroutine scratch value (from newScratch), the
// chunk's sources and the chunk's output arrays (outs of them, each n long).
// The returned arrays are the chunk arrays summed in chunk order.
func chunked[S any](ctx context.Context, n int, src []int32, outs, workers int, newScratch func() S, work func(s S, src []int32, out [][]float64) error) ([][]float64, error) {
	total := make([][]float64, outs)
	for i := range total {
		total[i] = make([]float64, n)
	}
	if len(src) == 0 || n == 0 {
		return total, ctx.Err()
	}
	nc := min(numChunks, len(src))
	parts := make([][][]float64, nc)
	bounds := func(c int) (int, int) { return c * len(src) / nc, (c + 1) * len(src) / nc }
	next := make(chan int, nc)
	for c := 0; c < nc; c++ {
		next <- c
	}
	close(next)
	var wg sync.WaitGroup
	errs := make([]error, min(workers, nc))
	for w := 0; w < min(workers, nc); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := newScratch()
			for c := range next {
				if errs[w] != nil {
					continue
				}
				lo, hi := bounds(c)
				out := make([][]float64, outs)
				for i := range out {
					out[i] = make([]float64, n)
				}
				errs[w] = work(s, src[lo:hi], out)
				parts[c] = out
			}
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, ctx.Err()
	}
	for _, p := range parts {
		for i := range total {
			t := total[i]
			for v, x := range p[i] {
				t[v] += x
			}
		}
	}
	return total, nil
}

// brandesScratch is one goroutine's working memory for Brandes' algorithm.
type brandesScratch struct {
	dist  []int32
	sigma []float64
	coef  []float64
	order []int32
}

func (a *Analysis) newBrandes() *brandesScratch {
	n := a.g.n
	s := &brandesScratch{dist: make([]int32, n), sigma: make([]float64, n), coef: make([]float64, n), order: make([]int32, 0, n)}
	for i := range s.dist {
		s.dist[i] = -1
	}
	return s
}

// brandes runs one single-source pass of Brandes' algorithm (U. Brandes, "A
// faster algorithm for betweenness centrality", J. Math. Sociol. 25(2),
// 2001) from src and adds each vertex's dependency to bc (and its square to
// sq when sq is not nil). Dependencies are pulled from successors rather
// than pushed to predecessors, which needs no predecessor lists.
func (a *Analysis) brandes(s *brandesScratch, src int32, bc, sq []float64) {
	g := &a.g.out
	dist, sigma, coef := s.dist, s.sigma, s.coef
	order := s.order[:0]
	dist[src] = 0
	sigma[src] = 1
	order = append(order, src)
	for h := 0; h < len(order); h++ {
		v := order[h]
		dv := dist[v] + 1
		sv := sigma[v]
		for _, w := range g.adj[g.off[v]:g.off[v+1]] {
			dw := dist[w]
			if dw < 0 {
				dist[w] = dv
				sigma[w] = sv
				order = append(order, w)
			} else if dw == dv {
				sigma[w] += sv
			}
		}
	}
	for h := len(order) - 1; h >= 0; h-- {
		v := order[h]
		dv := dist[v] + 1
		sum := 0.0
		for _, w := range g.adj[g.off[v]:g.off[v+1]] {
			if dist[w] == dv {
				sum += coef[w]
			}
		}
		delta := sigma[v] * sum
		coef[v] = (1 + delta) / sigma[v]
		if v != src {
			bc[v] += delta
			if sq != nil {
				sq[v] += delta * delta
			}
		}
	}
	for _, v := range order {
		dist[v] = -1
		sigma[v] = 0
	}
	s.order = order
}

// Betweenness returns exact betweenness centrality, normalised as NetworkX's
// betweenness_centrality(normalized=True): divided by (n-1)(n-2), for
// directed and undirected networks alike. It runs on all cores; the cost is
// O(n·m). It returns ctx.Err() soon after ctx is cancelled: it checks
// after each source.
func (a *Analysis) Betweenness(ctx context.Context) ([]float64, error) {
	n := a.g.n
	src := make([]int32, n)
	for i := range src {
		src[i] = int32(i)
	}
	r, err := chunked(ctx, n, src, 1, a.workers(), a.newBrandes, func(s *brandesScratch, src []int32, out [][]float64) error {
		for _, v := range src {
			if err := ctx.Err(); err != nil {
				return err
			}
			a.brandes(s, v, out[0], nil)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	bc := r[0]
	if n > 2 {
		scale := 1 / float64((n-1)*(n-2))
		for i := range bc {
			bc[i] *= scale
		}
	}
	return bc, nil
}

// SampledBetweenness estimates betweenness from k pivot sources drawn without
// replacement with the given seed, scaled by n/k as NetworkX's
// betweenness_centrality(k=...) does. StdErr is each estimate's standard
// error, from the variance of the pivots' dependencies with the
// finite-population correction (0 when k >= n, where the result is exact).
// Dependencies are heavy-tailed, so StdErr is itself an estimate and tends
// to understate the error of actors that few pivots reach through.
type SampledBetweenness struct {
	// Values is the estimated normalised betweenness per actor.
	Values []float64 `json:"values"`
	// StdErr is the standard error of each estimate.
	StdErr []float64 `json:"std_err"`
	// K is the number of pivots used.
	K int `json:"k"`
}

// SampleBetweenness estimates betweenness from k seeded pivots; see
// [SampledBetweenness]. k <= 0 or k >= n gives the exact values. It
// returns ctx.Err() soon after ctx is cancelled.
func (a *Analysis) SampleBetweenness(ctx context.Context, k int, seed uint64) (SampledBetweenness, error) {
	n := a.g.n
	if k <= 0 || k >= n {
		bc, err := a.Betweenness(ctx)
		if err != nil {
			return SampledBetweenness{}, err
		}
		return SampledBetweenness{Values: bc, StdErr: make([]float64, n), K: n}, nil
	}
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	perm := make([]int32, n)
	for i := range perm {
		perm[i] = int32(i)
	}
	for i := 0; i < k; i++ {
		j := i + rng.IntN(n-i)
		perm[i], perm[j] = perm[j], perm[i]
	}
	piv := perm[:k]
	r, err := chunked(ctx, n, piv, 2, a.workers(), a.newBrandes, func(s *brandesScratch, src []int32, out [][]float64) error {
		for _, v := range src {
			if err := ctx.Err(); err != nil {
				return err
			}
			a.brandes(s, v, out[0], out[1])
		}
		return nil
	})
	if err != nil {
		return SampledBetweenness{}, err
	}
	sum, sq := r[0], r[1]
	scale := float64(n) / float64(k)
	if n > 2 {
		scale /= float64((n - 1) * (n - 2))
	}
	se := make([]float64, n)
	fk := float64(k)
	fpc := 1 - fk/float64(n)
	for v := range sum {
		if k > 1 {
			mean := sum[v] / fk
			variance := (sq[v] - fk*mean*mean) / (fk - 1)
			if variance > 0 {
				se[v] = scale * fk * math.Sqrt(variance/fk*fpc)
			}
		}
		sum[v] *= scale
	}
	return SampledBetweenness{Values: sum, StdErr: se, K: k}, nil
}

// Closeness returns closeness centrality with the Wasserman–Faust
// correction for disconnected graphs, as NetworkX's closeness_centrality
// (wf_improved=True): (r/t)·(r/(n-1)) where r vertices reach v at total
// distance t; 0 when none does. For directed networks it uses distances
// into v, as NetworkX does.
func (a *Analysis) Closeness(ctx context.Context) ([]float64, error) {
	c, _, err := a.ClosenessHarmonic(ctx)
	return c, err
}

// Harmonic returns harmonic centrality as NetworkX's harmonic_centrality:
// the sum of 1/d(u, v) over all u != v (distances into v when directed),
// not normalised.
func (a *Analysis) Harmonic(ctx context.Context) ([]float64, error) {
	_, h, err := a.ClosenessHarmonic(ctx)
	return h, err
}

// ClosenessHarmonic returns [Analysis.Closeness] and [Analysis.Harmonic]
// from one traversal. Both are exact: they need the distance between every
// pair of actors, found by breadth-first searches from 512 sources at a
// time, one bit per source, on all cores; the cost is O(n·m/512) word
// operations, about 6 s on two cores for 100,000 actors and 1,000,000
// ties. Results are bit-identical whatever [Analysis.Workers] is. It
// returns ctx.Err() soon after ctx is cancelled: it checks at every level
// of every batch.
func (a *Analysis) ClosenessHarmonic(ctx context.Context) (closeness, harmonic []float64, err error) {
	n := a.g.n
	reach, tot, harm, err := a.distances(ctx)
	if err != nil {
		return nil, nil, err
	}
	c := make([]float64, n)
	for v := range c {
		if tot[v] > 0 && n > 1 {
			r := float64(reach[v])
			c[v] = r / float64(tot[v]) * (r / float64(n-1))
		}
	}
	return c, harm, nil
}

// ErrNoConvergence reports a power iteration that did not converge.
var ErrNoConvergence = errors.New("civic: power iteration did not converge")

// PageRank returns PageRank with damping alpha (NetworkX's default is
// 0.85), computed as NetworkX's pagerank: uniform start and teleport,
// dangling vertices spread uniformly, stop when the L1 change is below
// n·1e-6, at most 100 iterations. Weighted networks use the weights.
func (a *Analysis) PageRank(alpha float64) ([]float64, error) {
	n := a.g.n
	if n == 0 {
		return nil, nil
	}
	g := a.g
	outW := make([]float64, n)
	for v := 0; v < n; v++ {
		for i := g.out.off[v]; i < g.out.off[v+1]; i++ {
			outW[v] += g.out.weight(i)
		}
	}
	inv := make([]float64, n)
	for v, s := range outW {
		if s != 0 {
			inv[v] = 1 / s
		}
	}
	x := make([]float64, n)
	y := make([]float64, n)
	for i := range x {
		x[i] = 1 / float64(n)
	}
	p := 1 / float64(n)
	for iter := 0; iter < 100; iter++ {
		dangling := 0.0
		for v, s := range outW {
			if s == 0 {
				dangling += x[v]
			}
		}
		for v := 0; v < n; v++ {
			sum := 0.0
			for i := g.in.off[v]; i < g.in.off[v+1]; i++ {
				u := g.in.adj[i]
				sum += x[u] * g.in.weight(i) * inv[u]
			}
			y[v] = alpha*(sum+dangling*p) + (1-alpha)*p
		}
		err := 0.0
		for v := range x {
			err += math.Abs(y[v] - x[v])
		}
		x, y = y, x
		if err < float64(n)*1e-6 {
			return x, nil
		}
	}
	return x, ErrNoConvergence
}

// Eigenvector returns eigenvector centrality computed as NetworkX's
// eigenvector_centrality: power iteration on A+I (in-ties when directed)
// from a uniform start, unit Euclidean norm, stop when the L1 change is
// below n·1e-6, at most 100 iterations. Ties count once, unweighted.
func (a *Analysis) Eigenvector() ([]float64, error) {
	n := a.g.n
	if n == 0 {
		return nil, nil
	}
	g := &a.g.in
	x := make([]float64, n)
	y := make([]float64, n)
	for i := range x {
		x[i] = 1 / float64(n)
	}
	for iter := 0; iter < 100; iter++ {
		norm := 0.0
		for v := 0; v < n; v++ {
			s := x[v]
			for _, u := range g.adj[g.off[v]:g.off[v+1]] {
				s += x[u]
			}
			y[v] = s
			norm += s * s
		}
		norm = math.Sqrt(norm)
		if norm == 0 {
			norm = 1
		}
		err := 0.0
		for v := range y {
			y[v] /= norm
			err += math.Abs(y[v] - x[v])
		}
		x, y = y, x
		if err < float64(n)*1e-6 {
			return x, nil
		}
	}
	return x, ErrNoConvergence
}
