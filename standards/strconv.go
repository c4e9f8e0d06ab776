package standards

import (
	"math"
	"unicode/utf8"
)

// itoa, fmt1 and quote format numbers and matched text for messages by
// hand: strconv's float formatting and quoting tables cost the browser
// build about 25 KB, and fmt far more.

// itoa formats n in decimal. It is not inlined: messages call it in
// dozens of places, where inlined copies would weigh on the browser build.
//
//go:noinline
func itoa(n int) string {
	var buf [20]byte
	i := len(buf)
	u := uint64(n)
	if n < 0 {
		u = -u
	}
	for u >= 10 {
		i--
		buf[i] = byte('0' + u%10)
		u /= 10
	}
	i--
	buf[i] = byte('0' + u)
	if n < 0 {
		i--
		buf[i] = '-'
	}
	return string(buf[i:])
}

// fmt1 formats x rounded to one decimal place, half away from zero, as
// "12.5" or "-0.3"; "n/a" for NaN and infinities.
func fmt1(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "n/a"
	}
	t := math.Round(x * 10)
	sign := ""
	if math.Signbit(t) {
		sign, t = "-", -t
	}
	if t >= 1<<62 {
		t = 1 << 62 // beyond any score or count
	}
	n := int(t)
	return sign + itoa(n/10) + "." + string(rune('0'+n%10))
}

// quote returns s in double quotes, escaped as Go escapes it: \", \\, the
// C escapes \a \b \f \n \r \t \v, other control bytes and invalid UTF-8 as
// \xNN, and the invisible characters in notPrint as \uNNNN.
func quote(s string) string {
	buf := make([]byte, 0, len(s)+8)
	buf = append(buf, '"')
	const hex = "0123456789abcdef"
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == '"' || c == '\\':
				buf = append(buf, '\\', c)
			case c >= 0x20 && c < 0x7f:
				buf = append(buf, c)
			case c >= '\a' && c <= '\r':
				buf = append(buf, '\\', "abtnvfr"[c-'\a'])
			default:
				buf = append(buf, '\\', 'x', hex[c>>4], hex[c&15])
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			buf = append(buf, '\\', 'x', hex[c>>4], hex[c&15])
		case notPrint(r):
			buf = append(buf, '\\', 'u', hex[r>>12&15], hex[r>>8&15], hex[r>>4&15], hex[r&15])
		default:
			buf = append(buf, s[i:i+size]...)
		}
		i += size
	}
	return string(append(buf, '"'))
}

// quoteInput quotes s for an error message as internal/safe's Quote does:
// escaped by quote and cut to 40 runes, with "…" after the closing quote
// when it was cut, so that a long or hostile value stays a short line.
func quoteInput(s string) string {
	n := 0
	for i := range s {
		if n == 40 {
			return quote(s[:i]) + "…"
		}
		n++
	}
	return quote(s)
}

// notPrint reports whether r is a C1 control, a space other than U+0020 or
// an invisible format character, which quote escapes so that a message
// shows them.
func notPrint(r rune) bool {
	switch {
	case r <= 0xA0, r == 0xAD, r == 0x1680, r == 0x180E, r >= 0x2000 && r <= 0x200F,
		r >= 0x2028 && r <= 0x202F, r >= 0x205F && r <= 0x206F, r == 0x3000, r == 0xFEFF,
		r >= 0xFFF9 && r <= 0xFFFB, r >= 0xD800 && r <= 0xDFFF:
		return true
	}
	return false
}
