package sample_test

import (
	"fmt"
	"io/fs"

	"github.com/civickit/civickit/internal/sample"
)

// The Millbrook sample's files are read from the embedded FS like any
// other fs.FS; the Kirklees-scale sample is in package kirklees.
func Example() {
	names, err := fs.Glob(sample.FS, "*/*")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, name := range names {
		fmt.Println(name)
	}
	// Output:
	// content/consultation.md
	// content/decision-notice.html
	// content/minutes.txt
	// content/social-post.txt
	// decisions/millbrook-library-hours.json
	// network/README.md
	// network/edges.csv
	// network/nodes.csv
	// survey/pilots.csv
	// survey/survey69.csv
}
