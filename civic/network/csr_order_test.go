package network

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOrderKeepsGraphAndGroupsComponents(t *testing.T) {
	for _, directed := range []bool{false, true} {
		a := mixedNetwork(900, directed, 11).Analyze()
		o := a.g.order()
		require.Len(t, o.old, a.g.n)
		// old is a permutation.
		nw := make([]int32, a.g.n)
		for i := range nw {
			nw[i] = -1
		}
		for v, x := range o.old {
			require.Equal(t, int32(-1), nw[x], "actor %d numbered twice", x)
			nw[x] = int32(v)
		}
		// Every tie survives the renumbering, both ways round.
		for v := int32(0); v < int32(a.g.n); v++ {
			var want []int32
			for _, w := range a.g.out.nbrs(v) {
				want = append(want, nw[w])
			}
			assert.ElementsMatch(t, want, o.fwd.nbrs(nw[v]), "out-ties of %d", v)
			want = want[:0]
			for _, w := range a.g.in.nbrs(v) {
				want = append(want, nw[w])
			}
			assert.ElementsMatch(t, want, o.bwd.nbrs(nw[v]), "in-ties of %d", v)
		}
		// Components are the ranges [cstart[c], cstart[c+1]), the same
		// partition Components finds, in the order of their first actor.
		of, count := a.Components()
		require.Len(t, o.cstart, count+1)
		for v := range o.old {
			c := o.comp[v]
			assert.True(t, o.cstart[c] <= int32(v) && int32(v) < o.cstart[c+1])
			assert.Equal(t, of[o.old[v]], int(c))
		}
	}
}
