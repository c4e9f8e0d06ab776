package content

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"time"
)

// ErrNoPDFTool reports that pdftotext (Debian's poppler-utils) is not
// installed, so PDF text cannot be read.
var ErrNoPDFTool = errors.New("content: pdftotext (poppler-utils) is not installed")

// PDFOptions configures [ReadPDF].
type PDFOptions struct {
	// Command is the pdftotext program; empty means "pdftotext" on PATH.
	Command string
	// Timeout caps one extraction; 0 means 60 s.
	Timeout time.Duration
	// MaxBytes caps the text read back; 0 means 16 MiB.
	MaxBytes int64
}

// ReadPDF extracts the text of a PDF page by page with poppler's
// "pdftotext -layout", which keeps the page's layout (columns, tables)
// and ends each page with a form feed. The PDF is given on standard
// input, never as a file name from the input, and the program runs with
// a timeout. It returns ErrNoPDFTool when pdftotext is not installed.
func ReadPDF(ctx context.Context, pdf []byte, opt PDFOptions) ([]Page, error) {
	cmd := opt.Command
	if cmd == "" {
		cmd = "pdftotext"
	}
	path, err := exec.LookPath(cmd)
	if err != nil {
		return nil, ErrNoPDFTool
	}
	if !bytes.HasPrefix(bytes.TrimLeft(pdf, "\x00\t\r\n "), []byte("%PDF-")) {
		return nil, errors.New("content: not a PDF: no %PDF- header")
	}
	ctx, cancel := context.WithTimeout(ctx, orDefault(opt.Timeout, 60*time.Second))
	defer cancel()
	max := orDefault(opt.MaxBytes, 16<<20)
	c := exec.CommandContext(ctx, path, "-layout", "-enc", "UTF-8", "-q", "-", "-")
	c.Stdin = bytes.NewReader(pdf)
	out := &capped{max: max}
	c.Stdout, c.Stderr = out, &capped{max: 4096}
	err = c.Run()
	if ctx.Err() != nil {
		return nil, fmt.Errorf("content: pdftotext: %w", ctx.Err())
	}
	if out.over {
		return nil, fmt.Errorf("content: pdftotext: %w", ErrTooLarge)
	}
	if err != nil {
		return nil, fmt.Errorf("content: pdftotext: %w", err)
	}
	return SplitPages(out.buf.String()), nil
}

// capped is a writer that keeps at most max bytes and notes the overflow.
type capped struct {
	buf  bytes.Buffer
	max  int64
	over bool
}

func (c *capped) Write(p []byte) (int, error) {
	if room := c.max - int64(c.buf.Len()); int64(len(p)) > room {
		if room > 0 {
			c.buf.Write(p[:room])
		}
		c.over = true
		return len(p), nil
	}
	return c.buf.Write(p)
}

// SplitPages splits pdftotext's output at its form feeds into numbered
// pages. A trailing form feed ends the last page and makes no empty one;
// blank pages in the middle keep their numbers.
func SplitPages(text string) []Page {
	text = strings.TrimSuffix(text, "\f")
	if text == "" {
		return nil
	}
	parts := strings.Split(text, "\f")
	pages := make([]Page, len(parts))
	for i, p := range parts {
		pages[i] = Page{Number: i + 1, Text: p}
	}
	return pages
}
