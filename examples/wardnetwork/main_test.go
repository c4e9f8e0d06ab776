package main

import (
	"strings"
	"testing"
)

// TestRun runs the example as a council would and checks what it prints,
// so that a change that breaks it fails the tests.
func TestRun(t *testing.T) {
	var out strings.Builder
	if err := run(&out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "connectivity") {
		t.Errorf("output lacks %q:\n%s", "connectivity", out.String())
	}
}
