package store

import (
	"bufio"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/civickit/civickit/audit"
	"github.com/civickit/civickit/audit/internal/synth"
)

// backend is one database the suite runs against.
type backend struct {
	name string
	dsn  func(t *testing.T) string
}

// backends returns SQLite and, when CIVICKIT_POSTGRES_URL is set,
// PostgreSQL. Under CI (CI set) a missing PostgreSQL is a failure, not a
// skip.
func backends() []backend {
	return []backend{
		{"sqlite", func(t *testing.T) string { return filepath.Join(t.TempDir(), "audit.db") }},
		{"postgres", pgDSN},
	}
}

// pgDSN returns a PostgreSQL URL whose search_path is a fresh schema,
// dropped when the test ends, so tests never see each other's tables.
func pgDSN(t *testing.T) string {
	t.Helper()
	base := os.Getenv("CIVICKIT_POSTGRES_URL")
	if base == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("CI is set but CIVICKIT_POSTGRES_URL is not: .ci/run must start PostgreSQL")
		}
		t.Skip("CIVICKIT_POSTGRES_URL is not set")
	}
	var b [6]byte
	rand.Read(b[:])
	schema := "t_" + hex.EncodeToString(b[:])
	db, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// The schema name is made here of hex digits, never input; identifiers
	// cannot be placeholders.
	if _, err := db.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		db, err := sql.Open("pgx", base)
		if err == nil {
			db.Exec("DROP SCHEMA " + schema + " CASCADE")
			db.Close()
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func eachBackend(t *testing.T, f func(t *testing.T, dsn string)) {
	for _, b := range backends() {
		t.Run(b.name, func(t *testing.T) { f(t, b.dsn(t)) })
	}
}

// funcSource is a source made of a function.
type funcSource struct {
	name string
	read func(ctx context.Context, s audit.Sink) error
}

func (f funcSource) Name() string                                 { return f.name }
func (f funcSource) Read(ctx context.Context, s audit.Sink) error { return f.read(ctx, s) }

var testKey, _ = audit.NewPseudonymizer([]byte("0123456789abcdef-test"))

// small yields a ward, two councillors, two groups, a citizen and ties.
var small = funcSource{"small", func(ctx context.Context, s audit.Sink) error {
	steps := []func() error{
		func() error { return s.Ward(audit.Ward{ID: "W1", Name: "Abbey"}) },
		func() error {
			return s.Actor(audit.Actor{ID: "cllr-a", Kind: audit.KindCouncillor, Ward: "W1", Label: `Ann "<script>" O'Neill`})
		},
		func() error {
			return s.Actor(audit.Actor{ID: "grp-1", Kind: audit.KindGroup, Ward: "W1", Label: "Friends of the Park"})
		},
		func() error { return s.Actor(audit.Actor{ID: "@bob@example.social", Kind: audit.KindCitizen}) },
		func() error {
			return s.Account(audit.Account{Actor: "cllr-a", Platform: "mastodon", Handle: "@ann@example.social", Followers: 10, Following: -1, Posts: -1, Members: -1})
		},
		func() error {
			return s.Tie(audit.Tie{Source: "@bob@example.social", Target: "cllr-a", Kind: "follows", Platform: "mastodon"})
		},
		func() error {
			return s.Tie(audit.Tie{Source: "@bob@example.social", Target: "grp-1", Kind: "follows", Platform: "mastodon"})
		},
		func() error {
			return s.Item(audit.Item{ID: "1", Actor: "cllr-a", Platform: "mastodon", Text: "Hello'); DROP TABLE ties;--", Published: time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC), Reach: -1, Impressions: -1, Engagements: 5})
		},
		func() error { return s.Reject(audit.Reject{File: "wards.csv", Line: 7, Msg: "no name"}) },
	}
	for _, f := range steps {
		if err := f(); err != nil {
			return err
		}
	}
	return nil
}}

func ingest(t *testing.T, st *Store, taken time.Time, sources ...audit.Source) (audit.Snapshot, error) {
	t.Helper()
	ctx := context.Background()
	w, err := st.Begin(ctx, "test", taken)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Rollback()
	if err := audit.Ingest(ctx, w, sources, testKey); err != nil {
		return audit.Snapshot{}, err
	}
	if _, err := w.Load(ctx); err != nil {
		return audit.Snapshot{}, err
	}
	return w.Commit([]audit.Summary{{Scope: "ward", ID: "W1", Score: 50}})
}

func TestStoreRoundTrip(t *testing.T) {
	eachBackend(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		st, err := Open(ctx, dsn, Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		taken := time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC)
		sn, err := ingest(t, st, taken, small)
		if err != nil {
			t.Fatal(err)
		}
		if sn.Read != sn.Stored+sn.Rejected || sn.Rejected != 1 || sn.Stored != 4 {
			t.Errorf("counts read %d stored %d rejected %d: want 5 = 4 + 1", sn.Read, sn.Stored, sn.Rejected)
		}
		// Reopening migrates nothing and keeps the data.
		st.Close()
		st, err = Open(ctx, dsn, Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		latest, prev, err := st.Latest(ctx)
		if err != nil || latest.ID != sn.ID || prev.ID != 0 {
			t.Fatalf("Latest = %v, %v, %v", latest, prev, err)
		}
		if !latest.TakenAt.Equal(taken) || latest.Read != 5 {
			t.Errorf("snapshot read back as %+v", latest)
		}
		d, err := st.Load(ctx, sn.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Wards) != 1 || len(d.Actors) != 3 || len(d.Ties) != 2 || len(d.Accounts) != 1 || len(d.Rejects) != 1 {
			t.Fatalf("loaded %d wards, %d actors, %d ties, %d accounts, %d rejects", len(d.Wards), len(d.Actors), len(d.Ties), len(d.Accounts), len(d.Rejects))
		}
		for _, a := range d.Actors {
			if a.ID == "@bob@example.social" || a.Label == "@bob@example.social" {
				t.Errorf("a citizen's handle reached the store: %+v", a)
			}
			if a.ID == "cllr-a" && a.Label != `Ann "<script>" O'Neill` {
				t.Errorf("label read back as %q", a.Label)
			}
		}
		for _, tie := range d.Ties {
			if tie.Source != testKey.ID("@bob@example.social") {
				t.Errorf("tie source %q is not the pseudonym", tie.Source)
			}
		}
		if got := d.TopItems["cllr-a"]; len(got) != 1 || got[0].Text != "Hello'); DROP TABLE ties;--" {
			t.Errorf("top items %+v", got)
		}
		if len(d.Activity) != 1 || d.Activity[0].Posts != 1 || d.Activity[0].Recent != 1 || d.Activity[0].Engagements != 5 {
			t.Errorf("activity %+v", d.Activity)
		}
		sums, err := st.Summaries(ctx)
		if err != nil || len(sums[sn.ID]) != 1 || sums[sn.ID][0].Score != 50 {
			t.Errorf("summaries %v %v", sums, err)
		}
		if _, err := st.Begin(ctx, "x", time.Now()); err == nil {
			t.Error("a read-only store began a snapshot")
		}
		if _, err := st.Prune(ctx, time.Now()); err == nil {
			t.Error("a read-only store pruned")
		}
	})
}

// A source failing half-way leaves no partial snapshot, and readers
// during an ingest see the last complete snapshot.
func TestStoreAtomic(t *testing.T) {
	eachBackend(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		st, err := Open(ctx, dsn, Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		first, err := ingest(t, st, time.Now(), small)
		if err != nil {
			t.Fatal(err)
		}
		reader, err := Open(ctx, dsn, Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer reader.Close()
		boom := errors.New("HTTP 500 after page 3")
		failing := funcSource{"failing", func(ctx context.Context, s audit.Sink) error {
			for i := range 3000 {
				if err := s.Tie(audit.Tie{Source: "cllr-a", Target: "grp-1", Kind: "follows", Weight: float64(i + 1)}); err != nil {
					return err
				}
			}
			// Mid-ingest, a reader sees only the first snapshot.
			latest, _, err := reader.Latest(ctx)
			if err != nil || latest.ID != first.ID {
				t.Errorf("during the ingest a reader saw %+v, %v", latest, err)
			}
			d, err := reader.Load(ctx, first.ID)
			if err != nil || len(d.Ties) != 2 {
				t.Errorf("during the ingest the last snapshot read as %v ties, %v", d, err)
			}
			return boom
		}}
		if _, err := ingest(t, st, time.Now(), small, failing); !errors.Is(err, boom) {
			t.Fatalf("ingest error = %v", err)
		}
		all, err := reader.Snapshots(ctx)
		if err != nil || len(all) != 1 || all[0].ID != first.ID {
			t.Fatalf("after a failed ingest: %v, %v", all, err)
		}
		var ties int
		if err := st.db.QueryRow(st.q(`SELECT COUNT(*) FROM ties`)).Scan(&ties); err != nil || ties != 2 {
			t.Errorf("ties in the store after the failure: %d (%v), want 2", ties, err)
		}
		// The ingest can be re-run.
		second, err := ingest(t, st, time.Now(), small)
		if err != nil || second.ID <= first.ID {
			t.Fatalf("re-run: %+v, %v", second, err)
		}
	})
}

func TestPrune(t *testing.T) {
	eachBackend(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		st, err := Open(ctx, dsn, Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
		for _, age := range []int{20, 14, 2, 0} { // months
			if _, err := ingest(t, st, now.AddDate(0, -age, 0), small); err != nil {
				t.Fatal(err)
			}
		}
		n, err := st.Prune(ctx, now.AddDate(0, -13, 0))
		if err != nil || n != 2 {
			t.Fatalf("Prune = %d, %v; want 2", n, err)
		}
		all, _ := st.Snapshots(ctx)
		if len(all) != 2 {
			t.Fatalf("%d snapshots left, want 2", len(all))
		}
		var rows int
		if err := st.db.QueryRow(st.q(`SELECT COUNT(*) FROM ties WHERE snapshot_id < ?`), all[0].ID).Scan(&rows); err != nil || rows != 0 {
			t.Errorf("%d ties of pruned snapshots left (%v)", rows, err)
		}
		// The latest snapshot is kept even when it is old.
		if n, err := st.Prune(ctx, now.AddDate(1, 0, 0)); err != nil || n != 1 {
			t.Errorf("Prune of everything = %d, %v; want 1 (the latest stays)", n, err)
		}
	})
}

// TestKilledIngest kills a real child process part-way through an ingest
// with SIGKILL, then reopens the store: the earlier snapshot is intact and
// the ingest can be re-run.
func TestKilledIngest(t *testing.T) {
	if os.Getenv("CIVICKIT_AUDIT_CHILD") != "" {
		t.Skip("child")
	}
	eachBackend(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		st, err := Open(ctx, dsn, Options{})
		if err != nil {
			t.Fatal(err)
		}
		first, err := ingest(t, st, time.Now(), small)
		st.Close()
		if err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(os.Args[0], "-test.run=^TestKillChild$", "-test.v")
		cmd.Env = append(os.Environ(), "CIVICKIT_AUDIT_CHILD="+dsn)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(out)
		started := false
		for sc.Scan() {
			if sc.Text() == "written 20000" {
				started = true
				break
			}
		}
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		if !started {
			t.Fatal("the child never got part-way")
		}
		st, err = Open(ctx, dsn, Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		all, err := st.Snapshots(ctx)
		if err != nil || len(all) != 1 || all[0].ID != first.ID {
			t.Fatalf("after the kill: %v, %v", all, err)
		}
		d, err := st.Load(ctx, first.ID)
		if err != nil || len(d.Ties) != 2 {
			t.Fatalf("the earlier snapshot after the kill: %v, %v", d, err)
		}
		if _, err := ingest(t, st, time.Now(), small); err != nil {
			t.Fatalf("re-run after the kill: %v", err)
		}
	})
}

// TestKillChild is the child of TestKilledIngest: an ingest that never
// ends, reporting its progress on standard output.
func TestKillChild(t *testing.T) {
	dsn := os.Getenv("CIVICKIT_AUDIT_CHILD")
	if dsn == "" {
		t.Skip("run by TestKilledIngest")
	}
	ctx := context.Background()
	st, err := Open(ctx, dsn, Options{})
	if err != nil {
		t.Fatal(err)
	}
	w, err := st.Begin(ctx, "killed", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	endless := funcSource{"endless", func(ctx context.Context, s audit.Sink) error {
		for i := 1; ; i++ {
			if err := s.Tie(audit.Tie{Source: "cllr-a", Target: "x" + strconv.Itoa(i%1000), Kind: "follows"}); err != nil {
				return err
			}
			if i%20000 == 0 {
				fmt.Println("written", i)
			}
		}
	}}
	audit.Ingest(ctx, w, []audit.Source{small, endless}, testKey)
}

// Names with quotes, backslashes, control characters and invalid UTF-8
// survive the batched insert.
func TestTieTextRoundTrip(t *testing.T) {
	eachBackend(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		st, err := Open(ctx, dsn, Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		odd := []string{`a"b`, `c\d`, "e\x01f\tg\n\x00", "caf\xe9", "日本語", `'); DROP TABLE ties;--`}
		src := funcSource{"odd", func(ctx context.Context, s audit.Sink) error {
			for _, o := range odd {
				if err := s.Actor(audit.Actor{ID: o, Kind: audit.KindGroup, Ward: "W"}); err != nil {
					return err
				}
				if err := s.Tie(audit.Tie{Source: o, Target: o, Kind: o, Platform: o}); err != nil {
					return err
				}
			}
			return nil
		}}
		sn, err := ingest(t, st, time.Now(), src)
		if err != nil {
			t.Fatal(err)
		}
		d, err := st.Load(ctx, sn.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Ties) != len(odd) {
			t.Fatalf("%d ties", len(d.Ties))
		}
		for i, tie := range d.Ties {
			want := strings.ReplaceAll(strings.ToValidUTF8(odd[i], "\uFFFD"), "\x00", "\uFFFD")
			if tie.Kind != want || tie.Platform != want {
				t.Errorf("tie %d: kind %q platform %q, want %q", i, tie.Kind, tie.Platform, want)
			}
		}
	})
}

// BenchmarkIngest measures the hot path of an ingest: 50,000 ties and
// 5,000 posts written to SQLite in one snapshot.
func BenchmarkIngest(b *testing.B) {
	ctx := context.Background()
	st, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	b.ReportAllocs()
	for b.Loop() {
		src := &synth.Source{Ties: 50000, Posts: 5000, Citizens: 5000}
		if _, err := st.Ingest(ctx, "bench", time.Now(), []audit.Source{src}, testKey, nil); err != nil {
			b.Fatal(err)
		}
	}
}
