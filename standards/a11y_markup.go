package standards

import (
	"bytes"
	"strings"
)

// The accessibility rule's view of markup: images without alt text, empty
// links and tables without header cells. [Extract] attaches these readers
// to HTML and Markdown documents; plain text, and the browser build, which
// reads only plain text, never link them.

// htmlMarkup scans the part of an HTML page that the reader took text
// from (from its first block to its last) for images without an alt
// attribute, links with no text, no aria-label and no image with alt text,
// and tables with no <th>. Hidden and presentational elements
// (aria-hidden="true", role="presentation" or "none") are left alone.
func htmlMarkup(d *Document) []markupIssue {
	lo, hi := mainRange(d)
	return blockIssues(d, scanHTMLMarkup(d.Source, lo, hi, nil))
}

// markupIssue is an accessibility problem found in the markup of a
// document: bytes [off, off+n) of the source, the matched text, the
// message and the suggestion.
type markupIssue struct {
	_               [0]func() // not comparable: no generated equality function in the binary
	off, n          int
	match, msg, sug string
}

// The messages of the problems the markup scanners find.
const (
	msgImageAlt    = "image without alt text: screen-reader users will not know what it shows"
	sugImageAlt    = "Try: alt text that says what the image tells the reader, or an empty alt (alt=\"\") if it is decoration."
	msgEmptyLink   = "link with no text: screen readers read out only its address, or nothing"
	sugEmptyLink   = "Try: link text that says where the link goes."
	msgTableHeader = "table without header cells: screen-reader users cannot tell which column or row a cell is in"
	sugTableHeader = "Try: mark the header row or column as header cells (<th>)."
)

// issue returns the markupIssue of source bytes [off, end).
func issue(src []byte, off, end int, msg, sug string) markupIssue {
	return markupIssue{off: off, n: end - off, match: excerpt(src[off:end]), msg: msg, sug: sug}
}

// blockIssues appends to out the problems of the blocks of a document in
// markup: headings that skip a level, and links to documents that do not
// say the file's format and size.
func blockIssues(d *Document, out []markupIssue) []markupIssue {
	prev := 0 // the level of the last heading
	for bi := range d.Blocks {
		b := &d.Blocks[bi]
		if b.Kind == BlockHeading && b.Level > 0 && len(b.Text) > 0 {
			if prev > 0 && b.Level > prev+1 {
				off := b.SourceOffset(0)
				out = append(out, issue(d.Source, off, b.SourceOffset(len(b.Text)-1)+1,
					"heading level "+itoa(b.Level)+" after level "+itoa(prev)+": screen-reader users move by heading level and will think a part is missing",
					"Try: make it a level "+itoa(prev+1)+" heading, or style it without changing its level."))
			}
			prev = b.Level
		}
		for li := range b.Links {
			out = docLink(d, b, &b.Links[li], out)
		}
	}
	return out
}

// docLink appends the problem of a link to a document file whose text, or
// the few words after it, does not give the file's format and size.
func docLink(d *Document, b *Block, l *Link, out []markupIssue) []markupIssue {
	kind := docKind(l.Href)
	if kind == "" || l.End <= l.Start || l.Start < 0 || l.End > len(b.Text) {
		return out
	}
	around := b.Text[l.Start:min(len(b.Text), l.End+48)]
	hasFormat, hasSize := mentionsFormat(around, kind), mentionsSize(around)
	if hasFormat && hasSize {
		return out
	}
	text := b.Text[l.Start:l.End]
	if len(text) > 60 {
		text = "Annual report"
	}
	msg := "link to a " + kind + " file does not say its format or size: readers need to know before they download it"
	sug := "Try: \"" + text + " (" + kind + ", 2.3MB)\", with the file's own size."
	if hasFormat {
		msg = "link to a " + kind + " file does not say how big the file is"
		sug = "Try: add the size after the format, like \"(" + kind + ", 2.3MB)\"."
	}
	off := b.SourceOffset(l.Start)
	return append(out, issue(d.Source, off, b.SourceOffset(l.End-1)+1, msg, sug))
}

// docKind returns "PDF", "Word" or "Excel" for a link to such a file
// (including OpenDocument and CSV), judged by the extension of its path,
// else "".
func docKind(href string) string {
	for i := 0; i < len(href); i++ {
		if href[i] == '?' || href[i] == '#' {
			href = href[:i]
			break
		}
	}
	dot := strings.LastIndexByte(href, '.')
	if dot < 0 || len(href)-dot > 5 {
		return ""
	}
	switch ext := strings.ToLower(href[dot+1:]); ext {
	case "pdf":
		return "PDF"
	case "doc", "docx", "odt", "rtf":
		return "Word"
	case "xls", "xlsx", "ods", "csv":
		return "Excel"
	}
	return ""
}

// mentionsFormat reports whether s names a file format of kind.
func mentionsFormat(s, kind string) bool {
	names := " pdf "
	switch kind {
	case "Word":
		names = " word doc docx odt rtf opendocument "
	case "Excel":
		names = " excel xls xlsx ods csv spreadsheet opendocument "
	}
	for i := 0; i < len(s); {
		for i < len(s) && !isAlpha(s[i]) {
			i++
		}
		j := i
		for j < len(s) && isAlpha(s[j]) {
			j++
		}
		if j > i && hasFoldWord(names, s[i:j]) {
			return true
		}
		i = j
	}
	return false
}

// mentionsSize reports whether s gives a file size: a number followed by
// KB, MB, GB, kB or bytes.
func mentionsSize(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			continue
		}
		j := i
		for j < len(s) && (isDigit(s[j]) || s[j] == '.' || s[j] == ',') {
			j++
		}
		for j < len(s) && s[j] == ' ' {
			j++
		}
		k := j
		for k < len(s) && isAlpha(s[k]) {
			k++
		}
		if hasFoldWord(" kb mb gb k m bytes kilobytes megabytes ", s[j:k]) {
			return true
		}
		i = k
	}
	return false
}

// excerpt returns s, cut to 120 bytes at a character boundary.
func excerpt(s []byte) string {
	if len(s) <= 120 {
		return string(s)
	}
	n := 120
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return string(s[:n])
}

// markdownMarkup scans a Markdown document, outside fenced code, for
// images with empty alt text ("![](photo.jpg)") and links with no text
// ("[](page)"), and its inline HTML as htmlMarkup does.
func markdownMarkup(d *Document) []markupIssue {
	src := d.Source
	var out []markupIssue
	var fences []int // offsets where fenced code opens and closes, in turn
	fence := false
	for ls := 0; ls < len(src); {
		le := bytes.IndexByte(src[ls:], '\n')
		if le < 0 {
			le = len(src)
		} else {
			le += ls
		}
		line := src[ls:le]
		t := bytes.TrimLeft(line, " ")
		if bytes.HasPrefix(t, []byte("```")) || bytes.HasPrefix(t, []byte("~~~")) {
			fence = !fence
		} else if !fence && len(line)-len(t) < 4 {
			for i := 0; i+3 < len(line); i++ {
				if line[i] == '[' && line[i+1] == ']' && line[i+2] == '(' && (i == 0 || line[i-1] != '\\') {
					end := bytes.IndexByte(line[i:], ')')
					if end < 0 {
						continue
					}
					if i > 0 && line[i-1] == '!' {
						out = append(out, issue(src, ls+i-1, ls+i+end+1, msgImageAlt, sugImageAlt))
					} else {
						out = append(out, issue(src, ls+i, ls+i+end+1, msgEmptyLink, sugEmptyLink))
					}
				}
			}
		}
		if fence && len(fences)%2 == 0 || !fence && len(fences)%2 == 1 {
			fences = append(fences, ls) // a fence opens or closes here
		}
		ls = le + 1
	}
	// inline HTML, read across lines (a table's <th> may be lines below
	// its <table>), outside fenced code
	for _, m := range scanHTMLMarkup(src, 0, len(src), nil) {
		k := 0
		for k < len(fences) && fences[k] <= m.off {
			k++
		}
		if k%2 == 0 {
			out = append(out, m)
		}
	}
	return blockIssues(d, out)
}

// mainRange returns the source range the document's blocks came from.
func mainRange(d *Document) (lo, hi int) {
	if len(d.Blocks) == 0 {
		return 0, 0
	}
	lo, hi = len(d.Source), 0
	for i := range d.Blocks {
		b := &d.Blocks[i]
		lo = min(lo, b.SourceOffset(0))
		if n := len(b.Text); n > 0 {
			hi = max(hi, b.SourceOffset(n-1)+1)
		}
	}
	if hi > len(d.Source) {
		hi = len(d.Source)
	}
	if lo > hi {
		lo = hi
	}
	return lo, hi
}

// scanHTMLMarkup appends the issues of src[lo:hi] to out.
//
// Each search ahead (for "</a", "</table", "<th") remembers where it found
// its match, so that unclosed tags cost one pass, not one per tag.
func scanHTMLMarkup(src []byte, lo, hi int, out []markupIssue) []markupIssue {
	var closeA, closeTable, th, thSp ahead
	for i := lo; i < hi; {
		k := bytes.IndexByte(src[i:hi], '<')
		if k < 0 {
			break
		}
		i += k
		if bytes.HasPrefix(src[i:hi], []byte("<!--")) {
			e := bytes.Index(src[i:hi], []byte("-->"))
			if e < 0 {
				break
			}
			i += e + 3
			continue
		}
		name, _ := tagName(src, i+1, hi)
		tagEnd := tagClose(src, i, hi)
		if tagEnd < 0 {
			break
		}
		tag := src[i:tagEnd]
		switch {
		case equalFold(name, "script"), equalFold(name, "style"):
			closing := "</script"
			if equalFold(name, "style") {
				closing = "</style"
			}
			e := indexFold(src, tagEnd, hi, closing)
			if e < 0 {
				return out
			}
			tagEnd = e
		case hidden(tag):
		case equalFold(name, "img"):
			if _, ok := attr(tag, "alt"); !ok {
				out = append(out, issue(src, i, tagEnd, msgImageAlt, sugImageAlt))
			}
		case equalFold(name, "a"):
			if _, ok := attr(tag, "href"); !ok {
				break
			}
			if v, ok := attr(tag, "aria-label"); ok && len(bytes.TrimSpace(v)) > 0 {
				break
			}
			e := closeA.find(src, tagEnd, hi, "</a")
			if e < hi && e-tagEnd <= maxLinkMarkup && emptyContent(src[tagEnd:e]) {
				out = append(out, issue(src, i, min(e+4, hi), msgEmptyLink, sugEmptyLink))
			}
		case equalFold(name, "table"):
			e := closeTable.find(src, tagEnd, hi, "</table")
			if th.find(src, tagEnd, hi, "<th>") >= e && thSp.find(src, tagEnd, hi, "<th ") >= e {
				out = append(out, issue(src, i, tagEnd, msgTableHeader, sugTableHeader))
			}
		}
		i = tagEnd
	}
	return out
}

// tagName returns the name of the tag whose name starts at src[i], and
// the offset past it.
func tagName(src []byte, i, hi int) ([]byte, int) {
	j := i
	for j < hi && (isAlpha(src[j]) || j > i && isDigit(src[j])) {
		j++
	}
	return src[i:j], j
}

// tagClose returns the offset just past the ">" of the tag at src[i],
// skipping quoted attribute values, or -1.
func tagClose(src []byte, i, hi int) int {
	var q byte
	for j := i + 1; j < hi; j++ {
		c := src[j]
		switch {
		case q != 0:
			if c == q {
				q = 0
			}
		case c == '"' || c == '\'':
			q = c
		case c == '>':
			return j + 1
		}
	}
	return -1
}

// attr returns the value of the attribute name in tag, a whole start tag.
func attr(tag []byte, name string) ([]byte, bool) {
	i := 1
	for i < len(tag) && !isHTMLSpace(tag[i]) && tag[i] != '>' && tag[i] != '/' {
		i++
	}
	for i < len(tag) {
		for i < len(tag) && (isHTMLSpace(tag[i]) || tag[i] == '/') {
			i++
		}
		s := i
		for i < len(tag) && !isHTMLSpace(tag[i]) && tag[i] != '=' && tag[i] != '>' && tag[i] != '/' {
			i++
		}
		n := tag[s:i]
		if len(n) == 0 {
			return nil, false
		}
		for i < len(tag) && isHTMLSpace(tag[i]) {
			i++
		}
		var v []byte
		if i < len(tag) && tag[i] == '=' {
			i++
			for i < len(tag) && isHTMLSpace(tag[i]) {
				i++
			}
			if i < len(tag) && (tag[i] == '"' || tag[i] == '\'') {
				q := tag[i]
				e := bytes.IndexByte(tag[i+1:], q)
				if e < 0 {
					e = len(tag) - i - 1
				}
				v = tag[i+1 : i+1+e]
				i += e + 2
			} else {
				s := i
				for i < len(tag) && !isHTMLSpace(tag[i]) && tag[i] != '>' {
					i++
				}
				v = tag[s:i]
			}
		}
		if equalFold(n, name) {
			return v, true
		}
	}
	return nil, false
}

func isHTMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// hidden reports whether a start tag hides its element from assistive
// technology or marks it as presentation.
func hidden(tag []byte) bool {
	if v, ok := attr(tag, "aria-hidden"); ok && equalFold(v, "true") {
		return true
	}
	v, ok := attr(tag, "role")
	return ok && (equalFold(v, "presentation") || equalFold(v, "none"))
}

// emptyContent reports whether the content of a link has no text and no
// image with alt text.
func emptyContent(b []byte) bool {
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '<':
			e := tagClose(b, i, len(b))
			if e < 0 {
				return false
			}
			name, _ := tagName(b, i+1, e)
			if equalFold(name, "img") {
				if v, ok := attr(b[i:e], "alt"); !ok || len(bytes.TrimSpace(v)) > 0 {
					return false // an image with alt text, or without (reported itself)
				}
			}
			i = e - 1
		case c == '&':
			if !bytes.HasPrefix(b[i:], []byte("&nbsp;")) {
				return false
			}
			i += 5
		case !isHTMLSpace(c):
			return false
		}
	}
	return true
}

// indexFold returns the offset of the first s in src[i:hi], ASCII case
// folded (s lower case), or -1.
func indexFold(src []byte, i, hi int, s string) int {
	for ; i+len(s) <= hi; i++ {
		if src[i] == '<' && equalFold(src[i:i+len(s)], s) {
			return i
		}
	}
	return -1
}

// maxLinkMarkup is the most markup between <a> and </a> read to see
// whether a link is empty; a longer link has text.
const maxLinkMarkup = 2048

// ahead is a search that moves only forwards: the offset of the next
// match at or after the last offset asked for.
type ahead struct {
	at    int // the match found, or hi when none
	valid bool
}

// find returns the offset of the first s (see indexFold) in src[i:hi], or
// hi when there is none.
func (a *ahead) find(src []byte, i, hi int, s string) int {
	if !a.valid || a.at < i {
		a.at, a.valid = indexFold(src, i, hi, s), true
		if a.at < 0 {
			a.at = hi
		}
	}
	return a.at
}
