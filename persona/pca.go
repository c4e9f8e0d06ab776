package persona

import (
	"math"
	"sort"
)

// PCA returns the rows of x projected on its first m principal components
// (centred, unscaled), with the share of the total variance each explains.
// Components are signed so their largest loading is positive, which makes
// the result deterministic.
func PCA(x Matrix, m int) (Matrix, []float64) {
	n, d := x.Rows, x.Cols
	m = min(m, d)
	mean := make([]float64, d)
	for i := 0; i < n; i++ {
		for f, v := range x.Row(i) {
			mean[f] += v
		}
	}
	for f := range mean {
		mean[f] /= float64(max(n, 1))
	}
	cov := make([]float64, d*d)
	for i := 0; i < n; i++ {
		r := x.Row(i)
		for a := 0; a < d; a++ {
			da := r[a] - mean[a]
			for b := a; b < d; b++ {
				cov[a*d+b] += da * (r[b] - mean[b])
			}
		}
	}
	for a := 0; a < d; a++ {
		for b := a; b < d; b++ {
			cov[a*d+b] /= float64(max(n-1, 1))
			cov[b*d+a] = cov[a*d+b]
		}
	}
	vals, vecs := jacobiEigen(cov, d)
	order := make([]int, d)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return vals[order[a]] > vals[order[b]] })
	var total float64
	for _, v := range vals {
		total += max(v, 0)
	}
	out := Matrix{Rows: n, Cols: m, Data: make([]float64, n*m)}
	explained := make([]float64, m)
	for c := 0; c < m; c++ {
		j := order[c]
		if total > 0 {
			explained[c] = max(vals[j], 0) / total
		}
		// Sign: largest absolute loading positive.
		big, sign := 0.0, 1.0
		for f := 0; f < d; f++ {
			if v := vecs[f*d+j]; math.Abs(v) > big {
				big = math.Abs(v)
				sign = math.Copysign(1, v)
			}
		}
		for i := 0; i < n; i++ {
			var s float64
			for f, v := range x.Row(i) {
				s += (v - mean[f]) * vecs[f*d+j]
			}
			out.Data[i*m+c] = sign * s
		}
	}
	return out, explained
}

// jacobiEigen diagonalises the symmetric d×d matrix a (overwritten) by
// cyclic Jacobi rotations, returning eigenvalues and eigenvectors (as
// columns, row-major).
func jacobiEigen(a []float64, d int) ([]float64, []float64) {
	v := make([]float64, d*d)
	for i := 0; i < d; i++ {
		v[i*d+i] = 1
	}
	// Stop when the off-diagonal part is negligible relative to the
	// whole matrix, so data of any scale get the same rotation.
	var norm float64
	for _, v := range a {
		norm += v * v
	}
	for sweep := 0; sweep < 100; sweep++ {
		var off float64
		for p := 0; p < d; p++ {
			for q := p + 1; q < d; q++ {
				off += a[p*d+q] * a[p*d+q]
			}
		}
		if off <= 1e-30*norm {
			break
		}
		for p := 0; p < d; p++ {
			for q := p + 1; q < d; q++ {
				apq := a[p*d+q]
				if apq == 0 || math.Abs(apq) <= 1e-18*math.Sqrt(math.Abs(a[p*d+p]*a[q*d+q])) {
					continue
				}
				theta := (a[q*d+q] - a[p*d+p]) / (2 * apq)
				t := math.Copysign(1, theta) / (math.Abs(theta) + math.Sqrt(theta*theta+1))
				c := 1 / math.Sqrt(t*t+1)
				s := t * c
				for k := 0; k < d; k++ {
					akp, akq := a[k*d+p], a[k*d+q]
					a[k*d+p] = c*akp - s*akq
					a[k*d+q] = s*akp + c*akq
				}
				for k := 0; k < d; k++ {
					apk, aqk := a[p*d+k], a[q*d+k]
					a[p*d+k] = c*apk - s*aqk
					a[q*d+k] = s*apk + c*aqk
				}
				for k := 0; k < d; k++ {
					vkp, vkq := v[k*d+p], v[k*d+q]
					v[k*d+p] = c*vkp - s*vkq
					v[k*d+q] = s*vkp + c*vkq
				}
			}
		}
	}
	vals := make([]float64, d)
	for i := range vals {
		vals[i] = a[i*d+i]
	}
	return vals, v
}

// BrokenStick returns how many leading components to keep by the
// broken-stick rule (Jackson 1993): component j is kept while its share
// of the variance exceeds (1/p)·Σ_{i=j..p} 1/i, p being the number of
// components. It returns 0 when no component stands out, as in answers
// that share nothing but noise.
func BrokenStick(explained []float64) int {
	p := len(explained)
	keep := 0
	for j := 0; j < p; j++ {
		var b float64
		for i := j + 1; i <= p; i++ {
			b += 1 / float64(i)
		}
		b /= float64(p)
		if explained[j] <= b {
			break
		}
		keep++
	}
	return keep
}
