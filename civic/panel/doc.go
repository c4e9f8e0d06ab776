// Package panel selects citizens' panels fairly: from a pool of volunteers
// who signed up, a panel of a given size that meets the council's quotas
// (age band, gender, ward, digital confidence, knowledge of local
// democracy, previous engagement, ...) with at most one person per
// household, drawn so that every volunteer's chance of being chosen is as
// high as the quotas allow.
//
// The fair method is LEXIMIN (Flanigan, Gölz, Gupta, Hennig and Procaccia,
// "Fair algorithms for selecting citizens' assemblies", Nature 596, 2021):
// among all probability distributions over the panels that meet the
// quotas, the one that maximises the smallest selection probability any
// volunteer has, then the second smallest, and so on. It is found by
// column generation: a linear programme over a growing set of panels, and
// an integer programme that finds the panel worth adding, both solved by
// the COIN-OR CBC solver ([CBC]). The baseline is the greedy method most
// councils use today ([Greedy]): fill the quota furthest from its minimum
// with a random volunteer, one at a time; its probabilities are estimated
// by seeded simulation.
//
// The solver is COIN-OR CBC, run on model files in CPLEX LP format
// (Debian package coinor-cbc). It solves both halves: the master linear
// programme by the primal simplex method warm-started from the previous
// basis while panels are being added (by the dual simplex method from the
// same basis when the primal stops short), then by its barrier method without
// crossover, whose duals lie inside the optimal face as fixing
// probabilities needs (Flanigan et al. use the same setting in Gurobi),
// the integer programmes by branch and cut, and the final distribution by
// the dual simplex method. GLPK's glpsol has no
// barrier without crossover and a weaker integer solver; gonum's LP
// (lp.Simplex) is a dense simplex that returns neither duals nor a basis
// to start from, and has no integer programmes. Running cbc as a program
// keeps civickit free of cgo. Pools also come from Excel ([ReadPoolXLSX]).
//
// Speed: on the 2,000-volunteer example shape (6 features, a panel of 40,
// 475 groups of interchangeable volunteers) LEXIMIN takes 11 rounds and
// about 245 master programmes. Nearly all its time is cbc's simplex
// pivots on the master (a warm-started solve is 100 to 200 ms, of which
// starting cbc and reading the model file are about 30 ms), so the
// column generation keeps the master small (at most 4 panels per group)
// and finds many panels per master by local search, which runs on every
// processor and tests quotas on bit sets of categories; the integer
// programme is solved while the local search runs, and so is the greedy
// method's simulation. The whole "civickit panel select" process takes
// about 36 s of CPU there (cbc 29 s of it, civickit 6 s): 38 to 53 s
// wall on two cores shared with other work (load 2.6 to 3.3; median
// 44 s), where it took 61 s of CPU and 63 to 78 s wall before.
// testdata/time.sh times it with /usr/bin/time, alternating with another
// build; BenchmarkLeximin times the 1,000-volunteer shape, and go test
// -run TestProfile -prof pool-2000-f6:40 says where the time goes.
//
// A [Result] holds the panel and reserves drawn with a seed, each
// volunteer's probability under both methods, how far each quota binds,
// and the distribution the panel was drawn from, so the draw can be
// published and re-run by anyone. Volunteers appear by their pseudonymous
// ids only.
//
//	pool, err := panel.ReadPool(f, panel.PoolOptions{File: "pool.csv"})
//	quotas, err := panel.ReadQuotas(q, panel.QuotaOptions{File: "quotas.yaml"})
//	res, err := panel.Select(ctx, pool, quotas, panel.Options{Size: 40, Seed: 2024})
//	err = res.WriteMarkdown(os.Stdout)
package panel
