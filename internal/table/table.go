// Package table reads CSV files with a header row the way every civickit
// reader does: header names matched case-insensitively with surrounding
// space and a byte-order mark ignored, a column named twice refused,
// required columns checked, and every error a *civic.ParseError that names
// the file, line, column and field.
package table

import (
	"encoding/csv"
	"errors"
	"io"
	"strings"

	"github.com/civickit/civickit/civic"
	"github.com/civickit/civickit/internal/safe"
)

// Reader reads the records of one CSV file after its header.
type Reader struct {
	File   string         // the file name for errors
	Header []string       // the header row as written
	cols   map[string]int // lower-cased name → column, -1 when absent
	c      *csv.Reader
}

// NewReader returns a reader of r whose errors name file. Rows may have
// any number of fields; a short row reads as empty fields.
func NewReader(r io.Reader, file string) *Reader {
	c := csv.NewReader(r)
	c.FieldsPerRecord = -1
	c.ReuseRecord = true
	return &Reader{File: file, c: c}
}

// Comma sets the field separator (',' unless set).
func (r *Reader) Comma(sep rune) { r.c.Comma = sep }

// ReadHeader reads the header row. Names in required must be present;
// names in optional may be. With strict set, a column that is neither is
// an error naming it, so a misspelt column is not silently ignored.
func (r *Reader) ReadHeader(required, optional []string, strict bool) error {
	rec, err := r.c.Read()
	if err == io.EOF {
		return &civic.ParseError{File: r.File, Line: 1, Msg: "empty file: want a header row with " + strings.Join(required, ", ")}
	}
	if err != nil {
		return r.err(err)
	}
	r.Header = append([]string(nil), rec...)
	r.cols = make(map[string]int, len(required)+len(optional))
	for _, n := range required {
		r.cols[n] = -1
	}
	for _, n := range optional {
		r.cols[n] = -1
	}
	for i, h := range rec {
		name := Name(h)
		j, known := r.cols[name]
		switch {
		case name == "" && !strict:
			// Blank header cells, such as the trailing empty columns a
			// spreadsheet export leaves, name nothing: skip them.
		case !known && strict:
			return &civic.ParseError{File: r.File, Line: 1, Column: i + 1, Field: name,
				Msg: "unknown column (known: " + strings.Join(append(append([]string(nil), required...), optional...), ", ") + ")"}
		case !known:
			r.cols[name] = i
		case j >= 0:
			return &civic.ParseError{File: r.File, Line: 1, Column: i + 1, Field: name, Msg: "column appears twice"}
		default:
			r.cols[name] = i
		}
	}
	for _, n := range required {
		if r.cols[n] < 0 {
			return &civic.ParseError{File: r.File, Line: 1, Field: n, Msg: "missing column (the header is " + safe.Text(strings.Join(rec, ","), 120) + ")"}
		}
	}
	return nil
}

// Name normalises a header cell: trimmed, lower case, byte-order mark
// removed.
func Name(h string) string {
	return strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
}

// Has reports whether the header has the column name.
func (r *Reader) Has(name string) bool {
	i, ok := r.cols[name]
	return ok && i >= 0
}

// Read returns the next record (valid until the next call), io.EOF at the
// end, or a *civic.ParseError.
func (r *Reader) Read() ([]string, error) {
	rec, err := r.c.Read()
	if err == io.EOF {
		return nil, io.EOF
	}
	if err != nil {
		return nil, r.err(err)
	}
	return rec, nil
}

// Field returns the trimmed value of column name in rec ("" when the
// column is absent or the row short), and its line and column.
func (r *Reader) Field(rec []string, name string) (value string, line, column int) {
	i, ok := r.cols[name]
	if !ok || i < 0 || i >= len(rec) {
		line, _ = r.c.FieldPos(0)
		return "", line, 0
	}
	line, column = r.c.FieldPos(i)
	return strings.TrimSpace(rec[i]), line, column
}

// Error returns a *civic.ParseError at column name of the current record.
func (r *Reader) Error(rec []string, name, msg string) error {
	_, line, column := r.Field(rec, name)
	return &civic.ParseError{File: r.File, Line: line, Column: column, Field: name, Msg: msg}
}

func (r *Reader) err(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &civic.ParseError{File: r.File, Line: pe.Line, Column: pe.Column, Msg: "bad CSV", Err: pe.Err}
	}
	return &civic.ParseError{File: r.File, Msg: "read failed", Err: err}
}
