// Wardnetwork loads a small ward network from CSV — councillors, community
// groups and a council account with the ties between them — and prints
// each councillor's reach to the ward's groups and the advice civickit
// gives.
package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"os"
	"strings"

	"github.com/civickit/civickit/civic/network"
)

const nodes = `id,kind,ward,label
cllr-a,councillor,W1,Cllr Asha Khan
cllr-b,councillor,W1,Cllr Ben Moss
grp-food,group,W1,Food Bank
grp-park,group,W1,Friends of the Park
grp-youth,group,W1,Youth Football
grp-choir,group,W1,Community Choir
council,council_account,,Millbrook Council
`

const edges = `source,target,weight,kind
cllr-a,grp-food,3,follows
cllr-a,council,1,follows
cllr-b,grp-park,2,member_of
grp-park,grp-youth,1,mentions
grp-food,grp-park,1,collaborates
council,grp-choir,1,follows
`

func main() {
	if err := run(os.Stdout); err != nil {
		log.Fatal(err)
	}
}

// run loads the network and writes the ward's report to w.
func run(w io.Writer) error {
	net, err := network.ReadCSV(strings.NewReader(edges), strings.NewReader(nodes),
		network.ReadOptions{File: "edges.csv", NodesFile: "nodes.csv"})
	if err != nil {
		return err
	}
	ward, err := net.Ward(context.Background(), "W1", network.WardOptions{})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "ward %s: connectivity %.0f/100\n", ward.Ward, ward.Score)
	for _, c := range ward.Councillors {
		fmt.Fprintf(w, "%s reaches %.0f%% of the ward's groups (%d directly, %d at two steps)\n",
			c.ID, 100*c.Share, len(c.Reached1), len(c.Reached2))
	}
	fmt.Fprintln(w, "groups nobody reaches:", strings.Join(ward.Unreached, ", "))
	for _, r := range ward.Recommendations {
		fmt.Fprintln(w, "-", r)
	}
	return nil
}
