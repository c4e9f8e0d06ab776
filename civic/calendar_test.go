package civic

import (
	"bufio"
	"encoding/json"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func d(s string) CalendarDate {
	v, err := ParseCalendarDate(s)
	if err != nil {
		panic(err)
	}
	return v
}

func dates(hs []CalendarHoliday) []string {
	out := make([]string, len(hs))
	for i, h := range hs {
		out[i] = h.Date.String()
	}
	return out
}

// TestBankHolidaysGOVUK checks every year 2018-2025 against the list GOV.UK
// publishes (testdata/calendar/govuk-england-and-wales-2018-2025.json,
// from https://www.gov.uk/bank-holidays.json), dates and titles.
func TestBankHolidaysGOVUK(t *testing.T) {
	data, err := os.ReadFile("testdata/calendar/govuk-england-and-wales-2018-2025.json")
	require.NoError(t, err)
	var gov struct {
		Events []struct {
			Title string `json:"title"`
			Date  string `json:"date"`
			Notes string `json:"notes"`
		} `json:"events"`
	}
	require.NoError(t, json.Unmarshal(data, &gov))
	byYear := map[int][]string{}
	titles := map[string]string{}
	subs := map[string]bool{}
	for _, e := range gov.Events {
		y := d(e.Date).Year
		byYear[y] = append(byYear[y], e.Date)
		titles[e.Date] = e.Title
		subs[e.Date] = e.Notes == "Substitute day"
	}
	for y := 2018; y <= 2025; y++ {
		t.Run(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC).Format("2006"), func(t *testing.T) {
			got := BankHolidays(y)
			want := append([]string(nil), byYear[y]...)
			// GOV.UK lists 2022's Boxing Day before the Christmas substitute:
			// compare sorted.
			sortStrings(want)
			assert.Equal(t, want, dates(got))
			for _, h := range got {
				assert.Equal(t, titles[h.Date.String()], h.Title, h.Date.String())
				assert.Equal(t, subs[h.Date.String()], h.Substitute, "substitute %s", h.Date)
				assert.True(t, IsBankHoliday(h.Date), h.Date.String())
			}
		})
	}
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// TestBankHolidaysPythonHolidays checks 2018-2030 against the independent
// python-holidays package (testdata/calendar/gen_reference.py), for the
// years with no one-off change, which that version predates. It lists
// weekend holidays as well as their substitutes; those are dropped.
func TestBankHolidaysPythonHolidays(t *testing.T) {
	f, err := os.Open("testdata/calendar/python-holidays-england-2018-2030.txt")
	require.NoError(t, err)
	defer f.Close()
	want := map[int][]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || line == "" {
			continue
		}
		day := d(line[:10])
		if day.IsWeekend() {
			continue
		}
		want[day.Year] = append(want[day.Year], day.String())
	}
	require.NoError(t, sc.Err())
	changed := map[int]bool{}
	for _, c := range calendarChanges {
		changed[c.Year] = true
	}
	n := 0
	for y := 2018; y <= 2030; y++ {
		if changed[y] {
			continue
		}
		n++
		assert.Equal(t, want[y], dates(BankHolidays(y)), "year %d", y)
	}
	assert.Equal(t, 10, n, "years compared: 2018, 2019, 2021, 2024-2030")
}

// TestEasterSunday compares the computus with dateutil.easter for
// 1900-2100 (testdata/calendar/easter-1900-2100.txt).
func TestEasterSunday(t *testing.T) {
	f, err := os.Open("testdata/calendar/easter-1900-2100.txt")
	require.NoError(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		want := d(sc.Text())
		assert.Equal(t, want, EasterSunday(want.Year))
		assert.Equal(t, time.Sunday, want.Weekday())
		n++
	}
	assert.Equal(t, 201, n)
}

// TestCalendarChangesHistoric checks the one-off changes before 2018
// against the proclamations as GOV.UK and the London Gazette record them.
func TestCalendarChangesHistoric(t *testing.T) {
	cases := []struct {
		date string
		want bool
	}{
		{"2012-05-28", false}, // spring holiday moved for the Diamond Jubilee
		{"2012-06-04", true},
		{"2012-06-05", true},
		{"2011-04-29", true}, // royal wedding
		{"1999-12-31", true}, // millennium
		{"1995-05-01", false},
		{"1995-05-08", true},
		{"2002-06-03", true},
		{"2002-06-04", true},
		{"2002-05-27", false},
	}
	for _, c := range cases {
		t.Run(c.date, func(t *testing.T) { assert.Equal(t, c.want, IsBankHoliday(d(c.date))) })
	}
	// Outside the cached table the rules still apply.
	assert.True(t, IsBankHoliday(d("2300-12-25")))
	assert.False(t, IsBankHoliday(d("2300-12-24")))
}

func TestCalendarDate(t *testing.T) {
	for _, s := range []string{"2026-02-29", "2023-13-01", "2023-00-10", "2023-1-01", "20230101", "2023-01-32", "abcd-ef-gh", ""} {
		_, err := ParseCalendarDate(s)
		var de *CalendarDateError
		assert.ErrorAs(t, err, &de, s)
	}
	leap, err := ParseCalendarDate("2024-02-29")
	require.NoError(t, err)
	assert.Equal(t, "2024-02-29", leap.String())
	assert.Equal(t, time.Thursday, leap.Weekday())
	assert.Equal(t, d("2024-03-01"), leap.AddDays(1))
	assert.Equal(t, d("2023-12-31"), d("2024-01-01").AddDays(-1))
	assert.Equal(t, 366, d("2024-01-01").DaysUntil(d("2025-01-01")))
	assert.Equal(t, d("2026-05-01"), NewCalendarDate(2026, time.April, 31))
	assert.Equal(t, "", CalendarDate{}.String())

	var x struct {
		D CalendarDate `json:"d,omitzero"`
	}
	b, err := json.Marshal(x)
	require.NoError(t, err)
	assert.Equal(t, `{}`, string(b))
	require.NoError(t, json.Unmarshal([]byte(`{"d":"2026-03-10"}`), &x))
	assert.Equal(t, d("2026-03-10"), x.D)
	assert.Error(t, json.Unmarshal([]byte(`{"d":"10/03/2026"}`), &x))
}

// TestCalendarDateDaysProperty checks the day arithmetic against the
// time package over random days from year 1 to 9999.
func TestCalendarDateDaysProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	base := time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)
	for range 20000 {
		n := rng.IntN(3652059) - 719162 // 0001-01-01 .. 9999-12-31
		tm := base.AddDate(0, 0, n)
		got := calendarDateFromDays(n)
		require.Equal(t, CalendarDateOf(tm), got, "day %d", n)
		require.Equal(t, n, got.days())
		require.Equal(t, tm.Weekday(), got.Weekday())
		s := got.String()
		back, err := ParseCalendarDate(s)
		require.NoError(t, err, s)
		require.Equal(t, got, back)
	}
}

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
	closed := Council{Closures: []CalendarDate{d("2026-12-29"), d("2026-12-30")}}
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
	for _, prof := range CouncilProfileNames() {
		c, _ := CouncilProfile(prof)
		c.ClearDays = ClearDaysWorking
		for range 500 {
			meeting := start.AddDays(rng.IntN(span))
			published := meeting.AddDays(rng.IntN(5))
			dl := c.MeetingDeadlines(meeting, published)
			for name, pair := range map[string]struct {
				date CalendarDate
				n    int
			}{
				"agenda":  {dl.AgendaPublishBy, c.AgendaDays()},
				"key":     {dl.KeyDecisionNoticeBy, c.KeyNoticeDays()},
				"general": {dl.GeneralExceptionNoticeBy, c.GeneralExceptionDays()},
			} {
				require.True(t, c.IsWorkingDay(pair.date), "%s %s deadline %s not a working day", prof, name, pair.date)
				require.GreaterOrEqual(t, c.ClearDaysBetween(pair.date, meeting), pair.n, "%s %s %s", prof, name, meeting)
				later := c.AddWorkingDays(pair.date, 1)
				require.Less(t, c.ClearDaysBetween(later, meeting), pair.n, "%s %s not latest for %s", prof, name, meeting)
			}
			require.True(t, c.IsWorkingDay(dl.CallInEnds))
			require.Equal(t, c.CallInDays()-1, c.WorkingDaysBetween(published, dl.CallInEnds))
		}
	}
}

// TestCalendarDayProperties checks calendar counting: exactly n clear days.
func TestCalendarDayProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	var c Council
	for range 2000 {
		e := d("2018-01-01").AddDays(rng.IntN(4800))
		n := rng.IntN(40)
		p := c.ClearDaysBefore(e, n)
		require.Equal(t, n, c.ClearDaysBetween(p, e))
		require.Equal(t, n+1, p.DaysUntil(e))
	}
}

func TestCouncilProfiles(t *testing.T) {
	assert.Equal(t, []string{"england", "kirklees", "wales"}, CouncilProfileNames())
	k, err := CouncilProfile("Kirklees")
	require.NoError(t, err)
	// Kirklees: £500,000 or significant effect in two or more wards.
	assert.True(t, k.IsKeyDecision(500000, 0))
	assert.False(t, k.IsKeyDecision(499999, 1))
	assert.True(t, k.IsKeyDecision(0, 2))
	w, _ := CouncilProfile("wales")
	assert.Equal(t, 3, w.AgendaDays())
	var zero Council
	assert.Equal(t, 5, zero.AgendaDays())
	assert.Equal(t, 28, zero.KeyNoticeDays())
	assert.Equal(t, ClearDaysCalendar, zero.Counting())
	_, err = CouncilProfile("atlantis")
	var pe *CouncilProfileError
	require.ErrorAs(t, err, &pe)
	assert.Contains(t, err.Error(), "kirklees")
}
