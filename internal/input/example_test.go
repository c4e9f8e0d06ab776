package input_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/civickit/civickit/internal/input"
)

// Sizes are read as the --max-bytes flag takes them; KB, MB and GB
// are binary, as KiB, MiB and GiB are.
func ExampleParseSize() {
	for _, s := range []string{"64MiB", "1GB", "500000"} {
		n, err := input.ParseSize(s)
		fmt.Println(n, input.Size(n), err)
	}
	// Output:
	// 67108864 64 MiB <nil>
	// 1073741824 1 GiB <nil>
	// 500000 500000 bytes <nil>
}

// ReadAll stops at the cap instead of reading endless input.
func ExampleReadAll() {
	_, err := input.ReadAll(strings.NewReader(strings.Repeat("a", 2048)), 1024)
	var tl *input.TooLargeError
	fmt.Println(errors.As(err, &tl))
	b, err := input.ReadAll(strings.NewReader(input.BOM+"ward,name\n"), 1024)
	fmt.Printf("%q %v\n", b, err)
	// Output:
	// true
	// "\ufeffward,name\n" <nil>
}
