package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/civickit/civickit/audit"
)

// Writer writes one snapshot inside one transaction. It is an
// [audit.Sink]; nothing it writes is visible to readers until Commit, and
// Rollback (or the process dying) leaves the store as it was.
type Writer struct {
	s      *Store
	conn   *sql.Conn
	ctx    context.Context
	id     int64
	taken  time.Time
	label  string
	source string
	names  []string
	done   bool

	wards     map[string]audit.Ward
	wardSrc   map[string]string
	wardOrder []string
	actors    map[string]int
	actorList []audit.Actor
	actorSrc  []string

	// SQLite: prepared statements inside the transaction.
	tieStmt, itemStmt, accStmt, rejStmt *sql.Stmt
	// SQLite: ties buffered as a JSON array for one insert, and the
	// source they came from.
	sqlTies    []byte
	sqlTieRows int
	tieSource  string
	// PostgreSQL: rows buffered for COPY.
	pgTies, pgItems [][]any

	// Read, Stored and Rejected count records: Read = Stored + Rejected.
	Read, Stored, Rejected int64
	// Progress, when set, is called every 10,000 records read.
	Progress func(read int64)
}

const copyBatch = 10000

// Begin starts writing a new snapshot taken at the given time.
func (s *Store) Begin(ctx context.Context, label string, taken time.Time) (*Writer, error) {
	if s.ro {
		return nil, errors.New("the store is open read-only")
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	begin := `BEGIN`
	if s.dialect == SQLite {
		begin = `BEGIN IMMEDIATE`
	}
	if _, err := conn.ExecContext(ctx, begin); err != nil {
		conn.Close()
		return nil, fmt.Errorf("starting the snapshot: %w", err)
	}
	w := &Writer{s: s, conn: conn, ctx: ctx, taken: taken.UTC(), label: label,
		wards: map[string]audit.Ward{}, wardSrc: map[string]string{}, actors: map[string]int{}}
	err = conn.QueryRowContext(ctx, s.q(`INSERT INTO snapshots (taken_at, label, sources, read_count, stored_count, rejected_count) VALUES (?, ?, '', 0, 0, 0) RETURNING id`),
		formatTime(w.taken), label).Scan(&w.id)
	if err == nil && s.dialect == SQLite {
		err = w.prepare()
	}
	if err != nil {
		w.Rollback()
		return nil, fmt.Errorf("starting the snapshot: %w", err)
	}
	return w, nil
}

func (w *Writer) prepare() error {
	var err error
	prep := func(q string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var st *sql.Stmt
		st, err = w.conn.PrepareContext(w.ctx, q)
		return st
	}
	// Ties arrive by the million: they go in batches, as one JSON array
	// bound to one placeholder and unpacked by json_each, which costs a
	// fraction of a statement per row.
	w.tieStmt = prep(`INSERT INTO ties (snapshot_id, seq, source, src, dst, kind, platform, weight)
		SELECT ?, j.value->>0, ?, j.value->>1, j.value->>2, j.value->>3, j.value->>4, j.value->>5 FROM json_each(?) AS j`)
	w.itemStmt = prep(`INSERT INTO items (snapshot_id, source, kind, id, actor_id, platform, url, title, body, published_at, reach, impressions, engagements) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	w.accStmt = prep(`INSERT INTO accounts (snapshot_id, source, actor_id, platform, handle, url, followers, following, posts, members, last_active, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	w.rejStmt = prep(`INSERT INTO rejects (snapshot_id, source, file, line, msg) VALUES (?, ?, ?, ?, ?)`)
	return err
}

// ID returns the new snapshot's id.
func (w *Writer) ID() int64 { return w.id }

// SetSource names the source whose records follow.
func (w *Writer) SetSource(name string) {
	if w.s.dialect == SQLite {
		w.flushSQLite() // an error here recurs at the next write
	}
	w.source = name
	w.names = append(w.names, name)
}

func (w *Writer) count() error {
	w.Read++
	if w.Progress != nil && w.Read%10000 == 0 {
		w.Progress(w.Read)
	}
	if w.Read%1024 == 0 {
		return w.ctx.Err()
	}
	return nil
}

// Ward implements [audit.Sink]; a ward named twice keeps the first
// non-empty name.
func (w *Writer) Ward(wd audit.Ward) error {
	clean(&wd.ID, &wd.Name)
	if old, ok := w.wards[wd.ID]; ok {
		if old.Name == "" {
			w.wards[wd.ID] = wd
		}
		return nil
	}
	w.wards[wd.ID] = wd
	w.wardSrc[wd.ID] = w.source
	w.wardOrder = append(w.wardOrder, wd.ID)
	return nil
}

// Actor implements [audit.Sink]. An actor named twice is merged: later
// non-empty kind, ward and label fill the first's blanks.
func (w *Writer) Actor(a audit.Actor) error {
	clean(&a.ID, &a.Kind, &a.Ward, &a.Label)
	if i, ok := w.actors[a.ID]; ok {
		old := &w.actorList[i]
		if old.Kind == "" || old.Kind == audit.KindCitizen && a.Kind != "" {
			old.Kind = a.Kind
		}
		if old.Ward == "" {
			old.Ward = a.Ward
		}
		if old.Label == "" {
			old.Label = a.Label
		}
		return nil
	}
	w.actors[a.ID] = len(w.actorList)
	w.actorList = append(w.actorList, a)
	w.actorSrc = append(w.actorSrc, w.source)
	return nil
}

// Account implements [audit.Sink].
func (w *Writer) Account(a audit.Account) error {
	clean(&a.Actor, &a.Platform, &a.Handle, &a.URL)
	if err := w.count(); err != nil {
		return err
	}
	w.Stored++
	args := []any{w.id, w.source, a.Actor, a.Platform, a.Handle, a.URL, a.Followers, a.Following, a.Posts, a.Members, formatTime(a.LastActive), w.Read}
	if w.s.dialect == Postgres {
		_, err := w.conn.ExecContext(w.ctx, w.s.q(`INSERT INTO accounts (snapshot_id, source, actor_id, platform, handle, url, followers, following, posts, members, last_active, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`), args...)
		return err
	}
	_, err := w.accStmt.ExecContext(w.ctx, args...)
	return err
}

// Tie implements [audit.Sink].
func (w *Writer) Tie(t audit.Tie) error {
	clean(&t.Source, &t.Target, &t.Kind, &t.Platform)
	if err := w.count(); err != nil {
		return err
	}
	w.Stored++
	if t.Weight == 0 || math.IsNaN(t.Weight) || math.IsInf(t.Weight, 0) {
		t.Weight = 1
	}
	w.tieSource = w.source
	if w.s.dialect == Postgres {
		w.pgTies = append(w.pgTies, []any{w.id, w.Read, w.source, t.Source, t.Target, t.Kind, t.Platform, t.Weight})
		if len(w.pgTies) >= copyBatch {
			return w.flush()
		}
		return nil
	}
	b := w.sqlTies
	if len(b) == 0 {
		b = append(b, '[')
	} else {
		b = append(b, ',')
	}
	b = append(b, '[')
	b = strconv.AppendInt(b, w.Read, 10)
	for _, s := range [4]string{t.Source, t.Target, t.Kind, t.Platform} {
		b = append(b, ',')
		b = appendJSONString(b, s)
	}
	b = append(b, ',')
	b = strconv.AppendFloat(b, t.Weight, 'g', -1, 64)
	b = append(b, ']')
	w.sqlTies, w.sqlTieRows = b, w.sqlTieRows+1
	if w.sqlTieRows >= sqliteBatch {
		return w.flushSQLite()
	}
	return nil
}

// sqliteBatch is the number of ties in one SQLite batch.
const sqliteBatch = 2000

func (w *Writer) flushSQLite() error {
	if w.sqlTieRows == 0 {
		return nil
	}
	w.sqlTies = append(w.sqlTies, ']')
	_, err := w.tieStmt.ExecContext(w.ctx, w.id, w.tieSource, string(w.sqlTies))
	w.sqlTies, w.sqlTieRows = w.sqlTies[:0], 0
	return err
}

// clean makes each text storable in both databases: invalid UTF-8 and NUL
// (which PostgreSQL's text cannot hold) become U+FFFD.
func clean(ss ...*string) {
	for _, s := range ss {
		if !utf8.ValidString(*s) {
			*s = strings.ToValidUTF8(*s, "\uFFFD")
		}
		if strings.IndexByte(*s, 0) >= 0 {
			*s = strings.ReplaceAll(*s, "\x00", "\uFFFD")
		}
	}
}

// appendJSONString appends s as a JSON string; invalid UTF-8 becomes
// U+FFFD, as encoding/json writes it.
func appendJSONString(b []byte, s string) []byte {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c < 0x20:
			b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&15])
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}

const hexDigits = "0123456789abcdef"

// Item implements [audit.Sink].
func (w *Writer) Item(it audit.Item) error {
	clean(&it.ID, &it.Kind, &it.Actor, &it.Platform, &it.URL, &it.Title, &it.Text)
	if err := w.count(); err != nil {
		return err
	}
	w.Stored++
	if it.Kind == "" {
		it.Kind = audit.ItemPost
	}
	args := []any{w.id, w.source, it.Kind, it.ID, it.Actor, it.Platform, it.URL, it.Title, it.Text, formatTime(it.Published), it.Reach, it.Impressions, it.Engagements}
	if w.s.dialect == Postgres {
		w.pgItems = append(w.pgItems, args)
		if len(w.pgItems) >= copyBatch {
			return w.flush()
		}
		return nil
	}
	_, err := w.itemStmt.ExecContext(w.ctx, args...)
	return err
}

// Reject implements [audit.Sink].
func (w *Writer) Reject(r audit.Reject) error {
	clean(&r.File, &r.Msg)
	if err := w.count(); err != nil {
		return err
	}
	w.Rejected++
	q := `INSERT INTO rejects (snapshot_id, source, file, line, msg) VALUES (?, ?, ?, ?, ?)`
	if w.s.dialect == Postgres {
		_, err := w.conn.ExecContext(w.ctx, w.s.q(q), w.id, w.source, r.File, r.Line, r.Msg)
		return err
	}
	_, err := w.rejStmt.ExecContext(w.ctx, w.id, w.source, r.File, r.Line, r.Msg)
	return err
}

var (
	tieCols  = []string{"snapshot_id", "seq", "source", "src", "dst", "kind", "platform", "weight"}
	itemCols = []string{"snapshot_id", "source", "kind", "id", "actor_id", "platform", "url", "title", "body", "published_at", "reach", "impressions", "engagements"}
)

// flush copies buffered PostgreSQL rows with COPY, on the connection that
// holds the snapshot's transaction.
func (w *Writer) flush() error {
	if w.s.dialect == SQLite {
		return w.flushSQLite()
	}
	if w.s.dialect != Postgres || len(w.pgTies)+len(w.pgItems) == 0 {
		return nil
	}
	return w.conn.Raw(func(dc any) error {
		c := dc.(*stdlib.Conn).Conn()
		if len(w.pgTies) > 0 {
			if _, err := c.CopyFrom(w.ctx, pgx.Identifier{"ties"}, tieCols, pgx.CopyFromRows(w.pgTies)); err != nil {
				return err
			}
			w.pgTies = w.pgTies[:0]
		}
		if len(w.pgItems) > 0 {
			if _, err := c.CopyFrom(w.ctx, pgx.Identifier{"items"}, itemCols, pgx.CopyFromRows(w.pgItems)); err != nil {
				return err
			}
			w.pgItems = w.pgItems[:0]
		}
		return nil
	})
}

// finish writes the buffered actors and wards and the snapshot's counts.
func (w *Writer) finish() error {
	if err := w.flush(); err != nil {
		return err
	}
	ctx := w.ctx
	wq := w.s.q(`INSERT INTO wards (snapshot_id, id, name, source) VALUES (?, ?, ?, ?)`)
	for _, id := range w.wardOrder {
		if _, err := w.conn.ExecContext(ctx, wq, w.id, id, w.wards[id].Name, w.wardSrc[id]); err != nil {
			return err
		}
	}
	if w.s.dialect == Postgres {
		rows := make([][]any, len(w.actorList))
		for i, a := range w.actorList {
			rows[i] = []any{w.id, a.ID, a.Kind, a.Ward, a.Label, w.actorSrc[i]}
		}
		err := w.conn.Raw(func(dc any) error {
			_, err := dc.(*stdlib.Conn).Conn().CopyFrom(ctx, pgx.Identifier{"actors"}, []string{"snapshot_id", "id", "kind", "ward", "label", "source"}, pgx.CopyFromRows(rows))
			return err
		})
		if err != nil {
			return err
		}
	} else {
		st, err := w.conn.PrepareContext(ctx, `INSERT INTO actors (snapshot_id, id, kind, ward, label, source) VALUES (?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer st.Close()
		for i, a := range w.actorList {
			if _, err := st.ExecContext(ctx, w.id, a.ID, a.Kind, a.Ward, a.Label, w.actorSrc[i]); err != nil {
				return err
			}
		}
	}
	_, err := w.conn.ExecContext(ctx, w.s.q(`UPDATE snapshots SET sources = ?, read_count = ?, stored_count = ?, rejected_count = ? WHERE id = ?`),
		strings.Join(w.names, "\n"), w.Read, w.Stored, w.Rejected, w.id)
	return err
}

// Load reads the snapshot being written, as the audit needs it, inside
// its transaction (for the summaries kept with it).
func (w *Writer) Load(ctx context.Context) (*audit.Data, error) {
	if err := w.finish(); err != nil {
		return nil, err
	}
	w.done = true
	return load(ctx, w.s.dialect, w.conn, audit.Snapshot{ID: w.id, TakenAt: w.taken, Label: w.label, Sources: w.names, Read: w.Read, Stored: w.Stored, Rejected: w.Rejected}, false)
}

// Commit writes the summaries and makes the snapshot visible.
func (w *Writer) Commit(summaries []audit.Summary) (audit.Snapshot, error) {
	ctx := w.ctx
	if !w.done {
		if err := w.finish(); err != nil {
			w.Rollback()
			return audit.Snapshot{}, err
		}
	}
	sq := w.s.q(`INSERT INTO summaries (snapshot_id, scope, id, ward, score, followers, posts, reached, groups_count, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	for _, sm := range summaries {
		if _, err := w.conn.ExecContext(ctx, sq, w.id, sm.Scope, sm.ID, sm.Ward, sm.Score, sm.Followers, sm.Posts, sm.Reached, sm.Groups, strings.Join(sm.Detail, "\n")); err != nil {
			w.Rollback()
			return audit.Snapshot{}, err
		}
	}
	w.closeStmts()
	if _, err := w.conn.ExecContext(ctx, `COMMIT`); err != nil {
		w.Rollback()
		return audit.Snapshot{}, fmt.Errorf("committing the snapshot: %w", err)
	}
	w.conn.Close()
	w.conn = nil
	return audit.Snapshot{ID: w.id, TakenAt: w.taken, Label: w.label, Sources: w.names, Read: w.Read, Stored: w.Stored, Rejected: w.Rejected}, nil
}

func (w *Writer) closeStmts() {
	for _, st := range []*sql.Stmt{w.tieStmt, w.itemStmt, w.accStmt, w.rejStmt} {
		if st != nil {
			st.Close()
		}
	}
	w.tieStmt, w.itemStmt, w.accStmt, w.rejStmt = nil, nil, nil, nil
}

// Rollback abandons the snapshot. It is safe to call after Commit.
func (w *Writer) Rollback() error {
	if w.conn == nil {
		return nil
	}
	w.closeStmts()
	_, err := w.conn.ExecContext(context.Background(), `ROLLBACK`)
	w.conn.Close()
	w.conn = nil
	return err
}
