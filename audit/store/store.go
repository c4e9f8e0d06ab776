// Package store keeps the social-media audit's snapshots, and the
// democratic content audit's (it implements content.Store), in SQLite (the
// default, pure Go, no cgo) or PostgreSQL (a postgres:// URL).
//
// Each ingest is one snapshot written in one transaction: readers see the
// last complete snapshot while an ingest runs, and an ingest that fails or
// is killed part-way leaves no trace but earlier snapshots. The schema is
// migrated forward on open; every statement is a constant with
// placeholders.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite" // the "sqlite" database/sql driver

	"github.com/civickit/civickit/audit"
)

// Dialect is the store's database.
type Dialect int

// The dialects.
const (
	SQLite Dialect = iota
	Postgres
)

func (d Dialect) String() string {
	if d == Postgres {
		return "postgres"
	}
	return "sqlite"
}

// Options configures [Open].
type Options struct {
	// ReadOnly opens the store for reading: no migrations, and the
	// database refuses writes (SQLite mode=ro; PostgreSQL read-only
	// transactions).
	ReadOnly bool
}

// Store is an open audit store.
type Store struct {
	db      *sql.DB
	dialect Dialect
	ro      bool
}

// IsPostgres reports whether dsn names a PostgreSQL database.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Open opens the store at dsn: a postgres:// URL, or else the path of a
// SQLite file (created when missing unless read-only). The schema is
// migrated to the latest version.
func Open(ctx context.Context, dsn string, opt Options) (*Store, error) {
	s := &Store{ro: opt.ReadOnly}
	if IsPostgres(dsn) {
		cfg, err := pgx.ParseConfig(dsn)
		if err != nil {
			return nil, fmt.Errorf("postgres URL: %w", err)
		}
		if opt.ReadOnly {
			cfg.RuntimeParams["default_transaction_read_only"] = "on"
		}
		s.db, s.dialect = stdlib.OpenDB(*cfg), Postgres
		s.db.SetMaxOpenConns(4)
	} else {
		if dsn == "" {
			return nil, errors.New("no database: give --db FILE or a postgres:// URL")
		}
		esc := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(dsn)
		// A 64 MiB page cache per connection: a snapshot of a million
		// ties is read, and written, without going back to the file for
		// every page.
		q := "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=cache_size(-65536)&_txlock=immediate"
		if opt.ReadOnly {
			q = "?mode=ro&_pragma=busy_timeout(10000)&_pragma=cache_size(-65536)"
		}
		db, err := sql.Open("sqlite", "file:"+esc+q)
		if err != nil {
			return nil, err
		}
		s.db, s.dialect = db, SQLite
	}
	if err := s.db.PingContext(ctx); err != nil {
		s.db.Close()
		return nil, fmt.Errorf("opening %s store: %w", s.dialect, err)
	}
	if err := s.migrate(ctx); err != nil {
		s.db.Close()
		return nil, err
	}
	return s, nil
}

// Dialect returns the store's database.
func (s *Store) Dialect() Dialect { return s.dialect }

// Close closes the store.
func (s *Store) Close() error { return s.db.Close() }

// q rewrites a constant query's ? placeholders as $1, $2, ... for
// PostgreSQL. Queries are constants of this package, never input.
func (s *Store) q(query string) string { return rebind(s.dialect, query) }

func rebind(d Dialect, query string) string {
	if d != Postgres {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// SchemaVersion is the schema version this package writes.
var SchemaVersion = len(migrations)

func (s *Store) version(ctx context.Context, db interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) (int, error) {
	var v sql.NullInt64
	err := db.QueryRowContext(ctx, `SELECT MAX(version) FROM schema_migrations`).Scan(&v)
	return int(v.Int64), err
}

func (s *Store) migrate(ctx context.Context) error {
	if s.ro {
		v, err := s.version(ctx, s.db)
		if err != nil {
			return fmt.Errorf("not an audit store (run an ingest first): %w", err)
		}
		if v != SchemaVersion {
			return fmt.Errorf("the store is at schema version %d, this civickit reads version %d: run an ingest with this civickit to migrate it", v, SchemaVersion)
		}
		return nil
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("migrating: %w", err)
	}
	for {
		done, err := s.migrateStep(ctx, conn)
		if err != nil || done {
			return err
		}
	}
}

// migrateStep applies the next migration in its own transaction; the
// version is read inside the transaction (under PostgreSQL's advisory
// lock, SQLite's write lock) so two processes never apply one step twice.
func (s *Store) migrateStep(ctx context.Context, conn *sql.Conn) (done bool, err error) {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	if s.dialect == Postgres {
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(7212026)`); err != nil {
			return false, err
		}
	}
	v, err := s.version(ctx, tx)
	if err != nil {
		return false, err
	}
	if v > len(migrations) {
		return false, fmt.Errorf("the store is at schema version %d, newer than this civickit (%d): upgrade civickit", v, len(migrations))
	}
	if v == len(migrations) {
		return true, nil
	}
	m := migrations[v]
	stmts := m.sqlite
	if s.dialect == Postgres {
		stmts = m.postgres
	}
	for _, st := range stmts {
		if _, err := tx.ExecContext(ctx, st); err != nil {
			return false, fmt.Errorf("migration %d: %w", v+1, err)
		}
	}
	if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`), v+1, formatTime(time.Now())); err != nil {
		return false, err
	}
	return false, tx.Commit()
}

// timeLayout is a fixed-width UTC layout, so stored times sort as text.
const timeLayout = "2006-01-02T15:04:05.000000000Z"

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(timeLayout)
}

func parseTime(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(timeLayout, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

// ErrNoSnapshot reports a store without a complete snapshot.
var ErrNoSnapshot = errors.New("no snapshot yet: run civickit audit ingest first")

// Snapshots returns the complete snapshots, oldest first.
func (s *Store) Snapshots(ctx context.Context) ([]audit.Snapshot, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, taken_at, label, sources, read_count, stored_count, rejected_count FROM snapshots ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []audit.Snapshot
	for rows.Next() {
		var sn audit.Snapshot
		var taken, sources string
		if err := rows.Scan(&sn.ID, &taken, &sn.Label, &sources, &sn.Read, &sn.Stored, &sn.Rejected); err != nil {
			return nil, err
		}
		sn.TakenAt = parseTime(taken)
		if sources != "" {
			sn.Sources = strings.Split(sources, "\n")
		}
		out = append(out, sn)
	}
	return out, rows.Err()
}

// Snapshot returns the snapshot with the given id.
func (s *Store) Snapshot(ctx context.Context, id int64) (audit.Snapshot, error) {
	all, err := s.Snapshots(ctx)
	if err != nil {
		return audit.Snapshot{}, err
	}
	for _, sn := range all {
		if sn.ID == id {
			return sn, nil
		}
	}
	return audit.Snapshot{}, fmt.Errorf("no snapshot %d", id)
}

// Summaries returns the stored summaries of every snapshot, keyed by
// snapshot id, for trends.
func (s *Store) Summaries(ctx context.Context) (map[int64][]audit.Summary, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT snapshot_id, scope, id, ward, score, followers, posts, reached, groups_count, detail FROM summaries ORDER BY snapshot_id, scope, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]audit.Summary{}
	for rows.Next() {
		var id int64
		var sm audit.Summary
		var detail string
		if err := rows.Scan(&id, &sm.Scope, &sm.ID, &sm.Ward, &sm.Score, &sm.Followers, &sm.Posts, &sm.Reached, &sm.Groups, &detail); err != nil {
			return nil, err
		}
		if detail != "" {
			sm.Detail = strings.Split(detail, "\n")
		}
		out[id] = append(out[id], sm)
	}
	return out, rows.Err()
}

// Prune deletes the social and content snapshots taken before cutoff, in
// one transaction, and returns how many it deleted. The latest snapshot of
// each is always kept, so neither report goes blank; content bodies that
// no snapshot left uses are deleted too.
func (s *Store) Prune(ctx context.Context, cutoff time.Time) (int, error) {
	if s.ro {
		return 0, errors.New("the store is open read-only")
	}
	all, err := s.Snapshots(ctx)
	if err != nil {
		return 0, err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	n := 0
	for i, sn := range all {
		if i == len(all)-1 || !sn.TakenAt.Before(cutoff) {
			continue
		}
		for _, st := range deleteSnapshotRows {
			if _, err := tx.ExecContext(ctx, s.q(st), sn.ID); err != nil {
				return 0, err
			}
		}
		n++
	}
	c, err := s.pruneContent(ctx, tx, cutoff)
	if err != nil {
		return 0, err
	}
	return n + c, tx.Commit()
}
