package persona

import (
	"bytes"
	_ "embed"
	"io"

	"github.com/civickit/civickit/internal/table/xlsx"
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
	sh, err := xlsx.Read(r, xlsx.Options{File: opt.File, MaxBytes: opt.MaxBytes, Sheet: opt.Sheet})
	if err != nil {
		return nil, err
	}
	opt.File = sh.File
	opt.MaxBytes = max(int64(len(sh.CSV))+1, opt.MaxBytes)
	sv, err := readSurveyCSV(bytes.NewReader(sh.CSV), opt, ',')
	return sv, sh.Cell(err)
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
