package store

import (
	"context"
	"time"

	"github.com/civickit/civickit/audit"
)

// Ingest reads the sources into a new snapshot taken now, with its
// summaries, in one transaction: on any error nothing of it is kept.
// progress, when not nil, is called every 10,000 records.
func (s *Store) Ingest(ctx context.Context, label string, now time.Time, sources []audit.Source, p *audit.Pseudonymizer, progress func(int64)) (audit.Snapshot, error) {
	w, err := s.Begin(ctx, label, now)
	if err != nil {
		return audit.Snapshot{}, err
	}
	defer w.Rollback()
	w.Progress = progress
	if err := audit.Ingest(ctx, w, sources, p); err != nil {
		return audit.Snapshot{}, err
	}
	d, err := w.Load(ctx)
	if err != nil {
		return audit.Snapshot{}, err
	}
	sums, err := audit.Summarize(ctx, d)
	if err != nil {
		return audit.Snapshot{}, err
	}
	return w.Commit(sums)
}

// Report builds the audit of snapshot id (0: the latest), compared with
// the snapshot before it.
func (s *Store) Report(ctx context.Context, id int64) (*audit.Report, error) {
	all, err := s.Snapshots(ctx)
	if err != nil {
		return nil, err
	}
	if len(all) == 0 {
		return nil, ErrNoSnapshot
	}
	i := len(all) - 1
	if id != 0 {
		for i = len(all) - 1; i >= 0 && all[i].ID != id; i-- {
		}
		if i < 0 {
			_, err := s.Snapshot(ctx, id)
			return nil, err
		}
	}
	return s.Compare(ctx, prevID(all, i), all[i].ID)
}

func prevID(all []audit.Snapshot, i int) int64 {
	if i > 0 {
		return all[i-1].ID
	}
	return 0
}

// Compare builds the audit of snapshot cur compared with snapshot prev
// (0: none), with trends up to cur.
func (s *Store) Compare(ctx context.Context, prev, cur int64) (*audit.Report, error) {
	all, err := s.Snapshots(ctx)
	if err != nil {
		return nil, err
	}
	d, err := s.Load(ctx, cur)
	if err != nil {
		return nil, err
	}
	sums, err := s.Summaries(ctx)
	if err != nil {
		return nil, err
	}
	var pd *audit.Data
	if prev != 0 {
		psn, err := s.Snapshot(ctx, prev)
		if err != nil {
			return nil, err
		}
		if pd, err = load(ctx, s.dialect, s.db, psn, len(sums[prev]) > 0); err != nil {
			return nil, err
		}
	}
	h := audit.History{Summaries: sums}
	for _, sn := range all {
		if sn.ID <= cur {
			h.Snapshots = append(h.Snapshots, sn)
		}
	}
	return audit.Build(ctx, d, pd, h)
}
