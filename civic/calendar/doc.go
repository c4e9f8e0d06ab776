// Package calendar gives the calendar dates council decisions are counted
// in: a [Date] without time zone, the bank holidays of England and Wales
// from their rules plus the [BankHolidayChanges] table (checked against
// GOV.UK's list for 2018-2025 and python-holidays for 2018-2030), and a
// [Calendar] that counts working days around weekends, bank holidays and a
// council's own closure days.
//
//	d, err := calendar.ParseDate("2026-04-07")
//	if err != nil {
//		return err // a *calendar.DateError quoting the text
//	}
//	var c calendar.Calendar
//	end := c.AddWorkingDays(d, 5) // skips Easter Monday and weekends
//
// The package imports nothing from civickit and compiles for
// GOOS=js GOARCH=wasm.
package calendar
