package panel

import (
	"context"
	"strconv"
	"strings"

	"github.com/civickit/civickit/internal/safe"
)

// Bound is one side of a quota: a feature value's minimum or maximum.
type Bound struct {
	Feature string `json:"feature"`          // the feature
	Value   string `json:"value"`            // the value
	Side    string `json:"side"`             // "min" or "max"
	N       int    `json:"n"`                // the number the quota sets
	Line    int    `json:"line,omitempty"`   // where the quota was written, or 0
	Column  int    `json:"column,omitempty"` // the column there, or 0
}

func (b Bound) String() string {
	s := safe.Text(b.Feature, 40) + " " + safe.Quote(b.Value) + " " + b.Side + " " + strconv.Itoa(b.N)
	if b.Line > 0 {
		s += " (line " + strconv.Itoa(b.Line) + ")"
	}
	return s
}

// ConflictError reports quotas that no panel can meet together. Bounds is
// irreducible: widen or drop any one of them and the rest can be met
// (when found by the solver), or the counting argument in Reason names
// them all.
type ConflictError struct {
	File   string  // the quotas file
	Size   int     // the panel size
	Bounds []Bound // the quotas that conflict
	Reason string  // why, in a sentence
}

func (e *ConflictError) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		b.WriteString(": ")
	}
	b.WriteString("panel: the quotas conflict: ")
	b.WriteString(e.Reason)
	if len(e.Bounds) > 0 {
		b.WriteString(": ")
		for i, x := range e.Bounds {
			if i > 0 {
				b.WriteString("; ")
			}
			b.WriteString(x.String())
		}
	}
	return b.String()
}

func (pr *problem) bound(c int, max bool) Bound {
	cat := pr.cats[c]
	b := Bound{Feature: cat.feature, Value: cat.value, Side: "min", N: cat.min, Line: cat.line, Column: cat.col}
	if max {
		b.Side, b.N = "max", cat.max
	}
	return b
}

// counting checks the bounds that simple counting proves: a minimum above
// the volunteers (households) who have the value, a feature whose
// minimums add up to more than the panel, or whose maximums (and
// volunteers) add up to less, and a pool with fewer households than
// seats.
func (pr *problem) counting(file string) error {
	size := strconv.Itoa(pr.k)
	if h := pr.households(); h < pr.k {
		return &ConflictError{File: file, Size: pr.k, Reason: "the pool has " + strconv.Itoa(h) +
			" eligible households (one person each) for a panel of " + size}
	}
	// households per category: a household counts once per value
	avail := make([]int, len(pr.cats))
	seen := map[[2]int32]bool{}
	for _, ty := range pr.types {
		for _, c := range ty.cats {
			if ty.house < 0 {
				avail[c] += len(ty.members)
			} else if !seen[[2]int32{ty.house, c}] {
				seen[[2]int32{ty.house, c}] = true
				avail[c]++
			}
		}
	}
	for c, cat := range pr.cats {
		if cat.min > avail[c] {
			return &ConflictError{File: file, Size: pr.k, Bounds: []Bound{pr.bound(c, false)},
				Reason: "only " + strconv.Itoa(avail[c]) + " eligible volunteers (one per household) have the value"}
		}
	}
	for _, f := range pr.features {
		sumMin, sumMax := 0, 0
		var mins, maxs []Bound
		for c, cat := range pr.cats {
			if cat.feature != f {
				continue
			}
			sumMin += cat.min
			mins = append(mins, pr.bound(c, false))
			sumMax += min(cat.max, avail[c])
			maxs = append(maxs, pr.bound(c, true))
		}
		if sumMin > pr.k {
			return &ConflictError{File: file, Size: pr.k, Bounds: mins,
				Reason: "the minimums of " + safe.Quote(f) + " add up to " + strconv.Itoa(sumMin) + ", more than the panel of " + size}
		}
		if sumMax < pr.k {
			return &ConflictError{File: file, Size: pr.k, Bounds: maxs,
				Reason: "the maximums of " + safe.Quote(f) + " (or the volunteers who have each value) add up to " + strconv.Itoa(sumMax) + ", fewer than the panel of " + size}
		}
	}
	return nil
}

// conflict finds an irreducible set of quota bounds that cannot be met
// together, by the deletion filter (Chinneck and Dravnieks 1991): drop
// each bound in turn and keep it out if the rest are still infeasible.
// Whole features go first, so a conflict within few features is found
// with few solves.
func (pr *problem) conflict(ctx context.Context, s *CBC, file string) error {
	rx := make(relax, 2*len(pr.cats))
	active := make([]bool, len(rx))
	for c, cat := range pr.cats {
		active[2*c] = cat.min > 0
		active[2*c+1] = cat.max < cat.pool
	}
	infeasible := func() (bool, error) {
		sol, err := s.solve(ctx, pr.ilp(nil, nil, rx))
		if err != nil {
			return false, err
		}
		return sol.status == lpInfeasible, nil
	}
	for _, f := range pr.features {
		var mine []int
		for c, cat := range pr.cats {
			if cat.feature == f {
				for _, i := range []int{2 * c, 2*c + 1} {
					if active[i] && !rx[i] {
						mine = append(mine, i)
					}
				}
			}
		}
		for _, i := range mine {
			rx[i] = true
		}
		inf, err := pr.ctxCheck(ctx, infeasible)
		if err != nil {
			return err
		}
		if !inf {
			for _, i := range mine {
				rx[i] = false
			}
		}
	}
	for i := range rx {
		if !active[i] || rx[i] {
			continue
		}
		rx[i] = true
		inf, err := pr.ctxCheck(ctx, infeasible)
		if err != nil {
			return err
		}
		if !inf {
			rx[i] = false
		}
	}
	e := &ConflictError{File: file, Size: pr.k,
		Reason: "no panel of " + strconv.Itoa(pr.k) + " with one person per household meets these quotas together; widen or drop any one of them"}
	for i := range rx {
		if active[i] && !rx[i] {
			e.Bounds = append(e.Bounds, pr.bound(i/2, i%2 == 1))
		}
	}
	if len(e.Bounds) == 0 {
		e.Reason = "no panel of " + strconv.Itoa(pr.k) + " with one person per household exists in the eligible pool"
	}
	return e
}

func (pr *problem) ctxCheck(ctx context.Context, f func() (bool, error)) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	return f()
}
