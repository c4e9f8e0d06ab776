package standards

// govukStyle reports departures from the GOV.UK style guide's A to Z that
// an editor can fix on sight:
//
//   - dates: "3 April 2025", not "3rd April", "April 3" or "03/04/2025"
//     (numeric dates are left alone in table cells);
//   - times: "5pm", "5:30pm", "midday", "midnight", "9am to 5pm", not
//     "5:00pm", "5.30pm", "5 pm", "5PM", "17:00", "12pm", "12 noon" or
//     "9am-5pm";
//   - "and", not an ampersand between words;
//   - "for example", "that is" and a full list, not "e.g.", "i.e." or
//     "etc.".
//
// Matching is by tokens and bytes, with no regular expressions, and the
// messages come from one table, to keep the browser build small.
type govukStyle struct{ rule }

// Check reports each departure from GOV.UK style in a.
func (r *govukStyle) Check(a *Analysis, report func(Finding)) { run(r, r.v, r.st, a, report) }

// styleWhy are the messages' endings, after the quoted match.
var styleWhy = [...]string{
	": GOV.UK writes dates like \"3 April 2025\"",
	": GOV.UK writes times like \"5pm\" and \"5:30pm\"",
	": GOV.UK writes \"midday\" and \"midnight\"",
	": GOV.UK writes \"to\" between two times",
	": GOV.UK writes \"and\" in running text",
	" is hard for some readers and for screen readers",
	" leaves readers to guess the rest of the list",
	": a date in numbers can be read two ways",
}

// The indexes of styleWhy.
const (
	whyDate = iota
	whyTime
	whyMidday
	whyRange
	whyAmpersand
	whyAbbrev
	whyEtc
	whyNumericDate
)

// styleWords are the words govuk-style looks at besides months, as the
// tokeniser reads them.
const styleWords = "e.g. e.g eg i.e. i.e ie etc. etc"

// monthNames are the months' names.
const monthNames = "january february march april may june july august september october november december"

func (r *govukStyle) check(p *prepared, report func(Finding)) tally {
	a := p.a
	var t tally
	for i := 0; i < len(a.Tokens); i++ {
		tk := &a.Tokens[i]
		j, x, y, why := i, "", "", 0
		switch tk.Kind {
		case TokenWord:
			if !r.v.is(p.ids[i], tagMonthName|tagStyleWord) || tk.Flags&FlagAllCaps != 0 {
				continue // most words; IE, the browser
			}
			j, x, y, why = r.word(p, i)
		case TokenNumber:
			j, x, y, why = r.number(p, i)
		case TokenPunct, TokenSymbol:
			// an ampersand between words, with spaces: "planning & building"
			if tk.End-tk.Start == 1 && a.Doc.Blocks[tk.Block].Text[tk.Start] == '&' && i > 0 && i+1 < len(a.Tokens) &&
				a.Tokens[i-1].Block == tk.Block && a.Tokens[i+1].Block == tk.Block &&
				a.Tokens[i-1].Kind == TokenWord && a.Tokens[i+1].Kind == TokenWord &&
				a.Tokens[i-1].End < tk.Start && tk.End < a.Tokens[i+1].Start &&
				// "Member Services & Scrutiny Officer": a name, which
				// GOV.UK leaves as it is written
				(a.Tokens[i-1].Flags&FlagCapital == 0 || a.Tokens[i+1].Flags&FlagCapital == 0) {
				x, why = "and", whyAmpersand
			}
		}
		if x == "" {
			continue
		}
		// the suggestion: x alone, quoted, or x and y, quoted, as a date
		// ("3 April") or a range ("9am to 5pm")
		sug := x
		switch {
		case why == whyRange:
			sug = "\"" + x + " to " + y + "\"."
		case y != "":
			sug = "\"" + x + " " + y + "\"."
		case why <= whyAmpersand:
			sug = "\"" + x + "\"."
		}
		t.bad++
		end := int(a.Tokens[j].End)
		report(a.Span(r.id, r.sev, int(tk.Block), int(tk.Start), end,
			quoteMsg("", a.Doc.Blocks[tk.Block].Text[tk.Start:end], styleWhy[why]), "Try: "+sug))
		i = j
	}
	return t
}

// word looks at word token i, a month or one of styleWords.
func (r *govukStyle) word(p *prepared, i int) (last int, x, y string, why int) {
	a := p.a
	w := a.Text(i)
	if !r.v.is(p.ids[i], tagMonthName) {
		switch {
		case w[0]|0x20 == 'i':
			return i, "\"that is\", or rewrite the sentence.", "", whyAbbrev
		case len(w) > 2 && w[1] == 't':
			return i, "list every item, or start the list with \"for example\" or \"such as\".", "", whyEtc
		}
		return i, "\"for example\" or \"like\".", "", whyAbbrev
	}
	// "April 3", "April 3rd", "April 3, 2025", but not "April 2025" nor
	// "in May 3 people"
	if w[0] < 'A' || w[0] > 'Z' || !p.adjacent(i, i+1) || a.Tokens[i+1].Kind != TokenNumber {
		return i, "", "", 0
	}
	d := dayNumber(a.Text(i + 1))
	if d == 0 || p.adjacent(i+1, i+2) && a.Tokens[i+2].Kind == TokenWord {
		return i, "", "", 0
	}
	return i + 1, itoa(d), w, whyDate
}

// number looks at number token i as a date or a time of day.
func (r *govukStyle) number(p *prepared, i int) (last int, x, y string, why int) {
	a := p.a
	w := a.Text(i)
	text := func(k int) string {
		if !p.adjacent(i, k) {
			return ""
		}
		return a.Text(k)
	}
	// an ordinal day before a month: "3rd April", "3rd of April"
	if d := dayNumber(w); d > 0 && !isDigit(w[len(w)-1]) {
		j := i + 1
		if equalFoldASCII(text(j), "of") {
			j++
		}
		if m := text(j); m != "" && r.v.is(p.ids[j], tagMonthName) && m[0] <= 'Z' {
			return j, itoa(d), m, whyDate
		}
	}
	// a numeric date outside tables: "03/04/2025"
	if text(i+1) == "/" && text(i+3) == "/" && text(i+4) != "" && a.Tokens[i+4].Kind == TokenNumber && a.Tokens[i+4].Start == a.Tokens[i+3].End &&
		a.Tokens[i].End == a.Tokens[i+1].Start && a.Doc.Blocks[a.Tokens[i].Block].Kind != BlockTableCell {
		if d, m := dayNumber(w), dayNumber(text(i+2)); d > 0 && isDigit(w[len(w)-1]) && m > 0 && m <= 12 {
			return i + 4, "the day, the month in words and the year, like \"3 April 2025\".", "", whyNumericDate
		}
	}
	// the hour and minutes of a time
	h, k := 0, 0
	for k < len(w) && k < 2 && isDigit(w[k]) {
		h = h*10 + int(w[k]-'0')
		k++
	}
	m, sep := 0, byte(0)
	if k+2 < len(w) && (w[k] == ':' || w[k] == '.') && isDigit(w[k+1]) && isDigit(w[k+2]) {
		sep, m = w[k], int(w[k+1]-'0')*10+int(w[k+2]-'0')
		k += 3
	}
	if h > 23 || m > 59 {
		return i, "", "", 0
	}
	suffix := w[k:]
	last = i
	if suffix == "" && ampm(text(i+1)) != 0 && a.Tokens[i+1].Start > a.Tokens[i].End {
		suffix, last = text(i+1), i+1 // "5 pm", "5 p.m."
	}
	if suffix == "" && equalFoldASCII(text(i+1), "noon") {
		return i + 1, "midday", "", whyMidday
	}
	half := ampm(suffix)
	// a range in one token: "9am-5pm" reads as 9 with the suffix "am-5pm"
	if dash := indexByteString(suffix, '-'); half == 0 && dash > 0 && ampm(suffix[:dash]) != 0 && ampm(timeSuffix(suffix[dash+1:])) != 0 {
		return last, w[:k+dash], suffix[dash+1:], whyRange
	}
	good := ""
	switch {
	case half != 0 && h >= 1 && h <= 12:
		good = clockGOVUK(h, m, half == 'p')
		if good == a.Doc.Blocks[a.Tokens[i].Block].Text[a.Tokens[i].Start:a.Tokens[last].End] {
			// in style; "9am – 5pm" is a range with a dash
			if d := text(i + 1); (d == "-" || d == "–") && ampm(timeSuffix(text(i+2))) != 0 {
				return i + 2, w, text(i + 2), whyRange
			}
			return i, "", "", 0
		}
	case half == 0 && sep == ':' && suffix == "" && a.Tokens[i].Kind == TokenNumber && !(p.adjacent(i, i+1) && a.Tokens[i+1].Kind == TokenNumber):
		good = clockGOVUK(h, m, h >= 12) // 17:00
	case half == 0 && sep == '.' && suffix == "" && i > 0 && p.adjacent(i-1, i) && hasFoldWord(" at from until till ", a.Text(i-1)):
		good = clockGOVUK(h, m, h >= 12) // at 10.30
	default:
		return i, "", "", 0
	}
	why = whyTime
	if good[0] == 'm' {
		why = whyMidday
	}
	return last, good, "", why
}

// clockGOVUK writes the time h:m (h from 0 to 23, or 1 to 12 with pm
// telling the half of the day) in GOV.UK style: 5pm, 5:30pm, midday,
// midnight.
func clockGOVUK(h, m int, pm bool) string {
	if h > 12 {
		h -= 12
	}
	if h == 0 {
		h = 12
	}
	if h == 12 && m == 0 {
		if pm {
			return "midday"
		}
		return "midnight"
	}
	s := itoa(h)
	if m > 0 {
		s += ":" + string(rune('0'+m/10)) + string(rune('0'+m%10))
	}
	if pm {
		return s + "pm"
	}
	return s + "am"
}

// ampm returns 'a' or 'p' for a spelling of am or pm (am, a.m., AM,
// A.M.), else 0.
func ampm(s string) byte {
	var c [2]byte
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '.' {
			continue
		}
		if n == 2 {
			return 0
		}
		c[n] = s[i] | 0x20
		n++
	}
	if n == 2 && c[1] == 'm' && (c[0] == 'a' || c[0] == 'p') {
		return c[0]
	}
	return 0
}

// timeSuffix returns what follows the leading digits, ":" and "." of s.
func timeSuffix(s string) string {
	k := 0
	for k < len(s) && (isDigit(s[k]) || s[k] == ':' || s[k] == '.') {
		k++
	}
	return s[k:]
}

// indexByteString returns the index of the first c in s, or -1.
func indexByteString(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// dayNumber reads a day of the month, 1 to 31, with or without an ordinal
// suffix (3, 3rd, 03), or returns 0.
func dayNumber(s string) int {
	d, k := 0, 0
	for k < len(s) && isDigit(s[k]) {
		d = d*10 + int(s[k]-'0')
		k++
	}
	if k == 0 || k > 2 || d < 1 || d > 31 {
		return 0
	}
	if k == len(s) {
		return d
	}
	if k+2 == len(s) {
		switch uint16(s[k]|0x20)<<8 | uint16(s[k+1]|0x20) {
		case 's'<<8 | 't', 'n'<<8 | 'd', 'r'<<8 | 'd', 't'<<8 | 'h':
			return d
		}
	}
	return 0
}
