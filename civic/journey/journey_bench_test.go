package journey

import (
	"bytes"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/civickit/civickit/civic/calendar"
)

func BenchmarkBankHolidays(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		calendar.BankHolidays(2018 + i%13)
	}
}

func BenchmarkIsBankHoliday(b *testing.B) {
	day := d("2026-12-28")
	b.ReportAllocs()
	for b.Loop() {
		calendar.IsBankHoliday(day)
	}
}

func BenchmarkMeetingDeadlines(b *testing.B) {
	for _, counting := range []ClearDayCounting{ClearDaysCalendar, ClearDaysWorking} {
		b.Run(string(counting), func(b *testing.B) {
			c := Council{ClearDays: counting}
			m, p := d("2026-04-07"), d("2026-04-08")
			b.ReportAllocs()
			for b.Loop() {
				c.MeetingDeadlines(m, p)
			}
		})
	}
}

func BenchmarkAddWorkingDays(b *testing.B) {
	var c Council
	from := d("2026-12-20")
	b.ReportAllocs()
	for b.Loop() {
		c.AddWorkingDays(from, 20)
	}
}

func BenchmarkExplain(b *testing.B) {
	dec := loadDecision(b, "library-decision.json")
	c := dec.CouncilFor()
	b.ReportAllocs()
	for b.Loop() {
		dec.Explain(&c)
	}
}

func BenchmarkRender(b *testing.B) {
	dec := loadDecision(b, "library-decision.json")
	c := dec.CouncilFor()
	s := dec.Explain(&c)
	for name, f := range map[string]func(io.Writer) error{"text": s.WriteText, "json": s.WriteJSON, "html": s.WriteHTML} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := f(io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkReadDecisionJSON(b *testing.B) {
	data, err := os.ReadFile("testdata/library-decision.json")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadDecisionJSON(bytes.NewReader(data), ReadOptions{File: "x"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadDecisionsCSV reads a 1,000-row export, about a council's
// decisions over several years.
func BenchmarkReadDecisionsCSV(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("Reference,Title,Decision maker,Meeting date,Published,Effective from,Key decision,Subject to call-in,Wards affected\n")
	for i := range 1000 {
		sb.WriteString("REF-" + itoaTest(i) + ",Decision number " + itoaTest(i) + ",Cabinet,10/03/2026,12/03/2026,20/03/2026,Yes,Yes,Northtown; Market Hill\n")
	}
	data := sb.String()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		ds, err := ReadDecisionsCSV(strings.NewReader(data), CSVOptions{File: "x.csv"})
		if err != nil || len(ds) != 1000 {
			b.Fatal(err, len(ds))
		}
	}
}

func BenchmarkStageGraph(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Graph(); err != nil {
			b.Fatal(err)
		}
	}
}

func itoaTest(i int) string {
	if i == 0 {
		return "0"
	}
	var buf [20]byte
	n := len(buf)
	for i > 0 {
		n--
		buf[n] = byte('0' + i%10)
		i /= 10
	}
	return string(buf[n:])
}

func BenchmarkCheck(b *testing.B) {
	dec := loadDecision(b, "millbrook-library-hours.json")
	c := dec.CouncilFor()
	asOf := calendar.NewDate(2025, 4, 1)
	b.ReportAllocs()
	for b.Loop() {
		dec.Check(&c, asOf)
	}
}

func BenchmarkReadCouncilJSON(b *testing.B) {
	data := []byte(`{"id": "millbrook", "name": "Millbrook Council", "agenda": {"days": 5, "counting": "calendar"}, "call_in": {"days": 3}, "call_in_from": "meeting", "closures": ["2026-12-29", "2026-12-30"]}`)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadCouncilJSON(bytes.NewReader(data), ReadOptions{File: "x"}); err != nil {
			b.Fatal(err)
		}
	}
}
