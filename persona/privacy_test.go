package persona

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pilotRows makes n attending participants of activity a at stage st,
// each moving from before to after.
func pilotRows(a string, st Stage, n int, before, after Answer, cost float64) []PilotRecord {
	var out []PilotRecord
	for i := 0; i < n; i++ {
		out = append(out, PilotRecord{Activity: a, Participant: fmt.Sprintf("%s-%s-%d", a, st, i), Stage: st, Attended: true, Before: before, After: after, Cost: cost})
	}
	return out
}

// TestPilotSubtractionAttack: the total and the shown stage groups of one
// activity must never leave a hidden group of 1 to MinSize−1 whose change
// follows by subtraction.
func TestPilotSubtractionAttack(t *testing.T) {
	var recs []PilotRecord
	recs = append(recs, pilotRows("a", Curious, 6, 2, 3, 0)...)
	recs = append(recs, pilotRows("a", Practising, 5, 3, 3, 0)...)
	recs = append(recs, pilotRows("a", Reluctant, 2, 1, 5, 0)...) // the two to protect
	recs = append(recs, pilotRows("b", Curious, 5, 2, 3, 0)...)
	recs = append(recs, pilotRows("b", Practising, 5, 2, 3, 0)...)
	recs = append(recs, pilotRows("b", "", 1, 1, 5, 0)...) // one without a stage
	rep, err := EvaluatePilots(recs, PilotOptions{})
	require.NoError(t, err)
	for _, a := range rep.Activities {
		require.NotNil(t, a.Change)
		rest := a.Change.N
		for _, c := range a.ByStage {
			rest -= c.N
		}
		assert.True(t, rest == 0 || rest >= rep.MinSize, "activity %s leaves a hidden group of %d", a.Activity, rest)
		assert.NotEmpty(t, a.ByStage, "activity %s: complementary suppression hides only what it must", a.Activity)
	}
}

// TestPilotCountsAndCostsObeyFloor: attendance counts and costs of fewer
// than MinSize people are withheld.
func TestPilotCountsAndCostsObeyFloor(t *testing.T) {
	var recs []PilotRecord
	recs = append(recs, pilotRows("tiny", Curious, 3, 2, 3, 100)...)
	recs = append(recs, pilotRows("most", Curious, 8, 2, 3, 50)...)
	recs = append(recs, PilotRecord{Activity: "most", Participant: "absent1", Stage: Curious, Before: NoAnswer, After: NoAnswer},
		PilotRecord{Activity: "most", Participant: "absent2", Stage: Curious, Before: NoAnswer, After: NoAnswer})
	rep, err := EvaluatePilots(recs, PilotOptions{})
	require.NoError(t, err)
	byID := map[string]ActivityResult{}
	for _, a := range rep.Activities {
		byID[a.Activity] = a
	}
	tiny := byID["tiny"]
	assert.Nil(t, tiny.Invited)
	assert.Nil(t, tiny.Attended)
	assert.Nil(t, tiny.Cost)
	assert.Nil(t, tiny.CostPerParticipant)
	assert.Nil(t, tiny.Change)
	most := byID["most"]
	require.NotNil(t, most.Invited)
	assert.Equal(t, 10, *most.Invited)
	assert.Nil(t, most.Attended, "2 absent: the count would name a group of 2")
	assert.Nil(t, most.AttendanceRate)
	assert.Nil(t, most.CostPerParticipant, "cost / attended would give the attended count")
	assert.Nil(t, most.CostPerPoint)
	require.NotNil(t, most.Change)
}

// TestPilotFloorBelowSafeRefused: a floor of 1 printed one person's
// answers; now a floor below the default needs AllowSmallGroups, and none
// below 3 is accepted.
func TestPilotFloorBelowSafeRefused(t *testing.T) {
	recs := pilotRows("a", Curious, 6, 2, 3, 0)
	for _, o := range []PilotOptions{{MinSize: 1}, {MinSize: 2, AllowSmallGroups: true}, {MinSize: 4}, {MinSize: -1}} {
		_, err := EvaluatePilots(recs, o)
		assert.Error(t, err, "%+v", o)
	}
	_, err := EvaluatePilots(recs, PilotOptions{MinSize: 3, AllowSmallGroups: true})
	assert.NoError(t, err)
	s := readSurveyFile(t, "survey69.csv")
	for _, o := range []Options{{MinSize: 1}, {MinSize: 2, AllowSmallGroups: true}, {MinSize: 5}} {
		_, err := Build(t.Context(), s, o)
		assert.Error(t, err, "%+v", o)
	}
}

// TestPilotNoCostPerPointWithoutEvidence: cost per point of confidence is
// not given when the gain's interval includes zero, and the menu ranks by
// the interval's lower end, so a certain-looking tiny pilot does not come
// first.
func TestPilotNoCostPerPointWithoutEvidence(t *testing.T) {
	var recs []PilotRecord
	recs = append(recs, pilotRows("small_sure", Curious, 5, 2, 3, 10)...) // +1 each, n = 5
	for i, d := range []Answer{0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1} {
		recs = append(recs, PilotRecord{Activity: "big", Participant: fmt.Sprint(i), Stage: Curious, Attended: true, Before: 2, After: 2 + d, Cost: 10})
	}
	recs = append(recs, pilotRows("flat", Curious, 8, 3, 3, 10)...)
	rep, err := EvaluatePilots(recs, PilotOptions{})
	require.NoError(t, err)
	for _, a := range rep.Activities {
		require.NotNil(t, a.Change, a.Activity)
		assert.Greater(t, a.Change.High-a.Change.Low, 0.1, "never a zero-width interval: %s", a.Activity)
		if a.Change.Low <= 0 {
			assert.Nil(t, a.CostPerPoint, a.Activity)
			assert.False(t, a.Evidence, a.Activity)
		}
	}
	m := rep.Menu[Curious]
	for i := 1; i < len(m); i++ {
		assert.GreaterOrEqual(t, m[i-1].GainLow, m[i].GainLow)
	}
	assert.Equal(t, "big", m[0].Activity, "20 pairs with a clear gain rank above 5 identical ones")
}
