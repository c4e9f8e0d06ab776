// Package journey models the journey a council decision takes, from
// proposal to monitoring, so content and widgets can say "we are here,
// this is next, this is how to have your say", and checks a decision's
// dates against the law that applies to it.
//
// The stages ([Stages]) form a directed acyclic graph ([Graph], on
// github.com/dominikbraun/graph): proposal, consultation, a notice (28
// clear days, general exception or special urgency), scrutiny, agenda or
// an urgent item, deferral, decision, publication, call-in and a call-in
// lodged, referral back or to full council, in effect and monitoring,
// with planning-application (including appeals against non-determination)
// and budget (including the council's objection and the cabinet's
// reconsideration) side journeys. Each [Stage] has a stable kebab-case
// [StageID], a citizen-facing title and description, how to have your
// say, and its statutory basis. A [Council] profile ([Profile], or a file
// read by [ReadCouncilJSON]) sets the council's nation, form of
// governance, periods and key-decision test; its dates are counted with
// [github.com/civickit/civickit/civic/calendar]. A [Decision] keeps its
// stage history, rejects illegal moves, explains itself, and checks its
// dates:
//
//	dec, err := journey.ReadDecisionJSON(f, journey.ReadOptions{File: "decision.json"})
//	if err != nil {
//		return err // a *civic.ParseError naming file, line and field
//	}
//	c := dec.CouncilFor()          // or journey.Profile("kirklees")
//	now, _ := dec.Current()        // where it is now
//	next := dec.Next()             // what may come next
//	dls := dec.Deadlines(&c)       // notice by, agenda by, call-in ends, in effect from
//	chs := dec.Check(&c, today)    // met, or missed by how many days
//	s := dec.Explain(&c)           // GOV.UK step-by-step shape
//	err = s.WriteHTML(w)           // or s.WriteText(w), s.WriteJSON(w)
//
// For a meeting alone, [Council.MeetingDeadlines] gives the agenda,
// key-decision, general-exception and decision-record deadlines and the
// end of call-in; [Council.PrivateMeetingDeadlines] the notices of a
// private meeting.
//
// # Periods and their sources
//
// Each period is a length and a way of counting ([Period]); a profile may
// change both. The defaults ([PeriodRules]):
//
//	period                nation   days  counting  source
//	agenda                England  5     working   LGA 1972 s100B(3) (council, committees); SI 2012/2089 regs 6(2) and 7 (executive)
//	agenda                Wales    3     working   LGA 1972 s100B(3); SI 2001/2290 reg 5(3) (executive)
//	private_notice        England  28    calendar  SI 2012/2089 reg 5(2) and (3); reason: a paragraph of LGA 1972 Sch 12A
//	private_final_notice  England  5     working   SI 2012/2089 reg 5(4) and (5)
//	key_decision_notice   England  28    calendar  SI 2012/2089 reg 9(1)
//	general_exception     England  5     working   SI 2012/2089 reg 10(1)(c)
//	decision_record       both     2     working   "as soon as reasonably practicable": SI 2012/2089 regs 12-13,
//	                                               SI 2001/2290 regs 6-8, LGA 1972 s100C, SI 2014/2095 reg 7; 2 is the constitution's
//	call_in               England  5     working   LGA 2000 s9F(2)(a) and (4) give the power; the period is the constitution's
//	call_in               Wales    5     working   LGA 2000 s21(2)(a) and (3); the period is the constitution's
//
// Clear days leave out the day of publication and the day of the event.
// Counting the agenda's clear days as working days follows R v Swansea
// City Council ex p Elitestone Ltd (1993) 66 P & CR 422, where the Court
// of Appeal held a Thursday agenda short of three clear days for a
// Tuesday meeting: a meeting on Tuesday 7 April 2026 needs its agenda by
// 26 March, not 1 April. Contested defaults: the 28-day notices count
// calendar days, as most councils count them, though Elitestone's
// reasoning would exclude weekends and bank holidays; applying Elitestone
// to the general-exception and final private-meeting notices is the
// cautious reading, which some councils do not follow. A profile's
// ClearDays overrides every clear-day period at once.
//
// Wales has no key-decision, general-exception, special-urgency or
// private-meeting notice: SI 2001/2290 has no counterpart of regs 5 and 9
// to 11 of SI 2012/2089. A committee-system council (LGA 2000 s9B) has no
// key decisions and no call-in of executive decisions. Only executive
// decisions are recorded under regs 12 and 13 and can be called in;
// full council and committees keep minutes (LGA 1972 s100C), officers
// record delegated decisions under SI 2014/2095 reg 7. Referral to full
// council under s9F(4)(b) is not limited by the Act to budget and
// policy-framework cases. Call-in runs from publication unless the
// profile counts it from the meeting ([CallInFromMeeting], as Kirklees
// does); urgent decisions have none.
//
// # Naming
//
// Readers are ReadX(r, XOptions) ([ReadDecisionJSON], [ReadDecisionsJSON]
// and [ReadCouncilJSON] with [ReadOptions]; [ReadDecisionsCSV] with
// [CSVOptions]) and pass internal/input's policy (a size cap, a UTF-8
// byte-order mark accepted, UTF-16 and Latin-1 named in the error,
// unknown JSON fields reported with their path and line); writers are
// methods WriteText, WriteJSON and WriteHTML. HTML is rendered with
// html/template and links pass [SafeURL] (http, https, mailto, tel and
// relative URLs only); text output escapes terminal control sequences
// from the input; dates for citizens are in the GOV.UK style
// ("2 March 2026").
//
// # The js/wasm build
//
// Built for js/wasm (the journey widget's module), the package leaves
// out what a browser does not need and what would double the module: the
// JSON Schema check, html/template (WriteHTML returns an error),
// ReadCouncilJSON, Decision.WriteJSON and ReadDecisionsCSV (which return
// errors; the last leaves encoding/csv out), and encoding/json: ReadDecisionsJSON is a hand-written reader of the
// decision format and Summary.WriteJSON a hand-written writer. Apart
// from the schema check, they accept, refuse and read the same documents,
// with the same errors past the JSON syntax, and write the same bytes as
// the encoding/json reader and writer of other builds, which the
// package's differential tests and fuzz targets check natively.
package journey
