// Package xlsx reads one worksheet of an Excel workbook as CSV for the
// table readers. It is apart from package table so that what links table
// (the journey widget's WebAssembly among them) does not link excelize.
package xlsx

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/civickit/civickit/civic"
	"github.com/civickit/civickit/internal/input"
	"github.com/civickit/civickit/internal/safe"
	"github.com/civickit/civickit/internal/table"
)

// Options configures [Read].
type Options struct {
	File     string // the file name in errors; "" for none
	MaxBytes int64  // the size cap of the workbook; 0 means input.DefaultMaxBytes
	Sheet    string // the worksheet to read; "" for the first
}

// Sheet is one worksheet of a workbook re-encoded as CSV, one line per
// worksheet row, so that a CSV reader's line numbers are the
// worksheet's row numbers.
type Sheet struct {
	Name   string   // the worksheet's name
	File   string   // the file name with the worksheet, "pool.xlsx[Sheet1]", for errors
	Header []string // the first row as written
	CSV    []byte   // the worksheet as CSV
}

// Read reads one worksheet of an Excel workbook (.xlsx), as councils'
// sign-up and survey exports come, the way the survey reader does: the
// workbook is refused if larger than opt.MaxBytes or if it unpacks to
// more than 16 times that; line breaks inside a cell become spaces; every
// row is as wide as the header. Errors are *civic.ParseError naming the
// file.
func Read(r io.Reader, opt Options) (*Sheet, error) {
	raw, err := input.ReadAll(r, opt.MaxBytes)
	if err != nil {
		var pe *civic.ParseError
		if errors.As(err, &pe) {
			return nil, pe
		}
		return nil, &civic.ParseError{File: opt.File, Msg: "cannot read the workbook", Err: err}
	}
	limit := input.Max(opt.MaxBytes)
	f, err := excelize.OpenReader(bytes.NewReader(raw), excelize.Options{UnzipSizeLimit: 16 * limit, UnzipXMLSizeLimit: min(16*limit, 1<<30)})
	if err != nil {
		return nil, &civic.ParseError{File: opt.File, Msg: "not an Excel workbook (.xlsx)", Err: err}
	}
	defer f.Close()
	sheets := f.GetSheetList()
	name := opt.Sheet
	switch {
	case name == "" && len(sheets) > 0:
		name = sheets[0]
	case !slices.Contains(sheets, name):
		return nil, &civic.ParseError{File: opt.File, Msg: "no worksheet " + safe.Quote(name) + " (the workbook has " + safe.Quote(strings.Join(sheets, ", ")) + ")"}
	}
	rows, err := f.GetRows(name)
	if err != nil {
		return nil, &civic.ParseError{File: opt.File, Field: name, Msg: "reading the worksheet", Err: err}
	}
	s := &Sheet{Name: name, File: opt.File}
	if s.File != "" {
		s.File += "[" + name + "]"
	}
	width := 0
	if len(rows) > 0 {
		width = len(rows[0])
		s.Header = rows[0]
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	flat := strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ")
	for _, row := range rows {
		if blankRow(row) {
			// One empty field is written as an empty line, which CSV
			// readers skip while counting it, so a blank row is left out
			// and the row numbers stay the worksheet's.
			if err := w.Write([]string{""}); err != nil {
				return nil, err
			}
			continue
		}
		rec := make([]string, max(width, len(row)))
		for i, c := range row {
			rec[i] = flat.Replace(c)
		}
		if err := w.Write(rec); err != nil {
			return nil, err
		}
	}
	w.Flush()
	s.CSV = b.Bytes()
	return s, nil
}

// Cell rewrites the column of err, a *civic.ParseError from reading the
// sheet's CSV, as the worksheet's column (1 for A) of the field it names:
// a position in a line of CSV text means nothing to someone looking at
// the spreadsheet. Other errors pass unchanged.
func (s *Sheet) Cell(err error) error {
	var pe *civic.ParseError
	if errors.As(err, &pe) && pe.Field != "" {
		for j, h := range s.Header {
			if table.Name(h) == pe.Field {
				pe.Column = j + 1
				break
			}
		}
	}
	return err
}

// blankRow reports whether a worksheet row has no cell with text.
func blankRow(row []string) bool {
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}
