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
