package panel

import (
	"bytes"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/civickit/civickit/civic"
)

// workbook writes rows to a workbook's first worksheet, named sheet, as a
// sign-up form's Excel export.
func workbook(t testing.TB, sheet string, rows [][]string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	require.NoError(t, f.SetSheetName("Sheet1", sheet))
	for i, row := range rows {
		for j, v := range row {
			cell, err := excelize.CoordinatesToCellName(j+1, i+1)
			require.NoError(t, err)
			require.NoError(t, f.SetCellStr(sheet, cell, v))
		}
	}
	var b bytes.Buffer
	require.NoError(t, f.Write(&b))
	return b.Bytes()
}

// TestReadPoolXLSX reads the 1,000-volunteer pool saved as a workbook and
// checks it reads as the CSV does, volunteer for volunteer.
func TestReadPoolXLSX(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "pool-1000-f5.csv"))
	require.NoError(t, err)
	rows, err := csv.NewReader(bytes.NewReader(raw)).ReadAll()
	require.NoError(t, err)
	want, err := ReadPool(bytes.NewReader(raw), PoolOptions{File: "pool.csv"})
	require.NoError(t, err)
	got, err := ReadPoolXLSX(bytes.NewReader(workbook(t, "Sign-ups", rows)), PoolOptions{File: "pool.xlsx"})
	require.NoError(t, err)
	assert.Equal(t, "pool.xlsx[Sign-ups]", got.File)
	assert.Equal(t, want.Features, got.Features)
	assert.Equal(t, want.Volunteers, got.Volunteers)
}

func TestReadPoolXLSXErrors(t *testing.T) {
	rows := [][]string{{"id", "household", "age", "gender"}, {"V1", "H1", "16-29", "woman"}, {"V2", "", "30-44", "man"}, {"ann@example.org", "", "65+", "woman"}}
	_, err := ReadPoolXLSX(bytes.NewReader(workbook(t, "Form1", rows)), PoolOptions{File: "pool.xlsx"})
	var pe *civic.ParseError
	require.ErrorAs(t, err, &pe)
	// the worksheet's row 4, column A
	assert.Equal(t, `pool.xlsx[Form1]:4:1: id: the id "ann@example.org" looks like an e-mail address: use a pseudonymous reference`, err.Error())

	rows = [][]string{{"gender", "age", "id"}, {"man", "16-29", "V1"}, {"woman", "30-44", ""}}
	_, err = ReadPoolXLSX(bytes.NewReader(workbook(t, "Form1", rows)), PoolOptions{File: "pool.xlsx"})
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "pool.xlsx[Form1]:3:3: id: empty id", err.Error(), "column C of the worksheet, not a place in a CSV line")

	rows = [][]string{{"id", "Email", "age"}, {"V1", "a@b.c", "16-29"}}
	_, err = ReadPoolXLSX(bytes.NewReader(workbook(t, "Form1", rows)), PoolOptions{File: "pool.xlsx"})
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, 2, pe.Column)

	_, err = ReadPoolXLSX(bytes.NewReader(workbook(t, "Form1", rows)), PoolOptions{File: "pool.xlsx", Sheet: "Other"})
	require.ErrorAs(t, err, &pe)
	assert.Contains(t, err.Error(), `no worksheet "Other" (the workbook has "Form1")`)

	_, err = ReadPoolXLSX(strings.NewReader("id,age\nV1,16-29\n"), PoolOptions{File: "pool.xlsx"})
	require.ErrorAs(t, err, &pe)
	assert.Contains(t, err.Error(), "not an Excel workbook (.xlsx)")

	_, err = ReadPoolXLSX(bytes.NewReader(workbook(t, "Form1", rows)), PoolOptions{File: "pool.xlsx", MaxBytes: 100})
	require.ErrorAs(t, err, &pe)
	assert.Contains(t, err.Error(), "larger than the limit of 100 bytes")
}

// FuzzReadPoolXLSX mutates a workbook's bytes and its worksheet's cells:
// any input gives a pool or a *civic.ParseError, never a panic, and a
// pool read has unique, non-empty ids.
func FuzzReadPoolXLSX(f *testing.F) {
	f.Add(workbook(f, "Sheet1", [][]string{{"id", "household", "age"}, {"V1", "H1", "16-29"}, {"V2", "", "30-44"}}), "", "")
	f.Add(workbook(f, "Form1", [][]string{{"id", "age"}, {"V1", "a\nb"}}), "V2", "Form1")
	f.Add([]byte("PK\x03\x04 not really a zip"), "x", "")
	f.Fuzz(func(t *testing.T, in []byte, cell, sheet string) {
		if cell != "" && len(in) < 4096 {
			// a workbook built with the cell, as well as the raw bytes
			in = workbook(t, "Sheet1", [][]string{{"id", "age"}, {cell, cell}, {"V9", "x"}})
		}
		p, err := ReadPoolXLSX(bytes.NewReader(in), PoolOptions{File: "f.xlsx", MaxBytes: 1 << 16, Sheet: sheet})
		if err != nil {
			var pe *civic.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v (%T) is not a *civic.ParseError", err, err)
			}
			return
		}
		seen := map[string]bool{}
		for _, v := range p.Volunteers {
			if v.ID == "" || seen[v.ID] {
				t.Fatalf("bad id %q", v.ID)
			}
			seen[v.ID] = true
		}
	})
}
