package calendar

import (
	"bufio"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func d(s string) Date {
	v, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return v
}

func dates(hs []Holiday) []string {
	out := make([]string, len(hs))
	for i, h := range hs {
		out[i] = h.Date.String()
	}
	return out
}

// TestBankHolidaysGOVUK checks every year 2018-2025 against the list GOV.UK
// publishes (testdata/govuk-england-and-wales-2018-2025.json,
// from https://www.gov.uk/bank-holidays.json), dates and titles.
func TestBankHolidaysGOVUK(t *testing.T) {
	data, err := os.ReadFile("testdata/govuk-england-and-wales-2018-2025.json")
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
// python-holidays package (testdata/gen_reference.py), for the
// years with no one-off change, which that version predates. It lists
// weekend holidays as well as their substitutes; those are dropped.
func TestBankHolidaysPythonHolidays(t *testing.T) {
	f, err := os.Open("testdata/python-holidays-england-2018-2030.txt")
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
// 1900-2100 (testdata/easter-1900-2100.txt).
func TestEasterSunday(t *testing.T) {
	f, err := os.Open("testdata/easter-1900-2100.txt")
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
	assert.True(t, IsBankHoliday(NewDate(2300, time.December, 25)))
	assert.False(t, IsBankHoliday(NewDate(2300, time.December, 24)))
}

func TestCalendarDate(t *testing.T) {
	for _, s := range []string{"2026-02-29", "2023-13-01", "2023-00-10", "2023-1-01", "20230101", "2023-01-32", "abcd-ef-gh", ""} {
		_, err := ParseDate(s)
		var de *DateError
		assert.ErrorAs(t, err, &de, s)
	}
	leap, err := ParseDate("2024-02-29")
	require.NoError(t, err)
	assert.Equal(t, "2024-02-29", leap.String())
	assert.Equal(t, time.Thursday, leap.Weekday())
	assert.Equal(t, d("2024-03-01"), leap.AddDays(1))
	assert.Equal(t, d("2023-12-31"), d("2024-01-01").AddDays(-1))
	assert.Equal(t, 366, d("2024-01-01").DaysUntil(d("2025-01-01")))
	assert.Equal(t, d("2026-05-01"), NewDate(2026, time.April, 31))
	assert.Equal(t, "", Date{}.String())

	var x struct {
		D Date `json:"d,omitzero"`
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
		require.Equal(t, DateOf(tm), got, "day %d", n)
		require.Equal(t, n, got.days())
		require.Equal(t, tm.Weekday(), got.Weekday())
		s := got.String()
		back, err := ParseDate(s)
		if got.Year < MinYear || got.Year > MaxYear {
			require.Error(t, err, s)
			continue
		}
		require.NoError(t, err, s)
		require.Equal(t, got, back)
	}
}

func TestParseLooseDate(t *testing.T) {
	for in, want := range map[string]string{
		"2026-03-10":            "2026-03-10",
		"10/03/2026":            "2026-03-10",
		"1/3/2026":              "2026-03-01",
		"10.03.2026":            "2026-03-10",
		"10-03-2026":            "2026-03-10",
		"10 March 2026":         "2026-03-10",
		"10 Mar 2026":           "2026-03-10",
		"Tuesday 10 March 2026": "2026-03-10",
		"10th March, 2026":      "2026-03-10",
		"3 Sept 2026":           "2026-09-03",
	} {
		got, err := ParseLooseDate(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got.String(), in)
	}
	for _, in := range []string{"", "soon", "31/02/2026", "10/03/26", "March 10 2026", "10 Ma 2026", "1/2/3/4", "Wednesday 10 March 2026", "10/03/0026"} {
		_, err := ParseLooseDate(in)
		var de *DateError
		assert.True(t, errors.As(err, &de), in)
	}
}

// TestDateYearRange: years outside 1900-2200 are refused by every parser
// with a message that says so, where they used to wrap (0001-01-01 less
// five days printed as 0000-12-26) or run on to 9999.
func TestDateYearRange(t *testing.T) {
	for _, s := range []string{"0001-01-01", "1899-12-31", "2201-01-01", "9999-12-31"} {
		_, err := ParseDate(s)
		require.Error(t, err, s)
		assert.Contains(t, err.Error(), "is outside 1900-2200", s)
	}
	for _, s := range []string{"1900-01-01", "2200-12-31"} {
		_, err := ParseDate(s)
		assert.NoError(t, err, s)
	}
	_, err := ParseLooseDate("31/12/9999")
	assert.ErrorContains(t, err, "is outside 1900-2200")
}

// TestLooseDateWeekday: a weekday written before a date must be that
// date's; "no such date" names a day that does not exist.
func TestLooseDateWeekday(t *testing.T) {
	_, err := ParseLooseDate("Wednesday 10 March 2026")
	assert.ErrorContains(t, err, "10 March 2026 is a Tuesday, not a Wednesday")
	got, err := ParseLooseDate("Tue 10 March 2026")
	require.NoError(t, err)
	assert.Equal(t, "2026-03-10", got.String())
	_, err = ParseLooseDate("30/02/2026")
	assert.ErrorContains(t, err, "no such date")
}

// TestDateLong: GOV.UK style, "2 March 2026" (style guide, "Dates").
func TestDateLong(t *testing.T) {
	assert.Equal(t, "2 March 2026", d("2026-03-02").Long())
	assert.Equal(t, "31 December 2025", d("2025-12-31").Long())
	assert.Equal(t, "", Date{}.Long())
}
