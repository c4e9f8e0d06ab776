package persona

import (
	"context"
	"encoding/csv"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func readSurveyFile(t testing.TB, name string) *Survey {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	require.NoError(t, err)
	defer f.Close()
	s, err := ReadSurveyCSV(f, SurveyOptions{})
	require.NoError(t, err)
	return s
}

// truthLabels reads the planted stages of testdata/survey69_truth.csv, in
// survey order.
func truthLabels(t testing.TB, s *Survey) []int {
	f, err := os.Open("testdata/survey69_truth.csv")
	require.NoError(t, err)
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	stage := map[string]int{}
	for _, r := range recs[1:] {
		for i, st := range Stages {
			if string(st) == r[1] {
				stage[r[0]] = i
			}
		}
	}
	out := make([]int, len(s.Responses))
	for i, r := range s.Responses {
		out[i] = stage[r.ID]
	}
	return out
}

// TestBuildRecoversPlantedStages checks the pipeline on the synthetic
// survey, whose stages were planted by testdata/gen: the bar is an
// adjusted Rand index of at least 0.7, and no persona under the floor.
func TestBuildRecoversPlantedStages(t *testing.T) {
	s := readSurveyFile(t, "survey69.csv")
	truth := truthLabels(t, s)
	for _, m := range []Method{MethodKMeans, MethodKPrototypes, MethodPAM} {
		t.Run(string(m), func(t *testing.T) {
			rep, err := Build(context.Background(), s, Options{Method: m, Seed: 1})
			require.NoError(t, err)
			ari, err := AdjustedRandIndex(rep.Labels, truth)
			require.NoError(t, err)
			var stages []Stage
			for _, p := range rep.Personas {
				assert.GreaterOrEqual(t, p.Respondents, 10)
				stages = append(stages, p.Stage)
			}
			t.Logf("%s: k=%d ARI %.3f stages %v candidates %+v", m, rep.K, ari, stages, rep.Candidates)
			if m == MethodKMeans {
				assert.GreaterOrEqual(t, ari, 0.7)
			}
		})
	}
}
