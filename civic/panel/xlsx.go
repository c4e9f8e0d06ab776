package panel

import (
	"bytes"
	"io"

	"github.com/civickit/civickit/internal/table/xlsx"
)

// ReadPoolXLSX reads volunteers from a sign-up export saved as an Excel
// workbook (.xlsx): the first worksheet (or opt.Sheet) holds a header row
// and one row per volunteer, read exactly as [ReadPool] reads CSV,
// through the worksheet reader the survey uses. Errors name the
// worksheet, its row and its column (1 for A). The workbook is refused
// if larger than opt.MaxBytes, or if it unpacks to more than 16 times
// that.
func ReadPoolXLSX(r io.Reader, opt PoolOptions) (*Pool, error) {
	sh, err := xlsx.Read(r, xlsx.Options{File: opt.File, MaxBytes: opt.MaxBytes, Sheet: opt.Sheet})
	if err != nil {
		return nil, wrapInput(err)
	}
	opt.File = sh.File
	opt.MaxBytes = max(int64(len(sh.CSV))+1, opt.MaxBytes)
	p, err := ReadPool(bytes.NewReader(sh.CSV), opt)
	if err != nil {
		return nil, sh.Cell(err)
	}
	return p, nil
}
