package civic

import (
	"strconv"

	"github.com/civickit/civickit/internal/safe"
)

// ParseError reports bad input at a place in a file. Every civickit reader
// (ward networks, decisions, surveys, pilots, configuration) returns this
// one shape, so a program prints any of them the same way; the CLI prints
// file:line:col: message.
type ParseError struct {
	File   string `json:"file,omitempty"`   // file name, or "" for an unnamed reader
	Line   int    `json:"line,omitempty"`   // 1-based line (a CSV record's line, a JSON value's line), or 0 when unknown
	Column int    `json:"column,omitempty"` // 1-based column in runes, or 0 when unknown
	// Offset is the 0-based byte offset of the place from the start of
	// the input; it is meaningful only when Line is not 0.
	Offset int64  `json:"offset,omitempty"`
	Field  string `json:"field,omitempty"` // the field, column or key name, or ""
	Msg    string `json:"msg"`             // what is wrong
	Err    error  `json:"-"`               // the underlying error, if any
}

// Error formats the error as "file:line:col: field: msg: err", leaving out
// the parts that are not known. Field names come from the input, so they
// are quoted as short, escaped excerpts.
func (e *ParseError) Error() string {
	var b []byte
	if e.File != "" {
		b = append(b, e.File...)
		b = append(b, ':')
	}
	if e.Line > 0 {
		b = strconv.AppendInt(b, int64(e.Line), 10)
		b = append(b, ':')
		if e.Column > 0 {
			b = strconv.AppendInt(b, int64(e.Column), 10)
			b = append(b, ':')
		}
	}
	if len(b) > 0 {
		b = append(b, ' ')
	}
	if e.Field != "" {
		b = append(b, safe.Text(e.Field, 60)...)
		b = append(b, ": "...)
	}
	b = append(b, e.Msg...)
	if e.Err != nil {
		b = append(b, ": "...)
		b = append(b, e.Err.Error()...)
	}
	return string(b)
}

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }
