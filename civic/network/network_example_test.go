package network_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/civickit/civickit/civic/network"
)

func ExampleNetwork_Ward() {
	nodes := `id,kind,ward,label
cllr-a,councillor,W1,Cllr A
foodbank,group,W1,Food bank
library,group,W1,Library friends
repair,group,W1,Repair cafe
cvs,partner,,Voluntary services
`
	edges := `source,target
cllr-a,foodbank
foodbank,library
cvs,repair
`
	net, err := network.ReadCSV(strings.NewReader(edges), strings.NewReader(nodes), network.ReadOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	w, err := net.Ward(context.Background(), "W1", network.WardOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("score %.0f, unreached %v\n", w.Score, w.Unreached)
	for _, r := range w.Recommendations {
		fmt.Println(r)
	}
	// Output:
	// score 50, unreached [repair]
	// Cllr A: connect with Voluntary services (partner): it links 1 group you don't reach yet (Repair cafe).
	// Ward: connect with Voluntary services (partner): it links 1 group no councillor reaches yet (Repair cafe).
}

func ExampleAnalysis_Betweenness() {
	// A path a-b-c: b lies on the one shortest path between a and c.
	net, _ := network.ReadCSV(strings.NewReader("source,target\na,b\nb,c\n"), nil, network.ReadOptions{})
	a := net.Analyze()
	bc, _ := a.Betweenness(context.Background())
	fmt.Println(a.IDs(), bc)
	// Output: [a b c] [0 1 0]
}

func ExampleAnalysis_Clustering() {
	// a<->b, b->c, c->a. On a directed network clustering is Fagiolo's and
	// the k-core counts in- plus out-degree, as NetworkX's clustering and
	// core_number of a DiGraph give.
	net, _ := network.ReadCSV(strings.NewReader("source,target\na,b\nb,a\nb,c\nc,a\n"), nil, network.ReadOptions{Directed: true})
	a := net.Analyze()
	fmt.Println(a.IDs(), a.Clustering(), a.CoreNumber())
	// Output: [a b c] [0.5 0.5 1] [2 2 2]
}
