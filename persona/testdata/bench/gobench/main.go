// Command gobench times persona.KMeans{K: 8, Restarts: 10} on bench.f64
// (see ../gen.py); run with GOMAXPROCS=1 for one core.
package main

import (
	"encoding/binary"
	"fmt"
	"math"
	"os"
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
	t := time.Now()
	res, err := persona.KMeans{K: 8, Restarts: 10, Seed: 0}.Fit(x)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	fmt.Printf("persona.KMeans fit %.3f s inertia %.6f iterations %d\n", time.Since(t).Seconds(), res.Inertia, res.Iterations)
}
