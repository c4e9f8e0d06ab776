// Checkcontent scores a short decision notice against the democratic
// content standards and prints each finding with its position, as a
// council's publishing pipeline might before a page goes live.
package main

import (
	"fmt"
	"io"
	"log"
	"os"

	"github.com/civickit/civickit/standards"
)

const notice = `# Library opening hours

Notice is hereby given that the Cabinet resolved on 11 March 2025 to reduce
the opening hours of Millbrook Library in order to facilitate savings.

For further information click [here](/democracy/call-in).
`

func main() {
	if err := run(os.Stdout); err != nil {
		log.Fatal(err)
	}
}

// run checks the notice and writes its findings and scores to w.
func run(w io.Writer) error {
	var c standards.Checker // the GOV.UK preset
	card, err := c.Check("notice.md", []byte(notice))
	if err != nil {
		return err
	}
	for _, f := range card.Findings {
		fmt.Fprintf(w, "%s:%d:%d: %s: %s [%s]\n", card.File, f.Line, f.Column, f.Severity, f.Message, f.Rule)
		if f.Suggestion != "" {
			fmt.Fprintf(w, "\t%s\n", f.Suggestion)
		}
	}
	fmt.Fprintf(w, "\nscore %.0f/100, reading age %.1f\n", card.Score, card.Readability.ReadingAge)
	for _, s := range card.Standards {
		fmt.Fprintf(w, "  %-22s %5.1f  passed=%v\n", s.Name, s.Score, s.Passed)
	}
	// The same scorecard as civickit check --format sarif prints it.
	return card.WriteSARIF(io.Discard)
}
