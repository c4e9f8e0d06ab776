package persona

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/civickit/civickit/internal/table"
)

// The survey instrument. Every answer is optional except the respondent id:
// a blank cell (or one of [Mapping.Missing]) is recorded as no answer,
// never as zero.
//
// The documented CSV header has these columns (in any order; others, such
// as ward or free-text comments, are ignored and never kept, except that a
// column starting conf_, use_, mode_ or att_ that is not documented is an
// error, being most likely misspelt):
//
//	respondent_id          unique id; used only to catch duplicates, never published
//	conf_<tool>            confidence with the tool, 1 (not at all) to 5 (very)    required column
//	use_<tool>             how often it is used: never, rarely, monthly, weekly, daily (or 0–4)  required column
//	mode_<tool>            in what way: none, broadcast, two_way, both
//	att_<statement>        agreement with an attitude statement, 1 (disagree) to 5 (agree)
//	learn                  what they would like to learn: LearnTopics, separated by ";" ("none" for none)
//	aims                   what they aim to achieve in the ward: Aims, separated by ";"
//	barriers               what holds them back: Barriers, separated by ";"
//	years_served           years as a councillor, 0–60
//	role                   one of Roles
//
// where <tool> is one of [Tools] and <statement> one of [Attitudes].
var (
	// Tools are the digital tools the survey asks about.
	Tools = []string{"email", "facebook", "x", "instagram", "whatsapp", "nextdoor", "video_calls", "website_blog", "online_surveys"}
	// Frequencies are the answers to "how often do you use it", 0 to 4.
	Frequencies = []string{"never", "rarely", "monthly", "weekly", "daily"}
	// Modes are the answers to "in what way do you use it".
	Modes = []string{"none", "broadcast", "two_way", "both"}
	// Attitudes are the attitude statements, each rated 1 (strongly
	// disagree) to 5 (strongly agree):
	// serves_ward "Digital tools help me serve my ward";
	// worth_time "Time spent online is time well spent";
	// comfortable_public "I am comfortable being visible online";
	// want_more "I want to do more online".
	Attitudes = []string{"serves_ward", "worth_time", "comfortable_public", "want_more"}
	// LearnTopics are the things a councillor may want to learn.
	LearnTopics = []string{"social_media_basics", "engaging_content", "online_surgeries", "video_calls", "online_surveys", "handling_abuse", "privacy_security", "ideas_boards"}
	// Aims are what a councillor may aim to achieve in the ward.
	Aims = []string{"inform_residents", "hear_views", "casework", "support_groups", "promote_events", "build_networks"}
	// Barriers are what may hold a councillor back.
	Barriers = []string{"time", "online_abuse", "confidence", "skills", "equipment", "connectivity", "privacy", "not_useful"}
	// Roles are a councillor's role.
	Roles = []string{"backbencher", "committee_chair", "cabinet", "leader", "other"}
)

// NoAnswer marks a question left unanswered.
const NoAnswer Answer = -1

// Answer is a coded answer: a rating (1–5), a frequency (0–4, an index
// into [Frequencies]), an index into [Modes] or [Roles], or a number of
// years; [NoAnswer] when the question was not answered. It encodes to JSON
// as a number, or null for no answer.
type Answer int16

// MarshalJSON writes the answer as a number, or null for no answer.
func (a Answer) MarshalJSON() ([]byte, error) {
	if a == NoAnswer {
		return []byte("null"), nil
	}
	return strconv.AppendInt(nil, int64(a), 10), nil
}

// UnmarshalJSON reads a number, or null for no answer.
func (a *Answer) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*a = NoAnswer
		return nil
	}
	v, err := strconv.ParseInt(string(b), 10, 16)
	if err != nil || v < 0 {
		return fmt.Errorf("persona: answer %s is not a whole number from 0", b)
	}
	*a = Answer(v)
	return nil
}

// Choices are the options ticked in a multi-select question. Nil means the
// question was not answered; an empty, non-nil slice means "none".
type Choices []string

// Answered reports whether the question was answered.
func (c Choices) Answered() bool { return c != nil }

// Response is one councillor's answers. Wards and free text are never
// read into it.
type Response struct {
	ID          string   `json:"respondent_id" jsonschema:"minLength=1"`        // the respondent's id; never published
	Confidence  []Answer `json:"confidence" jsonschema:"minItems=9,maxItems=9"` // per tool (as Tools), 1–5
	Use         []Answer `json:"use" jsonschema:"minItems=9,maxItems=9"`        // per tool, 0–4 (index into Frequencies)
	Mode        []Answer `json:"mode" jsonschema:"minItems=9,maxItems=9"`       // per tool, index into Modes
	Attitude    []Answer `json:"attitude" jsonschema:"minItems=4,maxItems=4"`   // per statement (as Attitudes), 1–5
	Learn       Choices  `json:"learn"`                                         // from LearnTopics; null when unanswered
	Aims        Choices  `json:"aims"`                                          // from Aims; null when unanswered
	Barriers    Choices  `json:"barriers"`                                      // from Barriers; null when unanswered
	YearsServed Answer   `json:"years_served"`                                  // 0–60
	Role        Answer   `json:"role"`                                          // index into Roles
	Line        int      `json:"-"`                                             // line (CSV) or record number (JSON) it came from, for messages
}

// Survey is a set of responses.
type Survey struct {
	Responses []Response `json:"responses"`
}

// Mapping adapts a council's own export to the documented survey. The
// zero value reads the documented header.
type Mapping struct {
	// Columns maps a documented column name (such as "conf_email") to the
	// council's header for it (such as "How confident are you with email?").
	Columns map[string]string `json:"columns,omitempty"`
	// Values recodes cell texts before they are read, such as
	// "Very confident" to "5" or "Every day" to "daily". Keys are matched
	// without regard to case or surrounding space.
	Values map[string]string `json:"values,omitempty"`
	// Missing lists further cell texts meaning no answer; a blank cell,
	// "NA", "N/A", "-" and "prefer not to say" always do.
	Missing []string `json:"missing,omitempty"`
	// Separator splits multi-select cells; default ";".
	Separator string `json:"separator,omitempty"`
}

// column describes one documented column.
type column struct {
	name     string
	required bool
	set      func(r *Response, cell string) error
}

// rangeErr describes a cell that is not a whole number in range.
func rangeErr(cell string, lo, hi int) error {
	return fmt.Errorf("%s is not a whole number from %d to %d", quoteCell(cell), lo, hi)
}

// parseRange reads a whole number from lo to hi, written as a
// spreadsheet writes it ("3", "3.0", "+3").
func parseRange(cell string, lo, hi int) (Answer, error) {
	f, ok := parseNumber(cell)
	if !ok || f != math.Trunc(f) || f < float64(lo) || f > float64(hi) {
		return 0, rangeErr(cell, lo, hi)
	}
	return Answer(f), nil
}

func parseIndex(cell string, names []string) (Answer, error) {
	c := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(cell), " ", "_"))
	c = strings.ReplaceAll(c, "-", "_")
	if i := slices.Index(names, c); i >= 0 {
		return Answer(i), nil
	}
	if v, err := strconv.Atoi(c); err == nil && v >= 0 && v < len(names) {
		return Answer(v), nil
	}
	return 0, fmt.Errorf("%s is not one of %s", quoteCell(cell), strings.Join(names, ", "))
}

func parseChoices(cell, sep string, names []string) (Choices, error) {
	out := Choices{}
	if strings.EqualFold(strings.TrimSpace(cell), "none") {
		return out, nil
	}
	for _, p := range strings.Split(cell, sep) {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		i, err := parseIndex(p, names)
		if err != nil {
			return nil, err
		}
		if !slices.Contains(out, names[i]) {
			out = append(out, names[i])
		}
	}
	slices.SortFunc(out, func(a, b string) int { return slices.Index(names, a) - slices.Index(names, b) })
	return out, nil
}

// columns returns the documented columns, with a separator for
// multi-select cells.
func columns(sep string) []column {
	var cols []column
	cols = append(cols, column{name: "respondent_id", required: true, set: func(r *Response, c string) error {
		r.ID = c
		return nil
	}})
	for i, t := range Tools {
		cols = append(cols,
			column{name: "conf_" + t, required: true, set: func(r *Response, c string) (err error) {
				r.Confidence[i], err = parseRange(c, 1, 5)
				return err
			}},
			column{name: "use_" + t, required: true, set: func(r *Response, c string) (err error) {
				r.Use[i], err = parseIndex(c, Frequencies)
				return err
			}},
			column{name: "mode_" + t, set: func(r *Response, c string) (err error) {
				r.Mode[i], err = parseIndex(c, Modes)
				return err
			}})
	}
	for i, a := range Attitudes {
		cols = append(cols, column{name: "att_" + a, set: func(r *Response, c string) (err error) {
			r.Attitude[i], err = parseRange(c, 1, 5)
			return err
		}})
	}
	multi := func(name string, names []string, dst func(r *Response) *Choices) column {
		return column{name: name, set: func(r *Response, c string) (err error) {
			*dst(r), err = parseChoices(c, sep, names)
			return err
		}}
	}
	cols = append(cols,
		multi("learn", LearnTopics, func(r *Response) *Choices { return &r.Learn }),
		multi("aims", Aims, func(r *Response) *Choices { return &r.Aims }),
		multi("barriers", Barriers, func(r *Response) *Choices { return &r.Barriers }),
		column{name: "years_served", set: func(r *Response, c string) (err error) {
			r.YearsServed, err = parseRange(c, 0, 60)
			return err
		}},
		column{name: "role", set: func(r *Response, c string) (err error) {
			r.Role, err = parseIndex(c, Roles)
			return err
		}})
	return cols
}

// newResponse returns a response with every answer missing.
func newResponse() Response {
	r := Response{
		Confidence: make([]Answer, len(Tools)), Use: make([]Answer, len(Tools)), Mode: make([]Answer, len(Tools)),
		Attitude: make([]Answer, len(Attitudes)), YearsServed: NoAnswer, Role: NoAnswer,
	}
	for _, s := range [][]Answer{r.Confidence, r.Use, r.Mode, r.Attitude} {
		for i := range s {
			s[i] = NoAnswer
		}
	}
	return r
}

// decoder holds a mapping prepared for reading.
type decoder struct {
	file    string
	sep     string
	cols    []column
	header  map[string]string // documented name -> normalised name in the file
	shown   map[string]string // documented name -> name as the mapping or documentation writes it
	missing map[string]bool
	values  map[string]string
	seen    map[string]int // respondent id -> line (CSV) or record (JSON)
	unit    string         // "line" or "record", for messages
}

func newDecoder(file string, m *Mapping) *decoder {
	if m == nil {
		m = &Mapping{}
	}
	sep := m.Separator
	if sep == "" {
		sep = ";"
	}
	d := &decoder{file: file, sep: sep, cols: columns(sep), header: map[string]string{}, shown: map[string]string{},
		missing: map[string]bool{}, values: map[string]string{}, seen: map[string]int{}}
	for _, c := range d.cols {
		h := c.name
		if mh, ok := m.Columns[c.name]; ok {
			h = mh
		}
		d.header[c.name] = table.Name(h)
		d.shown[c.name] = h
	}
	for _, s := range append([]string{"", "na", "n/a", "-", "prefer not to say"}, m.Missing...) {
		d.missing[strings.ToLower(strings.TrimSpace(s))] = true
	}
	for k, v := range m.Values {
		d.values[strings.ToLower(strings.TrimSpace(k))] = v
	}
	return d
}

// cellRef reads one cell: its raw text, whether the column or key is
// present, and how to build an error at its place.
type cellRef func(name string) (raw string, present bool, fail func(msg string) error)

// record reads one response; where is its line (CSV) or record number
// (JSON) for messages about duplicates.
func (d *decoder) record(where int, get cellRef) (Response, error) {
	r := newResponse()
	r.Line = where
	for _, c := range d.cols {
		raw, ok, fail := get(d.header[c.name])
		if !ok {
			continue
		}
		cell := strings.TrimSpace(raw)
		if v, ok := d.values[strings.ToLower(cell)]; ok {
			cell = strings.TrimSpace(v)
		}
		if d.missing[strings.ToLower(cell)] {
			if c.name == "respondent_id" {
				return r, fail("respondent id is blank")
			}
			continue
		}
		if err := c.set(&r, cell); err != nil {
			return r, fail(err.Error())
		}
	}
	if prev, dup := d.seen[r.ID]; dup {
		_, _, fail := get(d.header["respondent_id"])
		return r, fail(fmt.Sprintf("duplicate respondent: same id as %s %d", d.unit, prev))
	}
	d.seen[r.ID] = where
	return r, nil
}

// names returns the normalised header names of the required and the
// optional columns.
func (d *decoder) names() (required, optional []string) {
	for _, c := range d.cols {
		if c.required {
			required = append(required, d.header[c.name])
		} else {
			optional = append(optional, d.header[c.name])
		}
	}
	return required, optional
}

// unknownQuestion reports whether a header or key that is not a mapped
// column looks like a survey question (conf_, use_, mode_ or att_ followed
// by an unknown name), which is most likely misspelt: it would otherwise
// be ignored and its answers lost.
func (d *decoder) unknownQuestion(name string) bool {
	for _, h := range d.header {
		if h == name {
			return false
		}
	}
	for _, p := range []string{"conf_", "use_", "mode_", "att_"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// ReadSurveyCSV reads a survey from CSV with a header line, as documented
// above and adapted by opt.Mapping. The separator (comma, semicolon or
// tab) is found from the header line. Errors are [*civic.ParseError]
// values naming the line, column and field.
func ReadSurveyCSV(r io.Reader, opt SurveyOptions) (*Survey, error) {
	in, comma, err := csvInput(r, opt.MaxBytes)
	if err != nil {
		return nil, inputError(opt.File, err)
	}
	d := newDecoder(opt.File, opt.Mapping)
	d.unit = "line"
	t := table.NewReader(in, opt.File)
	t.Comma(comma)
	req, optional := d.names()
	if err := t.ReadHeader(req, optional, false); err != nil {
		return nil, inputError(opt.File, err)
	}
	for i, h := range t.Header {
		if n := table.Name(h); d.unknownQuestion(n) {
			return nil, fieldErr(opt.File, 1, i+1, n, "unknown survey question; see the documented columns (persona.Tools and persona.Attitudes)")
		}
	}
	s := &Survey{}
	for {
		rec, err := t.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, inputError(opt.File, err)
		}
		if len(rec) != len(t.Header) {
			_, line, _ := t.Field(rec, d.header["respondent_id"])
			return nil, fieldErr(opt.File, line, 0, "", fmt.Sprintf("wrong number of fields: %d, the header has %d", len(rec), len(t.Header)))
		}
		_, line, _ := t.Field(rec, d.header["respondent_id"])
		resp, err := d.record(line, func(n string) (string, bool, func(string) error) {
			if !t.Has(n) {
				return "", false, nil
			}
			v, line, col := t.Field(rec, n)
			return v, true, func(msg string) error { return fieldErr(opt.File, line, col, n, msg) }
		})
		if err != nil {
			return nil, err
		}
		s.Responses = append(s.Responses, resp)
	}
	if len(s.Responses) == 0 {
		return nil, fieldErr(opt.File, 2, 0, "", "no responses after the header")
	}
	return s, nil
}

// ReadSurveyJSON reads a survey from JSON: an array of objects (or an
// object with a "responses" array) whose keys are the documented column
// names (adapted by opt.Mapping) and whose values are numbers, strings,
// arrays of strings for multi-select questions, or null for no answer.
// Every other key is an error naming its path (such as
// "responses[3].conf_emial"), so a misspelt question is never ignored.
// Errors are [*civic.ParseError] values with line, column and path.
func ReadSurveyJSON(r io.Reader, opt SurveyOptions) (*Survey, error) {
	doc, err := readJSONDoc(r, opt.File, opt.MaxBytes)
	if err != nil {
		return nil, err
	}
	recs, prefix := doc.root, ""
	if recs.kind == '{' {
		var found *jnode
		for _, f := range recs.fields {
			if f.key != "responses" {
				return nil, doc.errAt(f.off, f.key, `unknown key; want {"responses": [...]}`)
			}
			found = f.val
		}
		if found == nil {
			return nil, doc.errAt(recs.off, "", `want an array of responses or {"responses": [...]}`)
		}
		recs, prefix = found, "responses"
	}
	if recs.kind != '[' {
		return nil, doc.errAt(recs.off, prefix, `want an array of responses or {"responses": [...]}`)
	}
	if len(recs.elems) == 0 {
		return nil, doc.errAt(recs.off, prefix, "no responses")
	}
	d := newDecoder(opt.File, opt.Mapping)
	d.unit = "record"
	known := map[string]bool{}
	for _, h := range d.header {
		known[h] = true
	}
	req, _ := d.names()
	s := &Survey{}
	for i, rec := range recs.elems {
		path := prefix + "[" + strconv.Itoa(i) + "]"
		if rec.kind != '{' {
			return nil, doc.errAt(rec.off, path, "want an object of answers")
		}
		keys := map[string]jfield{}
		for _, f := range rec.fields {
			n := table.Name(f.key)
			if !known[n] {
				return nil, doc.errAt(f.off, path+"."+f.key, "unknown key: not a survey question (see persona.Tools and persona.Attitudes) or a mapped column")
			}
			if _, dup := keys[n]; dup {
				return nil, doc.errAt(f.off, path+"."+f.key, "key appears twice")
			}
			keys[n] = f
		}
		for _, n := range req {
			if _, ok := keys[n]; !ok {
				return nil, doc.errAt(rec.off, path+"."+n, "missing required key")
			}
		}
		cells := map[string]string{}
		for n, f := range keys {
			cell, err := jsonCell(f.val, d.sep)
			if err != nil {
				return nil, doc.errAt(f.val.off, path+"."+f.key, err.Error())
			}
			cells[n] = cell
		}
		resp, err := d.record(i+1, func(n string) (string, bool, func(string) error) {
			f, ok := keys[n]
			if !ok {
				return "", false, nil
			}
			return cells[n], true, func(msg string) error { return doc.errAt(f.val.off, path+"."+f.key, msg) }
		})
		if err != nil {
			return nil, err
		}
		s.Responses = append(s.Responses, resp)
	}
	return s, nil
}

// jsonCell turns a JSON value into the text of a CSV cell.
func jsonCell(v *jnode, sep string) (string, error) {
	switch v.kind {
	case '[':
		if len(v.elems) == 0 {
			return "none", nil
		}
		parts := make([]string, len(v.elems))
		for i, e := range v.elems {
			s, ok := e.val.(string)
			if e.kind != 0 || !ok {
				return "", errors.New("multi-select values must be strings")
			}
			parts[i] = s
		}
		return strings.Join(parts, sep), nil
	case '{':
		return "", errors.New("want a number, a string, an array of strings or null, not an object")
	}
	switch x := v.val.(type) {
	case nil:
		return "", nil
	case string:
		return x, nil
	case json.Number:
		return x.String(), nil
	}
	return "", errors.New("want a number, a string, an array of strings or null, not true or false")
}
