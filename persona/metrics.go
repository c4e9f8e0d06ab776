package persona

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
)

// Silhouette is the mean silhouette coefficient of the labelled rows of x
// under Euclidean distance (Rousseeuw 1987), defined as scikit-learn's
// silhouette_score: s(i) = (b-a)/max(a,b), with s(i) = 0 for a row alone in
// its cluster. It needs between 2 and rows-1 distinct labels. The cost is
// quadratic in the rows; see [SilhouetteSample] for large data.
func Silhouette(x Matrix, labels []int) (float64, error) {
	if err := x.check(); err != nil {
		return 0, err
	}
	if len(labels) != x.Rows {
		return 0, fmt.Errorf("persona: silhouette: %d labels for %d rows", len(labels), x.Rows)
	}
	return silhouetteSums(context.Background(), x.Rows, labels, func(i int, sum []float64) {
		xi := x.Row(i)
		j := 0
		for ; j+4 <= x.Rows; j += 4 {
			d0, d1, d2, d3 := sqDist4(xi, x.Row(j), x.Row(j+1), x.Row(j+2), x.Row(j+3))
			sum[labels[j]] += math.Sqrt(d0)
			sum[labels[j+1]] += math.Sqrt(d1)
			sum[labels[j+2]] += math.Sqrt(d2)
			sum[labels[j+3]] += math.Sqrt(d3)
		}
		for ; j < x.Rows; j++ {
			sum[labels[j]] += math.Sqrt(sqDist(xi, x.Row(j)))
		}
	})
}

// SilhouetteSample is [Silhouette] over a seeded random sample of size
// rows, drawn without replacement (scikit-learn's sample_size); when size
// is at least the number of rows it is the exact value.
func SilhouetteSample(x Matrix, labels []int, size int, seed uint64) (float64, error) {
	if size <= 0 || size >= x.Rows {
		return Silhouette(x, labels)
	}
	if len(labels) != x.Rows {
		return 0, fmt.Errorf("persona: silhouette: %d labels for %d rows", len(labels), x.Rows)
	}
	rng := rand.New(rand.NewPCG(seed, 0x5111))
	idx := rng.Perm(x.Rows)[:size]
	slices.Sort(idx)
	sl := make([]int, size)
	for i, r := range idx {
		sl[i] = labels[r]
	}
	return Silhouette(x.subset(idx), sl)
}

// silhouette computes the mean silhouette from a distance function.
func silhouette(ctx context.Context, n int, labels []int, dist func(i, j int) float64) (float64, error) {
	return silhouetteSums(ctx, n, labels, func(i int, sum []float64) {
		for j := 0; j < n; j++ {
			if j != i {
				sum[labels[j]] += dist(i, j)
			}
		}
	})
}

// silhouetteSums computes the mean silhouette given sums(i, sum), which
// adds to sum[c] the distances from row i to the rows of cluster c (the
// distance of i to itself must be zero).
// It returns ctx.Err() soon after ctx is cancelled.
func silhouetteSums(ctx context.Context, n int, labels []int, sums func(i int, sum []float64)) (float64, error) {
	k := 0
	for _, l := range labels {
		if l < 0 {
			return 0, fmt.Errorf("persona: silhouette: negative label %d", l)
		}
		k = max(k, l+1)
	}
	sizes := make([]int, k)
	for _, l := range labels {
		sizes[l]++
	}
	distinct := 0
	for _, s := range sizes {
		if s > 0 {
			distinct++
		}
	}
	if distinct < 2 || distinct > n-1 {
		return 0, fmt.Errorf("persona: silhouette needs 2 to %d clusters, got %d", n-1, distinct)
	}
	s := make([]float64, n)
	const block = 64
	nb := (n + block - 1) / block
	parallelFor(nb, runtime.GOMAXPROCS(0), func(b int) {
		if ctx.Err() != nil {
			return
		}
		sum := make([]float64, k)
		for i := b * block; i < min(n, (b+1)*block); i++ {
			clear(sum)
			sums(i, sum)
			li := labels[i]
			if sizes[li] <= 1 {
				s[i] = 0
				continue
			}
			a := sum[li] / float64(sizes[li]-1)
			bm := math.Inf(1)
			for c := 0; c < k; c++ {
				if c != li && sizes[c] > 0 {
					bm = min(bm, sum[c]/float64(sizes[c]))
				}
			}
			if den := max(a, bm); den > 0 {
				s[i] = (bm - a) / den
			}
		}
	})
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	var tot float64
	for _, v := range s {
		tot += v
	}
	return tot / float64(n), nil
}

// AdjustedRandIndex is the Rand index of two labellings corrected for
// chance (Hubert and Arabie 1985): 1 for identical partitions (up to
// renaming), about 0 for independent ones. Both labellings must have the
// same length; labels are any non-negative integers.
func AdjustedRandIndex(a, b []int) (float64, error) {
	if len(a) != len(b) {
		return 0, fmt.Errorf("persona: adjusted Rand index: labellings of length %d and %d", len(a), len(b))
	}
	n := len(a)
	type pair struct{ x, y int }
	cont := map[pair]int{}
	ra, rb := map[int]int{}, map[int]int{}
	for i := range a {
		if a[i] < 0 || b[i] < 0 {
			return 0, fmt.Errorf("persona: adjusted Rand index: negative label at %d", i)
		}
		cont[pair{a[i], b[i]}]++
		ra[a[i]]++
		rb[b[i]]++
	}
	c2 := func(m int) float64 { return float64(m) * float64(m-1) / 2 }
	var index, sa, sb float64
	for _, v := range cont {
		index += c2(v)
	}
	for _, v := range ra {
		sa += c2(v)
	}
	for _, v := range rb {
		sb += c2(v)
	}
	// Special cases as scikit-learn: identical trivial partitions score 1.
	if n < 2 || (len(ra) == len(rb) && (len(ra) == 1 || len(ra) == n)) {
		return 1, nil
	}
	expected := sa * sb / c2(n)
	maxIndex := (sa + sb) / 2
	if maxIndex == expected {
		return 0, nil
	}
	return (index - expected) / (maxIndex - expected), nil
}
