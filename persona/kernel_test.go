package persona

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestKernelsMatchGo checks the assembly kernels give bit-identical results
// to the portable Go ones, for every length up to 41.
func TestKernelsMatchGo(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n <= 41; n++ {
		v := make([][]float64, 5)
		for i := range v {
			v[i] = make([]float64, n)
			for j := range v[i] {
				v[i][j] = rng.NormFloat64() * 10
			}
		}
		a0, a1, a2, a3 := dot4(v[0], v[1], v[2], v[3], v[4])
		b0, b1, b2, b3 := dot4Go(v[0], v[1], v[2], v[3], v[4])
		assert.Equal(t, [4]float64{b0, b1, b2, b3}, [4]float64{a0, a1, a2, a3}, "dot4 n=%d", n)
		a0, a1, a2, a3 = sqDist4(v[0], v[1], v[2], v[3], v[4])
		b0, b1, b2, b3 = sqDist4Go(v[0], v[1], v[2], v[3], v[4])
		assert.Equal(t, [4]float64{b0, b1, b2, b3}, [4]float64{a0, a1, a2, a3}, "sqDist4 n=%d", n)
		if n > 0 {
			assert.Equal(t, sqDistGo(v[0], v[1]), sqDist(v[0], v[1]), "sqDist n=%d", n)
		}
	}
}

func BenchmarkDot4(b *testing.B) {
	x := blobs(5, 40, 1, 1)
	b.ReportAllocs()
	var s float64
	for b.Loop() {
		a, c, d, e := dot4(x.Row(0), x.Row(1), x.Row(2), x.Row(3), x.Row(4))
		s += a + c + d + e
	}
	_ = s
}

func BenchmarkDot4Go(b *testing.B) {
	x := blobs(5, 40, 1, 1)
	b.ReportAllocs()
	var s float64
	for b.Loop() {
		a, c, d, e := dot4Go(x.Row(0), x.Row(1), x.Row(2), x.Row(3), x.Row(4))
		s += a + c + d + e
	}
	_ = s
}
