package content

import (
	"context"
	"sort"
	"time"

	"github.com/civickit/civickit/civic/journey"
)

// Merge returns the next snapshot after an ingest of source: prev's items
// from other sources, and items (tagged with source) in place of prev's
// items from source. prev's views are kept.
func Merge(prev *Snapshot, source string, items []Item, taken time.Time) Snapshot {
	next := Snapshot{Taken: taken}
	if prev != nil {
		next.Views = prev.Views
		for _, it := range prev.Items {
			if it.Source != source {
				next.Items = append(next.Items, it)
			}
		}
	}
	for _, it := range items {
		it.Source = source
		next.Items = append(next.Items, it)
	}
	sort.SliceStable(next.Items, func(i, j int) bool { return next.Items[i].URL < next.Items[j].URL })
	// One item per URL: the later source wins.
	out := next.Items[:0]
	for i, it := range next.Items {
		if i+1 < len(next.Items) && next.Items[i+1].URL == it.URL {
			continue
		}
		out = append(out, it)
	}
	next.Items = out
	return next
}

// AuditSnapshots scores cur (and prev, when not nil, sharing a cache so
// that an unchanged item is scored once) and audits cur against prev.
func AuditSnapshots(ctx context.Context, s *Scorer, cur, prev *Snapshot, decisions []journey.Decision, top int) (*Report, error) {
	if s.Cache == nil {
		s.Cache = map[string]Scored{}
	}
	if s.Decisions == nil {
		s.Decisions = decisions
	}
	in := AuditInput{Views: cur.Views, Decisions: decisions, PassMark: s.PassMark, Top: top, Snapshot: cur.ID, Feedback: s.Feedback}
	if !cur.Taken.IsZero() {
		in.Taken = cur.Taken.UTC().Format(time.RFC3339)
	}
	if prev != nil {
		ps, err := s.Score(ctx, prev.Items)
		if err != nil {
			return nil, err
		}
		in.Previous = ps
	}
	cs, err := s.Score(ctx, cur.Items)
	if err != nil {
		return nil, err
	}
	in.Items = cs
	return Audit(in), nil
}
