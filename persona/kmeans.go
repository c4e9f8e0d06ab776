package persona

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"sync"
)

// ErrTooFewDistinct reports that the data hold fewer distinct rows than
// the clusters asked for, so no clustering into k non-empty groups exists.
var ErrTooFewDistinct = errors.New("persona: fewer distinct rows than clusters")

// KMeans clusters numeric rows by k-means: greedy k-means++ seeding (as
// scikit-learn does it: 2+⌊ln k⌋ candidates per centre, with exact
// triangle-inequality pruning), then Lloyd's iterations accelerated with
// Hamerly's (2010) bounds, which give the same assignments as plain Lloyd
// while skipping most distance computations, and stopping as scikit-learn
// does. The best of Restarts runs by inertia is kept. On amd64 the
// distance kernels use SSE2 and give bit-identical results to the
// portable Go ones.
//
// The result depends only on the data and the fields, never on the number
// of cores: restarts run in parallel but each uses its own random stream
// derived from Seed and its index, and ties go to the lowest index.
type KMeans struct {
	K        int     `json:"k" jsonschema:"minimum=1"`                  // number of clusters; required
	Restarts int     `json:"restarts,omitempty" jsonschema:"minimum=0"` // independent runs; 0 means 10
	MaxIter  int     `json:"max_iter,omitempty" jsonschema:"minimum=0"` // iterations per run; 0 means 300
	Tol      float64 `json:"tol,omitempty" jsonschema:"minimum=0"`      // convergence tolerance relative to the mean feature variance; 0 means 1e-4
	Seed     uint64  `json:"seed"`                                      // random seed
	Workers  int     `json:"workers,omitempty" jsonschema:"minimum=0"`  // goroutines; 0 means GOMAXPROCS; the result does not depend on it
}

// Clustering is the result of a clustering run.
type Clustering struct {
	Labels     []int   `json:"labels"`            // cluster of each row, 0..K-1
	Centers    Matrix  `json:"centers"`           // K centres (k-means and k-prototypes numeric parts; empty for PAM)
	Sizes      []int   `json:"sizes"`             // rows per cluster
	Inertia    float64 `json:"inertia"`           // sum of squared distances to the assigned centre (k-means), or the method's cost
	Iterations int     `json:"iterations"`        // iterations of the winning run
	Medoids    []int   `json:"medoids,omitempty"` // PAM only: the rows chosen as medoids; these are real respondents and must not be published
	Converged  bool    `json:"converged"`         // whether the winning run converged before MaxIter
}

func (km KMeans) defaults() KMeans {
	if km.Restarts <= 0 {
		km.Restarts = 10
	}
	if km.MaxIter <= 0 {
		km.MaxIter = 300
	}
	if km.Tol <= 0 {
		km.Tol = 1e-4
	}
	if km.Workers <= 0 {
		km.Workers = runtime.GOMAXPROCS(0)
	}
	return km
}

// Fit clusters the rows of x. It returns ctx.Err() soon after ctx is
// cancelled.
func (km KMeans) Fit(ctx context.Context, x Matrix) (*Clustering, error) {
	if err := x.check(); err != nil {
		return nil, err
	}
	km = km.defaults()
	if km.K < 1 {
		return nil, fmt.Errorf("persona: k-means: k = %d, want at least 1", km.K)
	}
	if x.Rows < km.K {
		return nil, fmt.Errorf("persona: k-means: %d rows cannot form %d clusters", x.Rows, km.K)
	}
	if x.Cols == 0 {
		return nil, fmt.Errorf("persona: k-means: no columns")
	}
	tol := km.Tol * meanVariance(x)
	norms := make([]float64, x.Rows)
	for i := range norms {
		norms[i] = dot(x.Row(i), x.Row(i))
	}
	results := make([]*Clustering, km.Restarts)
	errs := make([]error, km.Restarts)
	parallelFor(km.Restarts, km.Workers, func(r int) {
		if errs[r] = ctx.Err(); errs[r] != nil {
			return
		}
		rng := rand.New(rand.NewPCG(km.Seed, uint64(r)*0x9E3779B97F4A7C15+1))
		centers, near, closest, err := kmeansPlusPlus(ctx, x, km.K, rng, norms)
		if err != nil {
			errs[r] = err
			return
		}
		results[r], errs[r] = lloyd(ctx, x, centers, near, closest, km.MaxIter, tol)
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

// parallelFor runs f(0..n-1) on up to workers goroutines. f must write
// only to its own index's results so the outcome is independent of
// scheduling.
func parallelFor(n, workers int, f func(i int)) {
	if workers > n {
		workers = n
	}
	if workers <= 1 {
		for i := 0; i < n; i++ {
			f(i)
		}
		return
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}

// meanVariance is the mean over columns of the population variance.
func meanVariance(x Matrix) float64 {
	if x.Rows == 0 || x.Cols == 0 {
		return 0
	}
	mean := make([]float64, x.Cols)
	for i := 0; i < x.Rows; i++ {
		for j, v := range x.Row(i) {
			mean[j] += v
		}
	}
	for j := range mean {
		mean[j] /= float64(x.Rows)
	}
	var s float64
	for i := 0; i < x.Rows; i++ {
		for j, v := range x.Row(i) {
			d := v - mean[j]
			s += d * d
		}
	}
	return s / float64(x.Rows) / float64(x.Cols)
}

// sqDistGo is the squared Euclidean distance between a and b in portable
// Go; sqDist may use assembly with the same results.
func sqDistGo(a, b []float64) float64 {
	b = b[:len(a)]
	var s0, s1, s2, s3 float64
	i := 0
	for ; i+4 <= len(a); i += 4 {
		d0 := a[i] - b[i]
		d1 := a[i+1] - b[i+1]
		d2 := a[i+2] - b[i+2]
		d3 := a[i+3] - b[i+3]
		s0 += d0 * d0
		s1 += d1 * d1
		s2 += d2 * d2
		s3 += d3 * d3
	}
	for ; i < len(a); i++ {
		d := a[i] - b[i]
		s0 += d * d
	}
	return (s0 + s1) + (s2 + s3)
}

// kmeansPlusPlus seeds k centres by greedy k-means++ (Arthur and
// Vassilvitskii 2007, with the local trials scikit-learn uses). It also
// returns each row's nearest centre and squared distance to it, which is
// Lloyd's first assignment.
//
// Candidates are checked against a row only when the triangle inequality
// allows them to be nearer than its nearest centre so far: if
// ‖cand − c‖ ≥ 2‖x − c‖ for x's nearest centre c, then ‖x − cand‖ ≥
// ‖x − c‖ (the exact acceleration of Raff 2021), which skips most
// distance computations once centres are spread out.
func kmeansPlusPlus(ctx context.Context, x Matrix, k int, rng *rand.Rand, norms []float64) (Matrix, []int, []float64, error) {
	n := x.Rows
	c := Matrix{Rows: 0, Cols: x.Cols, Data: make([]float64, 0, k*x.Cols)}
	first := rng.IntN(n)
	c.Data = append(c.Data, x.Row(first)...)
	c.Rows = 1
	closest := make([]float64, n)
	near := make([]int, n)
	var pot float64
	for i := 0; i < n; i++ {
		closest[i] = sqDist(x.Row(i), x.Row(first))
		pot += closest[i]
	}
	trials := 2 + int(math.Log(float64(k)))
	cum := make([]float64, n)
	cand := make([]int, trials)
	candD := make([][]float64, trials)
	for t := range candD {
		candD[t] = make([]float64, n)
	}
	pots := make([]float64, trials)
	cc := make([]float64, trials)
	dv := make([]float64, trials)
	limit := make([]float64, trials*k) // squared distance candidate–centre
	for ci := 1; ci < k; ci++ {
		if err := ctx.Err(); err != nil {
			return Matrix{}, nil, nil, err
		}
		if !(pot > 0) {
			return Matrix{}, nil, nil, fmt.Errorf("%w: %d clusters asked for", ErrTooFewDistinct, k)
		}
		var s float64
		for i, v := range closest {
			s += v
			cum[i] = s
		}
		for t := range cand {
			r := rng.Float64() * s
			lo, hi := 0, n-1
			for lo < hi { // first index with cum > r
				mid := (lo + hi) / 2
				if cum[mid] > r {
					hi = mid
				} else {
					lo = mid + 1
				}
			}
			cand[t] = lo
		}
		cm := x.subset(cand)
		for t, ct := range cand {
			cc[t] = norms[ct]
			pots[t] = 0
			for j := 0; j < ci; j++ {
				// Prune only with a margin so rounding cannot matter.
				limit[t*k+j] = sqDist(cm.Row(t), c.Row(j)) / (4 * (1 + 1e-9))
			}
		}
		for i := 0; i < n; i++ {
			r, a := closest[i], near[i]
			need := 0
			for t := range cand {
				if limit[t*k+a] <= r {
					need++
				}
			}
			switch {
			case need == 0:
				for t := range cand {
					candD[t][i] = r
				}
			case need == len(cand):
				sqDistsNorm(x.Row(i), norms[i], cm, cc, dv)
				for t, v := range dv {
					candD[t][i] = min(v, r)
				}
			default:
				for t := range cand {
					v := r
					if limit[t*k+a] <= r {
						v = min(r, sqDist(x.Row(i), cm.Row(t)))
					}
					candD[t][i] = v
				}
			}
			for t := range cand {
				pots[t] += candD[t][i]
			}
		}
		bestT, bestPot := -1, math.Inf(1)
		for t, p := range pots {
			if p < bestPot {
				bestT, bestPot = t, p
			}
		}
		bd := candD[bestT]
		for i, v := range bd {
			if v < closest[i] {
				closest[i], near[i] = v, ci
			}
		}
		pot = bestPot
		c.Data = append(c.Data, cm.Row(bestT)...)
		c.Rows++
	}
	return c, near, closest, nil
}

// lloyd runs Lloyd's algorithm from the given centres with Hamerly's
// bounds, stopping as scikit-learn does: when no label changes, or when
// the total squared centre shift is at most tol.
func lloyd(ctx context.Context, x Matrix, c Matrix, labels []int, closest []float64, maxIter int, tol float64) (*Clustering, error) {
	n, d, k := x.Rows, x.Cols, c.Rows
	useElkan := elkanFor(d, k)
	upper := make([]float64, n)
	lower := make([]float64, n)
	half := make([]float64, k)
	shift := make([]float64, k)
	sums := make([]float64, k*d)
	counts := make([]int, k)
	next := Matrix{Rows: k, Cols: d, Data: make([]float64, k*d)}

	dv := make([]float64, k)
	full := func(i int) (int, float64, float64) {
		sqDists(x.Row(i), c, dv)
		b, d1, d2 := 0, math.Inf(1), math.Inf(1)
		for j, v := range dv {
			if v < d1 {
				b, d1, d2 = j, v, d1
			} else if v < d2 {
				d2 = v
			}
		}
		return b, math.Sqrt(d1), math.Sqrt(d2)
	}
	// The seeding left each row with its nearest centre: that is the
	// first assignment. Zero is a valid lower bound for the second
	// nearest; the first bounded assignment tightens it.
	for i := 0; i < n; i++ {
		upper[i] = math.Sqrt(closest[i])
	}
	var relocated bool
	var max1, max2 float64
	changed := n
	arg := -1
	// assign is the assignment step with Hamerly's bounds, after the
	// centres moved by shift.
	assign := func() {
		// Assignment step with Hamerly's bounds.
		for j := 0; j < k; j++ {
			m := math.Inf(1)
			for j2 := 0; j2 < k; j2++ {
				if j2 != j {
					if v := sqDist(c.Row(j), c.Row(j2)); v < m {
						m = v
					}
				}
			}
			half[j] = 0.5 * math.Sqrt(m)
		}
		changed = 0
		for i := 0; i < n; i++ {
			a := labels[i]
			upper[i] += shift[a]
			if a == arg {
				lower[i] -= max2
			} else {
				lower[i] -= max1
			}
			if relocated {
				upper[i], lower[i] = math.Inf(1), 0
			}
			m := max(half[a], lower[i])
			if upper[i] <= m {
				continue
			}
			upper[i] = math.Sqrt(sqDist(x.Row(i), c.Row(a)))
			if upper[i] <= m {
				continue
			}
			b, d1, d2 := full(i)
			if b != a {
				changed++
				counts[a]--
				counts[b]++
				sa, sb := sums[a*d:a*d+d], sums[b*d:b*d+d]
				for j, v := range x.Row(i) {
					sa[j] -= v
					sb[j] += v
				}
			}
			labels[i], upper[i], lower[i] = b, d1, d2
		}
	}
	// assignElkan is the assignment step with Elkan's (2003) bounds: one
	// lower bound per row and centre, and the centre–centre distances,
	// which skip more distance computations than Hamerly's single bound
	// when rows have many features.
	var lowerK, ccd []float64
	if useElkan {
		lowerK = make([]float64, n*k)
		ccd = make([]float64, k*k)
	}
	moveRow := func(i, a, b int) {
		counts[a]--
		counts[b]++
		sa, sb := sums[a*d:a*d+d], sums[b*d:b*d+d]
		for j, v := range x.Row(i) {
			sa[j] -= v
			sb[j] += v
		}
	}
	assignElkan := func() {
		for j := 0; j < k; j++ {
			m := math.Inf(1)
			for j2 := 0; j2 < k; j2++ {
				if j2 != j {
					v := math.Sqrt(sqDist(c.Row(j), c.Row(j2)))
					ccd[j*k+j2] = v
					m = min(m, v)
				}
			}
			half[j] = 0.5 * m
		}
		changed = 0
		for i := 0; i < n; i++ {
			a := labels[i]
			lb := lowerK[i*k : i*k+k : i*k+k]
			u := upper[i] + shift[a]
			for j, s := range shift[:k] {
				lb[j] = max(0, lb[j]-s)
			}
			if relocated {
				u = math.Inf(1)
				clear(lb)
			}
			if u <= half[a] {
				upper[i] = u
				continue
			}
			xi := x.Row(i)
			b, tight := a, false
			for j := 0; j < k; j++ {
				if j == b || u <= lb[j] || u <= 0.5*ccd[b*k+j] {
					continue
				}
				if !tight {
					u = math.Sqrt(sqDist(xi, c.Row(b)))
					lb[b], tight = u, true
					if u <= lb[j] || u <= 0.5*ccd[b*k+j] {
						continue
					}
				}
				dj := math.Sqrt(sqDist(xi, c.Row(j)))
				lb[j] = dj
				if dj < u || (dj == u && j < b) {
					b, u = j, dj
				}
			}
			upper[i] = u
			if b != a {
				changed++
				moveRow(i, a, b)
				labels[i] = b
			}
		}
	}
	if useElkan {
		assign = assignElkan
	}
	iter := 0
	converged := false
	needFinal := true
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		iter++
		// Update step: means of the assigned rows. The sums are computed
		// in full once, then kept up to date as rows change cluster.
		if iter == 1 {
			for i := 0; i < n; i++ {
				l := labels[i]
				counts[l]++
				s := sums[l*d : l*d+d]
				for j, v := range x.Row(i) {
					s[j] += v
				}
			}
		}
		relocated = relocateEmpty(x, c, labels, counts, sums)
		for j := 0; j < k; j++ {
			nr, s := next.Row(j), sums[j*d:j*d+d]
			inv := 1 / float64(counts[j])
			for f := range nr {
				nr[f] = s[f] * inv
			}
		}
		var shiftTot float64
		max1, max2, arg = 0, 0, -1
		for j := 0; j < k; j++ {
			s2 := sqDist(c.Row(j), next.Row(j))
			shiftTot += s2
			shift[j] = math.Sqrt(s2)
			if shift[j] > max1 {
				max1, max2, arg = shift[j], max1, j
			} else if shift[j] > max2 {
				max2 = shift[j]
			}
		}
		copy(c.Data, next.Data)
		if changed == 0 && !relocated {
			converged, needFinal = true, false
			break
		}
		if shiftTot <= tol {
			converged = true
			break
		}
		if iter >= maxIter {
			break
		}
		assign()
	}
	if needFinal {
		assign()
	}
	res := &Clustering{Labels: labels, Centers: c, Sizes: make([]int, k), Iterations: iter, Converged: converged}
	for i := 0; i < n; i++ {
		res.Sizes[labels[i]]++
		res.Inertia += sqDist(x.Row(i), c.Row(labels[i]))
	}
	return res, nil
}

// elkanFor reports whether Elkan's bounds should be used rather than
// Hamerly's for d features and k clusters: they pay off with many
// features, and cost k bounds per row.
var elkanFor = func(d, k int) bool { return d >= 16 && k <= 64 }

// relocateEmpty gives each empty cluster the row farthest from its own
// centre, as scikit-learn does, updating counts and sums. It reports
// whether anything moved.
func relocateEmpty(x Matrix, c Matrix, labels, counts []int, sums []float64) bool {
	moved := false
	d := x.Cols
	for j := range counts {
		if counts[j] > 0 {
			continue
		}
		far, farD := -1, -1.0
		for i := 0; i < x.Rows; i++ {
			if counts[labels[i]] <= 1 {
				continue
			}
			if v := sqDist(x.Row(i), c.Row(labels[i])); v > farD {
				far, farD = i, v
			}
		}
		if far < 0 {
			continue
		}
		old := labels[far]
		counts[old]--
		so := sums[old*d : old*d+d]
		sj := sums[j*d : j*d+d]
		for f, v := range x.Row(far) {
			so[f] -= v
			sj[f] += v
		}
		counts[j]++
		labels[far] = j
		moved = true
	}
	return moved
}

// sqDist4Go returns the squared Euclidean distances from x to a, b, c and
// d, reading x once, with eight independent sums as dot4Go.
func sqDist4Go(x, a, b, c, d []float64) (float64, float64, float64, float64) {
	a, b, c, d = a[:len(x)], b[:len(x)], c[:len(x)], d[:len(x)]
	var s0, s1, s2, s3, t0, t1, t2, t3 float64
	j := 0
	for ; j+2 <= len(x); j += 2 {
		x0, x1 := x[j], x[j+1]
		d0, e0 := x0-a[j], x1-a[j+1]
		d1, e1 := x0-b[j], x1-b[j+1]
		d2, e2 := x0-c[j], x1-c[j+1]
		d3, e3 := x0-d[j], x1-d[j+1]
		s0 += d0 * d0
		t0 += e0 * e0
		s1 += d1 * d1
		t1 += e1 * e1
		s2 += d2 * d2
		t2 += e2 * e2
		s3 += d3 * d3
		t3 += e3 * e3
	}
	if j < len(x) {
		x0 := x[j]
		d0, d1, d2, d3 := x0-a[j], x0-b[j], x0-c[j], x0-d[j]
		s0 += d0 * d0
		s1 += d1 * d1
		s2 += d2 * d2
		s3 += d3 * d3
	}
	return s0 + t0, s1 + t1, s2 + t2, s3 + t3
}

// sqDists writes the squared distances from x to each row of c into out.
func sqDists(x []float64, c Matrix, out []float64) {
	j := 0
	for ; j+4 <= c.Rows; j += 4 {
		out[j], out[j+1], out[j+2], out[j+3] = sqDist4(x, c.Row(j), c.Row(j+1), c.Row(j+2), c.Row(j+3))
	}
	for ; j < c.Rows; j++ {
		out[j] = sqDist(x, c.Row(j))
	}
}

// dot4Go returns the dot products of x with a, b, c and d, reading x
// once, in portable Go; dot4 may use assembly with the same results. Two elements per step with two accumulators per product keep eight
// independent sums in flight.
func dot4Go(x, a, b, c, d []float64) (float64, float64, float64, float64) {
	a, b, c, d = a[:len(x)], b[:len(x)], c[:len(x)], d[:len(x)]
	var s0, s1, s2, s3, t0, t1, t2, t3 float64
	j := 0
	for ; j+2 <= len(x); j += 2 {
		x0, x1 := x[j], x[j+1]
		s0 += x0 * a[j]
		t0 += x1 * a[j+1]
		s1 += x0 * b[j]
		t1 += x1 * b[j+1]
		s2 += x0 * c[j]
		t2 += x1 * c[j+1]
		s3 += x0 * d[j]
		t3 += x1 * d[j+1]
	}
	if j < len(x) {
		x0 := x[j]
		s0 += x0 * a[j]
		s1 += x0 * b[j]
		s2 += x0 * c[j]
		s3 += x0 * d[j]
	}
	return s0 + t0, s1 + t1, s2 + t2, s3 + t3
}

// dot is the dot product of a and b.
func dot(a, b []float64) float64 {
	b = b[:len(a)]
	var s0, s1 float64
	i := 0
	for ; i+2 <= len(a); i += 2 {
		s0 += a[i] * b[i]
		s1 += a[i+1] * b[i+1]
	}
	if i < len(a) {
		s0 += a[i] * b[i]
	}
	return s0 + s1
}

// sqDistsNorm writes into out the squared distances from x to each row of
// c by ‖x‖² + ‖c‖² − 2x·c, given the squared norms xx and cc, clipped at
// zero. It is faster than [sqDists] and as exact as seeding needs.
func sqDistsNorm(x []float64, xx float64, c Matrix, cc []float64, out []float64) {
	j := 0
	for ; j+4 <= c.Rows; j += 4 {
		d0, d1, d2, d3 := dot4(x, c.Row(j), c.Row(j+1), c.Row(j+2), c.Row(j+3))
		out[j] = max(0, xx+cc[j]-2*d0)
		out[j+1] = max(0, xx+cc[j+1]-2*d1)
		out[j+2] = max(0, xx+cc[j+2]-2*d2)
		out[j+3] = max(0, xx+cc[j+3]-2*d3)
	}
	for ; j < c.Rows; j++ {
		out[j] = max(0, xx+cc[j]-2*dot(x, c.Row(j)))
	}
}
