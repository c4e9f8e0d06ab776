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
