package standards_test

import (
	"os"
	"strconv"

	"github.com/civickit/civickit/standards"
)

func ExampleExtract() {
	src := []byte(`<html><body>
<nav><a href="/">Home</a></nav>
<main>
  <h1>Riverside car park</h1>
  <p>Charges rise to &pound;2.50 on 1 April. Read <a href="/report">the report</a>.</p>
</main>
</body></html>`)
	doc, err := standards.Extract(src, standards.DetectFormat("notice.html", src))
	if err != nil {
		panic(err)
	}
	for _, b := range doc.Blocks {
		line, col := doc.Position(b.SourceOffset(0))
		os.Stdout.WriteString(b.Kind.String() + " at " + strconv.Itoa(line) + ":" + strconv.Itoa(col) + ": " + b.Text + "\n")
		for _, l := range b.Links {
			os.Stdout.WriteString("  link " + strconv.Quote(b.Text[l.Start:l.End]) + " -> " + l.Href + "\n")
		}
	}
	// Output:
	// heading at 4:7: Riverside car park
	// paragraph at 5:6: Charges rise to £2.50 on 1 April. Read the report.
	//   link "the report" -> /report
}
