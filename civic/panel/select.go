package panel

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
)

// Method is how the panel is drawn.
type Method string

const (
	// Leximin draws from the LEXIMIN distribution: the fairest the quotas
	// allow.
	Leximin Method = "leximin"
	// Greedy draws as most councils do today, one quota at a time.
	Greedy Method = "greedy"
)

// MarshalText encodes the method as its name.
func (m Method) MarshalText() ([]byte, error) {
	if m != Leximin && m != Greedy {
		return nil, fmt.Errorf("panel: unknown method %q", string(m))
	}
	return []byte(m), nil
}

// UnmarshalText reads a method name, refusing unknown ones.
func (m *Method) UnmarshalText(b []byte) error {
	switch Method(b) {
	case Leximin, Greedy:
		*m = Method(b)
		return nil
	}
	return fmt.Errorf("panel: unknown method %q (want leximin or greedy)", string(b))
}

// MaxSeed is the largest seed: 2^53 − 1, the largest whole number every
// JSON reader (JavaScript's included) keeps exactly.
const MaxSeed = 1<<53 - 1

// Options configures [Select]. The zero value draws with LEXIMIN and seed
// 0, the panel size and reserves taken from the quotas.
type Options struct {
	Size     int    // the panel size; 0 means the quotas' size
	Reserves int    // reserves to list; 0 means the quotas' number, or one in ten of the panel rounded up
	Seed     uint64 // the seed of the draw, at most MaxSeed; publish it
	Method   Method // how the panel is drawn; "" means Leximin
	// GreedyRuns is how many seeded greedy draws estimate the greedy
	// method's probabilities; 0 means 10,000 (a probability's standard
	// error is then at most 0.005).
	GreedyRuns int
	Solver     CBC // the solver; its zero value runs cbc from the PATH
}

// Streams of the seeded generator (math/rand/v2's PCG seeded with the
// seed and the stream number), so that each use has its own sequence and
// the draw does not depend on how many greedy runs were simulated.
const (
	streamDraw     = 1 // the panel
	streamGreedy   = 2 // the greedy simulation
	streamReserves = 3 // the order of reserves
)

// Select draws a panel from pool meeting quotas, with reserves, and
// reports each volunteer's probability under LEXIMIN and the greedy
// method. It returns a *ConflictError when no panel meets the quotas and
// ErrNoSolver when LEXIMIN is asked for and cbc is not installed.
func Select(ctx context.Context, pool *Pool, quotas *Quotas, opt Options) (*Result, error) {
	if opt.Method == "" {
		opt.Method = Leximin
	}
	if opt.Method != Leximin && opt.Method != Greedy {
		return nil, fmt.Errorf("panel: unknown method %q (want leximin or greedy)", string(opt.Method))
	}
	if opt.Seed > MaxSeed {
		return nil, fmt.Errorf("panel: seed %d is above %d, the largest JSON keeps exactly", opt.Seed, uint64(MaxSeed))
	}
	size := opt.Size
	if size == 0 {
		size = quotas.Size
	}
	reserves := opt.Reserves
	if reserves == 0 {
		reserves = quotas.Reserves
	}
	if reserves == 0 {
		reserves = (size + 9) / 10
	}
	runs := opt.GreedyRuns
	if runs <= 0 {
		runs = 10_000
	}
	pr, err := bind(pool, quotas, size)
	if err != nil {
		return nil, err
	}
	if err := pr.counting(quotas.file); err != nil {
		return nil, err
	}
	res := &Result{Method: opt.Method, Seed: opt.Seed, Size: size, Weighted: pr.weighted}
	if quotas.Task != nil {
		res.Task = quotas.Task.Description
	}
	// the greedy method's probabilities, simulated while LEXIMIN runs (it
	// draws from its own seeded stream, so the result is the same)
	g := newGreedy(pr)
	gctx, stop := context.WithCancel(ctx)
	defer stop()
	type simulated struct {
		p      []float64
		failed float64
		err    error
	}
	greedyDone := make(chan simulated, 1)
	go func() {
		p, failed, err := g.simulate(gctx, runs, rand.New(rand.NewPCG(opt.Seed, streamGreedy)))
		greedyDone <- simulated{p, failed, err}
	}()
	// LEXIMIN, unless the greedy method is asked for and there is no solver
	d, err := pr.leximin(ctx, &opt.Solver)
	switch {
	case errors.Is(err, errInfeasible):
		return nil, pr.conflict(ctx, &opt.Solver, quotas.file)
	case errors.Is(err, ErrNoSolver) && opt.Method == Greedy:
		d = nil
	case err != nil:
		return nil, err
	}
	if d != nil {
		res.Solver = opt.Solver.version(ctx)
		st := d.stats
		res.Leximin = &st
	}
	sim := <-greedyDone
	gp, failed := sim.p, sim.failed
	if sim.err != nil {
		return nil, sim.err
	}
	res.Greedy = GreedyStats{Runs: runs, DeadEnds: failed}
	// the draw
	var chosen []int
	r := rand.New(rand.NewPCG(opt.Seed, streamDraw))
	if opt.Method == Leximin {
		chosen = pr.drawFrom(d, r)
	} else {
		chosen, _ = g.drawRetry(r)
		if chosen == nil {
			return nil, &ConflictError{File: quotas.file, Size: size,
				Reason: fmt.Sprintf("the greedy method found no panel in %d draws; LEXIMIN (with cbc installed) says whether any exists", greedyRetries)}
		}
	}
	sort.Ints(chosen)
	res.fill(pool, pr, d, gp, chosen)
	res.Reserves = pr.reserves(pool, chosen, reserves, rand.New(rand.NewPCG(opt.Seed, streamReserves)))
	return res, nil
}

// drawFrom draws a panel from d: a panel of counts by its probability,
// then for each type in order a uniformly random choice of that many of
// its volunteers.
func (pr *problem) drawFrom(d *dist, r *rand.Rand) []int {
	x := r.Float64()
	k := len(d.prob) - 1
	for i, p := range d.prob {
		if x < p {
			k = i
			break
		}
		x -= p
	}
	return pr.members(d.panels[k], r)
}

// members chooses the volunteers of a panel counted by type.
func (pr *problem) members(c counts, r *rand.Rand) []int {
	var out []int
	for t, n := range c {
		if n == 0 {
			continue
		}
		m := slices.Clone(pr.types[t].members)
		for i := 0; i < int(n); i++ {
			j := i + r.IntN(len(m)-i)
			m[i], m[j] = m[j], m[i]
		}
		out = append(out, m[:n]...)
	}
	return out
}

// reserves lists up to n volunteers not chosen (nor of a chosen
// household) in a seeded random order, each with the panel members they
// can replace without breaking a quota; volunteers who can replace no one
// are skipped.
func (pr *problem) reserves(pool *Pool, chosen []int, n int, r *rand.Rand) []Reserve {
	in := map[int]bool{}
	houses := map[int32]bool{}
	cat := make([]int, len(pr.cats))
	for _, i := range chosen {
		in[i] = true
		t := pr.types[pr.typeOf[i]]
		if t.house >= 0 {
			houses[t.house] = true
		}
		for _, c := range t.cats {
			cat[c]++
		}
	}
	var cand []int
	for _, i := range pr.eligible {
		if !in[i] && (pr.types[pr.typeOf[i]].house < 0 || !houses[pr.types[pr.typeOf[i]].house]) {
			cand = append(cand, i)
		}
	}
	r.Shuffle(len(cand), func(a, b int) { cand[a], cand[b] = cand[b], cand[a] })
	var out []Reserve
	for _, i := range cand {
		if len(out) == n {
			break
		}
		ti := pr.types[pr.typeOf[i]]
		var can []string
		for _, j := range chosen {
			tj := pr.types[pr.typeOf[j]]
			if ti.house >= 0 && ti.house == tj.house {
				continue
			}
			ok := true
			for f, ci := range ti.cats {
				cj := tj.cats[f]
				if ci != cj && (cat[cj] <= pr.cats[cj].min || cat[ci] >= pr.cats[ci].max) {
					ok = false
					break
				}
			}
			if ok {
				can = append(can, pool.Volunteers[j].ID)
			}
		}
		if len(can) > 0 {
			out = append(out, Reserve{ID: pool.Volunteers[i].ID, Replaces: can})
		}
	}
	return out
}

// fill sets the result's volunteers, quotas, minimums and distribution.
func (res *Result) fill(pool *Pool, pr *problem, d *dist, gp []float64, chosen []int) {
	in := map[int]bool{}
	for _, i := range chosen {
		in[i] = true
		res.Panel = append(res.Panel, pool.Volunteers[i].ID)
	}
	res.Pool = PoolSummary{Volunteers: len(pool.Volunteers), Eligible: len(pr.eligible), Households: pr.households()}
	if d != nil {
		res.Pool.Uncoverable = d.stats.Uncoverable
	}
	minL, minG := math.Inf(1), math.Inf(1)
	minLW, minGW := math.Inf(1), math.Inf(1)
	for i, v := range pool.Volunteers {
		vr := VolunteerResult{ID: v.ID, Chosen: in[i]}
		if t := pr.typeOf[i]; t >= 0 {
			vr.Eligible = true
			vr.Weight = pr.weight[i]
			g := gp[i]
			vr.Greedy = &g
			minG = math.Min(minG, g)
			minGW = math.Min(minGW, g/vr.Weight)
			if d != nil {
				p := clamp01(d.p[t])
				vr.Leximin = &p
				minL = math.Min(minL, p)
				minLW = math.Min(minLW, p/vr.Weight)
			}
		}
		res.Volunteers = append(res.Volunteers, vr)
	}
	if !math.IsInf(minG, 1) {
		res.Minimum.Greedy = ptr(minG)
		if res.Weighted {
			res.Minimum.GreedyPerWeight = ptr(minGW)
		}
	}
	if !math.IsInf(minL, 1) {
		res.Minimum.Leximin = ptr(minL)
		if res.Weighted {
			res.Minimum.LeximinPerWeight = ptr(minLW)
		}
		if res.Minimum.Greedy != nil {
			res.Minimum.Gain = ptr(minL - minG)
		}
	}
	// quotas
	count := make([]int, len(pr.cats))
	for _, i := range chosen {
		for _, c := range pr.types[pr.typeOf[i]].cats {
			count[c]++
		}
	}
	for c, cat := range pr.cats {
		q := QuotaResult{Feature: cat.feature, Value: cat.value, Min: cat.min, Max: cat.max, Pool: cat.pool, Panel: count[c]}
		q.Slack = min(count[c]-cat.min, cat.max-count[c])
		eg := 0.0
		for _, ty := range pr.types {
			if slices.Contains(ty.cats, int32(c)) {
				for _, i := range ty.members {
					eg += gp[i]
				}
			}
		}
		q.ExpectedGreedy = round6(eg)
		if d != nil {
			el, atMin, atMax := 0.0, 0.0, 0.0
			for k, pc := range d.panels {
				n := 0
				for t, x := range pc {
					if x > 0 && slices.Contains(pr.types[t].cats, int32(c)) {
						n += int(x)
					}
				}
				el += d.prob[k] * float64(n)
				if n == cat.min {
					atMin += d.prob[k]
				}
				if n == cat.max {
					atMax += d.prob[k]
				}
			}
			q.Expected = ptr(round6(el))
			q.AtMin = ptr(round6(atMin))
			q.AtMax = ptr(round6(atMax))
		}
		res.Quotas = append(res.Quotas, q)
	}
	// the distribution, by groups of interchangeable volunteers
	if d == nil {
		return
	}
	for _, ty := range pr.types {
		g := Group{}
		for _, i := range ty.members {
			g.Members = append(g.Members, pool.Volunteers[i].ID)
		}
		for f, c := range ty.cats {
			g.Values = append(g.Values, pr.cats[c].value)
			_ = f
		}
		res.Groups = append(res.Groups, g)
	}
	res.Features = pr.features
	for k, pc := range d.panels {
		ps := PanelShare{Probability: d.prob[k]}
		for t, n := range pc {
			if n > 0 {
				ps.Groups = append(ps.Groups, t)
				ps.Counts = append(ps.Counts, int(n))
			}
		}
		res.Distribution = append(res.Distribution, ps)
	}
}

func ptr(f float64) *float64 { return &f }

func clamp01(f float64) float64 {
	return math.Max(0, math.Min(1, f))
}

func round6(f float64) float64 { return math.Round(f*1e6) / 1e6 }
