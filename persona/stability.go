package persona

import (
	"context"
	"math/rand/v2"
	"runtime"
)

// Stability measures how well a clustering survives resampling: the
// clustering is repeated on bootstrap resamples of the rows and compared
// with the original on the rows drawn (Hennig 2007).
type Stability struct {
	Replicates int       `json:"replicates"`  // bootstrap resamples
	ARI        float64   `json:"ari"`         // mean adjusted Rand index between original and resample labels
	Jaccard    []float64 `json:"jaccard"`     // per original cluster, mean best Jaccard similarity; below 0.5 the cluster dissolves
	MinJaccard float64   `json:"min_jaccard"` // the smallest of Jaccard
}

// Dissolves reports whether some cluster dissolves under resampling, by
// Hennig's rule: a mean bootstrap Jaccard similarity below 0.5.
func (s Stability) Dissolves() bool { return s.MinJaccard < 0.5 }

// Bootstrap estimates the [Stability] of labels (k clusters over n rows)
// from replicates resamples drawn with replacement, seeded. fit clusters
// the rows idx (a resample, with repeats) and returns one label per
// element of idx; a failed fit counts as total disagreement. Replicates run
// in parallel; the result does not depend on the number of cores.
//
// It returns ctx.Err() soon after ctx is cancelled (fit should watch ctx
// too).
func Bootstrap(ctx context.Context, labels []int, k, replicates int, seed uint64, fit func(idx []int) ([]int, error)) (Stability, error) {
	n := len(labels)
	aris := make([]float64, replicates)
	jac := make([][]float64, replicates)
	parallelFor(replicates, runtime.GOMAXPROCS(0), func(b int) {
		if ctx.Err() != nil {
			return
		}
		rng := rand.New(rand.NewPCG(seed, uint64(b)+0xB007))
		idx := make([]int, n)
		for i := range idx {
			idx[i] = rng.IntN(n)
		}
		jac[b] = make([]float64, k)
		got, err := fit(idx)
		if err != nil || len(got) != n {
			return
		}
		orig := make([]int, n)
		for i, r := range idx {
			orig[i] = labels[r]
		}
		aris[b], _ = AdjustedRandIndex(orig, got)
		// Per original cluster, best Jaccard over the new clusters, on the
		// distinct rows drawn.
		seen := make(map[int]bool, n)
		inter := map[[2]int]int{}
		sizeO := make([]int, k)
		sizeN := map[int]int{}
		for i, r := range idx {
			if seen[r] {
				continue
			}
			seen[r] = true
			sizeO[orig[i]]++
			sizeN[got[i]]++
			inter[[2]int{orig[i], got[i]}]++
		}
		for c := 0; c < k; c++ {
			best := 0.0
			for key, in := range inter {
				if key[0] != c {
					continue
				}
				if j := float64(in) / float64(sizeO[c]+sizeN[key[1]]-in); j > best {
					best = j
				}
			}
			jac[b][c] = best
		}
	})
	if err := ctx.Err(); err != nil {
		return Stability{}, err
	}
	s := Stability{Replicates: replicates, Jaccard: make([]float64, k), MinJaccard: 1}
	for b := 0; b < replicates; b++ {
		s.ARI += aris[b]
		for c := range s.Jaccard {
			s.Jaccard[c] += jac[b][c]
		}
	}
	if replicates > 0 {
		s.ARI /= float64(replicates)
		for c := range s.Jaccard {
			s.Jaccard[c] /= float64(replicates)
		}
	}
	for _, j := range s.Jaccard {
		s.MinJaccard = min(s.MinJaccard, j)
	}
	return s, nil
}
