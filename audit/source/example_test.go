package source_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/civickit/civickit/audit"
	"github.com/civickit/civickit/audit/source"
)

// printer is a sink that prints what a source yields.
type printer struct{}

func (printer) Ward(w audit.Ward) error { fmt.Println("ward", w.ID, w.Name); return nil }
func (printer) Actor(a audit.Actor) error {
	fmt.Printf("actor %s kind %q ward %q\n", a.ID, a.Kind, a.Ward)
	return nil
}
func (printer) Account(a audit.Account) error {
	fmt.Println("account", a.Actor, a.Platform, a.Followers)
	return nil
}
func (printer) Tie(t audit.Tie) error { fmt.Println("tie", t.Source, t.Target, t.Kind); return nil }
func (printer) Item(audit.Item) error { return nil }
func (printer) Reject(r audit.Reject) error {
	fmt.Println("reject", r.File, r.Line, r.Msg)
	return nil
}

// A ward register: one row per online presence; a councillor's links
// name the groups they belong to (a group named before its own row is
// filled in when the row comes). A row that cannot be used is rejected
// with its line, and the rest is read.
func ExampleRegister() {
	csv := `ward_id,ward_name,name,kind,actor_id,platform,handle,url,followers,members,last_active,links
E05016518,Holme Valley South,Cllr Jane Smith,councillor,cllr-jane-smith,mastodon,@jane@social.example,https://social.example/@jane,120,,2026-11-28,grp-choir
E05016518,Holme Valley South,Holmfirth Choir,group,grp-choir,facebook,,https://facebook.example/holmfirthchoir,300,45,2026-11-30,
E05016518,Holme Valley South,Holmfirth Brass,grup,grp-brass,facebook,,,,,,
`
	r := &source.Register{R: strings.NewReader(csv), File: "wards.csv"}
	if err := r.Read(context.Background(), printer{}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// ward E05016518 Holme Valley South
	// actor cllr-jane-smith kind "councillor" ward "E05016518"
	// actor grp-choir kind "" ward ""
	// tie cllr-jane-smith grp-choir member_of
	// account cllr-jane-smith mastodon 120
	// ward E05016518 Holme Valley South
	// actor grp-choir kind "group" ward "E05016518"
	// account grp-choir facebook 300
	// reject wards.csv 4 kind: "grup" is not councillor, group, council_account or partner
}
