package network

import (
	"flag"
	"fmt"
	"runtime"
	"testing"
	"time"
)

// BenchmarkBetweenness times exact Brandes on a 5,000-node Barabási–Albert
// graph (m = 3), the graph bench.sh compares against other libraries.
func BenchmarkBetweenness(b *testing.B) {
	a := barabasiAlbert(5000, 3, 1).Analyze()
	b.ReportAllocs()
	for b.Loop() {
		must(a.Betweenness(bg))
	}
}

// BenchmarkLouvain times one Louvain trial on the same graph.
func BenchmarkLouvain(b *testing.B) {
	a := barabasiAlbert(5000, 3, 1).Analyze()
	b.ReportAllocs()
	var q float64
	for b.Loop() {
		q = must(a.Louvain(bg, LouvainOptions{})).Modularity
	}
	b.ReportMetric(q, "Q")
}

// BenchmarkClosenessHarmonic times the bit-parallel all-sources BFS.
func BenchmarkClosenessHarmonic(b *testing.B) {
	a := barabasiAlbert(5000, 3, 1).Analyze()
	b.ReportAllocs()
	for b.Loop() {
		must2(a.ClosenessHarmonic(bg))
	}
}

// BenchmarkClosenessHarmonicLarge times it on a 20,000-node graph with
// 200,000 ties (m = 10), big enough for the per-worker bit arrays to
// leave the CPU's private caches, as they do at national scale.
func BenchmarkClosenessHarmonicLarge(b *testing.B) {
	a := barabasiAlbert(20_000, 10, 1).Analyze()
	b.ReportAllocs()
	for b.Loop() {
		must2(a.ClosenessHarmonic(bg))
	}
}

// BenchmarkPageRank times PageRank on the same graph.
func BenchmarkPageRank(b *testing.B) {
	a := barabasiAlbert(5000, 3, 1).Analyze()
	b.ReportAllocs()
	for b.Loop() {
		_, _ = a.PageRank(0.85)
	}
}

// BenchmarkReadCSV times reading the edge list of a 5,000-node graph.
func BenchmarkAnalyze(b *testing.B) {
	net := barabasiAlbert(5000, 3, 1)
	b.ReportAllocs()
	for b.Loop() {
		net.Analyze()
	}
}

// BenchmarkDirected times the metrics whose directed form differs from
// the undirected one, on a 5,000-actor directed Barabási–Albert graph with
// a third of its ties reciprocated.
func BenchmarkDirected(b *testing.B) {
	a := directedBA(5000, 3, 1).Analyze()
	for _, bm := range []struct {
		name string
		f    func()
	}{
		{"clustering", func() { a.Clustering() }},
		{"core", func() { a.CoreNumber() }},
		{"brokerage", func() { a.Brokerage() }},
		{"louvain", func() { must(a.Louvain(bg, LouvainOptions{})) }},
	} {
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				bm.f()
			}
		})
	}
}

var (
	scale         = flag.Bool("scale", false, "run the 100k-actor / 1M-tie scale check (minutes)")
	scaleDirected = flag.Bool("scale-directed", false, "run the scale check on the directed network of directedBA")
)

// TestScale checks the national-scale budget: a 100,000-actor,
// 1,000,000-tie network is built and gets every metric but exact
// betweenness (Louvain with as many trials as Metrics runs) in under 30 s, and
// 256-pivot sampled betweenness in under 60 s. It logs each step's time
// and the heap; run with
//
//	go test -c -o civic.test ./civic && /usr/bin/time -v ./civic.test -test.run 'TestScale$' -test.v -scale
//
// for the process's peak RSS as well. With -scale-directed the network is
// directed, a third of its ties reciprocated (1,333,200 arcs), and the
// times are logged but not held to the budget: building it takes the
// undirected network and a copy, and closeness on directed ties takes
// about twice as long (distances that do not exist keep a BFS batch
// scanning until its frontier empties).
func TestScale(t *testing.T) {
	if !*scale || testing.Short() {
		t.Skip("scale check runs only with -scale")
	}
	step := func(name string, f func()) float64 {
		s := time.Now()
		f()
		d := time.Since(s).Seconds()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		t.Logf("%-24s %6.2fs  heap in use %4d MB, sys %4d MB", name, d, ms.HeapInuse>>20, ms.Sys>>20)
		return d
	}
	var net *Network
	total := step("build network", func() {
		if *scaleDirected {
			net = directedBA(100_000, 10, 5)
		} else {
			net = barabasiAlbert(100_000, 10, 5)
		}
	})
	t.Logf("%d actors, %d ties, GOMAXPROCS %d", net.Len(), len(net.Ties()), runtime.GOMAXPROCS(0))
	var a *Analysis
	total += step("analyze (CSR)", func() { a = net.Analyze() })
	total += step("degree", func() { a.Degree() })
	total += step("closeness+harmonic", func() { must2(a.ClosenessHarmonic(bg)) })
	total += step("pagerank", func() { _, _ = a.PageRank(0.85) })
	total += step("eigenvector", func() { _, _ = a.Eigenvector() })
	total += step("clustering", func() { a.Clustering() })
	total += step("k-core", func() { a.CoreNumber() })
	total += step("components", func() { a.Components() })
	var comm Communities
	total += step(fmt.Sprintf("louvain (%d trials)", a.defaultLouvainTrials()), func() { comm = must(a.louvainTrials(bg, 0, a.defaultLouvainTrials(), 1)) })
	t.Logf("modularity %.4f", comm.Modularity)
	total += step("brokerage", func() { a.Brokerage() })
	t.Logf("build and every metric but betweenness: %.1fs", total)
	if total > 30 && !*scaleDirected {
		t.Errorf("build and metrics took %.1fs, budget 30s", total)
	}
	if d := step("sampled betweenness 256", func() { must(a.SampleBetweenness(bg, 256, 1)) }); d > 60 && !*scaleDirected {
		t.Errorf("sampled betweenness took %.1fs, budget 60s", d)
	}
}
