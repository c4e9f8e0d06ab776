package journey

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/civickit/civickit/civic"
	"github.com/civickit/civickit/civic/calendar"
)

// This file is a hand-written reader of the decision format. It accepts
// and refuses the same documents as the encoding/json reader
// (decision_read_json.go) and fills the same decisions, so that the
// js/wasm build, which uses it, need not link encoding/json and reflect.
// The differential tests and FuzzDecodeDecisions hold the two together.

// jsonNode is one value of a JSON document.
type jsonNode struct {
	kind       byte // '{', '[', '"', '0' (a number), 't', 'f' or 'n'
	start, end int  // the value's bytes in the document
	str        string
	keys       []string // an object's keys, in document order
	kids       []*jsonNode
}

// jsonParser reads a JSON document strictly (RFC 8259), recording the
// line of each field path and the place of each object key as
// jsonFieldLines does.
type jsonParser struct {
	data  []byte
	i     int
	li    lineIndex
	lines map[string]int
	keys  []keyPos
	buf   []byte
}

// parseJSON reads the single JSON value that is data. The error is a
// *civic.ParseError without its file.
func parseJSON(data []byte) (*jsonNode, *jsonParser, *civic.ParseError) {
	p := &jsonParser{data: data, li: newLineIndex(data), lines: map[string]int{}}
	n, err := p.value("", 0)
	if err != nil {
		return nil, nil, err
	}
	p.space()
	if p.i < len(p.data) {
		return nil, nil, p.errAt(p.i, "unexpected data after the JSON value", nil)
	}
	return n, p, nil
}

func (p *jsonParser) errAt(off int, msg string, err error) *civic.ParseError {
	line, col := p.li.pos(int64(off))
	return &civic.ParseError{Line: line, Column: col, Msg: msg, Err: err}
}

// syntax reports a syntax error at the parser's place, or the end of the
// input when the parser has reached it.
func (p *jsonParser) syntax(context string) *civic.ParseError {
	if p.i >= len(p.data) {
		return p.errAt(len(p.data), "unexpected end of JSON", nil)
	}
	return p.errAt(p.i, "invalid JSON", errors.New("invalid character "+strconv.QuoteRune(rune(p.data[p.i]))+" "+context))
}

func (p *jsonParser) space() {
	for p.i < len(p.data) {
		switch p.data[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// next skips white space and returns the next byte, or 0 at the end.
func (p *jsonParser) next() byte {
	p.space()
	if p.i < len(p.data) {
		return p.data[p.i]
	}
	return 0
}

// mark records the line of path at the parser's place unless a key has.
func (p *jsonParser) mark(path string) {
	if _, ok := p.lines[path]; !ok {
		p.lines[path], _ = p.li.pos(int64(p.i))
	}
}

func (p *jsonParser) value(path string, depth int) (*jsonNode, *civic.ParseError) {
	if depth > maxJSONDepth {
		line, _ := p.li.pos(int64(p.i))
		return nil, &civic.ParseError{Line: line, Msg: "nested too deeply"}
	}
	c := p.next()
	n := &jsonNode{kind: c, start: p.i}
	switch {
	case c == '{':
		p.i++
		p.mark(path)
		if p.next() == '}' {
			p.i++
			break
		}
		for {
			if p.next() != '"' {
				return nil, p.syntax("looking for beginning of object key string")
			}
			key, err := p.string()
			if err != nil {
				return nil, err
			}
			kp := key
			if path != "" {
				kp = path + "." + key
			}
			line, col := p.li.pos(int64(p.i))
			p.lines[kp] = line
			p.keys = append(p.keys, keyPos{path: kp, line: line, col: col, off: int64(p.i)})
			if p.next() != ':' {
				return nil, p.syntax("after object key")
			}
			p.i++
			kid, err := p.value(kp, depth+1)
			if err != nil {
				return nil, err
			}
			n.keys = append(n.keys, key)
			n.kids = append(n.kids, kid)
			if c := p.next(); c == ',' {
				p.i++
				continue
			} else if c == '}' {
				p.i++
				break
			}
			return nil, p.syntax("after object key:value pair")
		}
	case c == '[':
		p.i++
		p.mark(path)
		if p.next() == ']' {
			p.i++
			break
		}
		for {
			kid, err := p.value(path+"["+strconv.Itoa(len(n.kids))+"]", depth+1)
			if err != nil {
				return nil, err
			}
			n.kids = append(n.kids, kid)
			if c := p.next(); c == ',' {
				p.i++
				continue
			} else if c == ']' {
				p.i++
				break
			}
			return nil, p.syntax("after array element")
		}
	case c == '"':
		s, err := p.string()
		if err != nil {
			return nil, err
		}
		n.str = s
		p.mark(path)
	case c == '-' || c >= '0' && c <= '9':
		n.kind = '0'
		if err := p.number(); err != nil {
			return nil, err
		}
		p.mark(path)
	case c == 't' || c == 'f' || c == 'n':
		word := "null"
		if c == 't' {
			word = "true"
		} else if c == 'f' {
			word = "false"
		}
		for j := 0; j < len(word); j++ {
			if p.i >= len(p.data) || p.data[p.i] != word[j] {
				return nil, p.syntax("in literal " + word)
			}
			p.i++
		}
		p.mark(path)
	default:
		return nil, p.syntax("looking for beginning of value")
	}
	n.end = p.i
	return n, nil
}

// number reads a number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (p *jsonParser) number() *civic.ParseError {
	d := p.data
	digits := func() bool {
		start := p.i
		for p.i < len(d) && d[p.i] >= '0' && d[p.i] <= '9' {
			p.i++
		}
		return p.i > start
	}
	if d[p.i] == '-' {
		p.i++
	}
	if p.i < len(d) && d[p.i] == '0' {
		p.i++
	} else if !digits() {
		return p.syntax("in numeric literal")
	}
	if p.i < len(d) && d[p.i] == '.' {
		p.i++
		if !digits() {
			return p.syntax("after decimal point in numeric literal")
		}
	}
	if p.i < len(d) && (d[p.i] == 'e' || d[p.i] == 'E') {
		p.i++
		if p.i < len(d) && (d[p.i] == '+' || d[p.i] == '-') {
			p.i++
		}
		if !digits() {
			return p.syntax("in exponent of numeric literal")
		}
	}
	return nil
}

// hex4 returns the value of the four hex digits at d[i:], or -1.
func hex4(d []byte, i int) rune {
	if i+4 > len(d) {
		return -1
	}
	var r rune
	for _, c := range d[i : i+4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r<<4 | rune(c)
	}
	return r
}

// string reads a string at the parser's place, decoding its escapes as
// encoding/json does: a surrogate pair becomes its character, and a
// surrogate that is not half of a pair becomes U+FFFD.
func (p *jsonParser) string() (string, *civic.ParseError) {
	d := p.data
	p.i++ // the opening quote
	b := p.buf[:0]
	for {
		if p.i >= len(d) {
			return "", p.syntax("")
		}
		c := d[p.i]
		switch {
		case c == '"':
			p.i++
			p.buf = b
			return string(b), nil
		case c < ' ':
			return "", p.syntax("in string literal")
		case c == '\\':
			p.i++
			if p.i >= len(d) {
				return "", p.syntax("")
			}
			e := d[p.i]
			p.i++
			switch e {
			case '"', '\\', '/':
				b = append(b, e)
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				r := hex4(d, p.i)
				if r < 0 {
					return "", p.syntax("in \\u hexadecimal character escape")
				}
				p.i += 4
				if utf16.IsSurrogate(r) {
					r2 := rune(-1)
					if p.i+1 < len(d) && d[p.i] == '\\' && d[p.i+1] == 'u' {
						r2 = hex4(d, p.i+2)
					}
					if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
						p.i += 6
						r = dec
					} else {
						r = utf8.RuneError
					}
				}
				b = utf8.AppendRune(b, r)
			default:
				p.i--
				return "", p.syntax("in string escape code")
			}
		case c < utf8.RuneSelf:
			b = append(b, c)
			p.i++
		default:
			r, size := utf8.DecodeRune(d[p.i:])
			if r == utf8.RuneError && size == 1 {
				b = utf8.AppendRune(b, utf8.RuneError)
			} else {
				b = append(b, d[p.i:p.i+size]...)
			}
			p.i += size
		}
	}
}

// jsonKinds names the kinds of JSON value in errors.
var jsonKinds = map[byte]string{'{': "object", '[': "array", '"': "string", '0': "number", 't': "bool", 'f': "bool", 'n': "null"}

// rawDecoder fills raw decisions from a parsed document, as
// encoding/json's Decode fills them: null leaves a field as it was (and
// empties a list), a later key overrides an earlier one, and a list read
// twice reuses the elements it already has.
type rawDecoder struct {
	p    *jsonParser
	file string
}

// want reports a value of the wrong type as jsonDecodeError reports
// encoding/json's UnmarshalTypeError: just inside an object or array,
// after any other value, with the path of struct fields (no array
// indices) and, for a number that does not fit a whole-number field
// (misfit), the number.
func (r *rawDecoder) want(n *jsonNode, path, want string) error {
	return r.wantMisfit(n, path, want, false)
}

func (r *rawDecoder) wantMisfit(n *jsonNode, path, want string, misfit bool) error {
	off := n.end
	if n.kind == '{' || n.kind == '[' {
		off = n.start + 1
	}
	line, col := r.p.li.pos(int64(off))
	got := jsonKinds[n.kind]
	if misfit {
		got += " " + string(r.p.data[n.start:n.end])
	}
	return &civic.ParseError{File: r.file, Line: line, Column: col, Field: fieldsOnly(path), Msg: "want " + want + ", got JSON " + got}
}

// fieldsOnly turns "[1].history[0].date" into "history.date".
func fieldsOnly(path string) string {
	b := make([]byte, 0, len(path))
	in := false
	for i := 0; i < len(path); i++ {
		switch c := path[i]; {
		case c == '[':
			in = true
		case c == ']':
			in = false
		case !in && !(c == '.' && len(b) == 0):
			b = append(b, c)
		}
	}
	return string(b)
}

func (r *rawDecoder) unknown(path string) error {
	return &civic.ParseError{File: r.file, Line: lineOfPath(r.p.lines, path), Field: path, Msg: "unknown field"}
}

func (r *rawDecoder) str(n *jsonNode, path string, dst *string) error {
	switch n.kind {
	case '"':
		*dst = n.str
	case 'n':
	default:
		return r.want(n, path, "a string")
	}
	return nil
}

func (r *rawDecoder) bool(n *jsonNode, path string, dst *bool) error {
	switch n.kind {
	case 't', 'f':
		*dst = n.kind == 't'
	case 'n':
	default:
		return r.want(n, path, "true or false")
	}
	return nil
}

func (r *rawDecoder) int64(n *jsonNode, path string, dst *int64) error {
	switch n.kind {
	case '0':
		v, err := strconv.ParseInt(string(r.p.data[n.start:n.end]), 10, 64)
		if err != nil {
			return r.wantMisfit(n, path, "int64", true)
		}
		*dst = v
	case 'n':
	default:
		return r.want(n, path, "int64")
	}
	return nil
}

func (r *rawDecoder) int(n *jsonNode, path string, dst *int) error {
	switch n.kind {
	case '0':
		v, err := strconv.ParseInt(string(r.p.data[n.start:n.end]), 10, strconv.IntSize)
		if err != nil {
			return r.wantMisfit(n, path, "a whole number", true)
		}
		*dst = int(v)
	case 'n':
	default:
		return r.want(n, path, "a whole number")
	}
	return nil
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// decision fills d from n, a decision object.
func (r *rawDecoder) decision(n *jsonNode, path string, d *rawDecision) error {
	switch n.kind {
	case '{':
	case 'n':
		return nil
	default:
		return r.want(n, path, "a decision object")
	}
	for i, k := range n.keys {
		v, p := n.kids[i], join(path, k)
		var err error
		switch k {
		case "id":
			err = r.str(v, p, &d.ID)
		case "title":
			err = r.str(v, p, &d.Title)
		case "summary":
			err = r.str(v, p, &d.Summary)
		case "journey":
			err = r.str(v, p, &d.Journey)
		case "council":
			err = r.str(v, p, &d.Council)
		case "decision_maker":
			err = r.str(v, p, &d.DecisionMaker)
		case "decision_maker_kind":
			err = r.str(v, p, &d.DecisionMakerKind)
		case "meeting_date":
			err = r.str(v, p, &d.MeetingDate)
		case "effective_from":
			err = r.str(v, p, &d.EffectiveFrom)
		case "key_decision":
			err = r.bool(v, p, &d.KeyDecision)
		case "subject_to_call_in":
			err = r.bool(v, p, &d.SubjectToCallIn)
		case "value_gbp":
			err = r.int64(v, p, &d.ValueGBP)
		case "wards_affected":
			err = r.wards(v, p, &d.WardsAffected)
		case "major_development":
			err = r.bool(v, p, &d.MajorDevelopment)
		case "eia_development":
			err = r.bool(v, p, &d.EIADevelopment)
		case "urgent":
			err = r.bool(v, p, &d.Urgent)
		case "private":
			err = r.bool(v, p, &d.Private)
		case "exempt_paragraph":
			err = r.int(v, p, &d.ExemptParagraph)
		case "private_notice_published":
			err = r.str(v, p, &d.PrivateNoticePublished)
		case "private_final_notice_published":
			err = r.str(v, p, &d.PrivateFinalNoticePublished)
		case "financial_year":
			err = r.int(v, p, &d.FinancialYear)
		case "contact":
			err = r.str(v, p, &d.Contact)
		case "url":
			err = r.str(v, p, &d.URL)
		case "history":
			err = r.history(v, p, &d.History)
		default:
			err = r.unknown(p)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// wards keeps the text of each ward, as json.RawMessage would.
func (r *rawDecoder) wards(n *jsonNode, path string, dst *[]rawValue) error {
	switch n.kind {
	case '[':
	case 'n':
		*dst = nil
		return nil
	default:
		return r.want(n, path, "an array of wards")
	}
	ws := make([]rawValue, len(n.kids))
	for i, k := range n.kids {
		ws[i] = rawValue(r.p.data[k.start:k.end])
	}
	*dst = ws
	return nil
}

// history fills the stage events, reusing the events *dst already holds
// (and, within its capacity, ones it held before) as encoding/json does.
func (r *rawDecoder) history(n *jsonNode, path string, dst *[]rawEvent) error {
	switch n.kind {
	case '[':
	case 'n':
		*dst = nil
		return nil
	default:
		return r.want(n, path, "an array of stage events")
	}
	s := *dst
	for i, k := range n.kids {
		if i >= len(s) {
			if i >= cap(s) {
				s = append(s, rawEvent{})
			} else {
				s = s[:i+1]
			}
		}
		if err := r.event(k, path+"["+strconv.Itoa(i)+"]", &s[i]); err != nil {
			return err
		}
	}
	switch {
	case len(n.kids) == 0:
		s = []rawEvent{}
	case len(n.kids) < len(s):
		s = s[:len(n.kids)]
	}
	*dst = s
	return nil
}

func (r *rawDecoder) event(n *jsonNode, path string, e *rawEvent) error {
	switch n.kind {
	case '{':
	case 'n':
		return nil
	default:
		return r.want(n, path, "a stage event object")
	}
	for i, k := range n.keys {
		v, p := n.kids[i], join(path, k)
		var err error
		switch k {
		case "stage":
			err = r.str(v, p, &e.Stage)
		case "date":
			err = r.str(v, p, &e.Date)
		case "source":
			err = r.str(v, p, &e.Source)
		case "note":
			err = r.str(v, p, &e.Note)
		default:
			err = r.unknown(p)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// decisionKeys are the keys a decision document may hold: the JSON names
// of rawDecision, rawEvent and civic.Area, written out so that the
// js/wasm build needs no reflect (a test holds them to decisionFields).
var decisionKeys = fieldSet{
	"": keySet("id", "title", "summary", "journey", "council", "decision_maker", "decision_maker_kind",
		"meeting_date", "effective_from", "key_decision", "subject_to_call_in", "value_gbp", "wards_affected",
		"major_development", "eia_development", "urgent", "private", "exempt_paragraph",
		"private_notice_published", "private_final_notice_published", "financial_year", "contact", "url", "history"),
	"history[]":        keySet("stage", "date", "source", "note"),
	"wards_affected[]": keySet(areaKeys...),
}

var areaKeys = []string{"id", "name", "gss", "ocd_id", "classification", "parent_id", "valid_from", "valid_until"}

func keySet(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// decodeDecisionsJSON is the hand-written counterpart of the
// encoding/json reader: the same input policy, the same documents
// accepted and refused, the same decisions.
func decodeDecisionsJSON(r io.Reader, opt ReadOptions) ([]*Decision, error) {
	file := opt.File
	data, bom, array, err := readDecisionsInput(r, opt)
	if err != nil {
		return nil, err
	}
	root, p, pe := parseJSON(data)
	if pe != nil {
		pe.File = file
		return nil, pe
	}
	if pe := unknownField(p.keys, array, decisionKeys); pe != nil {
		pe.File = file
		pe.Offset += int64(bom)
		return nil, pe
	}
	rd := &rawDecoder{p: p, file: file}
	var raws []rawDecision
	if array {
		if root.kind != '[' {
			return nil, rd.want(root, "", "an array of decisions")
		}
		raws = make([]rawDecision, len(root.kids))
		for i, k := range root.kids {
			if err := rd.decision(k, "["+strconv.Itoa(i)+"]", &raws[i]); err != nil {
				return nil, err
			}
		}
	} else {
		raws = make([]rawDecision, 1)
		if err := rd.decision(root, "", &raws[0]); err != nil {
			return nil, err
		}
	}
	return finishDecisions(opt, data, p.lines, raws, array, wardFromBytes)
}

// wardFromBytes reads a ward given as a JSON string or area object, as
// wardFromJSON does.
func wardFromBytes(raw rawValue) (civic.Area, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '"' && raw[0] != '{' {
		return civic.Area{}, errors.New("want a ward name, a GSS code or an area object")
	}
	n, p, pe := parseJSON(raw)
	if pe != nil {
		return civic.Area{}, errors.New("want an area object with id and name")
	}
	if n.kind == '"' {
		if strings.TrimSpace(n.str) == "" {
			return civic.Area{}, errors.New("empty ward name")
		}
		return wardFromString(n.str), nil
	}
	var a civic.Area
	rd := &rawDecoder{p: p}
	for i, k := range n.keys {
		v := n.kids[i]
		var err error
		switch k {
		case "id":
			err = rd.str(v, k, &a.ID)
		case "name":
			err = rd.str(v, k, &a.Name)
		case "gss":
			err = rd.str(v, k, &a.GSS)
		case "ocd_id":
			err = rd.str(v, k, &a.OCDID)
		case "classification":
			err = rd.str(v, k, &a.Classification)
		case "parent_id":
			err = rd.str(v, k, &a.ParentID)
		case "valid_from":
			err = rd.date(v, k, &a.ValidFrom)
		case "valid_until":
			err = rd.date(v, k, &a.ValidUntil)
		default:
			err = rd.unknown(k)
		}
		if err != nil {
			return civic.Area{}, errors.New("want an area object with id and name")
		}
	}
	if a.ID == "" && a.Name == "" {
		return civic.Area{}, errors.New("a ward needs an id or a name")
	}
	if a.Classification == "" {
		a.Classification = "ward"
	}
	return a, nil
}

// date reads a date as calendar.Date's UnmarshalText does: "" is the
// zero date, null leaves it as it was.
func (r *rawDecoder) date(n *jsonNode, path string, dst *calendar.Date) error {
	switch n.kind {
	case '"':
		if n.str == "" {
			*dst = calendar.Date{}
			return nil
		}
		v, err := calendar.ParseDate(n.str)
		if err != nil {
			return err
		}
		*dst = v
	case 'n':
	default:
		return r.want(n, path, "a date")
	}
	return nil
}
