package standards

import (
	"strings"
	"unicode/utf8"
)

// Format is the markup of a source document.
type Format uint8

// The source formats.
const (
	FormatAuto     Format = iota // decide from the file name and content
	FormatText                   // plain text: blank lines separate paragraphs
	FormatMarkdown               // CommonMark-style Markdown
	FormatHTML                   // HTML: main content only
)

var formatNames = [...]string{"auto", "text", "markdown", "html"}

// String returns the format's name: auto, text, markdown or html.
func (f Format) String() string {
	if int(f) < len(formatNames) {
		return formatNames[f]
	}
	return "unknown"
}

// MarshalText encodes the format as its name, so that JSON shows "html"
// rather than 3.
func (f Format) MarshalText() ([]byte, error) {
	if int(f) >= len(formatNames) {
		return nil, &Error{Msg: "invalid format " + itoa(int(f))}
	}
	return []byte(formatNames[f]), nil
}

// UnmarshalText decodes a format name, as [ParseFormat] reads it.
func (f *Format) UnmarshalText(b []byte) error {
	v, err := ParseFormat(string(b))
	if err != nil {
		return err
	}
	*f = v
	return nil
}

// BlockKind is the kind of a unit of content. Headings and list items are
// units of their own: a sentence never runs across two blocks.
type BlockKind uint8

// The block kinds.
const (
	BlockParagraph BlockKind = iota
	BlockHeading
	BlockListItem
	BlockQuote
	BlockTableCell
)

var blockNames = [...]string{"paragraph", "heading", "list-item", "quote", "table-cell"}

// String returns the block kind's name.
func (k BlockKind) String() string {
	if int(k) < len(blockNames) {
		return blockNames[k]
	}
	return "unknown"
}

// MarshalText encodes the block kind as its name, such as "list-item".
func (k BlockKind) MarshalText() ([]byte, error) {
	if int(k) >= len(blockNames) {
		return nil, &Error{Msg: "invalid block kind " + itoa(int(k))}
	}
	return []byte(blockNames[k]), nil
}

// UnmarshalText decodes a block kind's name.
func (k *BlockKind) UnmarshalText(b []byte) error {
	for i, n := range blockNames {
		if n == string(b) {
			*k = BlockKind(i)
			return nil
		}
	}
	return &Error{Msg: "unknown block kind " + quoteInput(string(b)) + " (want paragraph, heading, list-item, quote or table-cell)"}
}

// Document is extracted content: its blocks of prose, each with a map back
// to byte offsets of the source.
type Document struct {
	Source []byte  `json:"-"`
	Format Format  `json:"format" jsonschema:"type=string,enum=auto,enum=text,enum=markdown,enum=html"`
	Blocks []Block `json:"blocks"`
	lines  []int   // byte offset of the start of each source line, built lazily
	// The last position found, so that positions asked for in order along
	// one long line cost no more than one walk of it.
	lastOff, lastLine, lastCol int
	// markup, set by the HTML and Markdown readers, finds the
	// accessibility rule's problems in the markup.
	markup func(d *Document) []markupIssue
}

// Block is one unit of prose: a paragraph, heading, list item, quotation or
// table cell, with markup removed and character references decoded.
type Block struct {
	Kind  BlockKind `json:"kind" jsonschema:"type=string,enum=paragraph,enum=heading,enum=list-item,enum=quote,enum=table-cell"`
	Level int       `json:"level,omitempty" jsonschema:"description=heading level 1 to 6"`
	// Text is the block's text. Line breaks inside a block are kept as
	// newlines and read as spaces.
	Text string `json:"text"`
	// Links are the hyperlinks in Text.
	Links []Link `json:"links,omitempty"`
	// Map maps offsets in Text back to the source, sorted by Text. A text
	// offset t maps to a.Src + (t - a.Text) for the last anchor a with
	// a.Text <= t. The first anchor has Text 0.
	Map []Anchor `json:"-"`
}

// Anchor ties a byte offset in a block's text to a byte offset in the
// source document.
type Anchor struct {
	Text int `json:"text"`
	Src  int `json:"src"`
}

// Link is a hyperlink: a byte range of its block's text and its target.
type Link struct {
	Start int    `json:"start" jsonschema:"description=byte offset in the block text where the link text starts"`
	End   int    `json:"end" jsonschema:"description=byte offset in the block text where the link text ends"`
	Href  string `json:"href"`
}

// SourceOffset maps a byte offset in the block's text to a byte offset in
// the source document.
func (b *Block) SourceOffset(t int) int {
	if len(b.Map) == 0 {
		return t
	}
	lo, hi := 0, len(b.Map)
	for hi-lo > 1 { // last anchor with Text <= t
		mid := int(uint(lo+hi) >> 1)
		if b.Map[mid].Text <= t {
			lo = mid
		} else {
			hi = mid
		}
	}
	a := b.Map[lo]
	return a.Src + (t - a.Text)
}

// Position returns the 1-based line and column of a byte offset in the
// source. Columns count characters (runes), as editors show them. Lines
// end at "\n" (and so at "\r\n"); in a source with no "\n" they end at
// each "\r", as old Mac files do.
func (d *Document) Position(off int) (line, col int) {
	if d.lines == nil {
		src := byteString(d.Source)
		d.lines = make([]int, 1, strings.Count(src, "\n")+1)
		for i := 0; ; {
			k := strings.IndexByte(src[i:], '\n')
			if k < 0 {
				break
			}
			i += k + 1
			d.lines = append(d.lines, i)
		}
		if len(d.lines) == 1 && strings.IndexByte(src, '\r') >= 0 {
			// no "\n" at all but carriage returns: a file with old Mac
			// line endings, whose lines end at each "\r"
			for i := 0; ; {
				k := strings.IndexByte(src[i:], '\r')
				if k < 0 {
					break
				}
				i += k + 1
				d.lines = append(d.lines, i)
			}
		}
	}
	if off < 0 {
		off = 0
	}
	if off > len(d.Source) {
		off = len(d.Source)
	}
	lo, hi := 0, len(d.lines)
	for hi-lo > 1 {
		mid := int(uint(lo+hi) >> 1)
		if d.lines[mid] <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	col = 1
	i := d.lines[lo]
	if d.lastLine == lo+1 && d.lastOff >= i && d.lastOff <= off {
		i, col = d.lastOff, d.lastCol
	}
	for i < off {
		if d.Source[i] < utf8.RuneSelf {
			i++
		} else {
			_, size := utf8.DecodeRune(d.Source[i:])
			i += size
		}
		col++
	}
	d.lastOff, d.lastLine, d.lastCol = off, lo+1, col
	return lo + 1, col
}
