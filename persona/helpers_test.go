package persona

import "math/rand/v2"

// blobs makes n rows of d features around k Gaussian centres, seeded.
func blobs(n, d, k int, seed uint64) Matrix {
	rng := rand.New(rand.NewPCG(seed, 7))
	centres := make([]float64, k*d)
	for i := range centres {
		centres[i] = rng.NormFloat64() * 5
	}
	x := Matrix{Rows: n, Cols: d, Data: make([]float64, n*d)}
	for i := 0; i < n; i++ {
		c := rng.IntN(k)
		for j := 0; j < d; j++ {
			x.Data[i*d+j] = centres[c*d+j] + rng.NormFloat64()
		}
	}
	return x
}
