package store_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/civickit/civickit/audit"
	"github.com/civickit/civickit/audit/source"
	"github.com/civickit/civickit/audit/store"
)

// Two nightly ingests of a ward register a month apart, then the audit
// of the later against the earlier: the councillor who joined a group
// raised the ward's score.
func ExampleStore_Ingest() {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "audit-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	st, err := store.Open(ctx, filepath.Join(dir, "audit.db"), store.Options{}) // or a postgres:// URL
	if err != nil {
		fmt.Println(err)
		return
	}
	defer st.Close()
	p, err := audit.NewPseudonymizer([]byte("the council's key, kept out of the code"))
	if err != nil {
		fmt.Println(err)
		return
	}
	const head = "ward_id,ward_name,name,kind,actor_id,platform,handle,url,followers,members,last_active,links\n"
	groups := "W1,Abbey,Abbey Choir,group,grp-choir,facebook,,,300,45,2026-11-30,\n" +
		"W1,Abbey,Abbey Allotments,group,grp-allot,facebook,,,210,60,2026-11-01,\n"
	nights := []struct {
		day, cllr string
	}{
		{"2026-11-02", "W1,Abbey,Cllr Jane Smith,councillor,cllr-jane,mastodon,@jane@social.example,,120,,2026-11-01,grp-choir\n"},
		{"2026-12-01", "W1,Abbey,Cllr Jane Smith,councillor,cllr-jane,mastodon,@jane@social.example,,131,,2026-11-29,grp-choir;grp-allot\n"},
	}
	for _, n := range nights {
		taken, _ := time.Parse(time.DateOnly, n.day)
		src := &source.Register{R: strings.NewReader(head + n.cllr + groups), File: "wards.csv"}
		sn, err := st.Ingest(ctx, "nightly", taken, []audit.Source{src}, p, nil)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("snapshot %d on %s: %d records\n", sn.ID, n.day, sn.Stored)
	}
	r, err := st.Report(ctx, 0)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, w := range r.Wards {
		fmt.Printf("%s: score %.0f, change %+.0f\n", w.Name, w.Score, *w.ScoreChange)
	}
	// Output:
	// snapshot 1 on 2026-11-02: 4 records
	// snapshot 2 on 2026-12-01: 5 records
	// Abbey: score 100, change +50
}
