package xlsx_test

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/civickit/civickit/civic"
	"github.com/civickit/civickit/internal/input"
	"github.com/civickit/civickit/internal/table/xlsx"
)

// build writes a workbook made by fn with excelize.
func build(t testing.TB, fn func(f *excelize.File)) []byte {
	t.Helper()
	f := excelize.NewFile()
	fn(f)
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// set sets the cell at col, row (1-based) of Sheet1 to v, with the style
// when it is not 0.
func set(t testing.TB, f *excelize.File, sheet string, col, row int, v any, style int) {
	t.Helper()
	cell, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellValue(sheet, cell, v); err != nil {
		t.Fatal(err)
	}
	if style != 0 {
		if err := f.SetCellStyle(sheet, cell, cell, style); err != nil {
			t.Fatal(err)
		}
	}
}

// style returns the id of a style with the built-in number format id, or
// with the custom code when it is not "".
func style(t testing.TB, f *excelize.File, id int, code string) int {
	t.Helper()
	s := &excelize.Style{NumFmt: id}
	if code != "" {
		s = &excelize.Style{CustomNumFmt: &code}
	}
	n, err := f.NewStyle(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// viaExcelize reads the worksheet the way Read did when it was built on
// excelize's GetRows: its header and its CSV.
func viaExcelize(t testing.TB, data []byte, sheet string) ([]string, string) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if sheet == "" {
		sheet = f.GetSheetList()[0]
	}
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	return toCSV(t, rows)
}

// toCSV writes rows as Read writes them.
func toCSV(t testing.TB, rows [][]string) ([]string, string) {
	var header []string
	width := 0
	if len(rows) > 0 {
		header, width = rows[0], len(rows[0])
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	flat := strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ")
	for _, row := range rows {
		if strings.TrimSpace(strings.Join(row, "")) == "" {
			if err := w.Write([]string{""}); err != nil {
				t.Fatal(err)
			}
			continue
		}
		rec := make([]string, max(width, len(row)))
		for i, c := range row {
			rec[i] = flat.Replace(c)
		}
		if err := w.Write(rec); err != nil {
			t.Fatal(err)
		}
	}
	w.Flush()
	return header, b.String()
}

// same requires Read to give the header and CSV excelize gives.
func same(t *testing.T, data []byte, sheet string) {
	t.Helper()
	wantHeader, want := viaExcelize(t, data, sheet)
	sh, err := xlsx.Read(bytes.NewReader(data), xlsx.Options{File: "t.xlsx", Sheet: sheet})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprintf("%q", sh.Header) != fmt.Sprintf("%q", wantHeader) {
		t.Errorf("header %q, excelize %q", sh.Header, wantHeader)
	}
	diff(t, string(sh.CSV), want)
}

// diff reports the lines of CSV that differ from excelize's.
func diff(t *testing.T, got, want string) {
	t.Helper()
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	n := 0
	for i := range max(len(g), len(w)) {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl == wl {
			continue
		}
		gf, wf := strings.Split(gl, ","), strings.Split(wl, ",")
		for j := range max(len(gf), len(wf)) {
			var a, b string
			if j < len(gf) {
				a = gf[j]
			}
			if j < len(wf) {
				b = wf[j]
			}
			if a != b && n < 40 {
				t.Errorf("line %d field %d: %q, excelize %q", i+1, j+1, a, b)
				n++
			}
		}
		if n >= 40 {
			t.Fatal("too many differences")
		}
	}
}

// values are the cell values of the differential tests: numbers of
// every size and shape, text, booleans and nothing.
var values = []any{
	0, 1, -1, 7, 42, 100, -250, math.Copysign(0, -1), 0.5, -0.5, 0.1 + 0.2, 0.1, 1.1, 2.675, 2.5, 3.5, -2.5,
	0.005, 1.005, 999999.995, 1234.5678, -1234.5678, 12345678.9, 0.000123, 1e-7, 1.5e-10, -0.0000123456789,
	1e15, 1e15 + 0.3, 1e20, -1e20, 1e308, 5e-324,
	12345678901, 123456789012345678, int64(9007199254740993), math.MaxInt64, math.Pi, 3.14159265358979,
	123456.789012345, 0.333333333333333, 2.0 / 3, 100023336956.5,
	"text", "Ünïcödé – ✓ 日本語 😀", "two\nlines", "crlf\r\nline", " spaced ", "a,b \"quoted\"", "_x0041_ not an escape",
	"12345", "1e3", true, false, nil, "",
}

// formats are the number formats of the differential tests: built-in ids
// and custom codes, number formats all (dates are Read's own).
var formats = []struct {
	id   int
	code string
}{
	{1, ""}, {2, ""}, {3, ""}, {4, ""}, {9, ""}, {10, ""}, {11, ""}, {37, ""}, {38, ""}, {39, ""}, {40, ""},
	{41, ""}, {42, ""}, {43, ""}, {44, ""}, {48, ""}, {49, ""},
	{0, "0.0"}, {0, "#,##0.000"}, {0, "0.0%"}, {0, "0.00%"}, {0, `"£"#,##0.00`}, {0, "£#,##0.00"}, {0, "[$£-809]#,##0.00"},
	{0, `"£"#,##0.00;[Red]\-"£"#,##0.00`}, {0, "0.00;[Red]-0.00"}, {0, "#,##0;(#,##0)"}, {0, "#,##0.00_);(#,##0.00)"},
	{0, "#,##0.00_);[Red](#,##0.00)"}, {0, "0.000E+00"}, {0, "#"}, {0, "#.##"}, {0, "0.###"}, {0, "000"}, {0, "00000"},
	{0, `0.00 "kg"`}, {0, `"approx. "0`}, {0, "[Blue]0.0"}, {0, `0.0_ ;\-0.0\ `}, {0, "#,##0.00 [$€-1809]"},
	{0, "[$€-2] #,##0.00"}, {0, `0.00;(0.00);"zero";"t:"@`}, {0, "@"}, {0, "0 0"}, {0, "0;"}, {0, "$#,##0.00"},
	{0, "+0.0;-0.0"}, {0, "##0.0E+0"},
}

// TestReadMatchesExcelize reads every value under every number format,
// and unstyled, and requires what excelize's GetRows gave.
func TestReadMatchesExcelize(t *testing.T) {
	data := build(t, func(f *excelize.File) {
		styles := make([]int, len(formats))
		for j, fm := range formats {
			styles[j] = style(t, f, fm.id, fm.code)
		}
		for j := range formats {
			set(t, f, "Sheet1", j+2, 1, fmt.Sprintf("%d %s", formats[j].id, formats[j].code), 0)
		}
		set(t, f, "Sheet1", 1, 1, "plain", 0)
		for i, v := range values {
			set(t, f, "Sheet1", 1, i+2, v, 0)
			for j := range formats {
				set(t, f, "Sheet1", j+2, i+2, v, styles[j])
			}
		}
	})
	same(t, data, "")
}

// TestReadMatchesExcelizeRandom reads random numbers, plain and under
// the common formats, and requires what excelize's GetRows gave.
func TestReadMatchesExcelizeRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	codes := []string{"", "0.00", "#,##0", "#,##0.00", "0%", "0.0%", "0.00E+00", `"£"#,##0.00`}
	data := build(t, func(f *excelize.File) {
		styles := make([]int, len(codes))
		for j, c := range codes[1:] {
			styles[j+1] = style(t, f, 0, c)
		}
		for i := range 3000 {
			var v float64
			switch i % 4 {
			case 0: // a decimal of up to 17 digits
				digits := r.IntN(17) + 1
				v = float64(r.Int64N(int64(math.Pow10(min(digits, 18))))) / math.Pow10(r.IntN(digits+1))
			case 1: // any double
				v = math.Float64frombits(r.Uint64())
				if math.IsNaN(v) || math.IsInf(v, 0) {
					v = 0
				}
			case 2: // an amount of money
				v = float64(r.IntN(10_000_000)) / 100
			case 3: // a fraction
				v = r.Float64() * math.Pow10(r.IntN(30)-15)
			}
			if r.IntN(3) == 0 {
				v = -v
			}
			set(t, f, "Sheet1", 1+i%len(codes), 1+i/len(codes), v, styles[i%len(codes)])
		}
	})
	same(t, data, "")
}

// TestReadSparse reads a worksheet with gaps: a cell far to the right,
// blank and whitespace-only rows, empty rows at the end, a formula
// without a value, and a second worksheet.
func TestReadSparse(t *testing.T) {
	data := build(t, func(f *excelize.File) {
		if _, err := f.NewSheet("Second"); err != nil {
			t.Fatal(err)
		}
		for i, h := range []string{"id", "name", "note"} {
			set(t, f, "Sheet1", i+1, 1, h, 0)
		}
		set(t, f, "Sheet1", 1, 2, "a1", 0)
		set(t, f, "Sheet1", 3, 2, "far\nnote", 0)
		set(t, f, "Sheet1", 200, 2, "way out", 0)
		set(t, f, "Sheet1", 2, 4, "   ", 0)
		set(t, f, "Sheet1", 1, 6, "a6", 0)
		if err := f.SetCellFormula("Sheet1", "B6", "=1+2"); err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellFormula("Sheet1", "E7", "=B6*2"); err != nil {
			t.Fatal(err)
		}
		set(t, f, "Sheet1", 2, 10, "", 0)
		set(t, f, "Second", 2, 3, "second sheet", 0)
		set(t, f, "Second", 16384, 3, "XFD", 0)
	})
	same(t, data, "")
	same(t, data, "Second")
	sh, err := xlsx.Read(bytes.NewReader(data), xlsx.Options{Sheet: "Second"})
	if err != nil {
		t.Fatal(err)
	}
	if lines := strings.Count(string(sh.CSV), "\n"); lines != 3 || sh.Header != nil {
		t.Errorf("%d lines, header %q: want 3 lines, the first two blank, and no header", lines, sh.Header)
	}
}

// part is a file of a hand-written workbook.
type part struct{ name, body string }

// rawBook zips the parts as a workbook.
func rawBook(t testing.TB, parts ...part) []byte {
	t.Helper()
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for _, p := range parts {
		w, err := z.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(p.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

const (
	contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`
	rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
	// the second sheet listed is the first file, and its target is
	// absolute
	workbookXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr/><sheets><sheet name="Data" sheetId="2" r:id="rId2"/><sheet name="Other" sheetId="1" r:id="rId1"/></sheets></workbook>`
	workbookRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`
	sharedStringsXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="5" uniqueCount="5"><si><t>id</t></si><si><r><rPr><b/></rPr><t>bold</t></r><r><t xml:space="preserve"> and plain</t></r><rPh sb="0" eb="1"><t>phonetic</t></rPh></si><si><t xml:space="preserve">  padded  </t></si><si><t>line_x000D_
break _x005F_x0041_ _x0041_</t></si><si><t/></si></sst>`
	stylesXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0&quot; km&quot;"/></numFmts><cellStyleXfs count="1"><xf numFmtId="9"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="4" applyNumberFormat="1"><alignment wrapText="1"/></xf><xf numFmtId="10"/></cellXfs><dxfs count="1"><dxf><numFmt numFmtId="164" formatCode="0.000"/></dxf></dxfs></styleSheet>`
	dataSheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:F9"/><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="s"><v>2</v></c><c t="s" s="1"><v>3</v></c></row>
<row r="2"><c r="A2"><f>1+2</f><v>3</v></c><c r="B2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="C2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D2" t="inlineStr"><is><t>inline</t></is></c><c r="E2" t="inlineStr"><is><r><t>rich </t></r><r><rPr><i/></rPr><t>inline</t></r></is></c></row>
<row><c t="b"><v>1</v></c><c t="b"><v>0</v></c><c s="1"><v>12.345</v></c><c s="2"><v>1234567.891</v></c><c s="3"><v>0.125</v></c><c s="1" t="s"><v>4</v></c></row>
<row r="5" spans="1:3"><c r="C5" s="2"/><c r="D5"><f>SUM(A2:A3)</f></c></row>
<row r="6"><c r="B6" t="s"><v>99</v></c><c r="c6"><v> 7 </v></c><c r="D6"><v>1.0E+3</v></c><c r="E6"><v>-0.0</v></c></row>
<row r="8"><c r="A8" s="9"><v>5</v></c></row>
</sheetData><mergeCells count="1"><mergeCell ref="A9:B9"/></mergeCells></worksheet>`
	otherSheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="2"><c r="B2" t="s"><v>0</v></c></row></sheetData></worksheet>`
)

// handWritten is a workbook written by hand, with what excelize does not
// write: formulas with their values, inline and rich text, escapes,
// cells and rows without r, an absolute target, sheets listed out of
// order.
func handWritten(t testing.TB) []byte {
	return rawBook(t,
		part{"[Content_Types].xml", contentTypes},
		part{"_rels/.rels", rootRels},
		part{"xl/workbook.xml", workbookXML},
		part{"xl/_rels/workbook.xml.rels", workbookRels},
		part{"xl/sharedStrings.xml", sharedStringsXML},
		part{"xl/styles.xml", stylesXML},
		part{"xl/worksheets/sheet1.xml", otherSheet},
		part{"xl/worksheets/sheet2.xml", dataSheet},
	)
}

// TestReadHandWritten reads the hand-written workbook as excelize does.
func TestReadHandWritten(t *testing.T) {
	data := handWritten(t)
	same(t, data, "")
	same(t, data, "Data")
	same(t, data, "Other")
	sh, err := xlsx.Read(bytes.NewReader(data), xlsx.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := `id,bold and plain,"  padded  ",line break _x0041_ A
3,ab,#DIV/0!,inline,rich inline
TRUE,FALSE,12.3 km,"1,234,567.89",12.50%


,99," 7 ",1000,-0

5,,,
`
	if string(sh.CSV) != want {
		t.Errorf("CSV\n%s\nwant\n%s", sh.CSV, want)
	}
}

// TestReadDates writes dates and times under date formats as ISO 8601,
// where excelize wrote them in the format's US style.
func TestReadDates(t *testing.T) {
	cases := []formatCase{
		{45671, 14, "", "2025-01-14"},
		{45671.75, 14, "", "2025-01-14"},
		{45671.395833333336, 22, "", "2025-01-14 09:30"},
		{45671.39583912037, 22, "", "2025-01-14 09:30:01"},
		{45671, 22, "", "2025-01-14 00:00"},
		{45671, 15, "", "2025-01-14"},
		{45671, 16, "", "2025-01-14"},
		{45671, 17, "", "2025-01-14"},
		{0.395833333333, 20, "", "09:30"},
		{0.5, 18, "", "12:00"},
		{0.75, 19, "", "18:00"},
		{0.395844907407, 21, "", "09:30:01"},
		{0.000694444444, 45, "", "00:01"},
		{1.5, 46, "", "36:00"},
		{0.0000115740740740741, 47, "", "00:00:01"},
		{1, 14, "", "1900-01-01"},
		{59, 14, "", "1900-02-28"},
		{60, 14, "", "1900-02-29"},
		{61, 14, "", "1900-03-01"},
		{2958465, 14, "", "9999-12-31"},
		{2958466, 14, "", "2958466"},
		{-1, 14, "", "-1"},
		{"14/01/2025", 14, "", "14/01/2025"},
		{45671, 0, "yyyy-mm-dd", "2025-01-14"},
		{45671, 0, "dd/mm/yyyy", "2025-01-14"},
		{45671, 0, "[$-809]dd/mm/yyyy;@", "2025-01-14"},
		{45671, 0, "d mmmm yyyy", "2025-01-14"},
		{45671, 0, "dddd, d\" of \"mmmm", "2025-01-14"},
		{45671.395833333336, 0, "dd/mm/yyyy hh:mm", "2025-01-14 09:30"},
		{45671.395833333336, 0, "[$-F800]dddd, mmmm dd, yyyy", "2025-01-14"},
		{0.395833333333, 0, "[$-F400]h:mm:ss AM/PM", "09:30"},
		{0.395833333333, 0, "h\"h\"mm", "09:30"},
		{2.25, 0, "[h]:mm", "54:00"},
		{45671, 0, "mmm", "2025-01-14"},
		{0.5, 0, "mm:ss", "12:00"},
		{time.Date(2025, 1, 14, 9, 30, 0, 0, time.UTC), 0, "", "2025-01-14 09:30"},
	}
	checkFormats(t, cases, false)
}

// formatCase is a value written under a number format (a built-in id,
// or a code), and the text Read should give for it.
type formatCase struct {
	v    any
	id   int
	code string
	want string
}

// checkFormats writes each case in a row of its own, styled with its
// format (a cell without id or code left unstyled, unless styleAll),
// reads the workbook and compares each value, taken out of its CSV
// quotes, with the case's.
func checkFormats(t *testing.T, cases []formatCase, styleAll bool) {
	t.Helper()
	data := build(t, func(f *excelize.File) {
		for i, c := range cases {
			s := 0
			if styleAll || c.id != 0 || c.code != "" {
				s = style(t, f, c.id, c.code)
			}
			set(t, f, "Sheet1", 1, i+1, c.v, s)
		}
	})
	sh, err := xlsx.Read(bytes.NewReader(data), xlsx.Options{})
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(sh.CSV), "\n")
	for i, c := range cases {
		got, _ := strconv.Unquote(lines[i])
		if got == "" {
			got = lines[i]
		}
		if got != c.want {
			t.Errorf("%v under %d %q: %q, want %q", c.v, c.id, c.code, got, c.want)
		}
	}
}

// TestReadDate1904 reads dates of a workbook in the 1904 date system, and
// date cells (t="d"), which hold ISO 8601 text.
func TestReadDate1904(t *testing.T) {
	yes := true
	data := build(t, func(f *excelize.File) {
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}); err != nil {
			t.Fatal(err)
		}
		s := style(t, f, 14, "")
		set(t, f, "Sheet1", 1, 1, 0, s)
		set(t, f, "Sheet1", 1, 2, 44209, s)
	})
	sh, err := xlsx.Read(bytes.NewReader(data), xlsx.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if string(sh.CSV) != "1904-01-01\n2025-01-14\n" {
		t.Errorf("1904: %q", sh.CSV)
	}

	sheet := `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row>` +
		`<c t="d"><v>2025-01-14T00:00:00Z</v></c><c t="d"><v>2025-01-14T09:30:00</v></c><c t="d"><v>2025-01-14</v></c><c t="d"><v>not a date</v></c>` +
		`</row></sheetData></worksheet>`
	data = rawBook(t,
		part{"xl/workbook.xml", `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>`},
		part{"xl/_rels/workbook.xml.rels", `<Relationships><Relationship Id="rId1" Target="worksheets/s.xml"/></Relationships>`},
		part{"xl/worksheets/s.xml", sheet})
	sh, err = xlsx.Read(bytes.NewReader(data), xlsx.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if string(sh.CSV) != "2025-01-14,2025-01-14 09:30,2025-01-14,not a date\n" {
		t.Errorf("date cells: %q", sh.CSV)
	}
}

// TestReadBetterThanExcelize pins where Read departs from excelize on
// purpose, besides dates: a number of more than 11 digits in a cell
// formatted General is written in full (excelize cut it to 10
// significant digits: a 12-digit property reference became
// 1.00023337E+11); thousands separators in a percentage go among the
// digits; the largest numbers are not infinite; fractions, which
// excelize wrote wrongly, scaling and conditions are shown as General.
func TestReadBetterThanExcelize(t *testing.T) {
	cases := []formatCase{
		{100023336956, 0, "General", "100023336956"},
		{1234.56789012, 0, "General", "1234.56789012"},
		{-0.0000123456789, 0, "General", "-0.0000123456789"},
		{math.MaxFloat64, 0, "", "1.79769313486232E+308"},
		{math.MaxFloat64, 2, "", "1.79769313486232E+308"},
		{1234.56789012, 0, "#,##0%", "123,457%"},
		{-1234.5, 0, "#,##0%", "-123,450%"},
		{0.5, 12, "", "0.5"},
		{1234.5678, 13, "", "1234.5678"},
		{0.5, 0, "# ?/?", "0.5"},
		{1234.567, 0, "#,##0,", "1234.567"},
		{5, 0, "[>=100]0;0.0", "5"},
	}
	checkFormats(t, cases, true)
}

// TestReadErrors: what is not a workbook, a worksheet that is not there,
// a broken worksheet, and workbooks that unpack to too much, however
// their zip headers put it.
func TestReadErrors(t *testing.T) {
	check := func(name string, data []byte, opt xlsx.Options, want string) {
		t.Helper()
		opt.File = "w.xlsx"
		_, err := xlsx.Read(bytes.NewReader(data), opt)
		var pe *civic.ParseError
		if !errors.As(err, &pe) {
			t.Fatalf("%s: %v (%T), want a *civic.ParseError", name, err, err)
		}
		if pe.File != "w.xlsx" || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", name, err, want)
		}
	}
	check("csv", []byte("id,name\n1,a\n"), xlsx.Options{}, "w.xlsx: not an Excel workbook (.xlsx)")
	check("xls", append([]byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}, make([]byte, 600)...), xlsx.Options{}, "Excel 97-2003 workbook (.xls)")
	check("zip without a workbook", rawBook(t, part{"a.txt", "hello"}), xlsx.Options{}, "not an Excel workbook (.xlsx)")
	data := handWritten(t)
	check("no sheet", data, xlsx.Options{Sheet: "Volunteers"}, `no worksheet "Volunteers" (the workbook has "Data, Other")`)
	check("too big", data, xlsx.Options{MaxBytes: 100}, "larger than the limit of 100 bytes")

	broken := rawBook(t,
		part{"xl/workbook.xml", `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" r:id="rId1"/><sheet name="Gone" r:id="rId9"/></sheets></workbook>`},
		part{"xl/_rels/workbook.xml.rels", `<Relationships><Relationship Id="rId1" Target="worksheets/s.xml"/></Relationships>`},
		part{"xl/worksheets/s.xml", `<worksheet><sheetData><row><c><v>1</v></c></row><row><c r="1A"><v>2</v></c></row></sheetData></worksheet>`})
	check("bad reference", broken, xlsx.Options{}, `w.xlsx: S: reading the worksheet: a cell reference`)
	check("no part", broken, xlsx.Options{Sheet: "Gone"}, `w.xlsx: Gone: reading the worksheet`)

	// 20 MB of worksheet in a few kilobytes of zip
	bomb := func(z *zip.Writer) {
		w, _ := z.Create("xl/worksheets/s.xml")
		w.Write([]byte("<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>"))
		w.Write(bytes.Repeat([]byte("a"), 20<<20))
		w.Write([]byte("</t></is></c></row></sheetData></worksheet>"))
	}
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for _, p := range []part{
		{"xl/workbook.xml", `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<Relationships><Relationship Id="rId1" Target="worksheets/s.xml"/></Relationships>`},
	} {
		w, _ := z.Create(p.name)
		w.Write([]byte(p.body))
	}
	bomb(z)
	z.Close()
	if b.Len() > 64<<10 {
		t.Fatalf("the bomb is %d bytes", b.Len())
	}
	check("bomb", b.Bytes(), xlsx.Options{MaxBytes: 64 << 10}, "unpacks to more than 16 times its size cap")
	var tl *input.TooLargeError
	_, err := xlsx.Read(bytes.NewReader(b.Bytes()), xlsx.Options{MaxBytes: 64 << 10})
	if !errors.As(err, &tl) || tl.Max != 16*64<<10 {
		t.Errorf("bomb: %v, want a *input.TooLargeError of 1 MiB", err)
	}

	// the same, its zip headers saying the worksheet is 100 bytes
	lying := lie(t, b.Bytes(), "xl/worksheets/s.xml", 100)
	_, err = xlsx.Read(bytes.NewReader(lying), xlsx.Options{MaxBytes: 64 << 10})
	var pe *civic.ParseError
	if !errors.As(err, &pe) {
		t.Errorf("lying bomb: %v", err)
	}

	// a shared string of 100 KB in 2,000 cells: 200 MB of CSV from a
	// few kilobytes of workbook
	var cells strings.Builder
	for range 2000 {
		cells.WriteString(`<row><c t="s"><v>0</v></c></row>`)
	}
	many := rawBook(t,
		part{"xl/workbook.xml", `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>`},
		part{"xl/_rels/workbook.xml.rels", `<Relationships><Relationship Id="rId1" Target="worksheets/s.xml"/></Relationships>`},
		part{"xl/sharedStrings.xml", "<sst><si><t>" + strings.Repeat("b", 100<<10) + "</t></si></sst>"},
		part{"xl/worksheets/s.xml", "<worksheet><sheetData>" + cells.String() + "</sheetData></worksheet>"})
	check("many copies", many, xlsx.Options{MaxBytes: 64 << 10}, "unpacks to more than 16 times its size cap")
}

// lie rewrites the sizes the zip's headers give for the file name as
// size, in its local header and in the central directory.
func lie(t *testing.T, data []byte, name string, size uint32) []byte {
	t.Helper()
	out := bytes.Clone(data)
	le := func(b []byte, v uint32) { b[0], b[1], b[2], b[3] = byte(v), byte(v>>8), byte(v>>16), byte(v>>24) }
	n := 0
	for i := 0; i+46 < len(out); i++ {
		switch {
		case string(out[i:i+4]) == "PK\x03\x04" && string(out[i+30:i+30+len(name)]) == name:
			le(out[i+22:], size)
			n++
		case string(out[i:i+4]) == "PK\x01\x02" && i+46+len(name) <= len(out) && string(out[i+46:i+46+len(name)]) == name:
			le(out[i+24:], size)
			n++
		}
	}
	if n == 0 {
		t.Fatal("no header found")
	}
	return out
}

// TestReadPrefixed reads a workbook whose parts name their elements with
// a namespace prefix (x:c), as some writers do.
func TestReadPrefixed(t *testing.T) {
	const ns = `xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	data := rawBook(t,
		part{"xl/workbook.xml", `<x:workbook ` + ns + `><x:sheets><x:sheet name="P" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`},
		part{"xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`},
		part{"xl/worksheets/sheet1.xml", `<x:worksheet ` + ns + `><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>name</x:t></x:is></x:c><x:c r="B1"><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>`})
	sh, err := xlsx.Read(bytes.NewReader(data), xlsx.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if string(sh.CSV) != "name,2\n" || sh.Name != "P" {
		t.Errorf("%s: %q", sh.Name, sh.CSV)
	}
}

// workbookRows is a 2,000-row workbook as a sign-up export might be.
func workbookRows(t testing.TB, n int) []byte {
	return build(t, func(f *excelize.File) {
		sw, err := f.NewStreamWriter("Sheet1")
		if err != nil {
			t.Fatal(err)
		}
		date := style(t, f, 14, "")
		money := style(t, f, 4, "")
		header := []any{"id", "name", "ward", "age band", "postcode", "joined", "donation", "consent", "notes"}
		if err := sw.SetRow("A1", header); err != nil {
			t.Fatal(err)
		}
		wards := []string{"Almondbury", "Dalton", "Newsome", "Crosland Moor", "Lindley"}
		for i := range n {
			cell, _ := excelize.CoordinatesToCellName(1, i+2)
			row := []any{
				fmt.Sprintf("v-%05d", i), fmt.Sprintf("Volunteer %d", i), wards[i%len(wards)], []string{"16-29", "30-44", "45-64", "65+"}[i%4],
				fmt.Sprintf("HD%d %dAB", i%9+1, i%10),
				excelize.Cell{StyleID: date, Value: 45000 + i%700},
				excelize.Cell{StyleID: money, Value: float64(i%5000) / 4},
				i%3 != 0,
				"prefers evenings\nno weekends",
			}
			if err := sw.SetRow(cell, row); err != nil {
				t.Fatal(err)
			}
		}
		if err := sw.Flush(); err != nil {
			t.Fatal(err)
		}
	})
}

// BenchmarkRead reads a 2,000-row workbook: with Read, and as Read did
// with excelize (OpenReader, GetRows, the same CSV).
func BenchmarkRead(b *testing.B) {
	data := workbookRows(b, 2000)
	b.Run("xlsx", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := xlsx.Read(bytes.NewReader(data), xlsx.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("excelize", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			viaExcelize(b, data, "")
		}
	})
}

// TestReadRows reads the benchmark's workbook as excelize does, but for
// its dates.
func TestReadRows(t *testing.T) {
	data := workbookRows(t, 50)
	sh, err := xlsx.Read(bytes.NewReader(data), xlsx.Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, want := viaExcelize(t, data, "")
	got := string(sh.CSV)
	if !strings.Contains(got, "v-00001,Volunteer 1,Dalton,30-44,HD2 1AB,2023-03-16,0.25,TRUE,prefers evenings no weekends\n") {
		t.Errorf("row 3: %q", strings.Split(got, "\n")[2])
	}
	// but for the dates, as excelize
	wantLines := strings.Split(want, "\n")
	for i, l := range strings.Split(got, "\n") {
		if i == 0 || l == "" {
			continue
		}
		f, w := strings.Split(l, ","), strings.Split(wantLines[i], ",")
		f[5], w[5] = "", ""
		if strings.Join(f, ",") != strings.Join(w, ",") {
			t.Errorf("line %d: %q, excelize %q", i+1, l, wantLines[i])
		}
	}
}

// FuzzRead: any bytes, as a workbook, and any sheet name give a sheet or
// a *civic.ParseError, never a panic, and never more CSV than 16 times
// the size cap.
func FuzzRead(f *testing.F) {
	f.Add(handWritten(f), "")
	f.Add(handWritten(f), "Other")
	f.Add(workbookRows(f, 3), "")
	f.Add(build(f, func(x *excelize.File) {
		set(f, x, "Sheet1", 1, 1, "a\nb", 0)
		set(f, x, "Sheet1", 3, 2, 45671.5, style(f, x, 22, ""))
		set(f, x, "Sheet1", 2, 3, -1234.5, style(f, x, 0, `"£"#,##0.00;[Red]\-"£"#,##0.00`))
	}), "Sheet1")
	f.Add([]byte("PK\x03\x04 not really a zip"), "")
	f.Fuzz(func(t *testing.T, data []byte, sheet string) {
		readChecked(t, data, sheet)
	})
}

// FuzzReadParts fuzzes the parts of a workbook rather than its zip,
// whose checksums mutations seldom get past: the worksheet, the shared
// strings and the styles, from workbooks excelize wrote and the one
// written by hand.
func FuzzReadParts(f *testing.F) {
	for _, data := range [][]byte{handWritten(f), workbookRows(f, 3), build(f, func(x *excelize.File) {
		set(f, x, "Sheet1", 1, 1, "a\nb", 0)
		set(f, x, "Sheet1", 2, 1, 12.5, style(f, x, 10, ""))
		set(f, x, "Sheet1", 3, 2, 45671.5, style(f, x, 22, ""))
		set(f, x, "Sheet1", 2, 3, -1234.5, style(f, x, 0, `"£"#,##0.00;[Red]\-"£"#,##0.00`))
		set(f, x, "Sheet1", 4, 3, 0.25, style(f, x, 0, `[h]:mm;@`))
	})} {
		z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			f.Fatal(err)
		}
		parts := map[string]string{}
		for _, p := range z.File {
			r, err := p.Open()
			if err != nil {
				f.Fatal(err)
			}
			b, err := io.ReadAll(r)
			if err != nil {
				f.Fatal(err)
			}
			parts[p.Name] = string(b)
		}
		sheet := parts["xl/worksheets/sheet1.xml"]
		if s, ok := parts["xl/worksheets/sheet2.xml"]; ok {
			sheet = s
		}
		f.Add(sheet, parts["xl/sharedStrings.xml"], parts["xl/styles.xml"], parts["xl/workbook.xml"])
	}
	f.Fuzz(func(t *testing.T, sheet, sst, styles, wb string) {
		data := rawBook(t,
			part{"xl/workbook.xml", wb},
			part{"xl/_rels/workbook.xml.rels", workbookRels},
			part{"xl/sharedStrings.xml", sst},
			part{"xl/styles.xml", styles},
			part{"xl/worksheets/sheet1.xml", otherSheet},
			part{"xl/worksheets/sheet2.xml", sheet})
		readChecked(t, data, "")
	})
}

// readChecked reads data with a size cap of 64 KiB and requires a sheet
// whose CSV reads, no larger than 16 times the cap, or a
// *civic.ParseError.
func readChecked(t *testing.T, data []byte, sheet string) {
	const cap = 1 << 16
	sh, err := xlsx.Read(bytes.NewReader(data), xlsx.Options{File: "f.xlsx", MaxBytes: cap, Sheet: sheet})
	if err != nil {
		var pe *civic.ParseError
		if !errors.As(err, &pe) {
			t.Fatalf("error %v (%T) is not a *civic.ParseError", err, err)
		}
		return
	}
	if len(sh.CSV) > 16*cap {
		t.Fatalf("%d bytes of CSV", len(sh.CSV))
	}
	r := csv.NewReader(bytes.NewReader(sh.CSV))
	r.FieldsPerRecord = -1
	if _, err := r.ReadAll(); err != nil {
		t.Fatalf("the CSV does not read: %v", err)
	}
}
