package main

import (
	"io"
	"os"
	"strings"
	"testing"
)

// TestRun runs the example as a council would and checks what it prints,
// so that a change that breaks it fails the tests.
func TestRun(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout := os.Stdout
	os.Stdout = w
	done := make(chan string)
	go func() { b, _ := io.ReadAll(r); done <- string(b) }()
	main()
	os.Stdout = stdout
	w.Close()
	if out := <-done; !strings.Contains(out, "refused") {
		t.Errorf("output lacks %q:\n%s", "refused", out)
	}
}
