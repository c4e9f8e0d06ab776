package source

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/civickit/civickit/internal/input"
)

// XLSX reads the first sheet of an Excel workbook (.xlsx) and returns it
// as CSV, one line per spreadsheet row, so the register's reader reports
// the spreadsheet's own row numbers. The workbook is capped at maxBytes
// (0: the default input cap) and its unzipped size at eight times that.
func XLSX(r io.Reader, maxBytes int64) (io.Reader, error) {
	if maxBytes <= 0 {
		maxBytes = input.DefaultMaxBytes
	}
	b, err := input.ReadAll(r, maxBytes)
	if err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(b), excelize.Options{UnzipSizeLimit: 8 * maxBytes, UnzipXMLSizeLimit: 8 * maxBytes})
	if err != nil {
		return nil, fmt.Errorf("not an Excel workbook (.xlsx): %w", err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, errors.New("the workbook has no sheets")
	}
	rows, err := f.GetRows(sheets[0])
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	w := csv.NewWriter(&out)
	for _, row := range rows {
		if len(row) == 0 {
			row = []string{""} // keeps the line, so row numbers stay the spreadsheet's
		}
		if err := w.Write(row); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return &out, w.Error()
}
