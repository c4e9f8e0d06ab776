package store

import (
	"context"
	"database/sql"
	"time"

	"github.com/civickit/civickit/audit"
)

type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// Load reads a complete snapshot as the audit needs it.
func (s *Store) Load(ctx context.Context, id int64) (*audit.Data, error) {
	sn, err := s.Snapshot(ctx, id)
	if err != nil {
		return nil, err
	}
	return load(ctx, s.dialect, s.db, sn, false)
}

// Latest returns the latest complete snapshot and the one before it (zero
// when there is none).
func (s *Store) Latest(ctx context.Context) (latest, previous audit.Snapshot, err error) {
	all, err := s.Snapshots(ctx)
	if err != nil {
		return latest, previous, err
	}
	if len(all) == 0 {
		return latest, previous, ErrNoSnapshot
	}
	latest = all[len(all)-1]
	if len(all) > 1 {
		previous = all[len(all)-2]
	}
	return latest, previous, nil
}

// load reads snapshot sn; with councillorTies, only the ties that touch a
// councillor (all a previous snapshot's report needs, its summaries
// holding the rest), filtered in the database.
func load(ctx context.Context, d Dialect, db querier, sn audit.Snapshot, councillorTies bool) (*audit.Data, error) {
	q := func(query string) string { return rebind(d, query) }
	data := &audit.Data{Snapshot: sn, TopItems: map[string][]audit.Item{}}
	id := sn.ID
	each := func(query string, scan func(*sql.Rows) error, args ...any) error {
		rows, err := db.QueryContext(ctx, q(query), args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		n := 0
		for rows.Next() {
			if n++; n%4096 == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
			if err := scan(rows); err != nil {
				return err
			}
		}
		return rows.Err()
	}
	err := each(`SELECT id, name FROM wards WHERE snapshot_id = ? ORDER BY id`, func(r *sql.Rows) error {
		var w audit.Ward
		err := r.Scan(&w.ID, &w.Name)
		data.Wards = append(data.Wards, w)
		return err
	}, id)
	if err != nil {
		return nil, err
	}
	ids := map[string]string{} // interned actor ids
	err = each(`SELECT id, kind, ward, label FROM actors WHERE snapshot_id = ? ORDER BY id`, func(r *sql.Rows) error {
		var a audit.Actor
		err := r.Scan(&a.ID, &a.Kind, &a.Ward, &a.Label)
		ids[a.ID] = a.ID
		data.Actors = append(data.Actors, a)
		return err
	}, id)
	if err != nil {
		return nil, err
	}
	err = each(`SELECT actor_id, platform, handle, url, followers, following, posts, members, last_active FROM accounts WHERE snapshot_id = ? ORDER BY seq`, func(r *sql.Rows) error {
		var a audit.Account
		var last string
		err := r.Scan(&a.Actor, &a.Platform, &a.Handle, &a.URL, &a.Followers, &a.Following, &a.Posts, &a.Members, &last)
		a.LastActive = parseTime(last)
		data.Accounts = append(data.Accounts, a)
		return err
	}, id)
	if err != nil {
		return nil, err
	}
	kinds := map[string]string{}
	intern := func(m map[string]string, b []byte) string {
		if s, ok := m[string(b)]; ok {
			return s
		}
		s := string(b)
		m[s] = s
		return s
	}
	var src, dst, kind, platform sql.RawBytes
	tq, targs := `SELECT src, dst, kind, platform, weight FROM ties WHERE snapshot_id = ?`, []any{id}
	if councillorTies {
		tq = `SELECT src, dst, kind, platform, weight FROM ties WHERE snapshot_id = ? AND (
			src IN (SELECT id FROM actors WHERE snapshot_id = ? AND kind = ?) OR
			dst IN (SELECT id FROM actors WHERE snapshot_id = ? AND kind = ?))`
		targs = []any{id, id, audit.KindCouncillor, id, audit.KindCouncillor}
	}
	err = each(tq, func(r *sql.Rows) error {
		var t audit.Tie
		if err := r.Scan(&src, &dst, &kind, &platform, &t.Weight); err != nil {
			return err
		}
		t.Source, t.Target = intern(ids, src), intern(ids, dst)
		t.Kind, t.Platform = intern(kinds, kind), intern(kinds, platform)
		data.Ties = append(data.Ties, t)
		return nil
	}, targs...)
	if err != nil {
		return nil, err
	}
	recent := formatTime(sn.TakenAt.Add(-30 * 24 * time.Hour))
	err = each(`SELECT actor_id, platform, COUNT(*),
			SUM(CASE WHEN published_at >= ? THEN 1 ELSE 0 END),
			MAX(published_at),
			SUM(CASE WHEN reach > 0 THEN reach ELSE 0 END),
			SUM(CASE WHEN engagements > 0 THEN engagements ELSE 0 END)
		FROM items WHERE snapshot_id = ? AND kind = ? GROUP BY actor_id, platform ORDER BY actor_id, platform`, func(r *sql.Rows) error {
		var a audit.Activity
		var last sql.NullString
		err := r.Scan(&a.Actor, &a.Platform, &a.Posts, &a.Recent, &last, &a.Reach, &a.Engagements)
		a.Last = parseTime(last.String)
		data.Activity = append(data.Activity, a)
		return err
	}, recent, id, audit.ItemPost)
	if err != nil {
		return nil, err
	}
	for _, a := range data.Actors {
		if a.Kind != audit.KindCouncillor && a.Kind != audit.KindGroup {
			continue
		}
		err = each(`SELECT id, platform, url, title, body, published_at, reach, impressions, engagements FROM items
			WHERE snapshot_id = ? AND actor_id = ? AND kind = ? ORDER BY engagements DESC, published_at DESC, id LIMIT 3`, func(r *sql.Rows) error {
			it := audit.Item{Kind: audit.ItemPost, Actor: a.ID}
			var pub string
			err := r.Scan(&it.ID, &it.Platform, &it.URL, &it.Title, &it.Text, &pub, &it.Reach, &it.Impressions, &it.Engagements)
			it.Published = parseTime(pub)
			data.TopItems[a.ID] = append(data.TopItems[a.ID], it)
			return err
		}, id, a.ID, audit.ItemPost)
		if err != nil {
			return nil, err
		}
	}
	err = each(`SELECT file, line, msg FROM rejects WHERE snapshot_id = ? ORDER BY file, line LIMIT 100`, func(r *sql.Rows) error {
		var rj audit.Reject
		err := r.Scan(&rj.File, &rj.Line, &rj.Msg)
		data.Rejects = append(data.Rejects, rj)
		return err
	}, id)
	if err != nil {
		return nil, err
	}
	return data, nil
}
