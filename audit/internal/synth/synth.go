// Package synth generates a synthetic council for scale tests: wards,
// councillors, community groups, citizens, ties and posts, the same for
// the same sizes.
package synth

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/civickit/civickit/audit"
)

// Source is a synthetic source of Ties ties and Posts posts.
type Source struct {
	Wards, Councillors, Groups, Citizens int // 0: 20, 60, 400, 100,000
	Ties, Posts                          int
	Seed                                 uint64
	Taken                                time.Time // zero: 2026-12-01
}

// Name implements [audit.Source].
func (s *Source) Name() string { return fmt.Sprintf("synth:%d-ties-%d-posts", s.Ties, s.Posts) }

// Read implements [audit.Source].
func (s *Source) Read(ctx context.Context, sink audit.Sink) error {
	wards, cllrs, groups, cits := or(s.Wards, 20), or(s.Councillors, 60), or(s.Groups, 400), or(s.Citizens, 100000)
	taken := s.Taken
	if taken.IsZero() {
		taken = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	}
	r := rand.New(rand.NewPCG(s.Seed, 7))
	for w := range wards {
		if err := sink.Ward(audit.Ward{ID: fmt.Sprintf("E0500%04d", w), Name: fmt.Sprintf("Ward %d", w)}); err != nil {
			return err
		}
	}
	public := make([]string, 0, cllrs+groups)
	for c := range cllrs {
		id := fmt.Sprintf("cllr-%d", c)
		public = append(public, id)
		if err := sink.Actor(audit.Actor{ID: id, Kind: audit.KindCouncillor, Ward: fmt.Sprintf("E0500%04d", c%wards), Label: fmt.Sprintf("Councillor %d", c)}); err != nil {
			return err
		}
		if err := sink.Account(audit.Account{Actor: id, Platform: "mastodon", Handle: fmt.Sprintf("@cllr%d@social.example", c), Followers: int64(r.IntN(2000)), Following: -1, Posts: -1, Members: -1}); err != nil {
			return err
		}
	}
	for g := range groups {
		id := fmt.Sprintf("group-%d", g)
		public = append(public, id)
		if err := sink.Actor(audit.Actor{ID: id, Kind: audit.KindGroup, Ward: fmt.Sprintf("E0500%04d", g%wards), Label: fmt.Sprintf("Group %d", g)}); err != nil {
			return err
		}
		if err := sink.Account(audit.Account{Actor: id, Platform: "facebook", Followers: int64(r.IntN(5000)), Following: -1, Posts: -1, Members: int64(r.IntN(300))}); err != nil {
			return err
		}
	}
	citizen := func(i int) string { return fmt.Sprintf("mastodon:person%d@social.example", i) }
	for i := range cits {
		if err := sink.Actor(audit.Actor{ID: citizen(i), Kind: audit.KindCitizen}); err != nil {
			return err
		}
	}
	for i := range s.Ties {
		// Citizens follow public actors; a few public actors tie to each other.
		var t audit.Tie
		if i%50 == 0 {
			t = audit.Tie{Source: public[r.IntN(len(public))], Target: public[r.IntN(len(public))], Kind: "follows", Platform: "mastodon"}
		} else {
			t = audit.Tie{Source: citizen(r.IntN(cits)), Target: public[r.IntN(len(public))], Kind: "follows", Platform: "mastodon"}
		}
		if err := sink.Tie(t); err != nil {
			return err
		}
	}
	for i := range s.Posts {
		if err := sink.Item(audit.Item{ID: fmt.Sprint("post-", i), Kind: audit.ItemPost, Actor: public[r.IntN(len(public))], Platform: "mastodon",
			Text: "A synthetic post about the ward", Published: taken.Add(-time.Duration(r.IntN(90*24)) * time.Hour),
			Reach: -1, Impressions: -1, Engagements: int64(r.IntN(50))}); err != nil {
			return err
		}
	}
	return nil
}

func or(v, d int) int {
	if v == 0 {
		return d
	}
	return v
}
