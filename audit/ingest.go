package audit

import (
	"context"
	"fmt"
)

// SnapshotSink is a sink that writes one snapshot, told which source its
// records come from.
type SnapshotSink interface {
	Sink
	SetSource(name string)
}

// Seed is what the sources read so far know: live sources look up the
// accounts the register lists, and join the people they find to known
// actors by handle.
type Seed struct {
	Wards    []Ward
	Actors   map[string]Actor
	Accounts []Account
}

// Seeded is a source that starts from what earlier sources named.
type Seeded interface {
	Seed(*Seed)
}

// Ingest reads every source, in order, into sink, replacing citizens'
// ids by keyed pseudonyms on the way: no citizen's handle reaches the
// sink. A source that fails stops the ingest with its error; the caller
// then rolls the snapshot back, so nothing of it is kept.
func Ingest(ctx context.Context, sink SnapshotSink, sources []Source, p *Pseudonymizer) error {
	if p == nil {
		return ErrNoKey
	}
	ps := &privacySink{next: sink, p: p, citizens: map[string]string{}, seed: &Seed{Actors: map[string]Actor{}}}
	for _, src := range sources {
		if err := ctx.Err(); err != nil {
			return err
		}
		sink.SetSource(src.Name())
		if s, ok := src.(Seeded); ok {
			s.Seed(ps.seed)
		}
		if err := src.Read(ctx, ps); err != nil {
			return fmt.Errorf("%s: %w", src.Name(), err)
		}
	}
	return nil
}

// privacySink pseudonymises citizens and remembers the public actors and
// accounts for the sources that follow.
type privacySink struct {
	next     Sink
	p        *Pseudonymizer
	citizens map[string]string // raw id → pseudonym; held in memory only
	seed     *Seed
}

func (s *privacySink) Ward(w Ward) error {
	s.seed.Wards = append(s.seed.Wards, w)
	return s.next.Ward(w)
}

func (s *privacySink) Actor(a Actor) error {
	if a.Kind == KindCitizen {
		if _, known := s.seed.Actors[a.ID]; known {
			return nil // a public actor also seen as a follower
		}
		pid := s.p.ID(a.ID)
		s.citizens[a.ID] = pid
		a.ID, a.Label = pid, "Resident "+pid[len("citizen-"):]
		return s.next.Actor(a)
	}
	if old, ok := s.seed.Actors[a.ID]; !ok || old.Kind == "" {
		s.seed.Actors[a.ID] = a
	}
	return s.next.Actor(a)
}

func (s *privacySink) Account(a Account) error {
	if _, citizen := s.citizens[a.Actor]; citizen {
		return nil // a citizen's handle is never stored
	}
	s.seed.Accounts = append(s.seed.Accounts, a)
	return s.next.Account(a)
}

// Tie maps both ends; an end that is neither a public actor nor a known
// citizen is taken for a citizen, so no handle slips through unmapped.
func (s *privacySink) Tie(t Tie) error {
	for _, end := range []*string{&t.Source, &t.Target} {
		if _, public := s.seed.Actors[*end]; public {
			continue
		}
		if _, ok := s.citizens[*end]; !ok {
			if err := s.Actor(Actor{ID: *end, Kind: KindCitizen}); err != nil {
				return err
			}
		}
		*end = s.citizens[*end]
	}
	return s.next.Tie(t)
}

func (s *privacySink) Item(it Item) error {
	if p, citizen := s.citizens[it.Actor]; citizen {
		it.Actor, it.URL, it.Text, it.Title = p, "", "", ""
	}
	return s.next.Item(it)
}

func (s *privacySink) Reject(r Reject) error { return s.next.Reject(r) }
