package xlsx

import (
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// builtinFormats are the codes of the number formats a workbook names by
// id alone (ECMA-376 Part 1, 18.8.30), in the en-US wording Excel gives
// them. The ids between that are language-dependent are left out: cells
// with them show their value as it is.
var builtinFormats = [...]string{
	0:  "General",
	1:  "0",
	2:  "0.00",
	3:  "#,##0",
	4:  "#,##0.00",
	9:  "0%",
	10: "0.00%",
	11: "0.00E+00",
	12: "# ?/?",
	13: "# ??/??",
	14: "mm-dd-yy",
	15: "d-mmm-yy",
	16: "d-mmm",
	17: "mmm-yy",
	18: "h:mm AM/PM",
	19: "h:mm:ss AM/PM",
	20: "hh:mm",
	21: "hh:mm:ss",
	22: "m/d/yy hh:mm",
	37: "#,##0 ;(#,##0)",
	38: "#,##0 ;[red](#,##0)",
	39: "#,##0.00 ;(#,##0.00)",
	40: "#,##0.00 ;[red](#,##0.00)",
	41: `_(* #,##0_);_(* \(#,##0\);_(* "-"_);_(@_)`,
	42: `_("$"* #,##0_);_("$"* \(#,##0\);_("$"* "-"_);_(@_)`,
	43: `_(* #,##0.00_);_(* \(#,##0.00\);_(* "-"??_);_(@_)`,
	44: `_("$"* #,##0.00_);_("$"* \(#,##0.00\);_("$"* "-"??_);_(@_)`,
	45: "mm:ss",
	46: "[h]:mm:ss",
	47: "mm:ss.0",
	48: "##0.0E+0",
	49: "@",
}

// maxFormatCode is the longest number format code read, Excel's own
// limit; a longer one is shown as General, so that no cell's text is
// much longer than its value.
const maxFormatCode = 255

// A numFmt is a parsed number format code: up to four sections, for
// positive numbers (and zero), negative numbers, zero and text.
type numFmt struct {
	sections []section
}

// A section is one part of a number format code between semicolons.
type section struct {
	items []item
	text  bool // the section formats text: it holds @, or is the fourth
	// general: the section shows General; bad: it holds what this reader
	// does not format (fractions, conditions, scaling commas), so the
	// value is shown as General.
	general, bad bool
	// what the section shows when it shows a date or a time
	date, clock, elapsed bool

	// the placeholders, as counted for a number (see conf)
	intHolder, intPadding, fracHolder, fracPadding, expLen, percent int
	comma, sci                                                      bool
}

// An item is one token of a section.
type item struct {
	kind itemKind
	s    string // the text of a literal or a currency; the placeholder run
}

type itemKind uint8

const (
	itemLiteral  itemKind = iota
	itemZero              // a run of 0
	itemHash              // a run of #
	itemPoint             // the decimal point
	itemComma             // a thousands separator
	itemPercent           // a run of %
	itemExp               // E+ of scientific notation
	itemText              // @, the cell's text
	itemAlign             // _x, the width of a character
	itemRepeat            // *x, a fill
	itemColour            // [Red]
	itemCurrency          // [$£-809]: s is the currency text
	itemDate              // a run of one date or time letter, lower-cased; or "am/pm"
	itemElapsed           // [h], [mm], [ss]
	itemGeneral           // General
)

// colours are the colour names a format may give in brackets.
var colours = [...]string{"black", "blue", "cyan", "green", "magenta", "red", "white", "yellow"}

// parseFormat parses a number format code.
func parseFormat(code string) *numFmt {
	code = strings.TrimSpace(code)
	f := &numFmt{}
	if code == "" {
		return f
	}
	if len(code) > maxFormatCode {
		return &numFmt{sections: []section{{general: true}}}
	}
	var s section
	add := func(k itemKind, v string) { s.items = append(s.items, item{k, v}) }
	for i := 0; i < len(code); {
		c := code[i]
		switch {
		case c == ';':
			f.sections = append(f.sections, s)
			s = section{}
			if len(f.sections) == 4 {
				return &numFmt{}
			}
			i++
		case c == '"':
			j := strings.IndexByte(code[i+1:], '"')
			if j < 0 {
				j = len(code) - i - 1
			}
			if j > 0 {
				add(itemLiteral, code[i+1:i+1+j])
			}
			i += j + 2
		case c == '\\' || c == '_' || c == '*':
			_, n := utf8.DecodeRuneInString(code[i+1:])
			switch c {
			case '\\':
				add(itemLiteral, code[i+1:i+1+n])
			case '_':
				add(itemAlign, "")
			default:
				add(itemRepeat, "")
			}
			i += 1 + n
		case c == '[':
			j := strings.IndexByte(code[i:], ']')
			if j < 0 {
				s.bad = true
				i = len(code)
				break
			}
			in := code[i+1 : i+j]
			i += j + 1
			switch {
			case isColour(in):
				add(itemColour, "")
			case strings.HasPrefix(in, "$"):
				cur, _, _ := strings.Cut(in[1:], "-")
				add(itemCurrency, cur)
			case in != "" && strings.Trim(strings.ToLower(in), "hms") == "" && strings.Trim(strings.ToLower(in), string(in[0]|0x20)) == "":
				add(itemElapsed, strings.ToLower(in))
			default:
				s.bad = true
			}
		case c == '0' || c == '#' || c == '%':
			j := i
			for j < len(code) && code[j] == c {
				j++
			}
			k := itemZero
			switch c {
			case '#':
				k = itemHash
			case '%':
				k = itemPercent
			}
			add(k, code[i:j])
			i = j
		case c == '.':
			add(itemPoint, ".")
			i++
		case c == ',':
			// a thousands separator between placeholders; a comma
			// after the last one scales the number, which is not
			// done here; elsewhere, a comma is itself
			n := len(s.items)
			switch {
			case n == 0 || s.items[n-1].kind != itemZero && s.items[n-1].kind != itemHash:
				add(itemLiteral, ",")
			case i+1 < len(code) && (code[i+1] == '#' || code[i+1] == '0'):
				add(itemComma, ",")
			default:
				s.bad = true
			}
			i++
		case (c == 'E' || c == 'e') && i+1 < len(code) && code[i+1] == '+':
			add(itemExp, "E+")
			i += 2
		case c == '@':
			add(itemText, "@")
			s.text = true
			i++
		case hasPrefixFold(code[i:], "General"):
			add(itemGeneral, "")
			s.general = true
			i += len("General")
		case hasPrefixFold(code[i:], "AM/PM") || hasPrefixFold(code[i:], "A/P"):
			add(itemDate, "am/pm")
			i += strings.IndexByte(code[i:], '/') + 1
			for i < len(code) && isLetter(code[i]) {
				i++
			}
		case isLetter(c):
			l := c | 0x20
			if !strings.ContainsRune("ymdhse", rune(l)) {
				s.bad = true
			}
			j := i
			for j < len(code) && code[j]|0x20 == l {
				j++
			}
			add(itemDate, strings.Repeat(string(l), j-i))
			i = j
		case c == '?' || c == '/' && !s.hasDate():
			s.bad = true
			i++
		default:
			_, n := utf8.DecodeRuneInString(code[i:])
			add(itemLiteral, code[i:i+n])
			i += n
		}
	}
	f.sections = append(f.sections, s)
	if len(f.sections) == 4 {
		f.sections[3].text = true
	}
	for i := range f.sections {
		f.sections[i].conf()
	}
	return f
}

// hasDate reports whether the section so far holds a date or time code.
func (s *section) hasDate() bool {
	for _, it := range s.items {
		if it.kind == itemDate || it.kind == itemElapsed {
			return true
		}
	}
	return false
}

// conf counts the section's placeholders the way excelize does, so that
// numbers come out as they did when it read the workbooks, and sorts a
// date section's codes into a date, a time of day or an elapsed time.
func (s *section) conf() {
	point := false
	for i, it := range s.items {
		switch it.kind {
		case itemHash:
			if point {
				s.fracHolder += len(it.s)
			} else {
				s.intHolder += len(it.s)
			}
		case itemExp:
			s.sci = true
		case itemComma:
			s.comma = true
		case itemPercent:
			s.percent += len(it.s)
		case itemPoint:
			point = true
		case itemZero:
			s.intHolder = 0
			switch {
			case point && s.sci:
				s.expLen += len(it.s)
			case point:
				s.fracPadding += len(it.s)
			default:
				s.intPadding += len(it.s)
			}
		case itemElapsed:
			s.elapsed = true
		case itemDate:
			switch it.s[0] {
			case 'y', 'd', 'e':
				s.date = true
			case 'h', 's', 'a':
				s.clock = true
			case 'm':
				if s.minutes(i) {
					s.clock = true
				} else {
					s.date = true
				}
			}
		}
	}
	if s.elapsed {
		s.date, s.clock = false, true
	}
}

// minutes reports whether the m code at items[i] means minutes, as it
// does after hours or before seconds, rather than the month.
func (s *section) minutes(i int) bool {
	for j := i - 1; j >= 0; j-- {
		if it := s.items[j]; it.kind == itemElapsed {
			return true
		} else if it.kind == itemDate && it.s != "am/pm" {
			if it.s[0] == 'h' || it.s[0] == 's' {
				return true
			}
			break
		}
	}
	for _, it := range s.items[i+1:] {
		if it.kind == itemElapsed {
			return strings.HasPrefix(it.s, "s")
		}
		if it.kind == itemDate && it.s != "am/pm" {
			return it.s[0] == 's'
		}
	}
	return false
}

// show returns what a cell with the value v shows under the format: num
// is true for a number cell, whose v is the number as [normalNumber]
// writes it.
func (f *numFmt) show(v string, num, date1904 bool) string {
	if len(f.sections) == 0 {
		return v
	}
	var x float64
	if num {
		x, num = parseNumber(v)
	}
	if !num {
		for i := range f.sections {
			if s := &f.sections[i]; s.text {
				return s.align(s.textOf(v))
			}
		}
		return v
	}
	s, neg := &f.sections[0], false
	switch {
	case x >= 0:
	case len(f.sections) > 1 && !f.sections[1].text:
		s = &f.sections[1]
		if s.general || s.bad || s.date || s.clock {
			return s.align(v)
		}
		return s.align(s.number(x, v, false))
	default:
		neg = true
	}
	switch {
	case s.text, s.bad:
		return v
	case s.general:
		return s.align(v)
	case s.date || s.clock:
		if t, ok := s.dateOf(x, date1904); ok {
			return t
		}
		return v
	}
	return s.align(s.number(x, v, neg))
}

// align puts the space of a leading or trailing _x around r.
func (s *section) align(r string) string {
	if n := len(s.items); n > 0 {
		if s.items[0].kind == itemAlign {
			r = " " + r
		}
		if s.items[n-1].kind == itemAlign {
			r += " "
		}
	}
	return r
}

// textOf formats text with a text section.
func (s *section) textOf(v string) string {
	var b strings.Builder
	for _, it := range s.items {
		switch it.kind {
		case itemLiteral:
			b.WriteString(it.s)
		case itemText, itemZero:
			b.WriteString(v)
		}
	}
	return b.String()
}

// number formats x, whose text as written is v; neg puts a minus sign
// first, for a negative number shown with the first section.
func (s *section) number(x float64, v string, neg bool) string {
	abs := math.Abs(x)
	digits := strconv.FormatFloat(abs, 'f', -1, 64)
	intPart, fracPart := len(digits), 0
	if i := strings.IndexByte(digits, '.'); i >= 0 {
		intPart, fracPart = i, len(digits)-i-1
	}
	intLen, fracLen := intPart, fracPart
	if s.intPadding+min(s.intHolder, intPart) > intPart {
		intLen = s.intPadding + min(s.intHolder, intPart)
	}
	if fracPart > s.fracHolder+s.fracPadding {
		fracLen = s.fracHolder + s.fracPadding
	}
	if s.fracPadding > fracPart {
		fracLen = s.fracPadding
	}
	var text string
	switch {
	case s.sci:
		if s.expLen != 2 {
			return v
		}
		text = strconv.FormatFloat(abs*math.Pow(100, float64(s.percent)), 'E', fracLen, 64) + strings.Repeat("%", s.percent)
	case precision(x) > 15 && intLen+fracLen > 15:
		// a number with more digits than a double holds: its digits
		// as they are, cut or padded to the places shown
		if s.percent > 0 {
			abs *= 100
		}
		text = strconv.FormatFloat(abs, 'f', -1, 64)
		if s.comma {
			text = commas(text)
		}
		if fracLen > 0 {
			whole, frac, _ := strings.Cut(text, ".")
			frac = (frac + strings.Repeat("0", max(fracLen-len(frac), 0)))[:fracLen]
			text = whole + "." + frac
		}
		if s.percent > 0 {
			text += "%"
		}
		return s.literals(text, v, neg)
	default:
		n := x * math.Pow(100, float64(s.percent))
		ratio := math.Pow(10, float64(fracLen))
		n = math.Round(n*ratio) / ratio
		text = strconv.FormatFloat(math.Abs(n), 'f', fracLen, 64)
		width := intLen + fracLen
		if fracLen > 0 {
			width++
		}
		if len(text) < width {
			text = strings.Repeat("0", width-len(text)) + text
		}
		text += strings.Repeat("%", s.percent)
	}
	if s.comma {
		text = commas(text)
	}
	return s.literals(text, v, neg)
}

// literals puts the section's literal text and currency around the
// formatted number; a literal between placeholders ("0 0") leaves the
// value as it is.
func (s *section) literals(text, v string, neg bool) string {
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	placed, after := false, false
	for _, it := range s.items {
		switch it.kind {
		case itemCurrency:
			b.WriteString(it.s)
		case itemLiteral:
			after = placed
			b.WriteString(it.s)
		case itemZero, itemHash:
			if after {
				return v
			}
			if !placed {
				placed = true
				b.WriteString(text)
			}
		}
	}
	return b.String()
}

// commas puts a thousands separator into the digits text starts with.
func commas(text string) string {
	n := 0
	for n < len(text) && '0' <= text[n] && text[n] <= '9' {
		n++
	}
	if n <= 3 {
		return text
	}
	b := make([]byte, 0, len(text)+n/3)
	for i := 0; i < n; i++ {
		if i > 0 && (n-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, text[i])
	}
	return string(append(b, text[n:]...))
}

// parseNumber reads a number cell's value: decimal digits with a sign,
// a point and an exponent, as workbooks write numbers (not "Inf", "NaN"
// or hexadecimal, which strconv would take).
func parseNumber(v string) (float64, bool) {
	if v == "" || len(v) > 400 {
		return 0, false
	}
	for i := 0; i < len(v); i++ {
		if c := v[i]; (c < '0' || c > '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E' {
			return 0, false
		}
	}
	x, err := strconv.ParseFloat(v, 64)
	return x, err == nil
}

// precision is the number of characters in x written out in full
// without its point, the minus sign counted, as excelize measured a
// number's digits.
func precision(x float64) int {
	s := strconv.FormatFloat(x, 'f', -1, 64)
	if strings.IndexByte(s, '.') >= 0 {
		return len(s) - 1
	}
	return len(s)
}

// normalNumber writes a number cell's value as excelize did: in full
// when that takes at most 15 characters (minus sign included), otherwise
// to 15 significant digits, which is as many as Excel keeps ("0.3" for
// 0.30000000000000004, "1E+20", "1.23456789012346E+17"). A value that is
// not a number is returned as it is.
func normalNumber(v string) string {
	x, ok := parseNumber(v)
	if !ok {
		return v
	}
	if precision(x) > 15 {
		return strconv.FormatFloat(x, 'G', 15, 64)
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}

// The largest serial numbers that are dates: 9999-12-31 in the 1900 and
// 1904 date systems.
const (
	maxSerial1900 = 2958466
	maxSerial1904 = 2957004
)

// dateOf writes the serial number x as ISO 8601: the date, the date and
// the time, or the time (hours and minutes, and seconds when there are
// any), as the section shows a date, both or a time; an elapsed time
// ([h]:mm) as its hours and minutes. It is false for a serial number
// that is no date.
func (s *section) dateOf(x float64, date1904 bool) (string, bool) {
	limit := float64(maxSerial1900)
	if date1904 {
		limit = maxSerial1904
	}
	if !(x >= 0 && x < limit) {
		return "", false
	}
	total := int64(math.Round(x * 86400))
	days, secs := total/86400, total%86400
	if s.elapsed {
		return clock(total/3600, total%3600/60, total%60), true
	}
	var date string
	if s.date {
		date = serialDate(days, date1904)
	}
	switch {
	case s.date && s.clock:
		return date + " " + clock(secs/3600, secs%3600/60, secs%60), true
	case s.date:
		return date, true
	}
	return clock(secs/3600, secs%3600/60, secs%60), true
}

// serialDate writes the date of a day number: in the 1900 date system
// day 1 is 1900-01-01 and day 60 is 1900-02-29, a day that was not but
// that Excel counts, as Lotus 1-2-3 did; in the 1904 system day 0 is
// 1904-01-01.
func serialDate(days int64, date1904 bool) string {
	var t time.Time
	switch {
	case date1904:
		t = time.Date(1904, 1, 1+int(days), 0, 0, 0, 0, time.UTC)
	case days == 60:
		return "1900-02-29"
	case days < 60:
		t = time.Date(1899, 12, 31+int(days), 0, 0, 0, 0, time.UTC)
	default:
		t = time.Date(1899, 12, 30+int(days), 0, 0, 0, 0, time.UTC)
	}
	return t.Format(time.DateOnly)
}

// clock writes hours and minutes as "09:30", with ":15" when there are
// seconds.
func clock(h, m, sec int64) string {
	b := make([]byte, 0, 9)
	b = append(b, two(h)...)
	b = append(b, ':')
	b = append(b, two(m)...)
	if sec != 0 {
		b = append(b, ':')
		b = append(b, two(sec)...)
	}
	return string(b)
}

// two writes n with at least two digits.
func two(n int64) string {
	if n < 10 {
		return "0" + strconv.FormatInt(n, 10)
	}
	return strconv.FormatInt(n, 10)
}

// isoDate rewrites the text of a date cell (t="d", ISO 8601 such as
// "2025-01-14T09:30:00Z") the way dates under a date format are written:
// "2025-01-14", or "2025-01-14 09:30" when it has a time. Text that is
// not such a date is returned as it is.
func isoDate(v string) string {
	for _, l := range [...]string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02T15:04", time.DateOnly} {
		t, err := time.Parse(l, strings.TrimSpace(v))
		if err != nil {
			continue
		}
		h, m, sec := t.Clock()
		if h == 0 && m == 0 && sec == 0 {
			return t.Format(time.DateOnly)
		}
		return t.Format(time.DateOnly) + " " + clock(int64(h), int64(m), int64(sec))
	}
	return v
}

// isColour reports whether in, from between brackets, names a colour:
// one of eight names or Color1 to Color56.
func isColour(in string) bool {
	for _, c := range colours {
		if strings.EqualFold(in, c) {
			return true
		}
	}
	if hasPrefixFold(in, "color") {
		n, err := strconv.Atoi(in[len("color"):])
		return err == nil && n >= 1 && n <= 56
	}
	return false
}

// hasPrefixFold is strings.HasPrefix ignoring ASCII case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// isLetter reports whether c is an ASCII letter.
func isLetter(c byte) bool {
	return 'a' <= c|0x20 && c|0x20 <= 'z'
}
