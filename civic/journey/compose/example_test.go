package compose_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/civickit/civickit/civic/journey"
	"github.com/civickit/civickit/civic/journey/compose"
)

// Posts for a decision out to consultation, for one channel, each
// within the channel's limit and checked against the content standards.
func ExampleCompose() {
	d, err := journey.ReadDecisionJSON(strings.NewReader(`{
  "id": "KMC-2026-014", "title": "Opening hours of Holmfirth library", "council": "kirklees",
  "decision_maker": "Cabinet", "decision_maker_kind": "cabinet", "meeting_date": "2027-02-09",
  "url": "https://www.kirklees.example/holmfirth-library",
  "history": [{"stage": "proposal", "date": "2026-11-02"}, {"stage": "consultation", "date": "2026-11-16", "note": "Consultation, seven weeks"}]
}`), journey.ReadOptions{File: "decision.json"})
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := compose.Compose(context.Background(), d, compose.Options{Channels: []compose.Channel{compose.Mastodon}, Hashtags: []string{"Kirklees"}})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range r.Posts {
		fmt.Printf("%s (%d of %d %s, ready %v):\n%s\n", p.Channel, p.Length, p.Limit.Max, p.Limit.Unit, p.Ready, p.Text)
	}
	// Output:
	// mastodon (113 of 500 characters, ready true):
	// Opening hours of Holmfirth library
	//
	// We want to hear what you think before we decide. Have your say by 1 February.
}
