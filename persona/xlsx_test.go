package persona

import (
	"bytes"
	"encoding/csv"
	"os"
	"strings"
	"testing"

	"github.com/civickit/civickit/civic"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// formsWorkbook writes the sample survey as a Microsoft Forms export
// would: the questions as worded in FormsMapping as column titles, the
// answer texts offered, and edit applied to the rows.
func formsWorkbook(t *testing.T, edit func(rows [][]string)) []byte {
	raw, err := os.ReadFile("testdata/survey69.csv")
	require.NoError(t, err)
	rows, err := csv.NewReader(bytes.NewReader(raw)).ReadAll()
	require.NoError(t, err)
	m := FormsMapping()
	text := map[string]string{}
	for k, v := range m.Values {
		if _, seen := text[v]; !seen || len(k) > len(text[v]) {
			text[v] = k
		}
	}
	for j, h := range rows[0] {
		col := h
		if title, ok := m.Columns[h]; ok {
			rows[0][j] = title
		}
		for i := 1; i < len(rows); i++ {
			switch {
			case strings.HasPrefix(col, "conf_"):
				rows[i][j] = map[string]string{"1": "Not at all confident", "2": "Slightly confident", "3": "Somewhat confident", "4": "Fairly confident", "5": "Very confident"}[rows[i][j]]
			case strings.HasPrefix(col, "mode_") || col == "role" || col == "learn" || col == "aims" || col == "barriers":
				var parts []string
				for _, p := range strings.Split(rows[i][j], ";") {
					if tx, ok := text[p]; ok && p != "" {
						p = tx
					}
					parts = append(parts, p)
				}
				rows[i][j] = strings.Join(parts, ";")
			}
		}
	}
	if edit != nil {
		edit(rows)
	}
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		cell, err := excelize.CoordinatesToCellName(1, i+1)
		require.NoError(t, err)
		vals := make([]any, len(r))
		for j, v := range r {
			vals[j] = v
		}
		require.NoError(t, f.SetSheetRow("Sheet1", cell, &vals))
	}
	var b bytes.Buffer
	_, err = f.WriteTo(&b)
	require.NoError(t, err)
	return b.Bytes()
}

// TestReadSurveyXLSXForms: a Forms export in Excel, read with the shipped
// mapping for the survey's own wording, gives the same survey as the
// documented CSV.
func TestReadSurveyXLSXForms(t *testing.T) {
	want := readSurveyFile(t, "survey69.csv")
	book := formsWorkbook(t, nil)
	got, err := ReadSurveyXLSX(bytes.NewReader(book), SurveyOptions{File: "forms.xlsx", Mapping: FormsMapping()})
	require.NoError(t, err)
	assert.Equal(t, want, got)

	book = formsWorkbook(t, func(rows [][]string) { rows[4][2] = "Extremely confident" })
	_, err = ReadSurveyXLSX(bytes.NewReader(book), SurveyOptions{File: "forms.xlsx", Mapping: FormsMapping()})
	var pe *civic.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, 5, pe.Line, "the worksheet's row")
	assert.Equal(t, 3, pe.Column, "the worksheet's column")
	assert.Contains(t, err.Error(), `forms.xlsx[Sheet1]:5:3: how confident are you using email?: "Extremely confident"`)

	_, err = ReadSurveyXLSX(strings.NewReader("respondent_id\n1\n"), SurveyOptions{File: "x.xlsx"})
	assert.ErrorContains(t, err, "not an Excel workbook")
	_, err = ReadSurveyXLSX(bytes.NewReader(formsWorkbook(t, nil)), SurveyOptions{Sheet: "Responses", Mapping: FormsMapping()})
	assert.ErrorContains(t, err, `no worksheet "Responses"`)
	_, err = ReadSurveyXLSX(bytes.NewReader(book), SurveyOptions{MaxBytes: 1000})
	assert.ErrorContains(t, err, "larger than the limit")
}

// TestFormsMappingCoversSurvey: the shipped mapping names every
// documented column, each title once.
func TestFormsMappingCoversSurvey(t *testing.T) {
	m := FormsMapping()
	seen := map[string]bool{}
	for _, c := range columns(";", nil) {
		title, ok := m.Columns[c.name]
		assert.True(t, ok, "column %s", c.name)
		assert.False(t, seen[title], "title %q twice", title)
		seen[title] = true
	}
}
