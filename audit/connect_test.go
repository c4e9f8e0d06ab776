package audit

import (
	"context"
	"fmt"
	"testing"

	"github.com/civickit/civickit/civic/network"
)

// synthSink collects a synthetic snapshot (the synth package imports
// audit, so the internal test builds its own small council).
func smallCouncil(seed int) *Data {
	d := &Data{}
	r := uint64(seed)*2654435761 + 1
	next := func(n int) int { r ^= r << 13; r ^= r >> 7; r ^= r << 17; return int(r % uint64(n)) }
	wards := []string{"W1", "W2", "W3"}
	for _, w := range wards {
		d.Wards = append(d.Wards, Ward{ID: w})
	}
	var ids []string
	add := func(a Actor) { d.Actors = append(d.Actors, a); ids = append(ids, a.ID) }
	for i := range 7 {
		add(Actor{ID: fmt.Sprint("c", i), Kind: KindCouncillor, Ward: wards[i%3], Label: fmt.Sprint("Cllr ", i)})
	}
	for i := range 25 {
		add(Actor{ID: fmt.Sprint("g", i), Kind: KindGroup, Ward: wards[i%3]})
	}
	add(Actor{ID: "council", Kind: KindCouncilAccount})
	add(Actor{ID: "partner", Kind: KindPartner})
	for i := range 60 {
		add(Actor{ID: fmt.Sprint("z", i), Kind: KindCitizen})
	}
	for range 220 {
		d.Ties = append(d.Ties, Tie{Source: ids[next(len(ids))], Target: ids[next(len(ids))], Kind: "follows", Weight: 1})
	}
	return d
}

// TestParityWithNetworkWard checks the audit's ward connectivity against
// the civic network's ward view on random councils.
func TestParityWithNetworkWard(t *testing.T) {
	ctx := context.Background()
	for seed := 1; seed <= 30; seed++ {
		d := smallCouncil(seed)
		net := network.NewNetwork(false)
		for _, a := range d.Actors {
			if err := net.AddActor(network.Actor{ID: a.ID, Kind: network.ActorKind(a.Kind), Ward: a.Ward, Label: a.Label}); err != nil {
				t.Fatal(err)
			}
		}
		for _, tie := range d.Ties {
			if tie.Source == tie.Target {
				continue
			}
			if err := net.AddTie(network.Tie{Source: tie.Source, Target: tie.Target, Kind: network.TieKind(tie.Kind), Weight: 1}); err != nil {
				t.Fatal(err)
			}
		}
		g, err := newGraph(ctx, d.Actors, d.Ties)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range d.Wards {
			want, err := net.Ward(ctx, w.ID, network.WardOptions{})
			if err != nil {
				t.Fatal(err)
			}
			got, err := g.view(ctx, w.ID)
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(got.Groups) != fmt.Sprint(want.Groups) || fmt.Sprint(got.Unreached) != fmt.Sprint(want.Unreached) || fmt.Sprintf("%.6f", got.Score) != fmt.Sprintf("%.6f", want.Score) {
				t.Errorf("seed %d ward %s: groups %v unreached %v score %v; network says %v %v %v", seed, w.ID, got.Groups, got.Unreached, got.Score, want.Groups, want.Unreached, want.Score)
			}
			if len(got.Councillors) != len(want.Councillors) {
				t.Fatalf("seed %d ward %s: %d councillors, network %d", seed, w.ID, len(got.Councillors), len(want.Councillors))
			}
			for i, c := range got.Councillors {
				wc := want.Councillors[i]
				var wb []string
				for _, b := range wc.Brokers {
					wb = append(wb, fmt.Sprint(b.ID, b.Links))
				}
				var gb []string
				for _, b := range c.Brokers {
					gb = append(gb, fmt.Sprint(b.ID, b.Links))
				}
				if c.ID != wc.ID || fmt.Sprint(c.Reached1) != fmt.Sprint(wc.Reached1) || fmt.Sprint(c.Reached2) != fmt.Sprint(wc.Reached2) ||
					c.Share != wc.Share || fmt.Sprint(gb) != fmt.Sprint(wb) {
					t.Errorf("seed %d %s: got %v %v %v %v %v; network %v %v %v %v %v", seed, c.ID, c.Reached1, c.Reached2, c.Share, gb, "",
						wc.Reached1, wc.Reached2, wc.Share, wb, "")
				}
			}
		}
	}
}
