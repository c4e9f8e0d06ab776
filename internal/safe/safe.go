// Package safe keeps text that came from input harmless when it is echoed
// back: in error messages and on terminals.
//
// Input can hold anything: a 1 MB header line, NUL bytes, invalid UTF-8,
// or terminal control sequences that move the cursor or rewrite the
// window title. [Quote] and [Text] cut such text to a short excerpt and
// escape every control character, so an error message stays one short line
// and text output never passes control sequences through.
package safe

import (
	"strconv"
	"unicode"
	"unicode/utf8"
)

// MaxExcerpt is the number of runes of input an error message quotes by
// default.
const MaxExcerpt = 40

// Quote returns s as a Go-quoted string cut to MaxExcerpt runes, with "…"
// after the closing quote when it was cut. Control characters and invalid
// UTF-8 are escaped.
func Quote(s string) string {
	cut, more := prefix(s, MaxExcerpt)
	q := strconv.Quote(cut)
	if more {
		q += "…"
	}
	return q
}

// Text returns s cut to at most max runes ("…" marks a cut) with every
// control character, invalid byte and Unicode format character (such as a
// bidirectional override) replaced by an escape such as \x1b or \u202e.
// Printable text, including non-ASCII letters, is kept as it is. max <= 0
// means no limit.
func Text(s string, max int) string {
	more := false
	if max > 0 {
		s, more = prefix(s, max)
	}
	clean := true
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n <= 1 || !printable(r) {
			clean = false
			break
		}
		i += n
	}
	if clean {
		if more {
			return s + "…"
		}
		return s
	}
	b := make([]byte, 0, len(s)+8)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			b = append(b, `\x`...)
			b = append(b, hex[s[i]>>4], hex[s[i]&15])
		case !printable(r):
			q := strconv.QuoteRuneToASCII(r)
			b = append(b, q[1:len(q)-1]...)
		default:
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	if more {
		b = append(b, "…"...)
	}
	return string(b)
}

// Line is Text for one line of terminal output: like Text with no length
// limit, but tabs are kept.
func Line(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\t' || c == 0x7f || c >= 0x80 {
			return lineSlow(s)
		}
	}
	return s
}

func lineSlow(s string) string {
	b := make([]byte, 0, len(s)+8)
	start := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == '\t' || (r != utf8.RuneError || n > 1) && printable(r) {
			i += n
			continue
		}
		b = append(b, s[start:i]...)
		b = append(b, Text(s[i:i+n], 0)...)
		i += n
		start = i
	}
	b = append(b, s[start:]...)
	return string(b)
}

const hex = "0123456789abcdef"

func printable(r rune) bool {
	return r >= 0x20 && r != 0x7f && (r < 0x80 || unicode.IsGraphic(r))
}

// prefix returns the first max runes of s and whether anything was cut.
func prefix(s string, max int) (string, bool) {
	n := 0
	for i := range s {
		if n == max {
			return s[:i], true
		}
		n++
	}
	return s, false
}
