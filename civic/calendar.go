package civic

import (
	"sort"
	"strconv"
	"sync"
	"time"
)

// CalendarDate is a day in the civil calendar, with no time of day or zone.
// Its zero value means "no date"; JSON and text forms are ISO 8601
// (YYYY-MM-DD), and the zero value encodes as the empty string.
type CalendarDate struct {
	Year  int        `json:"year,omitempty"`  // the year, e.g. 2026
	Month time.Month `json:"month,omitempty"` // January = 1
	Day   int        `json:"day,omitempty"`   // day of the month, 1-based
}

// NewCalendarDate returns the date y-m-d, normalising out-of-range months
// and days the way [time.Date] does (31 April is 1 May).
func NewCalendarDate(y int, m time.Month, d int) CalendarDate {
	return calendarDateFromDays(daysFromCivil(y, m, d))
}

// CalendarDateOf returns the date of t in t's location.
func CalendarDateOf(t time.Time) CalendarDate {
	y, m, d := t.Date()
	return CalendarDate{y, m, d}
}

// ParseCalendarDate reads an ISO 8601 date (YYYY-MM-DD). It rejects dates
// that do not exist, such as 2023-02-29.
func ParseCalendarDate(s string) (CalendarDate, error) {
	bad := func(msg string) (CalendarDate, error) {
		return CalendarDate{}, &CalendarDateError{Text: s, Msg: msg}
	}
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return bad("want YYYY-MM-DD")
	}
	y, ok1 := atoiDigits(s[0:4])
	m, ok2 := atoiDigits(s[5:7])
	d, ok3 := atoiDigits(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return bad("want YYYY-MM-DD")
	}
	return checkedDate(s, y, m, d)
}

// checkedDate returns y-m-d or an error if there is no such day.
func checkedDate(text string, y, m, d int) (CalendarDate, error) {
	if y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, time.Month(m)) {
		return CalendarDate{}, &CalendarDateError{Text: text, Msg: "no such date"}
	}
	return CalendarDate{y, time.Month(m), d}, nil
}

// CalendarDateError reports text that is not a valid date.
type CalendarDateError struct {
	Text string `json:"text"` // the text as given
	Msg  string `json:"msg"`  // what is wrong with it
}

// Error returns "civic: bad date "text": msg".
func (e *CalendarDateError) Error() string {
	return "civic: bad date " + strconv.Quote(e.Text) + ": " + e.Msg
}

func atoiDigits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, len(s) > 0
}

func daysInMonth(y int, m time.Month) int {
	switch m {
	case time.April, time.June, time.September, time.November:
		return 30
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	}
	return 31
}

// IsZero reports whether d is the zero date (no date).
func (d CalendarDate) IsZero() bool { return d == CalendarDate{} }

// String returns d as YYYY-MM-DD, or "" for the zero date.
func (d CalendarDate) String() string {
	if d.IsZero() {
		return ""
	}
	b := make([]byte, 0, 10)
	return string(d.appendISO(b))
}

func (d CalendarDate) appendISO(b []byte) []byte {
	y := d.Year
	if y < 0 {
		b = append(b, '-')
		y = -y
	}
	b = append(b, byte('0'+y/1000%10), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-')
	b = append(b, byte('0'+int(d.Month)/10), byte('0'+int(d.Month)%10), '-')
	return append(b, byte('0'+d.Day/10), byte('0'+d.Day%10))
}

// MarshalText encodes d as YYYY-MM-DD (empty for the zero date).
func (d CalendarDate) MarshalText() ([]byte, error) {
	if d.IsZero() {
		return []byte{}, nil
	}
	return d.appendISO(make([]byte, 0, 10)), nil
}

// UnmarshalText decodes YYYY-MM-DD; the empty string gives the zero date.
func (d *CalendarDate) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = CalendarDate{}
		return nil
	}
	v, err := ParseCalendarDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Time returns midnight UTC at the start of d.
func (d CalendarDate) Time() time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
}

// Weekday returns the day of the week of d.
func (d CalendarDate) Weekday() time.Weekday {
	// 1970-01-01 (day 0) was a Thursday.
	w := (d.days() + 4) % 7
	if w < 0 {
		w += 7
	}
	return time.Weekday(w)
}

// AddDays returns the date n days after d (before it when n < 0).
func (d CalendarDate) AddDays(n int) CalendarDate {
	return calendarDateFromDays(d.days() + n)
}

// DaysUntil returns the number of days from d to e (negative when e is
// earlier).
func (d CalendarDate) DaysUntil(e CalendarDate) int { return e.days() - d.days() }

// Before reports whether d is earlier than e.
func (d CalendarDate) Before(e CalendarDate) bool { return d.days() < e.days() }

// After reports whether d is later than e.
func (d CalendarDate) After(e CalendarDate) bool { return d.days() > e.days() }

// IsWeekend reports whether d is a Saturday or Sunday.
func (d CalendarDate) IsWeekend() bool {
	w := d.Weekday()
	return w == time.Saturday || w == time.Sunday
}

// days returns the number of days since 1970-01-01.
func (d CalendarDate) days() int { return daysFromCivil(d.Year, d.Month, d.Day) }

// daysFromCivil counts days since 1970-01-01 in the proleptic Gregorian
// calendar, using 400-year eras that start on 1 March so that the leap
// day falls at the end of each year.
func daysFromCivil(y int, m time.Month, d int) int {
	// Normalise the month into 1..12 first.
	mm := int(m) - 1
	y += floorDiv(mm, 12)
	mm = mm - floorDiv(mm, 12)*12 + 1
	if mm <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400 // [0, 399]
	mp := (mm + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

func calendarDateFromDays(z int) CalendarDate {
	z += 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return CalendarDate{y, time.Month(m), d}
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// EasterSunday returns the date of Easter Sunday in year y (Gregorian
// calendar), by the anonymous Gregorian computus (Meeus/Jones/Butcher).
func EasterSunday(y int) CalendarDate {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return CalendarDate{y, time.Month(month), day}
}

// CalendarHoliday is one bank holiday in England and Wales.
type CalendarHoliday struct {
	Date       CalendarDate `json:"date" jsonschema:"type=string,format=date"`
	Title      string       `json:"title" jsonschema:"description=the holiday's name as GOV.UK gives it"`
	Substitute bool         `json:"substitute,omitempty" jsonschema:"description=true for a substitute day for a holiday that fell at a weekend"`
}

// CalendarChange is a one-off change to the bank holidays of a year, made
// by royal proclamation: a holiday moved or an extra one added.
type CalendarChange struct {
	Year   int               `json:"year"`
	Remove []CalendarDate    `json:"remove,omitempty" jsonschema:"description=the rule-made dates that were not holidays that year"`
	Add    []CalendarHoliday `json:"add,omitempty" jsonschema:"description=the days added or moved to"`
	Note   string            `json:"note"`
}

// BankHolidayChanges returns a copy of the data table of one-off changes
// that [BankHolidays] applies after the rules. A council's own extra
// closures belong in [Council.Closures].
func BankHolidayChanges() []CalendarChange {
	return append([]CalendarChange(nil), calendarChanges...)
}

// calendarChanges is the data table of one-off changes to England and
// Wales bank holidays since the 1978 pattern began. [BankHolidays] applies
// it after the rules.
var calendarChanges = []CalendarChange{
	{Year: 1981, Add: []CalendarHoliday{{Date: CalendarDate{1981, 7, 29}, Title: "Royal wedding"}}, Note: "wedding of the Prince of Wales"},
	{Year: 1995, Remove: []CalendarDate{{1995, 5, 1}}, Add: []CalendarHoliday{{Date: CalendarDate{1995, 5, 8}, Title: "Early May bank holiday (VE day)"}}, Note: "moved for the 50th anniversary of VE day"},
	{Year: 1999, Add: []CalendarHoliday{{Date: CalendarDate{1999, 12, 31}, Title: "Millennium celebrations"}}, Note: "millennium"},
	{Year: 2002, Remove: []CalendarDate{{2002, 5, 27}}, Add: []CalendarHoliday{{Date: CalendarDate{2002, 6, 3}, Title: "Golden Jubilee bank holiday"}, {Date: CalendarDate{2002, 6, 4}, Title: "Spring bank holiday"}}, Note: "Golden Jubilee"},
	{Year: 2011, Add: []CalendarHoliday{{Date: CalendarDate{2011, 4, 29}, Title: "Royal wedding"}}, Note: "wedding of Prince William"},
	{Year: 2012, Remove: []CalendarDate{{2012, 5, 28}}, Add: []CalendarHoliday{{Date: CalendarDate{2012, 6, 4}, Title: "Spring bank holiday"}, {Date: CalendarDate{2012, 6, 5}, Title: "Queen’s Diamond Jubilee"}}, Note: "Diamond Jubilee"},
	{Year: 2020, Remove: []CalendarDate{{2020, 5, 4}}, Add: []CalendarHoliday{{Date: CalendarDate{2020, 5, 8}, Title: "Early May bank holiday (VE day)"}}, Note: "moved for the 75th anniversary of VE day"},
	{Year: 2022, Remove: []CalendarDate{{2022, 5, 30}}, Add: []CalendarHoliday{{Date: CalendarDate{2022, 6, 2}, Title: "Spring bank holiday"}, {Date: CalendarDate{2022, 6, 3}, Title: "Platinum Jubilee bank holiday"}, {Date: CalendarDate{2022, 9, 19}, Title: "Bank Holiday for the State Funeral of Queen Elizabeth II"}}, Note: "Platinum Jubilee; state funeral of Queen Elizabeth II"},
	{Year: 2023, Add: []CalendarHoliday{{Date: CalendarDate{2023, 5, 8}, Title: "Bank holiday for the coronation of King Charles III"}}, Note: "coronation of King Charles III"},
}

// firstMonday returns the first Monday of month m in year y.
func firstMonday(y int, m time.Month) CalendarDate {
	d := CalendarDate{y, m, 1}
	return d.AddDays((int(time.Monday) - int(d.Weekday()) + 7) % 7)
}

// lastMonday returns the last Monday of month m in year y.
func lastMonday(y int, m time.Month) CalendarDate {
	d := CalendarDate{y, m, daysInMonth(y, m)}
	return d.AddDays(-((int(d.Weekday()) - int(time.Monday) + 7) % 7))
}

// bankHolidayRules returns the holidays the standing rules give for y.
func bankHolidayRules(y int) []CalendarHoliday {
	hs := make([]CalendarHoliday, 0, 10)
	ny := CalendarDate{y, time.January, 1}
	switch ny.Weekday() {
	case time.Saturday:
		hs = append(hs, CalendarHoliday{ny.AddDays(2), "New Year’s Day", true})
	case time.Sunday:
		hs = append(hs, CalendarHoliday{ny.AddDays(1), "New Year’s Day", true})
	default:
		hs = append(hs, CalendarHoliday{Date: ny, Title: "New Year’s Day"})
	}
	e := EasterSunday(y)
	hs = append(hs,
		CalendarHoliday{Date: e.AddDays(-2), Title: "Good Friday"},
		CalendarHoliday{Date: e.AddDays(1), Title: "Easter Monday"},
		CalendarHoliday{Date: firstMonday(y, time.May), Title: "Early May bank holiday"},
		CalendarHoliday{Date: lastMonday(y, time.May), Title: "Spring bank holiday"},
		CalendarHoliday{Date: lastMonday(y, time.August), Title: "Summer bank holiday"},
	)
	xmas := CalendarDate{y, time.December, 25}
	box := CalendarDate{y, time.December, 26}
	switch xmas.Weekday() {
	case time.Friday: // Boxing Day on Saturday moves to Monday 28th
		hs = append(hs, CalendarHoliday{Date: xmas, Title: "Christmas Day"}, CalendarHoliday{box.AddDays(2), "Boxing Day", true})
	case time.Saturday: // both move: Monday 27th and Tuesday 28th
		hs = append(hs, CalendarHoliday{xmas.AddDays(2), "Christmas Day", true}, CalendarHoliday{box.AddDays(2), "Boxing Day", true})
	case time.Sunday: // Boxing Day on Monday 26th; Christmas moves to Tuesday 27th
		hs = append(hs, CalendarHoliday{Date: box, Title: "Boxing Day"}, CalendarHoliday{xmas.AddDays(2), "Christmas Day", true})
	default:
		hs = append(hs, CalendarHoliday{Date: xmas, Title: "Christmas Day"}, CalendarHoliday{Date: box, Title: "Boxing Day"})
	}
	return hs
}

// BankHolidays returns the bank holidays of England and Wales in year y,
// in date order: the standing pattern in force since 1978 (New Year's Day,
// Good Friday, Easter Monday, the first and last Mondays in May, the last
// Monday in August, Christmas Day and Boxing Day, with substitute days
// when these fall at a weekend), then the one-off changes in
// [BankHolidayChanges]. Years before 1978 get the same pattern, which is not
// historically exact.
func BankHolidays(y int) []CalendarHoliday {
	hs := bankHolidayRules(y)
	for _, c := range calendarChanges {
		if c.Year != y {
			continue
		}
		kept := hs[:0]
		for _, h := range hs {
			removed := false
			for _, r := range c.Remove {
				if h.Date == r {
					removed = true
				}
			}
			if !removed {
				kept = append(kept, h)
			}
		}
		hs = append(kept, c.Add...)
	}
	sort.SliceStable(hs, func(i, j int) bool { return hs[i].Date.Before(hs[j].Date) })
	return hs
}

// The holiday table is built once for the years most deadlines fall in,
// as day numbers, so working-day arithmetic does not allocate.
const (
	holidayTableFirst = 1970
	holidayTableLast  = 2200
)

var (
	holidayTableOnce sync.Once
	holidayTable     [][]int32 // per year from holidayTableFirst: sorted day numbers
)

func buildHolidayTable() {
	holidayTable = make([][]int32, holidayTableLast-holidayTableFirst+1)
	for y := holidayTableFirst; y <= holidayTableLast; y++ {
		hs := BankHolidays(y)
		ds := make([]int32, len(hs))
		for i, h := range hs {
			ds[i] = int32(h.Date.days())
		}
		holidayTable[y-holidayTableFirst] = ds
	}
}

// IsBankHoliday reports whether d is a bank holiday in England and Wales.
func IsBankHoliday(d CalendarDate) bool {
	return isBankHolidayDays(d.Year, d.days())
}

func isBankHolidayDays(year, day int) bool {
	if year < holidayTableFirst || year > holidayTableLast {
		for _, h := range BankHolidays(year) {
			if h.Date.days() == day {
				return true
			}
		}
		return false
	}
	holidayTableOnce.Do(buildHolidayTable)
	for _, h := range holidayTable[year-holidayTableFirst] {
		if int(h) == day {
			return true
		}
	}
	return false
}
