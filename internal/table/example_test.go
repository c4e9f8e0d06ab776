package table_test

import (
	"fmt"
	"io"
	"strings"

	"github.com/civickit/civickit/internal/table"
)

// Headers match whatever their case and spacing; each field comes with
// its line and column for error messages.
func ExampleReader() {
	r := table.NewReader(strings.NewReader("\ufeff Ward ,NAME\nE05016518,Holme Valley South\n"), "wards.csv")
	if err := r.ReadHeader([]string{"ward", "name"}, nil, true); err != nil {
		fmt.Println(err)
		return
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		name, line, col := r.Field(rec, "name")
		fmt.Println(name, line, col)
	}
	// a column that is neither required nor optional, in strict mode
	r = table.NewReader(strings.NewReader("ward,nmae\n"), "wards.csv")
	fmt.Println(r.ReadHeader([]string{"ward"}, []string{"name"}, true))
	// Output:
	// Holme Valley South 2 11
	// wards.csv:1:2: nmae: unknown column (known: ward, name)
}
