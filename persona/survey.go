package persona

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
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
	Row         int      `json:"-"`                                             // line (CSV) or record (JSON) it came from, for messages
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

// errOutOfRange and friends describe bad cells.
func rangeErr(cell string, lo, hi int) error {
	return fmt.Errorf("%s is not a whole number from %d to %d", quoteCell(cell), lo, hi)
}

func parseRange(cell string, lo, hi int) (Answer, error) {
	v, err := strconv.Atoi(cell)
	if err != nil || v < lo || v > hi {
		if f, ferr := strconv.ParseFloat(cell, 64); ferr == nil && f == float64(int(f)) && int(f) >= lo && int(f) <= hi {
			return Answer(int(f)), nil
		}
		return 0, rangeErr(cell, lo, hi)
	}
	return Answer(v), nil
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
	cols    []column
	header  map[string]string // documented name -> name in the file
	missing map[string]bool
	values  map[string]string
	seen    map[string]int // respondent id -> row
}

func newDecoder(m *Mapping) *decoder {
	if m == nil {
		m = &Mapping{}
	}
	sep := m.Separator
	if sep == "" {
		sep = ";"
	}
	d := &decoder{cols: columns(sep), header: map[string]string{}, missing: map[string]bool{}, values: map[string]string{}, seen: map[string]int{}}
	for _, c := range d.cols {
		d.header[c.name] = c.name
		if h, ok := m.Columns[c.name]; ok {
			d.header[c.name] = h
		}
	}
	for _, s := range append([]string{"", "na", "n/a", "-", "prefer not to say"}, m.Missing...) {
		d.missing[strings.ToLower(strings.TrimSpace(s))] = true
	}
	for k, v := range m.Values {
		d.values[strings.ToLower(strings.TrimSpace(k))] = v
	}
	return d
}

// cell reads one cell into r; get returns the raw cell and whether the
// column is present.
func (d *decoder) record(row int, get func(name string) (string, bool)) (Response, error) {
	r := newResponse()
	r.Row = row
	for _, c := range d.cols {
		h := d.header[c.name]
		raw, ok := get(h)
		if !ok {
			continue
		}
		cell := strings.TrimSpace(raw)
		if v, ok := d.values[strings.ToLower(cell)]; ok {
			cell = strings.TrimSpace(v)
		}
		if d.missing[strings.ToLower(cell)] {
			if c.name == "respondent_id" {
				return r, &ParseError{Row: row, Column: h, Msg: "respondent id is blank"}
			}
			continue
		}
		if err := c.set(&r, cell); err != nil {
			return r, &ParseError{Row: row, Column: h, Msg: err.Error()}
		}
	}
	if prev, dup := d.seen[r.ID]; dup {
		return r, &ParseError{Row: row, Column: d.header["respondent_id"], Msg: fmt.Sprintf("duplicate respondent: same id as row %d", prev)}
	}
	d.seen[r.ID] = row
	return r, nil
}

// checkHeader reports required columns missing from present.
func (d *decoder) checkHeader(present func(name string) bool) error {
	var miss []string
	for _, c := range d.cols {
		if c.required && !present(d.header[c.name]) {
			miss = append(miss, strconv.Quote(d.header[c.name]))
		}
	}
	if len(miss) > 0 {
		return &ParseError{Row: 1, Msg: "missing required columns: " + strings.Join(miss, ", ")}
	}
	return nil
}

// checkUnknown rejects header columns that look like survey questions
// (conf_, use_, mode_ or att_ followed by an unknown name), which are
// most likely misspelt: they would otherwise be ignored silently and their
// answers lost.
func (d *decoder) checkUnknown(head []string) error {
	known := map[string]bool{}
	for _, h := range d.header {
		known[h] = true
	}
	for _, h := range head {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		if known[h] {
			continue
		}
		for _, p := range []string{"conf_", "use_", "mode_", "att_"} {
			if strings.HasPrefix(h, p) {
				return &ParseError{Row: 1, Column: h, Msg: "unknown survey question; see the documented columns (persona.Tools and persona.Attitudes)"}
			}
		}
	}
	return nil
}

// ReadCSV reads a survey from CSV with a header line, as documented above
// and adapted by m (nil for the documented header). Errors are
// [*ParseError] values naming the line and column.
func ReadCSV(r io.Reader, m *Mapping) (*Survey, error) {
	d := newDecoder(m)
	cr := csv.NewReader(r)
	head, err := cr.Read()
	if err == io.EOF {
		return nil, &ParseError{Row: 1, Msg: "empty file: want a header line"}
	}
	if err != nil {
		return nil, csvError(err)
	}
	index := map[string]int{}
	for i, h := range head {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		if _, dup := index[h]; dup && h != "" {
			return nil, &ParseError{Row: 1, Column: h, Msg: "column appears twice in the header"}
		}
		index[h] = i
	}
	if err := d.checkHeader(func(n string) bool { _, ok := index[n]; return ok }); err != nil {
		return nil, err
	}
	if err := d.checkUnknown(head); err != nil {
		return nil, err
	}
	s := &Survey{}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvError(err)
		}
		line, _ := cr.FieldPos(0)
		resp, err := d.record(line, func(n string) (string, bool) {
			i, ok := index[n]
			if !ok {
				return "", false
			}
			return rec[i], true
		})
		if err != nil {
			return nil, err
		}
		s.Responses = append(s.Responses, resp)
	}
	if len(s.Responses) == 0 {
		return nil, &ParseError{Row: 2, Msg: "no responses after the header"}
	}
	return s, nil
}

// ReadJSON reads a survey from JSON: an array of objects (or an object
// with a "responses" array) whose keys are the documented column names
// (adapted by m) and whose values are numbers, strings, arrays of strings
// for multi-select questions, or null for no answer. Errors are
// [*ParseError] values naming the record (1-based) and key.
func ReadJSON(r io.Reader, m *Mapping) (*Survey, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, &ParseError{Msg: "reading JSON", Err: err}
	}
	var recs []map[string]json.RawMessage
	if err := json.Unmarshal(raw, &recs); err != nil {
		var wrap struct {
			Responses []map[string]json.RawMessage `json:"responses"`
		}
		if err2 := json.Unmarshal(raw, &wrap); err2 != nil || wrap.Responses == nil {
			return nil, &ParseError{Msg: "want an array of responses or {\"responses\": [...]}", Err: err}
		}
		recs = wrap.Responses
	}
	if len(recs) == 0 {
		return nil, &ParseError{Msg: "no responses"}
	}
	d := newDecoder(m)
	sep := ";"
	if m != nil && m.Separator != "" {
		sep = m.Separator
	}
	s := &Survey{}
	for i, rec := range recs {
		if err := d.checkHeader(func(n string) bool { _, ok := rec[n]; return ok }); err != nil {
			err.(*ParseError).Row = i + 1
			return nil, err
		}
		var cellErr error
		resp, err := d.record(i+1, func(n string) (string, bool) {
			v, ok := rec[n]
			if !ok {
				return "", false
			}
			cell, err := jsonCell(v, sep)
			if err != nil && cellErr == nil {
				cellErr = &ParseError{Row: i + 1, Column: n, Msg: err.Error()}
			}
			return cell, true
		})
		if cellErr != nil {
			return nil, cellErr
		}
		if err != nil {
			return nil, err
		}
		s.Responses = append(s.Responses, resp)
	}
	return s, nil
}

// jsonCell turns a JSON value into the text of a CSV cell.
func jsonCell(v json.RawMessage, sep string) (string, error) {
	var x any
	if err := json.Unmarshal(v, &x); err != nil {
		return "", err
	}
	switch x := x.(type) {
	case nil:
		return "", nil
	case string:
		return x, nil
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), nil
	case []any:
		if len(x) == 0 {
			return "none", nil
		}
		parts := make([]string, len(x))
		for i, e := range x {
			s, ok := e.(string)
			if !ok {
				return "", errors.New("multi-select values must be strings")
			}
			parts[i] = s
		}
		return strings.Join(parts, sep), nil
	}
	return "", fmt.Errorf("unexpected JSON value %s", quoteCell(string(v)))
}
