package persona

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/civickit/civickit/civic"
	"github.com/civickit/civickit/internal/input"
	"github.com/civickit/civickit/internal/table"
	"github.com/xuri/excelize/v2"
)

// ReadSurveyXLSX reads a survey from an Excel workbook (.xlsx), as
// Microsoft Forms, Google Forms and SurveyMonkey download it: the first
// worksheet (or opt.Sheet) holds a header row and one row per
// respondent, read exactly as [ReadSurveyCSV] reads a CSV file, with
// opt.Mapping (such as [FormsMapping]) from the export's column titles to
// the survey's fields. Errors name the worksheet's row and column. The
// workbook is refused if larger than opt.MaxBytes, or if it unpacks to
// more than 16 times that.
func ReadSurveyXLSX(r io.Reader, opt SurveyOptions) (*Survey, error) {
	raw, err := input.ReadAll(r, opt.MaxBytes)
	if err != nil {
		return nil, inputError(opt.File, err)
	}
	limit := input.Max(opt.MaxBytes)
	f, err := excelize.OpenReader(bytes.NewReader(raw), excelize.Options{UnzipSizeLimit: 16 * limit, UnzipXMLSizeLimit: min(16*limit, 1<<30)})
	if err != nil {
		return nil, &civic.ParseError{File: opt.File, Msg: "not an Excel workbook (.xlsx)", Err: err}
	}
	defer f.Close()
	sheets := f.GetSheetList()
	sheet := opt.Sheet
	switch {
	case sheet == "" && len(sheets) > 0:
		sheet = sheets[0]
	case !slices.Contains(sheets, sheet):
		return nil, &civic.ParseError{File: opt.File, Msg: fmt.Sprintf("no worksheet %s (the workbook has %s)", quoteCell(sheet), quoteCell(strings.Join(sheets, ", ")))}
	}
	rows, err := f.GetRows(sheet)
	if err != nil {
		return nil, &civic.ParseError{File: opt.File, Field: sheet, Msg: "reading the worksheet", Err: err}
	}
	// Re-encode as CSV, one line per worksheet row (line breaks inside a
	// cell become spaces), so errors give the worksheet's row and column.
	width := 0
	if len(rows) > 0 {
		width = len(rows[0])
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	flat := strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ")
	for _, row := range rows {
		rec := make([]string, max(width, len(row)))
		for i, c := range row {
			rec[i] = flat.Replace(c)
		}
		if err := w.Write(rec); err != nil {
			return nil, err
		}
	}
	w.Flush()
	if opt.File != "" {
		opt.File += "[" + sheet + "]"
	}
	opt.MaxBytes = max(int64(b.Len())+1, opt.MaxBytes)
	sv, err := readSurveyCSV(&b, opt, ',')
	// A worksheet's column is the cell's, not a place in a line of text.
	var pe *civic.ParseError
	if errors.As(err, &pe) && pe.Line > 1 && pe.Field != "" && len(rows) > 0 {
		for j, h := range rows[0] {
			if table.Name(h) == pe.Field {
				pe.Column = j + 1
			}
		}
	}
	return sv, err
}

//go:embed forms_mapping.json
var formsMappingJSON []byte

// FormsMapping returns the mapping for an export of the survey as worded
// in forms_mapping.json, the wording councils are given to build it in
// Microsoft Forms, Google Forms or SurveyMonkey: each column title is the
// question as asked ("How confident are you using email?"), answers are
// the texts offered ("Very confident", "Weekly", "Mostly to share
// news"), and multi-select answers are separated by ";" as Microsoft
// Forms writes them (set Separator to ", " for Google Forms). The
// respondent id is the export's "ID" column.
func FormsMapping() *Mapping {
	m, err := ReadMapping(bytes.NewReader(formsMappingJSON), ReadOptions{File: "forms_mapping.json"})
	if err != nil {
		panic(err) // the embedded mapping is tested
	}
	return m
}
