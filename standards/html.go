package standards

import (
	"bytes"
	"sync"
	"unicode/utf8"
)

// HTML reading. A small tokenizer of its own keeps fmt out of the package
// (golang.org/x/net/html imports it) and keeps every byte's source offset.
//
// What is read: the text of <main> (or an element with role="main") if
// it holds any, else of every <article>, else of the block of the page
// with the densest prose (see [htmlReader.densest]: candidates scored as
// Mozilla's Readability scores them). Left out everywhere, inside the main
// block or outside it: <nav>, <aside>, <footer>, <script>, <style>,
// <noscript>, <template>, <svg>, <math>, <pre>, <select>, <button>,
// <textarea>, <datalist>, <iframe>, <object>, <canvas>, <video>, <audio>,
// <title>, <label>, elements with the hidden attribute, aria-hidden="true" or role
// navigation, banner, contentinfo, complementary or search, elements
// whose class or id names a cookie or consent banner, breadcrumbs or a
// skip link (cookie, consent, gdpr, breadcrumb, skip), comments and
// images. A <header> is left out too, but inside <main> or <article> its
// headings are kept: an article's header holds its title.
//
// Blocks: p, h1–h6, li, dt, dd, blockquote, td, th, caption, figcaption,
// summary, legend, and the text directly inside div, section and the other
// block elements. A heading's level is its number; li, dt and dd are list
// items; td and th are table cells; a p inside li, blockquote or td takes
// that kind. White space runs collapse to one space (mapped to the run's
// first byte), <br> is a newline, inline elements are transparent, and
// character references are decoded: the HTML 4 names, &apos;, decimal and
// hexadecimal. <a href> gives a [Link] over its text.
//
// Malformed input is read as browsers roughly would: unclosed elements
// close with their parent, stray end tags are ignored, an end tag closes
// the elements opened inside it, and a new p, li, dt, dd, td, th or tr
// closes an open one. Nesting depth costs no stack, and each tag costs
// amortised constant time.

type tagID uint8

const (
	tagOther tagID = iota
	tagA
	tagArticle
	tagAside
	tagBlockquote
	tagBody
	tagBr
	tagButton
	tagCaption
	tagDd
	tagDiv
	tagDt
	tagFigcaption
	tagFooter
	tagH1
	tagH2
	tagH3
	tagH4
	tagH5
	tagH6
	tagHeader
	tagHr
	tagLegend
	tagLi
	tagMain
	tagMath
	tagNav
	tagOl
	tagP
	tagPlaintext
	tagPre
	tagSummary
	tagSvg
	tagTable
	tagTd
	tagTh
	tagTr
	tagUl
	tagBlock  // another block element: a block boundary that inherits its parent's kind
	tagVoid   // a void element with no text: img, input, meta, …
	tagRaw    // an element whose content is raw text, skipped: script, style, …
	tagIgnore // an excluded element with content: template, select, …
	tagInline // a known inline element
	numTags
)

var tagIDs = map[string]tagID{
	"a": tagA, "article": tagArticle, "aside": tagAside, "blockquote": tagBlockquote,
	"body": tagBody, "br": tagBr, "button": tagButton, "caption": tagCaption, "dd": tagDd,
	"div": tagDiv, "dt": tagDt, "figcaption": tagFigcaption, "footer": tagFooter,
	"h1": tagH1, "h2": tagH2, "h3": tagH3, "h4": tagH4, "h5": tagH5, "h6": tagH6,
	"header": tagHeader, "hr": tagHr, "legend": tagLegend, "li": tagLi, "main": tagMain,
	"math": tagMath, "nav": tagNav, "ol": tagOl, "p": tagP, "plaintext": tagPlaintext,
	"pre": tagPre, "listing": tagPre, "summary": tagSummary, "svg": tagSvg, "table": tagTable,
	"td": tagTd, "th": tagTh, "tr": tagTr, "ul": tagUl,

	"address": tagBlock, "center": tagBlock, "details": tagBlock, "dialog": tagBlock,
	"dir": tagBlock, "dl": tagBlock, "fieldset": tagBlock, "figure": tagBlock, "form": tagBlock,
	"hgroup": tagBlock, "html": tagBlock, "menu": tagBlock, "section": tagBlock,
	"tbody": tagBlock, "thead": tagBlock, "tfoot": tagBlock, "search": tagBlock,
	"colgroup": tagBlock, "optgroup": tagBlock, "frameset": tagBlock,

	"head": tagInline, // its content is raw text or void elements; not pushed, so an unclosed <head> hides nothing

	"area": tagVoid, "base": tagVoid, "col": tagVoid, "embed": tagVoid, "img": tagVoid,
	"input": tagVoid, "keygen": tagVoid, "link": tagVoid, "meta": tagVoid, "param": tagVoid,
	"source": tagVoid, "track": tagVoid, "wbr": tagVoid, "image": tagVoid, "frame": tagVoid,

	"script": tagRaw, "style": tagRaw, "textarea": tagRaw, "title": tagRaw, "xmp": tagRaw,
	"iframe": tagRaw, "noembed": tagRaw, "noframes": tagRaw, "noscript": tagRaw,

	"template": tagIgnore, "select": tagIgnore, "datalist": tagIgnore, "object": tagIgnore,
	"canvas": tagIgnore, "video": tagIgnore, "audio": tagIgnore, "option": tagIgnore,
	"map": tagIgnore,

	"abbr": tagInline, "b": tagInline, "bdi": tagInline, "bdo": tagInline, "cite": tagInline,
	"code": tagInline, "data": tagInline, "del": tagInline, "dfn": tagInline, "em": tagInline,
	"font": tagInline, "i": tagInline, "ins": tagInline, "kbd": tagInline, "label": tagIgnore,
	"mark": tagInline, "q": tagInline, "s": tagInline, "samp": tagInline, "small": tagInline,
	"span": tagInline, "strong": tagInline, "sub": tagInline, "sup": tagInline,
	"time": tagInline, "u": tagInline, "var": tagInline, "nobr": tagInline, "big": tagInline,
	"tt": tagInline, "strike": tagInline, "output": tagInline, "meter": tagInline,
	"progress": tagInline, "ruby": tagInline, "rt": tagInline, "rp": tagInline,
}

// tagFlags describe how an element takes part in extraction.
type tagFlags uint8

const (
	fBlock   tagFlags = 1 << iota // starts and ends a block
	fExclude                      // its content is left out
	fPush                         // kept on the stack of open elements
)

var tagInfo [numTags]tagFlags

// htmlTablesOnce builds tagInfo and tagByHash on the first HTML read, so
// that a program reading only plain text links neither them nor tagIDs.
var htmlTablesOnce sync.Once

func initHTMLTables() {
	initTagInfo()
	initTagByHash()
}

func initTagInfo() {
	for t := tagID(0); t < numTags; t++ {
		switch t {
		case tagA, tagBr, tagVoid, tagRaw, tagInline, tagOther, tagHr:
		case tagNav, tagAside, tagSvg, tagMath, tagPre, tagButton, tagIgnore:
			tagInfo[t] = fBlock | fExclude | fPush
		default:
			tagInfo[t] = fBlock | fPush
		}
	}
	tagInfo[tagHr] = fBlock
	tagInfo[tagButton] = fExclude | fPush // a button's label is not prose, nor a boundary
}

// hstate is the extraction state inside an open element.
type hstate struct {
	kind      BlockKind
	level     uint8
	excluded  bool
	header    bool  // inside a <header> within <main> or <article>: only its headings are read
	container uint8 // 2 inside <main>, 1 inside <article>, 0 elsewhere
}

// out reports whether text in this state is left out.
func (st *hstate) out() bool { return st.excluded || st.header && st.kind != BlockHeading }

// helem is an open element.
type helem struct {
	id   tagID
	hash uint32 // the lower-case name's hash
	st   hstate
	cand int32 // index in htmlReader.cands, or -1 when not a candidate
}

// candidate is an element that may hold a page's main prose: a div,
// section, article, form, td or unknown element. Its blocks are
// b.blocks[first:end].
type candidate struct {
	first, end int32
	weight     int8 // Readability's class weight: +25 for content-like class or id, -25 for boilerplate-like
}

// maxCandDepth is how far up the stack a block looks for the candidates
// its score goes to: Readability scores a paragraph's parent, grandparent
// and great-grandparent.
const maxCandDepth = 3

// htmlReader extracts text from HTML.
type htmlReader struct {
	b     *builder
	src   []byte
	stack []helem
	root  hstate
	count [numTags]int32    // open elements of each id
	other map[uint32]int32  // open elements of the ids byHash reports, by name hash
	pend  int               // offset of pending white space, or -1
	bst   hstate            // state of the current block, set by its first byte
	ent   [utf8.UTFMax]byte // scratch for decoded references

	doc      bool        // reading a whole document: collect candidates
	cands    []candidate // candidate elements, in document order
	blockAnc [][3]int32  // each block's nearest candidates (index+1, 0 for none), from the reader's first block
	first    int         // index of the reader's first block

	link      bool // a link is open
	linkStart int  // where its text starts in the current block, or -1 until its first byte
	linkDepth int  // stack height when it opened
	linkHref  string
}

// extractHTML reads the HTML in src[start:end]. As a whole document (doc)
// it keeps the main content only; as a fragment (an HTML block inside
// Markdown) it keeps all the text.
func extractHTML(b *builder, start, end int, doc bool) {
	htmlTablesOnce.Do(initHTMLTables)
	h := &htmlReader{b: b, src: b.src, pend: -1, linkStart: -1, doc: doc}
	if !doc {
		h.root.container = 1
	}
	first := len(b.blocks)
	h.first = first
	h.run(start, end)
	h.flush()
	if !doc {
		return
	}
	for k := range h.stack {
		h.closeCand(&h.stack[k])
	}
	best := uint8(0)
	for _, r := range b.blocks[first:] {
		best = max(best, r.tag)
	}
	if best == 0 {
		h.densest()
		return
	}
	keep := b.blocks[:first]
	for _, r := range b.blocks[first:] {
		if r.tag == best {
			keep = append(keep, r)
		}
	}
	b.blocks = keep
}

func (h *htmlReader) top() *hstate {
	if len(h.stack) == 0 {
		return &h.root
	}
	return &h.stack[len(h.stack)-1].st
}

// run reads src[i:end].
func (h *htmlReader) run(i, end int) {
	src := h.src
	for i < end {
		if h.b.cancelled(i) {
			return
		}
		j := bytes.IndexByte(src[i:end], '<')
		if j < 0 {
			h.text(i, end)
			return
		}
		j += i
		h.text(i, j)
		i = h.markup(j, end)
	}
}

// htmlSpace marks the bytes HTML counts as white space.
var htmlSpace = [256]bool{' ': true, '\t': true, '\n': true, '\r': true, '\f': true}

// text reads character data src[s:e].
func (h *htmlReader) text(s, e int) {
	if s >= e || h.top().out() {
		return
	}
	src := h.src
	for k := s; k < e; {
		c := src[k]
		if htmlSpace[c] {
			if h.pend < 0 {
				h.pend = k
			}
			k++
			continue
		}
		if c == '&' {
			if dec, j := decodeEntity(src, k, e, entText, &h.ent); j > k {
				h.content()
				h.b.addDecoded(dec, k, j)
				k = j
				continue
			}
		}
		r := k + 1
		for r < e && !htmlSpace[src[r]] && src[r] != '&' {
			r++
		}
		h.content()
		h.b.copy(k, r)
		k = r
	}
}

// content prepares to append text: it writes a pending space and starts
// a pending link.
func (h *htmlReader) content() {
	b := h.b
	if b.n() == 0 {
		h.bst = *h.top()
	} else if h.pend >= 0 && b.last() != '\n' {
		b.add(' ', h.pend)
	}
	h.pend = -1
	if h.link && h.linkStart < 0 {
		h.linkStart = b.n()
	}
}

// flush ends the current block.
func (h *htmlReader) flush() {
	h.pend = -1
	if h.b.n() == 0 {
		return
	}
	if h.link && h.linkStart >= 0 {
		h.b.addLink(h.linkStart, h.b.n(), h.linkHref)
		h.linkStart = -1 // the link goes on into the next block
	}
	n := len(h.b.blocks)
	h.b.end(h.bst.kind, int(h.bst.level), h.bst.container)
	if h.doc && len(h.b.blocks) > n {
		// the block's nearest candidates, looking a bounded way up the
		// stack so that deep nesting costs no more per block
		var anc [3]int32
		k := 0
		for i := len(h.stack) - 1; i >= 0 && i >= len(h.stack)-16 && k < maxCandDepth; i-- {
			if c := h.stack[i].cand; c >= 0 {
				anc[k] = c + 1
				k++
			}
		}
		h.blockAnc = append(h.blockAnc, anc)
	}
}

// closeLink ends the open link.
func (h *htmlReader) closeLink() {
	if h.link && h.linkStart >= 0 {
		h.b.addLink(h.linkStart, h.b.n(), h.linkHref)
	}
	h.link, h.linkStart, h.linkHref = false, -1, ""
}

// markup reads the markup at src[i] == '<' and returns the offset after it.
func (h *htmlReader) markup(i, end int) int {
	src := h.src
	if i+1 >= end {
		h.text(i, end)
		return end
	}
	c := src[i+1]
	switch {
	case c == '!':
		if bytes.HasPrefix(src[i:end], []byte("<!--")) {
			if bytes.HasPrefix(src[i+4:end], []byte(">")) {
				return i + 5 // <!-->
			}
			if bytes.HasPrefix(src[i+4:end], []byte("->")) {
				return i + 6 // <!--->
			}
			k := bytes.Index(src[i+4:end], []byte("-->"))
			if k < 0 {
				return end
			}
			return i + 4 + k + 3
		}
		return skipPast(src, i+2, end, '>')
	case c == '?':
		return skipPast(src, i+2, end, '>')
	case c == '/':
		if i+2 < end && isAlpha(src[i+2]) {
			return h.tag(i, end)
		}
		if i+2 < end && src[i+2] == '>' {
			return i + 3
		}
		return skipPast(src, i+2, end, '>')
	case isAlpha(c):
		return h.tag(i, end)
	}
	h.text(i, i+1) // a lone '<' is text
	return i + 1
}

// skipPast returns the offset just past the first c in src[i:end], or end.
func skipPast(src []byte, i, end int, c byte) int {
	if k := bytes.IndexByte(src[i:end], c); k >= 0 {
		return i + k + 1
	}
	return end
}

func isAlpha(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// tagAttrs holds what extraction needs of a tag's attributes.
type tagAttrs struct {
	hrefS, hrefE int // raw value of href; hrefS < 0 if absent
	hidden       bool
	role         bool // role navigation, banner, contentinfo, complementary or search
	main         bool // role main
	boiler       bool // class or id names a cookie or consent banner, breadcrumbs or a skip link
	weight       int8 // Readability's class weight of the class and id
	selfClose    bool
}

// tag reads a start or end tag at src[i] and returns the offset after it.
func (h *htmlReader) tag(i, end int) int {
	src := h.src
	endTag := src[i+1] == '/'
	n0 := i + 1
	if endTag {
		n0++
	}
	n1 := n0
	for n1 < end && !htmlSpace[src[n1]] && src[n1] != '/' && src[n1] != '>' {
		n1++
	}
	var lower [16]byte
	id, hash := lookupTag(src[n0:n1], &lower)
	a := tagAttrs{hrefS: -1}
	next := h.attrs(n1, end, &a, !endTag && (id == tagA || !h.top().out()))
	if endTag {
		h.endTag(id, hash, i)
		return next
	}
	if id == tagA && a.boiler {
		// a skip link ("Skip to main content"): left out up to its end tag
		for k := next; k < end; k++ {
			j := bytes.IndexByte(h.src[k:end], '<')
			if j < 0 {
				break
			}
			k += j
			if k+2 < end && h.src[k+1] == '/' && h.src[k+2]|0x20 == 'a' && (k+3 == end || h.src[k+3] == '>' || htmlSpace[h.src[k+3]]) {
				return skipPast(h.src, k, end, '>')
			}
		}
		return next
	}
	h.startTag(id, hash, &a, i, next, end)
	if id == tagRaw || id == tagPlaintext {
		return h.skipRaw(src[n0:n1], next, end)
	}
	return next
}

// lookupTag finds a tag's id and the hash of its lower-case name.
func lookupTag(name []byte, lower *[16]byte) (tagID, uint32) {
	hash := uint32(2166136261)
	for _, c := range name {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		hash = (hash ^ uint32(c)) * 16777619
	}
	if len(name) > len(lower) {
		return tagOther, hash
	}
	for k, c := range name {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[k] = c
	}
	for k := hash & uint32(len(tagByHash)-1); ; k = (k + 1) & uint32(len(tagByHash)-1) {
		e := &tagByHash[k]
		if e.name == "" {
			return tagOther, hash
		}
		if e.hash == hash && e.name == string(lower[:len(name)]) {
			return e.id, hash
		}
	}
}

// tagByHash is an open-addressing table of tagIDs by name hash: faster
// than a map on the hot path.
var tagByHash [512]struct {
	hash uint32
	name string
	id   tagID
}

func initTagByHash() {
	for name, id := range tagIDs {
		hash := uint32(2166136261)
		for _, c := range []byte(name) {
			hash = (hash ^ uint32(c)) * 16777619
		}
		k := hash & uint32(len(tagByHash)-1)
		for tagByHash[k].name != "" {
			k = (k + 1) & uint32(len(tagByHash)-1)
		}
		tagByHash[k].hash, tagByHash[k].name, tagByHash[k].id = hash, name, id
	}
}

// attrs reads the attributes from src[i] to the tag's closing '>' and
// returns the offset after it. With want unset it only finds the end.
func (h *htmlReader) attrs(i, end int, a *tagAttrs, want bool) int {
	src := h.src
	for {
		for i < end && (htmlSpace[src[i]] || src[i] == '/') {
			i++
		}
		if i >= end {
			return end
		}
		if src[i] == '>' {
			a.selfClose = src[i-1] == '/'
			return i + 1
		}
		n0 := i
		i++ // the first character may be '='
		for i < end && !htmlSpace[src[i]] && src[i] != '/' && src[i] != '>' && src[i] != '=' {
			i++
		}
		n1 := i
		for i < end && htmlSpace[src[i]] {
			i++
		}
		v0, v1 := -1, -1
		if i < end && src[i] == '=' {
			i++
			for i < end && htmlSpace[src[i]] {
				i++
			}
			if i < end && (src[i] == '"' || src[i] == '\'') {
				q := src[i]
				v0 = i + 1
				k := bytes.IndexByte(src[v0:end], q)
				if k < 0 {
					return end
				}
				v1 = v0 + k
				i = v1 + 1
			} else {
				v0 = i
				for i < end && !htmlSpace[src[i]] && src[i] != '>' {
					i++
				}
				v1 = i
			}
		}
		if !want {
			continue
		}
		name := src[n0:n1]
		var val []byte
		if v0 >= 0 {
			val = src[v0:v1]
		}
		switch {
		case equalFold(name, "href"):
			a.hrefS, a.hrefE = v0, v1
			if v0 < 0 {
				a.hrefS, a.hrefE = n1, n1
			}
		case equalFold(name, "hidden"):
			a.hidden = true
		case equalFold(name, "aria-hidden"):
			a.hidden = a.hidden || equalFold(bytes.TrimSpace(val), "true")
		case equalFold(name, "role"):
			v := bytes.TrimSpace(val)
			a.role = a.role || equalFold(v, "navigation") || equalFold(v, "banner") || equalFold(v, "contentinfo") ||
				equalFold(v, "search") || equalFold(v, "complementary")
			a.main = a.main || equalFold(v, "main")
		case equalFold(name, "class") || equalFold(name, "id"):
			a.boiler = a.boiler || containsFold(val, "cookie") || containsFold(val, "consent") ||
				containsFold(val, "gdpr") || containsFold(val, "breadcrumb") || containsFold(val, "skip")
			a.weight = max(-25, min(25, a.weight+classWeight(val))) // class and id together weigh at most 25 either way
		}
	}
}

// Readability's class and id patterns, as lower-case words: a candidate
// whose class or id holds one of the first gains 25, one of the second
// loses 25.
var (
	positiveClass = [...]string{"article", "body", "content", "entry", "main", "page", "post", "text", "story"}
	negativeClass = [...]string{"banner", "comment", "contact", "foot", "masthead", "media", "meta", "menu", "nav",
		"promo", "related", "share", "sidebar", "social", "sponsor", "tags", "widget", "header", "left", "right", "col-sidebar"}
)

// classWeight returns Readability's weight of one class or id value.
func classWeight(v []byte) int8 {
	var w int8
	for _, p := range negativeClass {
		if containsFold(v, p) {
			w = -25
			break
		}
	}
	for _, p := range positiveClass {
		if containsFold(v, p) {
			return w + 25
		}
	}
	return w
}

// equalFold reports whether b equals the lower-case ASCII string s,
// ignoring ASCII case.
func equalFold(b []byte, s string) bool {
	if len(b) != len(s) {
		return false
	}
	for k := range len(b) {
		if b[k]|0x20 != s[k] && b[k] != s[k] {
			return false
		}
	}
	return true
}

// containsFold reports whether b contains the lower-case ASCII word s,
// ignoring ASCII case.
func containsFold(b []byte, s string) bool {
	for k := 0; k+len(s) <= len(b); k++ {
		if equalFold(b[k:k+len(s)], s) {
			return true
		}
	}
	return false
}

// startTag handles a start tag of element id spanning src[i:next].
func (h *htmlReader) startTag(id tagID, hash uint32, a *tagAttrs, i, next, end int) {
	fl := tagInfo[id]
	switch id {
	case tagBr:
		h.lineBreak(i)
		return
	case tagHr:
		h.flush()
		return
	case tagA:
		h.closeLink()
		if a.hrefS >= 0 && !h.top().out() && !a.hidden && !a.boiler {
			h.link, h.linkStart, h.linkDepth = true, -1, len(h.stack)
			h.linkHref = h.decodeAttr(a.hrefS, a.hrefE)
		}
		return
	case tagVoid, tagRaw, tagPlaintext:
		return
	case tagSvg, tagMath:
		if a.selfClose {
			return
		}
	}
	// implied end tags
	if fl&fBlock != 0 && h.count[tagP] > 0 && len(h.stack) > 0 && h.stack[len(h.stack)-1].id == tagP {
		h.pop(len(h.stack) - 1)
	}
	if n := len(h.stack); n > 0 {
		t := h.stack[n-1].id
		switch {
		case id == tagLi && t == tagLi,
			(id == tagDt || id == tagDd) && (t == tagDt || t == tagDd),
			(id == tagTd || id == tagTh || id == tagTr) && (t == tagTd || t == tagTh):
			h.pop(n - 1)
		}
		if id == tagTr && len(h.stack) > 0 && h.stack[len(h.stack)-1].id == tagTr {
			h.pop(len(h.stack) - 1)
		}
	}
	boiler := a.boiler && id != tagMain && id != tagBody && !a.main
	special := a.hidden || a.role || boiler
	if fl&fPush == 0 && !special && !a.main {
		return // transparent
	}
	if (id == tagOther || id == tagInline) && a.selfClose {
		return
	}
	if fl&fBlock != 0 {
		h.flush()
	}
	st := *h.top()
	if special || fl&fExclude != 0 {
		st.excluded = true
	}
	if a.main {
		st.container = 2
	}
	switch id {
	case tagMain:
		st.container = 2
	case tagArticle:
		st.container = max(st.container, 1)
	case tagHeader:
		if st.container == 0 {
			st.excluded = true
		} else {
			st.header = true
		}
	case tagFooter:
		st.excluded = true
	case tagH1, tagH2, tagH3, tagH4, tagH5, tagH6:
		st.kind, st.level = BlockHeading, uint8(id-tagH1+1)
	case tagLi, tagDt, tagDd:
		st.kind, st.level = BlockListItem, 0
	case tagBlockquote:
		st.kind, st.level = BlockQuote, 0
	case tagTd, tagTh:
		st.kind, st.level = BlockTableCell, 0
	case tagCaption, tagFigcaption, tagSummary, tagLegend, tagTable, tagUl, tagOl, tagBody:
		st.kind, st.level = BlockParagraph, 0
	}
	cand := int32(-1)
	if h.doc && !st.out() {
		switch id {
		case tagDiv, tagArticle, tagMain, tagTd, tagOther, tagBlock, tagBody:
			cand = int32(len(h.cands))
			h.cands = append(h.cands, candidate{first: int32(len(h.b.blocks)), end: -1, weight: a.weight})
		}
	}
	h.stack = append(h.stack, helem{id: id, hash: hash, st: st, cand: cand})
	if byHash(id) {
		if h.other == nil {
			h.other = make(map[uint32]int32)
		}
		h.other[hash]++
	} else {
		h.count[id]++
	}
}

// byHash reports whether open elements of id are told apart by their
// name's hash: the ids that stand for several names.
func byHash(id tagID) bool {
	return id == tagOther || id == tagInline || id == tagBlock || id == tagIgnore
}

// endTag handles an end tag at src[i].
func (h *htmlReader) endTag(id tagID, hash uint32, i int) {
	switch id {
	case tagA:
		h.closeLink()
		return
	case tagBr: // </br> acts as <br>
		h.lineBreak(i)
		return
	}
	open := false
	if byHash(id) {
		open = h.other[hash] > 0
	} else {
		open = h.count[id] > 0
	}
	if tagInfo[id]&fBlock != 0 {
		h.flush()
	}
	if !open {
		return // a stray end tag
	}
	for k := len(h.stack) - 1; k >= 0; k-- {
		e := &h.stack[k]
		if e.id == id && (e.hash == hash || !byHash(id)) {
			for _, f := range h.stack[k+1:] {
				if tagInfo[f.id]&fBlock != 0 {
					h.flush() // a block it closes ends here
					break
				}
			}
			h.pop(k)
			return
		}
	}
}

// pop closes the open elements from stack index k up.
func (h *htmlReader) pop(k int) {
	for i := range h.stack[k:] {
		h.closeCand(&h.stack[k+i])
	}
	for _, e := range h.stack[k:] {
		if byHash(e.id) {
			h.other[e.hash]--
		} else {
			h.count[e.id]--
		}
	}
	h.stack = h.stack[:k]
	if h.link && h.linkDepth > k {
		h.closeLink()
	}
}

// closeCand records where a closing candidate element's blocks end.
func (h *htmlReader) closeCand(e *helem) {
	if e.cand >= 0 && h.cands[e.cand].end < 0 {
		h.cands[e.cand].end = int32(len(h.b.blocks))
	}
}

// densest keeps the blocks of the candidate element with the densest
// prose, as Mozilla's Readability chooses a page's content: each
// paragraph, quote or list item of 25 bytes or more scores 1, plus 1 a
// comma, plus 1 a 100 bytes up to 3; the score goes whole to its nearest
// candidate element, half to the next one up and a sixth to the third.
// Each candidate's total, plus its class weight, is scaled by the share
// of its text that is not link text, and the highest wins. The page's
// <h1> is kept with it when it stands before the candidate. A page
// without a candidate that scores is kept whole.
func (h *htmlReader) densest() {
	b := h.b
	blocks := b.blocks[h.first:]
	if len(h.cands) == 0 || len(blocks) != len(h.blockAnc) {
		return
	}
	score := make([]float64, len(h.cands))
	for i, r := range blocks {
		n := r.t1 - r.t0
		if n < 25 || r.kind != BlockParagraph && r.kind != BlockQuote && r.kind != BlockListItem {
			continue
		}
		s := 1 + float64(min(n/100, 3))
		for _, c := range b.buf[r.t0:r.t1] {
			if c == ',' {
				s++
			}
		}
		for k, div := range [maxCandDepth]float64{1, 2, 6} {
			if a := h.blockAnc[i][k]; a > 0 {
				score[a-1] += s / div
			}
		}
	}
	// text and link bytes before each block, to measure a candidate's
	// link density in constant time
	text := make([]int, len(blocks)+1)
	link := make([]int, len(blocks)+1)
	for i, r := range blocks {
		text[i+1] = text[i] + r.t1 - r.t0
		l := 0
		for _, k := range b.links[r.l0:r.l1] {
			l += k.End - k.Start
		}
		link[i+1] = link[i] + l
	}
	best, bestScore := -1, 0.0
	for i, c := range h.cands {
		if score[i] == 0 {
			continue
		}
		f, e := int(c.first)-h.first, int(c.end)-h.first
		if c.end < 0 {
			e = len(blocks)
		}
		if f < 0 || e > len(blocks) || f >= e {
			continue
		}
		s := score[i] + float64(c.weight)
		if t := text[e] - text[f]; t > 0 {
			s *= 1 - float64(link[e]-link[f])/float64(t)
		}
		if best < 0 || s > bestScore {
			best, bestScore = i, s
		}
	}
	if best < 0 || bestScore <= 0 {
		return
	}
	f, e := int(h.cands[best].first)-h.first, int(h.cands[best].end)-h.first
	if h.cands[best].end < 0 {
		e = len(blocks)
	}
	title := -1
	for i := f; i < e; i++ {
		if blocks[i].kind == BlockHeading && blocks[i].level == 1 {
			title = i
			break
		}
	}
	keep := make([]rawBlock, h.first, h.first+1+e-f)
	copy(keep, b.blocks[:h.first])
	if title < 0 {
		for i := f - 1; i >= 0; i-- {
			if blocks[i].kind == BlockHeading && blocks[i].level == 1 {
				keep = append(keep, blocks[i])
				break
			}
		}
	}
	keep = append(keep, blocks[f:e]...)
	b.blocks = keep
}

// lineBreak handles <br> at src[i].
func (h *htmlReader) lineBreak(i int) {
	if h.top().out() || h.b.n() == 0 {
		return
	}
	// at most one blank line: a run of <br> gives at most two newlines
	if n := h.b.n(); n >= 2 && h.b.buf[len(h.b.buf)-1] == '\n' && h.b.buf[len(h.b.buf)-2] == '\n' {
		return
	}
	h.b.add('\n', i)
	h.pend = -1
}

// decodeAttr returns the attribute value src[s:e] with references decoded.
func (h *htmlReader) decodeAttr(s, e int) string {
	v := h.src[s:e]
	if bytes.IndexByte(v, '&') < 0 {
		return string(bytes.TrimSpace(v))
	}
	out := make([]byte, 0, len(v))
	for k := s; k < e; {
		if h.src[k] == '&' {
			if dec, j := decodeEntity(h.src, k, e, entAttr, &h.ent); j > k {
				out = append(out, dec...)
				k = j
				continue
			}
		}
		out = append(out, h.src[k])
		k++
	}
	return string(bytes.TrimSpace(out))
}

// skipRaw skips the raw text of an element called name from src[i] to the
// start of its end tag and returns that offset.
func (h *htmlReader) skipRaw(name []byte, i, end int) int {
	src := h.src
	if equalFold(name, "plaintext") {
		return end
	}
	for k := i; k < end; {
		j := bytes.Index(src[k:end], []byte("</"))
		if j < 0 {
			return end
		}
		j += k
		n := j + 2 + len(name)
		if n <= end && equalFoldBytes(src[j+2:n], name) && (n == end || htmlSpace[src[n]] || src[n] == '>' || src[n] == '/') {
			return j
		}
		k = j + 2
	}
	return end
}

// equalFoldBytes reports whether a and b are equal ignoring ASCII case.
func equalFoldBytes(a, b []byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if a[k]|0x20 != b[k]|0x20 {
			return false
		}
	}
	return true
}
