package panel

import (
	"context"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// feasiblePanels lists every feasible panel of the problem as pool
// indices, by enumerating all subsets of the right size.
func feasiblePanels(pr *problem, n int) [][]int {
	var panels [][]int
	sel := make([]int, 0, pr.k)
	var rec func(from int)
	rec = func(from int) {
		if len(sel) == pr.k {
			c := make(counts, len(pr.types))
			for _, i := range sel {
				c[pr.typeOf[i]]++
			}
			if pr.feasible(c) {
				panels = append(panels, append([]int(nil), sel...))
			}
			return
		}
		for i := from; i <= n-(pr.k-len(sel)); i++ {
			sel = append(sel, i)
			rec(i + 1)
			sel = sel[:len(sel)-1]
		}
	}
	rec(0)
	return panels
}

// bruteLeximin computes LEXIMIN by its definition over explicit panels:
// maximise the smallest probability z of the volunteers not yet fixed;
// then a volunteer is fixed at z when even alone they cannot get more
// while every other keeps at least z (one programme per volunteer). It
// uses no duals, no types and no column generation, so it checks all
// three.
func bruteLeximin(t *testing.T, panels [][]int, n int) []float64 {
	s := &CBC{}
	p := make([]float64, n)
	fixed := make([]bool, n)
	rows := make([][]int32, n)
	for k, sel := range panels {
		for _, i := range sel {
			rows[i] = append(rows[i], int32(k))
		}
	}
	// model builds: maximise z (target < 0) or volunteer target's
	// probability, with unfixed volunteers at least floor.
	model := func(target int, floor float64) *lpModel {
		m := &lpModel{maximize: true}
		for range panels {
			m.addVar(0, 0, math.Inf(1))
		}
		z := m.addVar(0, 0, math.Inf(1))
		if target < 0 {
			m.obj[z] = 1
		} else {
			for _, k := range rows[target] {
				m.obj[k] = 1
			}
		}
		for i := 0; i < n; i++ {
			ones := make([]float64, len(rows[i]))
			for j := range ones {
				ones[j] = 1
			}
			switch {
			case fixed[i]:
				m.addRow(rows[i], ones, '>', p[i]-1e-9)
			case target < 0:
				m.addRow(append(append([]int32(nil), rows[i]...), int32(z)), append(ones, -1), '>', 0)
			case i != target:
				m.addRow(rows[i], ones, '>', floor-1e-9)
			}
		}
		all := make([]int32, len(panels))
		ones := make([]float64, len(panels))
		for k := range all {
			all[k], ones[k] = int32(k), 1
		}
		m.addRow(all, ones, '=', 1)
		return m
	}
	for left := n; left > 0; {
		sol, err := s.solve(context.Background(), model(-1, 0))
		require.NoError(t, err)
		require.Equal(t, lpOptimal, sol.status, sol.line)
		z := sol.objective
		var fix []int
		for i := 0; i < n; i++ {
			if fixed[i] {
				continue
			}
			sol, err := s.solve(context.Background(), model(i, z))
			require.NoError(t, err)
			require.Equal(t, lpOptimal, sol.status, sol.line)
			if sol.objective <= z+1e-7 {
				fix = append(fix, i)
			}
		}
		require.NotEmpty(t, fix, "no volunteer fixed at z = %v", z)
		for _, i := range fix {
			fixed[i], p[i] = true, z
			left--
		}
	}
	return p
}

// TestLeximinByDefinition checks every volunteer's LEXIMIN probability
// on a 12-volunteer pool (panel of 4, two features, a shared household)
// against LEXIMIN computed by its definition over every feasible panel.
func TestLeximinByDefinition(t *testing.T) {
	needCBC(t)
	pool := `id,household,age,gender
A,H1,young,woman
B,H1,old,man
C,,young,man
D,,young,woman
E,,old,woman
F,,old,woman
G,,old,man
H,,old,man
I,,old,woman
J,,mid,man
K,,mid,woman
L,,old,man
`
	quotas := `size: 4
features:
  age: {young: {min: 1, max: 2}, mid: {min: 1, max: 1}, old: {min: 1, max: 2}}
  gender: {woman: {min: 2, max: 2}, man: {min: 2, max: 2}}
`
	p, q := loadBytes(t, []byte(pool), []byte(quotas))
	pr, err := bind(p, q, q.Size)
	require.NoError(t, err)
	d, err := pr.leximin(context.Background(), &CBC{})
	require.NoError(t, err)
	panels := feasiblePanels(pr, len(p.Volunteers))
	want := bruteLeximin(t, panels, len(p.Volunteers))
	for i, v := range p.Volunteers {
		assert.InDelta(t, want[i], d.p[pr.typeOf[i]], 1e-5, "volunteer %s", v.ID)
	}
	t.Logf("%d feasible panels; by definition %.4f; column generation's rounds %d", len(panels), want, d.stats.Rounds)
}
