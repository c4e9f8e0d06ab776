package standards

import (
	"bytes"
	"errors"
	"strings"
	"sync/atomic"
)

// ErrBinary is the error that [Extract] wraps when its input is not text.
var ErrBinary = errors.New("input looks binary")

// BinaryError reports input that is not text: it holds a NUL byte, or more
// than a tenth of its first 8 KiB are control characters other than tab,
// newline, vertical tab, form feed, carriage return and escape.
type BinaryError struct {
	Offset int    `json:"offset" jsonschema:"description=byte offset of the first NUL byte or control character"`
	Reason string `json:"reason"`
}

// Error reports the reason and the offset.
func (e *BinaryError) Error() string {
	return "standards: input looks binary: " + e.Reason + " at byte " + itoa(e.Offset)
}

// Unwrap returns [ErrBinary].
func (e *BinaryError) Unwrap() error { return ErrBinary }

// binarySample is how much of the input the control-character test reads.
const binarySample = 8 << 10

// checkBinary applies the rule documented on [BinaryError].
func checkBinary(src []byte) error {
	if i := strings.IndexByte(byteString(src), 0); i >= 0 {
		return &BinaryError{Offset: i, Reason: "NUL byte"}
	}
	n := min(len(src), binarySample)
	ctl, first := 0, -1
	for i, c := range src[:n] {
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r' && c != 0x1b) || c == 0x7f {
			ctl++
			if first < 0 {
				first = i
			}
		}
	}
	if ctl*10 > n {
		return &BinaryError{Offset: first, Reason: "control characters (" + itoa(ctl) + " of " + itoa(n) + " bytes)"}
	}
	return nil
}

// ParseFormat reads a format name: auto, text (or txt, plain), markdown (or
// md) or html (or htm). Case does not matter.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "auto":
		return FormatAuto, nil
	case "text", "txt", "plain":
		return FormatText, nil
	case "markdown", "md":
		return FormatMarkdown, nil
	case "html", "htm":
		return FormatHTML, nil
	}
	return FormatAuto, &Error{Msg: "unknown format " + quoteInput(s) + " (want auto, text, markdown or html)"}
}

// FormatFromName returns the format its extension gives a file name
// (case does not matter): HTML for .html, .htm, .xhtml and .shtml;
// Markdown for .md, .markdown, .mdown and .mkd; text for .txt and .text;
// FormatAuto for any other name. A directory walk checks the files for
// which it is not FormatAuto.
func FormatFromName(name string) Format {
	dot := strings.LastIndexByte(name, '.')
	if dot < 0 || strings.ContainsAny(name[dot:], `/\`) {
		return FormatAuto
	}
	switch strings.ToLower(name[dot+1:]) {
	case "html", "htm", "xhtml", "shtml":
		return FormatHTML
	case "md", "markdown", "mdown", "mkd":
		return FormatMarkdown
	case "txt", "text":
		return FormatText
	}
	return FormatAuto
}

// DetectFormat decides the format of a document from its file name's
// extension ([FormatFromName]), and otherwise from its first 4 KiB:
//   - HTML if it opens, after white space, with a doctype, an <html>, <head>
//     or <body> tag or a comment;
//   - else Markdown if it has front matter, an ATX heading line ("# Title"),
//     a fence line (```) or a setext underline (===);
//   - else HTML if it has two or more common HTML tags such as <p>, </div>
//     or <a href=;
//   - else Markdown if it has an inline link "](";
//   - plain text otherwise.
func DetectFormat(name string, src []byte) Format {
	if f := FormatFromName(name); f != FormatAuto {
		return f
	}
	head := src[:min(len(src), 4096)]
	head = bytes.TrimPrefix(head, utf8BOM)
	trim := bytes.TrimLeft(head, " \t\r\n\f")
	if len(trim) > 0 && trim[0] == '<' {
		lw := bytes.ToLower(trim[:min(len(trim), 16)])
		for _, p := range [...]string{"<!doctype html", "<html", "<head", "<body", "<!--", "<?xml"} {
			if bytes.HasPrefix(lw, []byte(p)) {
				return FormatHTML
			}
		}
	}
	if bytes.HasPrefix(trim, []byte("---\n")) || bytes.HasPrefix(trim, []byte("---\r\n")) || bytes.HasPrefix(trim, []byte("+++\n")) {
		return FormatMarkdown
	}
	for line := range bytes.Lines(head) {
		l := bytes.TrimLeft(line, " ")
		if len(line)-len(l) > 3 {
			continue
		}
		l = bytes.TrimRight(l, " \t\r\n")
		switch {
		case len(l) > 1 && l[0] == '#':
			n := 0
			for n < len(l) && l[n] == '#' {
				n++
			}
			if n <= 6 && n < len(l) && (l[n] == ' ' || l[n] == '\t') {
				return FormatMarkdown
			}
		case bytes.HasPrefix(l, []byte("```")) || bytes.HasPrefix(l, []byte("~~~")):
			return FormatMarkdown
		case len(l) >= 3 && len(bytes.Trim(l, "=")) == 0:
			return FormatMarkdown
		}
	}
	tags := 0
	lower := bytes.ToLower(head)
	for _, t := range [...]string{"<p>", "</p>", "<div", "</div>", "<a href=", "</a>", "<br>", "<br/>", "<br />", "<h1", "<h2", "<ul>", "<li>", "<span", "<table", "<main", "<article", "<section"} {
		if bytes.Contains(lower, []byte(t)) {
			tags++
			if tags >= 2 {
				return FormatHTML
			}
		}
	}
	if bytes.Contains(head, []byte("](")) {
		return FormatMarkdown
	}
	return FormatText
}

var utf8BOM = []byte{0xef, 0xbb, 0xbf}

// Extract turns a source document into blocks of prose. With [FormatAuto]
// it calls [DetectFormat] on the content. Empty input gives an empty
// document; input that is not text gives a [*BinaryError].
//
// Every block's [Block.Map] is exact: a byte of Text copied from the source
// maps to its own source offset. A byte that Extract made maps into the
// markup it stands for: a decoded character reference maps to the bytes of
// the reference (its first byte to the '&', its last to the last byte of the
// reference), a space that stands for a run of white space to the run's
// first byte, and a line break from <br> or a Markdown hard break to the
// first byte of that markup.
//
// The three readers:
//   - Plain text ([FormatText]): structure comes before sentences, so that
//     lines a page lays out as a list or table are never joined into one
//     long "sentence". Blank lines separate paragraphs; lines end at "\n",
//     "\r\n" or a lone "\r". A line starting with "- ", "* ", "+ ", "• ",
//     "· ", "▪ ", "– ", "1. ", "1) ", "a) ", "a. " or "(a) " is a list item
//     (the marker is dropped); an unindented line after a list item that is
//     short or ends in punctuation starts a paragraph. A label and its
//     value ("Date: Tuesday 14 January 2025") is a list item of its own, as
//     HTML's dt and dd are. A line with a tab inside it or " | " is a table
//     row, each cell a table-cell block. A heading is an underlined line
//     (=== gives level 1, --- level 2), an all-capitals line (level 2), a
//     one-line paragraph of at most 80 bytes that does not end in
//     punctuation, or a line of at most 60 bytes and ten words, starting
//     with a capital, without end punctuation, that starts a block and is
//     not carried on by the next line (level 3). A one-line numbered item
//     that would be a heading by those rules is one, number included ("2.
//     Declarations of interest"), as minutes number their items; so is a
//     numbered line outside a list, up to 160 bytes, that does not end as
//     a sentence does and stands over prose (after at most one blank
//     line). A label ending in a number ("Option 2:") heads a value of any
//     length.
//   - Markdown ([FormatMarkdown]): see [extractMarkdown] in markdown.go for
//     the subset read; code is skipped, image alt text is dropped (an image
//     is not prose the reader sees), and links give [Link]s.
//   - HTML ([FormatHTML]): the text of <main> (or role="main") if it has
//     any, else of every <article>, else of the block with the densest
//     prose, scored as Mozilla's Readability scores candidates; never the
//     header, navigation, footer, asides, cookie or consent banners,
//     breadcrumbs or skip links, inside the main block or outside it. See
//     html.go for what is left out.
func Extract(src []byte, f Format) (*Document, error) {
	return extractFormat(src, f, nil)
}

// extractFormat is Extract that, when stop is not nil, polls it after
// each MiB of source and gives up with its error.
func extractFormat(src []byte, f Format, stop Canceler) (*Document, error) {
	if f == FormatAuto {
		f = DetectFormat("", src)
	}
	switch f {
	case FormatText:
		return extractStop(src, f, extractText, stop)
	case FormatMarkdown:
		d, err := extractStop(src, f, extractMarkdown, stop)
		return withMarkup(d, err, markdownMarkup)
	case FormatHTML:
		d, err := extractStop(src, f, func(b *builder, start int) { extractHTML(b, start, len(b.src), true) }, stop)
		return withMarkup(d, err, htmlMarkup)
	}
	return nil, &Error{Msg: "invalid format " + itoa(int(f))}
}

// withMarkup attaches a markup reader for the accessibility rule to a
// document just read.
func withMarkup(d *Document, err error, m func(*Document) []markupIssue) (*Document, error) {
	if d != nil {
		d.markup = m
	}
	return d, err
}

// ExtractText reads plain text as Extract(src, FormatText) does. A program
// that reads only plain text, such as the browser widget, calls it rather
// than Extract so that the Markdown and HTML readers are not linked in.
func ExtractText(src []byte) (*Document, error) {
	return extract(src, FormatText, extractText)
}

// extract checks that src is text and reads it with read.
func extract(src []byte, f Format, read func(b *builder, start int)) (*Document, error) {
	return extractStop(src, f, read, nil)
}

// extractStop is extract that, when stop is not nil, polls it after each
// MiB of source and gives up with its error.
func extractStop(src []byte, f Format, read func(b *builder, start int), stop Canceler) (*Document, error) {
	if err := checkBinary(src); err != nil {
		return nil, err
	}
	start := 0
	if strings.HasPrefix(byteString(src), string(utf8BOM)) {
		start = len(utf8BOM)
	}
	if f == FormatText && parallelBuild && len(src)-start >= parallelText && parallel() {
		if cuts := textCuts(src, start, textParts); len(cuts) > 2 {
			return extractTextParts(src, cuts, stop)
		}
	}
	// most of a text or Markdown file is prose; an HTML page is mostly markup
	size := len(src)
	if f == FormatHTML {
		size /= 3
	}
	var lines []byte
	if f != FormatHTML {
		lines = src
	}
	b := newBuilder(src, size, lines, stop)
	read(b, start)
	if b.err != nil {
		return nil, b.err
	}
	if parallelBuild && b.more != nil && b.more.err != nil {
		return nil, b.more.err
	}
	return &Document{Source: src, Format: f, Blocks: b.finish(nil)}, nil
}

// newBuilder returns a builder for src sized for size bytes of text and,
// when lines is not nil, for a block a line of lines at most.
func newBuilder(src []byte, size int, lines []byte, stop Canceler) *builder {
	b := &builder{src: src, next: -1, buf: make([]byte, 0, size+16), anchors: make([]Anchor, 0, size/32+4), stop: stop, poll: 1 << 20}
	if lines != nil {
		// text gives at most a block a line, Markdown seldom more (a
		// table row gives one a cell): room the blocks do not fill is
		// never touched, where growing would copy them several times
		b.blocks = make([]rawBlock, 0, strings.Count(byteString(lines), "\n")+1)
	}
	return b
}

// blankLineAfter returns the start of the line after the first blank line
// ("\n\n" or "\r\n\r\n") that begins at or after offset from, or -1.
func blankLineAfter(src []byte, from int) int {
	// one walk from line break to line break: searching for "\n\n" and
	// "\n\r\n" each went to the end of a file without the other
	for i := from; i < len(src); i++ {
		k := bytes.IndexByte(src[i:], '\n')
		if k < 0 {
			return -1
		}
		i += k
		switch {
		case i+1 < len(src) && src[i+1] == '\n':
			return i + 2
		case i+2 < len(src) && src[i+1] == '\r' && src[i+2] == '\n':
			return i + 3
		}
	}
	return -1
}

// textParts is how many parts extractTextParts reads a large plain text
// in: a few for each of the two goroutines, so that one slowed down (by
// the rule set being built alongside, or by a part of dense lists and
// tables) leaves the other more of them rather than idling at the end.
const textParts = 8

// textCuts returns start, then up to n-1 offsets in src, each just after
// the first blank line past an even share of the text, then len(src): the
// bounds of the parts extractTextParts reads.
func textCuts(src []byte, start, n int) []int {
	cuts := []int{start}
	for k := 1; k < n; k++ {
		at := start + (len(src)-start)*k/n
		if at <= cuts[len(cuts)-1] {
			continue
		}
		cut := blankLineAfter(src, at)
		if cut < 0 || cut >= len(src) {
			break
		}
		if cut > cuts[len(cuts)-1] {
			cuts = append(cuts, cut)
		}
	}
	return append(cuts, len(src))
}

// extractTextParts reads plain text in the parts between cuts (see
// textCuts), two goroutines taking the next part as each comes free: each
// cut is after a blank line, and the reader keeps nothing across a blank
// line but the text, so the parts' blocks, joined, are the blocks one pass
// reads. Each part looks ahead past its end as one pass does.
func extractTextParts(src []byte, cuts []int, stop Canceler) (*Document, error) {
	if stop != nil {
		stop = &lockedCanceler{c: stop}
	}
	parts := make([]*builder, len(cuts)-1)
	var next atomic.Int32
	work := func() {
		for {
			k := int(next.Add(1)) - 1
			if k >= len(parts) {
				return
			}
			if stop != nil {
				// a poll before each part, and each MiB within one
				if err := stop.Err(); err != nil {
					parts[k] = &builder{err: err}
					next.Store(int32(len(parts)))
					return
				}
			}
			from, to := cuts[k], cuts[k+1]
			b := newBuilder(src, to-from, src[from:to], stop)
			b.limit = to
			b.poll = from + 1<<20
			extractText(b, from)
			parts[k] = b
			if b.err != nil {
				next.Store(int32(len(parts))) // the others stop taking parts
				return
			}
		}
	}
	done := make(chan struct{})
	go func() {
		work()
		close(done)
	}()
	work()
	<-done
	n := 0
	for _, b := range parts {
		if b == nil {
			continue
		}
		if b.err != nil {
			return nil, b.err
		}
		n += len(b.blocks)
	}
	if n == 0 {
		return &Document{Source: src, Format: FormatText}, nil
	}
	blocks := make([]Block, n)
	n = 0
	for _, b := range parts {
		b.finish(blocks[n : n+len(b.blocks)])
		n += len(b.blocks)
	}
	return &Document{Source: src, Format: FormatText, Blocks: blocks}, nil
}

// cancelled reports whether reading should stop at source offset off:
// once per MiB it polls the builder's Canceler and keeps its error.
func (b *builder) cancelled(off int) bool {
	if b.err != nil {
		return true
	}
	if b.stop == nil || off < b.poll {
		return false
	}
	b.poll = off + 1<<20
	b.err = b.stop.Err()
	return b.err != nil
}

// builder collects the blocks of a document: all text in one buffer, all
// anchors and links in one slice each, so that extraction allocates per
// document, not per block or per byte.
type builder struct {
	src     []byte
	buf     []byte
	anchors []Anchor
	links   []Link
	blocks  []rawBlock
	start   int // buf offset where the current block starts
	amark   int // anchors index where the current block starts
	lmark   int // links index where the current block starts
	next    int // source offset the next byte maps to without an anchor; -1 forces one
	stop    Canceler
	limit   int   // when not 0, the offset where a text reader stops
	poll    int   // source offset of the next poll of stop
	err     error // stop's error, which ends reading
	// more, when not nil, holds the blocks that follow this builder's,
	// read at the same time (see mdReader.inlineHalves): finish joins
	// them, and its error is the reading's
	more *builder
}

// rawBlock is a finished block whose text, anchors and links are ranges of
// the builder's buffers.
type rawBlock struct {
	_              [0]func() // not comparable: no generated equality function in the binary
	kind           BlockKind
	level          int
	t0, t1, a0, a1 int
	l0, l1         int
	tag            uint8 // reader-specific: HTML marks the container here
}

// n returns the length of the current block's text.
func (b *builder) n() int { return len(b.buf) - b.start }

// last returns the last byte of the current block, or 0 if it is empty.
func (b *builder) last() byte {
	if len(b.buf) == b.start {
		return 0
	}
	return b.buf[len(b.buf)-1]
}

// copy appends src[off:end] to the current block.
func (b *builder) copy(off, end int) {
	if end <= off {
		return
	}
	if b.next != off {
		b.anchors = append(b.anchors, Anchor{Text: b.n(), Src: off})
	}
	b.buf = append(b.buf, b.src[off:end]...)
	b.next = end
}

// add appends byte c, mapped to source offset off.
func (b *builder) add(c byte, off int) {
	if b.next != off {
		b.anchors = append(b.anchors, Anchor{Text: b.n(), Src: off})
	}
	b.buf = append(b.buf, c)
	b.next = off + 1
}

// addDecoded appends the decoding s of the markup src[s0:e0]: its first
// byte maps to s0; when it has more than one byte, its last maps to e0-1
// and the bytes between to s0+k but never past e0-1, so that a span of
// text ending in it covers all of the markup.
func (b *builder) addDecoded(s []byte, s0, e0 int) {
	for k, c := range s {
		off := min(s0+k, e0-1)
		if k > 0 && k == len(s)-1 {
			off = e0 - 1
		}
		b.add(c, off)
	}
}

// addLink records a link over [start, end) of the current block's text.
func (b *builder) addLink(start, end int, href string) {
	if end > start {
		b.links = append(b.links, Link{Start: start, End: end, Href: href})
	}
}

// trimRight drops trailing spaces, tabs and newlines of the current block.
func (b *builder) trimRight() {
	n := len(b.buf)
	for n > b.start {
		c := b.buf[n-1]
		if c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '\f' {
			break
		}
		n--
	}
	b.buf = b.buf[:n]
}

// end closes the current block with the given kind and level; an empty
// block is dropped.
func (b *builder) end(kind BlockKind, level int, tag uint8) {
	b.trimRight()
	n := b.n()
	// drop anchors and links that lie past the trimmed text
	a := len(b.anchors)
	for a > b.amark && b.anchors[a-1].Text >= n {
		a--
	}
	b.anchors = b.anchors[:a]
	l := b.lmark
	for _, k := range b.links[b.lmark:] {
		k.End = min(k.End, n)
		if k.End > k.Start {
			b.links[l] = k
			l++
		}
	}
	b.links = b.links[:l]
	if n > 0 {
		b.blocks = append(b.blocks, rawBlock{kind: kind, level: level, t0: b.start, t1: len(b.buf), a0: b.amark, a1: a, l0: b.lmark, l1: l, tag: tag})
	} else {
		b.anchors = b.anchors[:b.amark]
		b.links = b.links[:b.lmark]
	}
	b.start, b.amark, b.lmark = len(b.buf), len(b.anchors), len(b.links)
	b.next = -1
}

// trimSpaces drops trailing spaces and tabs of the current block, and the
// anchors past them.
func (b *builder) trimSpaces() {
	n := len(b.buf)
	for n > b.start && (b.buf[n-1] == ' ' || b.buf[n-1] == '\t') {
		n--
	}
	if n == len(b.buf) {
		return
	}
	b.buf = b.buf[:n]
	a := len(b.anchors)
	for a > b.amark && b.anchors[a-1].Text >= n-b.start {
		a--
	}
	b.anchors = b.anchors[:a]
	b.next = -1
}

// reset drops the current block's text, anchors and links.
func (b *builder) reset() {
	b.buf = b.buf[:b.start]
	b.anchors = b.anchors[:b.amark]
	b.links = b.links[:b.lmark]
	b.next = -1
}

// finish turns the collected blocks into [Block]s sharing one string,
// written to out when it is not nil (and as long as the blocks).
func (b *builder) finish(out []Block) []Block {
	if parallelBuild && b.more != nil {
		n, m := len(b.blocks), len(b.more.blocks)
		if n+m == 0 {
			return nil
		}
		if out == nil {
			out = make([]Block, n+m)
		}
		more := b.more
		b.more = nil
		b.finish(out[:n])
		more.finish(out[n : n+m])
		return out
	}
	if len(b.blocks) == 0 {
		return nil
	}
	// the blocks' text is the buffer itself, which nothing writes again
	text := byteString(b.buf)
	if out == nil {
		out = make([]Block, len(b.blocks))
	}
	for i, r := range b.blocks {
		out[i] = Block{Kind: r.kind, Level: r.level, Text: text[r.t0:r.t1], Map: b.anchors[r.a0:r.a1:r.a1]}
		if r.l1 > r.l0 {
			out[i].Links = b.links[r.l0:r.l1:r.l1]
		}
	}
	return out
}
