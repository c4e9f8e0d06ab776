//go:build ignore

// Command gonum times gonum's network.Betweenness and community.Modularize
// on an edge list; bench.sh builds it in a scratch module so that gonum is
// not a dependency of civickit.
package main

import (
	"encoding/csv"
	"fmt"
	"os"
	"strconv"
	"time"

	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/simple"
)

func main() {
	f, err := os.Open(os.Args[1])
	if err != nil {
		panic(err)
	}
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		panic(err)
	}
	g := simple.NewUndirectedGraph()
	for _, r := range rows[1:] {
		a, _ := strconv.Atoi(r[0])
		b, _ := strconv.Atoi(r[1])
		g.SetEdge(g.NewEdge(simple.Node(a), simple.Node(b)))
	}
	t := time.Now()
	bc := network.Betweenness(g)
	fmt.Printf("gonum betweenness %.3fs (%d nodes)\n", time.Since(t).Seconds(), len(bc))
	t = time.Now()
	r := community.Modularize(g, 1, nil)
	fmt.Printf("gonum louvain %.4fs Q=%.4f\n", time.Since(t).Seconds(), community.Q(g, r.Communities(), 1))
}
