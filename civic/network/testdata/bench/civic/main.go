//go:build ignore

// Command civic times civic's exact betweenness and Louvain on an edge list:
// go run civic/main.go EDGES.csv
package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/civickit/civickit/civic/network"
)

func main() {
	f, err := os.Open(os.Args[1])
	if err != nil {
		panic(err)
	}
	net, err := network.ReadCSV(f, nil, network.ReadOptions{})
	if err != nil {
		panic(err)
	}
	a := net.Analyze()
	t := time.Now()
	ctx := context.Background()
	bc, err := a.Betweenness(ctx)
	if err != nil {
		panic(err)
	}
	fmt.Printf("civic betweenness %.3fs (max %.6f)\n", time.Since(t).Seconds(), maxOf(bc))
	t = time.Now()
	c, err := a.Louvain(ctx, network.LouvainOptions{})
	if err != nil {
		panic(err)
	}
	fmt.Printf("civic louvain %.4fs Q=%.4f\n", time.Since(t).Seconds(), c.Modularity)
	t = time.Now()
	c, err = a.Louvain(ctx, network.LouvainOptions{Trials: 8})
	if err != nil {
		panic(err)
	}
	fmt.Printf("civic louvain-8-trials %.4fs Q=%.4f\n", time.Since(t).Seconds(), c.Modularity)
}

func maxOf(x []float64) float64 {
	m := 0.0
	for _, v := range x {
		m = max(m, v)
	}
	return m
}
