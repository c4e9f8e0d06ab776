package standards

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// Markdown reading: the CommonMark subset that council content uses, plus
// GitHub tables.
//
// Blocks: ATX and setext headings; paragraphs; block quotes (BlockQuote);
// bullet and ordered list items, nested, with continuation and lazy lines
// (BlockListItem; a list item's second paragraph is a second block of the
// same kind); tables whose header and delimiter rows hold a '|' (each cell
// a BlockTableCell, header cells included); HTML blocks, read by the HTML
// reader as a fragment. Skipped: fenced and indented code, thematic breaks,
// front matter (--- or +++ fenced, at the start), link reference
// definitions. Containers nest at most [maxMarkdownDepth] deep; deeper
// markers are read as text.
//
// Inlines: emphasis and strikethrough markers are removed when they pair up
// (by the flanking rules; runs that find no partner stay as written);
// inline code is kept as text without its backticks; links [text](url),
// [text][ref], [text][], [ref] and <scheme:...> and <email> autolinks give
// their text and a [Link]; images are dropped, alt text included (alt text
// describes a picture, it is not prose the reader meets); raw inline HTML
// tags are removed (<br> gives a newline); backslash escapes and character
// references are decoded; a hard break (two spaces or a backslash before
// the newline) and a soft break both give a newline, and spaces at the ends
// of lines are dropped.

// maxMarkdownDepth bounds the nesting of block quotes and list items.
const maxMarkdownDepth = 128

// mdSeg is one line's content in a leaf block: src[s:e], followed by the
// newline at nl (or nl < 0 on the last line of the input).
type mdSeg struct{ s, e, nl int }

type mdLeafKind uint8

const (
	leafNone mdLeafKind = iota
	leafPara
	leafFence
	leafIndented
	leafHTML
	leafTable
)

// mdLeaf is a finished leaf block awaiting inline reading.
type mdLeaf struct {
	kind   BlockKind
	level  int
	g0, g1 int  // its segments
	html   bool // an HTML block
	nested bool // inside a container
}

// mdContainer is an open block quote or list item.
type mdContainer struct {
	quote  bool
	indent int // list item: the column its content starts at
}

// mdReader reads Markdown.
type mdReader struct {
	b      *builder
	src    []byte
	segs   []mdSeg
	leaves []mdLeaf
	defs   map[string]string // link reference definitions by normalised label

	stack []mdContainer
	leaf  mdLeafKind
	lg0   int // first segment of the open leaf
	fence struct {
		c      byte
		n      int
		indent int
	}
	htmlEnd   string // end marker of an open HTML block; "" ends at a blank line
	tableCols int

	// inline scratch, reused across leaves
	raw       []byte
	rawSrc    []int32
	drop      []bool
	match     []int32
	codes     []mdCode
	noComment int // raw offset from which no comment closes, or -1
	brackets  []int32
	runs      []mdRun
	stacks    [3][]int
	open      []mdLink
	ent       [utf8.UTFMax]byte
}

// mdCode is a code span in raw: the opening run at s, content [c0, c1),
// closing run ending at e.
type mdCode struct{ s, c0, c1, e int }

// extractMarkdown reads Markdown from src[start:].
func extractMarkdown(b *builder, start int) {
	r := &mdReader{b: b, src: b.src}
	start = r.frontMatter(start)
	for ls := start; ls < len(r.src); {
		if b.cancelled(ls) {
			return
		}
		le := ls
		if k := bytes.IndexByte(r.src[ls:], '\n'); k >= 0 {
			le = ls + k
		} else {
			le = len(r.src)
		}
		nl := le
		if nl == len(r.src) {
			nl = -1
		}
		e := le
		if e > ls && r.src[e-1] == '\r' {
			e--
		}
		r.line(ls, e, nl)
		ls = le + 1
	}
	r.closeLeaf()
	if parallelBuild && len(r.src)-start >= parallelText && len(r.leaves) > 1 && b.err == nil && parallel() {
		r.inlineHalves()
		return
	}
	for _, l := range r.leaves {
		r.inline(l)
	}
}

// inlineHalves reads the inline markup of the leaves in two halves at
// once, the second into a builder of its own that follows b's (see
// builder.more): the block structure and the link reference definitions
// are all known by now, and each leaf's text depends on them and on its
// own lines alone.
func (r *mdReader) inlineHalves() {
	size := func(l mdLeaf) int {
		if l.g1 <= l.g0 {
			return 0
		}
		return r.segs[l.g1-1].e - r.segs[l.g0].s
	}
	total := 0
	for _, l := range r.leaves {
		total += size(l)
	}
	mid, half := 0, 0
	for mid < len(r.leaves)-1 && half < total/2 {
		half += size(r.leaves[mid])
		mid++
	}
	b := r.b
	if b.stop != nil {
		b.stop = &lockedCanceler{c: b.stop}
	}
	second := newBuilder(r.src, total-half+16, nil, b.stop)
	second.poll = b.poll
	r2 := &mdReader{b: second, src: r.src, segs: r.segs, defs: r.defs}
	done := make(chan struct{})
	go func() {
		for _, l := range r.leaves[mid:] {
			r2.inline(l)
		}
		close(done)
	}()
	for _, l := range r.leaves[:mid] {
		r.inline(l)
	}
	<-done
	b.more = second
}

// frontMatter skips YAML (---) or TOML (+++) front matter at src[start:].
func (r *mdReader) frontMatter(start int) int {
	src := r.src
	var fence []byte
	switch {
	case bytes.HasPrefix(src[start:], []byte("---")):
		fence = []byte("---")
	case bytes.HasPrefix(src[start:], []byte("+++")):
		fence = []byte("+++")
	default:
		return start
	}
	first := true
	for ls := start; ls < len(src); {
		le := len(src)
		if k := bytes.IndexByte(src[ls:], '\n'); k >= 0 {
			le = ls + k
		}
		l := bytes.TrimRight(src[ls:le], " \t\r")
		if first {
			if !bytes.Equal(l, fence) {
				return start
			}
			first = false
		} else if bytes.Equal(l, fence) || (fence[0] == '-' && bytes.Equal(l, []byte("..."))) {
			return min(le+1, len(src))
		}
		ls = le + 1
	}
	return start // never closed: not front matter
}

// cursor is a position in a line with its column (tabs stop every 4).
type cursor struct{ pos, col, end int }

// indent returns the columns of white space at the cursor.
func (c cursor) indent(src []byte) (cols int, pos int) {
	col, p := c.col, c.pos
	for p < c.end {
		switch src[p] {
		case ' ':
			col++
		case '\t':
			col += 4 - col%4
		default:
			return col - c.col, p
		}
		p++
	}
	return col - c.col, p
}

// skip moves the cursor over up to n columns of white space.
func (c *cursor) skip(src []byte, n int) {
	target := c.col + n
	for c.pos < c.end && c.col < target {
		switch src[c.pos] {
		case ' ':
			c.col++
		case '\t':
			c.col += 4 - c.col%4
		default:
			return
		}
		c.pos++
	}
}

// line reads the line src[ls:e] whose newline is at nl.
func (r *mdReader) line(ls, e, nl int) {
	src := r.src
	c := cursor{ls, 0, e}
	blankLine := isBlank(src[ls:e])
	matched := 0
	for matched < len(r.stack) {
		k := &r.stack[matched]
		if k.quote {
			ind, p := c.indent(src)
			if ind > 3 || p >= e || src[p] != '>' {
				break
			}
			c.col += ind
			c.pos = p + 1
			c.col++
			if c.pos < e && (src[c.pos] == ' ' || src[c.pos] == '\t') {
				c.skip(src, 1)
			}
		} else {
			if blankLine {
				matched++
				continue
			}
			ind, _ := c.indent(src)
			if ind < k.indent-c.col {
				break
			}
			c.skip(src, k.indent-c.col)
		}
		matched++
	}
	// inside an open fence or HTML block, a line of the same containers
	// continues it
	if matched == len(r.stack) {
		switch r.leaf {
		case leafFence:
			ind, p := c.indent(src)
			if ind <= 3 && p < e && src[p] == r.fence.c {
				n := 0
				for p+n < e && src[p+n] == r.fence.c {
					n++
				}
				if n >= r.fence.n && isBlank(src[p+n:e]) {
					r.leaf = leafNone
				}
			}
			return
		case leafHTML:
			if r.htmlEnd == "" && isBlank(src[c.pos:e]) {
				r.closeLeaf()
				return
			}
			r.segs = append(r.segs, mdSeg{c.pos, e, nl})
			if r.htmlEnd != "" && bytes.Contains(src[c.pos:e], []byte(r.htmlEnd)) {
				r.closeLeaf()
			}
			return
		}
	}
	// lazy continuation of a paragraph
	if matched < len(r.stack) && r.leaf == leafPara && !blankLine && !r.startsBlock(c, false) {
		_, p := c.indent(src)
		r.segs = append(r.segs, mdSeg{p, e, nl})
		return
	}
	if matched < len(r.stack) {
		r.closeLeaf()
		r.stack = r.stack[:matched]
	}
	// new containers
	for len(r.stack) < maxMarkdownDepth {
		ind, p := c.indent(src)
		if ind > 3 || p >= e {
			break
		}
		if src[p] == '>' {
			r.closeLeaf()
			c.col += ind + 1
			c.pos = p + 1
			if c.pos < e && (src[c.pos] == ' ' || src[c.pos] == '\t') {
				c.skip(src, 1)
			}
			r.stack = append(r.stack, mdContainer{quote: true})
			continue
		}
		m, ok := r.listMarker(c, r.leaf == leafPara)
		if !ok {
			break
		}
		r.closeLeaf()
		r.stack = append(r.stack, mdContainer{indent: m.col})
		c = m
	}
	r.leafLine(c, nl)
}

// startsBlock reports whether the line at c opens a block other than a
// paragraph (used to refuse lazy continuation and to end tables).
func (r *mdReader) startsBlock(c cursor, inPara bool) bool {
	src := r.src
	ind, p := c.indent(src)
	if ind > 3 || p >= c.end {
		return false
	}
	switch src[p] {
	case '>':
		return true
	case '#':
		_, _, ok := atxHeading(src, p, c.end)
		return ok
	case '`', '~':
		_, ok := fenceOpen(src, p, c.end)
		return ok
	case '<':
		_, ok := htmlBlockStart(src, p, c.end, inPara)
		return ok
	}
	if isThematicBreak(src[p:c.end]) {
		return true
	}
	_, ok := r.listMarker(c, inPara)
	return ok
}

// listMarker reads a list marker at c and returns the cursor at the item's
// content, whose col is the item's content column.
func (r *mdReader) listMarker(c cursor, inPara bool) (cursor, bool) {
	src := r.src
	ind, p := c.indent(src)
	if ind > 3 || p >= c.end {
		return c, false
	}
	q := p
	switch src[q] {
	case '-', '+', '*':
		if isThematicBreak(src[p:c.end]) {
			return c, false
		}
		q++
	default:
		for q < c.end && q-p < 9 && src[q] >= '0' && src[q] <= '9' {
			q++
		}
		if q == p || q >= c.end || (src[q] != '.' && src[q] != ')') {
			return c, false
		}
		if inPara && (q-p != 1 || src[p] != '1') {
			return c, false // only a list starting at 1 interrupts a paragraph
		}
		q++
	}
	m := cursor{q, c.col + ind + (q - p), c.end}
	if q < c.end && src[q] != ' ' && src[q] != '\t' {
		return c, false
	}
	if isBlank(src[q:c.end]) {
		if inPara {
			return c, false // an empty item does not interrupt a paragraph
		}
		m.pos = c.end
		m.col++
		return m, true
	}
	sp, sp2 := m.indent(src)
	if sp > 4 {
		m.skip(src, 1) // content is indented code: the item's indent is one space
		return m, true
	}
	m.col += sp
	m.pos = sp2
	return m, true
}

// leafLine reads the rest of a line, after its containers, at c.
func (r *mdReader) leafLine(c cursor, nl int) {
	src, e := r.src, c.end
	ind, p := c.indent(src)
	if p >= e { // blank
		if r.leaf != leafIndented {
			r.closeLeaf()
		}
		return
	}
	if ind >= 4 && r.leaf != leafPara {
		if r.leaf != leafIndented {
			r.closeLeaf()
			r.leaf = leafIndented
		}
		return // indented code: not prose
	}
	if r.leaf == leafIndented {
		r.leaf = leafNone
	}
	l := src[p:e]
	if r.leaf == leafTable {
		if r.startsBlock(c, false) {
			r.closeLeaf()
		} else {
			r.tableRow(p, e)
			return
		}
	}
	// setext underline or table delimiter row under a paragraph
	if r.leaf == leafPara && len(r.segs)-r.lg0 >= 1 {
		if t := bytes.TrimRight(l, " \t"); len(t) > 0 && (t[0] == '=' || t[0] == '-') && len(bytes.Trim(t, string(t[:1]))) == 0 {
			level := 1
			if t[0] == '-' {
				level = 2
			}
			r.closeLeafAs(BlockHeading, level)
			return
		}
		if len(r.segs)-r.lg0 == 1 {
			hdr := r.segs[r.lg0]
			if n := tableDelimiter(l); n > 0 && n == len(splitCells(src, hdr.s, hdr.e, nil)) && bytes.IndexByte(src[hdr.s:hdr.e], '|') >= 0 {
				r.segs = r.segs[:r.lg0]
				r.leaf = leafNone
				r.tableCols = n
				r.tableRow(hdr.s, hdr.e)
				r.leaf = leafTable
				return
			}
		}
	}
	if isThematicBreak(l) {
		r.closeLeaf()
		return
	}
	switch src[p] {
	case '#':
		if s, t, ok := atxHeading(src, p, e); ok {
			r.closeLeaf()
			level := 0
			for p+level < e && src[p+level] == '#' {
				level++
			}
			r.lg0 = len(r.segs)
			if t > s {
				r.segs = append(r.segs, mdSeg{s, t, -1})
			}
			r.leaf = leafPara
			r.closeLeafAs(BlockHeading, level)
			return
		}
	case '`', '~':
		if n, ok := fenceOpen(src, p, e); ok {
			r.closeLeaf()
			r.leaf = leafFence
			r.fence.c, r.fence.n, r.fence.indent = src[p], n, ind
			return
		}
	case '<':
		if end, ok := htmlBlockStart(src, p, e, r.leaf == leafPara); ok {
			r.closeLeaf()
			r.leaf = leafHTML
			r.lg0 = len(r.segs)
			r.htmlEnd = end
			r.segs = append(r.segs, mdSeg{c.pos, e, nl})
			if end != "" && bytes.Contains(src[p+1:e], []byte(end)) {
				r.closeLeaf()
			}
			return
		}
	}
	if r.leaf != leafPara {
		r.closeLeaf()
		r.leaf = leafPara
		r.lg0 = len(r.segs)
	}
	r.segs = append(r.segs, mdSeg{p, e, nl})
}

// closeLeaf ends the open leaf block.
func (r *mdReader) closeLeaf() {
	kind := BlockParagraph // the innermost container decides
	if n := len(r.stack); n > 0 {
		kind = BlockListItem
		if r.stack[n-1].quote {
			kind = BlockQuote
		}
	}
	r.closeLeafAs(kind, 0)
}

// closeLeafAs ends the open leaf block as a block of the given kind.
func (r *mdReader) closeLeafAs(kind BlockKind, level int) {
	switch r.leaf {
	case leafPara:
		g := r.refDefs(r.lg0)
		if g < len(r.segs) {
			r.leaves = append(r.leaves, mdLeaf{kind: kind, level: level, g0: g, g1: len(r.segs)})
		}
	case leafHTML:
		r.leaves = append(r.leaves, mdLeaf{html: true, nested: len(r.stack) > 0, g0: r.lg0, g1: len(r.segs)})
	}
	r.leaf = leafNone
	r.lg0 = len(r.segs)
}

// tableRow adds the cells of the table row src[s:e].
func (r *mdReader) tableRow(s, e int) {
	var cells [64][2]int
	for _, cell := range splitCells(r.src, s, e, cells[:0]) {
		if cell[1] > cell[0] {
			g := len(r.segs)
			r.segs = append(r.segs, mdSeg{cell[0], cell[1], -1})
			r.leaves = append(r.leaves, mdLeaf{kind: BlockTableCell, g0: g, g1: g + 1})
		}
	}
	r.lg0 = len(r.segs)
}

// splitCells splits a table row src[s:e] at its unescaped pipes (outside
// code spans) and returns the trimmed cells.
func splitCells(src []byte, s, e int, cells [][2]int) [][2]int {
	s, e = trimSpaceRange(src, s, e)
	if s < e && src[s] == '|' {
		s++
	}
	if e > s && src[e-1] == '|' && (e-2 < s || src[e-2] != '\\') {
		e--
	}
	c0 := s
	inCode := 0
	for k := s; k <= e; k++ {
		if k < e {
			switch src[k] {
			case '\\':
				k++
				continue
			case '`':
				n := 1
				for k+n < e && src[k+n] == '`' {
					n++
				}
				if inCode == 0 {
					inCode = n
				} else if inCode == n {
					inCode = 0
				}
				k += n - 1
				continue
			case '|':
				if inCode != 0 {
					continue
				}
			default:
				continue
			}
		}
		a, z := trimSpaceRange(src, c0, k)
		cells = append(cells, [2]int{a, z})
		c0 = k + 1
	}
	return cells
}

// tableDelimiter returns the number of columns of a delimiter row such as
// "| --- | :-: |", or 0 if l is not one.
func tableDelimiter(l []byte) int {
	l = bytes.TrimSpace(l)
	if bytes.IndexByte(l, '|') < 0 {
		return 0
	}
	l = bytes.TrimPrefix(l, []byte("|"))
	l = bytes.TrimSuffix(l, []byte("|"))
	n := 0
	for cell := range bytes.SplitSeq(l, []byte("|")) {
		c := bytes.TrimSpace(cell)
		c = bytes.TrimPrefix(c, []byte(":"))
		c = bytes.TrimSuffix(c, []byte(":"))
		if len(c) == 0 || len(bytes.Trim(c, "-")) != 0 {
			return 0
		}
		n++
	}
	return n
}

// refDefs reads link reference definitions at the start of the paragraph
// whose segments start at g, and returns the first segment after them.
func (r *mdReader) refDefs(g int) int {
	src := r.src
	for ; g < len(r.segs); g++ {
		s := r.segs[g]
		l := src[s.s:s.e]
		if len(l) < 4 || l[0] != '[' {
			return g
		}
		k := bytes.Index(l, []byte("]:"))
		if k < 2 || bytes.IndexByte(l[1:k], '[') >= 0 || (bytes.IndexByte(l[1:k], ']') >= 0) {
			return g
		}
		label := normLabel(l[1:k])
		rest := bytes.TrimLeft(l[k+2:], " \t")
		var dest []byte
		if len(rest) > 0 && rest[0] == '<' {
			z := bytes.IndexByte(rest, '>')
			if z < 0 {
				return g
			}
			dest = rest[1:z]
		} else {
			z := 0
			for z < len(rest) && rest[z] != ' ' && rest[z] != '\t' {
				z++
			}
			dest = rest[:z]
		}
		if len(dest) == 0 || label == "" {
			return g
		}
		if r.defs == nil {
			r.defs = make(map[string]string)
		}
		if _, dup := r.defs[label]; !dup {
			r.defs[label] = r.unescape(dest)
		}
	}
	return g
}

// normLabel folds case and collapses white space in a link label.
func normLabel(l []byte) string {
	return strings.ToLower(strings.Join(strings.Fields(string(l)), " "))
}

// unescape decodes backslash escapes and character references in a link
// destination.
func (r *mdReader) unescape(d []byte) string {
	if bytes.IndexByte(d, '\\') < 0 && bytes.IndexByte(d, '&') < 0 {
		return string(d)
	}
	out := make([]byte, 0, len(d))
	for k := 0; k < len(d); k++ {
		switch {
		case d[k] == '\\' && k+1 < len(d) && isASCIIPunct(d[k+1]):
			k++
			out = append(out, d[k])
		case d[k] == '&':
			if dec, j := decodeEntity(d, k, len(d), entMarkdown, &r.ent); j > k {
				out = append(out, dec...)
				k = j - 1
				continue
			}
			out = append(out, '&')
		default:
			out = append(out, d[k])
		}
	}
	return string(out)
}

func isBlank(l []byte) bool {
	for _, c := range l {
		if c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v' {
			return false
		}
	}
	return true
}

// isThematicBreak reports whether l (from its first non-space) is a
// thematic break: three or more *, - or _ with only spaces between.
func isThematicBreak(l []byte) bool {
	if len(l) == 0 || (l[0] != '*' && l[0] != '-' && l[0] != '_') {
		return false
	}
	n := 0
	for _, c := range l {
		switch c {
		case l[0]:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}

// atxHeading reads an ATX heading at src[p:e] and returns its content.
func atxHeading(src []byte, p, e int) (s, t int, ok bool) {
	n := 0
	for p+n < e && src[p+n] == '#' {
		n++
	}
	if n == 0 || n > 6 || (p+n < e && src[p+n] != ' ' && src[p+n] != '\t') {
		return 0, 0, false
	}
	s, t = trimSpaceRange(src, p+n, e)
	// a closing run of # preceded by a space
	k := t
	for k > s && src[k-1] == '#' {
		k--
	}
	if k < t && (k == s || src[k-1] == ' ' || src[k-1] == '\t') {
		_, t = trimSpaceRange(src, s, k)
	}
	return s, t, true
}

// fenceOpen reads an opening code fence at src[p:e].
func fenceOpen(src []byte, p, e int) (int, bool) {
	c := src[p]
	n := 0
	for p+n < e && src[p+n] == c {
		n++
	}
	if n < 3 {
		return 0, false
	}
	if c == '`' && bytes.IndexByte(src[p+n:e], '`') >= 0 {
		return 0, false
	}
	return n, true
}

// htmlBlockNames are the tags that start an HTML block of CommonMark's
// kind 6.
var htmlBlockNames = map[string]bool{
	"address": true, "article": true, "aside": true, "base": true, "basefont": true, "blockquote": true,
	"body": true, "caption": true, "center": true, "col": true, "colgroup": true, "dd": true, "details": true,
	"dialog": true, "dir": true, "div": true, "dl": true, "dt": true, "fieldset": true, "figcaption": true,
	"figure": true, "footer": true, "form": true, "frame": true, "frameset": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "head": true, "header": true, "hr": true, "html": true,
	"iframe": true, "legend": true, "li": true, "link": true, "main": true, "menu": true, "menuitem": true,
	"nav": true, "noframes": true, "ol": true, "optgroup": true, "option": true, "p": true, "param": true,
	"search": true, "section": true, "summary": true, "table": true, "tbody": true, "td": true, "tfoot": true,
	"th": true, "thead": true, "title": true, "tr": true, "track": true, "ul": true,
}

// htmlBlockStart reports whether src[p:e] opens an HTML block, and the text
// that ends it ("" for a blank line).
func htmlBlockStart(src []byte, p, e int, inPara bool) (string, bool) {
	l := src[p:e]
	switch {
	case bytes.HasPrefix(l, []byte("<!--")):
		return "-->", true
	case bytes.HasPrefix(l, []byte("<?")):
		return "?>", true
	case bytes.HasPrefix(l, []byte("<![CDATA[")):
		return "]]>", true
	case len(l) > 2 && l[1] == '!' && isAlpha(l[2]):
		return ">", true
	}
	k := 1
	closing := k < len(l) && l[k] == '/'
	if closing {
		k++
	}
	n0 := k
	for k < len(l) && (isAlnumByte(l[k]) || l[k] == '-') {
		k++
	}
	if k == n0 || !isAlpha(l[n0]) {
		return "", false
	}
	var lower [16]byte
	name := l[n0:k]
	if len(name) <= len(lower) {
		for i, c := range name {
			lower[i] = c | 0x20
		}
		lname := string(lower[:len(name)])
		if !closing {
			switch lname {
			case "script", "pre", "style", "textarea":
				return "</" + lname + ">", true
			}
		}
		if htmlBlockNames[lname] && (k == len(l) || l[k] == ' ' || l[k] == '\t' || l[k] == '>' || (l[k] == '/' && k+1 < len(l) && l[k+1] == '>')) {
			return "", true
		}
	}
	// kind 7: a lone complete tag that does not interrupt a paragraph
	t := bytes.TrimRight(l, " \t")
	if !inPara && t[len(t)-1] == '>' && bytes.IndexByte(t[:len(t)-1], '>') < 0 {
		return "", true
	}
	return "", false
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}
