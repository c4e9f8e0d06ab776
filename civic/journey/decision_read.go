package journey

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/civickit/civickit/civic"
	"github.com/civickit/civickit/civic/calendar"
	"github.com/civickit/civickit/internal/input"
	"github.com/civickit/civickit/internal/safe"
	"github.com/civickit/civickit/internal/table"
)

// rawEvent and rawDecision mirror StageEvent and Decision with dates as
// text, so that a bad date is reported against its own field.
type rawEvent struct {
	Stage  string `json:"stage"`
	Date   string `json:"date"`
	Source string `json:"source"`
	Note   string `json:"note"`
}

type rawDecision struct {
	ID                          string            `json:"id"`
	Title                       string            `json:"title"`
	Summary                     string            `json:"summary"`
	Journey                     string            `json:"journey"`
	Council                     string            `json:"council"`
	DecisionMaker               string            `json:"decision_maker"`
	DecisionMakerKind           string            `json:"decision_maker_kind"`
	MeetingDate                 string            `json:"meeting_date"`
	EffectiveFrom               string            `json:"effective_from"`
	KeyDecision                 bool              `json:"key_decision"`
	SubjectToCallIn             bool              `json:"subject_to_call_in"`
	ValueGBP                    int64             `json:"value_gbp"`
	WardsAffected               []json.RawMessage `json:"wards_affected"`
	MajorDevelopment            bool              `json:"major_development"`
	EIADevelopment              bool              `json:"eia_development"`
	Urgent                      bool              `json:"urgent"`
	Private                     bool              `json:"private"`
	ExemptParagraph             int               `json:"exempt_paragraph"`
	PrivateNoticePublished      string            `json:"private_notice_published"`
	PrivateFinalNoticePublished string            `json:"private_final_notice_published"`
	FinancialYear               int               `json:"financial_year"`
	Contact                     string            `json:"contact"`
	URL                         string            `json:"url"`
	History                     []rawEvent        `json:"history"`
}

// lineIndex turns byte offsets into 1-based lines and columns.
type lineIndex []int // offsets of each '\n'

func newLineIndex(data []byte) lineIndex {
	var li lineIndex
	for i, c := range data {
		if c == '\n' {
			li = append(li, i)
		}
	}
	return li
}

func (li lineIndex) pos(off int64) (line, col int) {
	n := sort.SearchInts(li, int(off)) // newlines before off
	start := 0
	if n > 0 {
		start = li[n-1] + 1
	}
	return n + 1, int(off) - start + 1
}

// maxJSONDepth bounds nesting; a decision needs four levels.
const maxJSONDepth = 32

// jsonFieldLines walks the JSON in data and records the line of each
// field path ("title", "history[2].stage", "[1].title").
func jsonFieldLines(data []byte, li lineIndex) (map[string]int, []keyPos, error) {
	lines := map[string]int{}
	var keys []keyPos
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var walk func(path string, depth int) error
	walk = func(path string, depth int) error {
		if depth > maxJSONDepth {
			line, _ := li.pos(dec.InputOffset())
			return &civic.ParseError{Line: line, Msg: "nested too deeply"}
		}
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		if _, ok := lines[path]; !ok {
			lines[path], _ = li.pos(dec.InputOffset())
		}
		d, ok := tok.(json.Delim)
		if !ok {
			return nil
		}
		switch d {
		case '{':
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return err
				}
				key, _ := kt.(string)
				p := key
				if path != "" {
					p = path + "." + key
				}
				off := dec.InputOffset()
				line, col := li.pos(off)
				lines[p] = line
				keys = append(keys, keyPos{path: p, line: line, col: col, off: off})
				if err := walk(p, depth+1); err != nil {
					return err
				}
			}
		case '[':
			for i := 0; dec.More(); i++ {
				if err := walk(path+"["+strconv.Itoa(i)+"]", depth+1); err != nil {
					return err
				}
			}
		}
		_, err = dec.Token() // the closing delimiter
		return err
	}
	if err := walk("", 0); err != nil {
		return nil, nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		line, col := li.pos(dec.InputOffset())
		return nil, nil, &civic.ParseError{Line: line, Column: col, Msg: "unexpected data after the JSON value"}
	}
	return lines, keys, nil
}

// jsonSyntaxError converts a decoding error into a civic.ParseError at its place.
func jsonSyntaxError(file string, data []byte, li lineIndex, err error) error {
	var pe *civic.ParseError
	if errors.As(err, &pe) {
		pe.File = file
		return pe
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line, col := li.pos(se.Offset)
		return &civic.ParseError{File: file, Line: line, Column: col, Msg: "invalid JSON", Err: err}
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		line, col := li.pos(int64(len(data)))
		return &civic.ParseError{File: file, Line: line, Column: col, Msg: "unexpected end of JSON"}
	}
	return &civic.ParseError{File: file, Msg: "invalid JSON", Err: err}
}

// ReadOptions are the options of the JSON readers.
type ReadOptions struct {
	File string // the input's name in errors, "" for none
	// MaxBytes caps the input's size; 0 means input.DefaultMaxBytes.
	MaxBytes int64
}

// readJSON reads r under the input policy: the size cap, a UTF-8
// byte-order mark skipped (bom is its length, to keep byte offsets true
// to the file) and UTF-16 or Latin-1 input refused with the encoding named.
func readJSON(r io.Reader, opt ReadOptions) (data []byte, bom int, err error) {
	data, err = input.ReadAll(r, opt.MaxBytes)
	if err != nil {
		return nil, 0, &civic.ParseError{File: opt.File, Msg: "read", Err: err}
	}
	if err := input.Check(data, true); err != nil {
		var ee *input.EncodingError
		if errors.As(err, &ee) {
			li := newLineIndex(data)
			line, col := li.pos(ee.Offset)
			return nil, 0, &civic.ParseError{File: opt.File, Line: line, Column: col, Offset: ee.Offset, Msg: "not UTF-8", Err: err}
		}
		return nil, 0, &civic.ParseError{File: opt.File, Msg: "not UTF-8", Err: err}
	}
	data, bom = input.TrimBOM(data)
	return data, bom, nil
}

// ReadDecisionsJSON reads decisions from JSON: one decision object, or an
// array of them, with the fields of [Decision]. The input passes the
// civickit input policy (size cap, UTF-8 with or without a byte-order
// mark). Unknown fields (reported with their path, such as
// "history[2].when", and line), bad dates, unknown stages, stages out of
// order and missing fields are reported as a [*civic.ParseError] naming
// the file, line and field.
func ReadDecisionsJSON(r io.Reader, opt ReadOptions) ([]*Decision, error) {
	file := opt.File
	data, bom, err := readJSON(r, opt)
	if err != nil {
		return nil, err
	}
	li := newLineIndex(data)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &civic.ParseError{File: file, Line: 1, Msg: "empty input: want a decision object or an array of them"}
	}
	if c := bytes.TrimSpace(data)[0]; c != '{' && c != '[' {
		off := int64(bytes.IndexByte(data, c))
		line, col := li.pos(off)
		return nil, &civic.ParseError{File: file, Line: line, Column: col, Offset: off + int64(bom), Msg: "want a decision object or an array of them"}
	}
	lines, keys, err := jsonFieldLines(data, li)
	if err != nil {
		return nil, jsonSyntaxError(file, data, li, err)
	}
	array := bytes.TrimSpace(data)[0] == '['
	if err := unknownField(keys, array, decisionFields); err != nil {
		err.File = file
		err.Offset += int64(bom)
		return nil, err
	}
	var raws []rawDecision
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if array {
		err = dec.Decode(&raws)
	} else {
		raws = make([]rawDecision, 1)
		err = dec.Decode(&raws[0])
	}
	if err != nil {
		return nil, jsonDecodeError(file, li, lines, err)
	}
	out := make([]*Decision, 0, len(raws))
	for i, raw := range raws {
		prefix := ""
		if array {
			prefix = "[" + strconv.Itoa(i) + "]"
		}
		d, err := raw.decision()
		if err == nil {
			err = d.Validate()
		}
		if err != nil {
			var fe *FieldError
			if errors.As(err, &fe) {
				path := fe.Field
				if prefix != "" {
					path = prefix + "." + path
				}
				return nil, &civic.ParseError{File: file, Line: lineOfPath(lines, path), Field: path, Msg: fe.Msg, Err: fe.Err}
			}
			return nil, &civic.ParseError{File: file, Msg: err.Error()}
		}
		out = append(out, d)
	}
	name := "decision"
	if array {
		name = "decisions"
	}
	if err := checkSchema(name, data, file); err != nil {
		return nil, err
	}
	return out, nil
}

// keyPos is one object key of a JSON document: its path ("history[2].when")
// and where it is.
type keyPos struct {
	path      string
	line, col int
	off       int64
}

// fieldSet is the set of keys allowed in each object of a document, by
// the object's path with array indices left out ("" for the top level,
// "history[]" for a stage event).
type fieldSet map[string]map[string]bool

// jsonKeys returns the JSON names of the fields of struct type t.
func jsonKeys(t reflect.Type) map[string]bool {
	m := map[string]bool{}
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name != "" && name != "-" {
			m[name] = true
		}
	}
	return m
}

// decisionFields are the keys a decision document may hold.
var decisionFields = fieldSet{
	"":                 jsonKeys(reflect.TypeFor[rawDecision]()),
	"history[]":        jsonKeys(reflect.TypeFor[rawEvent]()),
	"wards_affected[]": jsonKeys(reflect.TypeFor[civic.Area]()),
}

// unknownField returns an error at the first key, in document order, that
// its object does not allow, naming its full path and line.
func unknownField(keys []keyPos, array bool, allowed fieldSet) *civic.ParseError {
	for _, k := range keys {
		p := k.path
		if array {
			// "[3].history[0].when" → "history[0].when"
			if i := strings.IndexByte(p, '.'); i >= 0 && strings.HasPrefix(p, "[") {
				p = p[i+1:]
			} else {
				continue // a key of the array itself cannot occur
			}
		}
		parent, name := "", p
		if i := strings.LastIndexByte(p, '.'); i >= 0 {
			parent, name = p[:i], p[i+1:]
		}
		set, ok := allowed[stripIndices(parent)]
		if !ok || set[name] {
			continue
		}
		var known []string
		for n := range set {
			known = append(known, n)
		}
		sort.Strings(known)
		return &civic.ParseError{Line: k.line, Column: k.col, Offset: k.off, Field: k.path,
			Msg: "unknown field (known here: " + strings.Join(known, ", ") + ")"}
	}
	return nil
}

// stripIndices turns "history[2]" into "history[]".
func stripIndices(p string) string {
	if !strings.Contains(p, "[") {
		return p
	}
	var b strings.Builder
	in := false
	for _, r := range p {
		switch {
		case r == '[':
			in = true
			b.WriteRune(r)
		case r == ']':
			in = false
			b.WriteRune(r)
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// lineOfPath finds the line of path, or of its nearest recorded parent.
func lineOfPath(lines map[string]int, path string) int {
	for p := path; ; {
		if l, ok := lines[p]; ok {
			return l
		}
		i := strings.LastIndexAny(p, ".[")
		if i <= 0 {
			if l, ok := lines[""]; ok {
				return l
			}
			return 0
		}
		p = p[:i]
	}
}

// jsonTypeNames names the Go types a JSON value failed to decode into in
// words a person editing the file understands.
var jsonTypeNames = map[reflect.Type]string{
	reflect.TypeFor[[]rawEvent]():    "an array of stage events",
	reflect.TypeFor[rawEvent]():      "a stage event object",
	reflect.TypeFor[[]rawDecision](): "an array of decisions",
	reflect.TypeFor[rawDecision]():   "a decision object",
	reflect.TypeFor[[]string]():      "an array of strings",
	reflect.TypeFor[string]():        "a string",
	reflect.TypeFor[bool]():          "true or false",
	reflect.TypeFor[int]():           "a whole number",
	reflect.TypeFor[float64]():       "a number",
}

func jsonDecodeError(file string, li lineIndex, lines map[string]int, err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		line, col := li.pos(te.Offset)
		want, ok := jsonTypeNames[te.Type]
		if !ok {
			want = te.Type.String()
		}
		return &civic.ParseError{File: file, Line: line, Column: col, Field: te.Field, Msg: "want " + want + ", got JSON " + te.Value}
	}
	msg := err.Error()
	if k, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
		name, _ := strconv.Unquote(k)
		// The first path that ends in the unknown key.
		best, bestLine := "", 0
		for p, l := range lines {
			if p == name || strings.HasSuffix(p, "."+name) {
				if best == "" || l < bestLine {
					best, bestLine = p, l
				}
			}
		}
		if best == "" {
			best = name
		}
		return &civic.ParseError{File: file, Line: bestLine, Field: best, Msg: "unknown field"}
	}
	return &civic.ParseError{File: file, Msg: "invalid decision", Err: err}
}

// dateMsg says what is wrong with a date field.
func dateMsg(s string, err error) string {
	msg := "bad date " + safe.Quote(s)
	var de *calendar.DateError
	if errors.As(err, &de) {
		msg += ": " + de.Msg
	}
	return msg
}

// decision converts the raw form, parsing dates.
func (r *rawDecision) decision() (*Decision, error) {
	d := &Decision{
		ID: r.ID, Title: r.Title, Summary: r.Summary, Journey: Kind(r.Journey),
		Council: r.Council, DecisionMaker: r.DecisionMaker, DecisionMakerKind: DecisionMakerKind(r.DecisionMakerKind),
		KeyDecision: r.KeyDecision, SubjectToCallIn: r.SubjectToCallIn, ValueGBP: r.ValueGBP,
		MajorDevelopment: r.MajorDevelopment, EIADevelopment: r.EIADevelopment, Urgent: r.Urgent, Private: r.Private,
		ExemptParagraph: r.ExemptParagraph, FinancialYear: r.FinancialYear,
		Contact: r.Contact, URL: r.URL,
	}
	if r.MeetingDate != "" {
		md, err := calendar.ParseDate(r.MeetingDate)
		if err != nil {
			return nil, &FieldError{Field: "meeting_date", Msg: dateMsg(r.MeetingDate, err)}
		}
		d.MeetingDate = md
	}
	if r.EffectiveFrom != "" {
		ef, err := calendar.ParseDate(r.EffectiveFrom)
		if err != nil {
			return nil, &FieldError{Field: "effective_from", Msg: dateMsg(r.EffectiveFrom, err)}
		}
		d.EffectiveFrom = ef
	}
	for _, f := range []struct {
		name string
		text string
		dst  *calendar.Date
	}{
		{"private_notice_published", r.PrivateNoticePublished, &d.PrivateNoticePublished},
		{"private_final_notice_published", r.PrivateFinalNoticePublished, &d.PrivateFinalNoticePublished},
	} {
		if f.text == "" {
			continue
		}
		v, err := calendar.ParseDate(f.text)
		if err != nil {
			return nil, &FieldError{Field: f.name, Msg: dateMsg(f.text, err)}
		}
		*f.dst = v
	}
	for i, raw := range r.WardsAffected {
		w, err := wardFromJSON(raw)
		if err != nil {
			return nil, &FieldError{Field: "wards_affected[" + strconv.Itoa(i) + "]", Msg: err.Error()}
		}
		d.WardsAffected = append(d.WardsAffected, w)
	}
	if d.DecisionMakerKind == "" && d.DecisionMaker != "" {
		d.DecisionMakerKind = ClassifyDecisionMaker(d.DecisionMaker)
	}
	d.History = make([]StageEvent, len(r.History))
	for i, ev := range r.History {
		at := "history[" + strconv.Itoa(i) + "]"
		if ev.Stage == "" {
			return nil, &FieldError{Field: at + ".stage", Msg: "missing"}
		}
		if ev.Date == "" {
			return nil, &FieldError{Field: at + ".date", Msg: "missing"}
		}
		date, err := calendar.ParseDate(ev.Date)
		if err != nil {
			return nil, &FieldError{Field: at + ".date", Msg: dateMsg(ev.Date, err)}
		}
		d.History[i] = StageEvent{Stage: StageID(ev.Stage), Date: date, Source: ev.Source, Note: ev.Note}
	}
	return d, nil
}

// ReadDecisionJSON reads exactly one decision from JSON; see
// [ReadDecisionsJSON].
func ReadDecisionJSON(r io.Reader, opt ReadOptions) (*Decision, error) {
	ds, err := ReadDecisionsJSON(r, opt)
	if err != nil {
		return nil, err
	}
	if len(ds) != 1 {
		return nil, &civic.ParseError{File: opt.File, Line: 1, Msg: "want one decision, got " + strconv.Itoa(len(ds))}
	}
	return ds[0], nil
}

// WriteJSON writes d as indented JSON that [ReadDecisionJSON] reads back.
func (d *Decision) WriteJSON(w io.Writer) error {
	b, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return &TransitionError{Msg: "encode decision", Err: err}
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// CSVOptions are the options of [ReadDecisionsCSV].
type CSVOptions struct {
	File string // the input's name in errors, "" for none
	// MaxBytes caps the input's size; 0 means input.DefaultMaxBytes.
	MaxBytes int64
	// AsOf, when set, leaves out of the history any stage dated after it,
	// so that a future "effective from" date is a deadline, not history.
	AsOf calendar.Date
	// Council is the profile name given to each decision ("" for England).
	Council string
}

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

// councilFields are the keys a council profile may hold.
var councilFields = func() fieldSet {
	period := jsonKeys(reflect.TypeFor[Period]())
	area := jsonKeys(reflect.TypeFor[civic.Area]())
	fs := fieldSet{"": jsonKeys(reflect.TypeFor[Council]()), "area": area, "wards[]": area}
	for _, id := range []PeriodID{PeriodAgenda, PeriodPrivateNotice, PeriodPrivateFinalNotice, PeriodKeyDecisionNotice,
		PeriodGeneralException, PeriodDecisionRecord, PeriodCallIn} {
		fs[string(id)] = period
	}
	return fs
}()

// ReadCouncilJSON reads a council profile from JSON: the fields of
// [Council], so that an officer can set the council's constitution (its
// periods, how their days are counted, when call-in starts, the
// key-decision test, its wards and closure days) in a file. The input
// passes the civickit input policy; unknown fields are reported with
// their path and line, and values outside a field's list (a nation, a
// counting, a governance) with the list allowed. Errors are
// [*civic.ParseError]s.
func ReadCouncilJSON(r io.Reader, opt ReadOptions) (Council, error) {
	file := opt.File
	data, bom, err := readJSON(r, opt)
	if err != nil {
		return Council{}, err
	}
	li := newLineIndex(data)
	if t := bytes.TrimSpace(data); len(t) == 0 || t[0] != '{' {
		return Council{}, &civic.ParseError{File: file, Line: 1, Msg: "want a council profile object"}
	}
	lines, keys, err := jsonFieldLines(data, li)
	if err != nil {
		return Council{}, jsonSyntaxError(file, data, li, err)
	}
	if pe := unknownField(keys, false, councilFields); pe != nil {
		pe.File = file
		pe.Offset += int64(bom)
		return Council{}, pe
	}
	var c Council
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return Council{}, jsonDecodeError(file, li, lines, err)
		}
		// An enum's UnmarshalText or a bad date: find the field by the
		// decoder's offset.
		line, col := li.pos(dec.InputOffset())
		return Council{}, &civic.ParseError{File: file, Line: line, Column: col, Msg: "invalid council profile", Err: err}
	}
	for _, f := range []struct {
		name string
		p    Period
	}{{"agenda", c.Agenda}, {"private_notice", c.PrivateNotice}, {"private_final_notice", c.PrivateFinalNotice},
		{"key_decision_notice", c.KeyDecisionNotice}, {"general_exception", c.GeneralException},
		{"decision_record", c.DecisionRecord}, {"call_in", c.CallIn}} {
		if f.p.Days < 0 || f.p.Days > 366 {
			return Council{}, &civic.ParseError{File: file, Line: lineOfPath(lines, f.name+".days"), Field: f.name + ".days", Msg: "want 0 (the default) to 366 days"}
		}
	}
	if c.KeyDecisionThresholdGBP < 0 || c.KeyDecisionWards < 0 {
		return Council{}, &civic.ParseError{File: file, Line: lineOfPath(lines, "key_decision_threshold_gbp"), Msg: "negative key-decision threshold"}
	}
	if strings.TrimSpace(c.Name) == "" {
		return Council{}, &civic.ParseError{File: file, Line: 1, Field: "name", Msg: "missing"}
	}
	if err := checkSchema("council", data, file); err != nil {
		return Council{}, err
	}
	return c, nil
}
