package standards

import (
	"math/rand/v2"
	"testing"
)

// TestPlainJSON8 holds the eight-byte test of the JSON string writer to
// jsonPlain byte by byte: every byte value at every place among plain
// bytes, and random words.
func TestPlainJSON8(t *testing.T) {
	want := func(w [8]byte) bool {
		for _, c := range w {
			if c >= 0x80 || jsonPlain[c]&plainJSON == 0 {
				return false
			}
		}
		return true
	}
	check := func(w [8]byte) {
		if got := plainJSON8(le64(string(w[:]))); got != want(w) {
			t.Fatalf("plainJSON8(%q) = %v, want %v", w[:], got, !got)
		}
	}
	for k := 0; k < 8; k++ {
		for c := 0; c < 256; c++ {
			for _, fill := range []byte{'a', ' ', '~', 0x21, 0x23, 0x5b, 0x5d, 0x7f} {
				var w [8]byte
				for i := range w {
					w[i] = fill
				}
				w[k] = byte(c)
				check(w)
			}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		var w [8]byte
		for i := range w {
			w[i] = byte(r.IntN(256))
			if r.IntN(2) == 0 {
				w[i] = byte(0x20 + r.IntN(0x60))
			}
		}
		check(w)
	}
}
