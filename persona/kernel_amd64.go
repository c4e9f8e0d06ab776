package persona

// Packed SSE2 kernels, in kernel_amd64.s. SSE2 is part of every amd64
// processor, so no feature check is needed.

//go:noescape
func dot4SSE2(x, a, b, c, d *float64, n int) (s0, s1, s2, s3 float64)

//go:noescape
func sqDist4SSE2(x, a, b, c, d *float64, n int) (s0, s1, s2, s3 float64)

//go:noescape
func sqDistSSE2(a, b *float64, n int) float64

// sqDist is the squared Euclidean distance between a and b.
func sqDist(a, b []float64) float64 {
	if len(a) == 0 {
		return 0
	}
	_ = b[len(a)-1]
	return sqDistSSE2(&a[0], &b[0], len(a))
}

// dot4 returns the dot products of x with a, b, c and d, reading x once.
func dot4(x, a, b, c, d []float64) (float64, float64, float64, float64) {
	if len(x) == 0 {
		return 0, 0, 0, 0
	}
	_, _, _, _ = a[len(x)-1], b[len(x)-1], c[len(x)-1], d[len(x)-1]
	return dot4SSE2(&x[0], &a[0], &b[0], &c[0], &d[0], len(x))
}

// sqDist4 returns the squared Euclidean distances from x to a, b, c and
// d, reading x once.
func sqDist4(x, a, b, c, d []float64) (float64, float64, float64, float64) {
	if len(x) == 0 {
		return 0, 0, 0, 0
	}
	_, _, _, _ = a[len(x)-1], b[len(x)-1], c[len(x)-1], d[len(x)-1]
	return sqDist4SSE2(&x[0], &a[0], &b[0], &c[0], &d[0], len(x))
}
