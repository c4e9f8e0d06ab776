package journey

import (
	"bytes"
	"errors"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/civickit/civickit/civic"
	"github.com/civickit/civickit/civic/calendar"
	"github.com/civickit/civickit/internal/input"
	"github.com/civickit/civickit/internal/safe"
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
	ID                          string     `json:"id"`
	Title                       string     `json:"title"`
	Summary                     string     `json:"summary"`
	Journey                     string     `json:"journey"`
	Council                     string     `json:"council"`
	DecisionMaker               string     `json:"decision_maker"`
	DecisionMakerKind           string     `json:"decision_maker_kind"`
	MeetingDate                 string     `json:"meeting_date"`
	EffectiveFrom               string     `json:"effective_from"`
	KeyDecision                 bool       `json:"key_decision"`
	SubjectToCallIn             bool       `json:"subject_to_call_in"`
	ValueGBP                    int64      `json:"value_gbp"`
	WardsAffected               []rawValue `json:"wards_affected"`
	MajorDevelopment            bool       `json:"major_development"`
	EIADevelopment              bool       `json:"eia_development"`
	Urgent                      bool       `json:"urgent"`
	Private                     bool       `json:"private"`
	ExemptParagraph             int        `json:"exempt_paragraph"`
	PrivateNoticePublished      string     `json:"private_notice_published"`
	PrivateFinalNoticePublished string     `json:"private_final_notice_published"`
	FinancialYear               int        `json:"financial_year"`
	Contact                     string     `json:"contact"`
	URL                         string     `json:"url"`
	History                     []rawEvent `json:"history"`
}

// rawValue holds the JSON text of one value, as json.RawMessage does,
// without linking encoding/json into the js/wasm build.
type rawValue []byte

// UnmarshalJSON keeps a copy of b.
func (m *rawValue) UnmarshalJSON(b []byte) error {
	*m = append((*m)[:0], b...)
	return nil
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

// ReadOptions are the options of the JSON readers.
type ReadOptions struct {
	File string // the input's name in errors, "" for none
	// MaxBytes caps the input's size; 0 means input.DefaultMaxBytes.
	MaxBytes int64
	// noSchema skips the JSON Schema check, as the js/wasm build does,
	// so that the tests can compare the two decision readers' own work.
	noSchema bool
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

// readDecisionsInput reads a decision document under the input policy
// and checks that it starts with an object or an array, which array
// reports.
func readDecisionsInput(r io.Reader, opt ReadOptions) (data []byte, bom int, array bool, err error) {
	file := opt.File
	data, bom, err = readJSON(r, opt)
	if err != nil {
		return nil, 0, false, err
	}
	t := bytes.TrimSpace(data)
	if len(t) == 0 {
		return nil, 0, false, &civic.ParseError{File: file, Line: 1, Msg: "empty input: want a decision object or an array of them"}
	}
	if c := t[0]; c != '{' && c != '[' {
		off := int64(bytes.IndexByte(data, c))
		line, col := newLineIndex(data).pos(off)
		return nil, 0, false, &civic.ParseError{File: file, Line: line, Column: col, Offset: off + int64(bom), Msg: "want a decision object or an array of them"}
	}
	return data, bom, t[0] == '[', nil
}

// finishDecisions turns the raw decisions of a document into decisions,
// validating each and reporting a problem at its field's line, then
// checks the document against its schema.
func finishDecisions(opt ReadOptions, data []byte, lines map[string]int, raws []rawDecision, array bool, ward func(rawValue) (civic.Area, error)) ([]*Decision, error) {
	file := opt.File
	out := make([]*Decision, 0, len(raws))
	for i, raw := range raws {
		prefix := ""
		if array {
			prefix = "[" + strconv.Itoa(i) + "]"
		}
		d, err := raw.decision(ward)
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
	if opt.noSchema {
		return out, nil
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
func (r *rawDecision) decision(ward func(rawValue) (civic.Area, error)) (*Decision, error) {
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
		w, err := ward(raw)
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
