package persona

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// Matrix is a dense, row-major table of numbers: Rows observations of Cols
// features each. Row i is Data[i*Cols : (i+1)*Cols]. The zero value is an
// empty matrix.
type Matrix struct {
	Rows int       `json:"rows" jsonschema:"minimum=0"`
	Cols int       `json:"cols" jsonschema:"minimum=0"`
	Data []float64 `json:"data"`
}

// NewMatrix copies rows into a Matrix. All rows must have the same length.
func NewMatrix(rows [][]float64) (Matrix, error) {
	if len(rows) == 0 {
		return Matrix{}, nil
	}
	d := len(rows[0])
	m := Matrix{Rows: len(rows), Cols: d, Data: make([]float64, 0, len(rows)*d)}
	for i, r := range rows {
		if len(r) != d {
			return Matrix{}, fmt.Errorf("persona: row %d has %d values, want %d", i, len(r), d)
		}
		m.Data = append(m.Data, r...)
	}
	return m, nil
}

// Row returns row i, sharing storage with m.
func (m Matrix) Row(i int) []float64 { return m.Data[i*m.Cols : (i+1)*m.Cols : (i+1)*m.Cols] }

// check reports whether m is well formed and holds only finite numbers.
func (m Matrix) check() error {
	if m.Rows < 0 || m.Cols < 0 || len(m.Data) != m.Rows*m.Cols {
		return fmt.Errorf("persona: matrix %d×%d holds %d values", m.Rows, m.Cols, len(m.Data))
	}
	for i, v := range m.Data {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("persona: row %d column %d: value %v is not finite", i/m.Cols+1, i%m.Cols+1, v)
		}
	}
	return nil
}

// subset returns the rows idx of m as a new matrix.
func (m Matrix) subset(idx []int) Matrix {
	s := Matrix{Rows: len(idx), Cols: m.Cols, Data: make([]float64, 0, len(idx)*m.Cols)}
	for _, i := range idx {
		s.Data = append(s.Data, m.Row(i)...)
	}
	return s
}

// ParseError reports bad input at a place in a file: the 1-based row (the
// line of a CSV file, or the position of a JSON record) and the column
// name. The CLI prints it as file:row: message.
type ParseError struct {
	File   string `json:"file,omitempty"`   // file name, or "" for an unnamed reader
	Row    int    `json:"row,omitempty"`    // 1-based line (CSV) or record (JSON), 0 when unknown
	Column string `json:"column,omitempty"` // the column's name as it appears in the file, or ""
	Msg    string `json:"msg"`              // what is wrong
	Err    error  `json:"-"`                // the underlying error, if any
}

// Error formats the error as "file:row: persona: column "c": msg: err",
// or "persona: row N: column "c": ..." when the file is unnamed.
func (e *ParseError) Error() string {
	var b strings.Builder
	switch {
	case e.File != "" && e.Row > 0:
		fmt.Fprintf(&b, "%s:%d: persona: ", e.File, e.Row)
	case e.File != "":
		fmt.Fprintf(&b, "%s: persona: ", e.File)
	case e.Row > 0:
		fmt.Fprintf(&b, "persona: row %d: ", e.Row)
	default:
		b.WriteString("persona: ")
	}
	if e.Column != "" {
		fmt.Fprintf(&b, "column %q: ", e.Column)
	}
	b.WriteString(e.Msg)
	if e.Err != nil {
		b.WriteString(": " + e.Err.Error())
	}
	return b.String()
}

// quoteCell quotes a cell for an error message, shortened to 40 runes.
func quoteCell(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		return strconv.Quote(string(r[:40])) + "…"
	}
	return strconv.Quote(s)
}

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }

// ReadMatrixCSV reads a numeric CSV file with a header line, as the
// "civickit cluster" command takes it: every cell must be a finite number.
// It returns the matrix and the header. Errors are [*ParseError] values
// naming the line and column.
func ReadMatrixCSV(r io.Reader) (Matrix, []string, error) {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	head, err := cr.Read()
	if err == io.EOF {
		return Matrix{}, nil, &ParseError{Row: 1, Msg: "empty file: want a header line"}
	}
	if err != nil {
		return Matrix{}, nil, csvError(err)
	}
	header := append([]string(nil), head...)
	for i := range header {
		header[i] = strings.TrimSpace(strings.TrimPrefix(header[i], "\ufeff"))
	}
	m := Matrix{Cols: len(header)}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return Matrix{}, nil, csvError(err)
		}
		line, _ := cr.FieldPos(0)
		for j, cell := range rec {
			v, perr := strconv.ParseFloat(strings.TrimSpace(cell), 64)
			if perr != nil || math.IsNaN(v) || math.IsInf(v, 0) {
				return Matrix{}, nil, &ParseError{Row: line, Column: header[j], Msg: quoteCell(cell) + " is not a finite number"}
			}
			m.Data = append(m.Data, v)
		}
		m.Rows++
	}
	if m.Rows == 0 {
		return Matrix{}, nil, &ParseError{Row: 2, Msg: "no data rows after the header"}
	}
	return m, header, nil
}

// csvError turns an encoding/csv error into a ParseError.
func csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &ParseError{Row: pe.Line, Msg: pe.Err.Error(), Err: err}
	}
	return &ParseError{Msg: "reading CSV", Err: err}
}
