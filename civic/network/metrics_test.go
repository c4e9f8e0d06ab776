package network

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLouvainTrialsMatchLouvain(t *testing.T) {
	// Trials run in parallel; the partition must be the one a sequential
	// run of the trials keeps (the first of highest modularity), for any
	// number of workers.
	a := barabasiAlbert(2000, 3, 4).Analyze()
	var want Communities
	for tr := range 6 {
		c := must(a.louvainTrial(bg, 5+uint64(tr)<<32, 1))
		if tr == 0 || c.Modularity > want.Modularity {
			want = c
		}
	}
	assert.Equal(t, want, must(a.Louvain(bg, LouvainOptions{Seed: 5, Trials: 6})))
	for _, w := range []int{1, 2, 5} {
		a.Workers = w
		assert.Equal(t, want, must(a.louvainTrials(bg, 5, 6, 1)), "%d workers", w)
	}
}
