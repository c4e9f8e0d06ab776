// Command gobench times persona.KMeans{K: 8, Restarts: 10} on bench.f64
// (see ../gen.py); run with GOMAXPROCS=1 for one core.
package main

import (
	"encoding/binary"
	"fmt"
	"math"
	"os"
	"syscall"
	"time"

	"github.com/civickit/civickit/persona"
)

func main() {
	raw, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	const cols = 40
	x := persona.Matrix{Rows: len(raw) / 8 / cols, Cols: cols, Data: make([]float64, len(raw)/8)}
	for i := range x.Data {
		x.Data[i] = math.Float64frombits(binary.LittleEndian.Uint64(raw[8*i:]))
	}
	t, c := time.Now(), cpuTime()
	res, err := persona.KMeans{K: 8, Restarts: 10, Seed: 0}.Fit(x)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	wall, cpu := time.Since(t).Seconds(), cpuTime()-c
	fmt.Printf("persona.KMeans fit cpu %.3f s wall %.3f s inertia %.6f iterations %d\n", cpu, wall, res.Inertia, res.Iterations)
}

// cpuTime is the process's user and system CPU time in seconds.
func cpuTime() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}
