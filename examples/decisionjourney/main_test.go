package main

import (
	"strings"
	"testing"

	"github.com/civickit/civickit/internal/capture"
)

// TestRun runs the example as a council would and checks what it prints,
// so that a change that breaks it fails the tests.
func TestRun(t *testing.T) {
	if out := capture.Stdout(t, main); !strings.Contains(out, "refused") {
		t.Errorf("output lacks %q:\n%s", "refused", out)
	}
}
