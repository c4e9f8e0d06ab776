// Package input holds the policy every civickit reader applies to bad
// input: a size cap, a UTF-8 byte-order mark accepted, and UTF-16 or
// Latin-1 input refused with an error that names the encoding. Package
// decode reads Windows-1252 text for the readers of prose.
package input

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strconv"
	"unicode/utf8"
)

// DefaultMaxBytes is the size cap a reader applies when its options leave
// the cap at 0: 64 MiB, far above any council document, survey or ward
// network export, far below what exhausts a machine.
const DefaultMaxBytes int64 = 64 << 20

// TooLargeError reports input longer than the cap.
type TooLargeError struct {
	Max int64 // the cap in bytes
}

// Error says how big the cap is.
func (e *TooLargeError) Error() string {
	return "input is larger than the limit of " + Size(e.Max) + "; raise the limit to read it"
}

// Size formats a byte count for people: "64 MiB", "1.5 KiB", "12 bytes".
func Size(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return strconv.FormatInt(n>>30, 10) + " GiB"
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + " MiB"
	case n >= 1<<10 && n%(1<<10) == 0:
		return strconv.FormatInt(n>>10, 10) + " KiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// ParseSize reads a size such as "64MiB", "64MB", "200k" or "1048576" (bytes).
// Decimal and binary suffixes both mean powers of 1024, as councils' users
// expect "MB" to mean what their file manager shows.
func ParseSize(s string) (int64, error) {
	t := bytes.TrimSpace([]byte(s))
	i := 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i == 0 {
		return 0, errors.New("size " + strconv.Quote(s) + " is not a number of bytes such as 64MB")
	}
	n, err := strconv.ParseInt(string(t[:i]), 10, 64)
	if err != nil {
		return 0, errors.New("size " + strconv.Quote(s) + " is too large")
	}
	var shift uint
	switch string(bytes.ToLower(bytes.TrimSpace(t[i:]))) {
	case "", "b", "bytes":
	case "k", "kb", "kib":
		shift = 10
	case "m", "mb", "mib":
		shift = 20
	case "g", "gb", "gib":
		shift = 30
	default:
		return 0, errors.New("size " + strconv.Quote(s) + " has an unknown unit (use KB, MB or GB)")
	}
	if n > (1<<62)>>shift {
		return 0, errors.New("size " + strconv.Quote(s) + " is too large")
	}
	return n << shift, nil
}

// Max returns max, or DefaultMaxBytes when max is 0 or less.
func Max(max int64) int64 {
	if max <= 0 {
		return DefaultMaxBytes
	}
	return max
}

// ReadAll reads r to the end, or fails with a *TooLargeError as soon as it
// has read more than max bytes (DefaultMaxBytes when max <= 0), so endless
// input such as /dev/zero costs at most max bytes of memory.
func ReadAll(r io.Reader, max int64) ([]byte, error) {
	max = Max(max)
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return b, err
	}
	if int64(len(b)) > max {
		return nil, &TooLargeError{Max: max}
	}
	return b, nil
}

// Limit returns a reader that reads r and fails with a *TooLargeError once
// more than max bytes (DefaultMaxBytes when max <= 0) have been read, for
// readers that stream.
func Limit(r io.Reader, max int64) io.Reader {
	return &limited{r: r, left: Max(max), max: Max(max)}
}

type limited struct {
	r         io.Reader
	left, max int64
}

func (l *limited) Read(p []byte) (int, error) {
	if l.left < 0 {
		return 0, &TooLargeError{Max: l.max}
	}
	if int64(len(p)) > l.left+1 {
		p = p[:l.left+1]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	if l.left < 0 {
		return n - int(-l.left), &TooLargeError{Max: l.max}
	}
	return n, err
}

// EncodingError reports input in an encoding other than UTF-8.
type EncodingError struct {
	Encoding string // "UTF-16 (little-endian)", "UTF-16 (big-endian)", "UTF-32", "Latin-1 or Windows-1252"
	Offset   int64  // the byte offset where the evidence was found
}

// Error names the encoding and says what to do.
func (e *EncodingError) Error() string {
	return "input is " + e.Encoding + ", not UTF-8 (first seen at byte " + strconv.FormatInt(e.Offset, 10) + "); save it as UTF-8 and try again"
}

// BOM is the UTF-8 byte-order mark.
const BOM = "\xef\xbb\xbf"

// Check inspects the start of the input (up to its first few kilobytes, or
// all of it) and returns an *EncodingError for UTF-16 or UTF-32 input
// (by byte-order mark or by the NUL bytes between ASCII letters) and for
// bytes that are not UTF-8, which in council exports almost always means
// Latin-1 or Windows-1252. When complete is false, b is only the start of
// the input and a last UTF-8 sequence cut short is not an error. A UTF-8
// byte-order mark is fine: callers skip it with TrimBOM.
func Check(b []byte, complete bool) error {
	switch {
	case bytes.HasPrefix(b, []byte{0xff, 0xfe, 0, 0}), bytes.HasPrefix(b, []byte{0, 0, 0xfe, 0xff}):
		return &EncodingError{Encoding: "UTF-32"}
	case bytes.HasPrefix(b, []byte{0xff, 0xfe}):
		return &EncodingError{Encoding: "UTF-16 (little-endian)"}
	case bytes.HasPrefix(b, []byte{0xfe, 0xff}):
		return &EncodingError{Encoding: "UTF-16 (big-endian)"}
	}
	if len(b) >= 4 {
		switch {
		case b[0] != 0 && b[1] == 0 && b[2] != 0 && b[3] == 0:
			return &EncodingError{Encoding: "UTF-16 (little-endian)", Offset: 1}
		case b[0] == 0 && b[1] != 0 && b[2] == 0 && b[3] != 0:
			return &EncodingError{Encoding: "UTF-16 (big-endian)"}
		}
	}
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			if !complete && !utf8.FullRune(b[i:]) {
				return nil // cut at the end of the prefix
			}
			return &EncodingError{Encoding: "Latin-1 or Windows-1252", Offset: int64(i)}
		}
		i += n
	}
	return nil
}

// TrimBOM returns b without a leading UTF-8 byte-order mark, and the
// number of bytes it removed (0 or 3), so callers can keep byte offsets
// true to the file.
func TrimBOM(b []byte) ([]byte, int) {
	if bytes.HasPrefix(b, []byte(BOM)) {
		return b[len(BOM):], len(BOM)
	}
	return b, 0
}

// Reader wraps r for a streaming reader: it caps the size at max
// (DefaultMaxBytes when max <= 0), skips a UTF-8 byte-order mark, and
// checks the first 4 KiB with Check (a later Latin-1 byte is the caller's
// to report) before any byte is returned. It
// returns the *EncodingError at once rather than a reader that fails
// later.
func Reader(r io.Reader, max int64) (io.Reader, error) {
	br := bufio.NewReaderSize(Limit(r, max), 4096)
	head, err := br.Peek(4096)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		var tl *TooLargeError
		if !errors.As(err, &tl) {
			return nil, err
		}
	}
	if err := Check(head, len(head) < 4096); err != nil {
		return nil, err
	}
	if bytes.HasPrefix(head, []byte(BOM)) {
		br.Discard(len(BOM))
	}
	return br, nil
}
