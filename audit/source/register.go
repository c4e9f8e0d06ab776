package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/civickit/civickit/audit"
	"github.com/civickit/civickit/civic"
	"github.com/civickit/civickit/internal/input"
	"github.com/civickit/civickit/internal/safe"
	"github.com/civickit/civickit/internal/table"
)

// RegisterColumns documents the ward register's columns. One row is one
// online presence of a councillor, group, council account or partner; an
// actor with several accounts has several rows.
var RegisterColumns = []struct{ Name, Doc string }{
	{"name", "required: the councillor's, group's or organisation's name"},
	{"kind", "required: councillor, group, council_account or partner"},
	{"ward_id", "the ward's id (a GSS code such as E05012345, or the council's own); required for councillors and groups"},
	{"ward_name", "the ward's name"},
	{"actor_id", "a stable id; made from the name when blank (\"Cllr Jane Smith\" → jane-smith)"},
	{"platform", "facebook, x, instagram, mastodon, bluesky, nextdoor, whatsapp, website, email, ..."},
	{"handle", "the handle on the platform (@name, @name@server, name.bsky.social)"},
	{"url", "the account's or page's address (http or https only)"},
	{"followers", "followers or page likes, a whole number"},
	{"members", "members of a group, a whole number"},
	{"last_active", "the date of the last post or activity, YYYY-MM-DD"},
	{"links", "actor ids this actor belongs to or works with, separated by ; (a councillor who sits on a group's committee)"},
}

// Register reads a ward register CSV.
type Register struct {
	R        io.Reader
	File     string
	MaxBytes int64
}

// Name implements [audit.Source].
func (r *Register) Name() string { return "register:" + r.File }

// Slug makes an actor id of a name: lower case, words joined by hyphens,
// a councillor's title left out.
func Slug(name string) string {
	s := strings.ToLower(strings.TrimSpace(name))
	for _, p := range []string{"councillor ", "cllr. ", "cllr "} {
		s = strings.TrimPrefix(s, p)
	}
	var b strings.Builder
	dash := false
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 && (r != '\u00a0') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}

func count(v string) (int64, error) {
	if v == "" {
		return -1, nil
	}
	n, err := strconv.ParseInt(strings.ReplaceAll(v, ",", ""), 10, 64)
	if err != nil || n < 0 {
		return 0, errors.New("not a whole number")
	}
	return n, nil
}

var dateLayouts = []string{"2006-01-02", time.RFC3339, "2006-01-02 15:04", "02/01/2006"}

func date(v string) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, v); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, errors.New("not a date (want YYYY-MM-DD)")
}

// webURL accepts an http or https address and refuses anything else
// (javascript:, data:), so no stored link can run script in a report.
func webURL(v string) (string, error) {
	if v == "" {
		return "", nil
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", errors.New("not an http or https address")
	}
	return u.String(), nil
}

var registerKinds = map[string]bool{audit.KindCouncillor: true, audit.KindGroup: true, audit.KindCouncilAccount: true, audit.KindPartner: true}

// Read implements [audit.Source]. A malformed row is rejected with its
// line and the rest are kept.
func (r *Register) Read(ctx context.Context, s audit.Sink) error {
	in, err := input.Reader(r.R, r.MaxBytes)
	if err != nil {
		return err
	}
	tr := table.NewReader(in, r.File)
	var required, optional []string
	for i, c := range RegisterColumns {
		if i < 2 {
			required = append(required, c.Name)
		} else {
			optional = append(optional, c.Name)
		}
	}
	if err := tr.ReadHeader(required, optional, true); err != nil {
		return err
	}
	for n := 0; ; n++ {
		if n%256 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		rec, err := tr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			var pe *civic.ParseError
			if errors.As(err, &pe) && pe.Line > 0 {
				if err := s.Reject(audit.Reject{File: r.File, Line: pe.Line, Msg: pe.Msg}); err != nil {
					return err
				}
				continue
			}
			return err
		}
		if err := r.row(tr, rec, s); err != nil {
			var pe *civic.ParseError
			if !errors.As(err, &pe) {
				return err
			}
			if err := s.Reject(audit.Reject{File: r.File, Line: pe.Line, Msg: pe.Field + ": " + pe.Msg}); err != nil {
				return err
			}
		}
	}
}

func (r *Register) row(tr *table.Reader, rec []string, s audit.Sink) error {
	f := func(name string) string { v, _, _ := tr.Field(rec, name); return v }
	name, kind := f("name"), strings.ToLower(f("kind"))
	if name == "" {
		return tr.Error(rec, "name", "empty")
	}
	if !registerKinds[kind] {
		return tr.Error(rec, "kind", fmt.Sprintf("%s is not councillor, group, council_account or partner", safe.Quote(kind)))
	}
	ward := f("ward_id")
	if ward == "" && (kind == audit.KindCouncillor || kind == audit.KindGroup) {
		return tr.Error(rec, "ward_id", "a "+kind+" needs its ward")
	}
	id := f("actor_id")
	if id == "" {
		id = Slug(name)
	}
	if id == "" {
		return tr.Error(rec, "name", "no letters or digits to make an id of")
	}
	acc := audit.Account{Actor: id, Platform: strings.ToLower(f("platform")), Handle: f("handle"), Following: -1, Posts: -1}
	var err error
	if acc.URL, err = webURL(f("url")); err != nil {
		return tr.Error(rec, "url", err.Error())
	}
	if acc.Followers, err = count(f("followers")); err != nil {
		return tr.Error(rec, "followers", err.Error())
	}
	if acc.Members, err = count(f("members")); err != nil {
		return tr.Error(rec, "members", err.Error())
	}
	if acc.LastActive, err = date(f("last_active")); err != nil {
		return tr.Error(rec, "last_active", err.Error())
	}
	if ward != "" {
		if err := s.Ward(audit.Ward{ID: ward, Name: f("ward_name")}); err != nil {
			return err
		}
	}
	if err := s.Actor(audit.Actor{ID: id, Kind: kind, Ward: ward, Label: name}); err != nil {
		return err
	}
	for l := range strings.SplitSeq(f("links"), ";") {
		if l = strings.TrimSpace(l); l == "" {
			continue
		}
		if err := s.Actor(audit.Actor{ID: l}); err != nil {
			return err
		}
		if err := s.Tie(audit.Tie{Source: id, Target: l, Kind: "member_of", Platform: "register"}); err != nil {
			return err
		}
	}
	if acc.Platform == "" && acc.Handle == "" && acc.URL == "" {
		acc.Platform = "none"
	}
	return s.Account(acc)
}
