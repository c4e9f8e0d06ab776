package journey

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/civickit/civickit/civic/calendar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

func loadDecision(t testing.TB, name string) *Decision {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	require.NoError(t, err)
	defer f.Close()
	dec, err := ReadDecisionJSON(f, ReadOptions{File: name})
	require.NoError(t, err)
	return dec
}

// TestJourneyGolden renders each sample decision in the three formats and
// compares with testdata/golden (rewrite with go test -update).
func TestJourneyGolden(t *testing.T) {
	for _, name := range []string{"library-decision", "decided-decision", "planning-application", "budget", "millbrook-library-hours"} {
		dec := loadDecision(t, name+".json")
		c := dec.CouncilFor()
		s := dec.Explain(&c)
		for ext, render := range map[string]func(*bytes.Buffer) error{
			"txt":  func(b *bytes.Buffer) error { return s.WriteText(b) },
			"json": func(b *bytes.Buffer) error { return s.WriteJSON(b) },
			"html": func(b *bytes.Buffer) error { return s.WriteHTML(b) },
		} {
			t.Run(name+"."+ext, func(t *testing.T) {
				var b bytes.Buffer
				require.NoError(t, render(&b))
				path := filepath.Join("testdata/golden", name+"."+ext)
				if *update {
					require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
					require.NoError(t, os.WriteFile(path, b.Bytes(), 0o644))
				}
				want, err := os.ReadFile(path)
				require.NoError(t, err, "run go test -update")
				assert.Equal(t, string(want), b.String())
			})
		}
	}
}

func TestExplainLibrary(t *testing.T) {
	dec := loadDecision(t, "library-decision.json")
	c := dec.CouncilFor()
	s := dec.Explain(&c)
	assert.Equal(t, StageAgendaPublished, s.Current)
	assert.Equal(t, []StageID{StageDeferred, StageDecided, StageWithdrawn}, s.Next)
	status := map[StageID]StepStatus{}
	for _, st := range s.Steps {
		status[st.Stage] = st.Status
	}
	assert.Equal(t, map[StageID]StepStatus{
		StageProposal: StepDone, StageConsultation: StepDone, StageNoticePublished: StepDone,
		StageGeneralException: StepSkipped, StageSpecialUrgency: StepSkipped, StagePreDecisionScrutiny: StepDone,
		StageAgendaPublished: StepCurrent, StageDecided: StepUpcoming, StageDecisionPublished: StepUpcoming,
		StageCallIn: StepUpcoming, StageInEffect: StepUpcoming, StageMonitoring: StepUpcoming,
	}, status)
	// One current step; "or" alternatives share the number of the step before.
	cur := 0
	for i, st := range s.Steps {
		if st.Status == StepCurrent {
			cur++
		}
		if st.Logic != "" {
			assert.Equal(t, s.Steps[i-1].Number, st.Number)
		}
	}
	assert.Equal(t, 1, cur)
	assert.Equal(t, "or", s.Steps[3].Logic)
	assert.Equal(t, "and", s.Steps[5].Logic)
}

func TestExplainWithdrawnAndEmpty(t *testing.T) {
	dec := &Decision{Title: "Closing a road", KeyDecision: true}
	var c Council
	s := dec.Explain(&c)
	assert.Empty(t, s.Current)
	assert.Equal(t, []StageID{StageProposal}, s.Next)
	for _, st := range s.Steps {
		assert.Equal(t, StepUpcoming, st.Status)
	}
	require.NoError(t, dec.Advance(StageProposal, d("2026-01-05"), ""))
	require.NoError(t, dec.Advance(StageWithdrawn, d("2026-02-05"), ""))
	s = dec.Explain(&c)
	assert.Equal(t, StageWithdrawn, s.Current)
	assert.Empty(t, s.Next)
	last := s.Steps[len(s.Steps)-1]
	assert.Equal(t, StageWithdrawn, last.Stage)
	assert.Equal(t, StepCurrent, last.Status)
	assert.Equal(t, StepNotReached, s.Steps[1].Status)
	var b bytes.Buffer
	require.NoError(t, s.WriteText(&b))
	assert.Contains(t, b.String(), "the journey has ended")
}

func TestNext(t *testing.T) {
	cases := []struct {
		name   string
		dec    Decision
		want   []StageID
		source string
	}{
		{"key decision needs notice", Decision{KeyDecision: true, History: []StageEvent{{Stage: StageProposal, Date: d("2026-01-01")}}},
			[]StageID{StageConsultation, StageNoticePublished, StageGeneralException, StageSpecialUrgency, StageWithdrawn}, ""},
		{"non-key goes to the agenda", Decision{History: []StageEvent{{Stage: StageProposal, Date: d("2026-01-01")}}},
			[]StageID{StageConsultation, StagePreDecisionScrutiny, StageAgendaPublished, StageUrgentItem, StageDecided, StageWithdrawn}, ""},
		{"full council: no call-in even if marked", Decision{SubjectToCallIn: true, DecisionMakerKind: DecisionMakerFullCouncil,
			History: []StageEvent{{Stage: StageDecisionPublished, Date: d("2026-01-01")}}}, []StageID{StageInEffect}, ""},
		{"urgent: no call-in", Decision{SubjectToCallIn: true, Urgent: true, DecisionMakerKind: DecisionMakerCabinet,
			History: []StageEvent{{Stage: StageDecisionPublished, Date: d("2026-01-01")}}}, []StageID{StageInEffect}, ""},
		{"call-in lodged", Decision{SubjectToCallIn: true, History: []StageEvent{{Stage: StageCallIn, Date: d("2026-01-01")}}},
			[]StageID{StageCallInLodged, StageInEffect}, ""},
		{"call-in applies", Decision{SubjectToCallIn: true, History: []StageEvent{{Stage: StageDecisionPublished, Date: d("2026-01-01")}}},
			[]StageID{StageCallIn}, ""},
		{"no call-in", Decision{History: []StageEvent{{Stage: StageDecisionPublished, Date: d("2026-01-01")}}},
			[]StageID{StageInEffect}, ""},
		{"planning starts", Decision{Journey: JourneyPlanning}, []StageID{StagePlanningReceived}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []StageID
			for _, s := range c.dec.Next() {
				got = append(got, s.ID)
			}
			assert.Equal(t, c.want, got)
		})
	}
}

// TestDecisionDeadlines: expected dates counted by hand on the GOV.UK
// calendar (see TestClearDays for the method).
func TestDecisionDeadlines(t *testing.T) {
	get := func(dls []Deadline) map[string]string {
		m := map[string]string{}
		for _, dl := range dls {
			m[dl.ID] = dl.Date.String()
		}
		return m
	}
	var england Council
	working := Council{ClearDays: ClearDaysWorking}
	cases := []struct {
		name string
		dec  Decision
		c    *Council
		want map[string]string
	}{
		{"library, calendar days", *loadDecision(t, "library-decision.json"), &england, map[string]string{
			// Tue 10 Mar 2026 - 29 days = 9 Feb (28 clear calendar days);
			// agenda 5 clear working days 9, 6, 5, 4, 3 March: publish Mon 2
			// March (Elitestone); record 2 working days after: Thu 12 March.
			"key_decision_notice_by": "2026-02-09", "agenda_publish_by": "2026-03-02", "meeting": "2026-03-10", "decision_record_by": "2026-03-12"}},
		{"published, call-in over Christmas", *loadDecision(t, "decided-decision.json"), &england, map[string]string{
			// Cabinet member: no agenda. Published Fri 19 Dec 2025; 5 working
			// days 22, 23, 24, 29, 30 Dec; in effect the next working day.
			"meeting": "2025-12-17", "call_in_ends": "2025-12-30", "in_effect_from": "2025-12-31"}},
		{"general exception, working days", Decision{Title: "x", KeyDecision: true, MeetingDate: d("2026-04-07"),
			History: []StageEvent{{Stage: StageProposal, Date: d("2026-03-01")}, {Stage: StageGeneralException, Date: d("2026-03-20")}}}, &working, map[string]string{
			// 5 clear working days before Tue 7 Apr 2026 (Easter): 26 Mar.
			"key_decision_notice_by": "2026-02-23", "general_exception_notice_by": "2026-03-26", "agenda_publish_by": "2026-03-26", "meeting": "2026-04-07",
			// Record by the second working day after: Wed 8, Thu 9 April.
			"decision_record_by": "2026-04-09"}},
		{"not subject to call-in", Decision{Title: "x", DecisionMakerKind: DecisionMakerOfficer,
			History: []StageEvent{{Stage: StageDecided, Date: d("2026-05-01")}, {Stage: StageDecisionPublished, Date: d("2026-05-05")}}}, &england, map[string]string{
			"meeting": "2026-05-01", "in_effect_from": "2026-05-05"}},
		{"planning major", Decision{Title: "x", Journey: JourneyPlanning, MajorDevelopment: true,
			History: []StageEvent{{Stage: StagePlanningReceived, Date: d("2026-04-01")}}}, &england, map[string]string{
			// 13 weeks beginning 2 Apr: last day 1 Jul (SI 2015/595 art 34).
			"determine_by": "2026-07-01"}},
		{"budget from history", Decision{Title: "x", Journey: JourneyBudget,
			History: []StageEvent{{Stage: StageBudgetProposals, Date: d("2025-11-20")}}}, &england, map[string]string{
			// Before 11 March 2026 for 2026/27 (LGFA 1992 s30(6)).
			"council_tax_set_by": "2026-03-10"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dls := c.dec.Deadlines(c.c)
			assert.Equal(t, c.want, get(dls))
			for i := 1; i < len(dls); i++ {
				assert.False(t, dls[i].Date.Before(dls[i-1].Date), "sorted")
			}
		})
	}
}

func TestValidate(t *testing.T) {
	ok := func() Decision {
		return Decision{Title: "t", History: []StageEvent{{Stage: StageProposal, Date: d("2026-01-01")}, {Stage: StageDecided, Date: d("2026-02-01")}}}
	}
	cases := []struct {
		name  string
		edit  func(*Decision)
		field string
		msg   string
	}{
		{"no title", func(x *Decision) { x.Title = " " }, "title", "missing"},
		{"journey", func(x *Decision) { x.Journey = "parade" }, "journey", "unknown journey"},
		{"maker", func(x *Decision) { x.DecisionMakerKind = "king" }, "decision_maker_kind", "unknown kind"},
		{"council", func(x *Decision) { x.Council = "atlantis" }, "council", "unknown profile"},
		{"value", func(x *Decision) { x.ValueGBP = -1 }, "value_gbp", "negative"},
		{"stage", func(x *Decision) { x.History[1].Stage = "voted" }, "history[1].stage", `unknown stage "voted"`},
		{"wrong journey", func(x *Decision) { x.History[1].Stage = StagePlanningAppeal }, "history[1].stage", "planning journey"},
		{"illegal", func(x *Decision) { x.History[1].Stage = StageMonitoring }, "history[1].stage", `illegal transition from "proposal" to "monitoring"`},
		{"order", func(x *Decision) { x.History[1].Date = d("2025-12-31") }, "history[1].date", "dates out of order"},
		{"no date", func(x *Decision) { x.History[0].Date = calendar.Date{} }, "history[0].date", "missing"},
	}
	good := ok()
	require.NoError(t, good.Validate())
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			x := ok()
			c.edit(&x)
			err := x.Validate()
			var fe *FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, c.field, fe.Field)
			assert.Contains(t, fe.Msg, c.msg)
			assert.True(t, strings.HasPrefix(err.Error(), "journey: "))
		})
	}
}

func TestClassifyDecisionMaker(t *testing.T) {
	for in, want := range map[string]DecisionMakerKind{
		"Cabinet":                          DecisionMakerCabinet,
		"Cabinet Member for Highways":      DecisionMakerCabinetMember,
		"Council":                          DecisionMakerFullCouncil,
		"Full Council":                     DecisionMakerFullCouncil,
		"Strategic Director - Growth":      DecisionMakerOfficer,
		"Strategic Planning Committee":     DecisionMakerCommittee,
		"Health and Wellbeing Board":       DecisionMakerCommittee,
		"Someone":                          "",
		"Executive Member for Environment": DecisionMakerCabinetMember,
		// Issue 10: officers with "executive" in the title are officers,
		// and the leader and an elected mayor are their own kinds.
		"Chief Executive":                         DecisionMakerOfficer,
		"Executive Director - Place":              DecisionMakerOfficer,
		"Executive Director of Adults and Health": DecisionMakerOfficer,
		"Leader of the Council":                   DecisionMakerLeader,
		"Leader":                                  DecisionMakerLeader,
		"Council Leader":                          DecisionMakerLeader,
		"Mayor":                                   DecisionMakerMayor,
		"Executive Mayor":                         DecisionMakerMayor,
		"Mayor of Bedford":                        DecisionMakerMayor,
		"Mayor and Cabinet":                       DecisionMakerCabinet,
		"Executive":                               DecisionMakerCabinet,
		"Executive Board":                         DecisionMakerCabinet,
		"Cabinet Member - Adult Social Care":      DecisionMakerCabinetMember,
		"Portfolio Holder for Finance":            DecisionMakerCabinetMember,
		"Deputy Leader":                           DecisionMakerCabinetMember,
		"Lead Member for Children's Services":     DecisionMakerCabinetMember,
		"Lord Mayor":                              "",
		"Civic Mayor":                             "",
		"County Council":                          DecisionMakerFullCouncil,
		"Annual Council":                          DecisionMakerFullCouncil,
		"Licensing Sub-Committee":                 DecisionMakerCommittee,
		"Planning Sub-Committee (Huddersfield)":   DecisionMakerCommittee,
		"Service Director - Legal, Governance and Commissioning": DecisionMakerOfficer,
		"Head of Highways":                DecisionMakerOfficer,
		"Corporate Director of Resources": DecisionMakerOfficer,
		"Assistant Director (Housing)":    DecisionMakerOfficer,
		"Director of Public Health":       DecisionMakerOfficer,
		"Chief Finance Officer":           DecisionMakerOfficer,
	} {
		assert.Equal(t, want, ClassifyDecisionMaker(in), in)
	}
}

func TestExplainPartialHistory(t *testing.T) {
	dec := &Decision{Title: "Bus shelters", DecisionMakerKind: DecisionMakerCabinet, SubjectToCallIn: true,
		History: []StageEvent{{Stage: StageDecided, Date: d("2026-03-10")}, {Stage: StageDecisionPublished, Date: d("2026-03-12")}}}
	var c Council
	s := dec.Explain(&c)
	got := map[StageID]StepStatus{}
	for _, st := range s.Steps {
		got[st.Stage] = st.Status
	}
	assert.Equal(t, map[StageID]StepStatus{
		StageProposal: StepNotRecorded, StageConsultation: StepNotRecorded, StageAgendaPublished: StepNotRecorded,
		StageDecided: StepDone, StageDecisionPublished: StepCurrent, StageCallIn: StepUpcoming,
		StageInEffect: StepUpcoming, StageMonitoring: StepUpcoming,
	}, got)
	// Call-in from Thu 12 Mar 2026: 13, 16, 17, 18, 19 March.
	assert.Equal(t, d("2026-03-19"), s.Steps[5].Due)
}

func TestMeetsKeyDecisionTest(t *testing.T) {
	k, _ := Profile("kirklees")
	lib := loadDecision(t, "library-decision.json")
	// £1.2 million and two wards: key on both counts (Kirklees: £500,000
	// or two or more wards).
	assert.True(t, lib.MeetsKeyDecisionTest(&k))
	small := &Decision{Title: "x", ValueGBP: 20000, WardsAffected: Wards{{Name: "Northtown"}}}
	assert.False(t, small.MeetsKeyDecisionTest(&k))
}

// TestMillbrookMatchesNotice checks the sample decision against the sample
// council's decision notice (internal/sample/content/decision-notice.html):
// decided and published on Tue 11 March 2025, "the call-in period has
// expired at 5pm on Tuesday 18 March 2025".
func TestMillbrookMatchesNotice(t *testing.T) {
	dec := loadDecision(t, "millbrook-library-hours.json")
	c := dec.CouncilFor()
	got := map[string]string{}
	for _, dl := range dec.Deadlines(&c) {
		got[dl.ID] = dl.Date.String()
	}
	assert.Equal(t, "2025-03-18", got["call_in_ends"])
	// The Forward Plan of 7 February met the 28 clear days (by 10 February).
	assert.Equal(t, "2025-02-10", got["key_decision_notice_by"])
	assert.True(t, dec.MeetsKeyDecisionTest(&c), "two wards")
}
