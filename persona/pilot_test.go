package persona

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStudentTQuantile(t *testing.T) {
	// Values from scipy.stats.t.ppf.
	tests := []struct{ p, df, want float64 }{
		{0.975, 1, 12.706204736174707},
		{0.975, 4, 2.7764451051977987},
		{0.975, 9, 2.2621571627409915},
		{0.975, 29, 2.045229642132703},
		{0.95, 10, 1.8124611228107335},
		{0.025, 4, -2.7764451051977987},
		{0.5, 7, 0},
	}
	for _, tc := range tests {
		assert.InDelta(t, tc.want, StudentTQuantile(tc.p, tc.df), 1e-9, "p=%v df=%v", tc.p, tc.df)
	}
}

func TestPairedChange(t *testing.T) {
	// Differences 1, 0, 2, 1: mean 1, sd sqrt(2/3); half-width
	// t(0.975, 3) = 3.182446305284263 (scipy) × sd / 2.
	c, err := PairedChange([]float64{2, 3, 1, 2}, []float64{3, 3, 3, 3}, 0.95)
	require.NoError(t, err)
	assert.Equal(t, 4, c.N)
	assert.InDelta(t, 1, c.Mean, 1e-15)
	half := 3.182446305284263 * 0.816496580927726 / 2
	assert.InDelta(t, 1-half, c.Low, 1e-9)
	assert.InDelta(t, 1+half, c.High, 1e-9)
	_, err = PairedChange(nil, nil, 0.95)
	assert.Error(t, err)
}

func TestReadPilotsErrors(t *testing.T) {
	head := "activity,participant,stage,attended,before,after,cost\n"
	tests := []struct{ name, in, msg string }{
		{"rating out of range", head + "a,p1,curious,yes,2,7,\n", `pilots.csv:2:20: after: "7" is not a whole number from 1 to 5`},
		{"duplicate participant", head + "a,p1,,yes,2,3,\na,p1,,no,,,\n", "same as line 2"},
		{"bad stage", head + "a,p1,expert,yes,2,3,\n", `"expert" is not one of`},
		{"bad attended", head + "a,p1,,maybe,2,3,\n", `"maybe" is not yes or no`},
		{"negative cost", head + "a,p1,,yes,2,3,-5\n", "not an amount"},
		{"missing column", "activity,participant\na,p\n", `pilots.csv:1: attended: missing column`},
		{"hexadecimal cost", head + "a,p1,,yes,2,3,0x10\n", "not an amount"},
		{"infinite cost", head + "a,p1,,yes,2,3,1e400\n", "not an amount"},
		{"costs that add up past any budget", head + "a,p1,,yes,2,3,9e11\na,p2,,yes,2,3,9e11\n", "add up to more than"},
		{"semicolon separated", strings.ReplaceAll(head, ",", ";") + "a;p1;;yes;2;9;\n", `pilots.csv:2:`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadPilots(strings.NewReader(tc.in), ReadOptions{File: "pilots.csv"})
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.msg)
		})
	}
}

func TestEvaluatePilots(t *testing.T) {
	f, err := os.Open("testdata/pilots.csv")
	require.NoError(t, err)
	defer f.Close()
	recs, err := ReadPilots(f, ReadOptions{})
	require.NoError(t, err)
	rep, err := EvaluatePilots(recs, PilotOptions{})
	require.NoError(t, err)
	require.Len(t, rep.Activities, 8)
	for _, a := range rep.Activities {
		// Cost per participant is the activity's total over attenders.
		var cost float64
		att := 0
		for _, r := range recs {
			if r.Activity == a.Activity {
				cost += r.Cost
				if r.Attended {
					att++
				}
			}
		}
		require.NotNil(t, a.Cost)
		assert.InDelta(t, cost, *a.Cost, 1e-9)
		if a.Attended != nil {
			require.NotNil(t, a.CostPerParticipant)
			assert.InDelta(t, cost/float64(att), *a.CostPerParticipant, 1e-9)
		} else {
			assert.Nil(t, a.CostPerParticipant)
		}
		if a.Change != nil {
			assert.GreaterOrEqual(t, a.Change.N, 5)
			assert.LessOrEqual(t, a.Change.Low, a.Change.Estimate)
			assert.Less(t, a.Change.Low, a.Change.High)
		}
		for _, c := range a.ByStage {
			assert.GreaterOrEqual(t, c.N, 5)
		}
	}
	for _, st := range Stages {
		m := rep.Menu[st]
		require.NotEmpty(t, m, "stage %s", st)
		for i := 1; i < len(m); i++ {
			assert.GreaterOrEqual(t, m[i-1].GainLow, m[i].GainLow)
		}
	}
	var b bytes.Buffer
	require.NoError(t, rep.WriteText(&b))
	assert.NotContains(t, b.String(), "P01", "participant ids are never printed")
	golden := "testdata/golden/pilots.txt"
	if *update {
		require.NoError(t, os.WriteFile(golden, b.Bytes(), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.Equal(t, string(want), b.String())
}
