package standards

import (
	"bytes"
)

// mdRun is a run of emphasis or strikethrough markers.
type mdRun struct {
	start, n    int
	c           byte
	open, close bool
}

// mdSpecial marks the bytes the inline reader stops at.
var mdSpecial = [256]bool{'\\': true, '`': true, '*': true, '_': true, '~': true, '[': true, ']': true, '!': true, '&': true, '<': true, '\n': true}

// maxCodeRun is the longest backtick run that can open a code span.
const maxCodeRun = 64

// inline reads the inlines of a leaf block into a new block.
func (r *mdReader) inline(l mdLeaf) {
	if l.html {
		if l.nested {
			for _, s := range r.segs[l.g0:l.g1] {
				extractHTML(r.b, s.s, s.e, false)
			}
		} else if l.g1 > l.g0 {
			extractHTML(r.b, r.segs[l.g0].s, r.segs[l.g1-1].e, false)
		}
		return
	}
	// the leaf's lines, joined by their newlines, with each byte's offset
	r.raw, r.rawSrc = r.raw[:0], r.rawSrc[:0]
	for g := l.g0; g < l.g1; g++ {
		s := r.segs[g]
		if g > l.g0 {
			r.raw = append(r.raw, '\n')
			r.rawSrc = append(r.rawSrc, int32(r.segs[g-1].nl))
		}
		r.raw = append(r.raw, r.src[s.s:s.e]...)
		base := len(r.rawSrc)
		r.rawSrc = append(r.rawSrc, make([]int32, s.e-s.s)...) // no allocation: extends in place
		for k := range s.e - s.s {
			r.rawSrc[base+k] = int32(s.s + k)
		}
	}
	r.scan()
	r.emit()
	r.b.end(l.kind, l.level, 0)
}

// mdInlineMarker marks the bytes scan looks at: escapes, code spans,
// brackets, autolinks and HTML, and emphasis.
var mdInlineMarker = [256]bool{'\\': true, '`': true, '[': true, ']': true, '<': true, '*': true, '_': true, '~': true}

// scan finds code spans, bracket pairs and the emphasis markers to drop.
func (r *mdReader) scan() {
	raw := r.raw
	n := len(raw)
	r.drop = grow(r.drop, n)
	clear(r.drop)
	r.match = grow(r.match, n)
	for k := range r.match {
		r.match[k] = -1
	}
	r.codes = r.codes[:0]
	r.noComment = -1
	var noCloser [maxCodeRun + 1]bool
	brackets, runs := r.brackets[:0], r.runs[:0]
	defer func() { r.brackets, r.runs = brackets[:0], runs[:0] }()
	for i := 0; i < n; {
		// most bytes are none of the markers: pass them in a tight loop
		for i < n && !mdInlineMarker[raw[i]] {
			i++
		}
		if i >= n {
			break
		}
		c := raw[i]
		switch c {
		case '\\':
			if i+1 < n && isASCIIPunct(raw[i+1]) {
				i += 2
				continue
			}
		case '`':
			k := runLen(raw, i)
			if k <= maxCodeRun && !noCloser[k] {
				if e := findCloser(raw, i+k, k); e >= 0 {
					r.codes = append(r.codes, mdCode{i, i + k, e, e + k})
					i = e + k
					continue
				}
				noCloser[k] = true
			}
			i += k
			continue
		case '[':
			brackets = append(brackets, int32(i))
		case ']':
			if len(brackets) > 0 {
				o := brackets[len(brackets)-1]
				brackets = brackets[:len(brackets)-1]
				r.match[o] = int32(i)
			}
		case '<':
			if e := r.angle(i); e > i {
				i = e
				continue
			}
		case '*', '_', '~':
			k := runLen(raw, i)
			before, after := byte('\n'), byte('\n')
			if i > 0 {
				before = raw[i-1]
			}
			if i+k < n {
				after = raw[i+k]
			}
			left := !isMdSpace(after) && (!isASCIIPunct(after) || isMdSpace(before) || isASCIIPunct(before))
			right := !isMdSpace(before) && (!isASCIIPunct(before) || isMdSpace(after) || isASCIIPunct(after))
			run := mdRun{start: i, n: k, c: c, open: left, close: right}
			if c == '_' {
				run.open = left && (!right || isASCIIPunct(before))
				run.close = right && (!left || isASCIIPunct(after))
			}
			if c != '~' || k <= 2 {
				runs = append(runs, run)
			}
			i += k
			continue
		}
		i++
	}
	// pair closers with the nearest opener of the same character
	stacks := &r.stacks
	for k := range stacks {
		stacks[k] = stacks[k][:0]
	}
	slot := func(c byte) int {
		switch c {
		case '*':
			return 0
		case '_':
			return 1
		}
		return 2
	}
	for k, run := range runs {
		st := &stacks[slot(run.c)]
		if run.close && len(*st) > 0 {
			o := runs[(*st)[len(*st)-1]]
			if run.c != '~' || o.n == run.n {
				*st = (*st)[:len(*st)-1]
				for j := o.start; j < o.start+o.n; j++ {
					r.drop[j] = true
				}
				for j := run.start; j < run.start+run.n; j++ {
					r.drop[j] = true
				}
				continue
			}
		}
		if run.open {
			*st = append(*st, k)
		}
	}
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

func isMdSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// runLen returns the length of the run of raw[i] starting at i.
func runLen(raw []byte, i int) int {
	k := i + 1
	for k < len(raw) && raw[k] == raw[i] {
		k++
	}
	return k - i
}

// findCloser returns the start of the next run of exactly n backticks at
// or after i, or -1.
func findCloser(raw []byte, i, n int) int {
	for i < len(raw) {
		j := bytes.IndexByte(raw[i:], '`')
		if j < 0 {
			return -1
		}
		j += i
		k := runLen(raw, j)
		if k == n {
			return j
		}
		i = j + k
	}
	return -1
}

// angle reads an autolink, inline HTML tag or comment at raw[i] == '<' and
// returns the offset after it, or i if there is none. Neither crosses a
// '<' nor, except a comment, a newline.
func (r *mdReader) angle(i int) int {
	raw := r.raw
	e := i + 1
	for e < len(raw) && raw[e] != '>' && raw[e] != '<' && raw[e] != '\n' {
		e++
	}
	if bytes.HasPrefix(raw[i:], []byte("<!--")) {
		if r.noComment >= 0 && i >= r.noComment {
			return i // a later search would fail too
		}
		if k := bytes.Index(raw[i+4:], []byte("-->")); k >= 0 {
			return i + 4 + k + 3
		}
		r.noComment = i
		return i
	}
	if e >= len(raw) || raw[e] != '>' || e == i+1 {
		return i
	}
	inner := raw[i+1 : e]
	if isAlpha(inner[0]) || (inner[0] == '/' && len(inner) > 1 && isAlpha(inner[1])) || inner[0] == '!' || inner[0] == '?' {
		return e + 1
	}
	return i
}

// autolink reports whether raw[i+1:e-1] (between < and >) is an absolute
// URI or an email address, and returns the href.
func autolink(inner []byte) (string, bool) {
	if len(inner) == 0 || bytes.ContainsAny(inner, " \t\n<") {
		return "", false
	}
	if c := bytes.IndexByte(inner, ':'); c >= 2 && c <= 32 && isAlpha(inner[0]) {
		for _, ch := range inner[1:c] {
			if !isAlnumByte(ch) && ch != '+' && ch != '.' && ch != '-' {
				return "", false
			}
		}
		return string(inner), true
	}
	at := bytes.IndexByte(inner, '@')
	if at > 0 && at < len(inner)-1 && bytes.IndexByte(inner[at+1:], '.') > 0 && bytes.IndexByte(inner[at+1:], '@') < 0 {
		return "mailto:" + string(inner), true
	}
	return "", false
}

// mdLink is a link whose text is being read.
type mdLink struct {
	start  int // link text start in the block
	close  int // raw offset of its ']'
	resume int // raw offset after the whole link
	href   string
}

// emit writes the leaf's text into the current block.
func (r *mdReader) emit() {
	raw, b := r.raw, r.b
	n := len(raw)
	ci := 0
	open := r.open[:0]
	defer func() { r.open = open[:0] }()
	for i := 0; i < n; {
		if len(open) > 0 && i == open[len(open)-1].close {
			lk := open[len(open)-1]
			open = open[:len(open)-1]
			b.addLink(lk.start, b.n(), lk.href)
			i = lk.resume
			continue
		}
		c := raw[i]
		if !mdSpecial[c] {
			j := i + 1
			for j < n && !mdSpecial[raw[j]] {
				j++
			}
			if len(open) > 0 && j > open[len(open)-1].close && i < open[len(open)-1].close {
				j = open[len(open)-1].close
			}
			r.out(i, j)
			i = j
			continue
		}
		switch c {
		case '\\':
			if i+1 < n && isASCIIPunct(raw[i+1]) {
				r.out(i+1, i+2)
				i += 2
				continue
			}
			if i+1 < n && raw[i+1] == '\n' { // hard break: the newline stays
				i++
				continue
			}
		case '\n':
			b.trimSpaces()
			r.out(i, i+1)
			i++
			continue
		case '`':
			for ci < len(r.codes) && r.codes[ci].s < i {
				ci++
			}
			if ci < len(r.codes) && r.codes[ci].s == i {
				cs := r.codes[ci]
				c0, c1 := cs.c0, cs.c1
				if c1-c0 >= 2 && isMdSpace(raw[c0]) && isMdSpace(raw[c1-1]) && !isBlank(raw[c0:c1]) {
					c0++
					c1--
				}
				r.out(c0, c1)
				i = cs.e
				continue
			}
			k := runLen(raw, i)
			r.out(i, i+k)
			i += k
			continue
		case '*', '_', '~':
			k := runLen(raw, i)
			if !r.drop[i] {
				r.out(i, i+k)
			}
			i += k
			continue
		case '!':
			if i+1 < n && raw[i+1] == '[' && r.match[i+1] >= 0 {
				if _, resume, ok := r.tryLink(i + 1); ok {
					i = resume // an image: dropped with its alt text
					continue
				}
			}
		case '[':
			if len(open) == 0 && r.match[i] >= 0 {
				if href, resume, ok := r.tryLink(i); ok {
					open = append(open, mdLink{start: b.n(), close: int(r.match[i]), resume: resume, href: href})
					i++
					continue
				}
			}
		case '&':
			if dec, j := decodeEntity(raw, i, n, entMarkdown, &r.ent); j > i {
				b.addDecoded(dec, int(r.rawSrc[i]), int(r.rawSrc[j-1])+1)
				i = j
				continue
			}
		case '<':
			if e := r.angle(i); e > i {
				if href, ok := autolink(raw[i+1 : e-1]); ok {
					start := b.n()
					r.out(i+1, e-1)
					b.addLink(start, b.n(), href)
				} else if isBrTag(raw[i+1 : e-1]) {
					b.add('\n', int(r.rawSrc[i]))
				}
				i = e
				continue
			}
		}
		r.out(i, i+1)
		i++
	}
	for k := len(open) - 1; k >= 0; k-- { // cannot happen: every close lies inside raw
		b.addLink(open[k].start, b.n(), open[k].href)
	}
}

// isBrTag reports whether a tag's inside is br, br/ or br with attributes.
func isBrTag(t []byte) bool {
	return len(t) >= 2 && t[0]|0x20 == 'b' && t[1]|0x20 == 'r' && (len(t) == 2 || t[2] == ' ' || t[2] == '/')
}

// out copies raw[i:j] into the block, one anchor per run of contiguous
// source.
func (r *mdReader) out(i, j int) {
	if r.b.n() == 0 { // a block starts with its first visible byte
		for i < j && isMdSpace(r.raw[i]) {
			i++
		}
	}
	for i < j {
		s := int(r.rawSrc[i])
		k := i + 1
		for k < j && int(r.rawSrc[k]) == s+(k-i) {
			k++
		}
		r.b.copy(s, s+(k-i))
		i = k
	}
}

// tryLink reads the link whose text opens with '[' at raw[o], and returns
// its href and the offset after it.
func (r *mdReader) tryLink(o int) (href string, resume int, ok bool) {
	raw := r.raw
	m := int(r.match[o])
	p := m + 1
	if p < len(raw) && raw[p] == '(' {
		if href, resume, ok := r.inlineDest(p + 1); ok {
			return href, resume, true
		}
	}
	if r.defs == nil {
		return "", 0, false
	}
	label := raw[o+1 : m]
	resume = m + 1
	if p < len(raw) && raw[p] == '[' {
		lim := min(len(raw), p+1000)
		if q := bytes.IndexByte(raw[p+1:lim], ']'); q >= 0 && bytes.IndexByte(raw[p+1:p+1+q], '[') < 0 {
			if q > 0 {
				label = raw[p+1 : p+1+q]
			}
			resume = p + 1 + q + 1
		}
	}
	if len(label) > 999 {
		return "", 0, false
	}
	href, ok = r.defs[normLabel(label)]
	return href, resume, ok
}

// inlineDest reads "dest "title")" from raw[p:], after the '('.
func (r *mdReader) inlineDest(p int) (string, int, bool) {
	raw := r.raw
	n := len(raw)
	skip := func() {
		for p < n && isMdSpace(raw[p]) {
			p++
		}
	}
	skip()
	var dest []byte
	if p < n && raw[p] == '<' {
		q := p + 1
		for q < n && raw[q] != '>' && raw[q] != '<' && raw[q] != '\n' {
			if raw[q] == '\\' {
				q++
			}
			q++
		}
		if q >= n || raw[q] != '>' {
			return "", 0, false
		}
		dest = raw[p+1 : q]
		p = q + 1
	} else {
		s, depth := p, 0
	loop:
		for p < n {
			switch c := raw[p]; {
			case c == '\\' && p+1 < n && isASCIIPunct(raw[p+1]):
				p++
			case c == '(':
				depth++
				if depth > 32 {
					return "", 0, false
				}
			case c == ')':
				if depth == 0 {
					break loop
				}
				depth--
			case c <= ' ':
				break loop
			}
			p++
		}
		if depth != 0 {
			return "", 0, false
		}
		dest = raw[s:p]
	}
	skip()
	if p < n && (raw[p] == '"' || raw[p] == '\'' || raw[p] == '(') {
		q := raw[p]
		if q == '(' {
			q = ')'
		}
		p++
		for p < n && raw[p] != q {
			if raw[p] == '\\' {
				p++
			}
			p++
		}
		if p >= n {
			return "", 0, false
		}
		p++
		skip()
	}
	if p >= n || raw[p] != ')' {
		return "", 0, false
	}
	return r.unescape(dest), p + 1, true
}
