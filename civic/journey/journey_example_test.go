package journey_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/civickit/civickit/civic/calendar"
	"github.com/civickit/civickit/civic/journey"
)

// A council computes the statutory deadlines for a cabinet meeting, and
// the end of call-in once the decision is published.
func ExampleCouncil_MeetingDeadlines() {
	c, _ := journey.Profile("kirklees")
	meeting, _ := calendar.ParseDate("2026-03-10")
	published, _ := calendar.ParseDate("2026-03-12")
	dl := c.MeetingDeadlines(meeting, published)
	fmt.Println("agenda by:", dl.AgendaPublishBy)
	fmt.Println("key-decision notice by:", dl.KeyDecisionNoticeBy)
	fmt.Println("call-in ends:", dl.CallInEnds)

	// Clear days are working days (Elitestone): over Easter the agenda for
	// Tuesday 7 April 2026 is due on 26 March, not 1 April.
	easter, _ := calendar.ParseDate("2026-04-07")
	fmt.Println("agenda by (Easter):", c.MeetingDeadlines(easter, calendar.Date{}).AgendaPublishBy.Long())
	// Output:
	// agenda by: 2026-03-02
	// key-decision notice by: 2026-02-09
	// call-in ends: 2026-03-17
	// agenda by (Easter): 26 March 2026
}

// A decision is advanced stage by stage; an illegal jump is an error that
// names both stages.
func ExampleDecision_Advance() {
	dec := &journey.Decision{Title: "Resurfacing Station Road", KeyDecision: true}
	day := func(s string) calendar.Date { d, _ := calendar.ParseDate(s); return d }
	fmt.Println(dec.Advance(journey.StageProposal, day("2026-01-05"), ""))
	fmt.Println(dec.Advance(journey.StageNoticePublished, day("2026-01-12"), "forward plan"))
	fmt.Println(dec.Advance(journey.StageInEffect, day("2026-02-20"), ""))
	cur, _ := dec.Current()
	fmt.Println("now:", cur.Stage)
	for _, s := range dec.Next() {
		fmt.Println("next:", s.ID, "-", s.Title)
	}
	// Output:
	// <nil>
	// <nil>
	// journey: illegal transition from "notice-published" to "in-effect" (may follow: pre-decision-scrutiny, agenda-published, decided, withdrawn)
	// now: notice-published
	// next: pre-decision-scrutiny - Scrutiny before the decision
	// next: agenda-published - Agenda and report published
	// next: decided - Decision made
	// next: withdrawn - Withdrawn
}

// A decision read from JSON is explained to a citizen as numbered steps,
// in the shape of the GOV.UK step-by-step pattern.
func ExampleDecision_Explain() {
	f, err := os.Open("testdata/decided-decision.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	dec, err := journey.ReadDecisionJSON(f, journey.ReadOptions{File: "decided-decision.json"})
	if err != nil {
		fmt.Println(err)
		return
	}
	c := dec.CouncilFor()
	s := dec.Explain(&c)
	for _, st := range s.Steps {
		fmt.Printf("%d %-18s %s\n", st.Number, st.Status, st.Title)
	}
	for _, dl := range s.Deadlines {
		fmt.Println(dl.Date, dl.Label)
	}
	// Output:
	// 1 done               Proposal
	// 2 skipped            Consultation
	// 3 done               Decision made
	// 4 done               Decision published
	// 5 current            Call-in period
	// 6 upcoming           Decision in effect
	// 7 upcoming           Monitoring and review
	// 2025-12-17 Decision meeting
	// 2025-12-30 Call-in period ends
	// 2025-12-31 In effect from, if not called in
}

// Bad input is reported with the file, line and field.
func ExampleReadDecisionsCSV() {
	in := "Title,Decision maker,Meeting date,Published\n" +
		"Library move,Cabinet,10/03/2026,12/03/2026\n" +
		"Bus lane,Cabinet,2026-03-10,2026-03-09\n"
	_, err := journey.ReadDecisionsCSV(strings.NewReader(in), journey.CSVOptions{File: "decisions.csv"})
	fmt.Println(err)
	// Output:
	// decisions.csv:3:29: published: dates out of order: published 2026-03-09 is before the meeting date 2026-03-10
}

// The bank holidays of England and Wales come from rules and a table of
// one-off changes.
func ExampleBankHolidays() {
	for _, h := range calendar.BankHolidays(2022) {
		fmt.Println(h.Date, h.Title)
	}
	// Output:
	// 2022-01-03 New Year’s Day
	// 2022-04-15 Good Friday
	// 2022-04-18 Easter Monday
	// 2022-05-02 Early May bank holiday
	// 2022-06-02 Spring bank holiday
	// 2022-06-03 Platinum Jubilee bank holiday
	// 2022-08-29 Summer bank holiday
	// 2022-09-19 Bank Holiday for the State Funeral of Queen Elizabeth II
	// 2022-12-26 Boxing Day
	// 2022-12-27 Christmas Day
}

// A council checks the dates it published things against the deadlines:
// a key-decision notice two weeks late is missed by 14 days, not "done".
func ExampleDecision_Check() {
	day := func(s string) calendar.Date { d, _ := calendar.ParseDate(s); return d }
	dec := &journey.Decision{Title: "Bus station", DecisionMakerKind: journey.DecisionMakerCabinet, KeyDecision: true,
		MeetingDate: day("2026-03-10"), History: []journey.StageEvent{
			{Stage: journey.StageProposal, Date: day("2026-01-05")},
			{Stage: journey.StageNoticePublished, Date: day("2026-02-23")},
			{Stage: journey.StageAgendaPublished, Date: day("2026-03-02")},
		}}
	c, _ := journey.Profile("england")
	for _, ch := range dec.Check(&c, day("2026-03-06")) {
		fmt.Printf("%s: %s (due %s, %d days late)\n", ch.ID, ch.Status, ch.Due.Long(), ch.DaysLate)
	}
	fmt.Println("statutory deadline missed:", journey.Missed(dec.Check(&c, day("2026-03-06"))))
	// Output:
	// key_decision_notice_by: missed (due 9 February 2026, 14 days late)
	// agenda_publish_by: met (due 2 March 2026, 0 days late)
	// statutory deadline missed: true
}

// An officer sets the council's constitution in a profile file: here a
// 3-day call-in counted from the meeting and agendas in calendar days.
func ExampleReadCouncilJSON() {
	c, err := journey.ReadCouncilJSON(strings.NewReader(`{"id": "millbrook", "name": "Millbrook Council",
  "agenda": {"days": 5, "counting": "calendar"}, "call_in": {"days": 3}, "call_in_from": "meeting"}`),
		journey.ReadOptions{File: "millbrook.json"})
	if err != nil {
		fmt.Println(err)
		return
	}
	meeting, _ := calendar.ParseDate("2026-03-10")
	dl := c.MeetingDeadlines(meeting, calendar.Date{})
	fmt.Println("agenda by:", dl.AgendaPublishBy.Long())
	fmt.Println("call-in ends:", dl.CallInEnds.Long())
	// Output:
	// agenda by: 4 March 2026
	// call-in ends: 13 March 2026
}
