package content

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"net/url"
	"strconv"
	"strings"

	"github.com/civickit/civickit/civic"
	"github.com/civickit/civickit/internal/input"
)

// Views is page views keyed by the page's [PageKey].
type Views map[string]int64

// Add adds n views of the page at u.
func (v Views) Add(u string, n int64) {
	if k := PageKey(u); k != "" && n > 0 {
		v[k] += n
	}
}

// Of returns the views of the page at u.
func (v Views) Of(u string) int64 { return v[PageKey(u)] }

// PageKey is the key a URL or path is joined on across crawls and
// analytics exports: the path alone (host, query and fragment dropped),
// lower case, without a trailing slash except for the root. Analytics
// tools report paths and crawls full URLs; the path is what they share.
func PageKey(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if u, err := url.Parse(s); err == nil {
		if u.Host != "" || u.Scheme != "" {
			s = u.EscapedPath()
		} else {
			s = u.EscapedPath()
		}
	} else if i := strings.IndexAny(s, "?#"); i >= 0 {
		s = s[:i]
	}
	if s == "" {
		s = "/"
	}
	if !strings.HasPrefix(s, "/") {
		s = "/" + s
	}
	if len(s) > 1 {
		s = strings.TrimRight(s, "/")
		if s == "" {
			s = "/"
		}
	}
	return strings.ToLower(s)
}

// AnalyticsOptions configures the analytics readers.
type AnalyticsOptions struct {
	// File names the input in errors.
	File string
	// MaxBytes caps the input; 0 means input.DefaultMaxBytes.
	MaxBytes int64
}

// ReadGA4CSV reads a Google Analytics 4 "Pages and screens" report
// exported as CSV: the comment lines GA4 writes first (starting with #)
// are skipped, then the header names the page column ("Page path and
// screen class", "Page path", "Page path + query string", "Page
// location" or the API's pagePath) and the views column ("Views" or
// screenPageViews). Rows with no page, such as a grand total, are
// skipped; numbers may carry thousands separators.
func ReadGA4CSV(r io.Reader, opt AnalyticsOptions) (Views, error) {
	return readViewsCSV(r, opt, []string{"page path and screen class", "page path", "page path + query string", "page location", "pagepath", "pagelocation", "page"}, []string{"views", "screenpageviews", "page views"})
}

// ReadPlausibleCSV reads Plausible's pages.csv export (columns name,
// visitors, pageviews, ...): views are pageviews, or visitors when the
// export has no pageviews column.
func ReadPlausibleCSV(r io.Reader, opt AnalyticsOptions) (Views, error) {
	return readViewsCSV(r, opt, []string{"name", "page"}, []string{"pageviews", "visitors"})
}

func readViewsCSV(r io.Reader, opt AnalyticsOptions, pageCols, viewCols []string) (Views, error) {
	src, err := input.ReadAll(r, opt.MaxBytes)
	if err != nil {
		return nil, &civic.ParseError{File: opt.File, Msg: "reading analytics export", Err: err}
	}
	src, _ = input.TrimBOM(src)
	if err := input.Check(src, true); err != nil {
		return nil, &civic.ParseError{File: opt.File, Msg: "reading analytics export", Err: err}
	}
	// Skip GA4's comment block and blank lines before the header.
	line := 1
	for len(src) > 0 && (src[0] == '#' || src[0] == '\n' || src[0] == '\r') {
		i := bytes.IndexByte(src, '\n')
		if i < 0 {
			src = nil
			break
		}
		src = src[i+1:]
		line++
	}
	cr := csv.NewReader(bytes.NewReader(src))
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	head, err := cr.Read()
	if err != nil {
		return nil, &civic.ParseError{File: opt.File, Line: line, Msg: "no header row", Err: err}
	}
	find := func(names []string) int {
		for _, n := range names {
			for i, h := range head {
				if strings.EqualFold(strings.TrimSpace(h), n) {
					return i
				}
			}
		}
		return -1
	}
	pi, vi := find(pageCols), find(viewCols)
	if pi < 0 {
		return nil, &civic.ParseError{File: opt.File, Line: line, Field: pageCols[0], Msg: "no page column (one of " + strings.Join(pageCols, ", ") + ")"}
	}
	if vi < 0 {
		return nil, &civic.ParseError{File: opt.File, Line: line, Field: viewCols[0], Msg: "no views column (one of " + strings.Join(viewCols, ", ") + ")"}
	}
	views := Views{}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return views, nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, &civic.ParseError{File: opt.File, Line: line + pe.Line - 1, Column: pe.Column, Msg: "bad CSV", Err: pe.Err}
			}
			return nil, &civic.ParseError{File: opt.File, Msg: "bad CSV", Err: err}
		}
		l, _ := cr.FieldPos(0)
		if pi >= len(rec) || vi >= len(rec) || strings.TrimSpace(rec[pi]) == "" {
			continue
		}
		n, err := strconv.ParseInt(strings.ReplaceAll(strings.TrimSpace(rec[vi]), ",", ""), 10, 64)
		if err != nil || n < 0 {
			return nil, &civic.ParseError{File: opt.File, Line: line + l - 1, Field: head[vi], Msg: "views must be a whole number, not " + safeQuote(rec[vi])}
		}
		views.Add(rec[pi], n)
	}
}

// ReadMatomoJSON reads Matomo's Reporting API answer to
// Actions.getPageUrls with flat=1 and format=JSON: an array of rows with
// url (or label) and nb_hits (pageviews; nb_visits when nb_hits is
// absent), or, for several periods, an object of such arrays keyed by
// date, which are summed.
func ReadMatomoJSON(r io.Reader, opt AnalyticsOptions) (Views, error) {
	src, err := input.ReadAll(r, opt.MaxBytes)
	if err != nil {
		return nil, &civic.ParseError{File: opt.File, Msg: "reading Matomo answer", Err: err}
	}
	src, _ = input.TrimBOM(src)
	type row struct {
		Label    string      `json:"label"`
		URL      string      `json:"url"`
		NbHits   json.Number `json:"nb_hits"`
		NbVisits json.Number `json:"nb_visits"`
	}
	var rows []row
	trim := bytes.TrimSpace(src)
	if len(trim) > 0 && trim[0] == '{' {
		var byDate map[string]json.RawMessage
		if err := json.Unmarshal(trim, &byDate); err != nil {
			return nil, jsonParseError(opt.File, src, err)
		}
		if raw, ok := byDate["result"]; ok && string(raw) == `"error"` {
			var e struct{ Message string }
			json.Unmarshal(trim, &e)
			return nil, &civic.ParseError{File: opt.File, Msg: "Matomo answered an error: " + safeQuote(e.Message)}
		}
		for _, raw := range byDate {
			var rs []row
			if err := json.Unmarshal(raw, &rs); err != nil {
				return nil, jsonParseError(opt.File, src, err)
			}
			rows = append(rows, rs...)
		}
	} else if err := json.Unmarshal(trim, &rows); err != nil {
		return nil, jsonParseError(opt.File, src, err)
	}
	views := Views{}
	for _, r := range rows {
		u := r.URL
		if u == "" {
			u = r.Label
		}
		n := r.NbHits
		if n == "" {
			n = r.NbVisits
		}
		v, err := strconv.ParseInt(string(n), 10, 64)
		if err != nil || v < 0 {
			return nil, &civic.ParseError{File: opt.File, Field: "nb_hits", Msg: "views must be a whole number, not " + safeQuote(string(n))}
		}
		views.Add(u, v)
	}
	return views, nil
}

func jsonParseError(file string, src []byte, err error) error {
	pe := &civic.ParseError{File: file, Msg: "not a Matomo getPageUrls answer", Err: err}
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	off := int64(-1)
	if errors.As(err, &se) {
		off = se.Offset
	} else if errors.As(err, &te) {
		off = te.Offset
	}
	if off >= 0 && off <= int64(len(src)) {
		pe.Line = 1 + bytes.Count(src[:off], []byte{'\n'})
		pe.Offset = off
	}
	return pe
}
