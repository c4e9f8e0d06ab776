package journey

import (
	"bytes"
	"errors"
	"html"
	"os"
	"strings"
	"testing"

	"github.com/civickit/civickit/civic"
	"github.com/civickit/civickit/civic/calendar"
)

// FuzzReadDecisionsJSON: any input gives decisions that validate and
// render, or a *civic.ParseError; never a panic.
func FuzzReadDecisionsJSON(f *testing.F) {
	for _, name := range []string{"library-decision.json", "decided-decision.json", "planning-application.json", "budget.json"} {
		b, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Add(`[{"title":"x","history":[{"stage":"proposal","date":"2026-01-01"}]}]`)
	f.Add(`{"title":"x","history":[{"stage":"proposal","date":"2026-01-01"},{"stage":"voted","date":"2026-01-02"}]}`)
	f.Add(`{"title":1}`)
	f.Add(`[[[[`)
	f.Fuzz(func(t *testing.T, in string) {
		ds, err := ReadDecisionsJSON(strings.NewReader(in), ReadOptions{File: "f.json"})
		if err != nil {
			var pe *civic.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %T is not a *civic.ParseError: %v", err, err)
			}
			if pe.File != "f.json" {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		for _, d := range ds {
			if err := d.Validate(); err != nil {
				t.Fatalf("read decision does not validate: %v", err)
			}
			c := d.CouncilFor()
			s := d.Explain(&c)
			var b bytes.Buffer
			if err := s.WriteText(&b); err != nil {
				t.Fatal(err)
			}
			if err := s.WriteHTML(&b); err != nil {
				t.Fatal(err)
			}
			// Every link in the HTML is an allowed URL.
			for _, m := range hrefRE.FindAllStringSubmatch(b.String(), -1) {
				if _, ok := SafeURL(html.UnescapeString(m[1])); !ok {
					t.Fatalf("href %q is not an allowed URL", m[1])
				}
			}
			d.Check(&c, calendar.Date{})
			if err := s.WriteJSON(&b); err != nil {
				t.Fatal(err)
			}
			b.Reset()
			if err := d.WriteJSON(&b); err != nil {
				t.Fatal(err)
			}
			if _, err := ReadDecisionJSON(&b, ReadOptions{File: "again"}); err != nil {
				t.Fatalf("written decision does not read back: %v\n%s", err, b.String())
			}
		}
	})
}

// FuzzReadDecisionsCSV: any input gives valid decisions or a *civic.ParseError.
func FuzzReadDecisionsCSV(f *testing.F) {
	b, err := os.ReadFile("testdata/decisions.csv")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(b))
	f.Add("Title,Decision maker,Meeting date\nx,Cabinet,2026-01-01\n")
	f.Add("Title,Decision maker,Meeting date,Published\nx,Cabinet,2026-01-02,2026-01-01\n")
	f.Add("\"")
	f.Fuzz(func(t *testing.T, in string) {
		ds, err := ReadDecisionsCSV(strings.NewReader(in), CSVOptions{File: "f.csv"})
		if err != nil {
			var pe *civic.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %T is not a *civic.ParseError: %v", err, err)
			}
			return
		}
		for _, d := range ds {
			if err := d.Validate(); err != nil {
				t.Fatalf("read decision does not validate: %v", err)
			}
			c := d.CouncilFor()
			d.Deadlines(&c)
		}
	})
}

// FuzzParseDates: the date parsers accept only real dates, which print
// back as they were read.
func FuzzParseDates(f *testing.F) {
	for _, s := range []string{"2026-03-10", "10/03/2026", "29 Feb 2024", "0000-01-01", "9999-12-31", "Monday 1 June 2026"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d, err := calendar.ParseDate(s); err == nil {
			if d.String() != s {
				t.Fatalf("%q read as %v", s, d)
			}
			if calendar.NewDate(d.Year, d.Month, d.Day) != d {
				t.Fatalf("%q is not a real date", s)
			}
		}
		if d, err := calendar.ParseLooseDate(s); err == nil {
			if calendar.NewDate(d.Year, d.Month, d.Day) != d {
				t.Fatalf("%q gave %v, not a real date", s, d)
			}
		}
	})
}

// FuzzReadCouncilJSON: any input gives a profile whose deadlines can be
// computed, or a *civic.ParseError naming the file.
func FuzzReadCouncilJSON(f *testing.F) {
	f.Add(`{"id": "x", "name": "X", "agenda": {"days": 5, "counting": "calendar"}, "call_in_from": "meeting"}`)
	f.Add(`{"id": "x", "name": "X", "nation": "wales", "wards": [{"id": "W05000001", "name": "A"}], "closures": ["2026-12-29"]}`)
	f.Add(`{"id": "x", "name": "X", "governance": "committee-system", "key_decision_threshold_gbp": 1}`)
	f.Add(`{"agenda": {"dayz": 1}}`)
	f.Fuzz(func(t *testing.T, in string) {
		c, err := ReadCouncilJSON(strings.NewReader(in), ReadOptions{File: "c.json"})
		if err != nil {
			var pe *civic.ParseError
			if !errors.As(err, &pe) || pe.File != "c.json" {
				t.Fatalf("error %T does not name the file: %v", err, err)
			}
			return
		}
		meeting := calendar.NewDate(2026, 3, 10)
		dl := c.MeetingDeadlines(meeting, meeting.AddDays(1))
		if !dl.AgendaPublishBy.Before(meeting) {
			t.Fatalf("agenda deadline %s not before the meeting", dl.AgendaPublishBy)
		}
	})
}
