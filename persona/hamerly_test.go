package persona

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// naiveLloyd is plain Lloyd's algorithm with scikit-learn's stopping rule,
// the reference the bounded version must reproduce.
func naiveLloyd(x, c Matrix, maxIter int, tol float64) ([]int, float64, int) {
	n, d, k := x.Rows, x.Cols, c.Rows
	c = Matrix{Rows: k, Cols: d, Data: append([]float64(nil), c.Data...)}
	labels := make([]int, n)
	assign := func() int {
		changed := 0
		for i := 0; i < n; i++ {
			b, bd := 0, math.Inf(1)
			for j := 0; j < k; j++ {
				if v := sqDistGo(x.Row(i), c.Row(j)); v < bd {
					b, bd = j, v
				}
			}
			if b != labels[i] {
				changed++
			}
			labels[i] = b
		}
		return changed
	}
	assign()
	changed := n
	iter := 0
	for {
		iter++
		sums := make([]float64, k*d)
		counts := make([]int, k)
		for i := 0; i < n; i++ {
			counts[labels[i]]++
			for f, v := range x.Row(i) {
				sums[labels[i]*d+f] += v
			}
		}
		var shift float64
		for j := 0; j < k; j++ {
			for f := 0; f < d; f++ {
				v := sums[j*d+f] / float64(counts[j])
				shift += (v - c.Data[j*d+f]) * (v - c.Data[j*d+f])
				c.Data[j*d+f] = v
			}
		}
		if changed == 0 {
			break
		}
		if shift <= tol || iter >= maxIter {
			assign()
			break
		}
		changed = assign()
	}
	var inertia float64
	for i := 0; i < n; i++ {
		inertia += sqDistGo(x.Row(i), c.Row(labels[i]))
	}
	return labels, inertia, iter
}

// TestHamerlyMatchesLloyd checks the bounded iterations, with Hamerly's
// bounds and with Elkan's, give the same labels, inertia and iteration
// count as plain Lloyd from the same seeds.
func TestHamerlyMatchesLloyd(t *testing.T) {
	for _, tc := range []struct {
		name    string
		n, d, k int
		seed    uint64
		std     float64
	}{
		{"separated", 3000, 5, 6, 1, 1},
		{"overlapping", 3000, 10, 8, 2, 6},
		{"many clusters", 2000, 3, 20, 3, 3},
		{"many features", 2000, 40, 8, 4, 8},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := blobs(tc.n, tc.d, tc.k, tc.seed)
			// Widen the noise to make the clusters overlap.
			rng := rand.New(rand.NewPCG(tc.seed, 9))
			for i := range x.Data {
				x.Data[i] += rng.NormFloat64() * (tc.std - 1)
			}
			tol := 1e-4 * meanVariance(x)
			norms := make([]float64, x.Rows)
			for i := range norms {
				norms[i] = dot(x.Row(i), x.Row(i))
			}
			c, near, closest, err := kmeansPlusPlus(context.Background(), x, tc.k, rand.New(rand.NewPCG(tc.seed, 1)), norms)
			require.NoError(t, err)
			wantLabels, wantInertia, wantIter := naiveLloyd(x, c, 300, tol)
			defer func(f func(int, int) bool) { elkanFor = f }(elkanFor)
			for _, elkan := range []bool{false, true} {
				elkanFor = func(int, int) bool { return elkan }
				got, err := lloyd(context.Background(), x, Matrix{Rows: c.Rows, Cols: c.Cols, Data: append([]float64(nil), c.Data...)},
					append([]int(nil), near...), closest, 300, tol)
				require.NoError(t, err)
				assert.Equal(t, wantIter, got.Iterations, "elkan %v", elkan)
				assert.Equal(t, wantLabels, got.Labels, "elkan %v", elkan)
				assert.InDelta(t, wantInertia, got.Inertia, 1e-9*wantInertia, "elkan %v", elkan)
			}
		})
	}
}
