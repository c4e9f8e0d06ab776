package standards

import (
	"bytes"
	"io"
	"math"
	"runtime"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/civickit/civickit/internal/safe"
)

// Report is the scorecards of one run of checks, in the order the files
// were given. Its writers are the presentation every front end shares: the
// civickit check command calls them, and so can a council's own program.
//
// The writers build their output by hand rather than with fmt or
// encoding/json: the scoring path stays free of both for the browser
// build, and a run with thousands of findings is written several times
// faster than by reflection. The JSON they write is byte for byte what
// encoding/json writes for the same values with two-space indentation
// (a test holds them equal), except that a NaN or infinite number, which
// encoding/json refuses, is written as null.
type Report []*Scorecard

// WriteJSON writes the report as a JSON array of scorecards, indented by
// two spaces, with <, > and & as they are; an empty report is []. It
// returns the first write error. [Scorecard.WriteJSON] writes one
// scorecard as an object.
func (r Report) WriteJSON(w io.Writer) error {
	j := jsonWriter{out: errWriter{w: w}}
	if g, ok := w.(grower); ok {
		n := 4
		for _, c := range r {
			n += jsonSize(c, 1)
		}
		j.grow(g, n)
	}
	j.b = append(j.b, '[')
	for i, c := range r {
		if i > 0 {
			j.b = append(j.b, ',')
		}
		j.newline(1)
		j.scorecard(c, 1)
	}
	if len(r) > 0 {
		j.newline(0)
	}
	j.b = append(j.b, "]\n"...)
	j.done()
	return j.out.err
}

// WriteJSON writes the scorecard as one JSON object, indented by two
// spaces, with <, > and & as they are. It returns the first write error.
func (c *Scorecard) WriteJSON(w io.Writer) error {
	j := jsonWriter{out: errWriter{w: w}}
	if g, ok := w.(grower); ok {
		j.grow(g, jsonSize(c, 0))
	}
	j.scorecard(c, 0)
	j.b = append(j.b, '\n')
	j.done()
	return j.out.err
}

// WriteText writes the report as a compiler writes diagnostics: one line
// "file:line:col: severity: message [rule]" per finding, its suggestion
// indented below, then each file's scorecard and a closing count of files
// and findings. Text from the input (file names, matches quoted in
// messages, details) passes through [safe.Line], so no terminal control
// sequence reaches the terminal. It returns the first write error.
func (r Report) WriteText(w io.Writer) error {
	var counts [4]int
	b := make([]byte, 0, 4096)
	ew := errWriter{w: w}
	for _, c := range r {
		file := safe.Line(c.File)
		for i := range c.Findings {
			f := &c.Findings[i]
			b = append(b, file...)
			b = append(b, ':')
			b = strconv.AppendInt(b, int64(f.Line), 10)
			b = append(b, ':')
			b = strconv.AppendInt(b, int64(f.Column), 10)
			b = append(b, ": "...)
			b = append(b, f.Severity.String()...)
			b = append(b, ": "...)
			b = append(b, safe.Line(f.Message)...)
			b = append(b, " ["...)
			b = append(b, safe.Line(f.Rule)...)
			b = append(b, "]\n"...)
			if f.Suggestion != "" {
				b = append(b, '\t')
				b = append(b, safe.Line(f.Suggestion)...)
				b = append(b, '\n')
			}
			if int(f.Severity) < len(counts) {
				counts[f.Severity]++
			}
			b = ew.flush(b)
		}
	}
	for _, c := range r {
		rd := &c.Readability
		b = append(b, '\n')
		b = append(b, safe.Line(c.File)...)
		b = append(b, ": score "...)
		b = strconv.AppendFloat(b, c.Score, 'f', 0, 64)
		b = append(b, "/100 ("...)
		b = append(b, safe.Line(c.Preset)...)
		b = append(b, " preset)\n  "...)
		b = strconv.AppendInt(b, int64(c.Stats.Words), 10)
		b = append(b, " words, "...)
		b = strconv.AppendInt(b, int64(c.Stats.Sentences), 10)
		b = append(b, " sentences; reading age "...)
		b = strconv.AppendFloat(b, rd.ReadingAge, 'f', 1, 64)
		b = append(b, ", Flesch reading ease "...)
		b = strconv.AppendFloat(b, rd.FleschReadingEase, 'f', 1, 64)
		b = append(b, ", grade "...)
		b = strconv.AppendFloat(b, rd.FleschKincaidGrade, 'f', 1, 64)
		b = append(b, "\n  Gunning fog "...)
		b = strconv.AppendFloat(b, rd.GunningFog, 'f', 1, 64)
		b = append(b, ", SMOG "...)
		b = strconv.AppendFloat(b, rd.SMOG, 'f', 1, 64)
		b = append(b, ", Coleman-Liau "...)
		b = strconv.AppendFloat(b, rd.ColemanLiau, 'f', 1, 64)
		b = append(b, ", ARI "...)
		b = strconv.AppendFloat(b, rd.ARI, 'f', 1, 64)
		b = append(b, '\n')
		for _, n := range rd.Notes {
			b = append(b, "  note: "...)
			b = append(b, safe.Line(n)...)
			b = append(b, '\n')
		}
		for _, s := range c.Standards {
			mark := "pass"
			if !s.Passed {
				mark = "FAIL"
			}
			b = append(b, "  "...)
			b = append(b, mark...)
			b = append(b, ' ')
			var num [24]byte
			score := strconv.AppendFloat(num[:0], s.Score, 'f', 0, 64)
			for pad := len(score); pad < 3; pad++ { // right-aligned in three columns
				b = append(b, ' ')
			}
			b = append(b, score...)
			b = append(b, "  "...)
			b = append(b, safe.Line(s.Name)...)
			if s.Detail != "" {
				b = append(b, ": "...)
				b = append(b, safe.Line(s.Detail)...)
			}
			b = append(b, '\n')
		}
		b = ew.flush(b)
	}
	b = append(b, '\n')
	b = strconv.AppendInt(b, int64(len(r)), 10)
	b = append(b, ' ')
	b = append(b, plural(len(r), "file", "files")...)
	b = append(b, " checked: "...)
	for i, sev := range [...]Severity{SeverityError, SeverityWarning, SeveritySuggestion} {
		if i > 0 {
			b = append(b, ", "...)
		}
		n := counts[sev]
		b = strconv.AppendInt(b, int64(n), 10)
		b = append(b, ' ')
		b = append(b, plural(n, sev.String(), sev.String()+"s")...)
	}
	b = append(b, '\n')
	ew.write(b)
	return ew.err
}

// WriteText writes the scorecard as [Report.WriteText] writes a report of
// one.
func (c *Scorecard) WriteText(w io.Writer) error { return Report{c}.WriteText(w) }

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// grower is a writer that holds its output in memory and can make room
// for it ahead (*bytes.Buffer, *strings.Builder). The JSON writers grow it
// once to about the output's size rather than letting it double, copy and
// touch new memory a dozen times over for a report of several MB.
type grower interface {
	Grow(n int)
}

// grow makes room for n bytes in g and, when g lends that room
// (*bytes.Buffer's AvailableBuffer), builds the JSON in it: written at
// the end in one piece, it is then where the writer keeps it, with no
// copy made on the way.
//
// An empty *bytes.Buffer without the room is instead given, at the end,
// the new slice the JSON was built in (see done). Buffer.Grow clears all
// the room it adds, and on new memory that first touch of each page, a
// page fault, is most of the cost: for a report of several MB, 1,000
// faults in a row before the first byte is written. A new slice of
// several MB is not cleared (the memory is new, so zero already), and its
// pages are touched as the JSON is written, by both encoders of a long
// list of findings at once (see findings).
func (j *jsonWriter) grow(g grower, n int) {
	if bb, ok := g.(*bytes.Buffer); ok && bb.Len() == 0 && bb.Available() < n {
		j.b, j.inPlace, j.adopt = make([]byte, 0, n), true, bb
		return
	}
	g.Grow(n)
	if a, ok := g.(interface{ AvailableBuffer() []byte }); ok {
		j.b, j.inPlace = a.AvailableBuffer(), true
	}
}

// done writes the JSON built in b: it gives the slice to the buffer that
// grow found empty, or writes it.
func (j *jsonWriter) done() {
	if j.adopt != nil {
		*j.adopt = *bytes.NewBuffer(j.b)
		return
	}
	j.out.write(j.b)
}

// jsonSize estimates the bytes of c written as JSON at depth d: a little
// over when no string needs escaping, under when many do (the writer then
// grows as usual).
func jsonSize(c *Scorecard, d int) int {
	if c == nil {
		return 4
	}
	n := 4096 + len(c.File) + len(c.Readability.Notes)*128 + len(c.Standards)*(256+8*d)
	for i := range c.Standards {
		n += len(c.Standards[i].Detail)
	}
	return n + findingsSize(c.Findings, d+2)
}

// findingsSize estimates the bytes of fs written as JSON objects at depth
// d, with the commas and line breaks between them: the keys, indentation
// and punctuation of nine fields, four numbers of up to ten digits, and
// the strings as they are plus one part in 32 for escapes.
func findingsSize(fs []Finding, d int) int {
	per := 194 + 22*d
	n := 0
	for i := range fs {
		f := &fs[i]
		n += per + len(f.Rule) + len(f.Message) + len(f.Suggestion) + len(f.Match)
	}
	return n + n/32
}

// errWriter writes output in chunks of at least 32 KiB and keeps the
// first write error.
type errWriter struct {
	w   io.Writer
	err error
}

// flush writes b once enough has gathered and returns it emptied for
// reuse, or returns b as it is.
func (e *errWriter) flush(b []byte) []byte {
	if len(b) < 32<<10 {
		return b
	}
	e.write(b)
	return b[:0]
}

// write writes b unless an earlier write failed.
func (e *errWriter) write(b []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}

// WriteSARIF writes the report as a SARIF 2.1.0 log for code-scanning
// tools: one run of the tool civickit, the rules that found something,
// and one result per finding with its line, column (in Unicode code
// points), byte offset and length. File names are written as URI
// references, percent-encoded (RFC 3986), so a name with spaces, #, ? or
// non-ASCII letters is still one valid uri. It returns the first write
// error.
func (r Report) WriteSARIF(w io.Writer) error {
	j := jsonWriter{out: errWriter{w: w}, escapeHTML: true}
	b := j.b
	b = append(b, "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n      \"tool\": {\n        \"driver\": {\n          \"name\": \"civickit\",\n          \"informationUri\": \"https://github.com/civickit/civickit\",\n          \"rules\": ["...)
	var ids []string
	seen := map[string]bool{}
	for _, c := range r {
		for i := range c.Findings {
			if id := c.Findings[i].Rule; !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	sortStrings(ids)
	j.b = b
	for i, id := range ids {
		if i > 0 {
			j.b = append(j.b, ',')
		}
		j.newline(6)
		j.b = append(j.b, "{"...)
		j.newline(7)
		j.key("id")
		j.str(id)
		j.b = append(j.b, ',')
		j.newline(7)
		j.key("shortDescription")
		j.b = append(j.b, '{')
		j.newline(8)
		j.key("text")
		j.str(RuleTitle(id))
		j.newline(7)
		j.b = append(j.b, '}')
		j.newline(6)
		j.b = append(j.b, '}')
	}
	if len(ids) > 0 {
		j.newline(5)
	}
	j.b = append(j.b, "]\n        }\n      },\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": ["...)
	n := 0
	for _, c := range r {
		uri := URIReference(c.File)
		for i := range c.Findings {
			f := &c.Findings[i]
			if n > 0 {
				j.b = append(j.b, ',')
			}
			n++
			level := "note"
			switch f.Severity {
			case SeverityError:
				level = "error"
			case SeverityWarning:
				level = "warning"
			}
			msg := f.Message
			if f.Suggestion != "" {
				msg += " " + f.Suggestion
			}
			j.newline(4)
			j.b = append(j.b, '{')
			j.newline(5)
			j.key("ruleId")
			j.str(f.Rule)
			j.b = append(j.b, ',')
			j.newline(5)
			j.key("level")
			j.str(level)
			j.b = append(j.b, ',')
			j.newline(5)
			j.key("message")
			j.b = append(j.b, '{')
			j.newline(6)
			j.key("text")
			j.str(msg)
			j.newline(5)
			j.b = append(j.b, "},"...)
			j.newline(5)
			j.key("locations")
			j.b = append(j.b, '[')
			j.newline(6)
			j.b = append(j.b, '{')
			j.newline(7)
			j.key("physicalLocation")
			j.b = append(j.b, '{')
			j.newline(8)
			j.key("artifactLocation")
			j.b = append(j.b, '{')
			j.newline(9)
			j.key("uri")
			j.str(uri)
			j.newline(8)
			j.b = append(j.b, "},"...)
			j.newline(8)
			j.key("region")
			j.b = append(j.b, '{')
			j.intField(9, "startLine", f.Line, true)
			j.intField(9, "startColumn", f.Column, true)
			j.intField(9, "byteOffset", f.Offset, true)
			j.intField(9, "byteLength", f.Length, false)
			j.newline(8)
			j.b = append(j.b, '}')
			j.newline(7)
			j.b = append(j.b, '}')
			j.newline(6)
			j.b = append(j.b, '}')
			j.newline(5)
			j.b = append(j.b, ']')
			j.newline(4)
			j.b = append(j.b, '}')
			j.b = j.out.flush(j.b)
		}
	}
	if n > 0 {
		j.newline(3)
	}
	j.b = append(j.b, "]\n    }\n  ]\n}\n"...)
	j.out.write(j.b)
	return j.out.err
}

// WriteSARIF writes the scorecard as [Report.WriteSARIF] writes a report
// of one.
func (c *Scorecard) WriteSARIF(w io.Writer) error { return Report{c}.WriteSARIF(w) }

// sortStrings sorts a few strings in place.
func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for k := i; k > 0 && s[k] < s[k-1]; k-- {
			s[k], s[k-1] = s[k-1], s[k]
		}
	}
}

// RuleTitle returns a rule's name, such as "Plain English" for
// plain-english, or the id with spaces for hyphens when it names no rule.
func RuleTitle(id string) string {
	for _, r := range ruleInfos {
		if r.ID == id {
			return r.Name
		}
	}
	b := []byte(id)
	for i, c := range b {
		if c == '-' {
			b[i] = ' '
		}
	}
	return string(b)
}

// URIReference returns a file name as a relative URI reference: letters,
// digits, "-._~" and "/" are kept, a backslash becomes "/", and every
// other byte is percent-encoded, so "<stdin>" becomes "%3Cstdin%3E" and
// "minutes 2025#1.md" becomes "minutes%202025%231.md".
func URIReference(name string) string {
	const hex = "0123456789ABCDEF"
	clean := true
	for i := 0; i < len(name); i++ {
		if !uriKeep(name[i]) {
			clean = false
			break
		}
	}
	if clean {
		return name
	}
	b := make([]byte, 0, len(name)+16)
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case uriKeep(c):
			b = append(b, c)
		case c == '\\':
			b = append(b, '/')
		default:
			b = append(b, '%', hex[c>>4], hex[c&15])
		}
	}
	return string(b)
}

func uriKeep(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~' || c == '/'
}

// jsonWriter appends indented JSON to b as encoding/json's Encoder does
// with SetIndent("", "  ").
type jsonWriter struct {
	b          []byte
	out        errWriter
	escapeHTML bool
	inPlace    bool // b is the writer's own room: write it once, at the end
	// adopt, when not nil, is the empty buffer that takes b as its
	// contents at the end (see grow)
	adopt *bytes.Buffer
	// escaped remembers the JSON of the last suggestions written (see
	// strRepeated)
	escaped [8]escapedString
}

// escapedString is a string and its JSON, by the string's bytes' address
// and length: a Go string's bytes never change.
type escapedString struct {
	p    *byte
	n    int
	json []byte
}

func (j *jsonWriter) newline(depth int) {
	if n := 1 + 2*depth; n <= len(jsonIndent) {
		j.b = append(j.b, jsonIndent[:n]...) // one copy, not one a level
		return
	}
	j.b = append(j.b, '\n')
	for range depth {
		j.b = append(j.b, "  "...)
	}
}

// jsonIndent is a line break and the indentation of the deepest level the
// writers reach (a SARIF region, at depth 9).
const jsonIndent = "\n                    "

func (j *jsonWriter) key(k string) {
	j.b = append(j.b, '"')
	j.b = append(j.b, k...)
	j.b = append(j.b, "\": "...)
}

func (j *jsonWriter) intField(depth int, k string, v int, comma bool) {
	j.newline(depth)
	j.key(k)
	j.b = strconv.AppendInt(j.b, int64(v), 10)
	if comma {
		j.b = append(j.b, ',')
	}
}

func (j *jsonWriter) floatField(depth int, k string, v float64, comma bool) {
	j.newline(depth)
	j.key(k)
	j.float(v)
	if comma {
		j.b = append(j.b, ',')
	}
}

func (j *jsonWriter) strField(depth int, k, v string, comma bool) {
	j.newline(depth)
	j.key(k)
	j.str(v)
	if comma {
		j.b = append(j.b, ',')
	}
}

// float writes f as encoding/json does (ES6 number formatting), and null
// for NaN and infinities.
func (j *jsonWriter) float(f float64) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		j.b = append(j.b, "null"...)
		return
	}
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	j.b = strconv.AppendFloat(j.b, f, format, -1, 64)
	if format == 'e' {
		n := len(j.b)
		if n >= 4 && j.b[n-4] == 'e' && j.b[n-3] == '-' && j.b[n-2] == '0' {
			j.b[n-2] = j.b[n-1]
			j.b = j.b[:n-1]
		}
	}
}

// jsonPlain marks the ASCII bytes that a JSON string holds as they are:
// plainJSON for every printable byte but '"' and '\\', plainHTML for
// those and not '<', '>' or '&' either.
var jsonPlain = func() (t [utf8.RuneSelf]byte) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		switch c {
		case '"', '\\':
		case '<', '>', '&':
			t[c] = plainJSON
		default:
			t[c] = plainJSON | plainHTML
		}
	}
	return t
}()

// The jsonPlain bits.
const (
	plainJSON = 1 << iota
	plainHTML
)

// plainJSON8 reports whether the eight bytes packed in x are all ASCII
// that a JSON string holds as it is (jsonPlain's plainJSON): none from
// 0x80, none below 0x20, no '"' and no '\\'.
func plainJSON8(x uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	// a byte below n shows in (x - n*ones) &^ x & highs, once bytes
	// from 0x80 are ruled out; a byte equal to c is one below 1 in x^c
	less := (x - 0x20*ones) &^ x
	quote := x ^ '"'*ones
	slash := x ^ '\\'*ones
	return (x|less|(quote-ones)&^quote|(slash-ones)&^slash)&highs == 0
}

// str writes s as a JSON string, escaped as encoding/json escapes it.
func (j *jsonWriter) str(s string) {
	const hex = "0123456789abcdef"
	plain := byte(plainJSON)
	if j.escapeHTML {
		plain = plainHTML
	}
	b := append(j.b, '"')
	start := 0
	for i := 0; i < len(s); {
		if !j.escapeHTML {
			// most text is plain ASCII: pass it eight bytes at a time
			for i+8 <= len(s) && plainJSON8(le64(s[i:])) {
				i += 8
			}
			if i == len(s) {
				break
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if jsonPlain[c]&plain != 0 {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&15])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	j.b = append(b, '"')
}

// strRepeated is str for a string that most often is one of a few
// written again and again: a rule's suggestion, the same text for every
// finding of its kind. The JSON of the last eight is kept and copied,
// rather than each scanned for characters to escape again.
func (j *jsonWriter) strRepeated(s string) {
	if len(s) < 32 {
		j.str(s)
		return
	}
	p := unsafe.StringData(s)
	e := &j.escaped[uintptr(unsafe.Pointer(p))>>4&7]
	if e.p == p && e.n == len(s) {
		j.b = append(j.b, e.json...)
		return
	}
	start := len(j.b)
	j.str(s)
	e.p, e.n, e.json = p, len(s), append(e.json[:0], j.b[start:]...)
}

// scorecard writes c as an object whose closing brace is at depth d.
func (j *jsonWriter) scorecard(c *Scorecard, d int) {
	if c == nil {
		j.b = append(j.b, "null"...)
		return
	}
	j.b = append(j.b, '{')
	j.strField(d+1, "file", c.File, true)
	j.strField(d+1, "format", c.Format, true)
	if c.Kind != "" {
		j.strField(d+1, "kind", c.Kind, true)
	}
	if c.KindReason != "" {
		j.strField(d+1, "kind_reason", c.KindReason, true)
	}
	j.newline(d + 1)
	j.key("stats")
	j.stats(&c.Stats, d+1)
	j.b = append(j.b, ',')
	j.newline(d + 1)
	j.key("readability")
	j.readability(&c.Readability, d+1)
	j.b = append(j.b, ',')
	j.newline(d + 1)
	j.key("standards")
	if c.Standards == nil {
		j.b = append(j.b, "null"...)
	} else {
		j.b = append(j.b, '[')
		for i := range c.Standards {
			if i > 0 {
				j.b = append(j.b, ',')
			}
			j.newline(d + 2)
			j.standard(&c.Standards[i], d+2)
		}
		if len(c.Standards) > 0 {
			j.newline(d + 1)
		}
		j.b = append(j.b, ']')
	}
	j.b = append(j.b, ',')
	j.newline(d + 1)
	j.key("findings")
	if c.Findings == nil {
		j.b = append(j.b, "null"...)
	} else {
		j.b = append(j.b, '[')
		j.findings(c.Findings, d+2)
		if len(c.Findings) > 0 {
			j.newline(d + 1)
		}
		j.b = append(j.b, ']')
	}
	j.b = append(j.b, ',')
	j.floatField(d+1, "score", c.Score, true)
	j.strField(d+1, "preset", c.Preset, false)
	j.newline(d)
	j.b = append(j.b, '}')
}

func (j *jsonWriter) stats(s *Stats, d int) {
	j.b = append(j.b, '{')
	j.intField(d+1, "sentences", s.Sentences, true)
	j.intField(d+1, "words", s.Words, true)
	j.intField(d+1, "syllables", s.Syllables, true)
	j.intField(d+1, "letters", s.Letters, true)
	j.intField(d+1, "characters", s.Characters, true)
	j.intField(d+1, "polysyllables", s.Polysyllables, true)
	j.intField(d+1, "complex_words", s.ComplexWords, true)
	j.intField(d+1, "paragraphs", s.Paragraphs, false)
	j.newline(d)
	j.b = append(j.b, '}')
}

func (j *jsonWriter) readability(r *Readability, d int) {
	j.b = append(j.b, '{')
	j.floatField(d+1, "flesch_reading_ease", r.FleschReadingEase, true)
	j.floatField(d+1, "flesch_kincaid_grade", r.FleschKincaidGrade, true)
	j.floatField(d+1, "gunning_fog", r.GunningFog, true)
	j.floatField(d+1, "smog", r.SMOG, true)
	j.floatField(d+1, "coleman_liau", r.ColemanLiau, true)
	j.floatField(d+1, "ari", r.ARI, true)
	j.floatField(d+1, "reading_age", r.ReadingAge, len(r.Notes) > 0)
	if len(r.Notes) > 0 {
		j.newline(d + 1)
		j.key("notes")
		j.b = append(j.b, '[')
		for i, n := range r.Notes {
			if i > 0 {
				j.b = append(j.b, ',')
			}
			j.newline(d + 2)
			j.str(n)
		}
		j.newline(d + 1)
		j.b = append(j.b, ']')
	}
	j.newline(d)
	j.b = append(j.b, '}')
}

func (j *jsonWriter) standard(s *StandardScore, d int) {
	j.b = append(j.b, '{')
	j.strField(d+1, "id", s.ID, true)
	j.strField(d+1, "name", s.Name, true)
	j.floatField(d+1, "score", s.Score, true)
	j.newline(d + 1)
	j.key("passed")
	if s.Passed {
		j.b = append(j.b, "true,"...)
	} else {
		j.b = append(j.b, "false,"...)
	}
	if s.Detail != "" {
		j.strField(d+1, "detail", s.Detail, true)
	}
	j.floatField(d+1, "weight", s.Weight, false)
	j.newline(d)
	j.b = append(j.b, '}')
}

// findings writes fs, comma-separated, each on a new line at depth d. A
// long list is written in two parts at once: a goroutine encodes the last
// two thirds while this one encodes and writes the first third, then
// writes the goroutine's. When the JSON is built in the writer's own room
// (see grow), the goroutine builds its part there too, past an estimate
// of this part's size.
func (j *jsonWriter) findings(fs []Finding, d int) {
	seps := newFindingSeps(d)
	split := 0
	if len(fs) >= parallelFindings && runtime.GOMAXPROCS(0) > 1 {
		// a third here: this goroutine also copies its part and then
		// the other's to the writer
		split = len(fs) / 3
	}
	var second chan []byte
	var whole []byte // in place: the room both parts are written in
	if split > 0 {
		var room []byte
		if at := len(j.b) + findingsSize(fs[:split], d) + 64; j.inPlace && at < cap(j.b) {
			// the other part is built where it will end up, past
			// room for this one, and moves down once to follow it
			whole, room = j.b, j.b[at:at:cap(j.b)]
			j.b = j.b[:len(j.b):at]
		} else {
			room = make([]byte, 0, findingsSize(fs[split:], d))
		}
		second = make(chan []byte, 1)
		go func() {
			w := jsonWriter{b: room, escapeHTML: j.escapeHTML}
			for i := split; i < len(fs); i++ {
				w.b = append(w.b, ',')
				w.newline(d)
				w.finding(&fs[i], seps)
			}
			second <- w.b
		}()
	}
	n := len(fs)
	if split > 0 {
		n = split
	}
	for i := 0; i < n; i++ {
		if i > 0 {
			j.b = append(j.b, ',')
		}
		j.newline(d)
		j.finding(&fs[i], seps)
		if !j.inPlace {
			j.b = j.out.flush(j.b)
		}
	}
	if second == nil {
		return
	}
	rest := <-second
	switch {
	case whole != nil && unsafe.SliceData(j.b) == unsafe.SliceData(whole):
		// this part kept to its room: lift the cap, and the other
		// part moves down to follow it (or is copied, if it outgrew
		// its own room)
		j.b = append(whole[:len(j.b)], rest...)
	case j.inPlace:
		j.b = append(j.b, rest...)
	default:
		j.out.write(j.b)
		j.b = j.b[:0]
		j.out.write(rest)
	}
}

// parallelFindings is the fewest findings that findings encodes in two
// halves at once.
const parallelFindings = 2048

// findingSeps holds what a finding written as a JSON object at one depth
// has between its values: the braces, commas, line breaks, indentation
// and keys, each stretch one string, so that a finding is a dozen appends
// and its values rather than four appends a field.
type findingSeps struct {
	open, severity, message, suggestion, match, line, column, offset, length, close string
}

// newFindingSeps returns the findingSeps of a finding whose closing brace
// is at depth d.
func newFindingSeps(d int) *findingSeps {
	in := "\n" + strings.Repeat("  ", d+1)
	key := func(k string) string { return "," + in + `"` + k + `": ` }
	return &findingSeps{
		open: "{" + in + `"rule": `, severity: key("severity"), message: key("message"),
		suggestion: key("suggestion"), match: key("match"), line: key("line"), column: key("column"),
		offset: key("offset"), length: key("length"), close: "\n" + strings.Repeat("  ", d) + "}",
	}
}

// severityJSON holds each severity's name as a JSON string.
var severityJSON = [...]string{SeveritySuggestion: `"suggestion"`, SeverityWarning: `"warning"`, SeverityError: `"error"`}

func (j *jsonWriter) finding(f *Finding, s *findingSeps) {
	j.b = append(j.b, s.open...)
	j.str(f.Rule)
	j.b = append(j.b, s.severity...)
	if f.Severity < SeveritySuggestion || f.Severity > SeverityError {
		j.b = append(j.b, "null"...) // MarshalText refuses it
	} else {
		j.b = append(j.b, severityJSON[f.Severity]...)
	}
	j.b = append(j.b, s.message...)
	j.str(f.Message)
	j.b = append(j.b, s.suggestion...)
	j.strRepeated(f.Suggestion)
	if f.Match != "" {
		j.b = append(j.b, s.match...)
		j.str(f.Match)
	}
	j.b = append(j.b, s.line...)
	j.b = strconv.AppendInt(j.b, int64(f.Line), 10)
	j.b = append(j.b, s.column...)
	j.b = strconv.AppendInt(j.b, int64(f.Column), 10)
	j.b = append(j.b, s.offset...)
	j.b = strconv.AppendInt(j.b, int64(f.Offset), 10)
	j.b = append(j.b, s.length...)
	j.b = strconv.AppendInt(j.b, int64(f.Length), 10)
	j.b = append(j.b, s.close...)
}
