package source

import (
	"bytes"
	"io"

	"github.com/civickit/civickit/internal/table/xlsx"
)

// XLSX reads the first sheet of an Excel workbook (.xlsx) and returns it
// as CSV, one line per spreadsheet row, so the register's reader reports
// the spreadsheet's own row numbers. The workbook is capped at maxBytes
// (0: the default input cap) and its unzipped size as
// [xlsx.Read] caps it.
func XLSX(r io.Reader, maxBytes int64) (io.Reader, error) {
	sh, err := xlsx.Read(r, xlsx.Options{MaxBytes: maxBytes})
	if err != nil {
		return nil, err
	}
	return bytes.NewReader(sh.CSV), nil
}
