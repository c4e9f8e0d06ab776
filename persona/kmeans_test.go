package persona

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type sklearnRef struct {
	Version  string `json:"sklearn_version"`
	Datasets map[string]struct {
		K          int     `json:"k"`
		Labels     []int   `json:"labels"`
		Inertia    float64 `json:"inertia"`
		NIter      int     `json:"n_iter"`
		Silhouette float64 `json:"silhouette"`
		ReachRate  float64 `json:"reach_rate"`
	} `json:"datasets"`
}

func readMatrixFile(t testing.TB, name string) Matrix {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	require.NoError(t, err)
	defer f.Close()
	m, _, err := ReadMatrixCSV(f, ReadOptions{})
	require.NoError(t, err)
	return m
}

// TestKMeansAgainstScikitLearn checks KMeans and Silhouette against the
// values in testdata/sklearn_ref.json, made by testdata/sklearn_ref.py with
// Debian's scikit-learn 1.2.1 (KMeans(n_clusters=3, n_init=10,
// random_state=0) on StandardScaler-standardised iris and wine).
func TestKMeansAgainstScikitLearn(t *testing.T) {
	raw, err := os.ReadFile("testdata/sklearn_ref.json")
	require.NoError(t, err)
	var ref sklearnRef
	require.NoError(t, json.Unmarshal(raw, &ref))
	for _, name := range []string{"iris", "wine"} {
		t.Run(name, func(t *testing.T) {
			want := ref.Datasets[name]
			x := readMatrixFile(t, name+"_std.csv")
			// The default seed meets every bar.
			got, err := KMeans{K: want.K, Restarts: 10}.Fit(context.Background(), x)
			require.NoError(t, err)
			// Inertia no worse than scikit-learn's (relative 1e-12 for rounding).
			assert.LessOrEqual(t, got.Inertia, want.Inertia*(1+1e-12))
			ari, err := AdjustedRandIndex(got.Labels, want.Labels)
			require.NoError(t, err)
			assert.GreaterOrEqual(t, ari, 0.95)
			// Over seeds 0..99, KMeans reaches scikit-learn's inertia at
			// least as often as scikit-learn does over random_state 0..99,
			// and then agrees with its labels.
			reached := 0
			for seed := uint64(0); seed < 100; seed++ {
				got, err := KMeans{K: want.K, Restarts: 10, Seed: seed}.Fit(context.Background(), x)
				require.NoError(t, err)
				if got.Inertia <= want.Inertia*(1+1e-9) {
					reached++
					ari, err := AdjustedRandIndex(got.Labels, want.Labels)
					require.NoError(t, err)
					assert.GreaterOrEqual(t, ari, 0.95, "seed %d", seed)
				}
			}
			assert.GreaterOrEqual(t, float64(reached)/100, want.ReachRate)
			t.Logf("%s: inertia %.12g (scikit-learn %.12g), reach rate %.2f (scikit-learn %.2f)", name, got.Inertia, want.Inertia, float64(reached)/100, want.ReachRate)
			// Silhouette of scikit-learn's own labels, to 1e-9.
			s, err := Silhouette(x, want.Labels)
			require.NoError(t, err)
			assert.InDelta(t, want.Silhouette, s, 1e-9)
		})
	}
}

func TestKMeansDeterministicAcrossCores(t *testing.T) {
	x := readMatrixFile(t, "wine_std.csv")
	var first []byte
	for _, procs := range []int{1, 2, 4, 8} {
		old := runtime.GOMAXPROCS(procs)
		res, err := KMeans{K: 4, Restarts: 7, Seed: 9}.Fit(context.Background(), x)
		runtime.GOMAXPROCS(old)
		require.NoError(t, err)
		b, err := json.Marshal(res)
		require.NoError(t, err)
		if first == nil {
			first = b
			continue
		}
		assert.Equal(t, string(first), string(b), "GOMAXPROCS=%d", procs)
	}
}

func TestKMeansEdgeCases(t *testing.T) {
	same, _ := NewMatrix([][]float64{{1, 2}, {1, 2}, {1, 2}})
	two, _ := NewMatrix([][]float64{{0, 0}, {3, 4}})
	tests := []struct {
		name    string
		x       Matrix
		k       int
		wantErr string
		inertia float64
	}{
		{name: "identical rows, k=2", x: same, k: 2, wantErr: "fewer distinct rows"},
		{name: "identical rows, k=1", x: same, k: 1, inertia: 0},
		{name: "two rows, k=2", x: two, k: 2, inertia: 0},
		// One centre at (1.5, 2): each row 2.5 away, 2·6.25 = 12.5.
		{name: "two rows, k=1", x: two, k: 1, inertia: 12.5},
		{name: "more clusters than rows", x: two, k: 3, wantErr: "2 rows cannot form 3"},
		{name: "k=0", x: two, k: 0, wantErr: "k = 0"},
		{name: "NaN", x: Matrix{Rows: 1, Cols: 1, Data: []float64{math.NaN()}}, k: 1, wantErr: "not finite"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := KMeans{K: tc.k}.Fit(context.Background(), tc.x)
			if tc.wantErr != "" {
				require.ErrorContains(t, err, tc.wantErr)
				return
			}
			require.NoError(t, err)
			assert.InDelta(t, tc.inertia, res.Inertia, 1e-12)
		})
	}
}

func TestAdjustedRandIndex(t *testing.T) {
	tests := []struct {
		name string
		a, b []int
		want float64
	}{
		// Values from sklearn.metrics.adjusted_rand_score documentation examples.
		{"identical", []int{0, 0, 1, 1}, []int{0, 0, 1, 1}, 1},
		{"renamed", []int{0, 0, 1, 1}, []int{1, 1, 0, 0}, 1},
		{"split", []int{0, 0, 1, 2}, []int{0, 0, 1, 1}, 0.5714285714285714},
		{"independent", []int{0, 0, 0, 0}, []int{0, 1, 2, 3}, 0},
		{"opposite", []int{0, 0, 1, 1}, []int{0, 1, 0, 1}, -0.5},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := AdjustedRandIndex(tc.a, tc.b)
			require.NoError(t, err)
			assert.InDelta(t, tc.want, got, 1e-12)
		})
	}
}

func BenchmarkKMeans(b *testing.B) {
	x := blobs(20000, 40, 8, 1)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := (KMeans{K: 8, Restarts: 1, Seed: 1, Workers: 1}).Fit(context.Background(), x); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSilhouette(b *testing.B) {
	x := blobs(2000, 10, 4, 2)
	res, err := KMeans{K: 4, Restarts: 1}.Fit(context.Background(), x)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Silhouette(x, res.Labels); err != nil {
			b.Fatal(err)
		}
	}
}
