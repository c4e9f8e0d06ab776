package standards

import "unicode/utf8"

//go:generate sh -c "/usr/bin/python3 testdata/extract/gen_entities.py | gofmt > html_entity_table.go"

// entityMode selects the character-reference rules of a context.
type entityMode uint8

const (
	entText     entityMode = iota // HTML text: legacy names decode without ';'
	entAttr                       // HTML attribute value: as text, but "&copy=" stays as written
	entMarkdown                   // CommonMark: ';' required, numeric references of at most 7 digits
)

// cp1252 maps the numeric references &#128; to &#159; to the characters
// that windows-1252 puts there, as the HTML standard requires.
var cp1252 = [32]rune{
	0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
	0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
}

// legacyEntity reports whether a reference to name may omit its ';' in
// HTML: the Latin-1 names and amp, lt, gt, quot (in either case).
func legacyEntity(name string, r rune) bool {
	if r >= 0xa0 && r <= 0xff {
		return true
	}
	switch name {
	case "amp", "lt", "gt", "quot", "AMP", "LT", "GT", "QUOT":
		return true
	}
	return false
}

// decodeEntity decodes the character reference that starts at src[i] ==
// '&' and ends at or before end. It returns the decoded UTF-8 bytes (in
// buf) and the offset just past the reference, or j == i when src[i:]
// is not a reference and stays as written.
func decodeEntity(src []byte, i, end int, mode entityMode, buf *[utf8.UTFMax]byte) (dec []byte, j int) {
	j = i + 1
	if j >= end {
		return nil, i
	}
	if src[j] == '#' {
		return decodeNumeric(src, i, end, mode, buf)
	}
	k := j
	for k < end && k-j < 32 && isAlnumByte(src[k]) {
		k++
	}
	if k == j {
		return nil, i
	}
	if k < end && src[k] == ';' {
		if r, ok := entities[string(src[j:k])]; ok {
			n := utf8.EncodeRune(buf[:], r)
			return buf[:n], k + 1
		}
	}
	if mode == entMarkdown {
		return nil, i
	}
	// the longest legacy name that prefixes the letters, without ';'
	for p := k; p > j; p-- {
		r, ok := entities[string(src[j:p])]
		if !ok || !legacyEntity(string(src[j:p]), r) {
			continue
		}
		if mode == entAttr && (p < k || (p < end && src[p] == '=')) {
			return nil, i
		}
		n := utf8.EncodeRune(buf[:], r)
		return buf[:n], p
	}
	return nil, i
}

// decodeNumeric decodes &#NNN; or &#xHHH; at src[i].
func decodeNumeric(src []byte, i, end int, mode entityMode, buf *[utf8.UTFMax]byte) ([]byte, int) {
	k := i + 2
	hex := k < end && (src[k] == 'x' || src[k] == 'X')
	if hex {
		k++
	}
	d0 := k
	var v rune
	for k < end {
		c := src[k]
		var d rune
		switch {
		case c >= '0' && c <= '9':
			d = rune(c - '0')
		case hex && c >= 'a' && c <= 'f':
			d = rune(c-'a') + 10
		case hex && c >= 'A' && c <= 'F':
			d = rune(c-'A') + 10
		default:
			goto done
		}
		if hex {
			v = v*16 + d
		} else {
			v = v*10 + d
		}
		if v > utf8.MaxRune {
			v = utf8.MaxRune + 1 // stays out of range however long the digits run
		}
		k++
	}
done:
	digits := k - d0
	if digits == 0 {
		return nil, i
	}
	semi := k < end && src[k] == ';'
	if mode == entMarkdown && (!semi || (hex && digits > 6) || (!hex && digits > 7)) {
		return nil, i
	}
	if semi {
		k++
	}
	switch {
	case v == 0 || v > utf8.MaxRune || (v >= 0xd800 && v <= 0xdfff):
		v = utf8.RuneError
	case v >= 0x80 && v <= 0x9f && mode != entMarkdown:
		v = cp1252[v-0x80]
	}
	n := utf8.EncodeRune(buf[:], v)
	return buf[:n], k
}

func isAlnumByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
