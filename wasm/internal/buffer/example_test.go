package buffer_test

import (
	"fmt"

	"github.com/civickit/civickit/wasm/internal/buffer"
)

// A module's exported function reads what the worker wrote after asking
// In for room, and answers with Out or Fail, whose sign tells the worker
// which it is.
func Example() {
	buffer.In(5)
	copy(buffer.Input(), "hello") // what the worker does, in JavaScript
	n := buffer.Out([]byte(string(buffer.Input()) + ", world"))
	fmt.Println(n)
	fmt.Println(buffer.Fail("no decision"))
	// Output:
	// 12
	// -12
}
