// Package journey models the journey a council decision takes, from
// proposal to monitoring, so content and widgets can say "we are here,
// this is next, this is how to have your say".
//
// The stages ([Stages]) form a directed acyclic graph ([Graph], on
// github.com/dominikbraun/graph): proposal, consultation, a notice (28
// clear days, general exception or special urgency), scrutiny, agenda,
// decision, publication, call-in and its outcomes, in effect and
// monitoring, with planning-application and budget side journeys. Each
// [Stage] has a stable kebab-case [StageID], a citizen-facing title and
// description, how to have your say, and its statutory basis. A [Council]
// profile ([Profile]) sets the clear days, call-in period and key-decision
// test; its dates are counted with [github.com/civickit/civickit/civic/calendar].
// A [Decision] keeps its stage history, rejects illegal moves, and
// explains itself:
//
//	dec, err := journey.ReadDecisionJSON(f, journey.ReadOptions{File: "decision.json"})
//	if err != nil {
//		return err // a *civic.ParseError naming file, line and field
//	}
//	c := dec.CouncilFor()    // or journey.Profile("kirklees")
//	now, _ := dec.Current()  // where it is now
//	next := dec.Next()       // what may come next
//	dls := dec.Deadlines(&c) // notice by, agenda by, call-in ends, in effect from
//	s := dec.Explain(&c)     // GOV.UK step-by-step shape
//	err = s.WriteHTML(w)     // or s.WriteText(w), s.WriteJSON(w)
//
// Naming follows the civickit scheme: readers are ReadX(r, XOptions)
// ([ReadDecisionJSON], [ReadDecisionsJSON] with [ReadOptions];
// [ReadDecisionsCSV] with [CSVOptions]) and pass internal/input's policy
// (a size cap, a UTF-8 byte-order mark accepted, UTF-16 and Latin-1 named
// in the error, unknown JSON fields reported with their path and line);
// writers are methods WriteText, WriteJSON and WriteHTML. HTML is
// rendered with html/template and links pass [SafeURL] (http, https,
// mailto, tel and relative URLs only); text output escapes terminal
// control sequences from the input.
//
// For a meeting alone, [Council.MeetingDeadlines] gives the agenda,
// key-decision and general-exception deadlines and the end of call-in.
package journey
