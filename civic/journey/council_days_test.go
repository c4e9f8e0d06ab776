package journey

import (
	"math/rand/v2"
	"testing"

	"github.com/civickit/civickit/civic/calendar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestClearDays works clear-day and working-day deadlines across Easter,
// Christmas and year ends. Expected dates are counted by hand on the
// GOV.UK calendar: clear days exclude the day of publication and the day
// of the meeting.
func TestClearDays(t *testing.T) {
	cases := []struct {
		name     string
		counting ClearDayCounting
		event    string
		n        int
		want     string
	}{
		// 5 clear days before Wed 11 Mar 2026: 10, 9, 8, 7, 6 March; publish 5 March.
		{"calendar plain", ClearDaysCalendar, "2026-03-11", 5, "2026-03-05"},
		{"calendar across year end", ClearDaysCalendar, "2026-01-02", 5, "2025-12-27"},
		{"calendar 28 days", ClearDaysCalendar, "2026-03-10", 28, "2026-02-09"},
		// Working: meeting Tue 7 Apr 2026, after Good Friday 3 and Easter
		// Monday 6 Apr. Clear working days 2 Apr, 1 Apr, 31, 30, 27 Mar;
		// publish Thu 26 Mar.
		{"working across Easter", ClearDaysWorking, "2026-04-07", 5, "2026-03-26"},
		// Meeting Tue 5 Jan 2027: clear working days 4 Jan, 31, 30, 29 Dec,
		// then 24 Dec (27 and 28 Dec are substitute days, 25-26 and 1-3 Jan
		// are holidays or weekend); publish Wed 23 Dec 2026.
		{"working across Christmas and year end", ClearDaysWorking, "2027-01-05", 5, "2026-12-23"},
		// Meeting Mon 13 Jan 2025: clear days Fri 10 .. Mon 6 Jan; publish
		// Fri 3 Jan.
		{"working plain", ClearDaysWorking, "2025-01-13", 5, "2025-01-03"},
		// Wales, 3 clear working days before Thu 4 Jan 2024: 3, 2 Jan and
		// Fri 29 Dec (1 Jan, 25, 26 Dec holidays); publish Thu 28 Dec.
		{"working 3 days Wales", ClearDaysWorking, "2024-01-04", 3, "2023-12-28"},
		// A meeting on a Monday with zero clear days: publish the working
		// day before, Friday.
		{"working zero", ClearDaysWorking, "2026-03-09", 0, "2026-03-06"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			co := Council{ClearDays: c.counting}
			got := co.ClearDaysBefore(d(c.event), c.n)
			assert.Equal(t, c.want, got.String())
			assert.Equal(t, c.n, co.ClearDaysBetween(got, d(c.event)))
		})
	}
}

// TestAddWorkingDays checks call-in ends across holidays; counted by hand.
func TestAddWorkingDays(t *testing.T) {
	var c Council
	cases := []struct {
		from string
		n    int
		want string
	}{
		{"2025-12-19", 5, "2025-12-30"}, // Fri: 22, 23, 24, 29, 30 (25, 26 Dec holidays)
		{"2026-04-01", 5, "2026-04-10"}, // Wed: 2, 7, 8, 9, 10 (3 and 6 Apr Easter)
		{"2026-12-23", 3, "2026-12-30"}, // Wed: 24, 29, 30 (25 Dec, 28 Dec substitute)
		{"2027-12-24", 1, "2027-12-29"}, // Fri: 27, 28 substitute days
		{"2026-03-12", 5, "2026-03-19"},
		{"2026-03-19", -5, "2026-03-12"},
		{"2026-03-19", 0, "2026-03-19"},
	}
	for _, cs := range cases {
		t.Run(cs.from, func(t *testing.T) {
			got := c.AddWorkingDays(d(cs.from), cs.n)
			assert.Equal(t, cs.want, got.String())
			if cs.n > 0 {
				assert.Equal(t, cs.n-1, c.WorkingDaysBetween(d(cs.from), got))
				assert.True(t, c.IsWorkingDay(got))
			}
		})
	}
	closed := Council{Closures: []calendar.Date{d("2026-12-29"), d("2026-12-30")}}
	assert.Equal(t, "2026-12-31", closed.AddWorkingDays(d("2026-12-24"), 1).String())
}

// TestWorkingDayProperties checks, over random meetings 2018-2030, that
// under working-day counting no deadline falls on a weekend or holiday,
// that each deadline leaves at least the clear days required, and that it
// is the latest such working day.
func TestWorkingDayProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	start := d("2018-01-01")
	span := start.DaysUntil(d("2030-12-31"))
	for _, prof := range ProfileNames() {
		c, _ := Profile(prof)
		c.ClearDays = ClearDaysWorking
		for range 500 {
			meeting := start.AddDays(rng.IntN(span))
			published := meeting.AddDays(rng.IntN(5))
			dl := c.MeetingDeadlines(meeting, published)
			for name, pair := range map[string]struct {
				date calendar.Date
				n    int
			}{
				"agenda":  {dl.AgendaPublishBy, c.AgendaDays()},
				"key":     {dl.KeyDecisionNoticeBy, c.KeyNoticeDays()},
				"general": {dl.GeneralExceptionNoticeBy, c.GeneralExceptionDays()},
			} {
				if pair.n == 0 {
					require.True(t, pair.date.IsZero(), "%s %s: no period, no deadline", prof, name)
					continue
				}
				require.True(t, c.IsWorkingDay(pair.date), "%s %s deadline %s not a working day", prof, name, pair.date)
				require.GreaterOrEqual(t, c.ClearDaysBetween(pair.date, meeting), pair.n, "%s %s %s", prof, name, meeting)
				later := c.AddWorkingDays(pair.date, 1)
				require.Less(t, c.ClearDaysBetween(later, meeting), pair.n, "%s %s not latest for %s", prof, name, meeting)
			}
			if c.CallInDays() == 0 {
				require.True(t, dl.CallInEnds.IsZero(), "%s: no call-in", prof)
				continue
			}
			from := published
			if c.CallInFrom == CallInFromMeeting {
				from = meeting
			}
			require.True(t, c.IsWorkingDay(dl.CallInEnds))
			require.Equal(t, c.CallInDays()-1, c.WorkingDaysBetween(from, dl.CallInEnds))
		}
	}
}

// TestCalendarDayProperties checks calendar counting: exactly n clear days.
func TestCalendarDayProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	c := Council{ClearDays: ClearDaysCalendar}
	for range 2000 {
		e := d("2018-01-01").AddDays(rng.IntN(4800))
		n := rng.IntN(40)
		p := c.ClearDaysBefore(e, n)
		require.Equal(t, n, c.ClearDaysBetween(p, e))
		require.Equal(t, n+1, p.DaysUntil(e))
	}
}

func TestCouncilProfiles(t *testing.T) {
	assert.Equal(t, []string{"england", "england-committee", "england-mayor", "kirklees", "wales"}, ProfileNames())
	k, err := Profile("Kirklees")
	require.NoError(t, err)
	// Kirklees: "over £500,000" (exactly £500,000 is not key) or a
	// significant effect in two or more wards.
	assert.False(t, k.IsKeyDecision(500000, 0))
	assert.True(t, k.IsKeyDecision(500001, 0))
	assert.False(t, k.IsKeyDecision(499999, 1))
	assert.True(t, k.IsKeyDecision(0, 2))
	// The default test is "£500,000 or more".
	var e Council
	assert.True(t, e.IsKeyDecision(500000, 0))
	w, _ := Profile("wales")
	assert.Equal(t, 3, w.AgendaDays())
	var zero Council
	assert.Equal(t, 5, zero.AgendaDays())
	assert.Equal(t, 28, zero.KeyNoticeDays())
	// Elitestone: agendas count working days by default.
	assert.Equal(t, ClearDaysWorking, zero.Counting())
	assert.Equal(t, 0, w.KeyNoticeDays(), "no key-decision notice in Wales")
	_, err = Profile("atlantis")
	var pe *ProfileError
	require.ErrorAs(t, err, &pe)
	assert.Contains(t, err.Error(), "kirklees")
}

// d parses an ISO date for tests and panics on a typo in the test itself.
func d(s string) calendar.Date {
	v, err := calendar.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return v
}
