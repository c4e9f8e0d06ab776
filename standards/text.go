package standards

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
	for ls := start; ls < len(src); {
		if b.cancelled(ls) {
			return
		}
		le := ls
		for le < len(src) && src[le] != '\n' {
			le++
		}
		next := le + 1
		cs, ce := trimSpaceRange(src, ls, le)
		switch {
		case cs == ce: // blank line
			closeBlock(true)
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
		case isAllCaps(src[cs:ce]):
			closeBlock(false)
			b.copy(cs, ce)
			b.end(BlockHeading, 2, 0)
		default:
			if m := listMarker(src, cs, ce); m > cs {
				closeBlock(false)
				open, kind, lines, numbered = true, BlockListItem, 0, -1
				if src[cs] >= '0' && src[cs] <= '9' {
					numbered = cs
				}
				cs = m
			} else if open {
				b.add('\n', ls-1) // the newline ending the previous line
			} else {
				open, kind, lines, numbered = true, BlockParagraph, 0, -1
			}
			b.copy(cs, ce)
			lines++
			lastByte = src[ce-1]
			lineEnd = ce
		}
		ls = next
	}
	closeBlock(true)
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
	case 0xe2: // • is E2 80 A2
		if len(l) > 3 && l[1] == 0x80 && l[2] == 0xa2 {
			return after(3)
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
