package calendar_test

import (
	"fmt"
	"time"

	"github.com/civickit/civickit/civic/calendar"
)

// Five clear working days before a Tuesday meeting after Easter: the
// bank holidays and the weekend do not count.
func ExampleCalendar_AddWorkingDays() {
	var c calendar.Calendar
	meeting := calendar.NewDate(2026, time.April, 14)
	fmt.Println(c.AddWorkingDays(meeting, -6).Long())
	fmt.Println(calendar.IsBankHoliday(calendar.NewDate(2026, time.April, 6)))
	// Output:
	// 2 April 2026
	// true
}

// The bank holidays of a year in England and Wales, as GOV.UK lists them.
func ExampleBankHolidays() {
	for _, h := range calendar.BankHolidays(2026)[:3] {
		fmt.Println(h.Date, h.Title)
	}
	// Output:
	// 2026-01-01 New Year’s Day
	// 2026-04-03 Good Friday
	// 2026-04-06 Easter Monday
}

// ParseDate reads ISO dates only and names what is wrong.
func ExampleParseDate() {
	d, err := calendar.ParseDate("2026-12-01")
	fmt.Println(d.Long(), d.Weekday(), err)
	_, err = calendar.ParseDate("31/12/2026")
	fmt.Println(err != nil)
	// Output:
	// 1 December 2026 Tuesday <nil>
	// true
}
