package xlsx_test

import (
	"bytes"
	"fmt"

	"github.com/xuri/excelize/v2"

	"github.com/civickit/civickit/internal/table/xlsx"
)

// A sign-up workbook read as CSV, one line per worksheet row.
func ExampleRead() {
	f := excelize.NewFile()
	rows := [][]any{{"id", "ward", "age band"}, {"v-001", "Almondbury", "18-24"}, {"v-002", "Dalton", "65+\nretired"}}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			panic(err)
		}
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		panic(err)
	}
	sh, err := xlsx.Read(&b, xlsx.Options{File: "pool.xlsx"})
	if err != nil {
		panic(err)
	}
	fmt.Println(sh.File, sh.Header)
	fmt.Print(string(sh.CSV))
	// Output:
	// pool.xlsx[Sheet1] [id ward age band]
	// id,ward,age band
	// v-001,Almondbury,18-24
	// v-002,Dalton,65+ retired
}

// A worksheet that is not there is named with the ones that are.
func ExampleRead_noSheet() {
	f := excelize.NewFile()
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		panic(err)
	}
	_, err := xlsx.Read(&b, xlsx.Options{File: "pool.xlsx", Sheet: "Volunteers"})
	fmt.Println(err)
	// Output:
	// pool.xlsx: no worksheet "Volunteers" (the workbook has "Sheet1")
}
