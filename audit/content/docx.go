package content

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// DOCXOptions configures [ReadDOCX].
type DOCXOptions struct {
	// MaxBytes caps the uncompressed size of word/document.xml (whatever
	// the archive claims); 0 means 64 MiB.
	MaxBytes int64
	// MaxFiles caps the entries the archive may list; 0 means 10,000.
	MaxFiles int
}

// ErrNotDOCX reports input that is not a Word document.
var ErrNotDOCX = errors.New("content: not a DOCX document")

// ReadDOCX extracts the text of a Word (OOXML) document from its
// word/document.xml: one line per paragraph, tabs and line breaks kept,
// and pages split where Word marked them (an explicit page break, or
// the last-rendered page break Word writes when it saves), so that a
// finding can name its page. It is safe against zip bombs: the
// decompressed XML is read through a limit, whatever its header says,
// and an archive listing too many files is refused.
func ReadDOCX(src []byte, opt DOCXOptions) ([]Page, error) {
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotDOCX, err)
	}
	if len(zr.File) > orDefault(opt.MaxFiles, 10000) {
		return nil, fmt.Errorf("%w: %d files in the archive", ErrNotDOCX, len(zr.File))
	}
	var doc *zip.File
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			doc = f
			break
		}
	}
	if doc == nil {
		return nil, fmt.Errorf("%w: no word/document.xml", ErrNotDOCX)
	}
	max := orDefault(opt.MaxBytes, 64<<20)
	if doc.UncompressedSize64 > uint64(max) {
		return nil, fmt.Errorf("content: docx: %w", ErrTooLarge)
	}
	rc, err := doc.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotDOCX, err)
	}
	defer rc.Close()
	lr := &io.LimitedReader{R: rc, N: max + 1}
	pages, err := docxText(lr)
	if lr.N <= 0 {
		return nil, fmt.Errorf("content: docx: %w", ErrTooLarge)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotDOCX, err)
	}
	return pages, nil
}

// docxText walks WordprocessingML: w:t is text, w:tab a tab, w:br a line
// break (or a page break with w:type="page"), w:p ends a paragraph,
// w:lastRenderedPageBreak starts a page.
func docxText(r io.Reader) ([]Page, error) {
	d := xml.NewDecoder(r)
	var pages []Page
	var cur strings.Builder
	inText := false
	newPage := func() {
		pages = append(pages, Page{Number: len(pages) + 1, Text: strings.TrimRight(cur.String(), "\n")})
		cur.Reset()
	}
	depth := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > 256 {
				return nil, errors.New("nested too deeply")
			}
			switch t.Name.Local {
			case "t", "delText":
				inText = t.Name.Local == "t"
			case "tab":
				cur.WriteByte('\t')
			case "br", "cr":
				page := false
				for _, a := range t.Attr {
					if a.Name.Local == "type" && a.Value == "page" {
						page = true
					}
				}
				if page {
					newPage()
				} else {
					cur.WriteByte('\n')
				}
			case "lastRenderedPageBreak":
				if cur.Len() > 0 {
					newPage()
				}
			}
		case xml.EndElement:
			depth--
			switch t.Name.Local {
			case "t", "delText":
				inText = false
			case "p":
				cur.WriteByte('\n')
			}
		case xml.CharData:
			if inText {
				cur.Write(t)
			}
		}
	}
	if cur.Len() > 0 || len(pages) == 0 {
		newPage()
	}
	return pages, nil
}
