package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/civickit/civickit/audit"
	"github.com/civickit/civickit/civic"
	"github.com/civickit/civickit/internal/input"
	"github.com/civickit/civickit/internal/table"
)

// ExportFormat is a platform export's layout.
type ExportFormat string

// The export formats. Columns are matched case-insensitively; where a
// platform has renamed a column, each name it has used is listed.
const (
	// ExportPosts is civickit's generic posts CSV: actor, platform,
	// published (required); post_id, title, text, url, reach,
	// impressions, engagements.
	ExportPosts ExportFormat = "posts"
	// ExportMeta is Meta Business Suite's content export (Insights >
	// Content > Export): Post ID, Page name, Title, Description, Publish
	// time (MM/DD/YYYY HH:MM), Permalink, Reach, Impressions or Views, and
	// Reactions, Comments and Shares (or Reactions, Comments, Shares,
	// Total clicks).
	ExportMeta ExportFormat = "meta"
	// ExportX is X (Twitter) analytics' post activity export: Tweet id or
	// Post id, Tweet permalink or Post Link, Tweet text or Post text, time
	// or Date, impressions, engagements.
	ExportX ExportFormat = "x"
)

// Export reads a platform export of posts and their reach.
type Export struct {
	R        io.Reader
	File     string
	MaxBytes int64
	Format   ExportFormat // "" detects it from the header
	Actor    string       // the account owner's actor id, when the export has no page column
	actors   map[string]string
}

// Name implements [audit.Source].
func (e *Export) Name() string { return "export:" + e.File }

// Seed implements [audit.Seeded]: a Meta page name is matched to a known
// actor's name.
func (e *Export) Seed(s *audit.Seed) {
	e.actors = map[string]string{}
	for id, a := range s.Actors {
		e.actors[strings.ToLower(a.Label)] = id
		e.actors[strings.ToLower(id)] = id
	}
}

var exportColumns = map[ExportFormat]map[string][]string{
	ExportPosts: {
		"id": {"post_id"}, "actor": {"actor"}, "platform": {"platform"}, "published": {"published"}, "title": {"title"},
		"text": {"text"}, "url": {"url"}, "reach": {"reach"}, "impressions": {"impressions"}, "engagements": {"engagements"},
	},
	ExportMeta: {
		"id": {"post id"}, "actor": {"page name"}, "title": {"title"}, "text": {"description"}, "published": {"publish time"},
		"url": {"permalink"}, "reach": {"reach"}, "impressions": {"impressions", "views"},
		"engagements": {"reactions, comments and shares"}, "reactions": {"reactions"}, "comments": {"comments"},
		"shares": {"shares"}, "clicks": {"total clicks"},
	},
	ExportX: {
		"id": {"tweet id", "post id"}, "url": {"tweet permalink", "post link"}, "text": {"tweet text", "post text"},
		"published": {"time", "date"}, "impressions": {"impressions"}, "engagements": {"engagements"},
	},
}

// detect names the format of a header.
func detect(header []string) ExportFormat {
	has := map[string]bool{}
	for _, h := range header {
		has[table.Name(h)] = true
	}
	switch {
	case has["post id"] && has["publish time"]:
		return ExportMeta
	case has["tweet id"] || has["tweet permalink"] || has["post id"] && has["impressions"] && (has["post text"] || has["post link"]):
		return ExportX
	}
	return ExportPosts
}

var exportTimeLayouts = []string{time.RFC3339, "01/02/2006 15:04", "2006-01-02 15:04 -0700", "2006-01-02 15:04:05", "2006-01-02 15:04", "Mon, Jan 02, 2006", "2006-01-02"}

// Read implements [audit.Source].
func (e *Export) Read(ctx context.Context, s audit.Sink) error {
	in, err := input.Reader(e.R, e.MaxBytes)
	if err != nil {
		return err
	}
	tr := table.NewReader(in, e.File)
	if err := tr.ReadHeader(nil, nil, false); err != nil {
		return err
	}
	format := e.Format
	if format == "" {
		format = detect(tr.Header)
	}
	cols, ok := exportColumns[format]
	if !ok {
		return fmt.Errorf("unknown export format %q (want posts, meta or x)", format)
	}
	col := map[string]string{} // logical name → header name present
	for logical, names := range cols {
		for _, n := range names {
			if tr.Has(n) {
				col[logical] = n
				break
			}
		}
	}
	need := []string{"published"}
	if format == ExportPosts {
		need = append(need, "actor", "platform")
	}
	if format == ExportMeta && e.Actor == "" {
		need = append(need, "actor")
	}
	if format == ExportX && e.Actor == "" {
		return errors.New("an X analytics export names no account: give actor=ID")
	}
	for _, n := range need {
		if col[n] == "" {
			return &civic.ParseError{File: e.File, Line: 1, Field: cols[n][0], Msg: fmt.Sprintf("missing column for a %s export", format)}
		}
	}
	platform := map[ExportFormat]string{ExportMeta: "facebook", ExportX: "x"}[format]
	seen := map[string]bool{}
	for n := 0; ; n++ {
		if n%256 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		rec, err := tr.Read()
		if err == io.EOF {
			return nil
		}
		var pe *civic.ParseError
		if err != nil {
			if errors.As(err, &pe) && pe.Line > 0 {
				if err := s.Reject(audit.Reject{File: e.File, Line: pe.Line, Msg: pe.Msg}); err != nil {
					return err
				}
				continue
			}
			return err
		}
		it, actor, err := e.row(tr, rec, col, platform)
		if err != nil {
			if !errors.As(err, &pe) {
				return err
			}
			if err := s.Reject(audit.Reject{File: e.File, Line: pe.Line, Msg: pe.Field + ": " + pe.Msg}); err != nil {
				return err
			}
			continue
		}
		if !seen[it.Actor] {
			seen[it.Actor] = true
			if err := s.Actor(actor); err != nil {
				return err
			}
		}
		if err := s.Item(it); err != nil {
			return err
		}
	}
}

func (e *Export) row(tr *table.Reader, rec []string, col map[string]string, platform string) (audit.Item, audit.Actor, error) {
	f := func(name string) string {
		if col[name] == "" {
			return ""
		}
		v, _, _ := tr.Field(rec, col[name])
		return v
	}
	bad := func(name, msg string) error { return tr.Error(rec, col[name], msg) }
	it := audit.Item{Kind: audit.ItemPost, ID: f("id"), Title: f("title"), Text: f("text"), Platform: platform}
	if it.Platform == "" {
		it.Platform = strings.ToLower(f("platform"))
		if it.Platform == "" {
			return it, audit.Actor{}, bad("platform", "empty")
		}
	}
	actor := audit.Actor{ID: e.Actor}
	if name := f("actor"); e.Actor == "" {
		if name == "" {
			return it, actor, bad("actor", "empty")
		}
		id, ok := e.actors[strings.ToLower(name)]
		if !ok {
			id = Slug(name)
		}
		actor = audit.Actor{ID: id, Label: name}
	}
	it.Actor = actor.ID
	pub := f("published")
	var err error
	for _, l := range exportTimeLayouts {
		var t time.Time
		if t, err = time.Parse(l, pub); err == nil {
			it.Published = t.UTC()
			break
		}
	}
	if err != nil {
		return it, actor, bad("published", "not a date and time")
	}
	if it.URL, err = webURL(f("url")); err != nil {
		return it, actor, bad("url", err.Error())
	}
	if it.ID == "" {
		it.ID = it.URL
	}
	for _, m := range []struct {
		name string
		v    *int64
	}{{"reach", &it.Reach}, {"impressions", &it.Impressions}, {"engagements", &it.Engagements}} {
		if *m.v, err = count(f(m.name)); err != nil {
			return it, actor, bad(m.name, err.Error())
		}
	}
	if it.Engagements < 0 && col["reactions"] != "" {
		it.Engagements = 0
		for _, n := range []string{"reactions", "comments", "shares", "clicks"} {
			v, err := count(f(n))
			if err != nil {
				return it, actor, bad(n, err.Error())
			}
			it.Engagements += max(v, 0)
		}
	}
	return it, actor, nil
}
