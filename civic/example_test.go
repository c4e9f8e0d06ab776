package civic_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/civickit/civickit/civic"
	"github.com/civickit/civickit/civic/journey"
)

// A ward's GSS code says which nation's law applies to it.
func ExampleNation() {
	for _, code := range []string{"E05016518", "W05000986", "S13002516", "not a code"} {
		fmt.Printf("%s %v %q\n", code, civic.ValidGSS(code), civic.Nation(code))
	}
	// Output:
	// E05016518 true "england"
	// W05000986 true "wales"
	// S13002516 true "scotland"
	// not a code false ""
}

// Every civickit reader reports bad input as a *civic.ParseError naming
// the file, line, column and field, so a program handles all of them
// the same way.
func ExampleParseError() {
	_, err := journey.ReadDecisionJSON(strings.NewReader(`{"title": "Library hours",
 "history": [{"stage": "proposal", "date": "2026-02-30"}]}`), journey.ReadOptions{File: "decision.json"})
	var pe *civic.ParseError
	if errors.As(err, &pe) {
		fmt.Println(pe.File, pe.Line, pe.Field)
	}
	// Output:
	// decision.json 2 history[0].date
}
