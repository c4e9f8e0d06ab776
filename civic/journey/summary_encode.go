package journey

import (
	"strconv"
	"unicode/utf8"

	"github.com/civickit/civickit/civic/calendar"
)

// appendJSON appends the summary as indented JSON and a newline: the
// bytes that encoding/json's Encoder with SetIndent("", "  ") writes (the
// non-js WriteJSON), without linking encoding/json and reflect into the
// js/wasm build. Strings are escaped as encoding/json escapes them,
// "<", ">" and "&" included.
func (s *Summary) appendJSON(b []byte) []byte {
	w := &jsonWriter{b: b}
	w.open('{')
	w.optString("id", s.ID)
	w.keyString("title", s.Title)
	w.optString("summary", s.Summary)
	w.keyString("council", s.Council)
	w.keyString("journey", string(s.Journey))
	w.optString("current", string(s.Current))
	w.optDate("since", s.Since)
	if len(s.Next) > 0 {
		w.key("next")
		w.open('[')
		for _, n := range s.Next {
			w.sep()
			w.string(string(n))
		}
		w.close(']')
	}
	w.keyString("have_your_say", s.HaveYourSay)
	w.optString("contact", s.Contact)
	w.optString("url", s.URL)
	w.key("steps")
	if s.Steps == nil {
		w.b = append(w.b, "null"...)
	} else {
		w.open('[')
		for i := range s.Steps {
			st := &s.Steps[i]
			w.sep()
			w.open('{')
			w.key("number")
			w.b = strconv.AppendInt(w.b, int64(st.Number), 10)
			w.optString("logic", st.Logic)
			w.keyString("stage", string(st.Stage))
			w.keyString("title", st.Title)
			w.keyString("description", st.Description)
			w.keyString("have_your_say", st.HaveYourSay)
			w.keyString("status", string(st.Status))
			if st.Optional {
				w.key("optional")
				w.b = append(w.b, "true"...)
			}
			w.optDate("date", st.Date)
			w.optDate("due", st.Due)
			w.optString("due_label", st.DueLabel)
			w.optString("source", st.Source)
			w.optString("basis", st.Basis)
			w.close('}')
		}
		w.close(']')
	}
	if len(s.Deadlines) > 0 {
		w.key("deadlines")
		w.open('[')
		for i := range s.Deadlines {
			dl := &s.Deadlines[i]
			w.sep()
			w.open('{')
			w.keyString("id", dl.ID)
			w.keyString("label", dl.Label)
			w.keyString("date", dateText(dl.Date))
			w.keyString("stage", string(dl.Stage))
			w.optString("basis", dl.Basis)
			if dl.Statutory {
				w.key("statutory")
				w.b = append(w.b, "true"...)
			}
			w.close('}')
		}
		w.close(']')
	}
	w.close('}')
	return append(w.b, '\n')
}

// dateText is d as calendar.Date's MarshalText writes it.
func dateText(d calendar.Date) string {
	t, _ := d.MarshalText()
	return string(t)
}

// jsonWriter writes indented JSON as json.Indent lays it out: each member
// and element on its own line, two spaces a level, empty containers as
// "{}" and "[]".
type jsonWriter struct {
	b    []byte
	full []bool // whether each open container has a member yet
}

func (w *jsonWriter) open(c byte) {
	w.b = append(w.b, c)
	w.full = append(w.full, false)
}

func (w *jsonWriter) close(c byte) {
	full := w.full[len(w.full)-1]
	w.full = w.full[:len(w.full)-1]
	if full {
		w.newline()
	}
	w.b = append(w.b, c)
}

func (w *jsonWriter) newline() {
	w.b = append(w.b, '\n')
	for range w.full {
		w.b = append(w.b, ' ', ' ')
	}
}

// sep starts a member or element.
func (w *jsonWriter) sep() {
	if w.full[len(w.full)-1] {
		w.b = append(w.b, ',')
	}
	w.full[len(w.full)-1] = true
	w.newline()
}

func (w *jsonWriter) key(k string) {
	w.sep()
	w.string(k)
	w.b = append(w.b, ':', ' ')
}

func (w *jsonWriter) keyString(k, v string) {
	w.key(k)
	w.string(v)
}

// optString writes k and v unless v is empty (omitempty).
func (w *jsonWriter) optString(k, v string) {
	if v != "" {
		w.keyString(k, v)
	}
}

// optDate writes k and d unless d is the zero date (omitzero).
func (w *jsonWriter) optDate(k string, d calendar.Date) {
	if !d.IsZero() {
		w.keyString(k, dateText(d))
	}
}

const hexDigits = "0123456789abcdef"

// string writes s quoted as encoding/json does with HTML escaping on.
// standards' report writer has the same escaper (jsonWriter.str); one
// shared package for both was tried and cost 0.7–4 KB brotli in one
// widget module or the other, whose budgets are tight, so each keeps its
// own; both are tested byte for byte against encoding/json.
func (w *jsonWriter) string(s string) {
	b := append(w.b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= ' ' && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
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
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
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
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	w.b = append(b, '"')
}
