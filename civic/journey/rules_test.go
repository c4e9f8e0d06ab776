package journey

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/civickit/civickit/civic"
	"github.com/civickit/civickit/civic/calendar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func deadlineMap(dls []Deadline) map[string]string {
	m := map[string]string{}
	for _, dl := range dls {
		m[dl.ID] = dl.Date.String()
	}
	return m
}

// TestPrivateMeetingDeadlines: reg 5 of SI 2012/2089. Meeting Tue 10 Mar
// 2026: first notice 28 clear calendar days before, Mon 9 Feb; final
// notice 5 clear working days before (9, 6, 5, 4, 3 Mar), Mon 2 Mar.
func TestPrivateMeetingDeadlines(t *testing.T) {
	var e Council
	dec := Decision{Title: "x", DecisionMakerKind: DecisionMakerCabinet, Private: true, ExemptParagraph: 3, MeetingDate: d("2026-03-10")}
	dls := dec.Deadlines(&e)
	got := deadlineMap(dls)
	assert.Equal(t, "2026-02-09", got["private_notice_by"])
	assert.Equal(t, "2026-03-02", got["private_final_notice_by"])
	for _, dl := range dls {
		if dl.ID == "private_notice_by" {
			assert.Contains(t, dl.Basis, "reg 5(2)")
			assert.Contains(t, dl.Basis, "paragraph 3 of Part 1 of Local Government Act 1972 Sch 12A")
		}
	}
	// Wales and the committee system have no reg 5 notices.
	for _, name := range []string{"wales", "england-committee"} {
		c, _ := Profile(name)
		got := deadlineMap(dec.Deadlines(&c))
		assert.NotContains(t, got, "private_notice_by", name)
		assert.NotContains(t, got, "private_final_notice_by", name)
	}
	// Schedule 12A paragraphs: 1-7 England, 12-18 Wales.
	for p, ok := range map[int]bool{1: true, 7: true, 8: false, 11: false, 12: true, 18: true, 19: false, -1: false} {
		x := Decision{Title: "x", Private: true, ExemptParagraph: p}
		err := x.Validate()
		assert.Equal(t, ok, err == nil, "paragraph %d: %v", p, err)
	}
	x := Decision{Title: "x", ExemptParagraph: 3}
	assert.ErrorContains(t, x.Validate(), "not private")
}

// TestCallInRules: only executive decisions can be called in (s9F(2)(a));
// urgent ones are exempt; Kirklees counts from the meeting.
func TestCallInRules(t *testing.T) {
	var e Council
	k, _ := Profile("kirklees")
	hist := []StageEvent{{Stage: StageDecided, Date: d("2026-03-10")}, {Stage: StageDecisionPublished, Date: d("2026-03-12")}}
	cases := []struct {
		name string
		dec  Decision
		c    *Council
		want map[string]string
	}{
		// Published Thu 12 Mar: 13, 16, 17, 18, 19 March; in effect Fri 20.
		{"cabinet", Decision{DecisionMakerKind: DecisionMakerCabinet, SubjectToCallIn: true}, &e,
			map[string]string{"call_in_ends": "2026-03-19", "in_effect_from": "2026-03-20"}},
		// From the meeting, Tue 10 Mar: 11, 12, 13, 16, 17 March.
		{"kirklees from the meeting", Decision{DecisionMakerKind: DecisionMakerCabinet, SubjectToCallIn: true}, &k,
			map[string]string{"call_in_ends": "2026-03-17", "in_effect_from": "2026-03-18"}},
		{"full council", Decision{DecisionMakerKind: DecisionMakerFullCouncil, SubjectToCallIn: true}, &e,
			map[string]string{"in_effect_from": "2026-03-12"}},
		{"committee", Decision{DecisionMakerKind: DecisionMakerCommittee, SubjectToCallIn: true}, &e,
			map[string]string{"in_effect_from": "2026-03-12"}},
		{"urgent", Decision{DecisionMakerKind: DecisionMakerCabinet, SubjectToCallIn: true, Urgent: true}, &e,
			map[string]string{"in_effect_from": "2026-03-12"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.dec.Title, c.dec.History = "x", hist
			got := deadlineMap(c.dec.Deadlines(c.c))
			delete(got, "meeting")
			delete(got, "agenda_publish_by")
			assert.Equal(t, c.want, got)
		})
	}
	committee, _ := Profile("england-committee")
	assert.Equal(t, 0, committee.CallInDays())
}

// TestDecisionRecordDeadline: 2 working days by default, configurable.
// Decided Thu 2 Apr 2026: Good Friday (3) and Easter Monday (6) do not
// count, so the two working days are Tue 7 and Wed 8 April.
func TestDecisionRecordDeadline(t *testing.T) {
	var e Council
	dec := Decision{Title: "x", DecisionMakerKind: DecisionMakerCabinet, History: []StageEvent{{Stage: StageDecided, Date: d("2026-04-02")}}}
	assert.Equal(t, "2026-04-08", deadlineMap(dec.Deadlines(&e))["decision_record_by"])
	five := Council{DecisionRecord: Period{Days: 5}}
	// 7, 8, 9, 10, 13 April.
	assert.Equal(t, "2026-04-13", deadlineMap(dec.Deadlines(&five))["decision_record_by"])
}

// TestKeyDecisionRules: Kirklees "over £500,000"; "All Wards" is every
// ward; only the executive makes key decisions; none in Wales.
func TestKeyDecisionRules(t *testing.T) {
	k, _ := Profile("kirklees")
	w, _ := Profile("wales")
	var e Council
	at := &Decision{Title: "x", ValueGBP: 500000}
	assert.False(t, at.MeetsKeyDecisionTest(&k), "exactly £500,000 is not over it")
	assert.True(t, at.MeetsKeyDecisionTest(&e), "the default is £500,000 or more")
	all := &Decision{Title: "x", WardsAffected: Wards{{Name: "All Wards"}}}
	assert.True(t, all.MeetsKeyDecisionTest(&k), "All Wards is every ward")
	one := &Decision{Title: "x", WardsAffected: Wards{{Name: "Almondbury"}}}
	assert.False(t, one.MeetsKeyDecisionTest(&k))
	council := &Decision{Title: "x", ValueGBP: 9e6, DecisionMakerKind: DecisionMakerFullCouncil}
	assert.False(t, council.MeetsKeyDecisionTest(&e), "full council makes no key decisions")
	big := &Decision{Title: "x", ValueGBP: 9e6}
	assert.False(t, big.MeetsKeyDecisionTest(&w), "Wales has no key decisions")
}

// TestCheck: met, missed by how many days, not recorded, pending; reg 18.
func TestCheck(t *testing.T) {
	var e Council
	dec := Decision{Title: "x", DecisionMakerKind: DecisionMakerCabinet, KeyDecision: true, SubjectToCallIn: true, MeetingDate: d("2026-03-10"),
		History: []StageEvent{
			{Stage: StageProposal, Date: d("2026-01-05")},
			{Stage: StageNoticePublished, Date: d("2026-02-23")},   // due 9 Feb: 14 days late
			{Stage: StageAgendaPublished, Date: d("2026-03-02")},   // due 2 Mar: met
			{Stage: StageDecided, Date: d("2026-03-10")},           //
			{Stage: StageDecisionPublished, Date: d("2026-03-16")}, // due Thu 12 Mar: 4 days late, the council's rule
			{Stage: StageCallIn, Date: d("2026-03-16")},
			// call-in 5 working days after Mon 16 Mar: 17, 18, 19, 20, 23 March
			{Stage: StageInEffect, Date: d("2026-03-20")}, // before call-in ended
		}}
	got := map[string]Check{}
	for _, ch := range dec.Check(&e, d("2026-04-01")) {
		got[ch.ID] = ch
	}
	assert.Equal(t, CheckMissed, got["key_decision_notice_by"].Status)
	assert.Equal(t, 14, got["key_decision_notice_by"].DaysLate)
	assert.True(t, got["key_decision_notice_by"].Statutory)
	assert.Equal(t, CheckMet, got["agenda_publish_by"].Status)
	assert.Equal(t, CheckMissed, got["decision_record_by"].Status)
	assert.Equal(t, 4, got["decision_record_by"].DaysLate)
	assert.False(t, got["decision_record_by"].Statutory)
	assert.Equal(t, CheckMissed, got["not_before_call_in_ends"].Status)
	assert.Contains(t, got["not_before_call_in_ends"].Note, "4 days before")
	assert.True(t, Missed(dec.Check(&e, d("2026-04-01"))))

	// General exception replaces the 28-day notice: 5 clear working days.
	ge := Decision{Title: "x", DecisionMakerKind: DecisionMakerCabinet, KeyDecision: true, MeetingDate: d("2026-03-10"),
		History: []StageEvent{{Stage: StageProposal, Date: d("2026-01-05")}, {Stage: StageGeneralException, Date: d("2026-03-02")}}}
	chs := ge.Check(&e, calendar.Date{})
	require.NotEmpty(t, chs)
	assert.Equal(t, "general_exception_notice_by", chs[0].ID)
	assert.Equal(t, CheckMet, chs[0].Status)
	// The agenda is not recorded; with no as-of date that is not judged.
	assert.Equal(t, CheckNotRecorded, chs[1].Status)
	// As of a later day it is missed; as of an earlier one, pending.
	assert.Equal(t, CheckMissed, ge.Check(&e, d("2026-03-05"))[1].Status)
	assert.Equal(t, 3, ge.Check(&e, d("2026-03-05"))[1].DaysLate)
	assert.Equal(t, CheckPending, ge.Check(&e, d("2026-02-20"))[1].Status)

	// Reg 18: meets the test but was not treated as key.
	notKey := Decision{Title: "x", DecisionMakerKind: DecisionMakerCabinetMember, ValueGBP: 750000}
	var found bool
	for _, ch := range notKey.Check(&e, calendar.Date{}) {
		if ch.ID == "key_decision_test" {
			found = true
			assert.Contains(t, ch.Basis, "regs 8 and 18")
		}
	}
	assert.True(t, found)

	// Call-in lodged after the period is out of time.
	lodged := Decision{Title: "x", DecisionMakerKind: DecisionMakerCabinet, SubjectToCallIn: true,
		History: []StageEvent{{Stage: StageDecided, Date: d("2026-03-10")}, {Stage: StageDecisionPublished, Date: d("2026-03-12")},
			{Stage: StageCallIn, Date: d("2026-03-12")}, {Stage: StageCallInLodged, Date: d("2026-03-20")}}}
	for _, ch := range lodged.Check(&e, calendar.Date{}) {
		if ch.ID == "call_in_lodged_by" {
			assert.Equal(t, CheckMissed, ch.Status)
			assert.Equal(t, 1, ch.DaysLate) // due Thu 19 March
		}
	}
}

// TestPlanningAndBudgetPeriods: 16 weeks for EIA development (DMPO art
// 34(2)); at least 5 working days to reconsider a budget objected to.
func TestPlanningAndBudgetPeriods(t *testing.T) {
	var e Council
	eia := Decision{Title: "x", Journey: JourneyPlanning, EIADevelopment: true, MajorDevelopment: true,
		History: []StageEvent{{Stage: StagePlanningReceived, Date: d("2026-04-01")}}}
	// 16 weeks beginning 2 Apr: 112 days after 1 Apr is 22 Jul.
	assert.Equal(t, "2026-07-22", deadlineMap(eia.Deadlines(&e))["determine_by"])
	budget := Decision{Title: "x", Journey: JourneyBudget, FinancialYear: 2026,
		History: []StageEvent{{Stage: StageBudgetRecommended, Date: d("2026-02-10")}, {Stage: StageBudgetObjection, Date: d("2026-02-18")}}}
	// Objection Wed 18 Feb 2026: 19, 20, 23, 24, 25 February.
	assert.Equal(t, "2026-02-25", deadlineMap(budget.Deadlines(&e))["budget_reconsider_until"])
	require.NoError(t, budget.Advance(StageBudgetReconsidered, d("2026-02-25"), ""))
	require.NoError(t, budget.Advance(StageCouncilTaxSet, d("2026-03-04"), ""))
	nd := Decision{Title: "x", Journey: JourneyPlanning, History: []StageEvent{{Stage: StagePlanningReceived, Date: d("2026-01-05")},
		{Stage: StagePlanningConsultation, Date: d("2026-01-10")}, {Stage: StagePlanningNonDetermination, Date: d("2026-04-01")}}}
	require.NoError(t, nd.Validate())
}

// TestWardsPopolo: wards are civic.Area values read from names, GSS
// codes or area objects, and written back in the same form.
func TestWardsPopolo(t *testing.T) {
	in := `{"title": "x", "wards_affected": ["Almondbury", "E05001396", {"id": "E05001397", "name": "Ashbrow"}], "history": []}`
	dec, err := ReadDecisionJSON(strings.NewReader(in), ReadOptions{File: "w.json"})
	require.NoError(t, err)
	assert.Equal(t, Wards{
		{Name: "Almondbury", Classification: "ward"},
		{ID: "E05001396", Classification: "ward"},
		{ID: "E05001397", Name: "Ashbrow", Classification: "ward"},
	}, dec.WardsAffected)
	b, err := json.Marshal(dec.WardsAffected)
	require.NoError(t, err)
	assert.JSONEq(t, `["Almondbury", "E05001396", {"id": "E05001397", "name": "Ashbrow", "classification": "ward"}]`, string(b))
	for _, bad := range []string{`[""]`, `[42]`, `[{"colour": "red"}]`, `[{}]`} {
		_, err := ReadDecisionJSON(strings.NewReader(`{"title": "x", "wards_affected": `+bad+`, "history": []}`), ReadOptions{File: "w.json"})
		var pe *civic.ParseError
		require.ErrorAs(t, err, &pe, bad)
		assert.Contains(t, pe.Field, "wards_affected[0]", bad)
	}
	k, _ := Profile("kirklees")
	org := k.Organization()
	assert.Equal(t, civic.Organization{ID: "kirklees", Name: "Kirklees Council", Classification: "council", AreaID: "E08000034"}, org)
}

// TestReadCouncilJSON: a profile file sets the constitution; errors name
// the field and line.
func TestReadCouncilJSON(t *testing.T) {
	c, err := ReadCouncilJSON(strings.NewReader("\ufeff"+`{"id": "x", "name": "X Council", "nation": "wales", "governance": "mayor-cabinet",
 "call_in": {"days": 10}, "call_in_from": "meeting", "closures": ["2026-12-29"]}`), ReadOptions{File: "c.json"})
	require.NoError(t, err)
	assert.Equal(t, 10, c.CallInDays())
	assert.Equal(t, 3, c.AgendaDays())
	assert.Equal(t, GovernanceMayorCabinet, c.Governance)
	for in, want := range map[string]string{
		`{"id": "x", "name": "X",` + "\n" + `"agenda": {"days": 5, "count": "working"}}`: "c.json:2:",
		`{"id": "x", "name": "X", "agenda": {"days": -1}}`:                               "agenda.days",
		`{"id": "x", "name": "X", "governance": "monarchy"}`:                             "unknown governance",
		`{"id": "x", "name": "X", "call_in_from": "lunch"}`:                              "unknown call-in start",
		`{"id": "x", "name": "X", "closures": ["2026-02-30"]}`:                           "no such date",
		`{"id": "x"}`:   "name: missing",
		`[]`:            "want a council profile object",
		"\xff\xfe{\x00": "UTF-16",
	} {
		_, err := ReadCouncilJSON(strings.NewReader(in), ReadOptions{File: "c.json"})
		var pe *civic.ParseError
		require.ErrorAs(t, err, &pe, in)
		assert.Contains(t, err.Error(), want, in)
	}
}

// TestCSVReaderRows: an Excel row of empty cells is skipped; a weekday
// that is not the date's is refused; 30/02/2026 is "no such date".
func TestCSVReaderRows(t *testing.T) {
	const head = "Title,Decision maker,Meeting date\n"
	ds, err := ReadDecisionsCSV(strings.NewReader(head+"A,Cabinet,10/03/2026\n,,\n , ,\nB,Cabinet,Tuesday 10 March 2026\n"), CSVOptions{File: "d.csv"})
	require.NoError(t, err)
	assert.Len(t, ds, 2)
	_, err = ReadDecisionsCSV(strings.NewReader(head+"A,Cabinet,Wednesday 10 March 2026\n"), CSVOptions{File: "d.csv"})
	assert.ErrorContains(t, err, "10 March 2026 is a Tuesday, not a Wednesday")
	_, err = ReadDecisionsCSV(strings.NewReader(head+"A,Cabinet,30/02/2026\n"), CSVOptions{File: "d.csv"})
	assert.ErrorContains(t, err, "no such date")
	_, err = ReadDecisionsCSV(strings.NewReader("\ufeff"+head+"A,Cabinet,10/03/2026\n"), CSVOptions{File: "d.csv"})
	assert.NoError(t, err, "a byte-order mark is accepted")
	_, err = ReadDecisionsCSV(strings.NewReader(head+"Caf\xe9,Cabinet,10/03/2026\n"), CSVOptions{File: "d.csv"})
	assert.ErrorContains(t, err, "Latin-1")
	_, err = ReadDecisionsCSV(strings.NewReader(head+strings.Repeat("A,Cabinet,10/03/2026\n", 100)), CSVOptions{File: "d.csv", MaxBytes: 200})
	assert.ErrorContains(t, err, "larger than the limit")
}

// TestWalesHasNoEnglishStages: a Welsh decision cannot pass through the
// key-decision notice stages of SI 2012/2089, and its summary does not
// show them even when marked key.
func TestWalesHasNoEnglishStages(t *testing.T) {
	x := Decision{Title: "x", Council: "wales", History: []StageEvent{{Stage: StageProposal, Date: d("2026-01-05")}, {Stage: StageNoticePublished, Date: d("2026-01-06")}}}
	err := x.Validate()
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "history[1].stage", fe.Field)
	y := Decision{Title: "x", Council: "wales", KeyDecision: true, DecisionMakerKind: DecisionMakerCabinet, MeetingDate: d("2026-03-10"), History: []StageEvent{{Stage: StageProposal, Date: d("2026-01-05")}}}
	require.NoError(t, y.Validate())
	c := y.CouncilFor()
	for _, st := range y.Explain(&c).Steps {
		assert.False(t, englandOnly[st.Stage], st.Stage)
	}
	assert.NotContains(t, deadlineMap(y.Deadlines(&c)), "key_decision_notice_by")
}

// TestNextWales: a Welsh key decision goes to the agenda, not to a
// key-decision notice that Wales does not have.
func TestNextWales(t *testing.T) {
	dec := Decision{Title: "x", Council: "wales", KeyDecision: true, History: []StageEvent{{Stage: StageProposal, Date: d("2026-01-05")}}}
	for _, st := range dec.Next() {
		assert.False(t, englandOnly[st.ID], st.ID)
	}
}

// TestCSVLateLatin1: a Latin-1 byte after the first 4 KiB, which the
// input policy's first look does not see, is still named.
func TestCSVLateLatin1(t *testing.T) {
	in := "Title,Decision maker,Meeting date\n" + strings.Repeat("A,Cabinet,10/03/2026\n", 300) + "Caf\xe9,Cabinet,10/03/2026\n"
	_, err := ReadDecisionsCSV(strings.NewReader(in), CSVOptions{File: "d.csv"})
	var pe *civic.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, 302, pe.Line)
	assert.Contains(t, err.Error(), "Latin-1")
}
