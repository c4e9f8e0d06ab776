package safe_test

import (
	"fmt"
	"strings"

	"github.com/civickit/civickit/internal/safe"
)

// Text from input is cut to an excerpt and its control characters
// escaped before it goes into an error message.
func ExampleQuote() {
	fmt.Println(safe.Quote("councillor\x1b]0;owned\x07"))
	fmt.Println(len(safe.Quote(strings.Repeat("x", 1<<20))) < 100)
	// Output:
	// "councillor\x1b]0;owned\a"
	// true
}
