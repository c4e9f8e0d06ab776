package decode

import (
	"strings"
	"testing"

	"github.com/civickit/civickit/internal/input"
)

// TestText checks that Windows-1252 text, as Word saves it, is decoded
// with a note; that UTF-8 is returned as it is; and that UTF-16 and bytes
// Windows-1252 leaves undefined are still refused by name.
func TestText(t *testing.T) {
	cases := []struct {
		name, in, want, note, err string
	}{
		{"utf-8", "Café £5 – “quoted”", "Café £5 – “quoted”", "", ""},
		{"utf-8 with BOM", input.BOM + "Hi", input.BOM + "Hi", "", ""},
		{"windows-1252", "Caf\xe9 \x805 \x96 \x93quoted\x94 it\x92s", "Café €5 – “quoted” it’s", Windows1252Note, ""},
		{"latin-1 letters", "na\xefve r\xe9sum\xe9", "naïve résumé", Windows1252Note, ""},
		{"undefined in windows-1252", "Caf\xe9 \x81", "", "", "Latin-1 or Windows-1252"},
		{"utf-16", "\xff\xfeH\x00i\x00", "", "", "UTF-16"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, note, err := Text([]byte(c.in))
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("error %v, want one naming %s", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != c.want || note != c.note {
				t.Errorf("Text(%q) = %q, %q; want %q, %q", c.in, got, note, c.want, c.note)
			}
		})
	}
}

// TestTextUTF8 checks that Text's fast path for valid UTF-8 returns what
// input.Check finds: nil, or the UTF-16 and UTF-32 that valid UTF-8 can
// look like.
func TestTextUTF8(t *testing.T) {
	for _, in := range []string{"", "a", "é", "Hi there", "H\x00i\x00 there", "\x00H\x00i", "\x00\x00\x00\x00", "ab\x00\x00", "€uro", "a€", strings.Repeat("Café £5 – ", 100)} {
		want := input.Check([]byte(in), true)
		got, note, err := Text([]byte(in))
		if string(got) != in || note != "" || (err == nil) != (want == nil) || err != nil && err.Error() != want.Error() {
			t.Errorf("Text(%q) = %q, %q, %v; want it as it is, with error %v", in, got, note, err, want)
		}
	}
}
