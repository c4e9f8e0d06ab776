package persona

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGolden renders the synthetic survey's report in every format and
// compares with testdata/golden; run with -update to rewrite them.
func TestGolden(t *testing.T) {
	s := readSurveyFile(t, "survey69.csv")
	rep, err := Build(context.Background(), s, Options{Seed: 1})
	require.NoError(t, err)
	for _, f := range []struct {
		ext    string
		render func(*Report, *bytes.Buffer) error
	}{
		{"txt", func(r *Report, b *bytes.Buffer) error { return r.WriteText(b) }},
		{"json", func(r *Report, b *bytes.Buffer) error { return r.WriteJSON(b) }},
		{"md", func(r *Report, b *bytes.Buffer) error { return r.WriteMarkdown(b) }},
		{"html", func(r *Report, b *bytes.Buffer) error { return r.WriteHTML(b) }},
	} {
		t.Run(f.ext, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, f.render(rep, &b))
			path := filepath.Join("testdata", "golden", "survey69."+f.ext)
			if *update {
				require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
				require.NoError(t, os.WriteFile(path, b.Bytes(), 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.Equal(t, string(want), b.String())
			// Privacy: no respondent id, ward or free text reaches any output.
			out := b.String()
			for _, r := range s.Responses {
				assert.NotContains(t, out, r.ID)
			}
			assert.NotContains(t, out, "Invented Ward")
			assert.NotContains(t, out, "Invented comment")
		})
	}
}

// TestBuildDeterministicAcrossCores checks byte-identical reports for one
// seed whatever GOMAXPROCS is.
func TestBuildDeterministicAcrossCores(t *testing.T) {
	s := readSurveyFile(t, "survey69.csv")
	for _, m := range []Method{MethodKMeans, MethodKPrototypes, MethodPAM} {
		t.Run(string(m), func(t *testing.T) {
			var first string
			for _, procs := range []int{1, 2, 5} {
				old := runtime.GOMAXPROCS(procs)
				rep, err := Build(context.Background(), s, Options{Seed: 7, Method: m, Replicates: 20})
				runtime.GOMAXPROCS(old)
				require.NoError(t, err)
				var b bytes.Buffer
				require.NoError(t, rep.WriteJSON(&b))
				if first == "" {
					first = b.String()
				} else {
					assert.Equal(t, first, b.String(), "GOMAXPROCS=%d", procs)
				}
			}
		})
	}
}

func TestBuildSmallAndDegenerate(t *testing.T) {
	s := readSurveyFile(t, "survey69.csv")

	t.Run("two respondents", func(t *testing.T) {
		_, err := Build(context.Background(), &Survey{Responses: s.Responses[:2]}, Options{})
		require.ErrorIs(t, err, ErrTooFew)
		assert.Contains(t, err.Error(), "2 respondents answered anything, fewer than the minimum of 10")
	})
	t.Run("all answers identical", func(t *testing.T) {
		var same Survey
		for i := 0; i < 20; i++ {
			r := s.Responses[0]
			r.ID = string(rune('a' + i))
			same.Responses = append(same.Responses, r)
		}
		rep, err := Build(context.Background(), &same, Options{})
		require.NoError(t, err)
		require.Len(t, rep.Personas, 1)
		assert.Equal(t, 20, rep.Personas[0].Respondents)
		assert.Nil(t, rep.Silhouette)
		assert.Contains(t, strings.Join(rep.Notes, " "), "one persona describes everyone")
		_, err = Build(context.Background(), &same, Options{K: 3})
		require.ErrorIs(t, err, ErrTooFewDistinct)
	})
	t.Run("small clusters merged", func(t *testing.T) {
		rep, err := Build(context.Background(), s, Options{K: 6, Seed: 1})
		require.NoError(t, err)
		total := 0
		for _, p := range rep.Personas {
			assert.GreaterOrEqual(t, p.Respondents, 10)
			total += p.Respondents
		}
		assert.Equal(t, 69, total, "merging keeps everyone")
		assert.Contains(t, strings.Join(rep.Notes, " "), "fewer than 10 respondents was merged")
	})
	t.Run("floor above the survey", func(t *testing.T) {
		_, err := Build(context.Background(), s, Options{MinSize: 70})
		require.ErrorIs(t, err, ErrTooFew)
	})
	t.Run("figures withheld under the floor", func(t *testing.T) {
		// With a floor of 30, groups of 30+ exist but per-tool answers
		// from fewer than 30 are withheld.
		rep, err := Build(context.Background(), s, Options{MinSize: 30, Seed: 1})
		require.NoError(t, err)
		for _, p := range rep.Personas {
			assert.GreaterOrEqual(t, p.Respondents, 30)
			for _, f := range p.Tools {
				if f.Confidence != nil {
					n := 0
					for i, l := range rep.Labels {
						if rep.Personas[l].Name == p.Name && s.Responses[i].Confidence[0] != NoAnswer {
							n++
						}
					}
					assert.GreaterOrEqual(t, n, 30)
				}
			}
		}
	})
}

func TestStageOf(t *testing.T) {
	// Thresholds as documented on StageOf.
	for _, tc := range []struct {
		e    float64
		want Stage
	}{{0, Reluctant}, {0.249, Reluctant}, {0.25, Curious}, {0.5, Practising}, {0.75, Champion}, {1, Champion}} {
		assert.Equal(t, tc.want, StageOf(tc.e), "%v", tc.e)
	}
}

func TestDefaultCatalogueCoversStages(t *testing.T) {
	cat := DefaultCatalogue()
	assert.Len(t, cat, 8)
	for _, st := range Stages {
		n := 0
		for _, o := range cat {
			for _, s := range o.Stages {
				if s == st {
					n++
				}
			}
		}
		assert.GreaterOrEqual(t, n, 3, "stage %s", st)
	}
	_, err := ReadCatalogue(strings.NewReader(`[{"id":"x","title":"X","stages":["expert"]}]`), ReadOptions{})
	assert.ErrorContains(t, err, `1:45: bad value: "expert" is not one of`)
}
