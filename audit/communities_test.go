package audit

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

// twoCommunities is a ward of two clear communities: a councillor and a
// group followed by the same eight residents, and two groups followed by
// eight others that no councillor is tied to; one tie bridges them.
func twoCommunities() *Data {
	d := &Data{
		Snapshot: Snapshot{ID: 1, TakenAt: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)},
		Wards:    []Ward{{ID: "W1", Name: "Abbey"}},
		Actors: []Actor{
			{ID: "cllr", Kind: KindCouncillor, Ward: "W1", Label: "Ann Councillor"},
			{ID: "park", Kind: KindGroup, Ward: "W1", Label: "Friends of the Park"},
			{ID: "allot", Kind: KindGroup, Ward: "W1", Label: "Allotment Society"},
			{ID: "bowls", Kind: KindGroup, Ward: "W1", Label: "Bowls Club"},
			{ID: "vol", Kind: KindPartner, Label: "Volunteer Centre"},
		},
	}
	for i := range 8 {
		a, b := fmt.Sprintf("citizen-a%d", i), fmt.Sprintf("citizen-b%d", i)
		d.Actors = append(d.Actors, Actor{ID: a, Kind: KindCitizen}, Actor{ID: b, Kind: KindCitizen})
		d.Ties = append(d.Ties, Tie{Source: a, Target: "cllr", Kind: "follows"}, Tie{Source: a, Target: "park", Kind: "follows"},
			Tie{Source: b, Target: "allot", Kind: "follows"}, Tie{Source: b, Target: "bowls", Kind: "follows"})
	}
	d.Ties = append(d.Ties, Tie{Source: "vol", Target: "allot", Kind: "follows"}, Tie{Source: "vol", Target: "bowls", Kind: "follows"},
		Tie{Source: "citizen-a0", Target: "allot", Kind: "follows"})
	return d
}

func TestWardCommunities(t *testing.T) {
	r, err := Build(context.Background(), twoCommunities(), nil, History{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Wards) != 1 {
		t.Fatalf("%d wards", len(r.Wards))
	}
	w := r.Wards[0]
	if len(w.Communities) != 2 || w.Modularity == nil || *w.Modularity <= 0.3 {
		t.Fatalf("communities %+v, modularity %v", w.Communities, w.Modularity)
	}
	byGroups := map[string]CommunityReport{}
	for _, c := range w.Communities {
		byGroups[strings.Join(c.Groups, ",")] = c
	}
	a, b := byGroups["park"], byGroups["allot,bowls"]
	if strings.Join(a.Councillors, ",") != "cllr" || a.Citizens != 8 || a.Size != 10 {
		t.Errorf("the councillor's community %+v", a)
	}
	if len(b.Councillors) != 0 || strings.Join(b.Others, ",") != "vol" || b.Citizens != 8 || b.Size != 11 {
		t.Errorf("the other community %+v", b)
	}
	if w.Communities[0].ID != 1 || w.Communities[0].Size < w.Communities[1].Size {
		t.Errorf("not largest first: %+v", w.Communities)
	}
	advice := strings.Join(w.Recommendations, "\n")
	if !strings.Contains(advice, "community around Allotment Society, Bowls Club (11 people and organisations)") {
		t.Errorf("recommendations %q", advice)
	}
	// The same network gives the same communities.
	again, err := Build(context.Background(), twoCommunities(), nil, History{})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(again.Wards[0].Communities) != fmt.Sprint(w.Communities) {
		t.Error("communities differ from run to run")
	}
	pages, err := r.HTMLPages()
	if err != nil {
		t.Fatal(err)
	}
	var ward string
	for _, p := range pages {
		if p.Name == PageName("ward", "W1") {
			ward = string(p.HTML)
		}
	}
	if !strings.Contains(ward, "Communities") || !strings.Contains(ward, "Volunteer Centre") || strings.Contains(ward, "citizen-") {
		t.Errorf("ward page: communities missing or a citizen named")
	}
	var md bytes.Buffer
	if err := r.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), "Louvain") || strings.Contains(md.String(), "citizen-") {
		t.Errorf("markdown: communities missing or a citizen named")
	}
}
