package source

import (
	"bytes"
	"context"
	"fmt"
	"testing"

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
	if len(rec.accounts) != 2 || len(rec.rejects) != 1 || rec.rejects[0].Line != 3 {
		t.Errorf("accounts %+v rejects %+v", rec.accounts, rec.rejects)
	}
	if _, err := XLSX(bytes.NewReader([]byte("name,kind\n")), 0); err == nil {
		t.Error("a CSV file read as a workbook")
	}
}
