package standards

import "bytes"

// Plain-text reading; the rules are documented on [Extract].

// maxShortHeading is the longest one-line paragraph, in bytes, read as a
// heading when it does not end in punctuation.
const maxShortHeading = 80

// extractText reads plain text from src[start:].
func extractText(b *builder, start int) {
	src := b.src
	var (
		open     bool // a block is open
		kind     BlockKind
		lines    int  // lines in the open block
		lastByte byte // last byte of the open block's last line
		numbered int  // start of a numbered list item's marker, or -1
		lineEnd  int  // end of the open block's last line
		lastLen  int  // length in bytes of the open block's last line
		unit     bool // the previous line was a unit of its own
		bare     bool // the open block is an item of a list without markers
	)
	// asHeading turns a one-line numbered list item into a heading that
	// keeps its number, as minutes number their items.
	asHeading := func() {
		if kind == BlockListItem && numbered >= 0 {
			b.reset()
			b.copy(numbered, lineEnd)
		}
	}
	// closeBlock ends the open block; atBreak tells that a blank line or
	// the end of the input follows, which a short heading needs.
	closeBlock := func(atBreak bool) {
		if !open {
			return
		}
		level := 0
		if atBreak && (kind == BlockParagraph || numbered >= 0) && lines == 1 && b.n() <= maxShortHeading && !isSentenceEnd(lastByte) {
			asHeading()
			kind, level = BlockHeading, 3
		}
		b.end(kind, level, 0)
		open = false
	}
	end := len(src)
	if b.limit > 0 {
		end = b.limit // a first half, which ends after a blank line
	}
	for ls := start; ls < end; {
		if b.cancelled(ls) {
			return
		}
		le, next := lineEnd2(src, ls)
		cs, ce := trimSpaceRange(src, ls, le)
		indented := cs > ls
		switch {
		case cs == ce: // blank line
			closeBlock(true)
			unit, bare = false, false
		case isUnderline(src[cs:ce]):
			if open && (kind == BlockParagraph || numbered >= 0) && lines == 1 {
				level := 1
				if src[cs] == '-' {
					level = 2
				}
				asHeading()
				b.end(BlockHeading, level, 0)
				open = false
			} else {
				closeBlock(true) // a rule line: a break
			}
			unit = false
		case isAllCaps(src[cs:ce]):
			closeBlock(false)
			b.copy(cs, ce)
			b.end(BlockHeading, 2, 0)
			unit = true
		case isTableRow(src[cs:ce]):
			closeBlock(false)
			tableRow(b, src, cs, ce)
			unit = true
		default:
			m := listMarker(src, cs, ce)
			switch {
			case m > cs && src[cs] >= '0' && src[cs] <= '9' && m < ce && !(open && kind == BlockListItem) && numberedHeading(src, m, ce, next):
				// "5. Public speaking" over the minute's text: an item's
				// heading, number included
				closeBlock(false)
				b.copy(cs, ce)
				b.end(BlockHeading, 3, 0)
				unit = true
				ls = next
				continue
			case m > cs:
				closeBlock(false)
				open, kind, lines, numbered, bare = true, BlockListItem, 0, -1, false
				if src[cs] >= '0' && src[cs] <= '9' {
					numbered = cs
				}
				cs = m
			case isLabel(src[cs:ce]):
				// "Reason for decision:" over its text: a label of its own,
				// never the end of the sentence before it
				closeBlock(false)
				b.copy(cs, ce)
				b.end(BlockParagraph, 0, 0)
				unit = true
				ls = next
				continue
			case isLabelValue(src[cs:ce]) && !continues(src, next):
				closeBlock(false)
				b.copy(cs, ce)
				b.end(BlockListItem, 0, 0) // as HTML reads a dt/dd pair
				unit = true
				ls = next
				continue
			case open && !indented && (lastByte == ':' && kind == BlockParagraph || bare && kind == BlockListItem) && isUpper(src[cs]):
				// "for example:" over lines that each start with a
				// capital: a list without markers, a line an item
				closeBlock(false)
				open, kind, lines, numbered, bare = true, BlockListItem, 0, -1, true
			case open && kind == BlockListItem && !indented && (lastLen < minWrapped || isSentenceEnd(lastByte)):
				// an unindented line after a short or finished list item
				// starts a paragraph: wrapped items indent their next lines
				closeBlock(false)
				open, kind, lines, numbered = true, BlockParagraph, 0, -1
			case (!open || unit || isSentenceEnd(lastByte) && lastByte != ',' ||
				// a line that ends without punctuation or a word that
				// carries on ("Agenda item - Declarations of interest"
				// over "Agenda item"): a unit too, not wrapped prose
				kind == BlockParagraph && lastByte != ',' && lastByte != ':' && lastByte != '-' && !isSentenceEnd(lastByte) && !endsCarryingOn(src[lineEnd-lastLen:lineEnd])) &&
				isHeadingLine(src, cs, ce, next):
				closeBlock(false)
				b.copy(cs, ce)
				b.end(BlockHeading, 3, 0)
				unit = true
				ls = next
				continue
			case open && unit:
				closeBlock(false)
				open, kind, lines, numbered = true, BlockParagraph, 0, -1
			case open:
				b.add('\n', ls-1) // the newline ending the previous line
			default:
				open, kind, lines, numbered = true, BlockParagraph, 0, -1
			}
			b.copy(cs, ce)
			lines++
			lastByte = src[ce-1]
			lineEnd = ce
			lastLen = ce - cs
			unit = false
		}
		ls = next
	}
	closeBlock(true)
}

// lineEnd2 returns the end of the line starting at ls and the start of
// the next: a line ends at "\n", "\r\n" or a lone "\r" (old Mac files).
func lineEnd2(src []byte, ls int) (end, next int) {
	le := ls
	for le < len(src) && src[le] != '\n' && src[le] != '\r' {
		le++
	}
	switch {
	case le == len(src):
		return le, le
	case src[le] == '\r' && le+1 < len(src) && src[le+1] == '\n':
		return le, le + 2
	}
	return le, le + 1
}

// minWrapped is the length in bytes under which a line is taken as ending
// its list item or paragraph rather than wrapped at a fixed width.
const minWrapped = 60

// maxHeadingLine is the longest line, in bytes, read as a heading of its
// own when it has no end punctuation.
const maxHeadingLine = 60

// isTableRow reports whether l looks like a row of a table: cells split
// by a tab inside the text, or by " | " (a pipe with spaces, or a row
// written |a|b|).
func isTableRow(l []byte) bool {
	if bytes.IndexByte(l, '\t') > 0 {
		return true
	}
	if len(l) > 2 && l[0] == '|' && l[len(l)-1] == '|' {
		return true
	}
	if k := bytes.IndexByte(l, '|'); k < 1 {
		return false
	}
	return indexPair(l, " |", ' ') >= 0
}

// tableRow adds each cell of the row src[s:e] as a table-cell block.
func tableRow(b *builder, src []byte, s, e int) {
	cell := s
	flush := func(end int) {
		cs, ce := trimSpaceRange(src, cell, end)
		for cs < ce && src[cs] == '|' {
			cs++
		}
		cs, ce = trimSpaceRange(src, cs, ce)
		b.copy(cs, ce)
		b.end(BlockTableCell, 0, 0)
	}
	for i := s; i < e; i++ {
		if src[i] == '\t' || src[i] == '|' && (i == s || i == e-1 || src[i-1] == ' ' || src[i+1] == ' ') {
			flush(i)
			cell = i + 1
		}
	}
	flush(e)
}

// isLabelValue reports whether l is a label and its value, such as
// "Date: Tuesday 14 January 2025" or "Contact - Democratic Services": a
// label of one to five words starting with a capital letter (a question
// mark may end it, as in "Is Key decision?: No"), then ": "
// and a value without a full stop in the middle of it. A sentence that
// leads into a list ("The plan includes:") is not one: it has nothing
// after the colon, nor is a resolution ("RESOLVED: That the comments be
// forwarded to Cabinet."): a value has at most twelve words, and at most
// six when it ends with a full stop, unless the label ends in a number
// ("Option 2: To reduce the grant by 25% from April.").
func isLabelValue(l []byte) bool {
	colon := indexPair(l[:min(len(l), 42)], ": ", 0) // a label is at most 40 bytes
	if colon <= 0 || colon > 40 || !(l[0] >= 'A' && l[0] <= 'Z' || l[0] >= '0' && l[0] <= '9') {
		return false
	}
	words := 1
	for k, c := range l[:colon] {
		switch c {
		case ' ':
			words++
		case '?':
			if k < colon-1 {
				return false
			}
			// "Is Key decision?: No": a form's question label
		case '.', '!', ',', ';':
			return false
		}
	}
	if words > 5 {
		return false
	}
	vs, ve := trimSpaceRange(l, colon+2, len(l))
	value := l[vs:ve]
	if len(value) == 0 {
		return false
	}
	if c := l[colon-1]; c >= '0' && c <= '9' && words > 1 {
		return true // "Option 2: To reduce the grant by 25% from April.": a numbered label heads any value
	}
	// a value that runs on as prose ("Note: the meeting will be held in
	// public. Please arrive early.", "RESOLVED: That the report be
	// noted.") is a sentence, not a value
	if k := indexPair(value, ". ", 0); k >= 0 && k < len(value)-2 {
		return false
	}
	vw := 1
	for _, c := range value {
		if c == ' ' {
			vw++
		}
	}
	return vw <= 12 && (vw <= 6 || value[len(value)-1] != '.')
}

// isLabel reports whether l is a label alone on its line, its value on
// the lines below: up to five words and 40 bytes that start with a
// capital or a digit and end with a colon, or with ":-" as ModernGov's
// decision records write "Decision :-".
func isLabel(l []byte) bool {
	n := len(l)
	switch {
	case n >= 2 && l[n-2] == ':' && l[n-1] == '-':
		n -= 2
	case n >= 1 && l[n-1] == ':':
		n--
	default:
		return false
	}
	for n > 0 && l[n-1] == ' ' {
		n--
	}
	if n == 0 || n > 40 || !(l[0] >= 'A' && l[0] <= 'Z' || l[0] >= '0' && l[0] <= '9') {
		return false
	}
	words := 1
	for _, c := range l[:n] {
		switch c {
		case ' ':
			words++
		case '.', '!', '?', ',', ';', ':':
			return false
		}
	}
	return words <= 5
}

// isHeadingLine reports whether the line src[s:e], which starts a block,
// is a heading of its own: at most maxHeadingLine bytes and ten words,
// starting with a capital letter or digit, without end punctuation, not
// ending in a word that carries on ("of", "and", "the"), and followed by
// a blank line, the end, or a line that starts with a capital letter,
// digit or list marker (a lower-case start means the line was wrapped).
func isHeadingLine(src []byte, s, e, next int) bool {
	l := src[s:e]
	if len(l) > maxHeadingLine || isSentenceEnd(l[len(l)-1]) && l[len(l)-1] < 0x80 || l[len(l)-1] == '-' {
		return false
	}
	if c := l[0]; !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
		return false
	}
	words := 1
	for _, c := range l {
		if c == ' ' {
			words++
		}
	}
	if words > 10 {
		return false
	}
	if endsCarryingOn(l) {
		return false
	}
	// the next line
	ne, _ := lineEnd2(src, next)
	ns, ne2 := trimSpaceRange(src, next, ne)
	if ns == ne2 {
		return true
	}
	if isUnderline(src[ns:ne2]) {
		return false // a setext heading: the underline decides
	}
	return !continues(src, next)
}

// endsCarryingOn reports whether the line l ends in a word that carries
// on to the next line ("of", "and", "the", "will").
func endsCarryingOn(l []byte) bool {
	last := l[bytes.LastIndexByte(l, ' ')+1:]
	if len(last) > 4 {
		return false
	}
	var low [4]byte
	for i, c := range last {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[i] = c
	}
	switch string(low[:len(last)]) {
	case "a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with", "will", "is", "are", "be":
		return true
	}
	return false
}

// numberedHeading reports whether a numbered line whose text is
// src[s:e] heads the prose below it, as minutes and agendas number their
// items, outside a list: the text does not end as a sentence does, and
// the next line
// (after one blank line, if there is one) is prose, neither a list item
// of its own, a label and its value, a table row nor a continuation ("2.
// Declarations of Interest" over "There were none.").
func numberedHeading(src []byte, s, e, next int) bool {
	ne, after := lineEnd2(src, next)
	ns, ne2 := trimSpaceRange(src, next, ne)
	if ns < ne2 && isUnderline(src[ns:ne2]) {
		return false // a setext heading: the underline decides its level
	}
	if ns == ne2 && after < len(src) {
		// a blank line, then the item's text
		next = after
		ne, _ = lineEnd2(src, next)
		ns, ne2 = trimSpaceRange(src, next, ne)
	}
	if ns == ne2 || listMarker(src, ns, ne2) > ns || isLabelValue(src[ns:ne2]) || isTableRow(src[ns:ne2]) || continues(src, next) {
		return false
	}
	// an item's title may be long ("5. Application for a summary review
	// of a premises licence: The Crown, 14 High Street"), but it does not
	// end as a sentence does
	l := src[s:e]
	if len(l) > 2*maxHeadingLine+40 || isSentenceEnd(l[len(l)-1]) && l[len(l)-1] < 0x80 || l[len(l)-1] == ',' || l[len(l)-1] == '-' {
		return false
	}
	if c := l[0]; !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
		return false
	}
	return len(l) <= maxHeadingLine || isHeadingLine(src, s, s+maxHeadingLine, next) || bytes.Count(l, []byte(" ")) < 25
}

// continues reports whether the line starting at next carries on the line
// before it: it starts with a lower-case letter or a closing bracket.
func continues(src []byte, next int) bool {
	ne, _ := lineEnd2(src, next)
	ns, ne2 := trimSpaceRange(src, next, ne)
	if ns == ne2 {
		return false
	}
	c := src[ns]
	return c >= 'a' && c <= 'z' || c == ')' || c == ']'
}

// indexPair returns the index of the two bytes p in l, followed by the
// byte then when it is not 0, or -1.
func indexPair(l []byte, p string, then byte) int {
	for i := 0; i+1 < len(l); i++ {
		if l[i] == p[0] && l[i+1] == p[1] && (then == 0 || i+2 < len(l) && l[i+2] == then) {
			return i
		}
	}
	return -1
}

// trimSpaceRange trims spaces, tabs, carriage returns and form feeds from
// both ends of src[s:e].
func trimSpaceRange(src []byte, s, e int) (int, int) {
	for s < e && isHSpace(src[s]) {
		s++
	}
	for e > s && isHSpace(src[e-1]) {
		e--
	}
	return s, e
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

func isHSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' }

// isSentenceEnd reports whether c ends a line as punctuation does.
func isSentenceEnd(c byte) bool {
	switch c {
	case '.', '!', '?', ':', ';', ',', ')', '"', '\'':
		return true
	}
	return c >= 0x80 // a closing curly quote or other non-ASCII mark: not a heading
}

// isUnderline reports whether l is a line of at least three '=' or three
// '-' characters (spaces allowed at the end).
func isUnderline(l []byte) bool {
	if len(l) < 3 || (l[0] != '=' && l[0] != '-') {
		return false
	}
	for _, c := range l {
		if c != l[0] {
			return false
		}
	}
	return true
}

// isAllCaps reports whether l has at least three ASCII letters, no
// lower-case ASCII letter and at most 80 bytes.
func isAllCaps(l []byte) bool {
	if len(l) > maxShortHeading {
		return false
	}
	upper := 0
	for _, c := range l {
		switch {
		case c >= 'a' && c <= 'z':
			return false
		case c >= 'A' && c <= 'Z':
			upper++
		}
	}
	return upper >= 3
}

// listMarker returns the offset of the content after a list marker at
// src[s:e], or s if the line has none. Markers: "- ", "* ", "+ ", "• ",
// "· ", "‣ ", "– ", "▪ ", "◦ ", "● ",
// one to three digits or a lower-case letter or roman numeral (up to four
// letters of ivx) followed by "." or ")", and the same inside parentheses.
func listMarker(src []byte, s, e int) int {
	l := src[s:e]
	after := func(n int) int { // n bytes of marker, then a space or tab and content
		if n < len(l)-1 && (l[n] == ' ' || l[n] == '\t') {
			for n < len(l) && (l[n] == ' ' || l[n] == '\t') {
				n++
			}
			if n < len(l) {
				return s + n
			}
		}
		return s
	}
	if len(l) < 3 {
		return s
	}
	switch l[0] {
	case '-', '*', '+':
		return after(1)
	case 0xe2: // • E2 80 A2, ‣ E2 80 A3, – E2 80 93, ▪ E2 96 AA, ◦ E2 97 A6, ● E2 97 8F
		if len(l) > 3 && (l[1] == 0x80 && (l[2] == 0xa2 || l[2] == 0xa3 || l[2] == 0x93) ||
			l[1] == 0x96 && l[2] == 0xaa || l[1] == 0x97 && (l[2] == 0xa6 || l[2] == 0x8f)) {
			return after(3)
		}
		return s
	case 0xc2: // · is C2 B7
		if l[1] == 0xb7 {
			return after(2)
		}
		return s
	}
	i := 0
	paren := l[0] == '('
	if paren {
		i++
	}
	j := i
	switch {
	case l[j] >= '0' && l[j] <= '9':
		for j < len(l) && j-i < 3 && l[j] >= '0' && l[j] <= '9' {
			j++
		}
	case l[j] == 'i' || l[j] == 'v' || l[j] == 'x':
		for j < len(l) && j-i < 4 && (l[j] == 'i' || l[j] == 'v' || l[j] == 'x') {
			j++
		}
	case l[j] >= 'a' && l[j] <= 'z':
		j++
	default:
		return s
	}
	if j >= len(l) {
		return s
	}
	if paren {
		if l[j] == ')' {
			return after(j + 1)
		}
		return s
	}
	if l[j] == '.' || l[j] == ')' {
		return after(j + 1)
	}
	return s
}
