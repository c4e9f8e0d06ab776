//go:build !amd64

package persona

// dot4 returns the dot products of x with a, b, c and d, reading x once.
func dot4(x, a, b, c, d []float64) (float64, float64, float64, float64) {
	return dot4Go(x, a, b, c, d)
}

// sqDist4 returns the squared Euclidean distances from x to a, b, c and
// d, reading x once.
func sqDist4(x, a, b, c, d []float64) (float64, float64, float64, float64) {
	return sqDist4Go(x, a, b, c, d)
}

// sqDist is the squared Euclidean distance between a and b.
func sqDist(a, b []float64) float64 { return sqDistGo(a, b) }
