package standards

import (
	"math"
	"strconv"
	"testing"
	"unicode/utf8"
)

// The hand formatters must agree with strconv, which the browser build
// leaves out.

func TestItoa(t *testing.T) {
	for _, n := range []int{0, 1, 9, 10, 99, 100, 12345, -1, -10, -987654321, math.MaxInt64, math.MinInt64} {
		if got, want := itoa(n), strconv.Itoa(n); got != want {
			t.Errorf("itoa(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestFmt1(t *testing.T) {
	for _, x := range []float64{0, 0.04, 0.05, 0.25, 0.35, 1.45, 2.5, 9.95, 12.34, 99.99, 100, 1234.56, -0.04, -0.05, -3.25, -12.5, 1e9 + 0.05} {
		if got, want := fmt1(x), strconv.FormatFloat(round1(x), 'f', 1, 64); got != want {
			t.Errorf("fmt1(%v) = %q, want %q", x, got, want)
		}
	}
	for i := -20000; i <= 20000; i++ {
		x := float64(i) / 1000
		if got, want := fmt1(x), strconv.FormatFloat(round1(x), 'f', 1, 64); got != want {
			t.Fatalf("fmt1(%v) = %q, want %q", x, got, want)
		}
	}
	assert1 := func(x float64) {
		if got := fmt1(x); got != "n/a" {
			t.Errorf("fmt1(%v) = %q, want n/a", x, got)
		}
	}
	assert1(math.NaN())
	assert1(math.Inf(1))
	assert1(math.Inf(-1))
}

func TestQuote(t *testing.T) {
	for _, s := range []string{"", "plain", `say "hi"`, `back\slash`, "tab\there", "line\nbreak", "\a\b\f\r\v\x00\x1f\x7f",
		"café", "naïve “curly”", "\xff\xfe", "a\u00a0b", "zero\u200bwidth", "bom\ufeff", "line\u2028sep", "emoji 😀", "日本語"} {
		if got, want := quote(s), strconv.Quote(s); got != want {
			t.Errorf("quote(%q) = %s, want %s", s, got, want)
		}
	}
}

// FuzzQuote compares quote with strconv.Quote on text whose runes are
// printable or among the invisible characters quote knows.
func FuzzQuote(f *testing.F) {
	f.Add("a\"b\\c\n\u00a0\u200b\xff")
	f.Fuzz(func(t *testing.T, s string) {
		for _, r := range s {
			if r >= 0x80 && r != utf8.RuneError && !strconv.IsPrint(r) && !notPrint(r) {
				t.Skip("an unassigned or rare invisible character")
			}
		}
		if got, want := quote(s), strconv.Quote(s); got != want {
			t.Fatalf("quote(%q) = %s, want %s", s, got, want)
		}
	})
}

func TestSortInt32(t *testing.T) {
	for _, n := range []int{0, 1, 2, 11, 12, 13, 24, 25, 100, 1000, 4097} {
		s := make([]int32, n)
		x := uint32(n)*2654435761 + 1
		for i := range s {
			x = x*1664525 + 1013904223
			s[i] = int32(x>>20) % 50 // with ties
		}
		// Sort pairs (key, original index) by key: stability keeps the
		// indexes rising within a key.
		idx := make([]int32, n)
		for i := range idx {
			idx[i] = int32(i)
		}
		sortInt32(idx, func(a, b int32) bool { return s[a] < s[b] })
		for i := 1; i < n; i++ {
			a, b := idx[i-1], idx[i]
			if s[a] > s[b] || s[a] == s[b] && a > b {
				t.Fatalf("n=%d: not stably sorted at %d", n, i)
			}
		}
		keys := make([]int32, n)
		for i, k := range idx {
			keys[i] = s[k]
		}
		for _, v := range []int32{-1, 0, 25, 49, 50} {
			want := false
			for _, k := range keys {
				want = want || k == v
			}
			if searchInt32(keys, v) != want {
				t.Fatalf("n=%d: searchInt32(%d) = %v", n, v, !want)
			}
		}
	}
}
