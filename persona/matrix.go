package persona

import (
	"fmt"
	"io"
	"math"

	"github.com/civickit/civickit/internal/table"
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

// ReadMatrixCSV reads a numeric CSV file with a header line, as the
// "civickit cluster" command takes it: every cell must be a finite number
// written as a spreadsheet writes it. It returns the matrix and the
// header. Errors are [*civic.ParseError] values naming the line, column
// and field.
func ReadMatrixCSV(r io.Reader, opt ReadOptions) (Matrix, []string, error) {
	in, comma, err := csvInput(r, opt.MaxBytes)
	if err != nil {
		return Matrix{}, nil, inputError(opt.File, err)
	}
	t := table.NewReader(in, opt.File)
	t.Comma(comma)
	if err := t.ReadHeader(nil, nil, false); err != nil {
		return Matrix{}, nil, inputError(opt.File, err)
	}
	header := make([]string, len(t.Header))
	for i, h := range t.Header {
		header[i] = table.Name(h)
	}
	m := Matrix{Cols: len(header)}
	for {
		rec, err := t.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return Matrix{}, nil, inputError(opt.File, err)
		}
		if len(rec) != len(header) {
			_, line, _ := t.Field(rec, "")
			return Matrix{}, nil, fieldErr(opt.File, line, 0, "", fmt.Sprintf("wrong number of fields: %d, the header has %d", len(rec), len(header)))
		}
		for j := range rec {
			cell, line, col := t.Field(rec, header[j])
			v, ok := parseNumber(cell)
			if !ok {
				return Matrix{}, nil, fieldErr(opt.File, line, col, header[j], quoteCell(cell)+" is not a finite number")
			}
			m.Data = append(m.Data, v)
		}
		m.Rows++
	}
	if m.Rows == 0 {
		return Matrix{}, nil, fieldErr(opt.File, 2, 0, "", "no data rows after the header")
	}
	return m, header, nil
}
