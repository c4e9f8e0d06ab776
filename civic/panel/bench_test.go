package panel

import (
	"context"
	"math/rand/v2"
	"testing"
)

// BenchmarkGreedyDraw measures one greedy draw on the 2,000-volunteer
// shape (the simulation runs 10,000 of them).
func BenchmarkGreedyDraw(b *testing.B) {
	p, q := load(b, "pool-2000-f6.csv", "pool-2000-f6-k40.yaml")
	pr, err := bind(p, q, 40)
	if err != nil {
		b.Fatal(err)
	}
	g := newGreedy(pr)
	r := rand.New(rand.NewPCG(1, 2))
	b.ReportAllocs()
	for b.Loop() {
		g.drawRetry(r)
	}
}

// BenchmarkImprove measures the local search that prices most new
// panels, from the first feasible panel with random weights.
func BenchmarkImprove(b *testing.B) {
	p, q := load(b, "pool-2000-f6.csv", "pool-2000-f6-k40.yaml")
	pr, err := bind(p, q, 40)
	if err != nil {
		b.Fatal(err)
	}
	needCBC(b)
	sol, err := (&CBC{}).solve(context.Background(), pr.ilp(nil, make([]bool, len(pr.types)), nil))
	if err != nil {
		b.Fatal(err)
	}
	start := round(sol.x, len(pr.types))
	r := rand.New(rand.NewPCG(1, 2))
	w := make([]float64, len(pr.types))
	b.ReportAllocs()
	for b.Loop() {
		for t := range w {
			w[t] = r.Float64()
		}
		pr.improve(context.Background(), start, w)
	}
}

// BenchmarkSelectSmall measures a whole selection on the 20-volunteer
// example, mostly the cost of running cbc.
func BenchmarkSelectSmall(b *testing.B) {
	needCBC(b)
	p, q := load(b, "small.csv", "small.yaml")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Select(context.Background(), p, q, Options{Seed: 1, GreedyRuns: 1000}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkImproveSparse is BenchmarkImprove with weights like a master
// programme's duals: most types weigh nothing, a tenth weigh something.
func BenchmarkImproveSparse(b *testing.B) {
	p, q := load(b, "pool-2000-f6.csv", "pool-2000-f6-k40.yaml")
	pr, err := bind(p, q, 40)
	if err != nil {
		b.Fatal(err)
	}
	needCBC(b)
	sol, err := (&CBC{}).solve(context.Background(), pr.ilp(nil, make([]bool, len(pr.types)), nil))
	if err != nil {
		b.Fatal(err)
	}
	start := round(sol.x, len(pr.types))
	r := rand.New(rand.NewPCG(1, 2))
	w := make([]float64, len(pr.types))
	b.ReportAllocs()
	for b.Loop() {
		for t := range w {
			w[t] = 0
			if r.IntN(10) == 0 {
				w[t] = r.Float64()
			}
		}
		pr.improve(context.Background(), start, w)
	}
}

// BenchmarkLeximin measures LEXIMIN's column generation (master
// programmes, local search, integer programmes and the final
// distribution) on the 1,000-volunteer shape (5 features, a panel of 30),
// a few seconds an iteration; it reports the programmes solved. The
// 2,000-volunteer run is timed as a whole process by testdata/time.sh.
func BenchmarkLeximin(b *testing.B) {
	needCBC(b)
	p, q := load(b, "pool-1000-f5.csv", "pool-1000-f5-k30.yaml")
	pr, err := bind(p, q, 30)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var st Stats
	for b.Loop() {
		d, err := pr.leximin(context.Background(), &CBC{})
		if err != nil {
			b.Fatal(err)
		}
		st = d.stats
	}
	b.ReportMetric(float64(st.LPs), "lps/op")
	b.ReportMetric(float64(st.ILPs), "ilps/op")
}
