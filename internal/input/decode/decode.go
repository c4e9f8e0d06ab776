// Package decode reads text that is not UTF-8 but Windows-1252, as
// council documents saved as text from Word are, into UTF-8 with a note.
// It is a package of its own so that the browser builds, which import
// package input, do not link golang.org/x/text.
package decode

import (
	"errors"
	"unicode/utf8"

	"github.com/civickit/civickit/internal/input"
	"golang.org/x/text/encoding/charmap"
)

// Windows1252Note is the note [Text] returns for text it read as
// Windows-1252.
const Windows1252Note = "not UTF-8: read as Windows-1252, the encoding Word and Excel save text in; save it as UTF-8 to be sure"

// Text returns b as UTF-8 text. UTF-8 input is returned as it is, with
// its byte-order mark. Input that is not UTF-8 but whose every byte is a
// Windows-1252 character (council documents saved as text from Word: é,
// curly quotes, en dashes, £) is decoded with
// golang.org/x/text/encoding/charmap and returned with
// [Windows1252Note], so that no character silently becomes U+FFFD; its
// lines and columns (counted in characters) are those of the original.
// UTF-16 and UTF-32 input, and input with one of the five bytes
// Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D), give
// [input.Check]'s *input.EncodingError.
func Text(b []byte) (text []byte, note string, err error) {
	if utf8.Valid(b) {
		// the common case, found several times faster than Check's
		// rune-by-rune loop finds it; Check then looks only at the
		// first bytes, for UTF-16 and UTF-32, whose marks and ASCII
		// can be valid UTF-8 (a prefix cut inside a character is
		// fine: complete is false)
		return b, "", input.Check(b[:min(len(b), 4)], false)
	}
	err = input.Check(b, true)
	var enc *input.EncodingError
	if err == nil || !errors.As(err, &enc) || enc.Encoding != "Latin-1 or Windows-1252" {
		return b, "", err
	}
	for _, c := range b {
		switch c {
		case 0x81, 0x8d, 0x8f, 0x90, 0x9d:
			return nil, "", err
		}
	}
	out, derr := charmap.Windows1252.NewDecoder().Bytes(b)
	if derr != nil {
		return nil, "", err
	}
	return out, Windows1252Note, nil
}
