package network

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLouvainTrialsMatchLouvain(t *testing.T) {
	// Metrics runs the Louvain trials in parallel; the partition must be
	// the one the sequential Louvain keeps, for any number of workers.
	a := barabasiAlbert(2000, 3, 4).Analyze()
	want := must(a.Louvain(bg, LouvainOptions{Seed: 5, Trials: 6}))
	for _, w := range []int{1, 2, 5} {
		a.Workers = w
		assert.Equal(t, want, must(a.louvainTrials(bg, 5, 6, 1)), "%d workers", w)
	}
}
