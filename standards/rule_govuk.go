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
// Matching is by tokens and bytes, with no regular expressions, to keep
// the browser build small.
type govukStyle struct{ rule }

// Check reports each departure from GOV.UK style in a.
func (r *govukStyle) Check(a *Analysis, report func(Finding)) { run(r, r.v, r.st, a, report) }

func (r *govukStyle) check(p *prepared, report func(Finding)) tally {
	a := p.a
	var t tally
	toks := a.Tokens
	text := func(i int) string { return a.Text(i) }
	same := func(i, j int) bool { return j >= 0 && j < len(toks) && toks[i].Block == toks[j].Block }
	// adjacent reports whether tokens i and i+1 touch, with no space.
	touching := func(i int) bool { return same(i, i+1) && toks[i].End == toks[i+1].Start }
	emit := func(i, j int, msg, sug string) {
		t.bad++
		report(a.Span(r.id, r.sev, int(toks[i].Block), int(toks[i].Start), int(toks[j].End), msg, "Try: "+sug))
	}
	for i := 0; i < len(toks); i++ {
		tk := &toks[i]
		if tk.Kind == TokenWord && !r.v.is(p.ids[i], tagMonthName|tagStyleWord) {
			continue // most words
		}
		w := text(i)
		kind := a.Doc.Blocks[tk.Block].Kind
		switch tk.Kind {
		case TokenWord:
			switch {
			case equalFoldASCII(w, "e.g.") || equalFoldASCII(w, "e.g") || w == "eg" || w == "Eg":
				emit(i, i, quoteMsg("", w, " is hard for some readers and screen readers"), "\"for example\" or \"like\".")
			case equalFoldASCII(w, "i.e.") || equalFoldASCII(w, "i.e") || w == "ie" || w == "Ie":
				emit(i, i, quoteMsg("", w, " is hard for some readers and screen readers"), "\"that is\", or rewrite the sentence.")
			case equalFoldASCII(w, "etc.") || equalFoldASCII(w, "etc"):
				emit(i, i, quoteMsg("", w, " leaves readers to guess the rest of the list"), "list every item, or start the list with \"for example\" or \"such as\".")
			case r.v.is(p.ids[i], tagMonthName) && w[0] >= 'A' && w[0] <= 'Z' && same(i, i+1) && toks[i+1].Kind == TokenNumber:
				// "April 3", "April 3rd", "April 3, 2025"
				n := text(i + 1)
				if d, _ := dayNumber(n); d > 0 && (i+2 >= len(toks) || !same(i, i+2) || toks[i+2].Kind != TokenWord || !isMonthOrTime(text(i+2))) {
					emit(i, i+1, quoteMsg("", a.Doc.Blocks[tk.Block].Text[tk.Start:toks[i+1].End], ": GOV.UK writes the day before the month, with no ordinal"), "\""+itoa(d)+" "+w+"\".")
					i++
				}
			case (w == "noon" || w == "Noon") && i > 0 && same(i, i-1) && text(i-1) == "12":
				emit(i-1, i, "\"12 noon\": GOV.UK writes \"midday\"", "\"midday\".")
			}
		case TokenNumber:
			// an ordinal day before a month: "3rd April", "3rd of April"
			if d, ord := dayNumber(w); d > 0 && ord {
				j := i + 1
				if same(i, j) && equalFoldASCII(text(j), "of") {
					j++
				}
				if same(i, j) && r.v.is(p.ids[j], tagMonthName) && text(j)[0] >= 'A' && text(j)[0] <= 'Z' {
					emit(i, j, quoteMsg("", a.Doc.Blocks[tk.Block].Text[tk.Start:toks[j].End], ": GOV.UK writes dates with no ordinal"), "\""+itoa(d)+" "+text(j)+"\".")
					i = j
					continue
				}
			}
			// a numeric date: 03/04/2025, outside tables
			if kind != BlockTableCell && i+4 < len(toks) && same(i, i+4) && text(i+1) == "/" && text(i+3) == "/" &&
				touching(i) && touching(i+1) && touching(i+2) && touching(i+3) {
				d, m, y := smallNumber(w), smallNumber(text(i+2)), text(i+4)
				if d >= 1 && d <= 31 && m >= 1 && m <= 12 && (len(y) == 2 || len(y) == 4) && smallNumber(y) >= 0 {
					emit(i, i+4, quoteMsg("", a.Doc.Blocks[tk.Block].Text[tk.Start:toks[i+4].End], ": a date in numbers can be read two ways"), "the day, the month in words and the year, like \"3 April 2025\".")
					i += 4
					continue
				}
			}
			if sug, j, msg := r.clock(a, i, same); sug != "" {
				emit(i, j, msg, sug)
				i = j
			}
		case TokenPunct, TokenSymbol:
			// an ampersand between words: "planning & building"
			if w == "&" && i > 0 && same(i, i-1) && same(i, i+1) && toks[i-1].Kind == TokenWord && toks[i+1].Kind == TokenWord &&
				!touching(i-1) && !touching(i) {
				emit(i, i, "\"&\" in running text: GOV.UK writes \"and\"", "\"and\".")
			}
		}
	}
	return t
}

// clock looks at the number token i as a time of day. It returns what to
// write instead, the last token of the match and the message, or "" when
// the time is in GOV.UK style or is not a time.
func (r *govukStyle) clock(a *Analysis, i int, same func(i, j int) bool) (sug string, last int, msg string) {
	toks := a.Tokens
	w := a.Text(i)
	// a range in one token: "9am-5pm"
	for k := 1; k+1 < len(w); k++ {
		if w[k] == '-' && ampm(timeSuffix(w[:k])) != 0 && isDigit(w[k+1]) && ampm(timeSuffix(w[k+1:])) != 0 {
			return "\"" + w[:k] + " to " + w[k+1:] + "\".", i, "a time range with a dash: GOV.UK writes \"to\""
		}
	}
	// the digits: hour, and minutes after ":" or "."
	h, k := 0, 0
	for k < len(w) && k < 2 && isDigit(w[k]) {
		h = h*10 + int(w[k]-'0')
		k++
	}
	if k == 0 {
		return "", i, ""
	}
	m, sep := -1, byte(0)
	if k+2 < len(w)+1 && k < len(w) && (w[k] == ':' || w[k] == '.') && k+3 <= len(w) && isDigit(w[k+1]) && isDigit(w[k+2]) {
		sep = w[k]
		m = int(w[k+1]-'0')*10 + int(w[k+2]-'0')
		k += 3
	}
	if h > 23 || m > 59 {
		return "", i, ""
	}
	suffix := w[k:]
	last = i
	// "5 pm", "5 p.m.", "5 PM": the suffix as the next token
	if suffix == "" && same(i, i+1) && toks[i+1].Kind == TokenWord && toks[i+1].Start > toks[i].End {
		if ampm(a.Text(i+1)) != 0 {
			suffix, last = a.Text(i+1), i+1
		}
	}
	span := a.Doc.Blocks[toks[i].Block].Text[toks[i].Start:toks[last].End]
	switch x := ampm(suffix); {
	case x != 0 && h >= 1 && h <= 12:
		if h == 12 && (m <= 0) {
			if x == 'p' {
				return "\"midday\".", last, quoteMsg("", span, ": GOV.UK writes \"midday\"")
			}
			return "\"midnight\".", last, quoteMsg("", span, ": GOV.UK writes \"midnight\"")
		}
		good := itoa(h)
		if m > 0 {
			good += ":" + twoDigits(m)
		}
		good += string(rune(x)) + "m"
		if span != good {
			return "\"" + good + "\".", last, quoteMsg("", span, ": GOV.UK writes times like \""+good+"\"")
		}
	case suffix == "" && sep == ':' && m >= 0 && !(same(i, i+1) && toks[i+1].Kind == TokenNumber):
		// a 24-hour time: 17:00
		return "\"" + clock12(h, m) + "\".", i, quoteMsg("", span, ": GOV.UK uses the 12-hour clock")
	case suffix == "" && sep == '.' && m >= 0 && i > 0 && same(i, i-1) && isTimePreposition(a.Text(i-1)):
		// "at 10.30", "from 9.30"
		return "\"" + clock12(h, m) + "\".", i, quoteMsg("", span, ": GOV.UK writes times like \"10:30am\"")
	}
	// a range with a hyphen: "9am-5pm"
	if ampm(suffix) != 0 && span == w && same(i, i+2) && toks[i+2].Kind == TokenNumber {
		if d := a.Text(i + 1); (d == "-" || d == "–" || d == "—") && ampm(timeSuffix(a.Text(i+2))) != 0 {
			return "\"" + w + " to " + a.Text(i+2) + "\".", i + 2, "a time range with a dash: GOV.UK writes \"to\""
		}
	}
	return "", i, ""
}

// ampm returns 'a' or 'p' for a spelling of am or pm (am, a.m., AM, A.M.),
// else 0.
func ampm(s string) byte {
	var c [2]byte
	n := 0
	for i := 0; i < len(s); i++ {
		x := s[i] | 0x20
		if s[i] == '.' {
			continue
		}
		if n == 2 {
			return 0
		}
		c[n] = x
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

// clock12 writes the 24-hour time h:m in GOV.UK style.
func clock12(h, m int) string {
	switch {
	case h == 12 && m == 0:
		return "midday"
	case h == 0 && m == 0:
		return "midnight"
	}
	x := "am"
	if h >= 12 {
		x = "pm"
	}
	h %= 12
	if h == 0 {
		h = 12
	}
	s := itoa(h)
	if m > 0 {
		s += ":" + twoDigits(m)
	}
	return s + x
}

func twoDigits(n int) string { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }

// isTimePreposition reports whether w comes before a time: at, from,
// until, till, start. ("by" is left out: "rose by 10.30 points".)
func isTimePreposition(w string) bool {
	return hasFoldWord(" at from until till starts start starting ", w)
}

// styleWords are the words govuk-style looks at besides months, as the
// tokeniser reads them.
const styleWords = "e.g. e.g eg i.e. i.e ie etc. etc noon"

// monthNames are the months' names.
const monthNames = " january february march april may june july august september october november december "

// isMonthOrTime reports whether w, after "April 3", makes the number
// something other than a day: "April 3 weeks".
func isMonthOrTime(w string) bool {
	return hasFoldWord(" weeks week days day months month years year hours hours minutes per percent people ", w)
}

// dayNumber reads a day of the month, 1 to 31, with or without an ordinal
// suffix (3, 3rd); ord tells whether it had one. It returns 0 for
// anything else.
func dayNumber(s string) (d int, ord bool) {
	k := 0
	for k < len(s) && k < 3 && isDigit(s[k]) {
		d = d*10 + int(s[k]-'0')
		k++
	}
	if k == 0 || k > 2 || d < 1 || d > 31 {
		return 0, false
	}
	switch sfx := s[k:]; {
	case sfx == "":
		return d, false
	case equalFoldASCII(sfx, "st") || equalFoldASCII(sfx, "nd") || equalFoldASCII(sfx, "rd") || equalFoldASCII(sfx, "th"):
		return d, true
	}
	return 0, false
}

// smallNumber reads s as a number of at most four digits, or -1.
func smallNumber(s string) int {
	if len(s) == 0 || len(s) > 4 {
		return -1
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return -1
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}
