package panel

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
)

// Stats says how much work LEXIMIN took.
type Stats struct {
	Types       int `json:"types"`       // groups of interchangeable volunteers
	Panels      int `json:"panels"`      // panels (counted by type) generated
	Support     int `json:"support"`     // panels with a positive probability
	Rounds      int `json:"rounds"`      // outer rounds, each fixing some probabilities
	LPs         int `json:"lps"`         // linear programmes solved
	ILPs        int `json:"ilps"`        // integer programmes solved
	Heuristic   int `json:"heuristic"`   // panels found by local search alone
	Uncoverable int `json:"uncoverable"` // eligible volunteers on no panel that meets the quotas
	Reactivated int `json:"-"`           // panels brought back into the master programme from the pool
}

// trace, when set (by tests), receives progress lines.
var trace func(format string, args ...any)

func tracef(format string, args ...any) {
	if trace != nil {
		trace(format, args...)
	}
}

// dist is a distribution over panels counted by type.
type dist struct {
	panels []counts
	prob   []float64
	p      []float64 // each type's per-volunteer probability
	stats  Stats
}

// tolerances of the column generation, relative to the values compared
const (
	priceTol = 1e-6 // a new panel must beat the dual bound by this much
	// gapTol ends a round when the integer programme proves that no
	// distribution gives the volunteers not yet fixed more than z by this
	// share: LEXIMIN's probabilities are optimal to this relative accuracy
	gapTol = 1e-6
	// fixShare: a type is fixed when its dual weight is at least this
	// share of the total. The duals are optimal only to gapTol, so a
	// type with share s is proved to be at z only to within gapTol/s of
	// z (0.1% here): a type with a smaller weight (the barrier's central
	// duals of a master over some of the panels give small weights to
	// types that more panels would lift) waits for a later round, where
	// the same z fixes it if it is truly there.
	fixShare = 1e-3
	fixSlack = 1e-7 // fixed probabilities are lowered by this share, for the solver's tolerances
)

// leximin computes the LEXIMIN distribution by column generation, as
// Flanigan et al. (2021, Methods, "Algorithm for LEXIMIN"):
//
//  1. find panels that together include every volunteer who can be on a
//     panel at all (the rest have probability 0);
//  2. repeat: solve the dual of "maximise z such that every volunteer not
//     yet fixed has probability at least z" over the panels found so far;
//     look for a panel whose members' dual weights add up to more than the
//     dual bound (local search first, then the integer programme); add it
//     and solve again, until there is none. Then z is optimal, and every
//     volunteer with a positive dual weight has probability exactly z in
//     every optimal distribution (complementary slackness): fix those.
//  3. when every probability is fixed, solve the primal programme for the
//     distribution over panels.
//
// With task weights, z bounds each probability divided by the volunteer's
// weight. During column generation the master is re-solved by the primal
// simplex method from the previous basis (a few pivots after new panels
// instead of a solve from scratch), over the active panels only: panels
// outside the basis that price out worst leave for a pool, from which
// they come back when they price in. Once nothing prices in, the master
// is solved by the barrier method without crossover, so that its dual
// solution lies inside the optimal face and fixes as many volunteers per
// round as possible; the round ends when the integer programme proves
// that those duals are optimal over every panel too.
func (pr *problem) leximin(ctx context.Context, s *CBC) (*dist, error) {
	T := len(pr.types)
	d := &dist{p: make([]float64, T)}
	d.stats.Types = T
	seen := map[string]bool{}
	generated := 0
	// the master programme holds the active panels only; the others stay
	// in the pool and come back when their dual weight prices them in
	var active []int
	isActive := []bool{}
	var nz [][]int32 // each panel's types, for its weight
	add := func(c counts) bool {
		k := c.key()
		if seen[k] {
			return false
		}
		seen[k] = true
		d.panels = append(d.panels, c)
		nz = append(nz, c.types())
		active = append(active, len(d.panels)-1)
		isActive = append(isActive, true)
		generated++
		return true
	}
	ilp := func(m *lpModel) (*lpSolution, error) {
		d.stats.ILPs++
		return s.solve(ctx, m)
	}

	// 1. cover every type that can be covered
	covered := make([]bool, T)
	uncovered := func() []bool {
		u := make([]bool, T)
		for t := range u {
			u[t] = !covered[t]
		}
		return u
	}
	mark := func(c counts) int {
		n := 0
		for t, x := range c {
			if x > 0 && !covered[t] {
				covered[t] = true
				n++
			}
		}
		return n
	}
	sol, err := ilp(pr.ilp(nil, uncovered(), nil))
	if err != nil {
		return nil, err
	}
	if sol.status == lpInfeasible {
		return nil, errInfeasible
	}
	if sol.status != lpOptimal {
		return nil, fmt.Errorf("panel: cbc: %s", sol.line)
	}
	first := round(sol.x, T)
	if !pr.feasible(first) {
		return nil, errors.New("panel: cbc returned a panel that breaks the quotas")
	}
	add(first)
	mark(first)
	w := make([]float64, T)
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		for t := range w {
			w[t] = 0
			if !covered[t] {
				w[t] = 1
			}
		}
		c := pr.improve(ctx, d.panels[len(d.panels)-1], w)
		if c.value(w) >= 1 {
			add(c)
			mark(c)
			d.stats.Heuristic++
			continue
		}
		sol, err := ilp(pr.ilp(nil, uncovered(), nil))
		if err != nil {
			return nil, err
		}
		if sol.status != lpOptimal {
			return nil, fmt.Errorf("panel: cbc: %s", sol.line)
		}
		c = round(sol.x, T)
		if !pr.feasible(c) || mark(c) == 0 {
			break
		}
		add(c)
	}
	for t := range covered {
		if !covered[t] {
			d.stats.Uncoverable += len(pr.types[t].members)
		}
	}

	// diverse panels to start from, as Flanigan et al.'s implementation
	// starts from panels found with random weights
	rng := rand.New(rand.NewPCG(uint64(T), 0x5eed))
	for i := 0; i < initPanels*T && ctx.Err() == nil; i++ {
		for t := range w {
			w[t] = rng.Float64()
		}
		if add(pr.improve(ctx, d.panels[rng.IntN(len(d.panels))], w)) {
			d.stats.Heuristic++
		}
	}
	tracef("covered: panels %d ilps %d uncoverable %d", len(d.panels), d.stats.ILPs, d.stats.Uncoverable)
	// 2. fix probabilities round by round
	fixed := make([]bool, T)
	for t := range fixed {
		fixed[t] = !covered[t] // uncoverable: probability 0
	}
	remaining := func() int {
		n := 0
		for _, f := range fixed {
			if !f {
				n++
			}
		}
		return n
	}
	slack := fixSlack
	var warm []byte // the master's last simplex basis
	for remaining() > 0 {
		d.stats.Rounds++
		var u []float64
		var yh, z float64
		// Column generation solves the master by the primal simplex
		// method from the last basis (a few pivots after new panels),
		// and, once no panel prices in, by the barrier method: its
		// central duals fix every volunteer the optimum fixes. The
		// round ends when the integer programme finds no panel that
		// prices in under the central duals either.
		central, settling := false, false
		iter := 0
		for {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			sol, err := pr.dual(ctx, s, d.panels, active, fixed, covered, d.p, central, warm)
			d.stats.LPs++
			if errors.Is(err, errUnbounded) && slack < 1e-3 {
				// the fixed probabilities are a hair too high for the
				// solver's tolerances: lower them a little and go on
				for t := range fixed {
					if fixed[t] && covered[t] {
						d.p[t] *= 1 - slack
					}
				}
				slack *= 10
				warm = nil
				continue
			}
			if err != nil {
				return nil, err
			}
			u, yh, z = sol.u, sol.yh, sol.z
			if sol.basis != nil {
				warm = sol.basis
				if !settling {
					active = pr.prune(active, isActive, d.panels, nz, basic(sol.basis), u, yh)
				}
			}
			// price: panels of the pool, local search from the panels
			// that are best by dual weight, and the integer programme,
			// which also bounds the gap left
			//
			// The integer programme runs when the quick pricing found
			// nothing, under central duals, and every few programmes
			// anyway to measure the gap left; in the last two cases cbc
			// solves it while the local search runs.
			iter++
			var pending chan ilpResult
			if central || iter%ilpEvery == 0 {
				pending = make(chan ilpResult, 1)
				m := pr.ilp(u, nil, nil)
				go func() {
					sol, err := s.solve(ctx, m)
					pending <- ilpResult{sol, err}
				}()
				d.stats.ILPs++
			}
			tol := priceTol * math.Max(yh, 1e-12)
			added := pr.reactivate(d.panels, nz, isActive, &active, u, yh+tol)
			d.stats.Reactivated += added
			n := pr.priceLocal(ctx, d.panels, nz, u, yh+tol, add)
			d.stats.Heuristic += n
			added += n
			var ilpSol *lpSolution
			switch {
			case pending != nil:
				r := <-pending
				ilpSol, err = r.sol, r.err
			case added > 0:
				continue
			default:
				ilpSol, err = ilp(pr.ilp(u, nil, nil))
			}
			if err != nil {
				return nil, err
			}
			if ilpSol.status != lpOptimal {
				return nil, fmt.Errorf("panel: cbc: %s", ilpSol.line)
			}
			c := round(ilpSol.x, T)
			if !pr.feasible(c) {
				return nil, errors.New("panel: cbc returned a panel that breaks the quotas")
			}
			if c.value(u) > yh+tol && add(c) {
				added++
			}
			// Lagrangian bound: no distribution gives more than zUB
			zUB := c.value(u) - (yh - z)
			tracef("  lp %d central %v: z %.8g zUB %.8g gap %.3g added %d active %d", d.stats.LPs, central, z, zUB, (zUB-z)/math.Max(z, 1e-12), added, len(active))
			done := added == 0 || zUB <= z+gapTol*math.Max(z, 1e-9)
			if done && central {
				break
			}
			// from the first barrier on, panels only join the master
			// (pruning could drop what the central duals brought in)
			settling = settling || central
			central = done
		}
		tracef("round %d: z %.6g panels %d active %d lps %d ilps %d heur %d back %d", d.stats.Rounds, z, len(d.panels), len(active), d.stats.LPs, d.stats.ILPs, d.stats.Heuristic, d.stats.Reactivated)
		// fix the types with positive dual weight at z
		total := 0.0
		for t := range u {
			if !fixed[t] {
				total += u[t] * pr.types[t].w * float64(len(pr.types[t].members))
			}
		}
		n := 0
		for t := range u {
			if !fixed[t] && u[t]*pr.types[t].w*float64(len(pr.types[t].members)) > fixShare*total {
				fixed[t] = true
				d.p[t] = math.Max(0, z*pr.types[t].w*(1-fixSlack))
				n++
			}
		}
		if n == 0 {
			// numerically every weight is tiny: fix the largest
			bt := -1
			for t := range u {
				if !fixed[t] && (bt < 0 || u[t] > u[bt]) {
					bt = t
				}
			}
			fixed[bt] = true
			d.p[bt] = math.Max(0, z*pr.types[bt].w*(1-fixSlack))
		}
	}

	// 3. the distribution over panels
	d.stats.Panels = generated
	// over the active panels: the last master programme met every fixed
	// probability with them
	sub := make([]counts, len(active))
	for i, k := range active {
		sub[i] = d.panels[k]
	}
	d.panels = sub
	if err := pr.primal(ctx, s, d, covered); err != nil {
		return nil, err
	}
	d.stats.LPs++
	return d, nil
}

// ilpEvery: the integer programme is solved after every ilpEvery-th
// master programme even when local search finds panels, for the bound
// on the gap left and the best panel. Every second one on 2,000/40/6
// needed 260 masters where every fourth needed 246.
var ilpEvery = 4

// ilpResult is the outcome of an integer programme solved alongside.
type ilpResult struct {
	sol *lpSolution
	err error
}

var (
	errInfeasible = errors.New("panel: no panel meets the quotas")
	errUnbounded  = errors.New("panel: the dual programme is unbounded")
)

// master is a solution of the master programme: the dual weights u_t of
// each volunteer of type t, ŷ of the row Σλ = 1, z, and the simplex
// method's final basis (nil after the barrier method).
type master struct {
	u     []float64
	yh, z float64
	basis []byte
}

// dual solves the master programme over the panels active (indices of
// panels),
//
//	maximise z such that Σ_K λ_K·n_{K,t} ≥ |t|·w_t·z for each type t not yet fixed,
//	                     Σ_K λ_K·n_{K,t} ≥ |t|·p_t for each fixed type,
//	                     Σ_K λ_K = 1, λ ≥ 0,
//
// and returns its dual values: u_t, the dual weight of each volunteer of
// type t (the rows of type t divided among its volunteers), ŷ (the row
// Σλ = 1) and z. With central set it is solved by the barrier method
// without crossover: that solution lies inside the optimal face rather
// than at a vertex, so the volunteers it gives a positive dual weight are
// all those the optimum fixes (Flanigan et al. solve it the same way).
// Otherwise it is solved by the primal simplex method from the basis warm
// (when not nil), which after a few new panels takes a few pivots. The
// variables are named by the panels' indices, so that a basis carries
// over as panels come and go.
func (pr *problem) dual(ctx context.Context, s *CBC, panels []counts, active []int, fixed, covered []bool, p []float64, central bool, warm []byte) (*master, error) {
	T := len(pr.types)
	m := &lpModel{maximize: true, method: "warm", duals: true, warm: warm}
	if central {
		m.method, m.warm = "barrier", nil
	}
	m.ids = make([]int32, 0, len(active)+1)
	zv := m.addVar(1, 0, math.Inf(1))
	m.ids = append(m.ids, 0)
	for _, k := range active {
		m.addVar(0, 0, math.Inf(1))
		m.ids = append(m.ids, int32(k+1))
	}
	rows := make([][]int32, T)
	coefs := make([][]float64, T)
	for i, k := range active {
		for t, n := range panels[k] {
			if n > 0 {
				rows[t] = append(rows[t], int32(i+1))
				coefs[t] = append(coefs[t], float64(n))
			}
		}
	}
	rowOf := make([]int, T)
	for t := 0; t < T; t++ {
		rowOf[t] = -1
		if !covered[t] {
			continue
		}
		size := float64(len(pr.types[t].members))
		rowOf[t] = len(m.rows)
		if fixed[t] {
			m.addRow(rows[t], coefs[t], '>', size*p[t])
		} else {
			m.addRow(append(rows[t], int32(zv)), append(coefs[t], -size*pr.types[t].w), '>', 0)
		}
	}
	all := make([]int32, len(active))
	ones := make([]float64, len(active))
	for i := range all {
		all[i], ones[i] = int32(i+1), 1
	}
	sumRow := len(m.rows)
	m.addRow(all, ones, '=', 1)
	sol, err := s.solve(ctx, m)
	if err != nil {
		return nil, err
	}
	// the barrier, or the simplex method from a basis, may stop short
	// ("stopped on difficulties") on a degenerate programme; the dual
	// simplex method from the same basis settles most in a fifth of the
	// time a solve from scratch takes, and the simplex methods from
	// scratch settle the rest (by "warm" without a basis: the dual simplex
	// method, which leaves a basis for the next solve)
	retry := []string{"warm", ""}
	if m.warm != nil {
		retry = append([]string{"warmdual"}, retry...)
	}
	for _, method := range retry {
		if sol.status == lpOptimal || sol.status == lpInfeasible {
			break
		}
		tracef("  master: %s; again by %q", sol.line, method)
		m.method = method
		if method != "warmdual" {
			m.warm = nil
		}
		if sol, err = s.solve(ctx, m); err != nil {
			return nil, err
		}
	}
	switch sol.status {
	case lpOptimal:
	case lpInfeasible, lpUnbounded:
		return nil, errUnbounded
	default:
		return nil, fmt.Errorf("panel: cbc: %s", sol.line)
	}
	u := make([]float64, T)
	for t, r := range rowOf {
		if r >= 0 {
			u[t] = math.Max(0, -sol.dual[r])
		}
	}
	return &master{u: u, yh: sol.dual[sumRow], z: sol.x[zv], basis: sol.basis}, nil
}

// primal finds the distribution over d.panels that gives each type its
// fixed probability, as nearly as the solver's tolerances allow:
//
//	minimise Σ_t |t|·e_t such that Σ_K λ_K·n_{K,t} + |t|·e_t ≥ |t|·p_t,
//	Σ_K λ_K = 1, λ ≥ 0, e ≥ 0,
//
// solved by the dual simplex method (a third of the primal's time on
// 2,000/40/6) so that few panels get a positive λ.
func (pr *problem) primal(ctx context.Context, s *CBC, d *dist, covered []bool) error {
	T := len(pr.types)
	K := len(d.panels)
	m := &lpModel{method: "dual"}
	for range d.panels {
		m.addVar(0, 0, math.Inf(1))
	}
	rows := make([][]int32, T)
	coefs := make([][]float64, T)
	for k, c := range d.panels {
		for t, n := range c {
			if n > 0 {
				rows[t] = append(rows[t], int32(k))
				coefs[t] = append(coefs[t], float64(n))
			}
		}
	}
	for t := 0; t < T; t++ {
		if !covered[t] {
			continue
		}
		size := float64(len(pr.types[t].members))
		e := m.addVar(size, 0, math.Inf(1))
		m.addRow(append(rows[t], int32(e)), append(coefs[t], size), '>', size*d.p[t])
	}
	all := make([]int32, K)
	ones := make([]float64, K)
	for k := range all {
		all[k], ones[k] = int32(k), 1
	}
	m.addRow(all, ones, '=', 1)
	sol, err := s.solve(ctx, m)
	if err != nil {
		return err
	}
	if sol.status != lpOptimal {
		return fmt.Errorf("panel: cbc: %s", sol.line)
	}
	lam := sol.x[:K]
	sum := 0.0
	for k := range lam {
		if lam[k] < 1e-12 {
			lam[k] = 0
		}
		sum += lam[k]
	}
	if sum <= 0 {
		return errors.New("panel: the solver returned an empty distribution")
	}
	// keep the panels with weight, in a stable order
	order := make([]int, 0, K)
	for k := range lam {
		if lam[k] > 0 {
			order = append(order, k)
		}
	}
	sort.SliceStable(order, func(i, j int) bool { return lam[order[i]] > lam[order[j]] })
	panels := make([]counts, 0, len(order))
	prob := make([]float64, 0, len(order))
	for _, k := range order {
		panels = append(panels, d.panels[k])
		prob = append(prob, lam[k]/sum)
	}
	d.stats.Support = len(panels)
	d.prob = prob
	for t := range d.p {
		d.p[t] = 0
	}
	for i, c := range panels {
		for t, n := range c {
			if n > 0 {
				d.p[t] += prob[i] * float64(n) / float64(len(pr.types[t].members))
			}
		}
	}
	d.panels = panels
	return nil
}

// priceStarts is how many of the best panels so far local search starts
// from in each round of pricing. More starts find more improving panels
// per programme solved. With the master re-solved from scratch by the
// barrier method, on the 1,000-volunteer shape 12 starts needed 192
// linear programmes, 30 needed 114, 60 needed 85 and 120 needed 75; with
// warm-started simplex solves a programme is cheaper than 50 local
// searches, and on the 2,000-volunteer shape 50 starts took 50 s of CPU
// where 100 took 64 s and 30 took 64 s. With the quicker local search
// (category bit sets) 50 starts still do best there: 30 needed 311
// masters where 50 needed 241, and 75, 100 and 200 starts need fewer
// masters (211, 192, 170) but add more panels to each, and each master
// takes longer by as much (45, 55 and 57 s of CPU where 50 took 45 s).
var priceStarts = 50

// initPanels times the number of types is how many panels with random
// weights start the column generation (3 needed 192 programmes where 1
// needed 114, with 30 starts).
var initPanels = 1

// priceWorkers is how many local searches run at once; 0 means one per
// processor (runtime.GOMAXPROCS). The result does not depend on it.
var priceWorkers = 0

// priceLocal runs local search from the priceStarts panels with the most
// dual weight and adds (with add) every distinct panel whose weight
// exceeds bound. It returns how many it added. The searches run on every
// processor; the panels are added in the order of their starts, so the
// outcome does not depend on which search ends first.
func (pr *problem) priceLocal(ctx context.Context, panels []counts, nz [][]int32, u []float64, bound float64, add func(counts) bool) int {
	type kv struct {
		i int
		v float64
	}
	best := make([]kv, 0, len(panels))
	for i, c := range panels {
		best = append(best, kv{i, c.valueOf(nz[i], u)})
	}
	slices.SortFunc(best, func(a, b kv) int {
		switch {
		case a.v > b.v:
			return -1
		case a.v < b.v:
			return 1
		}
		return a.i - b.i
	})
	best = best[:min(priceStarts, len(best))]
	order := byWeight(u)
	found := make([]counts, len(best))
	var next atomic.Int64
	var wg sync.WaitGroup
	workers := priceWorkers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	for range min(workers, len(best)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(best) {
					return
				}
				found[i] = pr.improveBy(ctx, panels[best[i].i], u, order)
			}
		})
	}
	wg.Wait()
	n := 0
	for _, c := range found {
		if c.value(u) > bound && add(c) {
			n++
		}
	}
	return n
}

// activeMax is how many panels the master programme holds before the
// ones that price out worst leave it for the pool; activeKeep times the
// number of types is how many it keeps then. The simplex and barrier
// methods' time grows with the panels, and most generated panels never
// get weight. On the 2,000-volunteer shape, run side by side on the same
// load, 4 and 2 took 41 s of CPU over 246 masters where 6 and 3 took
// 47 s over 239 (5 and 3: 46 s; 10 and 5: 52 s); 3 and 2 took 42 s over
// 286, and 3 and 1 thrashed (440 masters, 219,000 panels brought back).
var activeMax, activeKeep = 4, 2

// prune drops from active (indices of panels) the panels that are not
// in the basis (basic, by variable number: panel k is k+1) and price out
// worst under the dual weights u and ŷ = yh, when there are more than
// activeMax per type. A non-basic panel has no weight, so the master's
// solution and basis stay as they are.
func (pr *problem) prune(active []int, isActive []bool, panels []counts, nz [][]int32, basis map[int32]bool, u []float64, yh float64) []int {
	T := len(pr.types)
	if len(active) <= activeMax*T {
		return active
	}
	type kv struct {
		k int
		v float64
	}
	var keep []int
	var idle []kv
	for _, k := range active {
		if basis[int32(k+1)] {
			keep = append(keep, k)
		} else {
			idle = append(idle, kv{k, panels[k].valueOf(nz[k], u) - yh})
		}
	}
	sort.SliceStable(idle, func(a, b int) bool { return idle[a].v > idle[b].v })
	for _, x := range idle {
		if len(keep) < activeKeep*T {
			keep = append(keep, x.k)
		} else {
			isActive[x.k] = false
		}
	}
	sort.Ints(keep)
	return keep
}

// reactivate brings back into the master the pooled panels whose dual
// weight exceeds bound, and returns how many.
func (pr *problem) reactivate(panels []counts, nz [][]int32, isActive []bool, active *[]int, u []float64, bound float64) int {
	n := 0
	for k, c := range panels {
		if !isActive[k] && c.valueOf(nz[k], u) > bound {
			isActive[k] = true
			*active = append(*active, k)
			n++
		}
	}
	if n > 0 {
		sort.Ints(*active)
	}
	return n
}
