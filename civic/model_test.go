package civic

import (
	"encoding/json"
	"testing"

	"github.com/civickit/civickit/civic/calendar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func day(s string) calendar.Date {
	d, err := calendar.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// TestAreaJSON checks that dates travel as ISO 8601 dates, unknown dates
// are left out, and a bad date is an error.
func TestAreaJSON(t *testing.T) {
	a := Area{ID: "E05001396", Name: "Almondbury", Classification: "ward", ValidFrom: day("2004-06-10")}
	b, err := json.Marshal(a)
	require.NoError(t, err)
	assert.JSONEq(t, `{"id":"E05001396","name":"Almondbury","classification":"ward","valid_from":"2004-06-10"}`, string(b))
	var back Area
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, a, back)
	err = json.Unmarshal([]byte(`{"id":"x","name":"y","valid_until":"2026-02-30"}`), &back)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "2026-02-30")
}

func TestValidOn(t *testing.T) {
	// Boundary changes take effect at the ordinary elections; an area
	// valid from 2004-06-10 until 2026-05-06.
	a := Area{ValidFrom: day("2004-06-10"), ValidUntil: day("2026-05-06")}
	assert.False(t, a.ValidOn(day("2004-06-09")))
	assert.True(t, a.ValidOn(day("2004-06-10")))
	assert.True(t, a.ValidOn(day("2026-05-06")))
	assert.False(t, a.ValidOn(day("2026-05-07")))
	assert.True(t, Area{}.ValidOn(day("1900-01-01")), "no dates: always valid")
	m := Membership{StartDate: day("2024-05-02")}
	assert.True(t, m.ActiveOn(day("2026-12-02")))
	assert.False(t, m.ActiveOn(day("2024-05-01")))
}

func TestGSS(t *testing.T) {
	tests := []struct {
		code   string
		valid  bool
		nation string
	}{
		{"E05001396", true, "england"},
		{"W05000980", true, "wales"},
		{"S13002516", true, "scotland"},
		{"N08000101", true, "northern-ireland"},
		{"K04000001", true, ""},
		{"E0500139", false, ""},
		{"e05001396", false, ""},
		{"X05001396", false, ""},
		{"E05O01396", false, ""},
		{"", false, ""},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.valid, ValidGSS(tc.code), tc.code)
		assert.Equal(t, tc.nation, Nation(tc.code), tc.code)
	}
	assert.Equal(t, "E05001396", Area{ID: "E05001396"}.Code())
	assert.Equal(t, "W05000980", Area{ID: "riverside", GSS: "W05000980"}.Code())
	assert.Equal(t, "", Area{ID: "riverside"}.Code())
}
