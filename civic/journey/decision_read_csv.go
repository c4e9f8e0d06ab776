//go:build !js

package journey

import (
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/civickit/civickit/civic"
	"github.com/civickit/civickit/civic/calendar"
	"github.com/civickit/civickit/internal/input"
	"github.com/civickit/civickit/internal/safe"
	"github.com/civickit/civickit/internal/table"
)

// csvColumns maps a normalised header to its field name.
var csvColumns = map[string]string{
	"title": "title", "decisiontitle": "title", "subject": "title",
	"decisionmaker": "decision maker", "decisiontaker": "decision maker", "decidedby": "decision maker",
	"meetingdate": "meeting date", "decisiondate": "meeting date", "dateofdecision": "meeting date", "datedecided": "meeting date",
	"published": "published", "datepublished": "published", "publicationdate": "published", "publisheddate": "published",
	"effectivefrom": "effective from", "effectivedate": "effective from", "implementationdate": "effective from",
	"keydecision": "key decision", "iskeydecision": "key decision",
	"subjecttocallin": "subject to call-in", "callin": "subject to call-in",
	"wardsaffected": "wards affected", "wards": "wards affected",
	"id": "id", "reference": "id", "ref": "id", "decisionid": "id",
	"summary": "summary", "decision": "summary",
	"link": "link", "url": "link",
}

func normaliseHeader(h string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(h) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ReadDecisionsCSV reads decisions from a CSV export in the shape that
// ModernGov's decision lists give: a header row, then one decision a row,
// with the columns title, decision maker, meeting date, published,
// effective from, key decision, subject to call-in and wards affected
// (header names are matched ignoring case, spaces and punctuation; an id
// or reference, summary and link column are read too). Dates may be
// YYYY-MM-DD, DD/MM/YYYY or "2 March 2026", with or without the weekday,
// which must then be the date's ("Tuesday 2 March 2026" is refused);
// yes/no columns take yes, no, y, n, true, false, 1, 0 or empty (no);
// wards are separated by semicolons. Rows whose cells are all empty, as
// spreadsheets leave at the end, are skipped. The input passes the
// civickit input policy and the header is read by internal/table; every
// error is a [*civic.ParseError] naming the file, line, column and field.
func ReadDecisionsCSV(r io.Reader, opt CSVOptions) ([]*Decision, error) {
	in, err := input.Reader(r, opt.MaxBytes)
	if err != nil {
		return nil, &civic.ParseError{File: opt.File, Msg: "read", Err: err}
	}
	tr := table.NewReader(in, opt.File)
	bad := func(line, col int, field, msg string, err error) error {
		return &civic.ParseError{File: opt.File, Line: line, Column: col, Field: field, Msg: msg, Err: err}
	}
	if err := tr.ReadHeader(nil, nil, false); err != nil {
		var pe *civic.ParseError
		if errors.As(err, &pe) && pe.Msg != "column appears twice" && strings.HasPrefix(pe.Msg, "empty file") {
			return nil, bad(1, 0, "", "empty input: want a header row", nil)
		}
		return nil, err
	}
	col := map[string]string{} // field → table column name
	for i, h := range tr.Header {
		if f, ok := csvColumns[normaliseHeader(h)]; ok {
			if _, dup := col[f]; dup {
				return nil, bad(1, i+1, f, "column given twice", nil)
			}
			col[f] = table.Name(h)
		}
	}
	for _, f := range []string{"title", "decision maker", "meeting date"} {
		if _, ok := col[f]; !ok {
			return nil, bad(1, 0, f, "missing column (the header has: "+safe.Text(strings.Join(tr.Header, ", "), 120)+")", nil)
		}
	}
	var out []*Decision
	for {
		rec, err := tr.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		empty := true
		for i, f := range rec {
			if !utf8.ValidString(f) {
				// input.Reader checks the first 4 KiB; a later byte that is
				// not UTF-8 is reported here.
				_, line, col := tr.Field(rec, table.Name(tr.Header[min(i, len(tr.Header)-1)]))
				return nil, bad(line, col, "", "not UTF-8: save the file as UTF-8 (it looks like Latin-1 or Windows-1252)", nil)
			}
			if strings.TrimSpace(f) != "" {
				empty = false
			}
		}
		if empty {
			continue
		}
		_, line, _ := tr.Field(rec, "")
		get := func(f string) (string, int) {
			name, ok := col[f]
			if !ok {
				return "", 0
			}
			v, _, c := tr.Field(rec, name)
			return v, c
		}
		d := &Decision{Council: opt.Council}
		var c int
		d.ID, _ = get("id")
		d.Summary, _ = get("summary")
		d.URL, _ = get("link")
		if d.Title, c = get("title"); d.Title == "" {
			return nil, bad(line, c, "title", "missing", nil)
		}
		if d.DecisionMaker, c = get("decision maker"); d.DecisionMaker == "" {
			return nil, bad(line, c, "decision maker", "missing", nil)
		}
		d.DecisionMakerKind = ClassifyDecisionMaker(d.DecisionMaker)
		date := func(f string, required bool) (calendar.Date, error) {
			s, c := get(f)
			if s == "" {
				if required {
					return calendar.Date{}, bad(line, c, f, "missing", nil)
				}
				return calendar.Date{}, nil
			}
			v, err := calendar.ParseLooseDate(s)
			if err != nil {
				msg := "bad date " + safe.Quote(s)
				var de *calendar.DateError
				if errors.As(err, &de) {
					msg += ": " + de.Msg
				}
				return calendar.Date{}, bad(line, c, f, msg, nil)
			}
			return v, nil
		}
		yesno := func(f string) (bool, error) {
			s, c := get(f)
			switch strings.ToLower(s) {
			case "yes", "y", "true", "1":
				return true, nil
			case "no", "n", "false", "0", "":
				return false, nil
			}
			return false, bad(line, c, f, "want yes or no, got "+safe.Quote(s), nil)
		}
		if d.MeetingDate, err = date("meeting date", true); err != nil {
			return nil, err
		}
		published, err := date("published", false)
		if err != nil {
			return nil, err
		}
		effective, err := date("effective from", false)
		if err != nil {
			return nil, err
		}
		if d.KeyDecision, err = yesno("key decision"); err != nil {
			return nil, err
		}
		if d.SubjectToCallIn, err = yesno("subject to call-in"); err != nil {
			return nil, err
		}
		if w, _ := get("wards affected"); w != "" {
			for _, p := range strings.Split(w, ";") {
				if p = strings.TrimSpace(p); p != "" {
					d.WardsAffected = append(d.WardsAffected, wardFromString(p))
				}
			}
		}
		if !published.IsZero() && published.Before(d.MeetingDate) {
			_, c := get("published")
			return nil, bad(line, c, "published", "dates out of order: published "+published.String()+" is before the meeting date "+d.MeetingDate.String(), nil)
		}
		if !effective.IsZero() {
			after, name := d.MeetingDate, "meeting date"
			if !published.IsZero() {
				after, name = published, "published date"
			}
			if effective.Before(after) {
				_, c := get("effective from")
				return nil, bad(line, c, "effective from", "dates out of order: effective from "+effective.String()+" is before the "+name+" "+after.String(), nil)
			}
		}
		d.EffectiveFrom = effective
		record := func(st StageID, on calendar.Date) {
			if !on.IsZero() && (opt.AsOf.IsZero() || !on.After(opt.AsOf)) {
				d.History = append(d.History, StageEvent{Stage: st, Date: on, Source: opt.File})
			}
		}
		record(StageDecided, d.MeetingDate)
		if len(d.History) == 1 {
			record(StageDecisionPublished, published)
		}
		if len(d.History) == 2 {
			if d.SubjectToCallIn {
				record(StageCallIn, published)
			}
			record(StageInEffect, effective)
		}
		if err := d.Validate(); err != nil {
			var fe *FieldError
			if errors.As(err, &fe) {
				return nil, bad(line, 0, fe.Field, fe.Msg, fe.Err)
			}
			return nil, bad(line, 0, "", err.Error(), nil)
		}
		out = append(out, d)
	}
}
