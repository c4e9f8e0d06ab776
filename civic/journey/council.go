package journey

import (
	"sort"
	"strings"

	"github.com/civickit/civickit/civic"
	"github.com/civickit/civickit/civic/calendar"
)

// Nation is the nation whose law governs a council's meetings.
type Nation string

// The nations with a profile. Scotland and Northern Ireland have their own
// law and calendars and are not modelled.
const (
	NationEngland Nation = "england"
	NationWales   Nation = "wales"
)

// ClearDayCounting says which days count towards a period of "clear days".
// Councils differ: some count every calendar day, some only working days.
type ClearDayCounting string

// The ways of counting clear days.
const (
	ClearDaysCalendar ClearDayCounting = "calendar" // every day counts
	ClearDaysWorking  ClearDayCounting = "working"  // weekends and bank holidays do not count
)

// ParseClearDayCounting reads "calendar" or "working".
func ParseClearDayCounting(s string) (ClearDayCounting, bool) {
	switch ClearDayCounting(s) {
	case ClearDaysCalendar, ClearDaysWorking:
		return ClearDayCounting(s), true
	}
	return "", false
}

// Council is a council's profile: the parts of its constitution and
// calendar that set a decision's deadlines. The zero value is the England
// default: calendar clear days, 5 clear days for agendas and general
// exception, 28 for key-decision notices, a 5 working-day call-in and a
// key-decision threshold of £500,000 or two wards.
type Council struct {
	ID     string `json:"id"`                                                    // stable lower-case profile name such as kirklees
	Name   string `json:"name"`                                                  // the council's name for citizens
	Nation Nation `json:"nation,omitempty" jsonschema:"enum=england,enum=wales"` // default england
	// ClearDays is how clear days are counted; "" means calendar.
	ClearDays ClearDayCounting `json:"clear_days,omitempty" jsonschema:"enum=calendar,enum=working"` // default calendar
	// AgendaClearDays is the clear days between agenda publication and a
	// meeting; 0 means the nation's default (5 in England, 3 in Wales).
	AgendaClearDays int `json:"agenda_clear_days,omitempty" jsonschema:"minimum=0"`
	// KeyDecisionNoticeClearDays is the notice of a key decision, 0 means 28.
	KeyDecisionNoticeClearDays int `json:"key_decision_notice_clear_days,omitempty" jsonschema:"minimum=0"`
	// GeneralExceptionClearDays is the notice under general exception,
	// 0 means 5.
	GeneralExceptionClearDays int `json:"general_exception_clear_days,omitempty" jsonschema:"minimum=0"`
	// CallInWorkingDays is the call-in period after publication of an
	// executive decision, 0 means 5.
	CallInWorkingDays int `json:"call_in_working_days,omitempty" jsonschema:"minimum=0"`
	// KeyDecisionThresholdGBP is the spending or saving, in pounds, that
	// makes a decision key; 0 means £500,000.
	KeyDecisionThresholdGBP int64 `json:"key_decision_threshold_gbp,omitempty" jsonschema:"minimum=0"`
	// KeyDecisionWards is the number of wards significantly affected that
	// makes a decision key; 0 means 2.
	KeyDecisionWards int `json:"key_decision_wards,omitempty" jsonschema:"minimum=0"`
	// Area is the council's own area as a Popolo area: ID its ONS GSS
	// code (E08000034 for Kirklees), Classification such as
	// "metropolitan district".
	Area civic.Area `json:"area,omitzero"`
	// Wards are the council's wards, as Popolo areas with GSS codes where
	// known. A decision that affects "All Wards" affects all of these.
	Wards []civic.Area `json:"wards,omitempty"`
	// Closures are the council's own non-working days on top of bank
	// holidays, such as a closure between Christmas and New Year.
	Closures []calendar.Date `json:"closures,omitempty"` // extra non-working days as YYYY-MM-DD
}

// Organization returns the council as a Popolo organisation
// ([civic.Organization]) with classification "council" and its area.
func (c *Council) Organization() civic.Organization {
	return civic.Organization{ID: c.ID, Name: c.Name, Classification: "council", AreaID: c.Area.ID}
}

// The built-in profiles, by ID.
var councilProfiles = map[string]Council{
	"england": {ID: "england", Name: "England (default)", Nation: NationEngland},
	"wales":   {ID: "wales", Name: "Wales (default)", Nation: NationWales, AgendaClearDays: 3},
	// Kirklees Council: a key decision is one of £500,000 or more, or
	// with a significant effect in two or more wards. The call-in period
	// is the 5 working-day default; check it against the current
	// constitution before relying on it.
	"kirklees": {ID: "kirklees", Name: "Kirklees Council", Nation: NationEngland,
		KeyDecisionThresholdGBP: 500000, KeyDecisionWards: 2, CallInWorkingDays: 5},
}

// Profile returns a copy of the built-in profile with the given
// name (case-insensitive): "england" (the default, also for ""), "wales"
// or "kirklees".
func Profile(name string) (Council, error) {
	if name == "" {
		name = "england"
	}
	c, ok := councilProfiles[strings.ToLower(name)]
	if !ok {
		return Council{}, &ProfileError{Name: name, Known: ProfileNames()}
	}
	return c, nil
}

// ProfileNames lists the built-in profiles in name order.
func ProfileNames() []string {
	ns := make([]string, 0, len(councilProfiles))
	for n := range councilProfiles {
		ns = append(ns, n)
	}
	sort.Strings(ns)
	return ns
}

// ProfileError reports an unknown profile name.
type ProfileError struct {
	Name  string   `json:"name"`
	Known []string `json:"known"`
}

// Error returns "civic: unknown council profile ...".
func (e *ProfileError) Error() string {
	return "civic: unknown council profile \"" + e.Name + "\" (known: " + strings.Join(e.Known, ", ") + ")"
}

func orDefault(v, def int) int {
	if v <= 0 {
		return def
	}
	return v
}

// AgendaDays returns the clear days of agenda notice in force.
func (c *Council) AgendaDays() int {
	if c.Nation == NationWales {
		return orDefault(c.AgendaClearDays, 3)
	}
	return orDefault(c.AgendaClearDays, 5)
}

// KeyNoticeDays returns the clear days of key-decision notice in force.
func (c *Council) KeyNoticeDays() int { return orDefault(c.KeyDecisionNoticeClearDays, 28) }

// GeneralExceptionDays returns the clear days of general-exception notice
// in force.
func (c *Council) GeneralExceptionDays() int { return orDefault(c.GeneralExceptionClearDays, 5) }

// CallInDays returns the call-in period in working days in force.
func (c *Council) CallInDays() int { return orDefault(c.CallInWorkingDays, 5) }

// Counting returns the clear-day counting in force.
func (c *Council) Counting() ClearDayCounting {
	if c.ClearDays == ClearDaysWorking {
		return ClearDaysWorking
	}
	return ClearDaysCalendar
}

// IsKeyDecision applies the council's key-decision test: spending or
// saving of at least the threshold, or a significant effect in at least
// the threshold number of wards.
func (c *Council) IsKeyDecision(valueGBP int64, wardsAffected int) bool {
	th := c.KeyDecisionThresholdGBP
	if th <= 0 {
		th = 500000
	}
	return valueGBP >= th || wardsAffected >= c.keyWards()
}

func (c *Council) keyWards() int { return orDefault(c.KeyDecisionWards, 2) }

// Calendar returns the council's working-day calendar: weekends, England
// and Wales bank holidays and the council's closures are not working days.
func (c *Council) Calendar() calendar.Calendar {
	return calendar.Calendar{Closures: c.Closures}
}

// IsWorkingDay reports whether d is a working day for the council: not a
// weekend, a bank holiday in England and Wales, or one of its closures.
func (c *Council) IsWorkingDay(d calendar.Date) bool { return c.Calendar().IsWorkingDay(d) }

// AddWorkingDays returns the n-th working day after d (before d when
// n < 0); d itself never counts. AddWorkingDays(d, 0) is d.
func (c *Council) AddWorkingDays(d calendar.Date, n int) calendar.Date {
	return c.Calendar().AddWorkingDays(d, n)
}

// WorkingDaysBetween counts the working days strictly between a and b
// (0 when b is not after a).
func (c *Council) WorkingDaysBetween(a, b calendar.Date) int {
	return c.Calendar().WorkingDaysBetween(a, b)
}

// ClearDaysBetween counts the clear days between a and b under the
// council's counting: days strictly after a and strictly before b.
func (c *Council) ClearDaysBetween(a, b calendar.Date) int {
	if c.Counting() == ClearDaysWorking {
		return c.WorkingDaysBetween(a, b)
	}
	if n := a.DaysUntil(b) - 1; n > 0 {
		return n
	}
	return 0
}

// ClearDaysBefore returns the latest date on which something must be
// published to give n clear days before event: the day of publication and
// the day of the event do not count. Under working-day counting only
// working days count and the date returned is itself a working day, as
// the council must publish on one.
func (c *Council) ClearDaysBefore(event calendar.Date, n int) calendar.Date {
	if c.Counting() == ClearDaysCalendar {
		return event.AddDays(-(n + 1))
	}
	// The n-th working day before the event is the first clear day; the
	// publication is on a working day before that.
	first := c.AddWorkingDays(event, -n)
	return c.AddWorkingDays(first, -1)
}
