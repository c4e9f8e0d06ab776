package network

import (
	"fmt"
	"math/rand/v2"
)

// barabasiAlbert builds a seeded Barabási–Albert graph of n actors, each new
// actor tying to m existing ones chosen in proportion to degree.
func barabasiAlbert(n, m int, seed uint64) *Network {
	rng := rand.New(rand.NewPCG(seed, 1))
	net := NewNetwork(false)
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprint(i)
		_ = net.AddActor(Actor{ID: ids[i]})
	}
	var repeated []int
	targets := make([]int, m)
	for i := range targets {
		targets[i] = i
	}
	for v := m; v < n; v++ {
		for _, u := range targets {
			_ = net.AddTie(Tie{Source: ids[v], Target: ids[u]})
			repeated = append(repeated, u, v)
		}
		seen := map[int]bool{}
		targets = targets[:0]
		for len(targets) < m {
			u := repeated[rng.IntN(len(repeated))]
			if !seen[u] {
				seen[u] = true
				targets = append(targets, u)
			}
		}
	}
	return net
}

// directedBA orients the ties of barabasiAlbert(n, m, seed): of every three
// ties, one points from the newer actor, one to it and one both ways.
func directedBA(n, m int, seed uint64) *Network {
	und := barabasiAlbert(n, m, seed)
	net := NewNetwork(true)
	for _, x := range und.Actors() {
		_ = net.AddActor(x)
	}
	for i, tie := range und.Ties() {
		if i%3 != 1 {
			_ = net.AddTie(Tie{Source: tie.Source, Target: tie.Target})
		}
		if i%3 != 0 {
			_ = net.AddTie(Tie{Source: tie.Target, Target: tie.Source})
		}
	}
	return net
}
