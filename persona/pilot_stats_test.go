package persona

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// changeCase is a distribution of changes on the 1–5 scale: probability
// of each change −4..4.
type changeCase struct {
	name string
	p    map[int]float64
}

// coverageCases are the pilots the interval must be honest on: most
// ratings do not move, or every change is equal.
var coverageCases = []changeCase{
	{"95% stay, 5% up one", map[int]float64{0: 0.95, 1: 0.05}},
	{"90% stay, 10% up one", map[int]float64{0: 0.9, 1: 0.1}},
	{"80% stay, 20% up one", map[int]float64{0: 0.8, 1: 0.2}},
	{"60% stay, 30% up, 10% down", map[int]float64{0: 0.6, 1: 0.3, -1: 0.1}},
	{"50% stay, 35% up one, 10% up two, 5% down", map[int]float64{0: 0.5, 1: 0.35, 2: 0.1, -1: 0.05}},
	{"nobody moves", map[int]float64{0: 1}},
	{"everyone up one", map[int]float64{1: 1}},
	{"everyone up two", map[int]float64{2: 1}},
	{"everyone up three", map[int]float64{3: 1}},
}

// simulateCoverage returns the share of sims intervals of pairs of size
// n drawn from c that cover its true mean change, by interval method f.
func simulateCoverage(c changeCase, n, sims int, seed uint64, f func(b, a []float64) (Change, error)) float64 {
	rng := rand.New(rand.NewPCG(seed, uint64(n)))
	var mean float64
	for d, p := range c.p {
		mean += float64(d) * p
	}
	covered := 0
	b, a := make([]float64, n), make([]float64, n)
	for s := 0; s < sims; s++ {
		for i := range b {
			u := rng.Float64()
			d := 0
			for v := -4; v <= 4; v++ {
				if u < c.p[v] {
					d = v
					break
				}
				u -= c.p[v]
			}
			// A before rating that leaves room for the change.
			lo, hi := max(1, 1-d), min(5, 5-d)
			b[i] = float64(lo + rng.IntN(hi-lo+1))
			a[i] = b[i] + float64(d)
		}
		ch, err := f(b, a)
		if err != nil {
			panic(err)
		}
		if ch.Low <= mean+1e-12 && mean-1e-12 <= ch.High {
			covered++
		}
	}
	return float64(covered) / float64(sims)
}

// TestOrdinalChangeCoverage shows by simulation that the 95% interval of
// OrdinalChange covers the true mean change at least 93% of the time for
// every n from 5 to 30 on each case above, where Student's t interval
// falls far below (its worst case is logged).
func TestOrdinalChangeCoverage(t *testing.T) {
	sims := 2000
	if testing.Short() {
		sims = 400
	}
	ord := func(b, a []float64) (Change, error) { return OrdinalChange(b, a, 1, 5, 0.95) }
	tint := func(b, a []float64) (Change, error) { return PairedChange(b, a, 0.95) }
	worst, worstT := 1.0, 1.0
	var worstAt, worstTAt string
	for _, c := range coverageCases {
		for n := 5; n <= 30; n++ {
			cov := simulateCoverage(c, n, sims, 11, ord)
			if cov < worst {
				worst, worstAt = cov, fmt.Sprintf("%s, n = %d", c.name, n)
			}
			assert.GreaterOrEqual(t, cov, 0.93, "%s, n = %d", c.name, n)
			if cov := simulateCoverage(c, n, sims, 11, tint); cov < worstT {
				worstT, worstTAt = cov, fmt.Sprintf("%s, n = %d", c.name, n)
			}
		}
	}
	t.Logf("lowest coverage of the 95%% interval over n = 5..30: ordinal %.3f (%s); Student's t %.3f (%s)", worst, worstAt, worstT, worstTAt)
	assert.Less(t, worstT, 0.7, "the t interval is the failure this replaces")
}

func TestOrdinalChange(t *testing.T) {
	// Every change equal: never a zero-width interval.
	c, err := OrdinalChange([]float64{2, 3, 1, 2, 4}, []float64{3, 4, 2, 3, 5}, 1, 5, 0.95)
	require.NoError(t, err)
	assert.Equal(t, 1.0, c.Mean)
	assert.InDelta(t, 5.0/6, c.Estimate, 1e-15)
	assert.Greater(t, c.High-c.Low, 0.5)
	assert.LessOrEqual(t, c.Low, 1.0)
	assert.GreaterOrEqual(t, c.High, 1.0)
	// By hand: Σd = 5, Σd² = 5, prior Σv²/9 = 60/9, a = 6:
	// second moment (5 + 60/9)/6, variance (second − (5/6)²)/7.
	sd := math.Sqrt(((5+60.0/9)/6 - 25.0/36) / 7)
	assert.InDelta(t, 5.0/6-2.7764451051977987*sd, c.Low, 1e-9)
	// Nobody moves: the interval straddles zero.
	c, err = OrdinalChange([]float64{3, 3, 3, 3, 3}, []float64{3, 3, 3, 3, 3}, 1, 5, 0.95)
	require.NoError(t, err)
	assert.Less(t, c.Low, 0.0)
	assert.Greater(t, c.High, 0.0)
	_, err = OrdinalChange([]float64{1}, []float64{2}, 1, 5, 0.95)
	assert.Error(t, err)
	_, err = OrdinalChange([]float64{1, 1}, []float64{2, 2.5}, 1, 5, 0.95)
	assert.Error(t, err)
}
