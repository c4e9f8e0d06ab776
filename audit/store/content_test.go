package store

import (
	"context"
	"reflect"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/civickit/civickit/audit"
	"github.com/civickit/civickit/audit/content"
	"github.com/civickit/civickit/civic/journey"
)

// contentSnap is a content snapshot with a page, a document with pages, a
// feed entry without a body and a hostile title; two items share a body.
func contentSnap(taken time.Time, bins string) content.Snapshot {
	return content.Snapshot{
		Taken: taken,
		Items: []content.Item{
			{URL: "https://council.example/bins", Channel: content.ChannelWeb, Source: "site", Title: `Bins <script>alert("x")</script>`,
				ContentType: "text/html", Body: []byte(bins), ETag: `"b1"`, LastModified: "Tue, 01 Dec 2026 00:00:00 GMT", Hash: "h-bins"},
			{URL: "https://council.example/copy-of-bins", Channel: content.ChannelWeb, Source: "site", Body: []byte(bins), Unchanged: true},
			{URL: "https://council.example/report.pdf", Channel: content.ChannelDocument, Source: "moderngov", ContentType: "application/pdf",
				Body: []byte("%PDF-1.4 \x00\xff binary"), Pages: []content.Page{{Number: 1, Text: "Page one"}, {Number: 2, Text: "Page two\x00"}},
				DecisionID: "mg-issue-7", Stage: journey.StageDecided, Links: []string{"https://council.example/a.docx"}},
			{URL: "https://council.example/feed#1", Channel: content.ChannelFeed, Source: "feed", Title: "Cabinet", Published: "2026-11-30T09:00:00Z"},
		},
		Views: content.Views{"/bins": 9000, "/report.pdf": 12},
	}
}

func TestContentStoreRoundTrip(t *testing.T) {
	// PostgreSQL's rows go in chunks: small ones here, so that one
	// snapshot takes several, by count and by size.
	oldChunk, oldBytes := pgChunk, pgChunkBytes
	pgChunk, pgChunkBytes = 2, 40
	defer func() { pgChunk, pgChunkBytes = oldChunk, oldBytes }()
	eachBackend(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		st, err := Open(ctx, dsn, Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		if got, err := st.LatestContent(ctx, 2); err != nil || len(got) != 0 {
			t.Fatalf("empty store: %v, %v", got, err)
		}
		t1 := time.Date(2026, 11, 1, 2, 0, 0, 0, time.UTC)
		t2 := t1.AddDate(0, 0, 1)
		first := contentSnap(t1, "<p>Bins are collected weekly.</p>")
		second := contentSnap(t2, "<p>Bins are collected every two weeks.</p>")
		second.ID = "nightly"
		for _, sn := range []content.Snapshot{first, second} {
			if err := st.SaveContent(ctx, sn); err != nil {
				t.Fatal(err)
			}
		}
		got, err := st.LatestContent(ctx, 5)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || got[0].ID != "nightly" || got[1].ID == "" || got[1].ID == "nightly" {
			t.Fatalf("LatestContent gave %d snapshots, ids %v", len(got), ids(got))
		}
		if !got[0].Taken.Equal(t2) || !got[1].Taken.Equal(t1) {
			t.Errorf("taken %v, %v", got[0].Taken, got[1].Taken)
		}
		want := second
		want.Items[2].Pages[1].Text = "Page two\uFFFD" // PostgreSQL's text holds no NUL
		if !reflect.DeepEqual(got[0].Items, want.Items) {
			t.Errorf("items read back\n got %+v\nwant %+v", got[0].Items, want.Items)
		}
		if !reflect.DeepEqual(got[0].Views, second.Views) {
			t.Errorf("views %v", got[0].Views)
		}
		if string(got[1].Items[0].Body) != "<p>Bins are collected weekly.</p>" {
			t.Errorf("first snapshot's body %q", got[1].Items[0].Body)
		}
		// Bodies are kept once: the shared PDF and the bins page shared
		// by two items in one snapshot.
		var bodies int
		if err := st.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM content_bodies`).Scan(&bodies); err != nil || bodies != 3 {
			t.Errorf("%d bodies stored (%v), want 3", bodies, err)
		}
		if one, err := st.LatestContent(ctx, 1); err != nil || len(one) != 1 || one[0].ID != "nightly" {
			t.Errorf("LatestContent(1) = %v, %v", ids(one), err)
		}
		// A read-only store reads and refuses to write.
		ro, err := Open(ctx, dsn, Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer ro.Close()
		if got, err := ro.LatestContent(ctx, 1); err != nil || len(got) != 1 {
			t.Errorf("read-only LatestContent: %v, %v", ids(got), err)
		}
		if err := ro.SaveContent(ctx, first); err == nil {
			t.Error("a read-only store saved a content snapshot")
		}
	})
}

func ids(s []content.Snapshot) []string {
	var out []string
	for _, sn := range s {
		out = append(out, sn.ID)
	}
	return out
}

// cancelAfter is a context whose Err turns to Canceled after n calls.
type cancelAfter struct {
	context.Context
	n atomic.Int64
}

func (c *cancelAfter) Err() error {
	if c.n.Add(-1) < 0 {
		return context.Canceled
	}
	return nil
}

// A save that fails part-way leaves nothing: no snapshot, no items, no
// bodies.
func TestContentStoreAtomic(t *testing.T) {
	eachBackend(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		st, err := Open(ctx, dsn, Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		if err := st.SaveContent(ctx, contentSnap(time.Now(), "<p>first</p>")); err != nil {
			t.Fatal(err)
		}
		big := content.Snapshot{Taken: time.Now()}
		for i := range 1000 {
			big.Items = append(big.Items, content.Item{URL: "https://council.example/p" + string(rune('a'+i%26)) + time.Duration(i).String(), Channel: content.ChannelWeb, Body: []byte(time.Duration(i).String())})
		}
		c := &cancelAfter{Context: ctx}
		c.n.Store(2)
		if err := st.SaveContent(c, big); err == nil {
			t.Fatal("a cancelled save succeeded")
		}
		got, err := st.LatestContent(ctx, 5)
		if err != nil || len(got) != 1 || len(got[0].Items) != 4 {
			t.Fatalf("after a failed save: %v, %v", ids(got), err)
		}
		for _, q := range []string{`SELECT COUNT(*) FROM content_items`, `SELECT COUNT(*) FROM content_bodies`} {
			var n int
			if err := st.db.QueryRowContext(ctx, q).Scan(&n); err != nil || n != 4 && n != 2 {
				t.Errorf("%s = %d (%v): rows of the failed save were kept", q, n, err)
			}
		}
		if err := st.SaveContent(ctx, big); err != nil {
			t.Fatalf("re-run: %v", err)
		}
		if got, _ := st.LatestContent(ctx, 1); len(got) != 1 || len(got[0].Items) != 1000 {
			t.Errorf("re-run saved %v", ids(got))
		}
	})
}

// Prune deletes old content snapshots (keeping the latest) and the bodies
// nothing uses any more; it leaves social snapshots to their own rule.
func TestContentPrune(t *testing.T) {
	eachBackend(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		st, err := Open(ctx, dsn, Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
		for i, age := range []int{20, 14, 0} { // months
			if err := st.SaveContent(ctx, contentSnap(now.AddDate(0, -age, 0), "<p>version "+string(rune('a'+i))+"</p>")); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := ingest(t, st, now, small); err != nil {
			t.Fatal(err)
		}
		n, err := st.Prune(ctx, now.AddDate(0, -13, 0))
		if err != nil || n != 2 {
			t.Fatalf("Prune = %d, %v; want 2", n, err)
		}
		got, err := st.LatestContent(ctx, 5)
		if err != nil || len(got) != 1 || string(got[0].Items[0].Body) != "<p>version c</p>" {
			t.Fatalf("after prune: %v, %v", ids(got), err)
		}
		var bodies int
		if err := st.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM content_bodies`).Scan(&bodies); err != nil || bodies != 2 {
			t.Errorf("%d bodies left (%v), want 2 (the latest page and the PDF)", bodies, err)
		}
		if all, _ := st.Snapshots(ctx); len(all) != 1 {
			t.Errorf("%d social snapshots left, want 1", len(all))
		}
		if n, err := st.Prune(ctx, now.AddDate(1, 0, 0)); err != nil || n != 0 {
			t.Errorf("Prune of everything = %d, %v; want 0 (the latest of each stays)", n, err)
		}
	})
}

// Posts gives the social snapshot's posts to the content audit, keyed by
// address, with impressions as views.
func TestPosts(t *testing.T) {
	eachBackend(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		st, err := Open(ctx, dsn, Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		posts := funcSource{"posts", func(ctx context.Context, s audit.Sink) error {
			if err := s.Actor(audit.Actor{ID: "cllr-a", Kind: audit.KindCouncillor, Ward: "W1", Label: "Ann"}); err != nil {
				return err
			}
			if err := s.Item(audit.Item{ID: "9", Actor: "cllr-a", Platform: "mastodon", URL: "https://social.example/@ann/9", Text: "Cabinet decides the library hours tonight.", Impressions: 340, Reach: -1, Engagements: -1, Published: time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)}); err != nil {
				return err
			}
			return s.Item(audit.Item{ID: "10", Actor: "cllr-a", Platform: "facebook", Text: "Surgery on Saturday.", Impressions: -1, Reach: 80, Engagements: -1})
		}}
		if _, err := ingest(t, st, time.Now(), posts); err != nil {
			t.Fatal(err)
		}
		got, err := st.Posts(ctx, 0)
		if err != nil || len(got) != 2 {
			t.Fatalf("Posts = %+v, %v", got, err)
		}
		by := map[string]content.SocialPost{}
		for _, p := range got {
			by[p.URL] = p
		}
		if p := by["https://social.example/@ann/9"]; p.Impressions != 340 || p.Text != "Cabinet decides the library hours tonight." || p.Published.IsZero() {
			t.Errorf("post 9 read as %+v", p)
		}
		if p := by["post:facebook:cllr-a:10"]; p.Impressions != 80 {
			t.Errorf("post 10 read as %+v (want reach as views when impressions are unknown)", p)
		}
	})
}

// BenchmarkContentSnapshot saves and reads back a nightly content
// snapshot of 2,000 pages of which a tenth changed.
func BenchmarkContentSnapshot(b *testing.B) {
	ctx := context.Background()
	st, err := Open(ctx, b.TempDir()+"/audit.db", Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	page := strings.Repeat("<p>The council decided to extend the library's opening hours.</p>\n", 60)
	n := 0
	b.ReportAllocs()
	for b.Loop() {
		sn := content.Snapshot{Taken: time.Now(), Views: content.Views{}}
		for i := range 2000 {
			body := page + strconv.Itoa(i)
			if i%10 == 0 {
				body += "changed " + strconv.Itoa(n)
			}
			u := "https://council.example/p/" + strconv.Itoa(i)
			sn.Items = append(sn.Items, content.Item{URL: u, Channel: content.ChannelWeb, Source: "site", ContentType: "text/html", Body: []byte(body)})
			sn.Views[u] = int64(i)
		}
		n++
		if err := st.SaveContent(ctx, sn); err != nil {
			b.Fatal(err)
		}
		got, err := st.LatestContent(ctx, 1)
		if err != nil || len(got[0].Items) != 2000 {
			b.Fatal(err)
		}
	}
}

// A store written before the content audit's tables
// keeps its snapshots and gains the tables on the next open for writing;
// read-only, it is refused with a message.
func TestContentMigratesOldStore(t *testing.T) {
	eachBackend(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		st, err := Open(ctx, dsn, Options{})
		if err != nil {
			t.Fatal(err)
		}
		sn, err := ingest(t, st, time.Now(), small)
		if err != nil {
			t.Fatal(err)
		}
		// Back to the version before the content tables.
		v := 0
		for i, m := range migrations {
			if strings.Contains(strings.Join(m.sqlite, " "), "CREATE TABLE content_snapshots") {
				v = i + 1
			}
		}
		// Undo it and every step after it (the feedback table came
		// later), newest first, as a store last written before them.
		for i := len(migrations) - 1; i >= v-1; i-- {
			for j := len(migrations[i].sqlite) - 1; j >= 0; j-- {
				q := migrations[i].sqlite[j]
				if !strings.HasPrefix(q, "CREATE TABLE ") {
					continue
				}
				name := strings.Fields(q)[2]
				if _, err := st.db.ExecContext(ctx, "DROP TABLE "+name); err != nil {
					t.Fatal(err)
				}
			}
		}
		if _, err := st.db.ExecContext(ctx, st.q(`DELETE FROM schema_migrations WHERE version >= ?`), v); err != nil {
			t.Fatal(err)
		}
		st.Close()
		if ro, err := Open(ctx, dsn, Options{ReadOnly: true}); err == nil {
			ro.Close()
			t.Error("a read-only open of an old store succeeded")
		}
		st, err = Open(ctx, dsn, Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		if all, err := st.Snapshots(ctx); err != nil || len(all) != 1 || all[0].ID != sn.ID {
			t.Fatalf("snapshots after migrating: %v, %v", all, err)
		}
		if err := st.SaveContent(ctx, contentSnap(time.Now(), "<p>x</p>")); err != nil {
			t.Fatal(err)
		}
		if got, err := st.LatestContent(ctx, 1); err != nil || len(got) != 1 {
			t.Errorf("content after migrating: %v, %v", ids(got), err)
		}
		if _, err := st.FeedbackByPage(ctx, time.Time{}); err != nil {
			t.Errorf("feedback after migrating: %v", err)
		}
	})
}
