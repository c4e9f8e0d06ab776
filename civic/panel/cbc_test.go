package panel

import (
	"context"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSolveFallback checks that an LP is solved by another method when
// cbc aborts in one, as Clp 2.10's primal simplex did with an assertion
// on the 1,500-volunteer shape. The fake cbc aborts on -primalSimplex and
// runs the real one otherwise.
func TestSolveFallback(t *testing.T) {
	needCBC(t)
	real, _ := exec.LookPath("cbc")
	fake := filepath.Join(t.TempDir(), "cbc")
	script := "#!/bin/sh\nfor a in \"$@\"; do [ \"$a\" = -primalSimplex ] && kill -ABRT $$; done\nexec " + real + " \"$@\"\n"
	require.NoError(t, os.WriteFile(fake, []byte(script), 0o755))
	m := &lpModel{maximize: true}
	x := m.addVar(1, 0, math.Inf(1))
	y := m.addVar(2, 0, math.Inf(1))
	m.addRow([]int32{int32(x), int32(y)}, []float64{1, 1}, '<', 3)
	sol, err := (&CBC{Path: fake}).solve(context.Background(), m)
	require.NoError(t, err)
	assert.Equal(t, lpOptimal, sol.status)
	assert.InDelta(t, 6, sol.objective, 1e-9)
	// the real solver alone gives the same
	sol, err = (&CBC{}).solve(context.Background(), m)
	require.NoError(t, err)
	assert.InDelta(t, 6, sol.objective, 1e-9)
}

func TestNoSolver(t *testing.T) {
	_, err := (&CBC{Path: filepath.Join(t.TempDir(), "no-such-cbc")}).solve(context.Background(), &lpModel{})
	assert.ErrorIs(t, err, ErrNoSolver)
}

// TestSolveAbortModel solves the pricing programme on which cbc 2.10.8's
// branch and cut aborted (an assertion in ClpPrimalColumnSteepest) on the
// 1,500-volunteer shape; the fallback settings solve it. The optimum is
// cbc's own with perturbation off.
func TestSolveAbortModel(t *testing.T) {
	needCBC(t)
	src, err := os.ReadFile(filepath.Join("testdata", "cbc-abort.lp"))
	require.NoError(t, err)
	// run the kept model file through the same code path as a model
	m := &lpModel{integer: true}
	fake := filepath.Join(t.TempDir(), "cbc")
	real, _ := exec.LookPath("cbc")
	// the fake cbc swaps in the kept model for the one it is given
	model := filepath.Join(t.TempDir(), "abort.lp")
	require.NoError(t, os.WriteFile(model, src, 0o644))
	script := "#!/bin/sh\nexec " + real + " -import " + model + " $(echo \"$@\" | sed 's/^-import [^ ]* //')\n"
	require.NoError(t, os.WriteFile(fake, []byte(script), 0o755))
	for range 470 {
		m.addVar(0, 0, 1)
	}
	sol, err := (&CBC{Path: fake}).solve(context.Background(), m)
	require.NoError(t, err)
	assert.Equal(t, lpOptimal, sol.status)
	assert.InDelta(t, 27.40150813, sol.objective, 1e-6)
}

// TestWarmStart solves a programme, adds a column under a name it did
// not have, and solves again from the first basis: the basis names the
// basic variables by their ids, the answer equals a solve from scratch,
// and the duals are read back by row.
func TestWarmStart(t *testing.T) {
	needCBC(t)
	// maximise z: λ1·(1,0) + λ2·(0,1) ≥ z·(1,1), λ1 + λ2 = 1
	build := func(cols [][2]float64, ids []int32, warm []byte) *lpModel {
		m := &lpModel{maximize: true, duals: true, method: "warm", warm: warm, ids: ids}
		z := m.addVar(1, 0, math.Inf(1))
		for range cols {
			m.addVar(0, 0, math.Inf(1))
		}
		for r := 0; r < 2; r++ {
			var idx []int32
			var coef []float64
			for j, c := range cols {
				if c[r] != 0 {
					idx = append(idx, int32(j+1))
					coef = append(coef, c[r])
				}
			}
			m.addRow(append(idx, int32(z)), append(coef, -1), '>', 0)
		}
		all, ones := []int32{}, []float64{}
		for j := range cols {
			all, ones = append(all, int32(j+1)), append(ones, 1)
		}
		m.addRow(all, ones, '=', 1)
		return m
	}
	sol, err := (&CBC{}).solve(context.Background(), build([][2]float64{{1, 0}, {0, 1}}, []int32{0, 7, 9}, nil))
	require.NoError(t, err)
	require.Equal(t, lpOptimal, sol.status, sol.line)
	assert.InDelta(t, 0.5, sol.objective, 1e-9)
	require.NotEmpty(t, sol.basis)
	in := basic(sol.basis)
	assert.True(t, in[7] && in[9], "both panels are basic: %s", sol.basis)
	// a panel with both at 0.8: z rises to 0.8 with it alone
	sol2, err := (&CBC{}).solve(context.Background(), build([][2]float64{{1, 0}, {0, 1}, {0.8, 0.8}}, []int32{0, 7, 9, 12}, sol.basis))
	require.NoError(t, err)
	require.Equal(t, lpOptimal, sol2.status, sol2.line)
	assert.InDelta(t, 0.8, sol2.objective, 1e-9)
	assert.InDelta(t, 1, sol2.x[3], 1e-9, "x by position, named x12")
	cold, err := (&CBC{}).solve(context.Background(), build([][2]float64{{1, 0}, {0, 1}, {0.8, 0.8}}, nil, nil))
	require.NoError(t, err)
	assert.InDelta(t, cold.objective, sol2.objective, 1e-9)
	assert.InDelta(t, cold.dual[0]+cold.dual[1], sol2.dual[0]+sol2.dual[1], 1e-9)
}
