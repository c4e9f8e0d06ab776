package source

import (
	"bytes"
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/civickit/civickit/audit"
)

// TestRegisterXLSX reads a register typed into Excel: a bad row is
// reported with its spreadsheet row number.
func TestRegisterXLSX(t *testing.T) {
	f := excelize.NewFile()
	rows := [][]any{
		{"ward_id", "ward_name", "name", "kind", "platform", "followers"},
		{"E05000001", "Abbey", "Cllr Jane Smith", "councillor", "facebook", 120},
		{"E05000001", "Abbey", "Abbey Friends", "group", "facebook", "many"},
		{},
		{"E05000001", "Abbey", "Abbey Allotments", "group", "instagram", 300},
	}
	for i, r := range rows {
		if err := f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", i+1), &r); err != nil {
			t.Fatal(err)
		}
	}
	rec := ingestWorkbook(t, f)
	if len(rec.accounts) != 2 || len(rec.rejects) != 1 || rec.rejects[0].Line != 3 {
		t.Errorf("accounts %+v rejects %+v", rec.accounts, rec.rejects)
	}
	if _, err := XLSX(bytes.NewReader([]byte("name,kind\n")), 0); err == nil {
		t.Error("a CSV file read as a workbook")
	}
}

// TestRegisterXLSXDate reads a register whose last_active column Excel
// holds as dates: the cells come out as YYYY-MM-DD, which the register
// reads, whatever the date format shows in Excel (14/01/2025, 1/14/25).
func TestRegisterXLSXDate(t *testing.T) {
	f := excelize.NewFile()
	header := []any{"ward_id", "name", "kind", "platform", "last_active"}
	if err := f.SetSheetRow("Sheet1", "A1", &header); err != nil {
		t.Fatal(err)
	}
	usDate, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		t.Fatal(err)
	}
	ukCode := "dd/mm/yyyy"
	ukDate, err := f.NewStyle(&excelize.Style{CustomNumFmt: &ukCode})
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range []int{usDate, ukDate} {
		row := []any{"E05000001", fmt.Sprintf("Group %d", i), "group", "facebook", 45671}
		if err := f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", i+2), &row); err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellStyle("Sheet1", fmt.Sprintf("E%d", i+2), fmt.Sprintf("E%d", i+2), s); err != nil {
			t.Fatal(err)
		}
	}
	rec := ingestWorkbook(t, f)
	if len(rec.rejects) != 0 || len(rec.accounts) != 2 {
		t.Fatalf("accounts %+v rejects %+v", rec.accounts, rec.rejects)
	}
	for _, a := range rec.accounts {
		if want := time.Date(2025, 1, 14, 0, 0, 0, 0, time.UTC); !a.LastActive.Equal(want) {
			t.Errorf("last active %v, want %v", a.LastActive, want)
		}
	}
}

// ingestWorkbook writes f, reads it with XLSX and ingests it as the
// register wards.xlsx.
func ingestWorkbook(t *testing.T, f *excelize.File) *recorder {
	t.Helper()
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	csv, err := XLSX(&b, 0)
	if err != nil {
		t.Fatal(err)
	}
	rec := newRecorder()
	if err := audit.Ingest(context.Background(), rec, []audit.Source{&Register{R: csv, File: "wards.xlsx"}}, key); err != nil {
		t.Fatal(err)
	}
	return rec
}
