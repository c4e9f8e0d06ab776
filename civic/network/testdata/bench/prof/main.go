//go:build ignore

// Command prof runs "network metrics" steps on an edge list under the CPU
// profiler: go run prof/main.go EDGES.csv PROFILE [metric,...] [pivots]
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"github.com/civickit/civickit/civic/network"
)

func main() {
	f, err := os.Open(os.Args[1])
	if err != nil {
		panic(err)
	}
	pf, err := os.Create(os.Args[2])
	if err != nil {
		panic(err)
	}
	pprof.StartCPUProfile(pf)
	defer pprof.StopCPUProfile()
	t := time.Now()
	net, err := network.ReadCSV(f, nil, network.ReadOptions{MaxBytes: 1 << 30})
	if err != nil {
		panic(err)
	}
	fmt.Fprintf(os.Stderr, "read %.2fs\n", time.Since(t).Seconds())
	t = time.Now()
	net, _, err = net.Pseudonymize(nil)
	if err != nil {
		panic(err)
	}
	fmt.Fprintf(os.Stderr, "pseudonymize %.2fs\n", time.Since(t).Seconds())
	opt := network.MetricsOptions{}
	if len(os.Args) > 3 && os.Args[3] != "all" {
		opt.Metrics = strings.Split(os.Args[3], ",")
	}
	if len(os.Args) > 4 {
		opt.Pivots, _ = strconv.Atoi(os.Args[4])
	}
	start := time.Now()
	opt.Progress = func(step string, i, n int) {
		fmt.Fprintf(os.Stderr, "%.2fs: %s\n", time.Since(start).Seconds(), step)
	}
	m, err := net.Analyze().Metrics(context.Background(), opt)
	if err != nil {
		panic(err)
	}
	fmt.Fprintf(os.Stderr, "metrics %.2fs Q=%.4f\n", time.Since(start).Seconds(), m.Modularity)
	t = time.Now()
	m.WriteCSV(io.Discard)
	fmt.Fprintf(os.Stderr, "write %.2fs\n", time.Since(t).Seconds())
}
