// Package capture runs a function and returns what it printed to standard
// output, for tests of the runnable examples, which print as a council's
// own program would.
package capture

import (
	"io"
	"os"
	"testing"
)

// Stdout runs f and returns what it wrote to os.Stdout.
func Stdout(t testing.TB, f func()) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	saved := os.Stdout
	os.Stdout = w
	done := make(chan string)
	go func() {
		b, _ := io.ReadAll(r)
		done <- string(b)
	}()
	defer func() { os.Stdout = saved }()
	f()
	w.Close()
	return <-done
}
