package panel

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"sort"
	"testing"
	"time"
)

var profShape = flag.String("prof", "", "profile LEXIMIN on a testdata shape, e.g. pool-2000-f6:40")

// TestProfile runs LEXIMIN on one committed shape and prints where the
// time goes: each kind of solver run (count and wall time), the rest
// (local search, model files), and the progress of every round. Opt in
// with -prof NAME:K, e.g.
//
//	go test -run TestProfile -prof pool-2000-f6:40 ./civic/panel
var (
	profStarts = flag.Int("prof-starts", 0, "with -prof: local search starts per pricing round (0: the default)")
	profILP    = flag.Int("prof-ilp", 0, "with -prof: solve the integer programme after every N-th master (0: the default)")
	profActive = flag.String("prof-active", "", "with -prof: MAX,KEEP panels per type in the master before pruning, and after")
)

func TestProfile(t *testing.T) {
	if *profShape == "" {
		t.Skip("run with -prof")
	}
	if *profStarts > 0 {
		defer func(n int) { priceStarts = n }(priceStarts)
		priceStarts = *profStarts
	}
	if *profILP > 0 {
		defer func(n int) { ilpEvery = n }(ilpEvery)
		ilpEvery = *profILP
	}
	if *profActive != "" {
		defer func(a, b int) { activeMax, activeKeep = a, b }(activeMax, activeKeep)
		fmt.Sscanf(*profActive, "%d,%d", &activeMax, &activeKeep)
	}
	var name string
	var k int
	fmt.Sscanf(*profShape, "%s", &name)
	for i := len(name) - 1; i >= 0; i-- {
		if name[i] == ':' {
			fmt.Sscanf(name[i+1:], "%d", &k)
			name = name[:i]
			break
		}
	}
	p, q := load(t, name+".csv", fmt.Sprintf("%s-k%d.yaml", name, k))
	pr, err := bind(p, q, k)
	if err != nil {
		t.Fatal(err)
	}
	tot := map[string]time.Duration{}
	cnt := map[string]int{}
	dump := os.Getenv("PANEL_DUMP") // a folder for the models solved from scratch or not to optimality
	solveHook = func(m *lpModel, sol *lpSolution, d time.Duration) {
		if dump != "" && !m.integer && (m.warm == nil || sol == nil || sol.status != lpOptimal) {
			f, err := os.Create(fmt.Sprintf("%s/%03d-%s.lp", dump, cnt["dump"], m.method))
			if err == nil {
				bw := bufio.NewWriter(f)
				m.write(bw)
				bw.Flush()
				f.Close()
				if m.warm != nil {
					os.WriteFile(fmt.Sprintf("%s/%03d-%s.bas", dump, cnt["dump"], m.method), m.warm, 0o644)
				}
				cnt["dump"]++
			}
		}
		kind := "lp-" + m.method
		if m.integer {
			kind = "ilp"
		}
		if m.warm != nil {
			kind += "-basis"
		}
		tot[kind] += d
		cnt[kind]++
	}
	t0 := time.Now()
	trace = func(f string, a ...any) {
		fmt.Fprintf(os.Stderr, "%6.2f "+f+"\n", append([]any{time.Since(t0).Seconds()}, a...)...)
	}
	defer func() { solveHook, trace = nil, nil }()
	c0 := cpuTime()
	s0, k0 := cpuSplit()
	d, err := pr.leximin(context.Background(), &CBC{})
	if err != nil {
		t.Fatal(err)
	}
	wall := time.Since(t0)
	s1, k1 := cpuSplit()
	var keys []string
	var sum time.Duration
	for k := range tot {
		keys = append(keys, k)
		sum += tot[k]
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(os.Stderr, "%-16s %4d solves %7.2fs (%.1f ms each)\n", k, cnt[k], tot[k].Seconds(), tot[k].Seconds()*1000/float64(cnt[k]))
	}
	fmt.Fprintf(os.Stderr, "cpu: civickit %.2fs, cbc %.2fs\n", (s1 - s0).Seconds(), (k1 - k0).Seconds())
	fmt.Fprintf(os.Stderr, "wall %.2fs, cpu %.2fs, solver wall %.2fs, go rest %.2fs; %+v\n", wall.Seconds(), (cpuTime() - c0).Seconds(), sum.Seconds(), (wall - sum).Seconds(), d.stats)
	minP := 1.0
	for _, i := range pr.eligible {
		minP = min(minP, d.p[pr.typeOf[i]])
	}
	fmt.Fprintf(os.Stderr, "min %.8f\n", minP)
}
