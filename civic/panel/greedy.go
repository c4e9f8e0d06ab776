package panel

import (
	"context"
	"math/rand/v2"
)

// greedy draws one panel the way most councils' spreadsheets and the
// Sortition Foundation's original (pre-2021) selection algorithm do:
// while seats remain, take the quota category whose unmet minimum is the
// largest share of the volunteers still available in it, and choose one
// of those volunteers at random (in proportion to task weight); a
// category that reaches its maximum, and the household of each chosen
// volunteer, leave the draw. It returns the chosen pool indices, or nil
// when the draw runs into a dead end (a minimum that can no longer be
// met), as this method sometimes does.
type greedy struct {
	pr      *problem
	members [][]int   // per category: eligible pool indices
	catsOf  [][]int32 // pool index → categories
	houseOf []int32   // pool index → household group (two or more), or -1
	houseM  [][]int   // household group → pool indices
	wmax    float64   // the largest weight
	// scratch
	avail  []bool
	left   []int // available volunteers per category
	chosen []int // chosen per category
}

func newGreedy(pr *problem) *greedy {
	g := &greedy{pr: pr, members: make([][]int, len(pr.cats)), catsOf: make([][]int32, len(pr.weight)),
		houseOf: make([]int32, len(pr.weight)), houseM: make([][]int, len(pr.houses))}
	for i := range g.houseOf {
		g.houseOf[i] = -1
	}
	for _, ty := range pr.types {
		for _, i := range ty.members {
			g.catsOf[i] = ty.cats
			for _, c := range ty.cats {
				g.members[c] = append(g.members[c], i)
			}
			if ty.house >= 0 {
				g.houseOf[i] = ty.house
				g.houseM[ty.house] = append(g.houseM[ty.house], i)
			}
		}
	}
	for _, w := range pr.weight {
		g.wmax = max(g.wmax, w)
	}
	g.avail = make([]bool, len(pr.weight))
	g.left = make([]int, len(pr.cats))
	g.chosen = make([]int, len(pr.cats))
	return g
}

func (g *greedy) remove(i int) {
	if !g.avail[i] {
		return
	}
	g.avail[i] = false
	for _, c := range g.catsOf[i] {
		g.left[c]--
	}
}

func (g *greedy) draw(r *rand.Rand) []int {
	pr := g.pr
	for _, i := range pr.eligible {
		g.avail[i] = true
	}
	for c := range pr.cats {
		g.left[c] = len(g.members[c])
		g.chosen[c] = 0
	}
	// categories whose maximum is 0 are closed from the start
	for c, cat := range pr.cats {
		if cat.max == 0 {
			for _, i := range g.members[c] {
				g.remove(i)
			}
		}
	}
	sel := make([]int, 0, pr.k)
	for len(sel) < pr.k {
		best, bestRatio := -1, 0.0
		for c, cat := range pr.cats {
			if g.left[c] == 0 {
				continue
			}
			ratio := float64(cat.min-g.chosen[c]) / float64(g.left[c])
			if best < 0 || ratio > bestRatio {
				best, bestRatio = c, ratio
			}
		}
		if best < 0 || bestRatio > 1 {
			return nil // no one left, or a minimum out of reach
		}
		// a random available member of the category, by weight: by
		// rejection (a uniform member, kept with probability w/wmax),
		// which is quick while most members are available, then by a
		// scan
		pick := -1
		ms := g.members[best]
		for try := 0; try < 64; try++ {
			i := ms[r.IntN(len(ms))]
			if g.avail[i] && (!pr.weighted || r.Float64()*g.wmax < pr.weight[i]) {
				pick = i
				break
			}
		}
		if pick < 0 {
			total := 0.0
			for _, i := range ms {
				if g.avail[i] {
					total += pr.weight[i]
				}
			}
			x := r.Float64() * total
			for _, i := range ms {
				if g.avail[i] {
					pick = i
					x -= pr.weight[i]
					if x < 0 {
						break
					}
				}
			}
		}
		sel = append(sel, pick)
		g.remove(pick)
		for _, c := range g.catsOf[pick] {
			g.chosen[c]++
			if g.chosen[c] == pr.cats[c].max {
				for _, i := range g.members[c] {
					g.remove(i)
				}
			}
		}
		if h := g.houseOf[pick]; h >= 0 {
			for _, i := range g.houseM[h] {
				g.remove(i)
			}
		}
	}
	for c, cat := range pr.cats {
		if g.chosen[c] < cat.min {
			return nil
		}
	}
	return sel
}

// greedyRetries is how many times a draw that runs into a dead end is
// tried again, as councils do, before the greedy method gives up.
const greedyRetries = 100

// drawRetry draws until a draw succeeds, or gives up; it returns the
// panel and the number of failed draws.
func (g *greedy) drawRetry(r *rand.Rand) ([]int, int) {
	for fail := 0; fail < greedyRetries; fail++ {
		if sel := g.draw(r); sel != nil {
			return sel, fail
		}
	}
	return nil, greedyRetries
}

// simulate estimates each pool index's probability of being chosen by the
// greedy method from runs seeded draws (with retries), and returns the
// share of draws that ran into a dead end.
func (g *greedy) simulate(ctx context.Context, runs int, r *rand.Rand) (p []float64, failed float64, err error) {
	p = make([]float64, len(g.pr.weight))
	ok, fails := 0, 0
	for n := 0; n < runs; n++ {
		if n%64 == 0 && ctx.Err() != nil {
			return nil, 0, ctx.Err()
		}
		sel, f := g.drawRetry(r)
		fails += f
		if sel == nil {
			continue
		}
		ok++
		for _, i := range sel {
			p[i]++
		}
	}
	if ok > 0 {
		for i := range p {
			p[i] /= float64(ok)
		}
	}
	return p, float64(fails) / float64(fails+ok), nil
}
