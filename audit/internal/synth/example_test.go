package synth_test

import (
	"context"
	"fmt"

	"github.com/civickit/civickit/audit"
	"github.com/civickit/civickit/audit/internal/synth"
)

// counter counts what a source yields.
type counter struct{ wards, actors, accounts, ties, items, rejects int }

func (c *counter) Ward(audit.Ward) error       { c.wards++; return nil }
func (c *counter) Actor(audit.Actor) error     { c.actors++; return nil }
func (c *counter) Account(audit.Account) error { c.accounts++; return nil }
func (c *counter) Tie(audit.Tie) error         { c.ties++; return nil }
func (c *counter) Item(audit.Item) error       { c.items++; return nil }
func (c *counter) Reject(audit.Reject) error   { c.rejects++; return nil }

// A synthetic source yields exactly the ties and posts asked for, the
// same for the same seed.
func ExampleSource() {
	src := &synth.Source{Wards: 2, Councillors: 6, Groups: 10, Citizens: 50, Ties: 200, Posts: 30, Seed: 1}
	var c counter
	if err := src.Read(context.Background(), &c); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(src.Name(), c.wards, c.ties, c.items, c.rejects)
	// Output:
	// synth:200-ties-30-posts 2 200 30 0
}
