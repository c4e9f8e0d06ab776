package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"path"
	"slices"
	"strings"

	"github.com/civickit/civickit/civic"
	"github.com/civickit/civickit/internal/input"
	"github.com/civickit/civickit/internal/safe"
	"github.com/civickit/civickit/internal/table"
)

// Options configures [Read].
type Options struct {
	File     string // the file name in errors; "" for none
	MaxBytes int64  // the size cap of the workbook; 0 means input.DefaultMaxBytes
	Sheet    string // the worksheet to read; "" for the first
}

// Sheet is one worksheet of a workbook re-encoded as CSV, one line per
// worksheet row, so that a CSV reader's line numbers are the
// worksheet's row numbers.
type Sheet struct {
	Name   string   // the worksheet's name
	File   string   // the file name with the worksheet, "pool.xlsx[Sheet1]", for errors
	Header []string // the first row as written
	CSV    []byte   // the worksheet as CSV
}

// unpackedTimes is how many times its size cap a workbook may unpack to.
const unpackedTimes = 16

// oleMagic begins an OLE compound file: an Excel 97-2003 workbook (.xls),
// or a workbook saved with a password, which Excel encrypts into one.
var oleMagic = []byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}

// errOLE says what an OLE compound file given as a workbook may be.
var errOLE = errors.New("the file is an Excel 97-2003 workbook (.xls) or one protected with a password; save it as an unprotected .xlsx workbook")

// Read reads one worksheet of an Excel workbook (.xlsx), as councils'
// sign-up and survey exports come, the way the survey reader does: the
// workbook is refused if larger than opt.MaxBytes or if it unpacks to
// more than 16 times that; line breaks inside a cell become spaces; every
// row is as wide as the header. Cells are written as the worksheet shows
// them under their number formats, but dates and times as ISO 8601
// ("2025-01-14", "2025-01-14 09:30", "09:30"). Errors are
// *civic.ParseError naming the file.
func Read(r io.Reader, opt Options) (*Sheet, error) {
	raw, err := input.ReadAll(r, opt.MaxBytes)
	if err != nil {
		var pe *civic.ParseError
		if errors.As(err, &pe) {
			return nil, pe
		}
		return nil, &civic.ParseError{File: opt.File, Msg: "cannot read the workbook", Err: err}
	}
	unpacked := unpackedTimes * input.Max(opt.MaxBytes)
	z, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		if bytes.HasPrefix(raw, oleMagic) {
			err = errOLE
		}
		return nil, &civic.ParseError{File: opt.File, Msg: "not an Excel workbook (.xlsx)", Err: err}
	}
	b := openBook(z, unpacked)
	wb, refs, err := b.workbook()
	if err != nil {
		return nil, b.fail(opt.File, "", "not an Excel workbook (.xlsx)", err)
	}
	sheets := make([]string, len(refs))
	for i, s := range refs {
		sheets[i] = s.name
	}
	name := opt.Sheet
	switch {
	case name == "" && len(sheets) > 0:
		name = sheets[0]
	case !slices.Contains(sheets, name):
		return nil, &civic.ParseError{File: opt.File, Msg: "no worksheet " + safe.Quote(name) + " (the workbook has " + safe.Quote(strings.Join(sheets, ", ")) + ")"}
	}
	id := refs[slices.Index(sheets, name)].id
	rels, err := b.rels(wb)
	if err != nil {
		return nil, b.fail(opt.File, name, "reading the worksheet", err)
	}
	target := ""
	for _, r := range rels {
		if r.id == id {
			target = r.target
			break
		}
	}
	if target == "" {
		return nil, b.fail(opt.File, name, "reading the worksheet", errNoPart)
	}
	dir := path.Dir(wb) + "/"
	if err := b.sharedStrings(find(rels, "sharedStrings", dir+"sharedStrings.xml")); err != nil {
		return nil, b.fail(opt.File, name, "reading the worksheet", err)
	}
	// A workbook whose styles cannot be read is shown without its
	// number formats, as excelize showed it.
	if err := b.styles(find(rels, "styles", dir+"styles.xml")); errors.Is(err, b.limit) {
		return nil, b.fail(opt.File, name, "reading the worksheet", err)
	} else if err != nil {
		b.xfs = nil
	}
	out := &output{max: unpacked, limit: b.limit}
	out.w = csv.NewWriter(&out.b)
	if err := b.worksheet(target, out); err != nil {
		return nil, b.fail(opt.File, name, "reading the worksheet", err)
	}
	out.w.Flush()
	if err := out.w.Error(); err != nil {
		return nil, b.fail(opt.File, name, "reading the worksheet", err)
	}
	s := &Sheet{Name: name, File: opt.File, Header: out.header, CSV: out.b.Bytes()}
	if s.File != "" {
		s.File += "[" + name + "]"
	}
	return s, nil
}

// fail returns err as a *civic.ParseError saying msg, or saying that the
// workbook unpacks to too much.
func (b *book) fail(file, sheet, msg string, err error) error {
	if errors.Is(err, b.limit) {
		msg = "the workbook unpacks to more than 16 times its size cap"
	}
	return &civic.ParseError{File: file, Field: sheet, Msg: msg, Err: err}
}

// output writes a worksheet's rows as CSV: one line a row, blank rows as
// empty lines, rows as wide as the header; empty rows after the last
// with a value are left out.
type output struct {
	b      bytes.Buffer
	w      *csv.Writer
	max    int64 // the most bytes of CSV
	limit  error // the error past them
	header []string
	last   int // the row last read
	empty  int // the rows without a cell since the last written
	rec    []string
}

// blank is the record of a blank row: one empty field, which CSV
// readers skip while counting its line, so the row numbers stay the
// worksheet's.
var blank = []string{""}

// row writes the cells of row n.
func (o *output) row(n int, cells []string) error {
	if n == 1 && len(cells) > 0 {
		o.header = slices.Clone(cells)
	}
	o.empty += n - o.last - 1
	o.last = n
	if len(cells) == 0 {
		o.empty++
		return nil
	}
	size := int64(o.b.Len() + o.empty + max(len(o.header), len(cells)))
	for _, c := range cells {
		// the field, and its quotes when it needs them
		size += int64(len(c))
		if strings.ContainsAny(c, "\",\r\n") || c != "" && (c[0] == ' ' || c[0] == '\t') {
			size += int64(2 + strings.Count(c, `"`))
		}
	}
	if size > o.max {
		return o.limit
	}
	for ; o.empty > 0; o.empty-- {
		if err := o.w.Write(blank); err != nil {
			return err
		}
	}
	if blankRow(cells) {
		return o.w.Write(blank)
	}
	o.rec = slices.Grow(o.rec[:0], max(len(o.header), len(cells)))[:max(len(o.header), len(cells))]
	clear(o.rec)
	for i, c := range cells {
		o.rec[i] = flatten(c)
	}
	return o.w.Write(o.rec)
}

// flatten turns each line break in s (CR LF, LF or CR) into a space.
func flatten(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			b = append(b, ' ')
		case '\n':
			b = append(b, ' ')
		default:
			b = append(b, c)
		}
	}
	return string(b)
}

// Cell rewrites the column of err, a *civic.ParseError from reading the
// sheet's CSV, as the worksheet's column (1 for A) of the field it names:
// a position in a line of CSV text means nothing to someone looking at
// the spreadsheet. Other errors pass unchanged.
func (s *Sheet) Cell(err error) error {
	var pe *civic.ParseError
	if errors.As(err, &pe) && pe.Field != "" {
		for j, h := range s.Header {
			if table.Name(h) == pe.Field {
				pe.Column = j + 1
				break
			}
		}
	}
	return err
}

// blankRow reports whether a worksheet row has no cell with text.
func blankRow(row []string) bool {
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}
