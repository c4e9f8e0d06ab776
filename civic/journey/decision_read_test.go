package journey

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/civickit/civickit/civic"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadDecisionJSONRoundTrip(t *testing.T) {
	dec := loadDecision(t, "library-decision.json")
	assert.Equal(t, "New community library for Northtown", dec.Title)
	assert.Equal(t, "kirklees", dec.Council)
	assert.Len(t, dec.History, 5)
	var b bytes.Buffer
	require.NoError(t, dec.WriteJSON(&b))
	back, err := ReadDecisionJSON(&b, ReadOptions{File: "round-trip"})
	require.NoError(t, err)
	assert.Equal(t, dec, back)

	arr := `[` + mustRead(t, "testdata/library-decision.json") + `,` + mustRead(t, "testdata/budget.json") + `]`
	ds, err := ReadDecisionsJSON(strings.NewReader(arr), ReadOptions{File: "two.json"})
	require.NoError(t, err)
	assert.Len(t, ds, 2)
	_, err = ReadDecisionJSON(strings.NewReader(arr), ReadOptions{File: "two.json"})
	assert.ErrorContains(t, err, "want one decision, got 2")
}

func mustRead(t *testing.T, path string) string {
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(b)
}

// TestReadDecisionJSONErrors: every bad input names the file, the line
// and the field, and none panics.
func TestReadDecisionJSONErrors(t *testing.T) {
	cases := []struct {
		name, in   string
		line       int
		field, msg string
	}{
		{"empty", "  \n", 1, "", "empty input"},
		{"syntax", "{\n\"title\": \"x\",\n\"history\": [,]\n}", 3, "", "invalid JSON"},
		{"truncated", "{\n\"title\": \"x\",\n", 3, "", "unexpected end"},
		{"trailing", "{\"title\":\"x\",\"history\":[]}\n{}", 2, "", "unexpected data"},
		{"unknown field", "{\n\"title\": \"x\",\n\"colour\": \"red\",\n\"history\": []\n}", 3, "colour", "unknown field"},
		{"unknown nested", "{\"title\": \"x\",\n\"history\": [\n{\"stage\": \"proposal\", \"date\": \"2026-01-01\",\n \"when\": 1}]}", 4, "history[0].when", "unknown field"},
		{"wrong type", "{\n\"title\": 42,\n\"history\": []\n}", 2, "title", "want a string, got JSON number"},
		{"history not array", "{\"title\": \"x\",\n\"history\": {}}", 2, "history", "want an array of stage events, got JSON object"},
		{"missing title", "{\n\"history\": []\n}", 0, "title", "missing"},
		{"bad effective date", "{\"title\": \"x\",\n\"effective_from\": \"1 June\",\n\"history\": []}", 2, "effective_from", "bad date"},
		{"effective before meeting", "{\"title\": \"x\",\n\"meeting_date\": \"2026-03-10\",\n\"effective_from\": \"2026-03-01\",\n\"history\": []}", 3, "effective_from", "dates out of order"},
		{"bad meeting date", "{\"title\": \"x\",\n\"meeting_date\": \"10/03/2026\",\n\"history\": []}", 2, "meeting_date", "bad date"},
		{"bad event date", "{\"title\": \"x\", \"history\": [\n{\"stage\": \"proposal\",\n\"date\": \"2026-02-30\"}]}", 3, "history[0].date", "bad date"},
		{"missing event date", "{\"title\": \"x\", \"history\": [\n{\"stage\": \"proposal\"}]}", 2, "history[0].date", "missing"},
		{"missing stage", "{\"title\": \"x\", \"history\": [\n{\"date\": \"2026-01-01\"}]}", 2, "history[0].stage", "missing"},
		{"unknown stage", "{\"title\": \"x\", \"history\": [\n{\"stage\": \"proposal\", \"date\": \"2026-01-01\"},\n{\"stage\": \"voted\", \"date\": \"2026-01-02\"}]}", 3, "history[1].stage", `unknown stage "voted"`},
		{"illegal jump", "{\"title\": \"x\", \"history\": [\n{\"stage\": \"proposal\", \"date\": \"2026-01-01\"},\n{\"stage\": \"in-effect\", \"date\": \"2026-01-02\"}]}", 3, "history[1].stage", `illegal transition from "proposal" to "in-effect"`},
		{"out of order", "{\"title\": \"x\", \"history\": [\n{\"stage\": \"proposal\", \"date\": \"2026-01-05\"},\n{\"stage\": \"decided\",\n \"date\": \"2026-01-02\"}]}", 4, "history[1].date", "dates out of order"},
		{"array element", "[\n{\"title\": \"ok\", \"history\": []},\n{\"title\": \"\", \"history\": []}\n]", 3, "[1].title", "missing"},
		{"not an object", "\"hello\"", 1, "", "want"},
		{"null", "null", 1, "", "want a decision object"},
		{"null element", "[null]", 1, "[0].title", "missing"},
		{"deep", strings.Repeat("[", 100) + strings.Repeat("]", 100), 1, "", "nested too deeply"},
	}
	for _, c := range cases {
		for _, rd := range decisionReaders {
			t.Run(rd.name+"/"+c.name, func(t *testing.T) {
				_, err := rd.read(strings.NewReader(c.in), ReadOptions{File: "d.json"})
				var pe *civic.ParseError
				require.ErrorAs(t, err, &pe)
				assert.Equal(t, "d.json", pe.File)
				if c.line > 0 {
					assert.Equal(t, c.line, pe.Line, err.Error())
				}
				assert.Equal(t, c.field, pe.Field, err.Error())
				assert.Contains(t, err.Error(), c.msg)
				assert.True(t, strings.HasPrefix(err.Error(), "d.json:"), err.Error())
			})
		}
	}
}

func TestReadDecisionsCSV(t *testing.T) {
	f, err := os.Open("testdata/decisions.csv")
	require.NoError(t, err)
	defer f.Close()
	ds, err := ReadDecisionsCSV(f, CSVOptions{File: "decisions.csv", AsOf: d("2026-03-18"), Council: "kirklees"})
	require.NoError(t, err)
	require.Len(t, ds, 3)

	lib := ds[0]
	assert.Equal(t, "SAMPLE-2026-014", lib.ID)
	assert.Equal(t, DecisionMakerCabinet, lib.DecisionMakerKind)
	assert.Equal(t, d("2026-03-10"), lib.MeetingDate)
	assert.True(t, lib.KeyDecision)
	assert.Equal(t, []string{"Northtown", "Market Hill"}, lib.WardsAffected.Names())
	// Effective 20 March is after AsOf: call-in is the current stage.
	cur, _ := lib.Current()
	assert.Equal(t, StageCallIn, cur.Stage)
	c := lib.CouncilFor()
	got := map[string]string{}
	for _, dl := range lib.Deadlines(&c) {
		got[dl.ID] = dl.Date.String()
	}
	// Kirklees counts call-in from the meeting, Tue 10 Mar 2026: 11, 12,
	// 13, 16, 17 March.
	assert.Equal(t, "2026-03-17", got["call_in_ends"])
	assert.Equal(t, d("2026-03-20"), lib.EffectiveFrom)
	assert.Equal(t, "2026-03-20", got["in_effect_from"])

	park := ds[1]
	assert.Equal(t, DecisionMakerCabinetMember, park.DecisionMakerKind)
	assert.False(t, park.KeyDecision)
	assert.Equal(t, []string{"All Wards"}, park.WardsAffected.Names())

	lease := ds[2]
	assert.Equal(t, "Lease of land at Mill Lane, Southvale", lease.Title)
	assert.Equal(t, DecisionMakerOfficer, lease.DecisionMakerKind)
	assert.Equal(t, d("2026-03-24"), lease.MeetingDate)
	assert.Empty(t, lease.History, "decided after AsOf")

	// Without AsOf every dated stage is history.
	f2, _ := os.Open("testdata/decisions.csv")
	defer f2.Close()
	all, err := ReadDecisionsCSV(f2, CSVOptions{File: "decisions.csv"})
	require.NoError(t, err)
	cur, _ = all[0].Current()
	assert.Equal(t, StageInEffect, cur.Stage)
	cur, _ = all[2].Current()
	assert.Equal(t, StageInEffect, cur.Stage)
}

func TestReadDecisionsCSVErrors(t *testing.T) {
	const head = "Title,Decision maker,Meeting date,Published,Effective from,Key decision,Subject to call-in,Wards affected\n"
	cases := []struct {
		name, in   string
		line       int
		field, msg string
	}{
		{"empty", "", 1, "", "empty input"},
		{"missing column", "Title,Meeting date\nx,2026-01-01\n", 1, "decision maker", "missing column"},
		{"duplicate column", "Title,Subject,Decision maker,Meeting date\n", 1, "title", "column given twice"},
		{"missing title", head + "ok,Cabinet,2026-01-01,,,,,\n,Cabinet,2026-01-01,,,,,\n", 3, "title", "missing"},
		{"missing maker", head + "x,,2026-01-01,,,,,\n", 2, "decision maker", "missing"},
		{"missing date", head + "x,Cabinet,,,,,,\n", 2, "meeting date", "missing"},
		{"bad date", head + "x,Cabinet,31/02/2026,,,,,\n", 2, "meeting date", "bad date"},
		{"bad published", head + "x,Cabinet,2026-01-01,soon,,,,\n", 2, "published", "bad date"},
		{"out of order", head + "x,Cabinet,2026-01-10,2026-01-09,,,,\n", 2, "published", "dates out of order"},
		{"effective early", head + "x,Cabinet,2026-01-10,2026-01-12,2026-01-11,,,\n", 2, "effective from", "dates out of order"},
		{"bad yes/no", head + "x,Cabinet,2026-01-10,,,perhaps,,\n", 2, "key decision", "want yes or no"},
		{"bad quoting", head + "x,\"Cabinet,2026-01-10\n", 2, "", "bad CSV"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadDecisionsCSV(strings.NewReader(c.in), CSVOptions{File: "d.csv"})
			var pe *civic.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, c.line, pe.Line, err.Error())
			assert.Equal(t, c.field, pe.Field, err.Error())
			assert.Contains(t, err.Error(), c.msg)
			assert.True(t, strings.HasPrefix(err.Error(), "d.csv:"), err.Error())
		})
	}
}
