package persona

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// noiseSurvey is a survey without structure: every answer of every
// respondent drawn on its own, uniformly.
func noiseSurvey(n int, seed uint64) *Survey {
	rng := rand.New(rand.NewPCG(seed, 99))
	s := &Survey{}
	pick := func(names []string) Choices {
		c := Choices{}
		for _, x := range names {
			if rng.IntN(3) == 0 {
				c = append(c, x)
			}
		}
		return c
	}
	for i := 0; i < n; i++ {
		r := newResponse()
		r.ID = fmt.Sprint("n", i)
		for t := range Tools {
			r.Confidence[t] = Answer(1 + rng.IntN(5))
			r.Use[t] = Answer(rng.IntN(5))
			r.Mode[t] = Answer(rng.IntN(4))
		}
		for a := range Attitudes {
			r.Attitude[a] = Answer(1 + rng.IntN(5))
		}
		r.Learn, r.Aims, r.Barriers = pick(LearnTopics), pick(Aims), pick(Barriers)
		r.YearsServed = Answer(rng.IntN(30))
		r.Role = Answer(rng.IntN(len(Roles)))
		s.Responses = append(s.Responses, r)
	}
	return s
}

// TestNoiseGivesNoPersonas: on surveys of pure noise the default run
// reported 2–4 personas at silhouette 0.56–0.60; now the test for
// structure finds no distinct groups and one persona describes everyone.
func TestNoiseGivesNoPersonas(t *testing.T) {
	found := 0
	runs := 0
	for seed := uint64(1); seed <= 4; seed++ {
		for _, m := range []Method{MethodKMeans, MethodKPrototypes, MethodPAM} {
			s := noiseSurvey(120, seed)
			rep, err := Build(t.Context(), s, Options{Seed: 1, Method: m, Replicates: 10})
			require.NoError(t, err)
			require.NotNil(t, rep.Structure)
			runs++
			if rep.Structure.Distinct {
				found++
				continue
			}
			assert.Equal(t, 1, rep.K, "seed %d %s", seed, m)
			assert.Len(t, rep.Personas, 1)
			assert.Nil(t, rep.Silhouette)
			assert.Contains(t, rep.Notes[1], "No distinct groups")
		}
	}
	// A test at 5% may err on one survey in twenty; these are fixed.
	assert.LessOrEqual(t, found, 1, "noise declared structured in %d of %d runs", found, runs)
	assert.Zero(t, found, "the default runs above are all clean")
}

// TestStructureOnPlantedSurvey: the sample survey, with planted stages,
// passes the test clearly and its quality is reported on the answers
// (0.144 for the published k = 4, not the 0.813 of the principal
// component).
func TestStructureOnPlantedSurvey(t *testing.T) {
	s := readSurveyFile(t, "survey69.csv")
	rep, err := Build(t.Context(), s, Options{Seed: 1})
	require.NoError(t, err)
	require.NotNil(t, rep.Structure)
	assert.True(t, rep.Structure.Distinct)
	assert.InDelta(t, 0.05, rep.Structure.P, 1e-12)
	assert.Greater(t, rep.Structure.Observed, 2*rep.Structure.NullMax)
	require.NotNil(t, rep.Silhouette)
	assert.InDelta(t, 0.144, *rep.Silhouette, 0.0005)
	assert.Contains(t, rep.QualityOn, "all the answers")
	// The silhouette of the published labels on the encoded answers,
	// recomputed directly.
	kept := s.Encode().Imputed()
	v, err := Silhouette(kept, rep.Labels)
	require.NoError(t, err)
	assert.InDelta(t, v, *rep.Silhouette, 1e-12)
}

// TestBlankRespondents: a survey where nobody answered anything gave a
// persona ("The Reluctant Starter, 100% of councillors who answered");
// now blank respondents are left out, counted without going under the
// floor, and a survey of only them gives none.
func TestBlankRespondents(t *testing.T) {
	blank := &Survey{}
	for i := 0; i < 30; i++ {
		r := newResponse()
		r.ID = fmt.Sprint("b", i)
		blank.Responses = append(blank.Responses, r)
	}
	_, err := Build(t.Context(), blank, Options{})
	assert.True(t, errors.Is(err, ErrTooFew), "got %v", err)

	s := readSurveyFile(t, "survey69.csv")
	withBlank := &Survey{Responses: append(append([]Response{}, s.Responses...), blank.Responses[:2]...)}
	for _, m := range []Method{MethodKMeans, MethodPAM} {
		rep, err := Build(t.Context(), withBlank, Options{Seed: 1, Method: m})
		require.NoError(t, err)
		assert.Equal(t, 69, rep.Respondents)
		assert.Contains(t, rep.Notes[0], "Fewer than 10 respondents answered no question")
		assert.Equal(t, -1, rep.Labels[69])
		assert.Equal(t, -1, rep.Labels[70])
		assert.Greater(t, len(rep.Personas), 1, "%s: one blank respondent no longer breaks PAM", m)
	}
}

// TestTwoWayCountsPeople: two respondents answering the mode question for
// all nine tools gave 18 answers and met a floor of 10; the share now
// counts people and is withheld.
func TestTwoWayCountsPeople(t *testing.T) {
	s := noiseSurvey(12, 3)
	for i := range s.Responses {
		for t := range Tools {
			s.Responses[i].Mode[t] = NoAnswer
			if i < 2 {
				s.Responses[i].Mode[t] = 2
			}
		}
	}
	rep, err := Build(t.Context(), s, Options{K: 1})
	require.NoError(t, err)
	assert.Nil(t, rep.Personas[0].TwoWay)
	for i := 2; i < 12; i++ {
		s.Responses[i].Mode[0] = 1
	}
	rep, err = Build(t.Context(), s, Options{K: 1})
	require.NoError(t, err)
	require.NotNil(t, rep.Personas[0].TwoWay)
	assert.InDelta(t, 2.0/12, *rep.Personas[0].TwoWay, 1e-15, "people, not answers")
}
