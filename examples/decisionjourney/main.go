// Decisionjourney records a cabinet decision stage by stage and explains it
// to a citizen: where it is now, what comes next, by when, and how to have
// a say — the text a council page or widget would show.
package main

import (
	"fmt"
	"io"
	"log"
	"os"

	"github.com/civickit/civickit/civic/calendar"
	"github.com/civickit/civickit/civic/journey"
)

func main() {
	if err := run(os.Stdout); err != nil {
		log.Fatal(err)
	}
}

// run records the decision and writes its explanation to w.
func run(w io.Writer) error {
	var bad error
	day := func(s string) calendar.Date {
		d, err := calendar.ParseDate(s)
		if err != nil && bad == nil {
			bad = err
		}
		return d
	}
	dec := &journey.Decision{
		Title:       "Resurfacing Station Road",
		Summary:     "The cabinet will decide whether to resurface Station Road this summer.",
		KeyDecision: true,
	}
	for _, step := range []struct {
		stage  journey.StageID
		date   string
		source string
	}{
		{journey.StageProposal, "2026-01-05", "Highways capital programme"},
		{journey.StageNoticePublished, "2026-01-12", "Forward Plan"},
		{journey.StageAgendaPublished, "2026-02-09", "Cabinet agenda"},
	} {
		if err := dec.Advance(step.stage, day(step.date), step.source); err != nil {
			return err
		}
	}
	// An illegal jump is refused with both stages named.
	if err := dec.Advance(journey.StageInEffect, day("2026-02-20"), ""); err != nil {
		fmt.Fprintln(w, "refused:", err)
	}

	c, err := journey.Profile("kirklees")
	if err != nil {
		return err
	}
	meeting := day("2026-02-17")
	if bad != nil {
		return bad
	}
	dl := c.MeetingDeadlines(meeting, calendar.Date{})
	fmt.Fprintln(w, "agenda must be published by", dl.AgendaPublishBy)
	fmt.Fprintln(w)
	s := dec.Explain(&c)
	return s.WriteText(w)
}
