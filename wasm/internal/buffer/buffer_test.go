package buffer

import "testing"

func TestBuffers(t *testing.T) {
	a := In(8)
	copy(Input(), "decision")
	if string(Input()) != "decision" {
		t.Fatalf("Input() = %q", Input())
	}
	// a smaller request reuses the buffer
	if b := In(3); b != a || string(Input()) != "dec" {
		t.Errorf("In(3) = %d, %q; want %d, %q", b, Input(), a, "dec")
	}
	if In(-1) != a || len(Input()) != 0 {
		t.Errorf("In(-1) did not give an empty input at the same address")
	}
	if n := Out([]byte("{}")); n != 2 {
		t.Errorf("Out = %d, want 2", n)
	}
	if n := Fail("bad"); n != -4 {
		t.Errorf("Fail = %d, want -4 (-len-1)", n)
	}
	if n := Fail(""); n != -1 {
		t.Errorf("Fail of an empty message = %d, want -1, not 0 (an empty result)", n)
	}
}
