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

// The assembly kernels must pay for themselves: these benchmarks compare
// each with its portable Go twin at the widths the package meets (a
// survey's 43 encoded answers, and a few principal components).
func benchKernels(b *testing.B, d int, asm bool) {
	x := blobs(5, d, 1, 1)
	b.ReportAllocs()
	var s float64
	for b.Loop() {
		var a, c, e, f float64
		if asm {
			a, c, e, f = sqDist4(x.Row(0), x.Row(1), x.Row(2), x.Row(3), x.Row(4))
			s += sqDist(x.Row(0), x.Row(1))
		} else {
			a, c, e, f = sqDist4Go(x.Row(0), x.Row(1), x.Row(2), x.Row(3), x.Row(4))
			s += sqDistGo(x.Row(0), x.Row(1))
		}
		s += a + c + e + f
	}
	_ = s
}

func BenchmarkSqDistKernels(b *testing.B) {
	for _, d := range []int{4, 43} {
		b.Run("d="+string(rune('0'+d/10))+string(rune('0'+d%10))+"/asm", func(b *testing.B) { benchKernels(b, d, true) })
		b.Run("d="+string(rune('0'+d/10))+string(rune('0'+d%10))+"/go", func(b *testing.B) { benchKernels(b, d, false) })
	}
}
