package persona

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
)

// KPrototypes clusters rows with numeric and categorical parts (Huang
// 1998): the distance is the squared Euclidean distance of the numeric
// parts plus Gamma times the number of categorical mismatches; prototypes
// are means and modes. Missing categories (negative) never mismatch. The
// best of Restarts seeded runs by cost is kept, independent of the number
// of cores.
type KPrototypes struct {
	K        int     `json:"k" jsonschema:"minimum=1"`                  // number of clusters; required
	Gamma    float64 `json:"gamma,omitempty" jsonschema:"minimum=0"`    // weight of a categorical mismatch; 0 means half the mean numeric standard deviation (Huang's suggestion)
	Restarts int     `json:"restarts,omitempty" jsonschema:"minimum=0"` // independent runs; 0 means 10
	MaxIter  int     `json:"max_iter,omitempty" jsonschema:"minimum=0"` // iterations per run; 0 means 100
	Seed     uint64  `json:"seed"`                                      // random seed
	Workers  int     `json:"workers,omitempty" jsonschema:"minimum=0"`  // goroutines; 0 means GOMAXPROCS; the result does not depend on it
}

// Fit clusters rows whose numeric parts are the rows of num and whose
// categorical parts are cat[i] (level numbers, negative for missing).
// It returns ctx.Err() soon after ctx is cancelled.
func (kp KPrototypes) Fit(ctx context.Context, num Matrix, cat [][]int) (*Clustering, error) {
	if err := num.check(); err != nil {
		return nil, err
	}
	n := num.Rows
	if len(cat) != n {
		return nil, fmt.Errorf("persona: k-prototypes: %d categorical rows for %d numeric rows", len(cat), n)
	}
	if kp.K < 1 || n < kp.K {
		return nil, fmt.Errorf("persona: k-prototypes: %d rows cannot form %d clusters", n, kp.K)
	}
	if kp.Restarts <= 0 {
		kp.Restarts = 10
	}
	if kp.MaxIter <= 0 {
		kp.MaxIter = 100
	}
	if kp.Workers <= 0 {
		kp.Workers = runtime.GOMAXPROCS(0)
	}
	if kp.Gamma <= 0 {
		kp.Gamma = 0.5 * math.Sqrt(meanVariance(num))
		if kp.Gamma == 0 {
			kp.Gamma = 1
		}
	}
	m := 0
	if n > 0 {
		m = len(cat[0])
	}
	levels := make([]int, m)
	for i, r := range cat {
		if len(r) != m {
			return nil, fmt.Errorf("persona: k-prototypes: categorical row %d has %d values, want %d", i, len(r), m)
		}
		for j, v := range r {
			levels[j] = max(levels[j], v+1)
		}
	}
	dist := func(i int, cn []float64, cc []int) float64 {
		d := sqDist(num.Row(i), cn)
		for j, v := range cat[i] {
			if v >= 0 && cc[j] >= 0 && v != cc[j] {
				d += kp.Gamma
			}
		}
		return d
	}
	results := make([]*Clustering, kp.Restarts)
	errs := make([]error, kp.Restarts)
	parallelFor(kp.Restarts, kp.Workers, func(r int) {
		rng := rand.New(rand.NewPCG(kp.Seed, uint64(r)*0x9E3779B97F4A7C15+2))
		results[r], errs[r] = kp.run(ctx, num, cat, levels, dist, rng)
	})
	var best *Clustering
	for r, res := range results {
		if errs[r] != nil {
			return nil, errs[r]
		}
		if best == nil || res.Inertia < best.Inertia {
			best = res
		}
	}
	return best, nil
}

func (kp KPrototypes) run(ctx context.Context, num Matrix, cat [][]int, levels []int, dist func(int, []float64, []int) float64, rng *rand.Rand) (*Clustering, error) {
	n, d, k, m := num.Rows, num.Cols, kp.K, len(levels)
	cn := Matrix{Rows: k, Cols: d, Data: make([]float64, k*d)}
	cc := make([][]int, k)
	// k-means++ style seeding on the mixed distance.
	closest := make([]float64, n)
	for c := 0; c < k; c++ {
		pick := rng.IntN(n)
		if c > 0 {
			var pot float64
			for _, v := range closest {
				pot += v
			}
			if !(pot > 0) {
				return nil, fmt.Errorf("%w: %d clusters asked for", ErrTooFewDistinct, k)
			}
			r := rng.Float64() * pot
			pick = n - 1
			for i, v := range closest {
				r -= v
				if r < 0 {
					pick = i
					break
				}
			}
		}
		copy(cn.Row(c), num.Row(pick))
		cc[c] = slices.Clone(cat[pick])
		for i := 0; i < n; i++ {
			v := dist(i, cn.Row(c), cc[c])
			if c == 0 || v < closest[i] {
				closest[i] = v
			}
		}
	}
	labels := make([]int, n)
	for i := range labels {
		labels[i] = -1
	}
	counts := make([][]int, m)
	iter := 0
	converged := false
	for iter < kp.MaxIter {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		iter++
		changed := 0
		for i := 0; i < n; i++ {
			b, bd := 0, math.Inf(1)
			for c := 0; c < k; c++ {
				if v := dist(i, cn.Row(c), cc[c]); v < bd {
					b, bd = c, v
				}
			}
			if b != labels[i] {
				changed++
				labels[i] = b
			}
		}
		if changed == 0 {
			converged = true
			break
		}
		for c := 0; c < k; c++ {
			size := 0
			mean := make([]float64, d)
			for j := range counts {
				counts[j] = make([]int, levels[j])
			}
			for i := 0; i < n; i++ {
				if labels[i] != c {
					continue
				}
				size++
				for f, v := range num.Row(i) {
					mean[f] += v
				}
				for j, v := range cat[i] {
					if v >= 0 {
						counts[j][v]++
					}
				}
			}
			if size == 0 {
				continue // keep the old prototype
			}
			for f := range mean {
				mean[f] /= float64(size)
			}
			copy(cn.Row(c), mean)
			for j := range counts {
				best, bc := -1, 0
				for l, cnt := range counts[j] {
					if cnt > bc {
						best, bc = l, cnt
					}
				}
				cc[c][j] = best
			}
		}
	}
	res := &Clustering{Labels: labels, Centers: cn, Sizes: make([]int, k), Iterations: iter, Converged: converged}
	for i := 0; i < n; i++ {
		res.Sizes[labels[i]]++
		res.Inertia += dist(i, cn.Row(labels[i]), cc[labels[i]])
	}
	return res, nil
}

// DistMatrix is a symmetric matrix of pairwise distances between N rows,
// stored in full, row-major.
type DistMatrix struct {
	N int       `json:"n" jsonschema:"minimum=0"`
	D []float64 `json:"d"`
}

// At returns the distance between rows i and j.
func (m DistMatrix) At(i, j int) float64 { return m.D[i*m.N+j] }

// Gower returns Gower's (1971) distances between rows with numeric parts
// num (NaN for missing) weighted by weights (nil for all 1), and
// categorical parts cat (negative for missing, weight 1 each). Numeric
// differences are divided by the feature's range; a feature missing in
// either row is left out of that pair's weighted mean. Two rows sharing no
// answered feature are at distance 0.
//
// It returns ctx.Err() soon after ctx is cancelled.
func Gower(ctx context.Context, num Matrix, weights []float64, cat [][]int) (DistMatrix, error) {
	n := num.Rows
	if num.Cols > 0 && len(num.Data) != n*num.Cols {
		return DistMatrix{}, fmt.Errorf("persona: gower: malformed matrix")
	}
	if cat != nil && len(cat) != n {
		return DistMatrix{}, fmt.Errorf("persona: gower: %d categorical rows for %d numeric rows", len(cat), n)
	}
	if weights == nil {
		weights = make([]float64, num.Cols)
		for i := range weights {
			weights[i] = 1
		}
	}
	rng := make([]float64, num.Cols)
	for f := 0; f < num.Cols; f++ {
		lo, hi := math.Inf(1), math.Inf(-1)
		for i := 0; i < n; i++ {
			if v := num.Data[i*num.Cols+f]; !math.IsNaN(v) {
				lo, hi = min(lo, v), max(hi, v)
			}
		}
		if hi > lo {
			rng[f] = hi - lo
		}
	}
	out := DistMatrix{N: n, D: make([]float64, n*n)}
	parallelFor(n, runtime.GOMAXPROCS(0), func(i int) {
		if ctx.Err() != nil {
			return
		}
		for j := i + 1; j < n; j++ {
			var s, w float64
			for f := 0; f < num.Cols; f++ {
				a, b := num.Data[i*num.Cols+f], num.Data[j*num.Cols+f]
				if math.IsNaN(a) || math.IsNaN(b) {
					continue
				}
				w += weights[f]
				if rng[f] > 0 {
					s += weights[f] * math.Abs(a-b) / rng[f]
				}
			}
			if cat != nil {
				for f, a := range cat[i] {
					b := cat[j][f]
					if a < 0 || b < 0 {
						continue
					}
					w++
					if a != b {
						s++
					}
				}
			}
			if w > 0 {
				out.D[i*n+j] = s / w
			}
		}
	})
	if err := ctx.Err(); err != nil {
		return DistMatrix{}, err
	}
	for i := 0; i < n; i++ {
		for j := 0; j < i; j++ {
			out.D[i*n+j] = out.D[j*n+i]
		}
	}
	return out, nil
}

// PAM clusters by Partitioning Around Medoids (Kaufman and Rousseeuw
// 1990): the BUILD step, then SWAP until no swap lowers the total
// distance. It is deterministic (ties go to the lowest row). The medoids
// are real rows: for survey data they are real respondents and must never
// be published.
type PAM struct {
	K       int `json:"k" jsonschema:"minimum=1"`                  // number of clusters; required
	MaxIter int `json:"max_iter,omitempty" jsonschema:"minimum=0"` // swap rounds; 0 means 100
}

// Fit clusters the N rows of d. It returns ctx.Err() soon after ctx is
// cancelled.
func (p PAM) Fit(ctx context.Context, d DistMatrix) (*Clustering, error) {
	n, k := d.N, p.K
	if k < 1 || n < k {
		return nil, fmt.Errorf("persona: pam: %d rows cannot form %d clusters", n, k)
	}
	if p.MaxIter <= 0 {
		p.MaxIter = 100
	}
	near := make([]float64, n) // distance to the nearest medoid
	for i := range near {
		near[i] = math.Inf(1)
	}
	var medoids []int
	isMed := make([]bool, n)
	for len(medoids) < k {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		best, bestGain := -1, math.Inf(-1)
		for c := 0; c < n; c++ {
			if isMed[c] {
				continue
			}
			var gain float64
			for i := 0; i < n; i++ {
				if v := d.At(i, c); len(medoids) == 0 {
					gain -= v
				} else if v < near[i] {
					gain += near[i] - v
				}
			}
			if gain > bestGain {
				best, bestGain = c, gain
			}
		}
		if len(medoids) > 0 && bestGain <= 0 {
			return nil, fmt.Errorf("%w: %d clusters asked for", ErrTooFewDistinct, k)
		}
		medoids = append(medoids, best)
		isMed[best] = true
		for i := 0; i < n; i++ {
			near[i] = min(near[i], d.At(i, best))
		}
	}
	cost := func(meds []int) float64 {
		var s float64
		for i := 0; i < n; i++ {
			m := math.Inf(1)
			for _, c := range meds {
				m = min(m, d.At(i, c))
			}
			s += m
		}
		return s
	}
	cur := cost(medoids)
	iter := 0
	converged := false
	trial := make([]int, k)
	for iter < p.MaxIter {
		iter++
		bestCost, bm, bo := cur, -1, -1
		for mi := range medoids {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			for o := 0; o < n; o++ {
				if isMed[o] {
					continue
				}
				copy(trial, medoids)
				trial[mi] = o
				if c := cost(trial); c < bestCost-1e-12 {
					bestCost, bm, bo = c, mi, o
				}
			}
		}
		if bm < 0 {
			converged = true
			break
		}
		isMed[medoids[bm]] = false
		medoids[bm] = bo
		isMed[bo] = true
		cur = bestCost
	}
	res := &Clustering{Labels: make([]int, n), Sizes: make([]int, k), Medoids: slices.Clone(medoids), Iterations: iter, Converged: converged}
	for i := 0; i < n; i++ {
		b, bd := 0, math.Inf(1)
		for c, m := range medoids {
			if v := d.At(i, m); v < bd {
				b, bd = c, v
			}
		}
		res.Labels[i] = b
		res.Sizes[b]++
		res.Inertia += bd
	}
	return res, nil
}

// SilhouetteDist is [Silhouette] computed from a distance matrix, such as
// [Gower] distances.
func SilhouetteDist(d DistMatrix, labels []int) (float64, error) {
	if len(labels) != d.N {
		return 0, fmt.Errorf("persona: silhouette: %d labels for %d rows", len(labels), d.N)
	}
	return silhouette(context.Background(), d.N, labels, d.At)
}
