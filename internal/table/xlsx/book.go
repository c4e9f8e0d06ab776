package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/civickit/civickit/internal/input"
)

// A book is an open workbook: its parts, how many more bytes may be
// unpacked from them, and what the worksheet's cells refer to.
type book struct {
	parts map[string]*zip.File // by lower-case name
	left  int64                // the bytes that may still be unpacked
	limit *input.TooLargeError // the error once they are spent

	strings  string // the shared strings, one after another
	ends     []int  // the end of each shared string in strings
	xfs      []int  // the number format id of each cell format
	codes    map[int]string
	formats  map[int]*numFmt
	date1904 bool
}

// errNoPart reports a part the workbook lacks.
var errNoPart = errors.New("the workbook lacks a part")

// openBook indexes the parts of a workbook that may unpack to at most
// unpacked bytes.
func openBook(z *zip.Reader, unpacked int64) *book {
	b := &book{parts: make(map[string]*zip.File, len(z.File)), left: unpacked, limit: &input.TooLargeError{Max: unpacked}}
	for _, f := range z.File {
		b.parts[strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/"))] = f
	}
	return b
}

// open returns a decoder of the part at name, whose bytes count against
// the bytes left to unpack: a workbook is trusted for neither its sizes
// nor its compression.
func (b *book) open(name string) (*xml.Decoder, io.Closer, error) {
	f := b.parts[strings.ToLower(name)]
	if f == nil {
		return nil, nil, errNoPart
	}
	rc, err := f.Open()
	if err != nil {
		return nil, nil, err
	}
	return xml.NewDecoder(&budgeted{rc, b}), rc, nil
}

// budgeted reads a part's unpacked bytes and fails once the book has
// unpacked more than it may.
type budgeted struct {
	r io.Reader
	b *book
}

func (r *budgeted) Read(p []byte) (int, error) {
	if r.b.left < 0 {
		return 0, r.b.limit
	}
	if int64(len(p)) > r.b.left+1 {
		p = p[:r.b.left+1]
	}
	n, err := r.r.Read(p)
	r.b.left -= int64(n)
	if r.b.left < 0 {
		return n, r.b.limit
	}
	return n, err
}

// each calls fn with each start element of the part at name, and stops
// at the first error: fn's, or one reading the part.
func (b *book) each(name string, fn func(d *xml.Decoder, e xml.StartElement) error) error {
	d, c, err := b.open(name)
	if err != nil {
		return err
	}
	defer c.Close()
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if e, ok := tok.(xml.StartElement); ok {
			if err := fn(d, e); err != nil {
				return err
			}
		}
	}
}

// attr returns the value of the attribute local of e, in any namespace.
func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// A rel is a relationship of a part to another.
type rel struct{ id, kind, target string }

// rels reads the relationships of the part at name: targets are made
// paths in the package, whether written relative to the part ("worksheets/sheet1.xml")
// or absolute ("/xl/worksheets/sheet1.xml"). A part without
// relationships has none.
func (b *book) rels(name string) ([]rel, error) {
	dir, file := path.Split(name)
	var rs []rel
	err := b.each(dir+"_rels/"+file+".rels", func(_ *xml.Decoder, e xml.StartElement) error {
		if e.Name.Local == "Relationship" && attr(e, "TargetMode") != "External" {
			t := strings.ReplaceAll(attr(e, "Target"), `\`, "/")
			if strings.HasPrefix(t, "/") {
				t = path.Clean(t)[1:]
			} else {
				t = strings.TrimPrefix(path.Clean("/"+dir+t), "/")
			}
			rs = append(rs, rel{attr(e, "Id"), attr(e, "Type"), t})
		}
		return nil
	})
	if err == errNoPart {
		err = nil
	}
	return rs, err
}

// find returns the target of the first relationship of the kind (the
// last part of its type) in rs, or def when there is none.
func find(rs []rel, kind, def string) string {
	for _, r := range rs {
		if strings.HasSuffix(r.kind, "/"+kind) {
			return r.target
		}
	}
	return def
}

// A sheetRef is a worksheet as the workbook lists it.
type sheetRef struct{ name, id string }

// workbook reads the workbook part: its path, its worksheets in order
// and its date system.
func (b *book) workbook() (string, []sheetRef, error) {
	rs, err := b.rels("")
	if err != nil {
		return "", nil, err
	}
	wb := find(rs, "officeDocument", "xl/workbook.xml")
	var sheets []sheetRef
	err = b.each(wb, func(_ *xml.Decoder, e xml.StartElement) error {
		switch e.Name.Local {
		case "sheet":
			var id string
			for _, a := range e.Attr {
				if a.Name.Local == "id" && a.Name.Space != "" {
					id = a.Value
				}
			}
			sheets = append(sheets, sheetRef{attr(e, "name"), id})
		case "workbookPr":
			b.date1904, _ = strconv.ParseBool(strings.TrimSpace(attr(e, "date1904")))
		}
		return nil
	})
	return wb, sheets, err
}

// sharedStrings reads the workbook's table of shared strings.
func (b *book) sharedStrings(name string) error {
	var buf, one []byte
	err := b.each(name, func(d *xml.Decoder, e xml.StartElement) error {
		if e.Name.Local != "si" {
			return nil
		}
		var err error
		if one, err = richText(d, one[:0]); err != nil {
			return err
		}
		buf = append(buf, unescape(one)...)
		b.ends = append(b.ends, len(buf))
		return nil
	})
	if err == errNoPart {
		err = nil
	}
	b.strings = string(buf)
	return err
}

// sharedString returns the shared string i.
func (b *book) sharedString(i int) (string, bool) {
	if i < 0 || i >= len(b.ends) {
		return "", false
	}
	start := 0
	if i > 0 {
		start = b.ends[i-1]
	}
	return b.strings[start:b.ends[i]], true
}

// richText appends the text of a string item (<si> or <is>, whose start
// has been read) to buf: its <t>, or the <t> of each of its runs <r>,
// as written (whatever xml:space says, the decoder keeps every space).
// Phonetic runs are left out.
func richText(d *xml.Decoder, buf []byte) ([]byte, error) {
	for depth := 0; ; {
		tok, err := d.RawToken()
		if err != nil {
			return buf, eof(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case t.Name.Local == "t":
				if buf, err = text(d, buf); err != nil {
					return buf, err
				}
			case t.Name.Local == "r" && depth == 0:
				depth++
			default:
				if err := skip(d); err != nil {
					return buf, err
				}
			}
		case xml.EndElement:
			if depth == 0 {
				return buf, nil
			}
			depth--
		}
	}
}

// text appends the character data of an element, whose start has been
// read, to buf, and reads to its end.
func text(d *xml.Decoder, buf []byte) ([]byte, error) {
	for {
		tok, err := d.RawToken()
		if err != nil {
			return buf, eof(err)
		}
		switch t := tok.(type) {
		case xml.CharData:
			buf = append(buf, t...)
		case xml.StartElement:
			if err := skip(d); err != nil {
				return buf, err
			}
		case xml.EndElement:
			return buf, nil
		}
	}
}

// eof turns the end of a part inside an element into an error.
func eof(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// unescape decodes the escapes _xHHHH_ with which a workbook writes
// characters XML cannot hold (_x0008_), and _x005F_, an escaped
// underscore, as excelize did; an escape of half a surrogate pair is
// dropped.
func unescape(s []byte) []byte {
	if !bytes.Contains(s, []byte("_x")) {
		return s
	}
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		if i+7 <= len(s) && s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' {
			if n, err := strconv.ParseUint(string(s[i+2:i+6]), 16, 16); err == nil {
				if n < 0xd800 || n > 0xdfff {
					out = append(out, string(rune(n))...)
				}
				i += 7
				continue
			}
		}
		out = append(out, s[i])
		i++
	}
	return out
}

// styles reads the number format of each cell format (<cellXfs>) and
// the workbook's own format codes (<numFmts>).
func (b *book) styles(name string) error {
	b.codes = map[int]string{}
	err := b.each(name, func(d *xml.Decoder, e xml.StartElement) error {
		switch e.Name.Local {
		case "numFmts":
			return children(d, func(e xml.StartElement) {
				id, err := strconv.Atoi(strings.TrimSpace(attr(e, "numFmtId")))
				if _, ok := b.codes[id]; e.Name.Local == "numFmt" && err == nil && !ok {
					code := attr(e, "formatCode16")
					if code == "" {
						code = attr(e, "formatCode")
					}
					b.codes[id] = code
				}
			})
		case "cellXfs":
			return children(d, func(e xml.StartElement) {
				if e.Name.Local == "xf" {
					id, _ := strconv.Atoi(strings.TrimSpace(attr(e, "numFmtId")))
					b.xfs = append(b.xfs, id)
				}
			})
		}
		return nil
	})
	if err == errNoPart {
		err = nil
	}
	return err
}

// children calls fn with each child of the element whose start has been
// read, skipping what they hold, and reads to the element's end.
func children(d *xml.Decoder, fn func(xml.StartElement)) error {
	for {
		tok, err := d.RawToken()
		if err != nil {
			return eof(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			fn(t)
			if err := skip(d); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

// format returns the number format of the cell format s, or nil when the
// cell is shown as it is.
func (b *book) format(s int) *numFmt {
	if s <= 0 || s >= len(b.xfs) {
		return nil
	}
	id := b.xfs[s]
	if f, ok := b.formats[id]; ok {
		return f
	}
	code, ok := b.codes[id]
	if !ok && id >= 0 && id < len(builtinFormats) && builtinFormats[id] != "" {
		code, ok = builtinFormats[id], true
	}
	var f *numFmt
	if ok {
		f = parseFormat(code)
	}
	if b.formats == nil {
		b.formats = map[int]*numFmt{}
	}
	b.formats[id] = f
	return f
}

// skip reads to the end of the element whose start has been read. The
// parts are read with RawToken, which leaves namespaces as their
// prefixes (only local names are looked at) and is the faster for it.
func skip(d *xml.Decoder) error {
	for depth := 0; ; {
		tok, err := d.RawToken()
		if err != nil {
			return eof(err)
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			if depth == 0 {
				return nil
			}
			depth--
		}
	}
}
