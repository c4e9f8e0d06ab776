package persona

import (
	"context"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestGower(t *testing.T) {
	// Hand-computed from Gower (1971): numeric |a-b|/range, categorical
	// mismatch, features missing in either row left out.
	num, _ := NewMatrix([][]float64{{0, 1}, {10, math.NaN()}, {5, 3}})
	cat := [][]int{{0}, {1}, {-1}}
	d, err := Gower(context.Background(), num, nil, cat)
	require.NoError(t, err)
	tests := []struct {
		i, j int
		want float64
	}{
		{0, 1, (1.0 + 1.0) / 2}, // f0: 10/10; f1 missing; cat mismatch
		{0, 2, (0.5 + 1.0) / 2}, // f0: 5/10; f1: 2/2; cat missing
		{1, 2, 0.5},             // f0 only
		{2, 2, 0},
	}
	for _, tc := range tests {
		assert.InDelta(t, tc.want, d.At(tc.i, tc.j), 1e-15, "%d,%d", tc.i, tc.j)
		assert.Equal(t, d.At(tc.i, tc.j), d.At(tc.j, tc.i))
	}
}

func TestPAM(t *testing.T) {
	// Two obvious groups on a line; medoids are the middle of each.
	x, _ := NewMatrix([][]float64{{0}, {1}, {2}, {10}, {11}, {12}})
	d, err := Gower(context.Background(), x, nil, nil)
	require.NoError(t, err)
	res, err := PAM{K: 2}.Fit(context.Background(), d)
	require.NoError(t, err)
	assert.ElementsMatch(t, []int{1, 4}, res.Medoids)
	assert.Equal(t, res.Labels[0], res.Labels[2])
	assert.NotEqual(t, res.Labels[0], res.Labels[3])
	// Total distance: 4 rows at 1/12 of the range each.
	assert.InDelta(t, 4.0/12, res.Inertia, 1e-12)
	s, err := SilhouetteDist(d, res.Labels)
	require.NoError(t, err)
	sx, err := Silhouette(x, res.Labels)
	require.NoError(t, err)
	assert.InDelta(t, sx, s, 1e-12, "Gower on one numeric feature is Euclidean scaled")
}

func TestKPrototypes(t *testing.T) {
	num, _ := NewMatrix([][]float64{{0}, {0.1}, {0.2}, {5}, {5.1}, {5.2}})
	cat := [][]int{{0}, {0}, {1}, {1}, {1}, {-1}}
	res, err := KPrototypes{K: 2, Seed: 3}.Fit(context.Background(), num, cat)
	require.NoError(t, err)
	ari, err := AdjustedRandIndex(res.Labels, []int{0, 0, 0, 1, 1, 1})
	require.NoError(t, err)
	assert.Equal(t, 1.0, ari)
	_, err = KPrototypes{K: 2}.Fit(context.Background(), num, cat[:2])
	assert.Error(t, err)
}

func TestBootstrapStability(t *testing.T) {
	x := blobs(200, 2, 3, 5)
	res, err := KMeans{K: 3, Seed: 1}.Fit(context.Background(), x)
	require.NoError(t, err)
	st, err := Bootstrap(context.Background(), res.Labels, 3, 20, 1, func(idx []int) ([]int, error) {
		r, err := KMeans{K: 3, Seed: 1, Workers: 1}.Fit(context.Background(), x.subset(idx))
		if err != nil {
			return nil, err
		}
		return r.Labels, nil
	})
	require.NoError(t, err)
	assert.Greater(t, st.ARI, 0.9, "well separated blobs are stable")
	assert.False(t, st.Dissolves())
}

func TestPCA(t *testing.T) {
	// Points on the line y = 2x: one component explains everything.
	x, _ := NewMatrix([][]float64{{0, 0}, {1, 2}, {2, 4}, {3, 6}})
	p, ex := PCA(x, 2)
	assert.InDelta(t, 1, ex[0], 1e-12)
	assert.InDelta(t, 0, ex[1], 1e-12)
	assert.InDelta(t, -1.5*math.Sqrt(5), p.Row(0)[0], 1e-12)
	// Broken stick with p = 4: thresholds 0.521, 0.271, 0.146, 0.0625.
	assert.Equal(t, 1, BrokenStick([]float64{0.6, 0.2, 0.1, 0.1}))
	assert.Equal(t, 2, BrokenStick([]float64{0.55, 0.3, 0.1, 0.05}))
	assert.Equal(t, 0, BrokenStick([]float64{0.25, 0.25, 0.25, 0.25}), "none stands out from noise")
}
