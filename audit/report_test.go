package audit_test

import (
	"context"
	"testing"
	"time"

	"github.com/civickit/civickit/audit"
	"github.com/civickit/civickit/audit/internal/synth"
)

// memSink collects a snapshot in memory.
type memSink struct{ d audit.Data }

func (m *memSink) SetSource(string)              {}
func (m *memSink) Ward(w audit.Ward) error       { m.d.Wards = append(m.d.Wards, w); return nil }
func (m *memSink) Actor(a audit.Actor) error     { m.d.Actors = append(m.d.Actors, a); return nil }
func (m *memSink) Account(a audit.Account) error { m.d.Accounts = append(m.d.Accounts, a); return nil }
func (m *memSink) Tie(t audit.Tie) error         { m.d.Ties = append(m.d.Ties, t); return nil }
func (m *memSink) Item(audit.Item) error         { return nil }
func (m *memSink) Reject(r audit.Reject) error   { m.d.Rejects = append(m.d.Rejects, r); return nil }

func BenchmarkBuild(b *testing.B) {
	key, _ := audit.NewPseudonymizer([]byte("0123456789abcdef"))
	m := &memSink{}
	if err := audit.Ingest(context.Background(), m, []audit.Source{&synth.Source{Ties: benchTies, Posts: 0}}, key); err != nil {
		b.Fatal(err)
	}
	m.d.Snapshot = audit.Snapshot{ID: 1, TakenAt: time.Now()}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := audit.Build(context.Background(), &m.d, nil, audit.History{}); err != nil {
			b.Fatal(err)
		}
	}
}

// benchTies is the size of BenchmarkBuild; the scale test in audit/store runs a million.
var benchTies = 100000
