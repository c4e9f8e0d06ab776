package calendar

import (
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Date is a day in the civil calendar, with no time of day or zone.
// Its zero value means "no date"; JSON and text forms are ISO 8601
// (YYYY-MM-DD), and the zero value encodes as the empty string.
type Date struct {
	Year  int        `json:"year,omitempty"`  // the year, e.g. 2026
	Month time.Month `json:"month,omitempty"` // January = 1
	Day   int        `json:"day,omitempty"`   // day of the month, 1-based
}

// NewDate returns the date y-m-d, normalising out-of-range months
// and days the way [time.Date] does (31 April is 1 May).
func NewDate(y int, m time.Month, d int) Date {
	return calendarDateFromDays(daysFromCivil(y, m, d))
}

// DateOf returns the date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// ParseDate reads an ISO 8601 date (YYYY-MM-DD). It rejects dates
// that do not exist, such as 2023-02-29.
func ParseDate(s string) (Date, error) {
	bad := func(msg string) (Date, error) {
		return Date{}, &DateError{Text: s, Msg: msg}
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

// MinYear and MaxYear bound the years the parsers accept. The bank
// holidays are known from their rules and the table of one-off changes
// for these years, and four-digit years keep the ISO form exact; a year
// outside them in a council document is a typing mistake (such as
// 0026 for 2026 or 9999 as "never").
const (
	MinYear = 1900
	MaxYear = 2200
)

// checkedDate returns y-m-d or an error if there is no such day or the
// year is outside MinYear..MaxYear.
func checkedDate(text string, y, m, d int) (Date, error) {
	if y < MinYear || y > MaxYear {
		return Date{}, &DateError{Text: text, Msg: "year " + strconv.Itoa(y) + " is outside " + strconv.Itoa(MinYear) + "-" + strconv.Itoa(MaxYear)}
	}
	if m < 1 || m > 12 || d < 1 || d > daysInMonth(y, time.Month(m)) {
		return Date{}, &DateError{Text: text, Msg: "no such date"}
	}
	return Date{y, time.Month(m), d}, nil
}

// DateError reports text that is not a valid date.
type DateError struct {
	Text string `json:"text"` // the text as given
	Msg  string `json:"msg"`  // what is wrong with it
}

// Error returns "calendar: bad date "text": msg", the text quoted as a
// short escaped excerpt.
func (e *DateError) Error() string {
	t, more := e.Text, false
	for i := range t {
		if i >= 40 {
			t, more = t[:i], true
			break
		}
	}
	q := strconv.Quote(t)
	if more {
		q += "…"
	}
	return "calendar: bad date " + q + ": " + e.Msg
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
func (d Date) IsZero() bool { return d == Date{} }

// String returns d as YYYY-MM-DD, or "" for the zero date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	b := make([]byte, 0, 10)
	return string(d.appendISO(b))
}

func (d Date) appendISO(b []byte) []byte {
	y := d.Year
	if y < 0 {
		b = append(b, '-')
		y = -y
	}
	b = append(b, byte('0'+y/1000%10), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-')
	b = append(b, byte('0'+int(d.Month)/10), byte('0'+int(d.Month)%10), '-')
	return append(b, byte('0'+d.Day/10), byte('0'+d.Day%10))
}

// Long returns d in the GOV.UK style for dates in running text: the day
// without a leading zero, the month in full and the year ("2 March
// 2026"), or "" for the zero date. See the GOV.UK style guide, "Dates".
func (d Date) Long() string {
	if d.IsZero() {
		return ""
	}
	if d.Month < time.January || d.Month > time.December {
		return d.String()
	}
	return strconv.Itoa(d.Day) + " " + d.Month.String() + " " + strconv.Itoa(d.Year)
}

// MarshalText encodes d as YYYY-MM-DD (empty for the zero date).
func (d Date) MarshalText() ([]byte, error) {
	if d.IsZero() {
		return []byte{}, nil
	}
	return d.appendISO(make([]byte, 0, 10)), nil
}

// UnmarshalText decodes YYYY-MM-DD; the empty string gives the zero date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Time returns midnight UTC at the start of d.
func (d Date) Time() time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
}

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday {
	// 1970-01-01 (day 0) was a Thursday.
	w := (d.days() + 4) % 7
	if w < 0 {
		w += 7
	}
	return time.Weekday(w)
}

// AddDays returns the date n days after d (before it when n < 0).
func (d Date) AddDays(n int) Date {
	return calendarDateFromDays(d.days() + n)
}

// DaysUntil returns the number of days from d to e (negative when e is
// earlier).
func (d Date) DaysUntil(e Date) int { return e.days() - d.days() }

// Before reports whether d is earlier than e.
func (d Date) Before(e Date) bool { return d.days() < e.days() }

// After reports whether d is later than e.
func (d Date) After(e Date) bool { return d.days() > e.days() }

// IsWeekend reports whether d is a Saturday or Sunday.
func (d Date) IsWeekend() bool {
	w := d.Weekday()
	return w == time.Saturday || w == time.Sunday
}

// days returns the number of days since 1970-01-01.
func (d Date) days() int { return daysFromCivil(d.Year, d.Month, d.Day) }

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

func calendarDateFromDays(z int) Date {
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
	return Date{y, time.Month(m), d}
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
func EasterSunday(y int) Date {
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
	return Date{y, time.Month(month), day}
}

// Holiday is one bank holiday in England and Wales.
type Holiday struct {
	Date       Date   `json:"date" jsonschema:"type=string,format=date"`
	Title      string `json:"title"`                // the holiday's name as GOV.UK gives it
	Substitute bool   `json:"substitute,omitempty"` // true for a substitute day for a holiday that fell at a weekend
}

// Change is a one-off change to the bank holidays of a year, made
// by royal proclamation: a holiday moved or an extra one added.
type Change struct {
	Year   int       `json:"year"`
	Remove []Date    `json:"remove,omitempty"` // the rule-made dates that were not holidays that year
	Add    []Holiday `json:"add,omitempty"`    // the days added or moved to
	Note   string    `json:"note"`
}

// BankHolidayChanges returns a copy of the data table of one-off changes
// that [BankHolidays] applies after the rules. A council's own extra
// closures belong in [journey.Council.Closures].
func BankHolidayChanges() []Change {
	return append([]Change(nil), calendarChanges...)
}

// calendarChanges is the data table of one-off changes to England and
// Wales bank holidays since the 1978 pattern began. [BankHolidays] applies
// it after the rules.
var calendarChanges = []Change{
	{Year: 1981, Add: []Holiday{{Date: Date{1981, 7, 29}, Title: "Royal wedding"}}, Note: "wedding of the Prince of Wales"},
	{Year: 1995, Remove: []Date{{1995, 5, 1}}, Add: []Holiday{{Date: Date{1995, 5, 8}, Title: "Early May bank holiday (VE day)"}}, Note: "moved for the 50th anniversary of VE day"},
	{Year: 1999, Add: []Holiday{{Date: Date{1999, 12, 31}, Title: "Millennium celebrations"}}, Note: "millennium"},
	{Year: 2002, Remove: []Date{{2002, 5, 27}}, Add: []Holiday{{Date: Date{2002, 6, 3}, Title: "Golden Jubilee bank holiday"}, {Date: Date{2002, 6, 4}, Title: "Spring bank holiday"}}, Note: "Golden Jubilee"},
	{Year: 2011, Add: []Holiday{{Date: Date{2011, 4, 29}, Title: "Royal wedding"}}, Note: "wedding of Prince William"},
	{Year: 2012, Remove: []Date{{2012, 5, 28}}, Add: []Holiday{{Date: Date{2012, 6, 4}, Title: "Spring bank holiday"}, {Date: Date{2012, 6, 5}, Title: "Queen’s Diamond Jubilee"}}, Note: "Diamond Jubilee"},
	{Year: 2020, Remove: []Date{{2020, 5, 4}}, Add: []Holiday{{Date: Date{2020, 5, 8}, Title: "Early May bank holiday (VE day)"}}, Note: "moved for the 75th anniversary of VE day"},
	{Year: 2022, Remove: []Date{{2022, 5, 30}}, Add: []Holiday{{Date: Date{2022, 6, 2}, Title: "Spring bank holiday"}, {Date: Date{2022, 6, 3}, Title: "Platinum Jubilee bank holiday"}, {Date: Date{2022, 9, 19}, Title: "Bank Holiday for the State Funeral of Queen Elizabeth II"}}, Note: "Platinum Jubilee; state funeral of Queen Elizabeth II"},
	{Year: 2023, Add: []Holiday{{Date: Date{2023, 5, 8}, Title: "Bank holiday for the coronation of King Charles III"}}, Note: "coronation of King Charles III"},
}

// firstMonday returns the first Monday of month m in year y.
func firstMonday(y int, m time.Month) Date {
	d := Date{y, m, 1}
	return d.AddDays((int(time.Monday) - int(d.Weekday()) + 7) % 7)
}

// lastMonday returns the last Monday of month m in year y.
func lastMonday(y int, m time.Month) Date {
	d := Date{y, m, daysInMonth(y, m)}
	return d.AddDays(-((int(d.Weekday()) - int(time.Monday) + 7) % 7))
}

// bankHolidayRules returns the holidays the standing rules give for y.
func bankHolidayRules(y int) []Holiday {
	hs := make([]Holiday, 0, 10)
	ny := Date{y, time.January, 1}
	switch ny.Weekday() {
	case time.Saturday:
		hs = append(hs, Holiday{ny.AddDays(2), "New Year’s Day", true})
	case time.Sunday:
		hs = append(hs, Holiday{ny.AddDays(1), "New Year’s Day", true})
	default:
		hs = append(hs, Holiday{Date: ny, Title: "New Year’s Day"})
	}
	e := EasterSunday(y)
	hs = append(hs,
		Holiday{Date: e.AddDays(-2), Title: "Good Friday"},
		Holiday{Date: e.AddDays(1), Title: "Easter Monday"},
		Holiday{Date: firstMonday(y, time.May), Title: "Early May bank holiday"},
		Holiday{Date: lastMonday(y, time.May), Title: "Spring bank holiday"},
		Holiday{Date: lastMonday(y, time.August), Title: "Summer bank holiday"},
	)
	xmas := Date{y, time.December, 25}
	box := Date{y, time.December, 26}
	switch xmas.Weekday() {
	case time.Friday: // Boxing Day on Saturday moves to Monday 28th
		hs = append(hs, Holiday{Date: xmas, Title: "Christmas Day"}, Holiday{box.AddDays(2), "Boxing Day", true})
	case time.Saturday: // both move: Monday 27th and Tuesday 28th
		hs = append(hs, Holiday{xmas.AddDays(2), "Christmas Day", true}, Holiday{box.AddDays(2), "Boxing Day", true})
	case time.Sunday: // Boxing Day on Monday 26th; Christmas moves to Tuesday 27th
		hs = append(hs, Holiday{Date: box, Title: "Boxing Day"}, Holiday{xmas.AddDays(2), "Christmas Day", true})
	default:
		hs = append(hs, Holiday{Date: xmas, Title: "Christmas Day"}, Holiday{Date: box, Title: "Boxing Day"})
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
func BankHolidays(y int) []Holiday {
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
func IsBankHoliday(d Date) bool {
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

// ParseLooseDate reads a date as council exports write them: YYYY-MM-DD,
// DD/MM/YYYY (or with dashes or dots), or "2 March 2026" / "2 Mar 2026",
// optionally after a weekday name ("Monday 2 March 2026").
func ParseLooseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if d, err := ParseDate(s); err == nil {
		return d, nil
	}
	bad := &DateError{Text: s, Msg: "want YYYY-MM-DD, DD/MM/YYYY or 2 March 2026"}
	for _, sep := range []string{"/", ".", "-"} {
		parts := strings.Split(s, sep)
		if len(parts) != 3 {
			continue
		}
		d, ok1 := atoiDigits(parts[0])
		m, ok2 := atoiDigits(parts[1])
		y, ok3 := atoiDigits(parts[2])
		if !ok1 || !ok2 || !ok3 || len(parts[0]) > 2 || len(parts[1]) > 2 || len(parts[2]) != 4 {
			return Date{}, bad
		}
		return checkedDate(s, y, m, d)
	}
	fs := strings.Fields(strings.ReplaceAll(s, ",", " "))
	wd := time.Weekday(-1)
	if len(fs) == 4 {
		wd = weekdayByName(fs[0])
		if wd < 0 {
			return Date{}, bad
		}
		fs = fs[1:]
	}
	if len(fs) != 3 {
		return Date{}, bad
	}
	d, ok1 := atoiDigits(strings.TrimRight(fs[0], "stndrh"))
	y, ok3 := atoiDigits(fs[2])
	m := monthByName(fs[1])
	if !ok1 || !ok3 || m == 0 || len(fs[2]) != 4 || len(fs[0]) > 4 {
		return Date{}, bad
	}
	v, err := checkedDate(s, y, int(m), d)
	if err == nil && wd >= 0 && v.Weekday() != wd {
		return Date{}, &DateError{Text: s, Msg: v.Long() + " is a " + v.Weekday().String() + ", not a " + wd.String()}
	}
	return v, err
}

// weekdayByName reads a weekday name in full or cut to three or more
// letters ("Tue", "Tues"), or returns -1.
func weekdayByName(s string) time.Weekday {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	if len(s) < 3 {
		return -1
	}
	for w := time.Sunday; w <= time.Saturday; w++ {
		if strings.HasPrefix(strings.ToLower(w.String()), s) {
			return w
		}
	}
	return -1
}

func monthByName(s string) time.Month {
	s = strings.ToLower(s)
	if len(s) < 3 {
		return 0
	}
	for m := time.January; m <= time.December; m++ {
		n := strings.ToLower(m.String())
		if s == n || s == n[:3] || (len(s) == 4 && s == "sept" && m == time.September) {
			return m
		}
	}
	return 0
}

// Calendar is a working-day calendar for England and Wales: weekends, bank
// holidays and the Closures are not working days. The zero value has no
// closures.
type Calendar struct {
	// Closures are extra non-working days, such as a council's closure
	// between Christmas and New Year.
	Closures []Date `json:"closures,omitempty"`
}

// IsWorkingDay reports whether d is a working day: not a weekend, a bank
// holiday in England and Wales, or one of the closures.
func (c Calendar) IsWorkingDay(d Date) bool {
	return c.isWorkingDays(d.Year, d.days())
}

func (c Calendar) isWorkingDays(year, day int) bool {
	w := (day + 4) % 7 // 0 Sunday; day 0 was a Thursday
	if w < 0 {
		w += 7
	}
	if w == 0 || w == 6 || isBankHolidayDays(year, day) {
		return false
	}
	for _, x := range c.Closures {
		if x.days() == day {
			return false
		}
	}
	return true
}

// AddWorkingDays returns the n-th working day after d (before d when
// n < 0); d itself never counts. AddWorkingDays(d, 0) is d.
func (c Calendar) AddWorkingDays(d Date, n int) Date {
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	day := d.days()
	cur := d
	for n > 0 {
		day += step
		cur = cur.AddDays(step)
		if c.isWorkingDays(cur.Year, day) {
			n--
		}
	}
	return cur
}

// WorkingDaysBetween counts the working days strictly between a and b
// (0 when b is not after a).
func (c Calendar) WorkingDaysBetween(a, b Date) int {
	n := 0
	for d := a.AddDays(1); d.Before(b); d = d.AddDays(1) {
		if c.IsWorkingDay(d) {
			n++
		}
	}
	return n
}
