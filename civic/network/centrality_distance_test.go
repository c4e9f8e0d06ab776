package network

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// mixedNetwork builds a seeded network of n actors made of several parts:
// a dense random part, a sparse one, a long path (deep BFS levels), a star
// and isolated actors, with actors of the parts interleaved in id order so
// that batches of sources straddle components.
func mixedNetwork(n int, directed bool, seed uint64) *Network {
	rng := rand.New(rand.NewPCG(seed, 7))
	net := NewNetwork(directed)
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprint("a", i)
		_ = net.AddActor(Actor{ID: ids[i]})
	}
	perm := rng.Perm(n)
	part := func(lo, hi int) []int { return perm[min(lo, n):min(hi, n)] }
	tie := func(a, b int) { _ = net.AddTie(Tie{Source: ids[a], Target: ids[b]}) }
	dense := part(0, n*4/10)
	for range len(dense) * 4 {
		tie(dense[rng.IntN(len(dense))], dense[rng.IntN(len(dense))])
	}
	sparse := part(n*4/10, n*6/10)
	for range len(sparse) * 6 / 10 {
		tie(sparse[rng.IntN(len(sparse))], sparse[rng.IntN(len(sparse))])
	}
	path := part(n*6/10, n*8/10)
	for i := 1; i < len(path); i++ {
		tie(path[i-1], path[i])
	}
	star := part(n*8/10, n*9/10)
	for i := 1; i < len(star); i++ {
		if i%2 == 0 {
			tie(star[0], star[i])
		} else {
			tie(star[i], star[0])
		}
	}
	return net // the last tenth stays isolated
}

// bfsDistances is the plain reference: one BFS per source along out-ties.
func bfsDistances(a *Analysis) (reach, tot []int64, harm []float64) {
	n := a.g.n
	reach, tot, harm = make([]int64, n), make([]int64, n), make([]float64, n)
	dist := make([]int, n)
	for s := 0; s < n; s++ {
		for i := range dist {
			dist[i] = -1
		}
		dist[s] = 0
		queue := []int32{int32(s)}
		for h := 0; h < len(queue); h++ {
			v := queue[h]
			for _, w := range a.g.out.nbrs(v) {
				if dist[w] < 0 {
					dist[w] = dist[v] + 1
					queue = append(queue, w)
					reach[w]++
					tot[w] += int64(dist[w])
					harm[w] += 1 / float64(dist[w])
				}
			}
		}
	}
	return reach, tot, harm
}

func TestDistancesAgainstPlainBFS(t *testing.T) {
	defer func(r int64) { bottomUpRatio = r }(bottomUpRatio)
	for _, n := range []int{1, 2, 7, 511, 512, 513, 1300} {
		for _, directed := range []bool{false, true} {
			net := mixedNetwork(n, directed, uint64(n))
			a := net.Analyze()
			wantR, wantT, wantH := bfsDistances(a)
			// Push only, the default mix, and pull from the first level.
			for _, ratio := range []int64{0, 4, 1 << 40} {
				t.Run(fmt.Sprintf("n=%d/directed=%v/ratio=%d", n, directed, ratio), func(t *testing.T) {
					bottomUpRatio = ratio
					r, tot, h, _ := a.distances(bg)
					require.Equal(t, wantR, r, "number of actors reaching each actor")
					require.Equal(t, wantT, tot, "sum of distances into each actor")
					for v := range h {
						assert.InEpsilon(t, wantH[v]+1, h[v]+1, 1e-13, "harmonic sum of %s", a.IDs()[v])
					}
				})
			}
		}
	}
}

func TestDistancesBitIdenticalAcrossWorkers(t *testing.T) {
	net := barabasiAlbert(3000, 4, 3)
	var c0, h0 []float64
	for _, w := range []int{1, 2, 3, 8} {
		a := net.Analyze()
		a.Workers = w
		c, h := must2(a.ClosenessHarmonic(bg))
		if c0 == nil {
			c0, h0 = c, h
			continue
		}
		require.Equal(t, c0, c, "closeness with %d workers", w)
		require.Equal(t, h0, h, "harmonic with %d workers", w)
	}
}
