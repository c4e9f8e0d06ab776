package panel

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var long = flag.Bool("long", false, "run LEXIMIN on the published example shapes (pools of 1,000 to 2,000; minutes)")

// needCBC skips a test when the solver is not installed (.ci/run
// installs it, so CI always runs these).
func needCBC(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("cbc"); err != nil {
		t.Skip("cbc not installed (apt-get install coinor-cbc)")
	}
}

func load(t testing.TB, pool, quotas string) (*Pool, *Quotas) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", pool))
	require.NoError(t, err)
	defer f.Close()
	p, err := ReadPool(f, PoolOptions{File: pool})
	require.NoError(t, err)
	g, err := os.Open(filepath.Join("testdata", quotas))
	require.NoError(t, err)
	defer g.Close()
	q, err := ReadQuotas(g, QuotaOptions{File: quotas})
	require.NoError(t, err)
	return p, q
}

func loadBytes(t testing.TB, pool, quotas []byte) (*Pool, *Quotas) {
	t.Helper()
	p, err := ReadPool(bytes.NewReader(pool), PoolOptions{File: "pool.csv"})
	require.NoError(t, err)
	q, err := ReadQuotas(bytes.NewReader(quotas), QuotaOptions{File: "quotas.yaml"})
	require.NoError(t, err)
	return p, q
}

// TestLeximinBruteForce checks LEXIMIN's smallest probability on the
// small pool against the max-min programme written out over every
// feasible panel (all 38,760 panels of 6 from 20 enumerated, the
// feasible ones kept), solved by cbc directly: the expected number is
// that programme's optimum, not a number typed in.
func TestLeximinBruteForce(t *testing.T) {
	needCBC(t)
	p, q := load(t, "small.csv", "small.yaml")
	pr, err := bind(p, q, q.Size)
	require.NoError(t, err)
	d, err := pr.leximin(context.Background(), &CBC{})
	require.NoError(t, err)

	n := len(p.Volunteers)
	panels := feasiblePanels(pr, n)
	require.NotEmpty(t, panels)
	m := &lpModel{maximize: true}
	for range panels {
		m.addVar(0, 0, math.Inf(1))
	}
	z := m.addVar(1, 0, math.Inf(1))
	rows := make([][]int32, n)
	for k, s := range panels {
		for _, i := range s {
			rows[i] = append(rows[i], int32(k))
		}
	}
	for i := 0; i < n; i++ {
		coef := make([]float64, len(rows[i])+1)
		for j := range rows[i] {
			coef[j] = 1
		}
		coef[len(rows[i])] = -1
		m.addRow(append(rows[i], int32(z)), coef, '>', 0)
	}
	all := make([]int32, len(panels))
	ones := make([]float64, len(panels))
	for k := range all {
		all[k], ones[k] = int32(k), 1
	}
	m.addRow(all, ones, '=', 1)
	sol, err := (&CBC{}).solve(context.Background(), m)
	require.NoError(t, err)
	require.Equal(t, lpOptimal, sol.status)
	minP := 1.0
	for _, i := range pr.eligible {
		minP = math.Min(minP, d.p[pr.typeOf[i]])
	}
	t.Logf("%d feasible panels; max-min %.6f, LEXIMIN's smallest %.6f", len(panels), sol.x[z], minP)
	assert.InDelta(t, sol.x[z], minP, 1e-5)
	// the distribution is a distribution and gives each panel k members
	sum, members := 0.0, 0.0
	for k, pc := range d.panels {
		sum += d.prob[k]
		for t, x := range pc {
			members += d.prob[k] * float64(x)
			_ = t
		}
		assert.True(t, pr.feasible(pc))
	}
	assert.InDelta(t, 1, sum, 1e-9)
	assert.InDelta(t, float64(pr.k), members, 1e-6)
}

// wilsonHilferty returns the upper tail probability of a chi-square
// statistic x with k degrees of freedom by the Wilson–Hilferty cube-root
// normal approximation (accurate to about 1e-3 for k ≥ 10).
func wilsonHilferty(x float64, k int) float64 {
	kf := float64(k)
	z := (math.Cbrt(x/kf) - (1 - 2/(9*kf))) / math.Sqrt(2/(9*kf))
	return 0.5 * math.Erfc(z/math.Sqrt2)
}

// checkSampling draws 10,000 panels from the distribution with a fixed
// seed and tests that the draws follow it: a chi-square goodness-of-fit
// test on which panel (of counts) is drawn, bins with fewer than 5
// expected merged; and each volunteer's frequency against their
// probability by a two-sided binomial z-test, Bonferroni-corrected over
// all volunteers. Both at significance 0.001.
func checkSampling(t *testing.T, pr *problem, d *dist, seed uint64) {
	const N = 10_000
	const alpha = 0.001
	r := rand.New(rand.NewPCG(seed, streamDraw))
	panelCount := make([]int, len(d.panels))
	freq := make([]int, len(pr.weight))
	for n := 0; n < N; n++ {
		x := r.Float64()
		k := len(d.prob) - 1
		for i, p := range d.prob {
			if x < p {
				k = i
				break
			}
			x -= p
		}
		panelCount[k]++
		for _, i := range pr.members(d.panels[k], r) {
			freq[i]++
		}
	}
	// chi-square on the panels drawn
	chi, bins := 0.0, 0
	var accE, accO float64
	for k, p := range d.prob {
		accE += p * N
		accO += float64(panelCount[k])
		if accE >= 5 || k == len(d.prob)-1 {
			chi += (accO - accE) * (accO - accE) / math.Max(accE, 1e-12)
			bins++
			accE, accO = 0, 0
		}
	}
	if bins > 1 {
		pv := wilsonHilferty(chi, bins-1)
		t.Logf("panels: chi-square %.1f on %d degrees of freedom, p = %.3f", chi, bins-1, pv)
		assert.Greater(t, pv, alpha, "the panels drawn do not follow the distribution")
	}
	// each volunteer's frequency
	worst, worstID := 1.0, -1
	for _, i := range pr.eligible {
		p := d.p[pr.typeOf[i]]
		sd := math.Sqrt(N * p * (1 - p))
		if sd == 0 {
			assert.Equal(t, int(math.Round(p*N)), freq[i])
			continue
		}
		z := math.Abs(float64(freq[i])-N*p) / sd
		if pv := math.Erfc(z / math.Sqrt2); pv < worst {
			worst, worstID = pv, i
		}
	}
	m := float64(len(pr.eligible))
	t.Logf("volunteers: smallest two-sided p %.2g over %d volunteers (Bonferroni threshold %.2g)", worst, len(pr.eligible), alpha/m)
	assert.Greater(t, worst, alpha/m, "volunteer %d's frequency is off its probability", worstID)
}

// fairness runs both methods and returns LEXIMIN's and the greedy
// method's smallest probability.
func fairness(t *testing.T, pr *problem, d *dist, runs int) (lex, gr float64) {
	g := newGreedy(pr)
	gp, _, err := g.simulate(context.Background(), runs, rand.New(rand.NewPCG(1, streamGreedy)))
	require.NoError(t, err)
	lex, gr = 1, 1
	for _, i := range pr.eligible {
		lex = math.Min(lex, d.p[pr.typeOf[i]])
		gr = math.Min(gr, gp[i])
	}
	return lex, gr
}

// TestSelectSynthetic is the default run's version of the bars: a
// synthetic pool of 150 with 4 features and a panel of 12.
func TestSelectSynthetic(t *testing.T) {
	needCBC(t)
	p, q := loadBytes(t, synthPool(150, 4, 9), synthQuotas(12, 4))
	pr, err := bind(p, q, q.Size)
	require.NoError(t, err)
	d, err := pr.leximin(context.Background(), &CBC{})
	require.NoError(t, err)
	lex, gr := fairness(t, pr, d, 10_000)
	t.Logf("smallest probability: LEXIMIN %.4f, greedy %.4f (gain %.4f); %+v", lex, gr, lex-gr, d.stats)
	assert.GreaterOrEqual(t, lex, gr)
	checkSampling(t, pr, d, 42)
}

// TestLongShapes runs the bars on the published example shapes (pools of
// 1,000 to 2,000, 5 to 7 features, panels of 30 to 40). Opt in with
// -long; it takes minutes on a loaded machine.
func TestLongShapes(t *testing.T) {
	if !*long {
		t.Skip("run with -long")
	}
	needCBC(t)
	for _, c := range synthCases {
		t.Run(c.name, func(t *testing.T) {
			p, q := load(t, c.name+".csv", c.name+"-k"+strconv.Itoa(c.k)+".yaml")
			pr, err := bind(p, q, c.k)
			require.NoError(t, err)
			start := time.Now()
			cpu0 := cpuTime()
			d, err := pr.leximin(context.Background(), &CBC{})
			require.NoError(t, err)
			wall, cpu := time.Since(start), cpuTime()-cpu0
			lex, gr := fairness(t, pr, d, 10_000)
			times := "greedy chose someone in none of 10,000 draws"
			if gr > 0 {
				times = fmt.Sprintf("%.1f times the greedy method's", lex/gr)
			}
			t.Logf("%d volunteers, %d features, panel %d: LEXIMIN %.1fs wall, %.1fs CPU (with cbc); smallest probability LEXIMIN %.4f, greedy %.4f, gain %.4f (%s); %+v",
				len(p.Volunteers), len(pr.features), c.k, wall.Seconds(), cpu.Seconds(), lex, gr, lex-gr, times, d.stats)
			assert.GreaterOrEqual(t, lex, gr)
			if c.n == 2000 && c.k == 40 && c.f == 6 {
				assert.Less(t, cpu.Seconds(), 60.0, "LEXIMIN for 2,000/40/6 took over a minute of CPU")
			}
			checkSampling(t, pr, d, 42)
		})
	}
}

// TestLeximinWorkers checks that the local searches running side by side
// do not change the result: the same panels, probabilities and work with
// one search at a time and with three.
func TestLeximinWorkers(t *testing.T) {
	needCBC(t)
	p, q := loadBytes(t, synthPool(150, 4, 9), synthQuotas(12, 4))
	pr, err := bind(p, q, q.Size)
	require.NoError(t, err)
	defer func(n int) { priceWorkers = n }(priceWorkers)
	var runs []*dist
	for _, n := range []int{1, 3} {
		priceWorkers = n
		d, err := pr.leximin(context.Background(), &CBC{})
		require.NoError(t, err)
		runs = append(runs, d)
	}
	assert.Equal(t, runs[0].stats, runs[1].stats)
	assert.Equal(t, runs[0].p, runs[1].p)
	assert.Equal(t, runs[0].prob, runs[1].prob)
	assert.Equal(t, runs[0].panels, runs[1].panels)
}

// TestLeximinSchedule checks that the settings that only make LEXIMIN
// faster do not move its probabilities: LEXIMIN's probabilities are
// unique, so a run with few local search starts, one search at a time
// and no pruning of the master programme must give every volunteer the
// same probability as the default run. The rounds fix probabilities to a
// relative 1e-6 (gapTol), each lowered by the share fixSlack for the
// solver's tolerances; the final distribution is a vertex of a programme
// with ≥ rows, which may hand the probability so freed, k·fixSlack in all
// (k the panel size), to any volunteer. So every probability must agree
// to 2·k·fixSlack plus 1e-5 relative (seen: 1.4e-6 at most on the
// 1,000-volunteer shape, 1.4e-5 on the 2,000 against the previous
// schedule), and the smallest to 1e-5 relative (0.02083333 and 0.02083327
// on the 1,000). With -long it runs on the 1,000-volunteer shape too.
func TestLeximinSchedule(t *testing.T) {
	needCBC(t)
	type shape struct {
		name         string
		pool, quotas []byte
		k            int
	}
	shapes := []shape{{"synthetic-150", synthPool(150, 4, 9), synthQuotas(12, 4), 12}}
	if *long {
		pool, err := os.ReadFile(filepath.Join("testdata", "pool-1000-f5.csv"))
		require.NoError(t, err)
		quotas, err := os.ReadFile(filepath.Join("testdata", "pool-1000-f5-k30.yaml"))
		require.NoError(t, err)
		shapes = append(shapes, shape{"pool-1000-f5", pool, quotas, 30})
	}
	for _, sh := range shapes {
		t.Run(sh.name, func(t *testing.T) {
			p, q := loadBytes(t, sh.pool, sh.quotas)
			pr, err := bind(p, q, sh.k)
			require.NoError(t, err)
			fast, err := pr.leximin(context.Background(), &CBC{})
			require.NoError(t, err)
			defer func(s, w, a, k int) { priceStarts, priceWorkers, activeMax, activeKeep = s, w, a, k }(priceStarts, priceWorkers, activeMax, activeKeep)
			priceStarts, priceWorkers, activeMax, activeKeep = 5, 1, 1<<20, 1<<20
			plain, err := pr.leximin(context.Background(), &CBC{})
			require.NoError(t, err)
			t.Logf("default %+v; plain %+v", fast.stats, plain.stats)
			worst, minA, minB := 0.0, 1.0, 1.0
			for ty := range pr.types {
				a, b := fast.p[ty], plain.p[ty]
				d := math.Abs(a-b) / math.Max(math.Max(a, b), 1e-12)
				worst = math.Max(worst, d)
				minA, minB = math.Min(minA, a), math.Min(minB, b)
				assert.InDelta(t, b, a, 2*float64(sh.k)*fixSlack+1e-5*b, "type %d", ty)
			}
			assert.InDelta(t, minB, minA, 1e-5*minB, "the smallest probability")
			t.Logf("smallest probability %.8f and %.8f; largest relative difference in a probability %.2g", minA, minB, worst)
		})
	}
}
