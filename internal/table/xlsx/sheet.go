package xlsx

import (
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
)

// Excel's limits: the rows and columns a worksheet may have.
const (
	maxRows    = 1 << 20
	maxColumns = 1 << 14
)

// errCell reports a cell reference that is not one.
var errCell = errors.New("a cell reference is not a column and a row such as B3")

// errRow reports a row past the last a worksheet may have.
var errRow = errors.New("a row is past the worksheet's last, 1048576")

// worksheet streams the worksheet at name and writes each row to out.
func (b *book) worksheet(name string, out *output) error {
	d, c, err := b.open(name)
	if err != nil {
		return err
	}
	defer c.Close()
	row := 0
	var cells []string
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local != "row" {
				continue
			}
			// A row without r follows the one before; one with r
			// before that, out of order, follows it too.
			n, err := strconv.Atoi(attr(t, "r"))
			if err != nil || n <= row {
				n = row + 1
			}
			if n > maxRows {
				return errRow
			}
			if cells, err = b.row(d, cells[:0]); err != nil {
				return err
			}
			if err := out.row(n, cells); err != nil {
				return err
			}
			row = n
		case xml.EndElement:
			if t.Name.Local == "sheetData" {
				return nil
			}
		}
	}
}

// row reads the cells of a row whose start has been read, as excelize's
// GetRows returned them: each cell that has a value or a formula in the
// column its r names (or after the cell before, without r), and "" for
// the columns between.
func (b *book) row(d *xml.Decoder, cells []string) ([]string, error) {
	col := 0
	for {
		tok, err := d.RawToken()
		if err != nil {
			return cells, eof(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local != "c" {
				if err := skip(d); err != nil {
					return cells, err
				}
				continue
			}
			col++
			if r := attr(t, "r"); r != "" {
				if col, err = column(r); err != nil {
					return cells, err
				}
			}
			if col > maxColumns {
				return cells, errCell
			}
			v, formula, err := b.cell(d, t)
			if err != nil {
				return cells, err
			}
			if v != "" || formula {
				for len(cells) < col-1 {
					cells = append(cells, "")
				}
				cells = append(cells, v)
			}
		case xml.EndElement:
			return cells, nil
		}
	}
}

// column returns the column (1 for A) of a cell reference such as B3.
func column(r string) (int, error) {
	col, i := 0, 0
	for ; i < len(r) && isLetter(r[i]); i++ {
		col = col*26 + int(r[i]|0x20-'a'+1)
		if col > maxColumns {
			return 0, errCell
		}
	}
	if i == 0 || i == len(r) {
		return 0, errCell
	}
	for _, c := range r[i:] {
		if c < '0' || c > '9' {
			return 0, errCell
		}
	}
	return col, nil
}

// cell reads a cell whose start e has been read and returns its text as
// the worksheet shows it, and whether it holds a formula.
func (b *book) cell(d *xml.Decoder, e xml.StartElement) (string, bool, error) {
	var (
		v, is    []byte
		hasIS, f bool
		err      error
	)
	for done := false; !done; {
		tok, terr := d.RawToken()
		if terr != nil {
			return "", false, eof(terr)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "v":
				v, err = text(d, v[:0])
			case "is":
				is, err = richText(d, is[:0])
				hasIS = true
			case "f":
				f = true
				err = skip(d)
			default:
				err = skip(d)
			}
			if err != nil {
				return "", false, err
			}
		case xml.EndElement:
			done = true
		}
	}
	s, _ := strconv.Atoi(strings.TrimSpace(attr(e, "s")))
	return b.value(attr(e, "t"), string(v), is, hasIS, s), f, nil
}

// value returns what a cell shows: its value v as its type t says,
// under the number format of its cell format s. Values come out as
// excelize's GetRows gave them (the tests hold the two side by side),
// but where it was wrong for a reader of the data: dates and times are
// ISO 8601; a number with more than 11 digits in a cell formatted
// General is written in full, not cut to 10 significant digits; a
// percentage with thousands separators ("#,##0%") has them among the
// digits; the largest doubles are not infinite; and fractions ("# ?/?"),
// scaling commas ("#,##0,") and conditions ("[>=100]0") are shown as
// General.
func (b *book) value(t, v string, is []byte, hasIS bool, s int) string {
	num := false
	switch t {
	case "b":
		switch v {
		case "1":
			return "TRUE"
		case "0":
			return "FALSE"
		}
	case "d":
		return isoDate(v)
	case "s":
		if v != "" {
			i, _ := strconv.Atoi(strings.TrimSpace(v))
			if str, ok := b.sharedString(i); ok {
				v = str
			}
		}
	case "str":
		return v
	case "inlineStr":
		if hasIS {
			v = string(unescape(is))
		}
	default:
		v, num = normalNumber(v), true
	}
	if f := b.format(s); f != nil {
		return f.show(v, num, b.date1904)
	}
	return v
}
