package kirklees_test

import (
	"bytes"
	"fmt"
	"io/fs"

	"github.com/civickit/civickit/civic/journey"
	"github.com/civickit/civickit/civic/network"
	"github.com/civickit/civickit/internal/sample/kirklees"
)

// Read the sample's ward network and one decision from the embedded
// files.
func Example() {
	edges, _ := fs.ReadFile(kirklees.FS, "network/edges.csv")
	nodes, _ := fs.ReadFile(kirklees.FS, "network/nodes.csv")
	net, err := network.ReadCSV(bytes.NewReader(edges), bytes.NewReader(nodes), network.ReadOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	councillors := 0
	for _, a := range net.Actors() {
		if a.Kind == network.KindCouncillor {
			councillors++
		}
	}
	fmt.Println("councillors:", councillors)

	b, _ := fs.ReadFile(kirklees.FS, "decisions/kmc-2026-008.json")
	d, err := journey.ReadDecisionJSON(bytes.NewReader(b), journey.ReadOptions{File: "kmc-2026-008.json"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Title, "-", d.Council)
	// Output:
	// councillors: 69
	// Huddersfield town centre public toilets - kirklees
}
