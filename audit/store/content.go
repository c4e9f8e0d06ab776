package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/civickit/civickit/audit"
	"github.com/civickit/civickit/audit/content"
	"github.com/civickit/civickit/civic/journey"
)

// The store is the content audit's store too.
var _ content.Store = (*Store)(nil)

// SaveContent writes a content snapshot, its items, bodies and views, in
// one transaction: a reader sees all of it or none, and a process killed
// part-way leaves the earlier snapshots as they were. A body is written
// once however many snapshots hold it (keyed by its SHA-256). The
// snapshot's ID, when set, is kept as its label; the store numbers it.
func (s *Store) SaveContent(ctx context.Context, sn content.Snapshot) error {
	if s.ro {
		return errors.New("the store is open read-only")
	}
	rows, bodies, err := contentRows(ctx, sn.Items)
	if err != nil {
		return err
	}
	// Two keys that clean to the same text are summed.
	views := make(map[string]int64, len(sn.Views))
	for k, n := range sn.Views {
		views[cleaned(k)] += n
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("saving the content snapshot: %w", err)
	}
	defer tx.Rollback()
	taken := sn.Taken
	if taken.IsZero() {
		taken = time.Now()
	}
	var id int64
	if err := tx.QueryRowContext(ctx, s.q(`INSERT INTO content_snapshots (label, taken_at, saved_at) VALUES (?, ?, ?) RETURNING id`),
		cleaned(sn.ID), formatTime(taken), formatTime(time.Now())).Scan(&id); err != nil {
		return fmt.Errorf("saving the content snapshot: %w", err)
	}
	if s.dialect == Postgres {
		err = savePostgres(ctx, tx, id, rows, bodies, views)
	} else {
		err = saveSQLite(ctx, tx, id, rows, bodies, views)
	}
	if err != nil {
		return fmt.Errorf("saving the content snapshot: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("committing the content snapshot: %w", err)
	}
	return nil
}

// contentRow is an item as stored.
type contentRow struct {
	url, channel, source, title, contentType, bodyHash, pages, published, etag, lastModified, hash, decisionID, stage, links string
	unchanged                                                                                                                int64
}

type contentBody struct {
	hash string
	body []byte
}

// contentRows turns items into rows, their texts made storable, and their
// bodies, each once.
func contentRows(ctx context.Context, items []content.Item) ([]contentRow, []contentBody, error) {
	rows := make([]contentRow, 0, len(items))
	var bodies []contentBody
	seen := map[string]bool{}
	for i, it := range items {
		if i%256 == 0 && ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
		r := contentRow{url: it.URL, channel: string(it.Channel), source: it.Source, title: it.Title, contentType: it.ContentType,
			published: it.Published, etag: it.ETag, lastModified: it.LastModified, hash: it.Hash, decisionID: it.DecisionID, stage: string(it.Stage)}
		if len(it.Body) > 0 {
			sum := sha256.Sum256(it.Body)
			r.bodyHash = hex.EncodeToString(sum[:])
			if !seen[r.bodyHash] {
				seen[r.bodyHash] = true
				bodies = append(bodies, contentBody{r.bodyHash, it.Body})
			}
		}
		if len(it.Pages) > 0 {
			pages := make([]content.Page, len(it.Pages))
			for j, pg := range it.Pages {
				pages[j] = content.Page{Number: pg.Number, Text: cleaned(pg.Text)}
			}
			b, err := json.Marshal(pages)
			if err != nil {
				return nil, nil, err
			}
			r.pages = string(b)
		}
		if len(it.Links) > 0 {
			b, err := json.Marshal(it.Links)
			if err != nil {
				return nil, nil, err
			}
			r.links = string(b)
		}
		clean(&r.url, &r.channel, &r.source, &r.title, &r.contentType, &r.published, &r.etag, &r.lastModified, &r.hash, &r.decisionID, &r.stage, &r.links)
		if it.Unchanged {
			r.unchanged = 1
		}
		rows = append(rows, r)
	}
	return rows, bodies, nil
}

func saveSQLite(ctx context.Context, tx *sql.Tx, id int64, rows []contentRow, bodies []contentBody, views map[string]int64) error {
	bodyStmt, err := tx.PrepareContext(ctx, `INSERT INTO content_bodies (hash, body) VALUES (?, ?) ON CONFLICT (hash) DO NOTHING`)
	if err != nil {
		return err
	}
	defer bodyStmt.Close()
	for i, b := range bodies {
		if i%256 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		if _, err := bodyStmt.ExecContext(ctx, b.hash, b.body); err != nil {
			return err
		}
	}
	itemStmt, err := tx.PrepareContext(ctx, `INSERT INTO content_items (snapshot_id, seq, url, channel, source, title, content_type, body_hash, pages, published, etag, last_modified, hash, decision_id, stage, links, unchanged)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer itemStmt.Close()
	for i, r := range rows {
		if i%256 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		if _, err := itemStmt.ExecContext(ctx, id, i, r.url, r.channel, r.source, r.title, r.contentType, r.bodyHash, r.pages,
			r.published, r.etag, r.lastModified, r.hash, r.decisionID, r.stage, r.links, r.unchanged); err != nil {
			return fmt.Errorf("%s: %w", r.url, err)
		}
	}
	if len(views) == 0 {
		return nil
	}
	viewStmt, err := tx.PrepareContext(ctx, `INSERT INTO content_views (snapshot_id, page, views) VALUES (?, ?, ?)`)
	if err != nil {
		return err
	}
	defer viewStmt.Close()
	for k, n := range views {
		if _, err := viewStmt.ExecContext(ctx, id, k, n); err != nil {
			return err
		}
	}
	return nil
}

// pgChunk is the number of rows sent in one PostgreSQL statement, as
// arrays that unnest unpacks: one round trip per chunk, not per row;
// pgChunkBytes caps the bodies sent in one statement. Tests lower them.
var pgChunk, pgChunkBytes = 1000, 32 << 20

func savePostgres(ctx context.Context, tx *sql.Tx, id int64, rows []contentRow, bodies []contentBody, views map[string]int64) error {
	for lo := 0; lo < len(bodies); {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		// At most pgChunk bodies and, past the first, pgChunkBytes.
		hi, size := lo, 0
		for hi < len(bodies) && hi-lo < pgChunk && (hi == lo || size+len(bodies[hi].body) <= pgChunkBytes) {
			size += len(bodies[hi].body)
			hi++
		}
		chunk := bodies[lo:hi]
		lo = hi
		hashes, data := make([]string, len(chunk)), make([][]byte, len(chunk))
		for i, b := range chunk {
			hashes[i], data[i] = b.hash, b.body
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO content_bodies (hash, body) SELECT * FROM unnest($1::text[], $2::bytea[]) ON CONFLICT (hash) DO NOTHING`, hashes, data); err != nil {
			return err
		}
	}
	for lo := 0; lo < len(rows); lo += pgChunk {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		chunk := rows[lo:min(lo+pgChunk, len(rows))]
		n := len(chunk)
		seq, unchanged := make([]int64, n), make([]int64, n)
		cols := make([][]string, 14)
		for c := range cols {
			cols[c] = make([]string, n)
		}
		for i, r := range chunk {
			seq[i], unchanged[i] = int64(lo+i), r.unchanged
			for c, v := range [14]string{r.url, r.channel, r.source, r.title, r.contentType, r.bodyHash, r.pages, r.published, r.etag, r.lastModified, r.hash, r.decisionID, r.stage, r.links} {
				cols[c][i] = v
			}
		}
		args := []any{id, seq}
		for _, c := range cols {
			args = append(args, c)
		}
		args = append(args, unchanged)
		if _, err := tx.ExecContext(ctx, `INSERT INTO content_items (snapshot_id, seq, url, channel, source, title, content_type, body_hash, pages, published, etag, last_modified, hash, decision_id, stage, links, unchanged)
			SELECT $1::bigint, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::bigint[])`, args...); err != nil {
			return err
		}
	}
	if len(views) == 0 {
		return nil
	}
	pages, counts := make([]string, 0, len(views)), make([]int64, 0, len(views))
	for k, n := range views {
		pages, counts = append(pages, k), append(counts, n)
	}
	for lo := 0; lo < len(pages); lo += pgChunk {
		hi := min(lo+pgChunk, len(pages))
		if _, err := tx.ExecContext(ctx, `INSERT INTO content_views (snapshot_id, page, views) SELECT $1::bigint, * FROM unnest($2::text[], $3::bigint[])`, id, pages[lo:hi], counts[lo:hi]); err != nil {
			return err
		}
	}
	return nil
}

func cleaned(s string) string {
	clean(&s)
	return s
}

// LatestContent returns up to n content snapshots, newest first, with
// their items (bodies, pages and validators included) in the order saved
// and their views. A snapshot's ID is its label when it was saved with
// one, else the store's number for it.
func (s *Store) LatestContent(ctx context.Context, n int) ([]content.Snapshot, error) {
	if n <= 0 {
		return nil, nil
	}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT id, label, taken_at FROM content_snapshots ORDER BY id DESC LIMIT ?`), n)
	if err != nil {
		return nil, err
	}
	type head struct {
		id           int64
		label, taken string
	}
	var heads []head
	for rows.Next() {
		var h head
		if err := rows.Scan(&h.id, &h.label, &h.taken); err != nil {
			rows.Close()
			return nil, err
		}
		heads = append(heads, h)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]content.Snapshot, 0, len(heads))
	for _, h := range heads {
		sn := content.Snapshot{ID: h.label, Taken: parseTime(h.taken)}
		if sn.ID == "" {
			sn.ID = strconv.FormatInt(h.id, 10)
		}
		if sn.Items, err = s.contentItems(ctx, h.id); err != nil {
			return nil, err
		}
		if sn.Views, err = s.contentViews(ctx, h.id); err != nil {
			return nil, err
		}
		out = append(out, sn)
	}
	return out, nil
}

// LatestContentID returns the id of the latest content snapshot, 0 when
// there is none.
func (s *Store) LatestContentID(ctx context.Context) (int64, error) {
	var id sql.NullInt64
	err := s.db.QueryRowContext(ctx, `SELECT MAX(id) FROM content_snapshots`).Scan(&id)
	return id.Int64, err
}

func (s *Store) contentItems(ctx context.Context, id int64) ([]content.Item, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT i.url, i.channel, i.source, i.title, i.content_type, b.body, i.pages, i.published, i.etag, i.last_modified, i.hash, i.decision_id, i.stage, i.links, i.unchanged
		FROM content_items i LEFT JOIN content_bodies b ON b.hash = i.body_hash AND i.body_hash <> ''
		WHERE i.snapshot_id = ? ORDER BY i.seq`), id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var items []content.Item
	for rows.Next() {
		if len(items)%256 == 255 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		var it content.Item
		var channel, stage, pages, links string
		var body []byte
		var unchanged int64
		if err := rows.Scan(&it.URL, &channel, &it.Source, &it.Title, &it.ContentType, &body, &pages, &it.Published, &it.ETag, &it.LastModified, &it.Hash, &it.DecisionID, &stage, &links, &unchanged); err != nil {
			return nil, err
		}
		it.Channel, it.Stage, it.Unchanged = content.Channel(channel), journey.StageID(stage), unchanged != 0
		if len(body) > 0 {
			it.Body = body
		}
		if pages != "" {
			if err := json.Unmarshal([]byte(pages), &it.Pages); err != nil {
				return nil, fmt.Errorf("content item %s: pages: %w", it.URL, err)
			}
		}
		if links != "" {
			if err := json.Unmarshal([]byte(links), &it.Links); err != nil {
				return nil, fmt.Errorf("content item %s: links: %w", it.URL, err)
			}
		}
		items = append(items, it)
	}
	return items, rows.Err()
}

func (s *Store) contentViews(ctx context.Context, id int64) (content.Views, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT page, views FROM content_views WHERE snapshot_id = ?`), id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var v content.Views
	for rows.Next() {
		var k string
		var n int64
		if err := rows.Scan(&k, &n); err != nil {
			return nil, err
		}
		if v == nil {
			v = content.Views{}
		}
		v[k] = n
	}
	return v, rows.Err()
}

// Posts returns the posts of social snapshot id (0: the latest) as the
// content audit reads them: a post without an address is keyed
// post:PLATFORM:ACTOR:ID, and its impressions (or else its reach) are its
// views.
func (s *Store) Posts(ctx context.Context, id int64) ([]content.SocialPost, error) {
	if id == 0 {
		latest, _, err := s.Latest(ctx)
		if err != nil {
			return nil, err
		}
		id = latest.ID
	}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT id, actor_id, platform, url, title, body, published_at, reach, impressions FROM items WHERE snapshot_id = ? AND kind = ?`), id, audit.ItemPost)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []content.SocialPost
	for rows.Next() {
		var pid, actor, platform, u, title, body, published string
		var reach, impressions int64
		if err := rows.Scan(&pid, &actor, &platform, &u, &title, &body, &published, &reach, &impressions); err != nil {
			return nil, err
		}
		if u == "" {
			u = "post:" + platform + ":" + actor + ":" + pid
		}
		text := body
		if title != "" {
			text = title + "\n\n" + body
		}
		views := impressions
		if views < 0 {
			views = max(reach, 0)
		}
		out = append(out, content.SocialPost{URL: u, Text: text, Published: parseTime(published), Impressions: views})
	}
	return out, rows.Err()
}

// pruneContent deletes, inside tx, the content snapshots taken before
// cutoff but the latest, then the bodies no snapshot uses; it returns how
// many snapshots it deleted.
func (s *Store) pruneContent(ctx context.Context, tx *sql.Tx, cutoff time.Time) (int, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, taken_at FROM content_snapshots ORDER BY id`)
	if err != nil {
		return 0, err
	}
	var ids []int64
	var taken []time.Time
	for rows.Next() {
		var id int64
		var t string
		if err := rows.Scan(&id, &t); err != nil {
			rows.Close()
			return 0, err
		}
		ids, taken = append(ids, id), append(taken, parseTime(t))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	n := 0
	for i, id := range ids {
		if i == len(ids)-1 || !taken[i].Before(cutoff) {
			continue
		}
		for _, st := range deleteContentRows {
			if _, err := tx.ExecContext(ctx, s.q(st), id); err != nil {
				return 0, err
			}
		}
		n++
	}
	if n > 0 {
		if _, err := tx.ExecContext(ctx, deleteOrphanBodies); err != nil {
			return 0, err
		}
	}
	return n, nil
}
