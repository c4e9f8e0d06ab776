package safe

import (
	"strings"
	"testing"
)

func TestText(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"plain", "Ward: Riverside", "Ward: Riverside"},
		{"non-ASCII letters kept", "Café Ŵ – ok", "Café Ŵ – ok"},
		{"escape sequence", "a\x1b]0;pwned\x07b", `a\x1b]0;pwned\ab`},
		{"NUL", "a\x00b", `a\x00b`},
		{"invalid UTF-8", "a\xffb", `a\xffb`},
		{"bidi override", "a\u202eb", `a\u202eb`},
		{"cut", strings.Repeat("x", 50), strings.Repeat("x", 10) + "…"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			max := 0
			if tc.name == "cut" {
				max = 10
			}
			if got := Text(tc.in, max); got != tc.want {
				t.Errorf("Text(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestQuote(t *testing.T) {
	long := strings.Repeat("é", 1<<20)
	got := Quote(long)
	if n := len([]rune(got)); n != MaxExcerpt+3 {
		t.Errorf("Quote of 1M runes has %d runes, want %d", n, MaxExcerpt+3)
	}
	if got := Quote("a\x00"); got != `"a\x00"` {
		t.Errorf("Quote = %s", got)
	}
}

func TestLine(t *testing.T) {
	if got := Line("a\tb\x1b[2Jc"); got != `a	b\x1b[2Jc` {
		t.Errorf("Line = %q", got)
	}
	s := "plain line"
	if got := Line(s); got != s {
		t.Errorf("Line(%q) = %q", s, got)
	}
}
